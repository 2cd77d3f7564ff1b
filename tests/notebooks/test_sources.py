"""The committed notebooks are what their sources generate, executed, and linked into one book."""
import posixpath
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import nbbuild  # noqa: E402

# Both editions: the English one and, one folder down, each translation (notebooks/ko/...).
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + \
    sorted((ROOT / "notebooks").glob("*/[0-9][0-9]_*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb")) + \
    sorted((ROOT / "solutions").glob("*/[0-9][0-9]_*.ipynb"))
LINK = re.compile(r"\]\(([^)\s]+\.ipynb)\)")


def test_every_notebook_matches_its_source():
    assert nbbuild.stale() == []


def test_every_source_has_a_notebook_and_back():
    made = {rel for src in nbbuild.all_sources() for rel in nbbuild.targets(src) if rel.endswith(".ipynb")}
    committed = {str(p.relative_to(ROOT)) for d in ("notebooks", "exercises", "solutions")
                 for p in [*(ROOT / d).glob("*.ipynb"), *(ROOT / d).glob("*/*.ipynb")]}
    assert committed == made


def test_the_course_map_has_a_lesson_per_row():
    numbers = {p.name[:2] for p in LESSONS}
    rows = re.findall(r"^\| (\d\d) \|", (ROOT.parent / "shared" / "course-map.md").read_text(), re.M) \
        if (ROOT.parent / "shared" / "course-map.md").exists() else [f"{i:02d}" for i in range(11)]
    assert set(rows) <= numbers


@pytest.mark.parametrize("path", LESSONS + SOLUTIONS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_executed_with_the_course_kernel(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    unrun = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip()
             and c.get("execution_count") is None]
    assert unrun == [], f"cells {unrun} were never executed: run make notebooks"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_lesson_links_resolve(path):
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    links = LINK.findall(text)
    missing = [l for l in links if not (path.parent / l).resolve().exists()]
    assert missing == []
    first = [posixpath.basename(p) for p in LINK.findall(nb.cells[0].source)]
    number = int(path.name[:2])
    if number > 0:
        assert any(p.startswith(f"{number - 1:02d}_") for p in first), "no link to the previous lesson"
    if any((ROOT / "notebooks").glob(f"{number + 1:02d}_*.ipynb")):
        assert any(p.startswith(f"{number + 1:02d}_") for p in first), "no link to the next lesson"


EDITION_FOLDERS = {"en": ROOT / "notebooks", **{code: ROOT / "notebooks" / code for code in nbbuild.EDITIONS}}
LESSON_LINK = re.compile(r"\[([^\]]*)\]\((?:\.\./)?(\d\d)_\w+\.ipynb\)")    # to a lesson, not an exercise


def lesson_titles(folder):
    """{"01": "Synchronous vs asynchronous", ...} from lesson 00's map of the course; lesson 00,
    which the map does not list, by its own heading."""
    nb = nbformat.read(folder / "00_setup.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    titles = dict(re.findall(r"^\| \[(\d\d) ([^\]]+)\]\(\1_\w+\.ipynb\) \|", text, re.M))
    titles["00"] = re.search(r"^# 00 · (.+)$", text, re.M).group(1)
    return titles


@pytest.mark.parametrize("edition", EDITION_FOLDERS)
def test_links_between_lessons_call_each_lesson_by_its_title(edition):
    """A link that names a lesson ("← 05 ...", "Next: [07 ... →]") names it as lesson 00's map does,
    so a lesson is not called two things in one book."""
    folder = EDITION_FOLDERS[edition]
    titles = lesson_titles(folder)
    assert sorted(titles) == sorted(p.name[:2] for p in folder.glob("[0-9][0-9]_*.ipynb"))
    wrong = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "markdown":
                continue
            for text, number in LESSON_LINK.findall(cell.source):
                named = text.strip(" ←→↺")
                if re.match(r"\d\d\b", named) and named != f"{number} {titles[number]}":
                    wrong.append(f"{path.name}: [{text}] should say {number} {titles[number]}")
    assert wrong == []


EXERCISE_FOLDERS = {"en": (ROOT / "exercises", ROOT / "notebooks"),
                    **{code: (ROOT / "exercises" / code, ROOT / "notebooks" / code) for code in nbbuild.EDITIONS}}


@pytest.mark.parametrize("edition", EXERCISE_FOLDERS)
def test_exercises_call_each_lesson_by_its_title(edition):
    """An exercise that sends the learner to a lesson ("Lesson: [06 · ...]") names it as that
    edition's map does, with or without the "·"."""
    exercises, lessons = EXERCISE_FOLDERS[edition]
    titles = lesson_titles(lessons)
    wrong = []
    for path in sorted(exercises.glob("[0-9][0-9]_*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "markdown":
                continue
            for text, number in re.findall(r"\[([^\]]*)\]\(\.\./notebooks/(\d\d)_\w+\.ipynb\)", cell.source):
                named = re.sub(r"^(\d\d) · ", r"\1 ", text.strip(" ←→"))
                if re.match(r"\d\d \S", named) and named != f"{number} {titles[number]}":
                    wrong.append(f"{path.name}: [{text}] should say {number} · {titles[number]}")
    assert wrong == []
