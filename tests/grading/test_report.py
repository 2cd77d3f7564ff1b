"""`python -m toyqueue.grading report <dir>` grades a class: one line per student and exercise."""
import csv
import shutil

import nbformat
import pytest

from exercise_code import ROOT
from toyqueue.grading import report


@pytest.mark.slow
def test_report_one_line_per_student_and_exercise(tmp_path, capsys):
    for student in ("alice", "bob", "carol"):
        (tmp_path / student).mkdir()
    shutil.copy(ROOT / "solutions" / "09_scaling_policy.ipynb", tmp_path / "alice")
    shutil.copy(ROOT / "exercises" / "09_scaling_policy.ipynb", tmp_path / "bob")
    nb = nbformat.read(ROOT / "solutions" / "01_store_and_receive.ipynb", as_version=4)
    for cell in nb.cells:   # carol's receive forgets to take the messages out
        cell.source = cell.source.replace("self._messages.popleft() for _ in range(count)",
                                          "self._messages[i] for i in range(count)")
        cell.outputs = [] if cell.cell_type == "code" else None
        if cell.cell_type != "code":
            cell.pop("outputs")
    nbformat.write(nb, tmp_path / "carol" / "01_store_and_receive.ipynb")

    code = report.main([str(tmp_path), "--csv", str(tmp_path / "grades.csv")])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0].split() == ["alice", "09_scaling_policy", "1/1", "PASS"]
    assert out[1].startswith("bob    09_scaling_policy         0/1  FAIL  check 1: not implemented yet: "
                             "fill in backlog_target in the cell above")
    assert out[2].startswith("carol  01_store_and_receive      0/2  FAIL  check 1: Rule broken: receive takes "
                             "a message out of the queue")
    assert out[-1] == "1 of 3 notebooks pass all their checks (3 students)."
    rows = list(csv.DictReader((tmp_path / "grades.csv").open()))
    assert [(r["student"], r["status"]) for r in rows] == [("alice", "PASS"), ("bob", "FAIL"), ("carol", "FAIL")]


def test_report_refuses_an_empty_folder(tmp_path, capsys):
    assert report.main([str(tmp_path)]) == 2
    assert "no notebooks" in capsys.readouterr().err
