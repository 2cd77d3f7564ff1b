"""Benchmarks for the toy queue core. Every result is a ratio measured in this same run.

    python benchmarks/bench_core.py           # full sizes (about a minute)
    python benchmarks/bench_core.py --quick   # small sizes (a few seconds; used by a test)

(a) send + receive + delete, one message at a time, in-process, against a bare
    collections.deque loop doing the same number of appends and pops. Two paths: the lean
    data structure (queue.py) and the boto3-shaped QueueService (validation, MD5s, dicts).
    Two reference rows show what any thread-safe pure-Python queue pays before doing
    anything: three uncontended lock blocks alone, and a bare minimum (locks, a record,
    a handle, a dict entry).
(b) receive + delete cost per message at a large backlog vs a 1,000-message backlog, also
    with 100,000 messages in flight: it must not grow with the backlog (goal: within 2x).
(c) memory of a large backlog of 100-byte bodies (tracemalloc), and the overhead per message.
"""
import argparse
import gc
import sys
import threading
import time
import tracemalloc
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from toyqueue import QueueService, VirtualClock  # noqa: E402
from toyqueue.queue import StandardQueue  # noqa: E402

NOW = 1_767_225_600.0

# CPU time of this process, not wall time: the machine may be shared, and a loop that waits
# for a CPU is not slower code. On an idle machine the two agree for these loops.
clock = time.process_time
BODY = "x" * 100


def best_of(runs, fn, *args):
    """Fastest of a few runs: the least disturbed by other processes on the machine."""
    return min(fn(*args) for _ in range(runs))


def deque_loop(n):
    d = deque()
    append, popleft = d.append, d.popleft
    t = clock()
    for i in range(n):
        append(BODY)
        popleft()
    return (clock() - t) / n


class _Rec:
    __slots__ = ("body", "at", "handle")

    def __init__(self, body, at):
        self.body, self.at, self.handle = body, at, None


def locks_loop(n):
    """Only the three uncontended ``with lock:`` blocks (send, receive, delete) that any
    thread-safe queue pays per message. In CPython 3.13 this alone is far above the deque loop."""
    lock = threading.Lock()
    t = clock()
    for _ in range(n):
        with lock:
            pass
        with lock:
            pass
        with lock:
            pass
    return (clock() - t) / n


def floor_loop(n):
    """The least any thread-safe queue with receipt handles does in CPython: one lock per
    call, one record per message, one handle string and a dict entry to delete by. No
    timers, ids, counts or retention. It shows how far pure Python can go at all."""
    lock, d, handles = threading.Lock(), deque(), {}
    t = clock()
    for i in range(n):
        with lock:
            d.append(_Rec(BODY, NOW))
        with lock:
            rec = d.popleft()
            rec.handle = h = f"AQEB{i}"
            handles[h] = rec
        with lock:
            del handles[h]
    return (clock() - t) / n


def lean_loop(n):
    q = StandardQueue("bench")
    send, receive, delete = q.send, q.receive, q.delete
    t = clock()
    for _ in range(n):
        send(BODY, NOW)
        delete(receive(NOW)[0].receipt, NOW)
    return (clock() - t) / n


def service_loop(n):
    svc = QueueService(clock=VirtualClock(NOW))
    url = svc.create_queue(QueueName="bench")["QueueUrl"]
    send, receive, delete = svc.send_message, svc.receive_message, svc.delete_message
    t = clock()
    for _ in range(n):
        send(QueueUrl=url, MessageBody=BODY)
        handle = receive(QueueUrl=url)["Messages"][0]["ReceiptHandle"]
        delete(QueueUrl=url, ReceiptHandle=handle)
    return (clock() - t) / n


def backlog_cost(backlog, inflight, n, via_service=False):
    """ns per receive+delete with ``backlog`` visible and ``inflight`` hidden messages.

    Measured in chunks no larger than half the backlog, topping the backlog up (untimed)
    between chunks, so the backlog stays about the same size throughout.
    """
    svc = QueueService(clock=VirtualClock(NOW))
    url = svc.create_queue(QueueName="bench")["QueueUrl"]
    q = svc.queue(url)
    for i in range(inflight):
        q.send(BODY, NOW)
    while q.n_visible:
        q.receive(NOW, 10, visibility_timeout=43_200)   # hidden for the whole run
    for i in range(backlog):
        q.send(BODY, NOW)
    chunk = max(1, min(n, backlog // 2))
    elapsed, done = 0.0, 0
    receive, delete = q.receive, q.delete
    while done < n:
        k = min(chunk, n - done)
        if via_service:
            t = clock()
            for _ in range(k):
                h = svc.receive_message(QueueUrl=url)["Messages"][0]["ReceiptHandle"]
                svc.delete_message(QueueUrl=url, ReceiptHandle=h)
            elapsed += clock() - t
        else:
            t = clock()
            for _ in range(k):
                delete(receive(NOW)[0].receipt, NOW)
            elapsed += clock() - t
        done += k
        for _ in range(k):
            q.send(BODY, NOW)
    assert q.n_inflight == inflight
    return elapsed / n


def memory(n, via_service):
    """Bytes held by a backlog of n messages with distinct 100-byte bodies."""
    bodies = [f"{i:0100d}" for i in range(n)]        # allocated before measuring
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    if via_service:
        svc = QueueService(clock=VirtualClock(NOW))
        url = svc.create_queue(QueueName="mem")["QueueUrl"]
        for b in bodies:
            svc.send_message(QueueUrl=url, MessageBody=b)
        keep = svc
    else:
        q = StandardQueue("mem")
        for b in bodies:
            q.send(b, NOW)
        keep = q
    gc.collect()
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    del keep
    body_bytes = sys.getsizeof(bodies[0])
    return used, body_bytes


def ns(seconds):
    return f"{seconds * 1e9:9.0f} ns"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes, a few seconds")
    args = ap.parse_args(argv)
    if args.quick:
        n_a, runs, small, large, inflight, n_b, n_mem = 5_000, 1, 1_000, 20_000, 2_000, 2_000, 20_000
    else:
        n_a, runs, small, large, inflight, n_b, n_mem = 200_000, 3, 1_000, 1_000_000, 100_000, 100_000, 1_000_000

    print(f"(a) send+receive+delete one message at a time, {n_a:,} messages, best of {runs}")
    d = best_of(runs, deque_loop, n_a)
    locks = best_of(runs, locks_loop, n_a)
    floor = best_of(runs, floor_loop, n_a)
    lean = best_of(runs, lean_loop, n_a)
    svc = best_of(runs, service_loop, max(1, n_a // 10))
    print(f"    deque append+popleft     {ns(d)} per message")
    print(f"    three lock blocks alone  {ns(locks)} per message   throughput = 1/{locks / d:.1f} of deque"
          f"  (ratio {d / locks:.3f}: the locking alone)")
    print(f"    bare minimum (see floor) {ns(floor)} per message   throughput = 1/{floor / d:.1f} of deque"
          f"  (ratio {d / floor:.3f}: locks, a record, a handle; nothing else)")
    print(f"    lean queue.py            {ns(lean)} per message   throughput = 1/{lean / d:.1f} of deque"
          f"  (ratio {d / lean:.3f}; goal >= 0.200)")
    print(f"    QueueService (boto3 API) {ns(svc)} per message   throughput = 1/{svc / d:.1f} of deque"
          f"  (ratio {d / svc:.3f})")

    print(f"\n(b) receive+delete per message, {n_b:,} operations, best of {runs}")
    base = best_of(runs, backlog_cost, small, 0, n_b)
    big = best_of(runs, backlog_cost, large, 0, n_b)
    big_fl = best_of(runs, backlog_cost, large, inflight, n_b)
    print(f"    lean, backlog {small:>9,}                      {ns(base)}")
    print(f"    lean, backlog {large:>9,}                      {ns(big)}   ratio {big / base:.2f}  (goal <= 2)")
    print(f"    lean, backlog {large:>9,} + {inflight:,} in flight   {ns(big_fl)}   ratio {big_fl / base:.2f}  (goal <= 2)")
    n_s = max(1, n_b // 5)
    sbase = best_of(runs, backlog_cost, small, 0, n_s, True)
    sbig_fl = best_of(runs, backlog_cost, large, inflight, n_s, True)
    print(f"    service, backlog {small:>9,}                   {ns(sbase)}")
    print(f"    service, backlog {large:>9,} + {inflight:,} in flight {ns(sbig_fl)}   ratio {sbig_fl / sbase:.2f}  (goal <= 2)")

    print(f"\n(c) memory of a {n_mem:,}-message backlog, 100-byte bodies (tracemalloc)")
    for via_service, label in ((False, "lean queue.py "), (True, "QueueService  ")):
        used, body = memory(n_mem, via_service)
        per = used / n_mem
        print(f"    {label} {used / 2**20:8.1f} MiB   {per:6.0f} bytes/message   overhead "
              f"{per - body:6.0f} bytes/message beyond the body's {body}-byte str")


if __name__ == "__main__":
    main()
