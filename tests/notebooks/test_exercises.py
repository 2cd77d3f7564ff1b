"""An untouched exercise fails at its check cells, and only there, with a friendly message.

A learner who opens an exercise and runs it before writing anything must see every cell above the
checks run cleanly (the starting code, the cell that loads their myqueue.py) and each check say
what to fill in, never a traceback from deep inside the grader. tests/grading/ checks the same
rule fast, in-process, on what the sources generate; this test runs the committed
exercises/*.ipynb files themselves, with the committed starter exercises/myqueue.py beside them
(copied to a folder of the test's own, so a learner's edits never matter), in a real Jupyter
kernel, as a learner's JupyterLab does (nbval never collects exercises/). The Korean edition's
exercises (exercises/ko/, with their starter exercises/ko/myqueue.py) run the same way and must
say it in Korean (tests/grading/test_korean.py does the same in-process, for every exercise).
"""
import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from toyqueue import i18n

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))
EDITIONS = sorted((ROOT / "exercises").glob("[a-z][a-z]/[0-9][0-9]_*.ipynb"))


def language_of(path):
    return path.parent.name if path.parent.name in i18n.LANGUAGES else "en"


def not_implemented(language):
    """How an untouched check begins and ends in `language` (what NotImplementedYet says)."""
    import matplotlib

    from toyqueue.grading import NotImplementedYet

    with matplotlib.rc_context():           # the course language is process-wide; so is the font it picks
        i18n.set_language(language)
        try:
            head, tail = str(NotImplementedYet("{what}")).split("{what}")
        finally:
            i18n.set_language("en")
    return head.strip(), tail.strip()


def is_check(cell):
    """A check cell is one that hands the learner's code to the grader."""
    return cell.cell_type == "code" and bool(re.search(r"\.check_\w*\(", cell.source))


def starter(path):
    """The untouched myqueue.py the notebook's edition starts from (the English one while the
    edition has none)."""
    own = path.parent / "myqueue.py"
    return own if own.exists() else ROOT / "exercises" / "myqueue.py"


def run_untouched(path, folder):
    shutil.copy(path, folder)
    shutil.copy(starter(path), folder / "myqueue.py")
    path = folder / path.name
    nb = nbformat.read(path, as_version=4)
    env = {"PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        NotebookClient(nb, kernel_name="python3", timeout=120, allow_errors=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        for k, v in old.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
    return nb


def errors(cell):
    return [o for o in cell.get("outputs", []) if o.output_type == "error"]


def test_there_is_an_exercise_per_step():
    assert len(EXERCISES) >= 8


@pytest.mark.parametrize("path", EXERCISES + EDITIONS, ids=lambda p: str(p.relative_to(ROOT / "exercises")))
def test_untouched_exercise_fails_only_at_its_checks(path, tmp_path):
    nb = run_untouched(path, tmp_path)
    checks = [i for i, c in enumerate(nb.cells) if is_check(c)]
    failed = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and errors(c)]
    assert checks, "an exercise needs check cells"
    outside = [(i, errors(nb.cells[i])[0].ename) for i in failed if i not in checks]
    assert outside == [], f"cells outside the checks failed: {outside}"
    # Every check cell that runs a check of the learner's code says what is missing, in the
    # notebook's language.
    head, tail = not_implemented(language_of(path))
    for i in failed:
        text = " ".join(errors(nb.cells[i])[0].evalue.split())
        assert text.startswith(head) and text.endswith(tail), f"cell {i}: {text[:200]}"
    assert failed, "an untouched exercise passed its checks: the checks do not test anything"
