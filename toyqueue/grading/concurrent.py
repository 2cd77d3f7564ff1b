"""Producers and consumers on threads, against a learner's queue, on a frozen virtual clock.

Races are what a queue without a lock gets wrong, so the threads start together behind a barrier
and the interpreter switches threads very often while they run. The clock does not move while
they run, so whatever the interleaving, a correct queue gives the same counts.
"""
from __future__ import annotations

import sys
import threading
import time

from .failures import CheckFailed

JOIN_SECONDS = 20.0


def run_threads(jobs: dict[str, callable]) -> None:
    """Run each job on its own thread, started together; re-raise the first failure here."""
    __tracebackhide__ = True
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(jobs))

    def wrap(fn):
        def go():
            try:
                barrier.wait()
                fn()
            except BaseException as exc:  # noqa: BLE001 - handed to the main thread
                errors.append(exc)
        return go

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        threads = [threading.Thread(target=wrap(fn), name=name, daemon=True) for name, fn in jobs.items()]
        for th in threads:
            th.start()
        deadline = time.monotonic() + JOIN_SECONDS
        for th in threads:
            th.join(max(0.0, deadline - time.monotonic()))
    finally:
        sys.setswitchinterval(old)
    stuck = [th.name for th in threads if th.is_alive()]
    if stuck:
        raise CheckFailed("a queue answers every call (no call waits forever)",
                          f"{', '.join(stuck)} still had not returned after {JOIN_SECONDS:.0f} s of real time: "
                          "is a lock taken and never released?")
    if errors:
        raise errors[0]


def producers_and_consumers(rec, *, producers: int, per_producer: int, consumers: int, batch: bool = False,
                            delete=lambda body: True, group_of=None) -> None:
    """Producers send `per_producer` messages each while consumers receive (and delete what
    `delete(body)` approves); consumers stop once producers are done and the queue answers empty."""
    done = threading.Event()
    if producers == 0:
        done.set()
    finished = [0]
    lock = threading.Lock()

    def producer(name):
        def go():
            bodies = [f"{name}-{i}" for i in range(1, per_producer + 1)]
            try:
                if batch:
                    for i in range(0, len(bodies), 10):
                        rec.send_batch(name, bodies[i:i + 10])
                else:
                    for body in bodies:
                        if group_of is None:
                            rec.send(name, body)
                        else:
                            rec.send(name, body, group=group_of(name), dedup=body)
            finally:
                with lock:
                    finished[0] += 1
                    if finished[0] == producers:
                        done.set()
        return go

    budget = [3 * max(producers * per_producer, 100) + 100]  # a broken queue may hand out messages forever

    def consumer(name):
        def go():
            for _ in range(100_000):
                was_done = done.is_set()
                got = rec.receive(name, max_messages=10)
                with lock:
                    budget[0] -= len(got)
                    if budget[0] < 0:
                        return
                if not got:
                    if was_done:
                        return
                    continue
                if rec.takes:
                    continue
                keep = [m[2] for m in got if delete(m[1])]
                if batch and keep:
                    rec.delete_batch(name, keep)
                else:
                    for handle in keep:
                        rec.delete(name, handle)
        return go

    jobs = {f"P{i}": producer(f"P{i}") for i in range(1, producers + 1)}
    jobs.update({f"C{i}": consumer(f"C{i}") for i in range(1, consumers + 1)})
    run_threads(jobs)
