"""`python -m toyqueue serve` and `python -m toyqueue differences`."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import boto3

ROOT = Path(__file__).resolve().parents[2]


def run_module(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "toyqueue", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def test_serve_answers_boto3_and_stops_cleanly_on_ctrl_c():
    proc = run_module("serve", "--port", "0")
    try:
        first = proc.stdout.readline()
        url = first.split(" on ", 1)[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        sqs = boto3.client("sqs", endpoint_url=url, region_name="us-east-1",
                           aws_access_key_id="test", aws_secret_access_key="test")
        q = sqs.create_queue(QueueName="from-cli")["QueueUrl"]
        assert q == f"{url}/000000000000/from-cli"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "stopped." in out


def test_queues_live_in_memory_only_and_the_server_says_so():
    help_text = subprocess.run([sys.executable, "-m", "toyqueue", "serve", "--help"], cwd=ROOT,
                               capture_output=True, text=True, timeout=60).stdout
    assert "memory only" in " ".join(help_text.split())
    urls = []
    for _ in range(2):                                   # the same port, twice
        proc = run_module("serve", "--port", str(urls[0].rsplit(":", 1)[1]) if urls else "0")
        try:
            first = proc.stdout.readline()
            assert "in memory only" in first
            urls.append(first.split(" on ", 1)[1].split()[0])
            sqs = boto3.client("sqs", endpoint_url=urls[-1], region_name="us-east-1",
                               aws_access_key_id="test", aws_secret_access_key="test")
            if len(urls) == 1:
                sqs.create_queue(QueueName="forgotten")
            else:
                assert "QueueUrls" not in sqs.list_queues()      # a restart starts empty
        finally:
            proc.send_signal(signal.SIGINT)
            proc.communicate(timeout=20)
    assert urls[0] == urls[1]


def test_all_interfaces_needs_the_public_flag():
    proc = run_module("serve", "--port", "0", "--host", "0.0.0.0")
    out, err = proc.communicate(timeout=30)
    assert proc.returncode != 0 and "--public" in err


def test_public_flag_warns():
    proc = run_module("serve", "--port", "0", "--public")
    try:
        url_line = proc.stdout.readline()
        assert "toyqueue SQS endpoint on http://127.0.0.1:" in url_line
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    assert "WARNING" in err and "all interfaces" in err


def test_differences_prints_the_generated_table():
    proc = run_module("differences", env={**os.environ, "PYTHONPATH": str(ROOT)})
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    lines = out.splitlines()
    assert lines[0] == "| Scenario | SQS | toy | LocalStack |"
    assert any(line.startswith("| max number of messages below 1 (0; -1) | rejects") for line in lines)


def test_differences_rows_come_from_the_markers():
    from toyqueue import differences

    rows = differences.collect()
    assert rows and all(r["sqs"] and r["localstack"] and r["toy"] for r in rows)
    tests = {r["test"] for r in rows}
    assert "tests/contract/test_contract_messages.py::test_delay_over_900_is_rejected" in tests
    assert not any("test_send_receive_delete" in t for t in tests)
