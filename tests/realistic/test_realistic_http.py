"""Realistic mode over HTTP: `client("toy", realistic=True, seed=N)`, `serve --realistic --seed N`
and a realistic QueueService behind an endpoint answer exactly as the service does in-process."""

import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from toyqueue import QueueService, VirtualClock
from toyqueue.clients import client

ROOT = Path(__file__).resolve().parents[2]


def transcript(sqs, name):
    """What a producer and a consumer see: the bodies each receive returns, in order."""
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    for start in range(0, 30, 10):
        sqs.send_message_batch(QueueUrl=url, Entries=[
            {"Id": str(i), "MessageBody": f"m{start + i + 1}"} for i in range(10)])
    seen = []
    for poll in range(12):
        r = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=poll // 8)
        got = r.get("Messages", [])
        seen.append([m["Body"] for m in got])
        for k, m in enumerate(got):
            if k % 3:                          # every third message is left to come back later
                sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    return seen


def in_process(seed, name):
    return transcript(QueueService(clock=VirtualClock(), realistic=True, seed=seed), name)


def test_the_same_seed_gives_the_same_answers_in_process_and_over_http():
    expected = in_process(7, "orders")
    assert expected == in_process(7, "orders") != in_process(8, "orders")
    assert any(0 < len(got) < 10 for got in expected)       # the short polls were sampled
    svc = QueueService(clock=VirtualClock(), realistic=True, seed=7)
    assert transcript(client("toy", service=svc), "orders") == expected


def test_client_realistic_shares_one_realistic_toy_per_seed():
    name = f"orders-{uuid.uuid4().hex[:8]}"
    sqs = client("toy", realistic=True, seed=7)
    assert transcript(sqs, name) == in_process(7, name)
    again = client("toy", realistic=True, seed=7)
    assert again.get_queue_url(QueueName=name)["QueueUrl"].endswith(name)
    assert client("toy").meta.endpoint_url != sqs.meta.endpoint_url


def test_client_refuses_realistic_where_it_cannot_apply():
    with pytest.raises(ValueError):
        client("localstack", realistic=True)
    with pytest.raises(ValueError):
        client("toy", seed=3)                                # a seed without realistic mode
    with pytest.raises(ValueError):
        client("toy", realistic=True, service=QueueService())


def test_serve_realistic_with_a_seed_answers_like_the_service():
    proc = subprocess.Popen([sys.executable, "-m", "toyqueue", "serve", "--port", "0",
                             "--realistic", "--seed", "7"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().split(" on ", 1)[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        assert "realistic mode (seed 7)" in proc.stdout.readline()
        assert transcript(client("toy", endpoint_url=url), "orders") == in_process(7, "orders")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)


def test_serve_refuses_a_seed_without_realistic():
    proc = subprocess.run([sys.executable, "-m", "toyqueue", "serve", "--port", "0", "--seed", "7"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0 and "--realistic" in proc.stderr
