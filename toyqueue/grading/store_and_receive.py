"""Checks for exercise 01, store and receive: the simplest queue, where receive takes messages out.

Later exercises change receive to hide a message instead (a third item, the receipt handle), and
the learner keeps one file; so these checks accept that shape too, on a clock that never moves.
"""
from __future__ import annotations

from ..clock import VirtualClock
from ..i18n import mark
from .common import (HOLDS_SOME, RECEIVE, SEND, check, crowd_check, fail, holding, make, overlap_check, overlap_line,
                     passed, queue_class)
from .failures import expect_accepted, expect_error
from .record import History, Recorder
from .rules import replay

INTERFACE = {"__init__": [], "send": [], "receive": ["max_messages"]}
BODIES = ["order 1", "주문 2 📦", "order 1", " ", "order 3"]
SCENARIO = mark("producer P1 sends 'order 1', '주문 2 📦', 'order 1' again (same body, a second message), ' ' and "
                "'order 3'; consumer C1 receives 1, consumer C2 up to 3, C3 up to 10, then consumer Z receives the "
                "rest.")
MAX_RULE = mark("max_messages is between 1 and 10, as in SQS")


@check
def check_store_and_receive(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="01")
    clock = VirtualClock()
    h = History(clock)
    q = make(MyQueue, clock)
    expect_error(lambda: q.receive(max_messages=0), mark("receive(max_messages=0) on an empty queue"), MAX_RULE)
    rec = Recorder(q, h, takes=True, cls_name=MyQueue.__name__)
    got = rec.receive("C1")
    if got:
        fail(mark("receive on an empty queue returns an empty list"), mark("receive() on a new queue returned {got!r}."),
             got=got)
    ids = [rec.send("P1", body) for body in BODIES]
    if len(set(ids)) != len(ids):
        fail(mark("every message gets its own id, even when two bodies are the same"),
             mark("sends of {bodies!r} returned the ids {ids!r}."), bodies=BODIES, ids=ids)
    first = rec.receive("C1", max_messages=1)
    if len(first) != 1:
        fail(HOLDS_SOME, mark("receive(max_messages=1) on a queue holding {n} messages returned {got!r}."),
             n=len(BODIES), got=first)
    more = rec.receive("C2", max_messages=3)
    if not more:
        fail(HOLDS_SOME, mark("receive(max_messages=3) on a queue holding {n} messages returned []."),
             n=len(BODIES) - 1)
    replay(h, takes=True, expect_all_deleted=False).raise_first(SCENARIO)
    expect_error(lambda: q.receive(max_messages=11), "receive(max_messages=11)", MAX_RULE)
    rest = expect_accepted(lambda: rec.receive("C3", max_messages=10), "receive(max_messages=10)", MAX_RULE)
    if not rest:
        fail(HOLDS_SOME, mark("receive(max_messages=10), the largest allowed, returned [] while {n} messages were "
                              "waiting."), n=len(BODIES) - 1 - len(more))
    rec.drain()
    replay(h, takes=True).raise_first(SCENARIO)
    return passed(mark("store and receive"), [
        mark("an empty queue answers []"),
        mark("5 messages (one non-ASCII, two with the same body) each received exactly once, bodies unchanged"),
        mark("max_messages 1 and 10 accepted; 0 (even on an empty queue) and 11 refused")])


def _judge(w):
    __tracebackhide__ = True
    w.rec.drain()
    replay(w.h, takes=True).raise_first(mark("the queue held 'old 1' and 'old 2' when A and B made their calls; then "
                                             "consumer Z received whatever was left."))


PAIRS = [(SEND, SEND), (SEND, RECEIVE), (RECEIVE, SEND), (RECEIVE, RECEIVE)]


@check
def check_many_at_once(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="01")
    runs, locks = overlap_check(MyQueue, pairs=PAIRS, setup=holding(2), judge=_judge, recorder_kw={"takes": True})
    crowd = crowd_check(MyQueue, takes=True, producers=3, per_producer=6, consumers=3)
    return passed(mark("many producers and consumers at once"), [
        overlap_line(mark("send and receive, two calls at a time"), runs, locks),
        *crowd])
