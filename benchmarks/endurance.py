"""Load and abuse against the toy's HTTP endpoint, run in a process of its own.

load:  producers and consumers (some of them crashing) for a while, recorded with
       toyqueue.history and checked: lost 0, unexpected 0, duplicates counted. Prints calls/s
       and the p50/p99 latency of the calls that did work.
abuse: idle, slow (a byte at a time) and oversized connections held against the endpoint,
       under a small limit of open files, while a well-behaved boto3 client keeps working.
       Prints the server's threads, RSS and CPU before, during and after.
fuzz:  the every-action fuzz test (tests/server/test_server_fuzz_actions.py), many examples.

    .venv/bin/python benchmarks/endurance.py load --seconds 60 --producers 8 --consumers 16
    .venv/bin/python benchmarks/endurance.py load --fifo
    .venv/bin/python benchmarks/endurance.py abuse --idle 3000 --nofile 1024
    .venv/bin/python benchmarks/endurance.py fuzz --examples 500

tests/server/test_endurance.py runs `load` and `abuse` at a small size (seconds each).
"""

import argparse
import contextlib
import os
import random
import resource
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import boto3
from botocore.config import Config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toyqueue import History, check  # noqa: E402


# ---------------------------------------------------------------- the server's process

@contextlib.contextmanager
def toy_process(nofile=None):
    """`python -m toyqueue serve --port 0` in its own process; yields (url, pid). ``nofile``:
    the soft limit of open files it gets (the accept loop once spun when it ran out)."""
    def limit():
        if nofile:
            _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, hard))
    proc = subprocess.Popen([sys.executable, "-m", "toyqueue", "serve", "--port", "0"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            preexec_fn=limit)
    try:
        first = proc.stdout.readline()
        yield first.split(" on ", 1)[1].split()[0], proc.pid
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def stats(pid):
    """{'threads', 'rss_mb', 'cpu_s'} of a process, from /proc."""
    status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return {"threads": int(status["Threads"]), "rss_mb": int(status["VmRSS"].split()[0]) / 1024,
            "cpu_s": (int(fields[11]) + int(fields[12])) / ticks}


def client(url, **config):
    config.setdefault("retries", {"max_attempts": 1})
    return boto3.client("sqs", endpoint_url=url, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test",
                        config=Config(**config))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))] if values else float("nan")


# ---------------------------------------------------------------- load

def load(url, seconds=3.0, producers=2, consumers=4, fifo=False, seed=0, drain_timeout=60.0):
    """Producers send for ``seconds``; consumers receive and delete, half of them crashing
    now and then (dropping a batch unfinished, or hanging up in the middle of a long poll).
    Then the consumers drain the queue and the history is checked."""
    h = History()
    setup = client(url)
    name = f"load-{seed}-{time.monotonic_ns()}" + (".fifo" if fifo else "")
    attrs = {"VisibilityTimeout": "2"}
    if fifo:
        attrs.update(FifoQueue="true", ContentBasedDeduplication="true")
    queue = setup.create_queue(QueueName=name, Attributes=attrs)["QueueUrl"]
    producing, draining, done = threading.Event(), threading.Event(), threading.Event()
    producing.set()
    lock = threading.Lock()
    latencies, calls, errors, crashes = [], [0], [], [0]

    def timed(fn, **kw):
        t = time.perf_counter()
        r = fn(**kw)
        with lock:
            calls[0] += 1
            if fn.__name__ != "receive_message" or r.get("Messages"):
                latencies.append(time.perf_counter() - t)      # a poll that waited for nothing
        return r                                                # is not latency

    def producer(p):
        c = h.wrap(client(url), process=f"producer-{p}")
        rnd = random.Random(seed * 1000 + p)
        i = 0
        while producing.is_set():
            entries = [{"Id": str(k), "MessageBody": f"p{p}-{i + k}"} for k in range(rnd.randint(1, 10))]
            if fifo:
                for e in entries:
                    e["MessageGroupId"] = f"g{rnd.randrange(8)}"
            if len(entries) == 1:
                timed(c.send_message, QueueUrl=queue, **{k: v for k, v in entries[0].items() if k != "Id"})
            else:
                timed(c.send_message_batch, QueueUrl=queue, Entries=entries)
            i += len(entries)

    def consumer(k):
        rnd = random.Random(seed * 1000 + 500 + k)
        crashy = k % 2 == 1
        c = h.wrap(client(url), process=f"consumer-{k}")
        while not done.is_set():
            crash = crashy and not draining.is_set() and rnd.random() < 0.1
            if crash and rnd.random() < 0.3:     # hang up in the middle of a long poll
                dying = h.wrap(client(url, read_timeout=0.3), process=f"consumer-{k}")
                with contextlib.suppress(Exception):
                    dying.receive_message(QueueUrl=queue, MaxNumberOfMessages=10, WaitTimeSeconds=2)
                crashes[0] += 1
                continue
            msgs = timed(c.receive_message, QueueUrl=queue, MaxNumberOfMessages=rnd.randint(1, 10),
                         WaitTimeSeconds=1).get("Messages", [])
            if crash and msgs:                   # die with a batch half done: start over
                msgs = msgs[:rnd.randrange(len(msgs))]
                crashes[0] += 1
            if len(msgs) == 1:
                timed(c.delete_message, QueueUrl=queue, ReceiptHandle=msgs[0]["ReceiptHandle"])
            elif msgs:
                timed(c.delete_message_batch, QueueUrl=queue, Entries=[
                    {"Id": str(j), "ReceiptHandle": m["ReceiptHandle"]} for j, m in enumerate(msgs)])
            if crash:
                c = h.wrap(client(url), process=f"consumer-{k}")   # a new process: new connections

    def guarded(fn, *args):
        try:
            fn(*args)
        except Exception as e:                   # noqa: BLE001 - reported, not swallowed
            errors.append(repr(e))
            done.set()
            producing.clear()

    threads = [threading.Thread(target=guarded, args=(producer, p)) for p in range(producers)]
    threads += [threading.Thread(target=guarded, args=(consumer, k)) for k in range(consumers)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds)
    producing.clear()
    draining.set()
    deadline = time.monotonic() + drain_timeout
    names = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
             "ApproximateNumberOfMessagesDelayed"]
    while time.monotonic() < deadline and not errors:
        left = setup.get_queue_attributes(QueueUrl=queue, AttributeNames=names)["Attributes"]
        if all(left[n] == "0" for n in names):
            break
        time.sleep(0.2)
    done.set()
    for t in threads:
        t.join(30)
    elapsed = time.perf_counter() - started
    report = check(h, content_based=fifo)
    return {"report": report, "errors": errors, "calls": calls[0], "seconds": elapsed,
            "calls_per_s": calls[0] / elapsed, "p50_ms": percentile(latencies, 50) * 1000,
            "p99_ms": percentile(latencies, 99) * 1000, "crashes": crashes[0],
            "lost": len(report.lost), "unexpected": len(report.unexpected),
            "duplicates": report.duplicated, "sent": report.sent, "valid": report.valid}


# ---------------------------------------------------------------- abuse

def abuse(url, pid, idle=300, slow=20, oversized=10, rounds=30):
    """Hold idle, slow and oversized connections while a normal client sends, receives and
    deletes ``rounds`` times. Returns the server's figures and the client's."""
    host, port = url.rsplit("/", 1)[1].rsplit(":", 1)
    address = (host, int(port))
    before = stats(pid)
    held, stop = [], threading.Event()
    peak = dict(before)

    def watch():
        while not stop.is_set():
            with contextlib.suppress(OSError):
                now = stats(pid)
                peak["threads"] = max(peak["threads"], now["threads"])
                peak["rss_mb"] = max(peak["rss_mb"], now["rss_mb"])
            time.sleep(0.05)

    def connect():
        s = socket.socket()
        s.settimeout(5)
        with contextlib.suppress(OSError):
            s.connect(address)
        held.append(s)
        return s

    def trickle(socks):                   # one byte per socket every 0.2 s: never finishing
        request = b"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonSQS.ListQueues\r\n" * 50
        i = 0
        while not stop.is_set():
            for s in socks:
                with contextlib.suppress(OSError):
                    s.send(request[i % len(request):i % len(request) + 1])
            i += 1
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    cpu0, t0 = stats(pid)["cpu_s"], time.monotonic()
    for _ in range(idle):
        connect()
    trickler = threading.Thread(target=trickle, args=([connect() for _ in range(slow)],), daemon=True)
    trickler.start()
    heads = [b"Content-Length: 10737418240\r\n", b"Transfer-Encoding: chunked\r\n\r\n-1\r\n",
             b"Content-Length: 8388607\r\n", b"X-Big: " + b"h" * 60_000 + b"\r\n"]
    for i in range(oversized):
        s = connect()
        with contextlib.suppress(OSError):
            s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonSQS.ListQueues\r\n"
                      + heads[i % len(heads)] + b"\r\n" + b"{" * 100_000)

    normal = client(url, retries={"max_attempts": 3, "mode": "standard"}, connect_timeout=5,
                    read_timeout=10)
    queue = normal.create_queue(QueueName=f"abuse-{time.monotonic_ns()}")["QueueUrl"]
    ok, failed, latencies = 0, [], []
    for i in range(rounds):
        t = time.perf_counter()
        try:
            normal.send_message(QueueUrl=queue, MessageBody=f"m{i}")
            for m in normal.receive_message(QueueUrl=queue, WaitTimeSeconds=1).get("Messages", []):
                normal.delete_message(QueueUrl=queue, ReceiptHandle=m["ReceiptHandle"])
            ok += 1
        except Exception as e:                   # noqa: BLE001 - counted
            failed.append(repr(e))
        latencies.append(time.perf_counter() - t)
    during_cpu = (stats(pid)["cpu_s"] - cpu0) / (time.monotonic() - t0)
    stop.set()
    for s in held:
        s.close()
    deadline = time.monotonic() + 15             # let the server notice they are gone
    while stats(pid)["threads"] > before["threads"] + 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    after = stats(pid)
    return {"before": before, "peak": peak, "after": after, "cpu_share_during": during_cpu,
            "rounds_ok": ok, "rounds_failed": failed, "round_p50_ms": percentile(latencies, 50) * 1000,
            "round_p99_ms": percentile(latencies, 99) * 1000, "held": len(held)}


# ---------------------------------------------------------------- command line

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("load")
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--producers", type=int, default=8)
    p.add_argument("--consumers", type=int, default=16)
    p.add_argument("--fifo", action="store_true")
    p.add_argument("--seed", type=int, default=1)
    a = sub.add_parser("abuse")
    a.add_argument("--idle", type=int, default=3000)
    a.add_argument("--slow", type=int, default=200)
    a.add_argument("--oversized", type=int, default=50)
    a.add_argument("--rounds", type=int, default=100)
    a.add_argument("--nofile", type=int, default=1024)
    f = sub.add_parser("fuzz")
    f.add_argument("--examples", type=int, default=500)
    args = parser.parse_args()

    if args.what == "fuzz":
        env = dict(os.environ, TOYQUEUE_FUZZ_EXAMPLES=str(args.examples))
        sys.exit(subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                  "tests/server/test_server_fuzz_actions.py"], cwd=ROOT, env=env))
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))   # room for our own sockets
    if args.what == "load":
        with toy_process() as (url, pid):
            r = load(url, args.seconds, args.producers, args.consumers, args.fifo, args.seed)
        print(f"{'FIFO' if args.fifo else 'standard'} queue, {args.producers} producers, "
              f"{args.consumers} consumers (half crashing; {r['crashes']} crashes), "
              f"{args.seconds:.0f} s of sending")
        print(f"  {r['calls']} calls in {r['seconds']:.1f} s: {r['calls_per_s']:.0f} calls/s, "
              f"p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms")
        print(f"  sent {r['sent']}, lost {r['lost']}, unexpected {r['unexpected']}, "
              f"duplicates {r['duplicates']}, valid {r['valid']}, errors {len(r['errors'])}")
        print("  " + r["report"].summary().replace("\n", "\n  "))
        sys.exit(0 if r["valid"] and not r["errors"] else 1)
    with toy_process(nofile=args.nofile) as (url, pid):
        r = abuse(url, pid, args.idle, args.slow, args.oversized, args.rounds)
    print(f"{args.idle} idle, {args.slow} slow, {args.oversized} oversized connections; server "
          f"limited to {args.nofile} open files")
    for when in ("before", "peak", "after"):
        s = r[when]
        print(f"  {when:<7} threads {s['threads']:>5}   RSS {s['rss_mb']:7.1f} MB")
    print(f"  server CPU while held: {r['cpu_share_during']:.0%} of a core")
    print(f"  normal client: {r['rounds_ok']}/{args.rounds} rounds ok, p50 {r['round_p50_ms']:.1f} "
          f"ms, p99 {r['round_p99_ms']:.1f} ms per send+receive+delete")
    sys.exit(0 if not r["rounds_failed"] else 1)


if __name__ == "__main__":
    main()
