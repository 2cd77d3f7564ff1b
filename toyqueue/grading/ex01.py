"""Checks for exercise 01, store and receive: the simplest queue, where receive takes messages out."""
from __future__ import annotations

from ..clock import VirtualClock
from .common import check, check_threads, fail, make, passed
from .failures import expect_error
from .record import History, Recorder
from .rules import replay

SCENARIO = "producer P1 sends 5 messages; consumer C1 receives 1, consumer C2 up to 3, then the rest are drained."
MAX_RULE = "max_messages is between 1 and 10, as in SQS"


@check
def check_store_and_receive(MyQueue):
    __tracebackhide__ = True
    clock = VirtualClock()
    h = History(clock)
    q = make(MyQueue, clock)
    rec = Recorder(q, h, takes=True, cls_name=MyQueue.__name__)
    got = rec.receive("C1")
    if got:
        fail("receive on an empty queue returns an empty list", f"receive() on a new queue returned {got!r}.")
    ids = [rec.send("P1", f"order {i}") for i in range(1, 6)]
    if len(set(ids)) != len(ids):
        fail("every message gets its own id", f"five sends returned the ids {ids!r}.")
    first = rec.receive("C1", max_messages=1)
    if not first:
        fail("receive returns a message when the queue holds some", "receive(max_messages=1) on a queue "
             "holding 5 messages returned [].")
    more = rec.receive("C2", max_messages=3)
    if not more:
        fail("receive returns a message when the queue holds some", "receive(max_messages=3) on a queue "
             "holding 4 messages returned [].")
    replay(h, takes=True, expect_all_deleted=False).raise_first(SCENARIO)
    expect_error(lambda: q.receive(max_messages=0), "receive(max_messages=0)", MAX_RULE)
    expect_error(lambda: q.receive(max_messages=11), "receive(max_messages=11)", MAX_RULE)
    rec.drain()
    replay(h, takes=True).raise_first(SCENARIO)
    return passed("store and receive", ["empty queue answers []", "5 messages sent, each received exactly once",
                                 "max_messages outside 1..10 is refused"])


@check
def check_many_at_once(MyQueue):
    __tracebackhide__ = True
    return check_threads(MyQueue, takes=True, producers=3, per_producer=40, consumers=3)
