"""Checks for exercise 03: the visibility timeout, redelivery and change_visibility."""
from __future__ import annotations

from ..clock import VirtualClock
from .common import check, check_threads, fail, make, passed
from .failures import expect_error
from .record import History, Recorder, fmt_s
from .rules import COMES_BACK, replay

SCENARIO = ("visibility timeout 30 s. At 0 s A receives a message and never deletes it; at 12 s B receives "
            "(timeout 60 s); at 32 s C receives, then extends its timeout to 100 s; at 82 s D receives and "
            "C sets its timeout to 0; E receives.")
RANGE = "a visibility timeout is between 0 s and 43,200 s (12 hours)"


def _ids(got):
    return [m[0] for m in got]


@check
def check_visibility_timeout(MyQueue):
    __tracebackhide__ = True
    clock = VirtualClock()
    h = History(clock)
    q = make(MyQueue, clock, visibility_timeout=30)
    rec = Recorder(q, h, visibility_timeout=30, cls_name=MyQueue.__name__)

    def checkpoint():
        __tracebackhide__ = True
        replay(h, expect_all_deleted=False).raise_first(SCENARIO)

    rec.send("P1", "order 1")
    rec.send("P1", "order 2")
    a = rec.receive("A")
    if not a:
        fail("receive returns a message when the queue holds some", "at 0 s receive() returned [].")
    a_id = a[0][0]
    clock.advance(12)
    b = rec.receive("B", max_messages=10, visibility_timeout=60)
    checkpoint()
    clock.advance(20)
    c = rec.receive("C", max_messages=10)
    checkpoint()
    if a_id not in _ids(c):
        fail(COMES_BACK, f"A received {h.label(a_id)} at 0 s and never deleted it; its visibility timeout of "
                         f"30 s ran out at 30 s, but C's receive at 32 s did not get it back.")
    c_handle = [m[2] for m in c if m[0] == a_id][0]
    rec.change_visibility("C", c_handle, 100)
    clock.advance(50)
    d = rec.receive("D", max_messages=10)
    checkpoint()
    b_ids = _ids(b)
    if b_ids and b_ids[0] not in _ids(d):
        fail(COMES_BACK, f"B received {h.label(b_ids[0])} at 12 s with visibility_timeout=60, so it was "
                         f"visible again at 72 s, but D's receive at 82 s did not get it.")
    for m in d:
        rec.delete("D", m[2])
    rec.change_visibility("C", c_handle, 0)
    e = rec.receive("E", max_messages=10)
    checkpoint()
    if a_id not in _ids(e):
        fail("change_visibility(handle, 0) makes the message visible at once",
             f"at 82 s C set the timeout of {h.label(a_id)} to 0, but E's receive right after did not get it.")
    for m in e:
        rec.delete("E", m[2])

    rec.send("P1", "order 3")
    f = rec.receive("F", visibility_timeout=10)
    clock.advance(11)
    if f:
        expect_error(lambda: q.change_visibility(f[0][2], 30),
                     f"change_visibility() {fmt_s(11)} after a receive with a 10 s timeout",
                     "change_visibility works only on a message still in flight (SQS: MessageNotInflight)")
    expect_error(lambda: q.receive(visibility_timeout=43_201), "receive(visibility_timeout=43201)", RANGE)
    expect_error(lambda: q.receive(visibility_timeout=-1), "receive(visibility_timeout=-1)", RANGE)
    clock.advance(31)
    rec.drain()
    v = replay(h)
    v.raise_first(SCENARIO)
    return passed("visibility timeout", [
        "an in-flight message stays hidden until its timeout ends, then comes back",
        "every receive gives a new receipt handle",
        "change_visibility extends, and 0 releases at once",
        f"{v.redeliveries} redeliveries after a timeout ran out (allowed: SQS delivers at least once)"])


@check
def check_slow_consumers(MyQueue):
    __tracebackhide__ = True
    return check_threads(MyQueue, kwargs={"visibility_timeout": 30}, producers=2, per_producer=50, consumers=4,
                  crash_every=5, title="consumers that crash on threads")
