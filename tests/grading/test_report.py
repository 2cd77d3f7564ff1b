"""`python -m toyqueue.grading report <dir>` grades a class: one line per student and exercise,
each notebook run in its student's folder, so it grades that student's own myqueue.py."""
import csv
import shutil

import nbformat
import pytest

from exercise_code import ROOT, starter
from toyqueue.grading import mycode, report


def reference(step):
    return mycode.reference(step)


@pytest.mark.slow
def test_report_one_line_per_student_and_exercise(tmp_path, capsys):
    for student in ("alice", "bob", "carol", "dave"):
        (tmp_path / student).mkdir()
    shutil.copy(ROOT / "solutions" / "05_scaling_policy.ipynb", tmp_path / "alice")
    shutil.copy(ROOT / "exercises" / "05_scaling_policy.ipynb", tmp_path / "bob")
    # carol's receive forgets to take the messages out; she works in her own myqueue.py
    shutil.copy(ROOT / "exercises" / "01_store_and_receive.ipynb", tmp_path / "carol")
    (tmp_path / "carol" / "myqueue.py").write_text(reference("01").split("\n", 1)[1].replace(
        "self._messages.popleft() for _ in range(count)", "self._messages[i] for i in range(count)"))
    # dave opted into the reference after exercise 01 and did exercise 02 himself... not yet
    shutil.copy(ROOT / "exercises" / "02_receipt_handles.ipynb", tmp_path / "dave")
    (tmp_path / "dave" / "myqueue.py").write_text(reference("01"))

    code = report.main([str(tmp_path), "--csv", str(tmp_path / "grades.csv")])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out[0].split() == ["alice", "05_scaling_policy", "1/1", "PASS"]
    assert out[1].startswith("bob    05_scaling_policy         0/1  FAIL  check 1: not implemented yet: "
                             "fill in backlog_target in the cell above")
    assert out[2].startswith("carol  01_store_and_receive      0/2  FAIL  check 1: Rule broken: receive takes "
                             "a message out of the queue")
    assert out[3].startswith("dave   02_receipt_handles        0/2  FAIL  (myqueue.py: started from the reference "
                             "after exercise 01)  check 1: not implemented yet: MyQueue has no method delete() yet")
    assert out[-1] == "1 of 4 notebooks pass all their checks (4 students)."
    rows = list(csv.DictReader((tmp_path / "grades.csv").open()))
    assert [(r["student"], r["status"]) for r in rows] == [("alice", "PASS"), ("bob", "FAIL"), ("carol", "FAIL"),
                                                           ("dave", "FAIL")]
    assert rows[3]["myqueue.py"] == "started from the reference after exercise 01"


def test_report_refuses_an_empty_folder(tmp_path, capsys):
    assert report.main([str(tmp_path)]) == 2
    assert "no notebooks" in capsys.readouterr().err


def test_the_reference_cannot_be_switched_on_while_grading(tmp_path, monkeypatch):
    (tmp_path / "myqueue.py").write_text(starter())
    monkeypatch.setenv("TOYQUEUE_GRADING", "1")
    with pytest.raises(RuntimeError, match="switched off while exercises are graded"):
        mycode.use_reference("02", tmp_path)
    assert (tmp_path / "myqueue.py").read_text() == starter()


def test_use_reference_keeps_the_learners_file(tmp_path, capsys):
    (tmp_path / "myqueue.py").write_text("# mine\n")
    mycode.use_reference("03", tmp_path)
    assert (tmp_path / "myqueue.mine.py").read_text() == "# mine\n"
    assert (tmp_path / "myqueue.py").read_text().startswith("# myqueue.py after exercise 03")
    assert report.reference_used(tmp_path) == "started from the reference after exercise 03"
    assert "Your own file is kept as myqueue.mine.py" in capsys.readouterr().out


def test_a_missing_file_and_a_missing_class_are_todos(tmp_path):
    from toyqueue.grading import fifo, store_and_receive
    with pytest.raises(AssertionError, match="not implemented yet: there is no myqueue.py next to this notebook"):
        store_and_receive.check_store_and_receive(mycode.load("MyQueue", tmp_path))
    (tmp_path / "myqueue.py").write_text(reference("09"))
    with pytest.raises(AssertionError, match="not implemented yet: myqueue.py has no MyFifoQueue yet"):
        fifo.check_fifo_order(mycode.load("MyFifoQueue", tmp_path))


def test_a_check_grades_the_file_as_it_is_now(tmp_path, capsys):
    """The learner edits myqueue.py and runs only the check cell again: the check reads the file again."""
    from toyqueue.grading import store_and_receive
    (tmp_path / "myqueue.py").write_text(starter())
    MyQueue = mycode.load("MyQueue", tmp_path)
    (tmp_path / "myqueue.py").write_text(reference("01"))
    store_and_receive.check_store_and_receive(MyQueue)
    out = capsys.readouterr().out
    assert out.startswith("(myqueue.py changed after the cell that loads it ran: checking the file as it is now.)")
    assert "PASS store and receive" in out


def test_an_edition_notebook_grows_the_same_file(tmp_path):
    """A notebook of the Korean edition (exercises/ko/) loads exercises/myqueue.py while the edition
    has no starter of its own."""
    (tmp_path / "exercises" / "ko").mkdir(parents=True)
    (tmp_path / "exercises" / "myqueue.py").write_text(reference("01"))
    MyQueue = mycode.load("MyQueue", tmp_path / "exercises" / "ko")
    assert not isinstance(MyQueue, mycode.NotWritten) and MyQueue.__name__ == "MyQueue"


def test_an_edition_with_its_own_starter_grows_its_own_file(tmp_path):
    """Once the Korean edition has exercise 01, its notebooks grow exercises/ko/myqueue.py (the
    starter with Korean hints), and use_reference replaces that file, not the English one."""
    ko = tmp_path / "exercises" / "ko"
    ko.mkdir(parents=True)
    (tmp_path / "exercises" / "myqueue.py").write_text("# the English learner's file\n")
    (ko / "myqueue.py").write_text(reference("01"))
    assert mycode.home(ko) == ko
    assert mycode.load("MyQueue", ko).__mycode__[0] == str(ko / "myqueue.py")
    mycode.use_reference("02", ko)
    assert (ko / "myqueue.py").read_text().startswith("# myqueue.py after exercise 02")
    assert (tmp_path / "exercises" / "myqueue.py").read_text() == "# the English learner's file\n"


def test_use_starter_starts_over_from_the_courses_untouched_starter(tmp_path, capsys):
    """A learner's copy on a hub has no git: the starter comes from the course toyqueue runs from,
    in the learner's edition, and the learner's own file is kept."""
    ko = tmp_path / "exercises" / "ko"
    ko.mkdir(parents=True)
    (ko / "myqueue.py").write_text("# mine\n")
    mycode.use_starter(ko)
    assert (ko / "myqueue.py").read_text() == (mycode.ROOT / "exercises" / "ko" / "myqueue.py").read_text()
    assert (ko / "myqueue.mine.py").read_text() == "# mine\n"
    assert "Your own file is kept as myqueue.mine.py" in capsys.readouterr().out
    (tmp_path / "exercises" / "myqueue.py").write_text(reference("03"))
    mycode.use_starter(tmp_path / "exercises")
    assert (tmp_path / "exercises" / "myqueue.py").read_text() == starter()


def test_use_starter_refuses_to_take_the_starter_from_itself(monkeypatch):
    monkeypatch.chdir(mycode.ROOT / "exercises")
    with pytest.raises(LookupError, match="git checkout -- myqueue.py"):
        mycode.use_starter()


def test_use_starter_is_switched_off_while_grading(tmp_path, monkeypatch):
    (tmp_path / "myqueue.py").write_text(reference("01"))
    monkeypatch.setenv("TOYQUEUE_GRADING", "1")
    with pytest.raises(RuntimeError, match="use_starter is switched off while exercises are graded"):
        mycode.use_starter(tmp_path)
    assert (tmp_path / "myqueue.py").read_text() == reference("01")
