"""Untouched exercises fail at their check cells, and only there, with a friendly message;
solutions pass every check with the same printed summary every time; exercises come in lesson
order and never show an earlier exercise's answer."""
import contextlib
import io
import re

import nbformat
import pytest

from exercise_code import ROOT, SOURCES, cells, is_check_cell, learner_folder, nbbuild

NAMES = [s.stem for s in SOURCES]
FRIENDLY = re.compile(r"^not implemented yet: .+, then run this check again\.$", re.S)
LINK = re.compile(r"\]\(\.\./notebooks/(\d\d)_\w+\.ipynb\)")


def test_ten_exercises_in_lesson_order():
    assert NAMES == ["01_store_and_receive", "02_receipt_handles", "03_visibility_timeout",
                     "04_idempotent_consumer", "05_scaling_policy", "06_access_policy",
                     "07_retention_and_delay", "08_batches", "09_dead_letter", "10_fifo"]
    ready = [ready_after(n) for n in NAMES]
    assert ready == sorted(ready), f"an exercise needs a later lesson than the one after it: {ready}"


def ready_after(name) -> int:
    """The last lesson an exercise needs: the highest lesson linked from its 'Lesson:' paragraph."""
    md = next(c.source for c in nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4).cells
              if c.cell_type == "markdown")
    para = re.search(r"^Lessons?:.*?(?:\n\n|\Z)", md, re.M | re.S)
    assert para, f"{name}: no 'Lesson:' paragraph"
    return max(int(n) for n in LINK.findall(para.group(0)))


def run(name, version, folder=None, myqueue=None, edition="en"):
    """Run every code cell in order (in `folder`, holding `myqueue` or the untouched starter of
    `edition` as myqueue.py); return [(is_check, exception or None, stdout)]."""
    ns, results = {"__name__": f"exercise_{name}"}, []
    with learner_folder(folder, myqueue, edition) if folder else contextlib.nullcontext():
        for src in cells(name, version):
            out = io.StringIO()
            try:
                with contextlib.redirect_stdout(out):
                    exec(compile(src, f"<{version}/{name}>", "exec"), ns)
                err = None
            except Exception as exc:  # noqa: BLE001 - the test inspects it
                err = exc
            results.append((is_check_cell(src), err, out.getvalue()))
    return results


@pytest.mark.parametrize("name", NAMES)
def test_untouched_exercise_fails_only_at_its_checks(name, tmp_path):
    results = run(name, "exercises", tmp_path)
    checks = [r for r in results if r[0]]
    assert checks, "an exercise needs check cells"
    for is_check, err, _ in results:
        if not is_check:
            assert err is None, f"a cell outside the checks failed: {err!r}"
        else:
            assert isinstance(err, AssertionError), f"a check cell gave {err!r}"
            assert FRIENDLY.match(str(err)), str(err)


@pytest.mark.parametrize("name", NAMES)
def test_solution_passes_every_check_with_a_summary(name):
    results = run(name, "solutions")
    for is_check, err, out in results:
        assert err is None, f"{err!r}"
        if is_check:
            assert out.startswith("PASS "), out


@pytest.mark.parametrize("name", NAMES)
def test_solution_summary_is_the_same_every_run(name):
    first = [r[2] for r in run(name, "solutions")]
    assert [r[2] for r in run(name, "solutions")] == first


@pytest.mark.parametrize("name", [n for n in NAMES if "mycode.load(" in "\n".join(cells(n, "exercises"))])
def test_the_learners_own_file_is_graded(name, tmp_path):
    """The learner's notebook grades their myqueue.py: with the reference after this step in it,
    every check passes."""
    from toyqueue.grading import mycode
    text = next(c for c in cells(name, "solutions") if c.startswith(mycode.REFERENCE_MARK)) + "\n"
    results = run(name, "exercises", tmp_path, text)
    assert [err for _, err, _ in results] == [None] * len(results)
    assert all(out.startswith("PASS ") for is_check, _, out in results if is_check)


@pytest.mark.parametrize("name", NAMES)
def test_notebook_layout(name):
    """Title, a link to its lesson, TODOs only in the learner's copy, check cells marked for nbval."""
    ex = nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4)
    sol = nbformat.read(ROOT / "solutions" / f"{name}.ipynb", as_version=4)
    md = "\n".join(c.source for c in ex.cells if c.cell_type == "markdown")
    assert md.startswith(f"# Exercise {name[:2]} · ")
    assert ready_after(name) >= 1
    code_ex = "\n".join(c.source for c in ex.cells if c.cell_type == "code")
    code_sol = "\n".join(c.source for c in sol.cells if c.cell_type == "code")
    assert "raise NotImplementedError" in code_ex or "mycode.load(" in code_ex
    assert "NotImplementedError" not in code_sol and "mycode" not in code_sol
    assert "SOLUTION" not in code_ex + code_sol
    for c in ex.cells:
        if c.cell_type == "code" and is_check_cell(c.source):
            assert c.source.startswith("# NBVAL_CHECK_OUTPUT")
    # exercises are saved unexecuted, as a learner first meets them
    assert all(not c.get("outputs") for c in ex.cells if c.cell_type == "code")


def solution_lines(name):
    """The lines a learner writes in an exercise (its solution blocks), long enough to be telling."""
    text = (ROOT / "sources" / "exercises" / f"{name}.py").read_text()
    lines, inside = set(), False
    for line in text.splitlines():
        if "# BEGIN SOLUTION" in line:
            inside = True
        elif "# END SOLUTION" in line:
            inside = False
        elif inside and len(line.strip()) >= 30 and not line.strip().startswith("#"):
            lines.add(line.strip())
    return lines


@pytest.mark.parametrize("name", NAMES[1:])
def test_no_exercise_shows_an_earlier_answer(name):
    """The learner carries their own code forward: no exercise notebook holds a line of an earlier
    exercise's answer (the answers are in solutions/, or in myqueue.py by the learner's choice)."""
    nb = nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    for earlier in NAMES[:NAMES.index(name) + 1]:
        shown = sorted(line for line in solution_lines(earlier) if line in text)
        assert shown == [], f"{name} shows lines of the answer to {earlier}: {shown[:3]}"


def test_lessons_link_only_to_exercises_they_have_taught():
    """A lesson may send the learner to an exercise only once every lesson it needs is done."""
    for lesson in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(lesson, as_version=4)
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        for linked in re.findall(r"\]\(\.\./exercises/(\d\d_\w+)\.ipynb\)", text):
            assert ready_after(linked) <= int(lesson.name[:2]), f"{lesson.name} links to {linked}"


def test_links_resolve():
    """Every link in an exercise or solution (to its lesson, to the next exercise) exists."""
    for folder in ("exercises", "solutions"):
        for name in NAMES:
            nb = nbformat.read(ROOT / folder / f"{name}.ipynb", as_version=4)
            md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
            for link in re.findall(r"\]\(([^)\s]+\.ipynb)\)", md):
                assert (ROOT / folder / link).resolve().exists(), f"{folder}/{name}: {link}"


def test_committed_exercises_and_solutions_match_their_sources():
    assert [p for p in nbbuild.stale() if p.startswith(("exercises/", "solutions/"))] == []


@pytest.mark.parametrize("name", NAMES)
def test_committed_solution_was_run_and_passed(name):
    nb = nbformat.read(ROOT / "solutions" / f"{name}.ipynb", as_version=4)
    for c in nb.cells:
        if c.cell_type != "code":
            continue
        assert c.execution_count is not None
        assert not [o for o in c.outputs if o.output_type == "error"]
        if is_check_cell(c.source):
            text = "".join(o.get("text", "") for o in c.outputs if o.output_type == "stream")
            assert text.startswith("PASS ")
