"""Checks for exercise 07: FIFO queues, message groups and deduplication."""
from __future__ import annotations

from ..clock import VirtualClock
from ..limits import DEDUP_WINDOW
from .common import LOCK_HINT, check, fail, make, passed
from .concurrent import producers_and_consumers
from .failures import expect_error
from .record import History, Recorder
from .rules import DEDUP, DEDUP_EXPIRES, LOST, replay

ORDER_SCENARIO = ("P1 sends a1, b1, a2, b2, a3 (groups 'alice' and 'bob'). At 0 s A receives one message and "
                  "crashes; B receives up to 10 and deletes them; at 31 s C receives up to 10.")


@check
def check_fifo_order(MyFifoQueue):
    __tracebackhide__ = True
    clock = VirtualClock()
    h = History(clock)
    q = make(MyFifoQueue, clock, visibility_timeout=30)
    rec = Recorder(q, h, visibility_timeout=30, fifo=True, cls_name=MyFifoQueue.__name__)
    for body, group in (("a1", "alice"), ("b1", "bob"), ("a2", "alice"), ("b2", "bob"), ("a3", "alice")):
        rec.send("P1", body, group=group, dedup=body)

    def checkpoint(done=False):
        __tracebackhide__ = True
        replay(h, fifo=True, expect_all_deleted=done).raise_first(ORDER_SCENARIO)

    a = rec.receive("A")
    if not a:
        fail("receive returns a message when the queue holds some", "at 0 s receive() returned [].")
    b = rec.receive("B", max_messages=10)
    checkpoint()
    for m in b:
        rec.delete("B", m[2])
    clock.advance(31)
    c = rec.receive("C", max_messages=10)
    checkpoint()
    if a[0][0] not in [m[0] for m in c]:
        fail("a message whose visibility timeout ends becomes visible again",
             f"A received {h.label(a[0][0])} at 0 s and crashed; at 31 s C's receive did not get it back.")
    for m in c:
        rec.delete("C", m[2])
    expect_error(lambda: q.send("x", group_id=None, deduplication_id="x"), "send('x', group_id=None)",
                 "every message of a FIFO queue needs a group_id (SQS: MissingParameter)")
    expect_error(lambda: q.send("x", group_id="alice"), "send('x', group_id='alice') without a deduplication_id",
                 "without content-based deduplication, every FIFO message needs a deduplication_id "
                 "(SQS: InvalidParameterValue)")
    clock.advance(31)
    rec.drain()
    checkpoint(done=True)
    return passed("FIFO order", ["each group's messages come in send order",
                          "a group waits while one of its messages is in flight; other groups go on",
                          "a crashed consumer's message comes back first in its group"])


@check
def check_deduplication(MyFifoQueue):
    __tracebackhide__ = True
    clock = VirtualClock()
    h = History(clock)
    q = make(MyFifoQueue, clock, visibility_timeout=30)
    rec = Recorder(q, h, visibility_timeout=30, fifo=True, cls_name=MyFifoQueue.__name__)
    first = rec.send("P1", "pay 10", group="alice", dedup="d1")
    clock.advance(50)
    for m in rec.receive("A", max_messages=10):
        rec.delete("A", m[2])
    clock.advance(50)
    again = rec.send("P1", "pay 10", group="alice", dedup="d1")
    if again != first:
        fail(DEDUP, f"at 100 s 'pay 10' was sent again with deduplication id 'd1' (first sent at 0 s, already "
                    f"received and deleted); the queue accepted it as a new message {h.label(again)}. Within "
                    f"{DEDUP_WINDOW} s the duplicate must be dropped: send returns the first message's id and "
                    f"stores nothing.")
    got = rec.receive("B", max_messages=10)
    replay(h, fifo=True, expect_all_deleted=False).raise_first("a message, its receipt and delete, then the "
                                                               "same deduplication id again at 100 s.")
    if got:
        fail(DEDUP, f"after the duplicate send at 100 s, B received {[m[1] for m in got]!r}; the duplicate must "
                    f"not be delivered.")
    clock.advance(320)
    late = rec.send("P1", "pay 10", group="alice", dedup="d1")
    if late == first:
        fail(DEDUP_EXPIRES, f"at 420 s, {420} s after the first send with deduplication id 'd1', the queue still "
                            f"treated the message as a duplicate; the window is {DEDUP_WINDOW} s (5 minutes), so "
                            f"a queue that deduplicates forever loses real messages.")
    late_got = rec.receive("C", max_messages=10)
    if late not in [m[0] for m in late_got]:
        fail(LOST, f"the message sent at 420 s with deduplication id 'd1' (a new one: the window had ended) "
                   f"was never delivered.")
    for m in late_got:
        rec.delete("C", m[2])

    cq = make(MyFifoQueue, clock, visibility_timeout=30, content_based_deduplication=True)
    crec = Recorder(cq, h, name="content", visibility_timeout=30, fifo=True, cls_name=MyFifoQueue.__name__)
    hello = crec.send("P2", "hello", group="g")
    if crec.send("P2", "hello", group="g") != hello:
        fail(DEDUP, "with content_based_deduplication=True, 'hello' sent twice in a row became two messages: the "
                    "deduplication id is then the SHA-256 of the body.")
    if crec.send("P2", "world", group="g") == hello:
        fail("different bodies are different messages",
             "with content_based_deduplication=True, 'world' was treated as a duplicate of 'hello'.")
    if crec.send("P2", "hello", group="g", dedup="explicit") == hello:
        fail("an explicit deduplication_id wins over the body's hash",
             "with content_based_deduplication=True, 'hello' sent with deduplication_id='explicit' was "
             "treated as a duplicate of the first 'hello'.")
    crec.drain()
    replay(h, fifo=True).raise_first("deduplication by id, then by content.")
    replay(h, queue="content", fifo=True).raise_first("content-based deduplication: 'hello', 'hello', 'world', "
                                                      "'hello' with deduplication_id='explicit'.")
    return passed("deduplication", [f"a duplicate within {DEDUP_WINDOW} s is dropped, even after the first was deleted",
                             "after the window the same id is a new message",
                             "content-based deduplication hashes the body; an explicit id wins"])


@check
def check_fifo_threads(MyFifoQueue):
    __tracebackhide__ = True
    clock = VirtualClock()
    h = History(clock)
    q = make(MyFifoQueue, clock, visibility_timeout=30)
    rec = Recorder(q, h, visibility_timeout=30, fifo=True, cls_name=MyFifoQueue.__name__)
    producers_and_consumers(rec, producers=3, per_producer=30, consumers=4, group_of=lambda name: name)
    clock.advance(31)
    rec.drain()
    v = replay(h, fifo=True)
    v.raise_first(f"3 producers each send 30 messages to their own group while 4 consumers receive and "
                  f"delete, on threads at the same time ({LOCK_HINT}).")
    return passed("FIFO with many producers and consumers at once", [
        "3 groups of 30 messages, 4 consumers on threads",
        "every group delivered in order, one batch in flight per group, nothing lost"])
