"""toyqueue.confine and toyqueue.classroom without a hub: the fence, the limits, the accounts."""
from __future__ import annotations

import subprocess
import sys

import pytest

from toyqueue import classroom, clients, confine

PROBE = """
import os, sys
results = {}
def attempt(name, fn):
    try:
        fn(); results[name] = "ok"
    except (OSError, MemoryError) as e:
        results[name] = type(e).__name__
attempt("write inside", lambda: open(sys.argv[1] + "/mine", "w").write("x"))
attempt("write outside", lambda: open(sys.argv[2] + "/theirs", "w").write("x"))
attempt("delete outside", lambda: os.remove(sys.argv[2] + "/canary"))
attempt("rename out", lambda: os.rename(sys.argv[1] + "/mine", sys.argv[2] + "/moved"))
attempt("devnull", lambda: open(os.devnull, "w").write("x"))
attempt("allocate 2 GB", lambda: bytearray(2 * 2**30))
attempt("signal pid 1", lambda: os.kill(1, 0))
print(results)
"""


def run_confined(inside, outside, **limits):
    return subprocess.run([sys.executable, "-c", PROBE, str(inside), str(outside)],
                          capture_output=True, text=True, timeout=60,
                          preexec_fn=confine.preexec([inside], **limits)).stdout


def test_a_fenced_process_changes_only_its_own_folder(tmp_path):
    inside, outside = tmp_path / "in", tmp_path / "out"
    inside.mkdir()
    outside.mkdir()
    (outside / "canary").write_text("still here")
    out = eval(run_confined(inside, outside, memory_mb=1024))
    assert out == {"write inside": "ok", "write outside": "PermissionError",
                   "delete outside": "PermissionError", "rename out": "PermissionError",
                   "devnull": "ok", "allocate 2 GB": "MemoryError",
                   "signal pid 1": "PermissionError"}
    assert (outside / "canary").read_text() == "still here"
    assert sorted(p.name for p in outside.iterdir()) == ["canary"]


def test_a_cpu_limit_ends_an_endless_loop(tmp_path):
    p = subprocess.run([sys.executable, "-c", "while True: pass"], timeout=60,
                       preexec_fn=confine.preexec([tmp_path], cpu_seconds=1))
    assert p.returncode == -24   # SIGXCPU


def test_root_powers_are_gone(tmp_path):
    out = subprocess.run([sys.executable, "-c",
                          "print(open('/proc/self/status').read().split('CapBnd:')[1].split()[0])"],
                         capture_output=True, text=True, timeout=60,
                         preexec_fn=confine.preexec([tmp_path])).stdout
    assert int(out, 16) == 0


def test_the_command_line_fences_a_command(tmp_path):
    p = subprocess.run([sys.executable, "-m", "toyqueue.confine", "--write", str(tmp_path), "--",
                        sys.executable, "-c", "open('/etc/toyqueue-probe', 'w')"],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 1 and "PermissionError" in p.stderr


def test_account_ids_are_twelve_digits_stable_and_never_the_default():
    ids = {classroom.account_id(f"learner{i}") for i in range(10_000)}
    assert len(ids) == 10_000
    assert all(len(a) == 12 and a.isdigit() for a in ids)
    assert classroom.DEFAULT_ACCOUNT not in ids
    assert classroom.account_id("alice") == classroom.account_id("alice") != classroom.account_id("bob")


@pytest.mark.parametrize("value, expected", [("123456789012", "123456789012"), ("", None),
                                             ("12345678901", None), ("12345678901x", None)])
def test_only_a_twelve_digit_account_is_taken(monkeypatch, value, expected):
    monkeypatch.setenv("TOYQUEUE_LOCALSTACK_ACCOUNT", value)
    assert clients.localstack_account() == expected
    key = clients.LocalStackSession("http://127.0.0.1:4599").aws_access_key_id
    assert key == (expected or "test")


def test_a_learners_copy_keeps_their_work_and_gains_new_files(tmp_path):
    source, home = tmp_path / "course", tmp_path / "alice"
    (source / "notebooks").mkdir(parents=True)
    (source / "exercises").mkdir()
    (source / "solutions").mkdir()
    (source / "notebooks" / "00.ipynb").write_text("course")
    (source / "solutions" / "01.ipynb").write_text("answer")
    (source / "requirements.txt").write_text("pins")
    classroom.copy_course(home, source)
    (home / "notebooks" / "00.ipynb").write_text("my notes")
    (source / "exercises" / "02.ipynb").write_text("new exercise")
    classroom.copy_course(home, source)
    assert (home / "notebooks" / "00.ipynb").read_text() == "my notes"
    assert (home / "exercises" / "02.ipynb").read_text() == "new exercise"
    assert (home / "requirements.txt").read_text() == "pins"
    assert not (home / "solutions").exists()


def test_learners_land_on_lesson_00_or_the_notebook_the_instructor_names():
    assert classroom.start_page() == "/lab/tree/notebooks/00_setup.ipynb"
    assert classroom.start_page("notebooks/ko/00_setup.ipynb") == "/lab/tree/notebooks/ko/00_setup.ipynb"
    assert classroom.start_page("exercises/ko/01_store_and_receive.ipynb").endswith("01_store_and_receive.ipynb")


@pytest.mark.parametrize("path", ["notebooks/ko/00_setpu.ipynb", "/etc/passwd", "../x/00_setup.ipynb",
                                  "solutions/01_store_and_receive.ipynb", "notebooks", "README.md"])
def test_a_start_page_that_is_not_a_notebook_of_the_learners_copy_is_refused(path):
    with pytest.raises(ValueError, match="must be a notebook of the course"):
        classroom.start_page(path)
