"""Exercise code straight from its source, in-process (shared by tests/grading and its conftest).

A module of its own, not conftest.py: test files importing `from conftest import ...` get
whichever conftest module pytest loaded first when tests/unit and tests/grading run together.

The learner's version of an exercise loads the learner's own file, myqueue.py, from the current
folder; `learner_folder` makes a folder holding the untouched starter file (or any text) to run
it in.
"""
import contextlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import nbbuild  # noqa: E402

SOURCES = sorted((ROOT / "sources" / "exercises").glob("[0-9][0-9]_*.py"))
STARTER = "myqueue.py"


from toyqueue.grading.report import is_check_source as is_check_cell  # noqa: E402


def cells(name: str, version: str = "solutions"):
    """The code cells of exercise `name` ("03_visibility_timeout") in `version`."""
    source = ROOT / "sources" / "exercises" / f"{name}.py"
    nb = nbbuild.targets(source)[f"{version}/{name}.ipynb"]
    return [c.source for c in nb.cells if c.cell_type == "code"]


def starter(edition: str = "en") -> str:
    """The untouched myqueue.py, as exercise 01's source generates it for `edition` (the English
    one while that edition has no exercise 01)."""
    made = nbbuild.targets(SOURCES[0])
    return made.get(f"exercises/{edition}/{STARTER}", made[f"exercises/{STARTER}"])


@contextlib.contextmanager
def learner_folder(tmp: Path, myqueue: str | None = None, edition: str = "en"):
    """Work in `tmp`, holding `myqueue` (default: the untouched starter of `edition`) as myqueue.py."""
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / STARTER).write_text(starter(edition) if myqueue is None else myqueue, encoding="utf-8")
    old = os.getcwd()
    os.chdir(tmp)
    try:
        yield tmp
    finally:
        os.chdir(old)


def load(name: str, version: str = "solutions") -> dict:
    """Run the exercise's non-check cells and return their namespace (MyQueue and friends)."""
    ns = {"__name__": f"exercise_{name}"}
    for src in cells(name, version):
        if not is_check_cell(src):
            exec(compile(src, f"<{version}/{name}>", "exec"), ns)
    return ns
