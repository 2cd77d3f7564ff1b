"""`python -m toyqueue.grading report <folder>`: grade a class's exercise notebooks.
`python -m toyqueue.grading reference NN`: print myqueue.py as it stands after exercise NN."""
import sys

USAGE = ("usage: python -m toyqueue.grading report <folder> [-j N] [--out DIR] [--help]\n"
         "       python -m toyqueue.grading reference NN        (myqueue.py after exercise NN)")

if __name__ == "__main__":
    argv = sys.argv[1:]
    if argv[:1] == ["report"]:
        from .sandbox import main   # report.grade for each notebook, each learner fenced in
        sys.exit(main(argv[1:]))
    if argv[:1] == ["reference"] and len(argv) == 2:
        from .mycode import reference
        try:
            sys.stdout.write(reference(argv[1]))
        except (LookupError, ValueError) as exc:
            print(exc, file=sys.stderr)
            sys.exit(1)
        sys.exit(0)
    print(USAGE, file=sys.stderr)
    sys.exit(2)
