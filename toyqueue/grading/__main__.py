"""`python -m toyqueue.grading report <folder>`: grade a class's exercise notebooks."""
import sys

from .sandbox import main   # report.grade for each notebook, each learner fenced in

if __name__ == "__main__":
    argv = sys.argv[1:]
    if not argv or argv[0] != "report":
        print("usage: python -m toyqueue.grading report <folder> [-j N] [--out DIR] [--help]", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(argv[1:]))
