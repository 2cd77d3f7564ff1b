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

Editions. Every source also makes a Korean edition (notebooks/ko/, exercises/ko/, solutions/ko/)
from the same code cells. Its prose sits in the source right after the English it translates,
with a short hash of that English (docs/translating.md):

    # %% [markdown]
    # ## Two ways to run SQS
    # %% [markdown] ko en=1a2b3c4d
    # ## SQS를 실행하는 두 가지 방법

A Korean cell whose English changed since (another hash) is stale; tests/notebooks fail on a
missing or stale one (tools/translate.py says which, and shows what changed in the English). A
source whose header has the line `# ko: pending` has no Korean edition yet: links to it from
Korean notebooks go to the English one. Relative links in Korean prose are written as in the
English; the build points them at the Korean edition. Korean notebooks get one extra code cell,
before their first code cell, that sets the course language (toyqueue.i18n). An exercise's code is
the same in every edition except what stands in for an answer: the hint of
`raise NotImplementedError("<hint>")` and an `# EXERCISE: # <comment>` line are said in the
edition's language (toyqueue.i18n.hint: toyqueue/korean.py, keyed by the English), and exercise
01's starter is written for each edition, so a Korean learner's myqueue.py is exercises/ko/myqueue.py.

    python tools/nbbuild.py --edition ko sources/lessons/03_standard_queue.py   # one edition only

A code cell of an exercise may be tagged: `# %% [solution]` is kept only in solutions/ (the
reference code), `# %% [exercise]` only in exercises/ (e.g. the line that loads the learner's own
file), and `# %% [solution] starter: myqueue.py` also writes the cell's learner version to
exercises/myqueue.py, the file learners carry from exercise to exercise (exercises/ko/myqueue.py for
the Korean edition).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from toyqueue.i18n import DEFAULT_HINT, EDITION_KINDS, EXERCISE_LINE, hint, pending  # noqa: E402
from toyqueue.i18n import SOLUTION_BEGIN as BEGIN  # noqa: E402  (the layout, `# ko: pending`, the hints)

LESSON_SOURCES = ROOT / "sources" / "lessons"
EXERCISE_SOURCES = ROOT / "sources" / "exercises"
KERNEL = "python3"
CELL_MARK = re.compile(r"^# %%(?P<rest>.*)$")
END = re.compile(r"^\s*# END SOLUTION\s*$")
EDITIONS = ("ko",)                 # besides English, which lives at notebooks/, exercises/, solutions/
TRANSLATION = re.compile(r"^\s*\[markdown\]\s+(?P<lang>[a-z]{2})\b(?:\s+en=(?P<hash>\S*))?\s*$")
HASH_LENGTH = 8
# Set by the first code cell of each edition other than English: output language is never the
# machine's locale (toyqueue.i18n). The except branch lets lesson 00's set-up check explain a
# kernel that cannot import toyqueue.
LANGUAGE_CELL = {
    "ko": "# 한국어판의 언어 설정: toyqueue가 보여 주는 안내문, 위젯과 그래프의 글자를 한국어로 씁니다.\n"
          "# (tools/nbbuild.py가 한국어판에만 넣는 셀입니다. 영어판은 기본값 \"en\"을 씁니다.)\n"
          "try:\n"
          "    import toyqueue\n"
          "    toyqueue.set_language(\"ko\")\n"
          "except ImportError:\n"
          "    print(\"toyqueue를 불러올 수 없습니다: 이 커널은 이 과정의 .venv가 아닙니다. \"\n"
          "          \"`make lab`으로 JupyterLab을 여세요.\")",
}


@dataclass
class Cell:
    """One cell of a source: `lang` is "en" for English prose and all code, else a translation
    of the English markdown cell right before it, made from the English whose hash is `en_hash`."""
    kind: str
    body: str
    line: int            # 1-based line of its `# %%` marker
    lang: str = "en"
    en_hash: str = ""
    end: int = 0         # 1-based line of its last non-blank line
    tags: str = ""       # what follows `# %%` on its marker line, e.g. "[solution]"


def english_hash(body: str) -> str:
    """Short hash of English prose; re-wrapping lines or changing spaces does not change it."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def read_cells(text: str) -> list[Cell]:
    """Every cell of a percent-format source, translations included; text before the first marker
    is a file header for contributors and is not part of the notebook."""
    cells: list[tuple[str, str, str, int, list[str]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        m = CELL_MARK.match(line)
        if m:
            rest = m.group("rest")
            t = TRANSLATION.match(rest)
            kind = "markdown" if "[markdown]" in rest else "code"
            cells.append((kind, t.group("lang") if t else "en", (t.group("hash") or "") if t else "",
                          number, [], rest))
        elif cells:
            cells[-1][4].append(line)
    out = []
    for kind, lang, en_hash, number, lines, tags in cells:
        if kind == "markdown":
            lines = [l[2:] if l.startswith("# ") else l[1:] if l.startswith("#") else l for l in lines]
        body = "\n".join(lines).strip("\n")
        end = number + len("\n".join(lines).rstrip("\n").splitlines())
        if body.strip():
            out.append(Cell(kind, body, number, lang, en_hash, end, tags))
    return out


def parse_cells(text: str) -> list[tuple[str, str]]:
    """The English notebook's cells as (kind, source) pairs."""
    return [(c.kind, c.body) for c in read_cells(text) if c.lang == "en"]


def translations(cells: list[Cell], lang: str) -> list[tuple[Cell, Cell | None]]:
    """Each English markdown cell with the `lang` cell right after it (or None)."""
    pairs = []
    for i, cell in enumerate(cells):
        if cell.kind == "markdown" and cell.lang == "en":
            after = cells[i + 1] if i + 1 < len(cells) else None
            pairs.append((cell, after if after is not None and after.lang == lang else None))
    return pairs


def split_solution(code: str, lang: str = "en") -> tuple[str, str]:
    """Return (solution, exercise) versions of one code cell; the exercise's hints and learner's
    comments in the `lang` edition (toyqueue.i18n.hint)."""
    solution, exercise = [], []
    block: list[str] | None = None
    indent = said = ""
    for line in code.splitlines():
        if block is None:
            m = BEGIN.match(line)
            if m:
                block, indent, said = [], m.group("indent"), m.group("hint").strip()
                continue
            solution.append(line)
            exercise.append(line)
            continue
        if END.match(line):
            learner = [EXERCISE_LINE.match(l) for l in block]
            learner = [m.group("indent") + _learner_line(m.group("code"), lang) for m in learner if m]
            exercise.extend(learner or [f"{indent}raise NotImplementedError({hint(said or DEFAULT_HINT, lang)!r})"])
            block = None
            continue
        block.append(line)
        if not EXERCISE_LINE.match(line):
            solution.append(line)
    if block is not None:
        raise ValueError("a # BEGIN SOLUTION block has no # END SOLUTION")
    return "\n".join(solution), "\n".join(exercise)


def _learner_line(code: str, lang: str) -> str:
    """An `# EXERCISE:` line for the `lang` edition: a comment is said in that language."""
    return "# " + hint(code[2:].strip(), lang) if code.startswith("# ") else code


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


STARTER = re.compile(r"starter:\s*(?P<file>[\w.-]+\.py)")


def targets(source: Path) -> dict[str, nbformat.NotebookNode | str]:
    """Map each output path to the notebook a source generates (before execution): the English
    notebooks, and the same notebooks in each edition the source is not pending in; for a starter
    file (exercise 01's myqueue.py), its text."""
    cells = read_cells(source.read_text(encoding="utf-8"))
    english = [c for c in cells if c.lang == "en"]
    name = source.stem + ".ipynb"
    files = {}
    exercise = source.parent.resolve() == EXERCISE_SOURCES.resolve()

    def versions(lang: str) -> dict[str, list]:
        """kind -> [(English cell, kind, body)] of the `lang` edition's notebooks; an exercise's
        starter file (exercises/<lang>/myqueue.py, English at exercises/) into `files`."""
        if not exercise:
            return {"notebooks": [(c, c.kind, c.body) for c in english]}
        split = [split_solution(c.body, lang) if c.kind == "code" else (c.body, c.body) for c in english]
        for c, v in zip(english, split):
            starter = STARTER.search(c.tags) if c.kind == "code" else None
            if starter:
                folder = "exercises" if lang == "en" else f"exercises/{lang}"
                files[f"{folder}/{starter.group('file')}"] = v[1] + "\n"
        return {"solutions": [(c, c.kind, v[0]) for c, v in zip(english, split) if "[exercise]" not in c.tags],
                "exercises": [(c, c.kind, v[1]) for c, v in zip(english, split) if "[solution]" not in c.tags]}

    every = versions("en")
    kinds = {kind: [(k, body) for _, k, body in made] for kind, made in every.items()}
    out = {f"{kind}/{name}": make_notebook(made) for kind, made in kinds.items()}
    for lang in EDITIONS:
        if pending(source, lang):
            continue
        # Prose without a translation yet stays English (the tests say which cells those are).
        prose = {en.line: (t or en).body for en, t in translations(cells, lang)}
        done = translated_notebooks(lang)
        for kind, made in versions(lang).items():
            edition = []
            for cell, k, body in made:
                if k == "markdown":
                    body = relink(prose[cell.line], kind, lang, done)
                elif not any(k2 == "code" for k2, _ in edition):
                    edition.append(("code", LANGUAGE_CELL[lang]))
                edition.append((k, body))
            out[f"{kind}/{lang}/{name}"] = make_notebook(edition)
    return {**out, **files}


def edition_of(rel: str) -> str:
    """"en" for notebooks/x.ipynb, "ko" for notebooks/ko/x.ipynb."""
    parts = rel.split("/")
    return parts[1] if len(parts) == 3 and parts[1] in EDITIONS else "en"


def translated_notebooks(lang: str) -> set[str]:
    """Every notebook (e.g. "notebooks/00_setup.ipynb") that has a `lang` edition."""
    return {rel for source in all_sources() if not pending(source, lang)
            for rel in _english_paths(source)}


def _english_paths(source: Path) -> list[str]:
    name = source.stem + ".ipynb"
    if source.parent.resolve() == EXERCISE_SOURCES.resolve():
        return [f"solutions/{name}", f"exercises/{name}"]
    return [f"notebooks/{name}"]


MD_LINK = re.compile(r"(\]\()(<[^>\n]*>|[^)\s]+)")


def relink(markdown: str, folder: str, lang: str, translated: set[str]) -> str:
    """Links written for the English notebook in `folder`, made right for its `lang` edition one
    folder down: to that edition's notebook where there is one, else to the English one."""
    here = f"{folder}/{lang}"

    def fix(m):
        target = m.group(2)
        bracketed = target.startswith("<")
        target = target[1:-1] if bracketed else target
        path, sep, anchor = target.partition("#")
        if not path or path.startswith("/") or re.match(r"^[a-z][a-z0-9+.-]*:", path, re.I):
            return m.group(0)
        resolved = posixpath.normpath(posixpath.join(folder, path))
        top, _, rest = resolved.partition("/")
        if top in EDITION_KINDS and rest and f"{top}/{rest}" in translated:
            resolved = f"{top}/{lang}/{rest}"
        elif top in EDITION_KINDS and not rest and any(t.startswith(f"{top}/") for t in translated):
            resolved = f"{top}/{lang}"
        new = posixpath.relpath(resolved, here) + ("/" if path.endswith("/") else "") + sep + anchor
        return m.group(1) + (f"<{new}>" if bracketed else new)

    return MD_LINK.sub(fix, markdown)


def all_sources() -> list[Path]:
    return sorted(LESSON_SOURCES.glob("[0-9]*.py")) + sorted(EXERCISE_SOURCES.glob("[0-9]*.py"))


def kernel_env() -> dict[str, str]:
    """The environment notebook kernels run in: the project importable, LocalStack's URL known."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def ensure_localstack():
    """Lessons talk to LocalStack; make sure one answers before a kernel starts.

    Uses $TOYQUEUE_LOCALSTACK_URL when set; otherwise starts a LocalStack of the build's own on a
    free port (never 4566: a learner's `make lab` there keeps its queues) and returns its handle,
    so the caller stops it when the build is done.
    """
    if os.environ.get("TOYQUEUE_LOCALSTACK_URL"):
        return None
    sys.path.insert(0, str(ROOT))
    from toyqueue import localstack

    handle = localstack.start(port=0)
    os.environ["TOYQUEUE_LOCALSTACK_URL"] = handle.url
    return handle


def execute(nb: nbformat.NotebookNode, cwd: Path) -> None:
    from nbclient import NotebookClient

    client = NotebookClient(nb, kernel_name=KERNEL, timeout=300, resources={"metadata": {"path": str(cwd)}},
                            record_timing=False)
    client.execute(env=kernel_env())


def build(source: Path, run: bool = True, editions: tuple[str, ...] | None = None) -> list[Path]:
    made = {rel: nb for rel, nb in targets(source).items() if not editions or edition_of(rel) in editions}
    # Every notebook is on disk before any runs: a lesson that reads its siblings (lesson 11 lists
    # the course's titles) then sees the same files whatever the build order.
    for rel, nb in made.items():
        (ROOT / rel).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(nb, str):
            (ROOT / rel).write_text(nb, encoding="utf-8")
        elif not (ROOT / rel).exists():
            nbformat.write(nb, ROOT / rel)
    written = []
    for rel, nb in made.items():
        path = ROOT / rel
        if isinstance(nb, str):
            written.append(path)
            continue
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
            if isinstance(want, str):
                if path.read_text(encoding="utf-8") != want:
                    problems.append(f"{rel}: differs from {source.relative_to(ROOT)} (run: make notebooks)")
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
    ap.add_argument("--edition", action="append", choices=("en",) + EDITIONS,
                    help="build only this edition (repeatable; default: all)")
    args = ap.parse_args(argv)
    if args.check:
        problems = stale()
        print("\n".join(problems) or "OK: every notebook matches its source")
        return 1 if problems else 0
    sources = all_sources() if args.all else [s.resolve() for s in args.sources]
    if not sources:
        ap.error("name a source or use --all")
    started = None if args.no_execute else ensure_localstack()
    try:
        for source in sources:
            for path in build(source, run=not args.no_execute, editions=tuple(args.edition or ())):
                print("wrote", path.relative_to(ROOT))
    finally:
        if started is not None:
            started.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
