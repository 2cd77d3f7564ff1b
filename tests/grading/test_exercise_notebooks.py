"""Untouched exercises fail at their check cells, and only there, with a friendly message;
solutions pass every check with the same printed summary every time."""
import contextlib
import io
import re

import nbformat
import pytest

from exercise_code import ROOT, SOURCES, cells, is_check_cell, nbbuild
from toyqueue.grading import NotImplementedYet

NAMES = [s.stem for s in SOURCES]
FRIENDLY = re.compile(r"^not implemented yet: fill in [\w.]+ in the cell above, then run this check again\.$")


def test_there_are_nine_exercises_in_course_order():
    assert NAMES == ["01_store_and_receive", "02_receipt_handles", "03_visibility_timeout",
                     "04_retention_and_delay", "05_batches", "06_dead_letter", "07_fifo",
                     "08_idempotent_consumer", "09_scaling_policy"]


def run(name, version):
    """Run every code cell in order; return [(is_check, exception or None, stdout)]."""
    ns, results = {"__name__": f"exercise_{name}"}, []
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
def test_untouched_exercise_fails_only_at_its_checks(name):
    results = run(name, "exercises")
    checks = [r for r in results if r[0]]
    assert checks, "an exercise needs check cells"
    for is_check, err, _ in results:
        if not is_check:
            assert err is None, f"a cell outside the checks failed: {err!r}"
        else:
            assert isinstance(err, NotImplementedYet), f"a check cell gave {err!r}"
            assert isinstance(err, AssertionError)
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
    for _ in range(2):
        assert [r[2] for r in run(name, "solutions")] == first


@pytest.mark.parametrize("name", NAMES)
def test_notebook_layout(name):
    """Title, a link to its lesson, TODOs only in the learner's copy, check cells marked for nbval."""
    ex = nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4)
    sol = nbformat.read(ROOT / "solutions" / f"{name}.ipynb", as_version=4)
    md = "\n".join(c.source for c in ex.cells if c.cell_type == "markdown")
    assert md.startswith(f"# Exercise {name[:2]} · ")
    lessons = re.findall(r"\(\.\./notebooks/(\d\d_\w+)\.ipynb\)", md)
    assert lessons, "link back to the lesson"
    code_ex = "\n".join(c.source for c in ex.cells if c.cell_type == "code")
    code_sol = "\n".join(c.source for c in sol.cells if c.cell_type == "code")
    assert "raise NotImplementedError" in code_ex and "NotImplementedError" not in code_sol
    assert "SOLUTION" not in code_ex + code_sol
    for c in ex.cells:
        if c.cell_type == "code" and is_check_cell(c.source):
            assert c.source.startswith("# NBVAL_CHECK_OUTPUT")
    # exercises are saved unexecuted, as a learner first meets them
    assert all(not c.get("outputs") for c in ex.cells if c.cell_type == "code")


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
