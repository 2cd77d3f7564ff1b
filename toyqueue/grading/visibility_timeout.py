"""Checks for exercise 03: the visibility timeout, redelivery and change_visibility.

Times in the scenario start half a second past a whole second, and probes fall just before and
exactly at each moment a message should come back, so a queue that rounds the clock, counts a
timeout from the wrong moment or remembers a per-receive timeout is caught at that moment.
"""
from __future__ import annotations

from ..clock import VirtualClock
from ..limits import MAX_VISIBILITY_TIMEOUT
from .common import (DELETE_HELD, RECEIVE, SEND, check, counts, crowd_check, fail, holding, make, overlap_check,
                     overlap_line, passed, queue_class)
from .concurrent import Op
from .failures import CheckFailed, expect_accepted, expect_error
from .record import History, Recorder, fmt_s
from .rules import COMES_BACK, replay

INTERFACE = {"__init__": ["visibility_timeout"], "send": [], "receive": ["max_messages", "visibility_timeout"],
             "delete": [], "change_visibility": [], "counts": []}
SCENARIO = ("queue visibility timeout 30 s. At 0 s P1 sends 3 messages and A receives one (m_A); at 12 s B "
            "receives the others with visibility_timeout=60; consumers receive at 29.5 s, 30 s (C gets m_A), "
            "72 s, 85 s, 89.5 s; at 40 s C changes m_A's timeout to 50 s; at 90 s F receives with visibility_timeout=0.5, "
            "at 90.25 s G, at 90.5 s H, at 120.5 s I, who sets the timeout to 0; J receives at once.")
RANGE = f"a visibility timeout is between 0 s and {MAX_VISIBILITY_TIMEOUT:,} s (12 hours)"
NOT_INFLIGHT = "change_visibility works only on a message in flight under that receipt handle (SQS: MessageNotInflight)"
STALE = "only the newest receipt handle deletes; an older one does nothing"


def _ids(got):
    return [m[0] for m in got]


def _handle(got, mid):
    return next(m[2] for m in got if m[0] == mid)


@check
def check_visibility_timeout(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="03")
    clock = VirtualClock()
    clock.advance(0.5)                      # a clock that is not on a whole second
    h = History(clock)
    q = make(MyQueue, clock, visibility_timeout=30)
    for bad in (-1, MAX_VISIBILITY_TIMEOUT + 1):
        expect_error(lambda: q.receive(visibility_timeout=bad), f"receive(visibility_timeout={bad}) on an empty "
                     "queue", RANGE)
    rec = Recorder(q, h, visibility_timeout=30, cls_name=MyQueue.__name__)

    def at(t):
        clock.advance(t - h.now())

    def checkpoint():
        __tracebackhide__ = True
        replay(h, expect_all_deleted=False).raise_first(SCENARIO)

    def back(who, got, mid, why):
        __tracebackhide__ = True
        checkpoint()
        if mid not in _ids(got):
            fail(COMES_BACK, f"{why}, so {h.label(mid)} was visible again at {fmt_s(h.now())}, but {who}'s receive "
                             f"at {fmt_s(h.now())} did not return it.\nScenario: {SCENARIO}")

    for i in (1, 2, 3):
        rec.send("P1", f"order {i}")
    a = rec.receive("A")
    if not a:
        fail("receive returns a message when the queue holds some", "at 0 s receive() returned [].")
    a_id, _, a_handle = a[0]
    at(12)
    b = rec.receive("B", max_messages=10, visibility_timeout=60)
    while len(b) < 2:
        more = rec.receive("B", max_messages=10, visibility_timeout=60)
        checkpoint()
        if not more:
            fail("receive returns a message when the queue holds some",
                 f"at 12 s B's receive returned {len(b)} of the 2 visible messages, then [].")
        b.extend(more)
    at(29.5)
    rec.receive("C1", max_messages=10)
    checkpoint()
    at(30)
    c = rec.receive("C", max_messages=10)
    back("C", c, a_id, f"A received {h.label(a_id)} at 0 s with the queue's timeout of 30 s and never deleted it")
    c_handle = _handle(c, a_id)
    try:
        rec.delete("A", a_handle)
    except CheckFailed as exc:
        fail(STALE, f"at 30 s, A deleted with its old receipt handle (from 0 s): {exc.detail}; SQS accepts that "
                    "delete and simply does not delete the message.")
    left = counts(q, "calling counts() after A's delete with its old handle")
    if left.get("inflight") != 3:
        fail(STALE, f"at 30 s C had received {h.label(a_id)} again; then A deleted with its old receipt handle "
                    f"(from 0 s), and counts() said {left!r}: 3 messages should still be in flight (C's and B's "
                    f"two). A consumer whose timeout ran out must not delete a message another consumer now holds.")
    expect_error(lambda: q.change_visibility(a_handle, 10), "change_visibility() with A's old receipt handle "
                 "(C received the message again since)", NOT_INFLIGHT)
    at(40)
    rec.change_visibility("C", c_handle, 50)
    at(72)
    d = rec.receive("D", max_messages=10)
    for mid in _ids(b):
        back("D", d, mid, f"B received {h.label(mid)} at 12 s with visibility_timeout=60")
    for m in d:
        rec.delete("D", m[2])
    at(85)
    rec.receive("E", max_messages=10)
    checkpoint()
    at(89.5)
    rec.receive("E2", max_messages=10)
    checkpoint()
    at(90)
    f = rec.receive("F", max_messages=10, visibility_timeout=0.5)
    back("F", f, a_id, "at 40 s C set the timeout of m_A to 50 s, counted from that call")
    at(90.25)
    rec.receive("G", max_messages=10)
    checkpoint()
    at(90.5)
    g = rec.receive("H", max_messages=10)
    back("H", g, a_id, "F received it at 90 s with visibility_timeout=0.5")
    at(120.5)
    i = rec.receive("I", max_messages=10)
    back("I", i, a_id, "H received it at 90.5 s with the queue's timeout of 30 s (a change or a per-receive timeout "
                       "applies to that receive only)")
    i_handle = _handle(i, a_id)
    rec.change_visibility("I", i_handle, 0)
    j = rec.receive("J", max_messages=10)
    back("J", j, a_id, "I set its timeout to 0")
    for m in j:
        rec.delete("J", m[2])
    expect_error(lambda: q.change_visibility(i_handle, 10), "change_visibility() for a deleted message",
                 NOT_INFLIGHT)
    expect_error(lambda: q.change_visibility("no-such-handle", 10), "change_visibility('no-such-handle', 10)",
                 NOT_INFLIGHT + "; an unknown handle raises ValueError")

    rec.send("P1", "order 4")
    k = expect_accepted(lambda: rec.receive("K", visibility_timeout=0), "receive(visibility_timeout=0)", RANGE)
    if not k:
        fail("receive returns a message when the queue holds some", "receive(visibility_timeout=0) returned [] "
             "while one message was visible.")
    back("L", rec.receive("L", max_messages=10), k[0][0], "K received it with visibility_timeout=0, which hides a "
                                                         "message for no time at all")
    rec.send("P1", "order 5")
    m = expect_accepted(lambda: rec.receive("M", visibility_timeout=MAX_VISIBILITY_TIMEOUT),
                        f"receive(visibility_timeout={MAX_VISIBILITY_TIMEOUT})", RANGE)
    for bad in (-1, MAX_VISIBILITY_TIMEOUT + 1):
        expect_error(lambda: q.change_visibility(m[0][2], bad), f"change_visibility(handle, {bad})", RANGE)
    rec.send("P1", "order 6")
    n = rec.receive("N", visibility_timeout=10)
    at(h.now() + 10)
    expect_error(lambda: q.change_visibility(n[0][2], 30), "change_visibility() exactly 10 s after a receive with a "
                 "10 s timeout (the message was visible again)", NOT_INFLIGHT)
    expect_error(lambda: q.delete("no-such-handle"), "delete('no-such-handle')",
                 "delete with a receipt handle the queue never gave out raises ValueError (SQS: ReceiptHandleIsInvalid)")
    for bad in (-1, MAX_VISIBILITY_TIMEOUT + 1):
        expect_error(lambda: MyQueue(clock, visibility_timeout=bad), f"MyQueue(clock, visibility_timeout={bad})",
                     RANGE)
    at(h.now() + MAX_VISIBILITY_TIMEOUT + 1)
    rec.drain()
    v = replay(h)
    v.raise_first(SCENARIO)
    return passed("visibility timeout", [
        "an in-flight message stays hidden until exactly its timeout ends (30 s, 60 s, 0.5 s), then comes back",
        "change_visibility counts from the call, applies once, and 0 releases at once",
        "an old receipt handle neither deletes nor changes the message",
        "timeouts 0 and 43,200 s accepted; -1 and 43,201 refused (also on an empty queue)",
        f"{v.redeliveries} redeliveries after a timeout ran out (allowed: SQS delivers at least once)"])


def _judge(w):
    __tracebackhide__ = True
    w.clock.advance(61)
    w.rec.drain()
    replay(w.h).raise_first("the queue held 3 messages, R had received one of them (timeout 30 s), when A and B "
                            "made their calls; 61 s later consumer Z received and deleted whatever was left.")


CHANGE = Op("change_visibility() of R's message to 60 s",
            lambda w, who: w.rec.change_visibility(who, w.handles[0], 60))
PAIRS = [(SEND, RECEIVE), (RECEIVE, SEND), (RECEIVE, RECEIVE), (DELETE_HELD, RECEIVE), (RECEIVE, DELETE_HELD),
         (CHANGE, RECEIVE), (RECEIVE, CHANGE)]


@check
def check_slow_consumers(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="03")
    runs, locks = overlap_check(MyQueue, pairs=PAIRS, setup=holding(3, 1), judge=_judge,
                                recorder_kw={"visibility_timeout": 30})
    crowd = crowd_check(MyQueue, kwargs={"visibility_timeout": 30}, producers=2, per_producer=10, consumers=3,
                        crash_every=5)
    return passed("calls at the same time, consumers that crash", [
        overlap_line("receive, delete and change_visibility, two calls at a time", runs, locks),
        *crowd])
