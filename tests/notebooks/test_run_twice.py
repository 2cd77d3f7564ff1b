"""A learner runs a lesson, then Run All again in the same kernel: the second run must work too.

The toy's endpoint lives as long as the kernel, and it keeps a deleted queue's name for 60 s as
SQS does (QueueDeletedRecently), so a lesson that deletes a queue and creates it again by the
same name breaks on the second run. Lessons name such queues uniquely. The Korean edition runs
the same code cells (tests/notebooks/test_editions.py), so the English lessons stand for both.
"""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def errors(nb):
    """(cell index, error name) of every error a cell gave that it did not expect."""
    return [(i, o["ename"]) for i, c in enumerate(nb.cells) if c.cell_type == "code"
            and "NBVAL_RAISES_EXCEPTION" not in c.source
            for o in c.get("outputs", []) if o.get("output_type") == "error"]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_a_lesson_runs_twice_in_one_kernel(path, localstack_url):
    nb = nbformat.read(path, as_version=4)
    runner = NotebookClient(nb, kernel_name="python3", timeout=120, allow_errors=True,
                            resources={"metadata": {"path": str(path.parent)}})
    found = []
    with runner.setup_kernel():
        for _ in range(2):
            for i, cell in enumerate(nb.cells):
                if cell.cell_type == "code":
                    runner.execute_cell(cell, i)
            found.append(errors(nb))
    assert found == [[], []], f"errors in the first and second run: {found}"
