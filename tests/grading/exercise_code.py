"""Exercise code straight from its source, in-process (shared by tests/grading and its conftest).

A module of its own, not conftest.py: test files importing `from conftest import ...` get
whichever conftest module pytest loaded first when tests/unit and tests/grading run together.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import nbbuild  # noqa: E402

SOURCES = sorted((ROOT / "sources" / "exercises").glob("[0-9][0-9]_*.py"))


def is_check_cell(source: str) -> bool:
    return "toyqueue.grading" in source or ".check_" in source


def cells(name: str, version: str = "solutions"):
    """The code cells of exercise `name` ("03_visibility_timeout") in `version`."""
    source = ROOT / "sources" / "exercises" / f"{name}.py"
    nb = nbbuild.targets(source)[f"{version}/{name}.ipynb"]
    return [c.source for c in nb.cells if c.cell_type == "code"]


def load(name: str, version: str = "solutions") -> dict:
    """Run the exercise's non-check cells and return their namespace (MyQueue and friends)."""
    ns = {"__name__": f"exercise_{name}"}
    for src in cells(name, version):
        if not is_check_cell(src):
            exec(compile(src, f"<{version}/{name}>", "exec"), ns)
    return ns
