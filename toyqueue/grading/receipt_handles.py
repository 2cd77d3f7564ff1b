"""Checks for exercise 02: receive hides a message (in flight) and only delete removes it."""
from __future__ import annotations

from ..clock import VirtualClock
from ..i18n import mark
from .common import (COUNTS_RULE, DELETE_HELD, HOLDS_SOME, RECEIVE, SEND, check, counts, crowd_check, expect_counts,
                     fail, holding, make, overlap_check, overlap_line, passed, queue_class)
from .concurrent import Op
from .failures import CheckFailed, expect_error, learner_code
from .record import History, Recorder
from .rules import replay

INTERFACE = {"__init__": [], "send": [], "receive": ["max_messages"], "delete": [], "counts": []}
SCENARIO = mark("P1 sends 'order 1', 'same', 'same' (two messages with one body); A receives one message; B "
                "receives up to 10; they delete what they got.")
INVALID = mark("delete with a receipt handle the queue never gave out raises ValueError (SQS: ReceiptHandleIsInvalid)")
HANDLE = mark("a receipt handle is new for every receive: never the message id, never made from the body")


@check
def check_receipt_handles(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="02")
    clock = VirtualClock()
    h = History(clock)
    q = make(MyQueue, clock)
    expect_error(lambda: q.delete("no-such-handle"), mark("delete('no-such-handle') on an empty queue"), INVALID)
    rec = Recorder(q, h, cls_name=MyQueue.__name__)
    ids = [rec.send("P1", body) for body in ("order 1", "same", "same")]
    a = rec.receive("A", max_messages=1)
    if len(a) != 1:
        fail(HOLDS_SOME, mark("receive(max_messages=1) on a queue holding {n} messages returned {got!r}."), n=3, got=a)
    a_id, _, a_handle = a[0]
    expect_counts(q, {"visible": 2, "inflight": 1}, mark("after A received one of 3 messages (not deleted yet)"))
    b = rec.receive("B", max_messages=10)
    replay(h, held=True, expect_all_deleted=False).raise_first(SCENARIO)
    while len(b) < 2:  # fewer per call is fine (SQS's short poll does it too); none is not
        more = rec.receive("B", max_messages=10)
        replay(h, held=True, expect_all_deleted=False).raise_first(SCENARIO)
        if not more:
            fail(HOLDS_SOME, mark("B's receive(max_messages=10) returned [] while {n} messages were waiting."),
                 n=2 - len(b))
        b.extend(more)
    handles = [a_handle] + [m[2] for m in b]
    if len(set(map(repr, handles))) != 3 or set(handles) & set(ids):
        fail(HANDLE, mark("the messages {ids!r} were received with the handles {handles!r}."), ids=ids,
             handles=handles)
    expect_error(lambda: q.delete(a_id), mark("delete({id!r}) (a message id, not a receipt handle)"),
                 mark("delete takes a receipt handle, not a message id (SQS: ReceiptHandleIsInvalid)"), id=a_id)
    expect_error(lambda: q.delete("no-such-handle"), "delete('no-such-handle')", INVALID)
    expect_counts(q, {"visible": 0, "inflight": 3}, mark("after two refused deletes"))
    held = [("A", m) for m in a] + [("B", m) for m in b]
    who, first_same = next((who, m) for who, m in held if m[1] == "same")
    rec.delete(who, first_same[2])
    expect_counts(q, {"visible": 0, "inflight": 2}, mark("after one of the two messages with the body 'same' was "
                                                         "deleted with its own receipt handle"))
    for who, m in held:
        if m is not first_same:
            rec.delete(who, m[2])
    try:
        with learner_code(mark("A called delete() a second time with the same receipt handle")):
            q.delete(a_handle)
    except CheckFailed as exc:
        raise CheckFailed(mark("deleting a message twice succeeds, as in SQS (the second delete does nothing)"),
                          exc.detail) from None
    expect_counts(q, {"visible": 0, "inflight": 0}, mark("after every message was deleted"))
    rec.drain()
    replay(h, held=True).raise_first(SCENARIO)
    return passed(mark("receipt handles and delete"), [
        mark("a received message is in flight: hidden from others, still counted"),
        mark("each receive gives its own handle, not the id, not the body; two messages with one body stay two"),
        mark("delete takes the receipt handle; a message id or an unknown handle is refused (also on an empty queue)"),
        mark("deleting twice is harmless")])


def _judge(w):
    __tracebackhide__ = True
    w.rec.drain()
    v = replay(w.h, held=True)
    v.raise_first(mark("the queue held 'old 1' to 'old 3', R had received one of them, when A and B made their "
                       "calls; then consumer Z received and deleted whatever was left."))
    held = sum(1 for m in v.messages.values() if m.receives and m.deleted_at is None)
    got = counts(w.q, mark("calling counts() after the calls"))
    if {k: got.get(k) for k in ("visible", "inflight")} != {"visible": 0, "inflight": held}:
        fail(COUNTS_RULE, mark("at the end {held} messages were received and never deleted, and none was waiting, "
                               "but counts() returned {got!r}."), held=held, got=got)


COUNTS = Op("counts()", lambda w, who: counts(w.q, mark("{who} called counts()"), who=who))
PAIRS = [(SEND, SEND), (SEND, RECEIVE), (RECEIVE, SEND), (RECEIVE, RECEIVE), (DELETE_HELD, RECEIVE),
         (RECEIVE, DELETE_HELD), (DELETE_HELD, DELETE_HELD), (DELETE_HELD, SEND), (COUNTS, SEND), (COUNTS, DELETE_HELD)]


@check
def check_many_at_once(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="02")
    runs, locks = overlap_check(MyQueue, pairs=PAIRS, setup=holding(3, 1), judge=_judge)
    crowd = crowd_check(MyQueue, held=True, producers=3, per_producer=6, consumers=3)
    return passed(mark("many producers and consumers at once"), [
        overlap_line(mark("send, receive, delete and counts, two calls at a time"), runs, locks),
        *crowd])
