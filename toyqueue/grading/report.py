"""Grade a folder of submitted exercise notebooks: one line per student and exercise.

    python -m toyqueue.grading report submissions/           # submissions/<student>/NN_name.ipynb
    python -m toyqueue.grading report submissions/ -j 4 --csv grades.csv

A student's folder holds their notebooks and their myqueue.py (the file exercises 01-03 and 07-10
grow); each notebook runs with its own folder as the working directory, so it grades that
student's file. Each notebook is executed from top to bottom in a fresh kernel (errors do not
stop it), then every check cell (a code cell calling `<module>.check_...(...)`) is read: PASS if
it raised nothing, else the first line of its error, which names the broken rule. An error in any
other cell is reported too, since it usually explains the failed checks after it. A myqueue.py
that is the course's reference for an earlier step (the learner opted into it with
mycode.use_reference) is noted, and use_reference is switched off while grading
(TOYQUEUE_GRADING=1 in the kernel's environment).
"""
from __future__ import annotations

import argparse
import concurrent.futures
import csv
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Result:
    student: str
    exercise: str
    passed: int = 0
    checks: int = 0
    problems: list[str] = field(default_factory=list)
    based_on: str = ""          # "reference after exercise 03" when myqueue.py started from it

    @property
    def ok(self) -> bool:
        return self.checks > 0 and self.passed == self.checks and not self.problems

    def line(self, width: int) -> str:
        status = "PASS" if self.ok else "FAIL"
        text = f"{self.student:<{width}}  {self.exercise:<24}  {self.passed}/{self.checks}  {status}"
        if self.based_on:
            text += f"  (myqueue.py: {self.based_on})"
        if self.problems:
            text += f"  {self.problems[0]}"
        return text


CHECK_CALL = re.compile(r"\.check_\w*\(")


def is_check_source(source: str) -> bool:
    """A check cell hands the learner's code to a check: `store_and_receive.check_...(MyQueue)`."""
    return CHECK_CALL.search(source) is not None


def is_check(cell) -> bool:
    return cell.cell_type == "code" and is_check_source(cell.source)


def _first_line(text: str) -> str:
    text = text.strip().splitlines()
    return text[0] if text else ""


def grade(path: Path, student: str, timeout: int = 120) -> Result:
    """Run one notebook and read its check cells."""
    import nbformat
    from nbclient import NotebookClient

    result = Result(student, path.stem, based_on=reference_used(path.parent))
    nb = nbformat.read(path, as_version=4)
    # The kernel imports toyqueue from this project; our own environment stays as it was.
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["TOYQUEUE_GRADING"] = "1"
    try:
        NotebookClient(nb, kernel_name="python3", timeout=timeout, allow_errors=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute(env=env)
    except Exception as exc:  # a kernel that died or a cell that hung
        result.problems.append(f"notebook did not run: {type(exc).__name__}: {_first_line(str(exc))}")
    n = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if is_check(cell):
            n += 1
            result.checks += 1
            if not errors and cell.get("execution_count") is not None:
                result.passed += 1
            elif errors:
                e = errors[0]
                result.problems.append(f"check {n}: {_first_line(e.get('evalue', '')) or e.get('ename')}")
            else:
                result.problems.append(f"check {n}: did not run")
        elif errors:
            e = errors[0]
            result.problems.append(f"error before check {n + 1}: {e.get('ename')}: {_first_line(e.get('evalue', ''))}")
    return result


def reference_used(folder: Path) -> str:
    """Whether a student's myqueue.py is (or started as) the course's reference for some step."""
    from .mycode import FILE, REFERENCE_MARK
    path = folder / FILE
    if not path.exists():
        return ""
    first = path.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
    if not first.startswith(REFERENCE_MARK):
        return ""
    step = first[len(REFERENCE_MARK):].split()[0] if first[len(REFERENCE_MARK):].split() else "?"
    return f"started from the reference after exercise {step}"


def submissions(folder: Path) -> list[tuple[str, Path]]:
    """(student, notebook) pairs: <folder>/<student>/*.ipynb, or <folder>/*.ipynb as one student."""
    pairs = []
    for nb in sorted(folder.glob("*.ipynb")):
        pairs.append((folder.name, nb))
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        for nb in sorted(sub.glob("[0-9][0-9]_*.ipynb")):
            pairs.append((sub.name, nb))
    return pairs


def _grade_pair(pair, timeout):
    return grade(pair[1], pair[0], timeout)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m toyqueue.grading report", description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("-j", "--jobs", type=int, default=1, help="notebooks run in parallel")
    ap.add_argument("--timeout", type=int, default=120, help="seconds a cell may run")
    ap.add_argument("--csv", type=Path, help="also write the results to this CSV file")
    args = ap.parse_args(argv)
    pairs = submissions(args.folder)
    if not pairs:
        print(f"no notebooks under {args.folder}", file=sys.stderr)
        return 2
    if args.jobs > 1:
        with concurrent.futures.ProcessPoolExecutor(args.jobs) as pool:
            results = list(pool.map(_grade_pair, pairs, [args.timeout] * len(pairs)))
    else:
        results = [_grade_pair(p, args.timeout) for p in pairs]
    width = max(len(r.student) for r in results)
    for r in results:
        print(r.line(width))
    done = sum(r.ok for r in results)
    print(f"\n{done} of {len(results)} notebooks pass all their checks "
          f"({len({r.student for r in results})} students).")
    if args.csv:
        with args.csv.open("w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["student", "exercise", "passed", "checks", "status", "first problem", "myqueue.py"])
            for r in results:
                w.writerow([r.student, r.exercise, r.passed, r.checks, "PASS" if r.ok else "FAIL",
                            r.problems[0] if r.problems else "", r.based_on])
    return 0 if done == len(results) else 1
