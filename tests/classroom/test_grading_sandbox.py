"""`python -m toyqueue.grading report`: a class with hostile submissions, graded in the sandbox.

The generator of benchmarks/classroom_grading.py writes one learner of each kind (correct,
wrong, untouched, endless loop, endless sleep, memory hog, os._exit, segfault, sys.exit, and one
that deletes the class's folder, the other learners' scratch copies and an instructor's file);
the script grades them with the real command and checks each verdict and that nothing outside
the sandbox changed. The files the command writes are checked here.
"""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from toyqueue.grading import sandbox
from toyqueue.grading.sandbox import Verdict

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_every_kind_of_submission_gets_its_verdict_and_none_harms_the_others():
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "classroom_grading.py"),
                           "--learners", "10"], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "every verdict as expected" in done.stdout
    for short in ("PASS", "FAIL", "TIME", "MEMORY", "CRASH", "EXIT", "BLOCKED"):
        assert short in done.stdout


VERDICTS = [Verdict("ana", "01_store", 2, 2), Verdict("ana", "02_handles", 1, 2, "", ["check 2: lost"]),
            Verdict("ben", "01_store", 0, 2, "time limit", ["notebook did not run: CellTimeoutError"])]


def test_the_gradebook_has_a_row_per_learner_and_a_column_per_exercise(tmp_path):
    sandbox.write_gradebook(VERDICTS, tmp_path / "g.csv")
    rows = list(csv.reader((tmp_path / "g.csv").open()))
    assert rows == [["learner", "01_store", "02_handles", "exercises passed", "myqueue.py"],
                    ["ana", "2/2", "1/2", "1", ""],
                    ["ben", "0/2 time limit", "", "0", ""]]


def test_junit_has_a_suite_per_learner_and_the_reason_of_each_failure(tmp_path):
    sandbox.write_junit(VERDICTS, tmp_path / "j.xml", 12.5)
    suites = ET.parse(tmp_path / "j.xml").getroot()
    assert [s.get("name") for s in suites] == ["ana", "ben"]
    ana, ben = suites
    assert (ana.get("tests"), ana.get("failures"), ana.get("errors")) == ("2", "1", "0")
    assert ana[1].find("failure").get("message") == "check 2: lost"
    assert ben[0].find("error").get("message") == "time limit: notebook did not run: CellTimeoutError"


def test_the_summary_names_each_outcome():
    text = sandbox.summary(VERDICTS, 12.5)
    assert text.splitlines()[1].split() == ["ana", "PASS", "FAIL"]
    assert text.splitlines()[2].split() == ["ben", "TIME", "-"]
    assert text.endswith("3 notebooks of 2 learners graded in 12 s: 1 FAIL, 1 PASS, 1 TIME")


REFERENCE = "started from the reference after exercise 03"
BORROWED = [Verdict("ana", "03_vis", 2, 2, based_on=REFERENCE), Verdict("ana", "07_ret", 1, 3, based_on=REFERENCE),
            Verdict("ben", "03_vis", 2, 2)]


def test_a_learner_who_started_from_the_reference_is_noted_in_the_gradebook_and_the_summary(tmp_path):
    sandbox.write_gradebook(BORROWED, tmp_path / "g.csv")
    rows = list(csv.DictReader((tmp_path / "g.csv").open()))
    assert [(r["learner"], r["myqueue.py"]) for r in rows] == [("ana", REFERENCE), ("ben", "")]
    lines = sandbox.summary(BORROWED, 3).splitlines()
    assert f"ana: myqueue.py {REFERENCE}" in lines
    assert not any(line.startswith("ben:") for line in lines)
    assert "myqueue.py" not in sandbox.summary(VERDICTS, 3)


def test_the_worker_passes_on_where_myqueue_py_came_from(tmp_path, monkeypatch):
    from toyqueue.grading import report
    monkeypatch.setattr(os, "environ", dict(os.environ))      # the worker sets HOME, JUPYTER_PATH, ...
    (tmp_path / "ana").mkdir()
    (tmp_path / "ana" / "03_vis.ipynb").write_text("{}")
    monkeypatch.setattr(report, "grade", lambda path, learner, timeout: report.Result(
        learner, path.stem, 2, 2, based_on=REFERENCE))
    sandbox._worker(tmp_path / "ana", tmp_path / "out.json", 5, 512, 5, ["03_vis.ipynb"])
    [v] = [Verdict(**v) for v in json.loads((tmp_path / "out.json").read_text())]
    assert (v.learner, v.ok, v.based_on) == ("ana", True, REFERENCE)


@pytest.mark.parametrize("problem, reason", [
    ("notebook did not run: CellTimeoutError: A cell timed out", "time limit"),
    ("error before check 1: MemoryError: ", "memory limit"),
    ("notebook did not run: DeadKernelError: Kernel died", "crashed"),
    ("error before check 1: SystemExit: 1", "exited"),
    ("error before check 1: PermissionError: [Errno 13] Permission denied: '/x'", "blocked file changes"),
    ("check 1: Rule broken: receive takes a message out of the queue", ""),
])
def test_reasons_come_from_the_exception_named(problem, reason):
    assert sandbox.reason_of([problem]) == reason


def test_an_empty_folder_is_refused(tmp_path, capsys):
    assert sandbox.main([str(tmp_path)]) == 2
    assert "no notebooks" in capsys.readouterr().err
