"""Build the course notebooks from their plain-Python sources.

Why sources and not notebooks: a lesson is reviewed and diffed as text, and every exercise has
exactly one source from which both the learner's notebook and its solution are generated, so the
two can never drift apart (the scikit-learn-mooc / fastbook habit).

    python tools/nbbuild.py --all                  # rebuild and execute everything
    python tools/nbbuild.py sources/lessons/03_standard_queue.py
    python tools/nbbuild.py --check                # committed notebooks match their sources?

Source format ("percent" cells):

    # %% [markdown]
    # # A title
    # Prose, one comment marker per line.

    # %%
    print("a code cell")

Exercise sources (sources/exercises/) may mark solution code:

    # BEGIN SOLUTION optional hint for the learner
    return self._messages.popleft()
    # EXERCISE: return None          <- this line only in the learner's version, uncommented
    # END SOLUTION

In solutions/ the marker lines disappear and the code stays. In exercises/ the block becomes its
`# EXERCISE:` lines if it has any, else `raise NotImplementedError("<hint>")`, indented like the
block. Solutions and lessons are executed and saved with outputs; exercises are saved unexecuted,
as a learner first meets them.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
LESSON_SOURCES = ROOT / "sources" / "lessons"
EXERCISE_SOURCES = ROOT / "sources" / "exercises"
KERNEL = "python3"
CELL_MARK = re.compile(r"^# %%(?P<rest>.*)$")
BEGIN = re.compile(r"^(?P<indent>\s*)# BEGIN SOLUTION\s*(?P<hint>.*)$")
END = re.compile(r"^\s*# END SOLUTION\s*$")
EXERCISE_LINE = re.compile(r"^(?P<indent>\s*)# EXERCISE: ?(?P<code>.*)$")
DEFAULT_HINT = "not implemented yet: replace this line with your code"


def parse_cells(text: str) -> list[tuple[str, str]]:
    """Split a percent-format source into (kind, source) pairs; text before the first marker is a
    file header for contributors and is not part of the notebook."""
    cells: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        m = CELL_MARK.match(line)
        if m:
            kind = "markdown" if "[markdown]" in m.group("rest") else "code"
            cells.append((kind, []))
        elif cells:
            cells[-1][1].append(line)
    out = []
    for kind, lines in cells:
        if kind == "markdown":
            lines = [l[2:] if l.startswith("# ") else l[1:] if l.startswith("#") else l for l in lines]
        body = "\n".join(lines).strip("\n")
        if body.strip():
            out.append((kind, body))
    return out


def split_solution(code: str) -> tuple[str, str]:
    """Return (solution, exercise) versions of one code cell."""
    solution, exercise = [], []
    block: list[str] | None = None
    indent = hint = ""
    for line in code.splitlines():
        if block is None:
            m = BEGIN.match(line)
            if m:
                block, indent, hint = [], m.group("indent"), m.group("hint").strip()
                continue
            solution.append(line)
            exercise.append(line)
            continue
        if END.match(line):
            learner = [EXERCISE_LINE.match(l) for l in block]
            learner = [m.group("indent") + m.group("code") for m in learner if m]
            exercise.extend(learner or [f"{indent}raise NotImplementedError({(hint or DEFAULT_HINT)!r})"])
            block = None
            continue
        block.append(line)
        if not EXERCISE_LINE.match(line):
            solution.append(line)
    if block is not None:
        raise ValueError("a # BEGIN SOLUTION block has no # END SOLUTION")
    return "\n".join(solution), "\n".join(exercise)


def make_notebook(cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for kind, body in cells:
        cell = nbformat.v4.new_markdown_cell(body) if kind == "markdown" else nbformat.v4.new_code_cell(body)
        nb.cells.append(cell)
    return _with_stable_ids(nb)


def _with_stable_ids(nb):
    """Cell ids derived from position, so rebuilding a notebook does not rewrite every id."""
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:03d}"
    return nb


def targets(source: Path) -> dict[str, nbformat.NotebookNode]:
    """Map each output path to the notebook a source generates (before execution)."""
    cells = parse_cells(source.read_text(encoding="utf-8"))
    name = source.stem + ".ipynb"
    if source.parent.resolve() == EXERCISE_SOURCES.resolve():
        sol, ex = [], []
        for kind, body in cells:
            if kind == "code":
                s, e = split_solution(body)
                sol.append((kind, s))
                ex.append((kind, e))
            else:
                sol.append((kind, body))
                ex.append((kind, body))
        return {f"solutions/{name}": make_notebook(sol), f"exercises/{name}": make_notebook(ex)}
    return {f"notebooks/{name}": make_notebook(cells)}


def all_sources() -> list[Path]:
    return sorted(LESSON_SOURCES.glob("[0-9]*.py")) + sorted(EXERCISE_SOURCES.glob("[0-9]*.py"))


def kernel_env() -> dict[str, str]:
    """The environment notebook kernels run in: the project importable, LocalStack's URL known."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def ensure_localstack() -> None:
    """Lessons talk to LocalStack; make sure one answers before a kernel starts."""
    if os.environ.get("TOYQUEUE_LOCALSTACK_URL"):
        return
    sys.path.insert(0, str(ROOT))
    try:
        from toyqueue import localstack
    except ImportError:
        return
    handle = localstack.start()
    os.environ["TOYQUEUE_LOCALSTACK_URL"] = handle.url


def execute(nb: nbformat.NotebookNode, cwd: Path) -> None:
    from nbclient import NotebookClient

    client = NotebookClient(nb, kernel_name=KERNEL, timeout=300, resources={"metadata": {"path": str(cwd)}},
                            record_timing=False)
    client.execute(env=kernel_env())


def build(source: Path, run: bool = True) -> list[Path]:
    written = []
    for rel, nb in targets(source).items():
        path = ROOT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if run and not rel.startswith("exercises/"):
            execute(nb, path.parent)
        nbformat.write(nb, path)
        written.append(path)
    return written


def stale() -> list[str]:
    """Notebooks whose cells (kind and source) differ from what their source generates."""
    problems = []
    for source in all_sources():
        for rel, want in targets(source).items():
            path = ROOT / rel
            if not path.exists():
                problems.append(f"{rel}: missing (generate it from {source.relative_to(ROOT)})")
                continue
            have = nbformat.read(path, as_version=4)
            if [(c.cell_type, c.source) for c in have.cells] != [(c.cell_type, c.source) for c in want.cells]:
                problems.append(f"{rel}: differs from {source.relative_to(ROOT)} (run: make notebooks)")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="*", type=Path)
    ap.add_argument("--all", action="store_true", help="every source under sources/")
    ap.add_argument("--no-execute", action="store_true", help="write notebooks without running them")
    ap.add_argument("--check", action="store_true", help="only compare committed notebooks with sources")
    args = ap.parse_args(argv)
    if args.check:
        problems = stale()
        print("\n".join(problems) or "OK: every notebook matches its source")
        return 1 if problems else 0
    sources = all_sources() if args.all else [s.resolve() for s in args.sources]
    if not sources:
        ap.error("name a source or use --all")
    if not args.no_execute:
        ensure_localstack()
    for source in sources:
        for path in build(source, run=not args.no_execute):
            print("wrote", path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
