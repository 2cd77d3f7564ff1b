"""Grade a generated class, hostile submissions included, and check every verdict.

    python benchmarks/classroom_grading.py                  # 100 learners, 2 at a time
    python benchmarks/classroom_grading.py --learners 10    # one of each kind (a test runs this)

Each learner hands in exercise 01 (store and receive), written by the generator as one of:

    correct    the reference solution                       -> PASS
    wrong      receive() never hands out a message          -> FAIL, the broken rule named
    untouched  the exercise as given                        -> FAIL, "not implemented yet"
    loop       `while True: pass` before the checks         -> time limit
    sleeper    `time.sleep(10**6)` before the checks        -> time limit
    hog        asks for 16 GiB at once                      -> memory limit
    crash      `os._exit(3)`                                -> crashed
    segfault   reads address 0 through ctypes               -> crashed
    exit       `sys.exit(1)`                                -> exited
    deleter    deletes the class's folder, the other learners' scratch copies (..), the folder
               around the class and a file of the instructor's -> blocked file changes, all there

The kinds are dealt in turn (so 10 learners get one of each), and the script runs
`python -m toyqueue.grading report` on the class exactly as an instructor would, then checks that
every learner got the verdict of their kind and that nothing outside the sandbox was changed.
It prints the grading time; exit status 0 means every verdict was right.
"""
from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from toyqueue.grading import report  # noqa: E402  (what a check cell is: one definition)
EXERCISE = "01_store_and_receive.ipynb"

HOSTILE = {
    "loop": "while True:\n    pass",
    "sleeper": "import time\ntime.sleep(10**6)",
    "hog": "everything = bytearray(16 * 2**30)",
    "crash": "import os\nos._exit(3)",
    "segfault": "import ctypes\nctypes.string_at(0)",
    "exit": "import sys\nsys.exit(1)",
    "deleter": ("import pathlib, shutil\n"
                "for target in [{targets}]:\n"
                "    shutil.rmtree(target, ignore_errors=True)\n"
                "pathlib.Path({precious!r}).unlink()"),
}
KINDS = ["correct", "wrong", "untouched", *HOSTILE]
EXPECTED = {"correct": "PASS", "wrong": "FAIL", "untouched": "FAIL", "loop": "time limit",
            "sleeper": "time limit", "hog": "memory limit", "crash": "crashed",
            "segfault": "crashed", "exit": "exited", "deleter": "blocked file changes"}


def _clean(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def make_class(folder: Path, learners: int, precious: Path) -> dict[str, str]:
    """Write `learners` submissions into folder/<learner>/; returns learner -> kind."""
    solution = nbformat.read(ROOT / "solutions" / EXERCISE, as_version=4)
    exercise = nbformat.read(ROOT / "exercises" / EXERCISE, as_version=4)
    kinds = {}
    for i in range(learners):
        kind = KINDS[i % len(KINDS)]
        learner = f"learner{i:03d}-{kind}"
        nb = _clean(nbformat.from_dict(exercise if kind == "untouched" else solution))
        code = None
        if kind == "wrong":   # a receive that never hands out a message
            code = "MyQueue.receive = lambda self, *args, **kwargs: []"
        if kind in HOSTILE:
            targets = ", ".join(repr(str(p)) for p in (folder, "..", folder.parent))
            code = HOSTILE[kind].format(targets=targets, precious=str(precious))
        if code:
            first_check = next(i for i, c in enumerate(nb.cells) if report.is_check(c))
            nb.cells.insert(first_check, nbformat.v4.new_code_cell(code))
        (folder / learner).mkdir(parents=True)
        nbformat.write(nb, folder / learner / EXERCISE)
        kinds[learner] = kind
    return kinds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--learners", type=int, default=100)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=20, help="seconds a cell may run")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="toyqueue-class-") as tmp:
        tmp = Path(tmp)
        precious = tmp / "instructor-notes.txt"
        precious.write_text("do not lose")
        kinds = make_class(tmp / "class", a.learners, precious)
        before = sorted(p.relative_to(tmp) for p in (tmp / "class").rglob("*"))
        t0 = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "toyqueue.grading", "report", str(tmp / "class"),
                               "-j", str(a.jobs), "--timeout", str(a.timeout),
                               "--out", str(tmp / "graded")], capture_output=True, text=True)
        seconds = time.monotonic() - t0
        print(done.stdout[-3000:], done.stderr[-3000:], sep="\n")
        rows = list(csv.DictReader((tmp / "graded" / "gradebook.csv").open()))
        wrong = []
        for row in rows:
            kind, cell = kinds[row["learner"]], row[EXERCISE[:-6]]
            passed, _, reason = cell.partition(" ")
            got = reason or ("PASS" if passed.split("/")[0] == passed.split("/")[1] != "0" else "FAIL")
            if got != EXPECTED[kind]:
                wrong.append(f"{row['learner']}: expected {EXPECTED[kind]}, got {cell!r}")
        if sorted(r["learner"] for r in rows) != sorted(kinds):
            wrong.append("not every learner has a row in the gradebook")
        if precious.read_text() != "do not lose":
            wrong.append("the instructor's file was changed")
        if sorted(p.relative_to(tmp) for p in (tmp / "class").rglob("*")) != before:
            wrong.append("the submissions folder was changed")
        junit = (tmp / "graded" / "junit.xml").read_text()
        if junit.count("<testcase") != len(kinds):
            wrong.append("junit.xml does not have one testcase per submission")
    print(f"{len(kinds)} submissions ({', '.join(f'{KINDS.count(k) and sum(v == k for v in kinds.values())} {k}' for k in KINDS)})"
          f" graded with -j {a.jobs} in {seconds:.0f} s ({seconds / len(kinds):.1f} s each)")
    print("every verdict as expected" if not wrong else "WRONG VERDICTS:\n  " + "\n  ".join(wrong))
    return 0 if not wrong else 1


if __name__ == "__main__":
    sys.exit(main())
