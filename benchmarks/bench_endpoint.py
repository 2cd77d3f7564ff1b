"""boto3 against the toy endpoint, against LocalStack, and against a canned-answer floor.

The same producer/consumer loop (send, receive, delete; one call at a time, one client) runs
against each endpoint; it prints calls per second, the median latency of each call, and the
ratios measured in this run. The goal: the toy at least 1.5x LocalStack's throughput. The
"floor" endpoint answers every call with a fixed response and does no work, so it shows what
boto3 and HTTP alone cost; how close the toy comes to it is how little the toy adds.
It also times start-up: from launching a process to its first successful boto3 call.

    .venv/bin/python benchmarks/bench_endpoint.py --quick
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import boto3
from botocore.config import Config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CANNED = {
    "CreateQueue": {"QueueUrl": "http://127.0.0.1/000000000000/bench"},
    "SendMessage": {"MessageId": "5fea7756-0ea4-451a-a703-a558b933e274",
                    "MD5OfMessageBody": "fafb00f5732ab283681e124bf8747ed1"},
    "ReceiveMessage": {"Messages": [{"MessageId": "5fea7756-0ea4-451a-a703-a558b933e274",
                                     "ReceiptHandle": "AQEB" + "x" * 150, "Body": "message",
                                     "MD5OfBody": "78e731027d8fd50ed642340b7c9a63b3"}]},
}


class CannedHandler(BaseHTTPRequestHandler):
    """The floor: parse the request like the toy does, answer from a table, touch no queue."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        json.loads(body or b"{}")
        action = self.headers.get("X-Amz-Target", ".").split(".", 1)[1]
        out = json.dumps(CANNED.get(action, {})).encode()
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
                         b"Content-Length: %d\r\nx-amzn-RequestId: canned\r\n\r\n%s"
                         % (len(out), out))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def client(url):
    return boto3.client("sqs", endpoint_url=url, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test",
                        config=Config(retries={"max_attempts": 1}))


def wait_ready(url, started, timeout=120):
    """Seconds from `started` until a boto3 call succeeds."""
    c = client(url)
    while time.perf_counter() - started < timeout:
        try:
            c.list_queues()
            return time.perf_counter() - started
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.02)
    raise RuntimeError(f"{url} not ready after {timeout} s")


def spawn(args, url):
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    return proc, wait_ready(url, started)


class Workload:
    """One client and one queue on an endpoint; `run(rounds)` adds to its latency lists."""

    def __init__(self, url):
        self.c = c = client(url)
        self.q = c.create_queue(QueueName=f"bench-{os.getpid()}-{time.monotonic_ns()}")["QueueUrl"]
        self.times = {"send": [], "receive": [], "delete": []}
        self.total = 0.0
        for _ in range(20):   # warm up the connection and botocore's caches
            c.send_message(QueueUrl=self.q, MessageBody="message")
            for m in c.receive_message(QueueUrl=self.q, MaxNumberOfMessages=1).get("Messages", []):
                c.delete_message(QueueUrl=self.q, ReceiptHandle=m["ReceiptHandle"])

    def run(self, rounds):
        c, q, times, clock = self.c, self.q, self.times, time.perf_counter
        start = clock()
        for _ in range(rounds):
            t0 = clock()
            c.send_message(QueueUrl=q, MessageBody="message")
            t1 = clock()
            msgs = c.receive_message(QueueUrl=q, MaxNumberOfMessages=1).get("Messages", [])
            t2 = clock()
            times["send"].append(t1 - t0)
            times["receive"].append(t2 - t1)
            for m in msgs:
                c.delete_message(QueueUrl=q, ReceiptHandle=m["ReceiptHandle"])
                times["delete"].append(clock() - t2)
        self.total += clock() - start


def report(name, times, total):
    calls = sum(len(v) for v in times.values())
    row = {"name": name, "calls_per_s": calls / total,
           **{f"{k}_ms": statistics.median(v) * 1000 for k, v in times.items() if v}}
    print(f"{name:<22} {row['calls_per_s']:8.0f} calls/s   median ms: "
          + "  ".join(f"{k} {row[k + '_ms']:.2f}" for k in ("send", "receive", "delete")
                      if k + "_ms" in row), flush=True)
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke run)")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--localstack-url", default=None,
                        help="use this LocalStack instead of starting one (no start-up time)")
    parser.add_argument("--canned-server", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.canned_server is not None:   # the floor, run as its own process
        ThreadingHTTPServer(("127.0.0.1", args.canned_server), CannedHandler).serve_forever()
        return
    rounds = args.rounds or (150 if args.quick else 1000)
    print(f"boto3 send/receive/delete, one client, {rounds} rounds each\n", flush=True)

    procs, urls, startup, ls = [], {}, {}, None
    try:
        port = free_port()
        urls["toy (own process)"] = url = f"http://127.0.0.1:{port}"
        proc, startup["toy (process)"] = spawn(
            ["-m", "toyqueue", "serve", "--port", str(port)], url)
        procs.append(proc)

        from toyqueue import server
        t = time.perf_counter()
        ep = server.start()
        startup["toy (in-process)"] = wait_ready(ep.url, t)
        urls["toy (in this process)"] = ep.url

        port = free_port()
        urls["canned-answer floor"] = url = f"http://127.0.0.1:{port}"
        proc, startup["canned floor"] = spawn([__file__, "--canned-server", str(port)], url)
        procs.append(proc)

        if args.localstack_url:
            urls["LocalStack"] = args.localstack_url
        else:
            from toyqueue import localstack
            t = time.perf_counter()
            ls = localstack.start(port=0)
            startup["LocalStack"] = wait_ready(ls.url, t)
            urls["LocalStack"] = ls.url

        # Interleave short blocks, so a burst of load on this machine hits every endpoint alike.
        loads = {name: Workload(url) for name, url in urls.items()}
        block = 25
        for _ in range(max(1, rounds // block)):
            for w in loads.values():
                w.run(block)
        rows = {name: report(name, w.times, w.total) for name, w in loads.items()}
        ep.stop()
    finally:
        for p in procs:
            p.terminate()
            p.wait(10)
        if ls is not None:
            ls.stop()

    rows["toy"], rows["localstack"], rows["floor"] = (
        rows["toy (own process)"], rows["LocalStack"], rows["canned-answer floor"])
    toy, ls_row, floor = rows["toy"], rows["localstack"], rows["floor"]
    ratio = toy["calls_per_s"] / ls_row["calls_per_s"]
    print()
    print(f"toy / LocalStack throughput: {ratio:.2f}x  (goal >= 1.5x: "
          f"{'met' if ratio >= 1.5 else 'NOT met'})")
    for call in ("send", "receive", "delete"):
        print(f"  median {call:<8} toy {toy[call + '_ms']:.2f} ms   LocalStack "
              f"{ls_row[call + '_ms']:.2f} ms   ({ls_row[call + '_ms'] / toy[call + '_ms']:.2f}x)")
    print(f"toy / floor throughput: {toy['calls_per_s'] / floor['calls_per_s']:.2f} "
          f"(1.00 = the toy adds nothing over boto3 + HTTP)")
    inproc = rows["toy (in this process)"]
    print(f"toy in the client's process / floor: {inproc['calls_per_s'] / floor['calls_per_s']:.2f}"
          "  (client and server share one interpreter, as in a notebook)")
    print("start-up (launch -> first boto3 call answered):")
    for name, seconds in startup.items():
        print(f"  {name:<18} {seconds:6.2f} s")
    if "LocalStack" in startup:
        print(f"  LocalStack / toy (process): "
              f"{startup['LocalStack'] / startup['toy (process)']:.1f}x")


if __name__ == "__main__":
    main()
