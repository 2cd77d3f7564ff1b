"""Checks for exercise 02: receive hides a message (in flight) and only delete removes it."""
from __future__ import annotations

from ..clock import VirtualClock
from .common import check, check_threads, expect_counts, fail, make, passed
from .failures import CheckFailed, expect_error, learner_code
from .record import History, Recorder
from .rules import replay

SCENARIO = ("P1 sends m1, m2, m3; A receives one message; B receives up to 10; they delete what they got.")


@check
def check_receipt_handles(MyQueue):
    __tracebackhide__ = True
    clock = VirtualClock()
    h = History(clock)
    q = make(MyQueue, clock)
    rec = Recorder(q, h, cls_name=MyQueue.__name__)
    for i in range(1, 4):
        rec.send("P1", f"order {i}")
    a = rec.receive("A", max_messages=1)
    if not a:
        fail("receive returns a message when the queue holds some", "receive(max_messages=1) on a queue "
             "holding 3 messages returned [].")
    a_id, _, a_handle = a[0]
    expect_counts(q, {"visible": 2, "inflight": 1}, "after A received one of 3 messages (not deleted yet)")
    b = rec.receive("B", max_messages=10)
    replay(h, held=True, expect_all_deleted=False).raise_first(SCENARIO)
    while len(b) < 2:  # fewer per call is fine (SQS's short poll does it too); none is not
        more = rec.receive("B", max_messages=10)
        replay(h, held=True, expect_all_deleted=False).raise_first(SCENARIO)
        if not more:
            fail("receive returns a message when the queue holds some", f"B's receive(max_messages=10) returned "
                 f"[] while {2 - len(b)} messages were waiting.")
        b.extend(more)
    expect_error(lambda: q.delete(a_id), f"delete({a_id!r}) (a message id, not a receipt handle)",
                 "delete takes a receipt handle, not a message id (SQS: ReceiptHandleIsInvalid)")
    expect_error(lambda: q.delete("no-such-handle"), "delete('no-such-handle')",
                 "delete with a receipt handle the queue never gave out raises ValueError "
                 "(SQS: ReceiptHandleIsInvalid)")
    rec.delete("A", a_handle)
    expect_counts(q, {"visible": 0, "inflight": 2}, "after A deleted its message")
    try:
        with learner_code("A called delete() a second time with the same receipt handle"):
            q.delete(a_handle)
    except CheckFailed as exc:
        raise CheckFailed("deleting a message twice succeeds, as in SQS (the second delete does nothing)",
                          exc.detail) from None
    for m in b:
        rec.delete("B", m[2])
    expect_counts(q, {"visible": 0, "inflight": 0}, "after every message was deleted")
    rec.drain()
    replay(h, held=True).raise_first(SCENARIO)
    return passed("receipt handles and delete", [
        "a received message is in flight: hidden from others, still counted",
        "delete takes the receipt handle; a message id or an unknown handle is refused",
        "deleting twice is harmless"])


@check
def check_many_at_once(MyQueue):
    __tracebackhide__ = True
    return check_threads(MyQueue, held=True, producers=3, per_producer=40, consumers=4)
