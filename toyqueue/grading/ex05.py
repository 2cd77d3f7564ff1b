"""Checks for exercise 05: send_batch and delete_batch, with SQS's batch limits."""
from __future__ import annotations

from ..clock import VirtualClock
from ..limits import MAX_BATCH_ENTRIES, MAX_BATCH_SIZE
from .common import check, check_threads, counts, expect_counts, fail, make, passed
from .failures import CheckFailed, expect_error
from .record import History, Recorder
from .rules import replay

SCENARIO = ("P1 sends a batch of 10; A receives 10 and deletes them in one batch that also holds an "
            "unknown handle.")
ENTRIES = f"a batch holds 1 to {MAX_BATCH_ENTRIES} entries (SQS: TooManyEntriesInBatchRequest / EmptyBatchRequest)"
PARTIAL = ("a batch succeeds or fails entry by entry: delete_batch deletes the valid handles and returns "
           "the others instead of raising")
SIZE = f"a batch is at most {MAX_BATCH_SIZE:,} bytes (1 MiB) in all (SQS: BatchRequestTooLong)"


@check
def check_batches(MyQueue):
    __tracebackhide__ = True
    clock = VirtualClock()
    h = History(clock)
    q = make(MyQueue, clock)
    rec = Recorder(q, h, visibility_timeout=30, cls_name=MyQueue.__name__)
    expect_error(lambda: q.send_batch([f"b{i}" for i in range(11)]), "send_batch() with 11 bodies", ENTRIES)
    expect_error(lambda: q.send_batch([]), "send_batch([])", ENTRIES)
    big = "x" * (MAX_BATCH_SIZE // 2 + 1)
    expect_error(lambda: q.send_batch([big, big]), f"send_batch() with two bodies of {len(big):,} bytes", SIZE)
    left = counts(q, "calling counts() after three refused batches")
    if left.get("visible") != 0:
        fail("a refused batch stores nothing", f"after three send_batch() calls that raised ValueError, "
                                               f"counts() returned {left!r}: some of their messages were stored.")
    ids = rec.send_batch("P1", [f"order {i}" for i in range(1, 11)])
    got = []
    while len(got) < 10:  # fewer per call is fine (SQS's short poll does it too); none is not
        more = rec.receive("A", max_messages=10)
        if not more:
            fail("receive returns a message when the queue holds some",
                 f"receive(max_messages=10) returned [] while {10 - len(got)} sent messages were still visible.")
        got.extend(more)
    expect_error(lambda: q.delete_batch([m[2] for m in got] + ["extra"]), "delete_batch() with 11 handles",
                 ENTRIES)
    expect_error(lambda: q.delete_batch([]), "delete_batch([])", ENTRIES)
    handles = [m[2] for m in got]
    try:
        rec.delete_batch("A", handles[:4] + ["no-such-handle"] + handles[4:9])
    except CheckFailed as exc:
        if exc.rule:
            raise
        raise CheckFailed(PARTIAL, exc.detail) from None
    rec.delete_batch("A", handles[9:])
    expect_counts(q, {"visible": 0, "inflight": 0}, "after delete_batch() of all 10 handles (and a bad one) in two batches")
    clock.advance(31)
    rec.drain()
    replay(h).raise_first(SCENARIO)
    if len(set(ids)) != 10:
        fail("every message gets its own id", f"send_batch() returned {ids!r}.")
    return passed("batches", ["send_batch of 10 gives 10 ids; 0, 11 entries or over 1 MiB are refused whole",
                       "delete_batch deletes the good handles and reports the bad one"])


@check
def check_batches_at_once(MyQueue):
    __tracebackhide__ = True
    return check_threads(MyQueue, batch=True, producers=3, per_producer=50, consumers=4,
                  title="batches from many producers and consumers at once")
