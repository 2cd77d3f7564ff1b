"""One LocalStack for a class (an account per learner) against one LocalStack per learner.

    python benchmarks/classroom_localstack.py                 # 30 learners (several minutes, ~8 GB)
    python benchmarks/classroom_localstack.py --learners 5    # a quick look

Each learner does what a lesson does: creates a handful of queues (a standard queue, its
dead-letter queue, a FIFO queue, ...) and then runs send / receive / delete rounds on them, all
learners at the same time, each from their own thread with their own boto3 client. The same
workload runs twice:

- shared: one LocalStack; learner i uses account toyqueue.classroom.account_id(f"learner{i}")
  (what `make hub` does);
- separate: one LocalStack per learner, each on its own port.

Reported: resident memory of the LocalStack process(es) when idle after start, after the queues
exist and after the traffic; the latency of each call (p50, p99, max, over all learners); the
wall time of the traffic; the time to start the LocalStack(s). Not a test: the numbers depend on
the machine (2 cores here, shared with other work), so they are printed, not judged.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toyqueue import classroom, localstack  # noqa: E402
from toyqueue.clients import LocalStackSession  # noqa: E402

QUEUES = ["orders", "orders-dlq", "payments", "emails", "audit"]


def rss_mb(pids) -> float:
    total = 0
    for pid in pids:
        try:
            p = psutil.Process(pid)
            total += p.memory_info().rss + sum(c.memory_info().rss for c in p.children(True))
        except psutil.NoSuchProcess:
            pass
    return total / 2**20


RESERVE = 4 * 2**30   # memory left for everything else on the machine


def start_many(ports) -> float:
    """Start LocalStacks on `ports` (two at a time: the machine has two cores); seconds taken.

    Stops with an error rather than start one that would leave less than RESERVE free: the
    separate LocalStacks are the expensive side of the comparison, and the machine is shared.
    """
    t0 = time.monotonic()

    def one(port):
        if psutil.virtual_memory().available < RESERVE:
            raise MemoryError(f"less than {RESERVE >> 30} GiB free: not starting another LocalStack")
        subprocess.run([sys.executable, "-m", "toyqueue.localstack", "start", "--port", str(port),
                        "--timeout", "600"], check=True, capture_output=True)

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        list(pool.map(one, ports))
    return time.monotonic() - t0


def learner_setup(url, account) -> tuple[object, dict]:
    sqs = LocalStackSession(url, access_key=account).client("sqs")
    urls = {name: sqs.create_queue(QueueName=name)["QueueUrl"] for name in QUEUES}
    urls["orders.fifo"] = sqs.create_queue(
        QueueName="orders.fifo", Attributes={"FifoQueue": "true",
                                             "ContentBasedDeduplication": "true"})["QueueUrl"]
    return sqs, urls


def learner_traffic(sqs, urls, rounds, latencies, lock):
    mine = {"send": [], "receive": [], "delete": []}
    names = list(urls)
    for i in range(rounds):
        url = urls[names[i % len(names)]]
        extra = {"MessageGroupId": "g"} if url.endswith(".fifo") else {}
        t = time.perf_counter()
        sqs.send_message(QueueUrl=url, MessageBody=f"message {i}", **extra)
        mine["send"].append(time.perf_counter() - t)
        t = time.perf_counter()
        got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=1, WaitTimeSeconds=1)
        mine["receive"].append(time.perf_counter() - t)
        for m in got.get("Messages", []):
            t = time.perf_counter()
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
            mine["delete"].append(time.perf_counter() - t)
    with lock:
        for k, v in mine.items():
            latencies[k].extend(v)


def run(label, targets, pids, rounds, start_seconds) -> dict:
    """targets: [(url, account)] one per learner."""
    idle = rss_mb(pids)
    with concurrent.futures.ThreadPoolExecutor(len(targets)) as pool:
        clients = list(pool.map(lambda t: learner_setup(*t), targets))
    with_queues = rss_mb(pids)
    latencies, lock = {"send": [], "receive": [], "delete": []}, threading.Lock()
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(len(targets)) as pool:
        list(pool.map(lambda c: learner_traffic(*c, rounds, latencies, lock), clients))
    wall = time.monotonic() - t0
    after = rss_mb(pids)
    calls = sum(len(v) for v in latencies.values())

    def ms(values, q):
        return round(1000 * (statistics.quantiles(values, n=100, method="inclusive")[q - 1] if q < 100 else max(values)), 1)

    return {"setup": label, "learners": len(targets), "localstacks": len(pids),
            "start_s": round(start_seconds, 1), "rss_idle_mb": round(idle),
            "rss_queues_mb": round(with_queues), "rss_after_mb": round(after),
            "traffic_s": round(wall, 1), "calls": calls, "calls_per_s": round(calls / wall),
            **{f"{op}_ms": {"p50": ms(v, 50), "p99": ms(v, 99), "max": ms(v, 100)}
               for op, v in latencies.items()}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--learners", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=100, help="send/receive/delete rounds each")
    ap.add_argument("--json", type=Path, help="also write the results here")
    a = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="toyqueue-bench-") as state:
        os.environ["TOYQUEUE_STATE_DIR"] = state      # never the project's .localstack/
        port = localstack.free_port()
        took = start_many([port])
        try:
            url = localstack.url_for(port)
            targets = [(url, classroom.account_id(f"learner{i}")) for i in range(a.learners)]
            results.append(run("shared", targets, [localstack.status(port)["pid"]], a.rounds, took))
        finally:
            localstack.stop(port)
        ports = []
        while len(ports) < a.learners:
            p = localstack.free_port()
            if p not in ports:
                ports.append(p)
        try:
            took = start_many(ports)
            targets = [(localstack.url_for(p), "test") for p in ports]
            pids = [localstack.status(p)["pid"] for p in ports]
            results.append(run("separate", targets, pids, a.rounds, took))
        finally:
            for p in ports:
                localstack.stop(p)
    keys = ["setup", "localstacks", "start_s", "rss_idle_mb", "rss_queues_mb", "rss_after_mb",
            "traffic_s", "calls_per_s"]
    print(f"{a.learners} learners, {len(QUEUES) + 1} queues and {a.rounds} send/receive/delete "
          f"rounds each, all at once")
    print("  ".join(f"{k:>13}" for k in keys))
    for r in results:
        print("  ".join(f"{r[k]!s:>13}" for k in keys))
    for r in results:
        print(f"{r['setup']:>9}: " + "; ".join(
            f"{op} p50 {r[op + '_ms']['p50']} ms, p99 {r[op + '_ms']['p99']} ms, max {r[op + '_ms']['max']} ms"
            for op in ("send", "receive", "delete")))
    if a.json:
        a.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
