"""Checks for exercise 03: the visibility timeout, redelivery and change_visibility.

Times in the scenario start half a second past a whole second, and probes fall just before and
exactly at each moment a message should come back, so a queue that rounds the clock, counts a
timeout from the wrong moment or remembers a per-receive timeout is caught at that moment.
"""
from __future__ import annotations

from ..clock import VirtualClock
from ..i18n import mark, tr
from ..limits import MAX_VISIBILITY_TIMEOUT
from .common import (DELETE_HELD, HOLDS_SOME, RECEIVE, SEND, check, counts, crowd_check, fail, holding, make, overlap_check,
                     overlap_line, passed, queue_class)
from .concurrent import Op
from .failures import CheckFailed, Text, expect_accepted, expect_error, say
from .record import History, Recorder, fmt_s
from .rules import COMES_BACK, replay

INTERFACE = {"__init__": ["visibility_timeout"], "send": [], "receive": ["max_messages", "visibility_timeout"],
             "delete": [], "change_visibility": [], "counts": []}
SCENARIO = mark("queue visibility timeout 30 s. At 0 s P1 sends 3 messages and A receives one (m_A); at 12 s B "
                "receives the others with visibility_timeout=60; consumers receive at 29.5 s, 30 s (C gets m_A; A, "
                "with its old handle, deletes it and sets its timeout to 0; C receives it again), 72 s, 85 s, 89.5 s; "
                "at 40 s C changes m_A's timeout to 50 s; at 90 s F receives with visibility_timeout=0.5, at 90.25 s "
                "G, at 90.5 s H, at 120.5 s I, who sets the timeout to 0; J receives at once.")
RANGE = Text(mark("a visibility timeout is between 0 s and {max:,} s (12 hours)"), max=MAX_VISIBILITY_TIMEOUT)
TOTAL = Text(mark("a message stays hidden at most {max:,} s (12 hours) after the receive that hid it: "
                  "change_visibility refuses to hide it longer"), max=MAX_VISIBILITY_TIMEOUT)
OLD_HANDLE = mark("change_visibility also works with the receipt handle of an earlier receive (AWS acts on the "
                  "message)")
TOO_LATE = mark("change_visibility on a message no longer in flight changes nothing and raises no error (AWS answers "
                "success)")
GONE = mark("change_visibility with an unknown receipt handle, or for a deleted message, raises ValueError")
STALE = mark("only the newest receipt handle deletes; an older one does nothing")


def _ids(got):
    return [m[0] for m in got]


def _handle(got, mid):
    return next(m[2] for m in got if m[0] == mid)


def _accepted(rec, who, handle, timeout, rule, why):
    """A change_visibility the queue must accept (recorded, so the replay applies it)."""
    __tracebackhide__ = True
    expect_accepted(lambda: rec.change_visibility(who, handle, timeout), "change_visibility()", rule, why)


def _receive_all(rec, who, n, checkpoint, **kw):
    """Receive until `who` holds the `n` visible messages (a receive may return fewer than asked)."""
    __tracebackhide__ = True
    got = rec.receive(who, max_messages=10, **kw)
    while len(got) < n:
        more = rec.receive(who, max_messages=10, **kw)
        checkpoint()
        if not more:
            fail(HOLDS_SOME, mark("at {t} {who}'s receive returned {got} of the {n} visible messages, then []."),
                 t=fmt_s(rec.h.now()), who=who, got=len(got), n=n)
        got.extend(more)
    return got


@check
def check_visibility_timeout(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="03")
    clock = VirtualClock()
    clock.advance(0.5)                      # a clock that is not on a whole second
    h = History(clock)
    q = make(MyQueue, clock, visibility_timeout=30)
    for bad in (-1, MAX_VISIBILITY_TIMEOUT + 1):
        expect_error(lambda: q.receive(visibility_timeout=bad),
                     mark("receive(visibility_timeout={bad}) on an empty queue"), RANGE, bad=bad)
    rec = Recorder(q, h, visibility_timeout=30, cls_name=MyQueue.__name__)

    def at(t):
        clock.advance(t - h.now())

    def checkpoint():
        __tracebackhide__ = True
        replay(h, expect_all_deleted=False).raise_first(SCENARIO)

    def back(who, got, mid, why, rule=COMES_BACK):
        __tracebackhide__ = True
        checkpoint()
        if mid not in _ids(got):
            fail(rule, mark("{why}, so {m} was visible again at {t}, but {who}'s receive at {t} did not return it."),
                 why=say(why), m=h.label(mid), t=fmt_s(h.now()), who=who, scenario=SCENARIO)

    for i in (1, 2, 3):
        rec.send("P1", f"order {i}")
    a = rec.receive("A")
    if not a:
        fail(HOLDS_SOME, mark("at 0 s receive() returned []."))
    a_id, _, a_handle = a[0]
    at(12)
    b = _receive_all(rec, "B", 2, checkpoint, visibility_timeout=60)
    at(29.5)
    rec.receive("C1", max_messages=10)
    checkpoint()
    at(30)
    c = rec.receive("C", max_messages=10)
    back("C", c, a_id, tr("A received {m} at 0 s with the queue's timeout of 30 s and never deleted it",
                          m=h.label(a_id)))
    try:
        rec.delete("A", a_handle)
    except CheckFailed as exc:
        fail(STALE, mark("at 30 s, A deleted with its old receipt handle (from 0 s): {detail}; SQS accepts that "
                         "delete and simply does not delete the message."), detail=exc.detail)
    left = counts(q, mark("calling counts() after A's delete with its old handle"))
    if left.get("inflight") != 3:
        fail(STALE, mark("at 30 s C had received {m} again; then A deleted with its old receipt handle (from 0 s), "
                         "and counts() said {left!r}: 3 messages should still be in flight (C's and B's two). A "
                         "consumer whose timeout ran out must not delete a message another consumer now holds."),
             m=h.label(a_id), left=left)
    _accepted(rec, "A", a_handle, 0, OLD_HANDLE, tr("at 30 s C had received {m} again, so A's handle was from an older "
                                                    "receive (at 0 s): AWS accepts it and makes the message visible at "
                                                    "once (recorded in {test})", m=h.label(a_id),
                                                    test="test_terminate_visibility_timeout_after_receive"))
    c = rec.receive("C", max_messages=10)
    back("C", c, a_id, mark("A set its timeout to 0 with the handle of its earlier receive, which works on the message "
                            "as a whole"), rule=OLD_HANDLE)
    c_handle = _handle(c, a_id)
    at(40)
    rec.change_visibility("C", c_handle, 50)
    at(72)
    d = rec.receive("D", max_messages=10)
    for mid in _ids(b):
        back("D", d, mid, tr("B received {m} at 12 s with visibility_timeout=60", m=h.label(mid)))
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
    back("F", f, a_id, mark("at 40 s C set the timeout of m_A to 50 s, counted from that call"))
    at(90.25)
    rec.receive("G", max_messages=10)
    checkpoint()
    at(90.5)
    g = rec.receive("H", max_messages=10)
    back("H", g, a_id, mark("F received it at 90 s with visibility_timeout=0.5"))
    at(120.5)
    i = rec.receive("I", max_messages=10)
    back("I", i, a_id, mark("H received it at 90.5 s with the queue's timeout of 30 s (a change or a per-receive "
                            "timeout applies to that receive only)"))
    i_handle = _handle(i, a_id)
    rec.change_visibility("I", i_handle, 0)
    j = rec.receive("J", max_messages=10)
    back("J", j, a_id, mark("I set its timeout to 0"))
    for m in j:
        rec.delete("J", m[2])
    expect_error(lambda: q.change_visibility(i_handle, 10), mark("change_visibility() for a deleted message"), GONE)
    expect_error(lambda: q.change_visibility(a_handle, 10), mark("change_visibility() with an old receipt handle of a "
                 "deleted message"), GONE)
    expect_error(lambda: q.change_visibility("no-such-handle", 10), "change_visibility('no-such-handle', 10)", GONE)

    rec.send("P1", "order 4")
    k = expect_accepted(lambda: rec.receive("K", visibility_timeout=0), "receive(visibility_timeout=0)", RANGE)
    if not k:
        fail(HOLDS_SOME, mark("receive(visibility_timeout=0) returned [] while one message was visible."))
    back("L", rec.receive("L", max_messages=10), k[0][0], mark("K received it with visibility_timeout=0, which hides a "
                                                              "message for no time at all"))
    rec.send("P1", "order 5")
    m = expect_accepted(lambda: rec.receive("M", visibility_timeout=MAX_VISIBILITY_TIMEOUT),
                        f"receive(visibility_timeout={MAX_VISIBILITY_TIMEOUT})", RANGE)
    m_handle, m_at = m[0][2], h.now()
    for bad in (-1, MAX_VISIBILITY_TIMEOUT + 1):
        expect_error(lambda: q.change_visibility(m_handle, bad), f"change_visibility(handle, {bad})", RANGE)
    _accepted(rec, "M", m_handle, MAX_VISIBILITY_TIMEOUT, TOTAL, tr("right after a receive, {max} s hides the message "
                                                                   "for exactly 12 hours, which is allowed",
                                                                   max=MAX_VISIBILITY_TIMEOUT))
    at(m_at + 0.5)
    _accepted(rec, "M", m_handle, MAX_VISIBILITY_TIMEOUT - 0.5, TOTAL, tr("0.5 s after the receive, {timeout:g} s hides "
                                                                         "the message until exactly 12 hours after it, "
                                                                         "which is allowed",
                                                                         timeout=MAX_VISIBILITY_TIMEOUT - 0.5))
    expect_error(lambda: q.change_visibility(m_handle, MAX_VISIBILITY_TIMEOUT), mark("change_visibility(handle, {max}) "
                 "0.5 s after the receive (it would hide the message until 12 hours and 0.5 s after the receive)"),
                 TOTAL, max=MAX_VISIBILITY_TIMEOUT)
    rec.send("P1", "order 6")
    rec.send("P1", "order 7")
    n_at = h.now()
    n = _receive_all(rec, "N", 2, checkpoint, visibility_timeout=10)
    (kept, _, kept_handle), (late, _, late_handle) = n[:2]
    at(n_at + 9.5)
    rec.change_visibility("N", kept_handle, 30)
    at(n_at + 10)
    _accepted(rec, "N", late_handle, 30, TOO_LATE, tr("exactly 10 s after a receive with a 10 s timeout, {m} was no "
                                                      "longer in flight: AWS answers such a change with success "
                                                      "(recorded in {test})", m=h.label(late),
                                                      test="test_change_message_visibility_after_visibility_timeout_"
                                                           "expiration"))
    o = rec.receive("O", max_messages=10)
    back("O", o, late, mark("N received it with visibility_timeout=10 and asked for 30 s more only exactly when those "
                            "10 s had run out, which changes nothing"), rule=TOO_LATE)
    expect_error(lambda: q.delete("no-such-handle"), "delete('no-such-handle')",
                 mark("delete with a receipt handle the queue never gave out raises ValueError (SQS: ReceiptHandleIsInvalid)"))
    for bad in (-1, MAX_VISIBILITY_TIMEOUT + 1):
        expect_error(lambda: MyQueue(clock, visibility_timeout=bad), f"MyQueue(clock, visibility_timeout={bad})",
                     RANGE)
    at(h.now() + MAX_VISIBILITY_TIMEOUT + 1)
    rec.drain()
    v = replay(h)
    v.raise_first(SCENARIO)
    return passed(mark("visibility timeout"), [
        mark("an in-flight message stays hidden until exactly its timeout ends (30 s, 60 s, 0.5 s), then comes back"),
        mark("change_visibility counts from the call, applies once, and 0 releases at once"),
        mark("an old receipt handle does not delete, but changes the visibility (as AWS does)"),
        mark("a change exactly when the timeout ends changes nothing, without an error; a deleted message or an unknown "
             "handle is an error"),
        mark("timeouts 0 and 43,200 s accepted; -1 and 43,201 refused (also on an empty queue)"),
        mark("at most 12 hours hidden after a receive: 43,199.5 s accepted and 43,200 s refused 0.5 s after it"),
        tr("{n} redeliveries after a timeout ran out (allowed: SQS delivers at least once)", n=v.redeliveries)])


def _judge(w):
    __tracebackhide__ = True
    w.clock.advance(61)
    w.rec.drain()
    replay(w.h).raise_first(mark("the queue held 3 messages, R had received one of them (timeout 30 s), when A and B "
                                 "made their calls; 61 s later consumer Z received and deleted whatever was left."))


CHANGE = Op(mark("change_visibility() of R's message to 60 s"),
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
    return passed(mark("calls at the same time, consumers that crash"), [
        overlap_line(mark("receive, delete and change_visibility, two calls at a time"), runs, locks),
        *crowd])
