"""binder/: the files repo2docker reads, and the `start` script run for real (no Docker here).

repo2docker builds the image from binder/runtime.txt and binder/requirements.txt, then runs
binder/start in front of Jupyter each time a container starts. The script is run here the same
way, with a command standing in for Jupyter.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from toyqueue import localstack

ROOT = Path(__file__).resolve().parents[2]
BINDER = ROOT / "binder"

STAND_IN = """
import json, os, sys, time
from toyqueue import localstack
from toyqueue.clients import client
url = os.environ["TOYQUEUE_LOCALSTACK_URL"]
deadline = time.monotonic() + 240
while not localstack.sqs_ready(url) and time.monotonic() < deadline:
    time.sleep(0.5)
sqs = client("localstack")
q = sqs.create_queue(QueueName="binder-start")["QueueUrl"]
sqs.send_message(QueueUrl=q, MessageBody="hello from binder")
body = sqs.receive_message(QueueUrl=q, WaitTimeSeconds=2)["Messages"][0]["Body"]
sqs.delete_queue(QueueUrl=q)
print(json.dumps({"pid": os.getpid(), "url": url, "body": body}))
"""


def test_repo2docker_gets_python_3_13_and_the_course_pins():
    assert (BINDER / "runtime.txt").read_text().split() == ["python-3.13"]
    lines = [line for line in (BINDER / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines == ["-r ../requirements.txt"]
    assert (BINDER / lines[0].split()[1]).resolve() == ROOT / "requirements.txt"
    for script in ("start", "postBuild"):
        assert os.access(BINDER / script, os.X_OK), f"binder/{script} must be executable"
    assert (BINDER / "start").read_text().rstrip().endswith('exec "$@"')


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    state = tmp_path_factory.mktemp("binder-state")
    port = localstack.free_port()
    env = dict(os.environ, LOCALSTACK_PORT=str(port), TOYQUEUE_STATE_DIR=str(state))
    env.pop("TOYQUEUE_LOCALSTACK_URL", None)
    proc = subprocess.Popen([str(BINDER / "start"), sys.executable, "-c", STAND_IN], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=tmp_path_factory.mktemp("anywhere"))
    old = os.environ.get("TOYQUEUE_STATE_DIR")
    os.environ["TOYQUEUE_STATE_DIR"] = str(state)   # so that localstack.stop finds its pid file
    try:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-3000:]
        listening = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True,
                                   text=True, check=True).stdout
        yield {"proc": proc, "port": port, "report": json.loads(out.strip().splitlines()[-1]),
               "listening": listening, "pid": localstack.status(port)["pid"]}
    finally:
        localstack.stop(port)
        if old is None:
            os.environ.pop("TOYQUEUE_STATE_DIR", None)
        else:
            os.environ["TOYQUEUE_STATE_DIR"] = old


def test_start_hands_over_to_the_command_with_the_localstack_url(started):
    assert started["report"]["pid"] == started["proc"].pid     # exec "$@": Jupyter is PID 1's child
    assert started["report"]["url"] == f"http://127.0.0.1:{started['port']}"


def test_the_localstack_start_launched_serves_sqs(started):
    assert started["report"]["body"] == "hello from binder"
    assert started["pid"] is not None, "a LocalStack of the course's own, not one found running"


def test_the_localstack_start_launched_listens_on_loopback_only(started):
    lines = [line for line in started["listening"].splitlines() if line.strip()]
    assert lines and all(line.split()[3] == f"127.0.0.1:{started['port']}" for line in lines), lines
