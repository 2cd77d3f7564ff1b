"""Checks for exercise 04: message retention (how long a message may live) and delays."""
from __future__ import annotations

from ..clock import VirtualClock
from ..limits import DEFAULT_RETENTION, MAX_DELAY, MAX_RETENTION, MIN_RETENTION
from .common import check, fail, make, passed
from .failures import expect_error
from .record import History, Recorder, fmt_s
from .rules import replay

DELAY_SCENARIO = ("queue delay_seconds=5. At 0 s P1 sends m1 (queue delay), m2 (delay=0), m3 (delay=20); "
                  "consumers receive at 0 s, 5 s and 20 s.")
RETENTION_SCENARIO = ("queue retention_period=60. At 0 s P1 sends m1; at 30 s A receives it (never deletes) "
                      "and P1 sends m2; at 61 s B receives.")
DELAY_RANGE = f"a delay is between 0 s and {MAX_DELAY} s (15 minutes)"
RETENTION_RANGE = f"retention_period is between {MIN_RETENTION} s and {MAX_RETENTION:,} s (14 days)"


@check
def check_delay(MyQueue):
    __tracebackhide__ = True
    clock = VirtualClock()
    h = History(clock)
    q = make(MyQueue, clock, delay_seconds=5)
    rec = Recorder(q, h, visibility_timeout=30, delay=5, cls_name=MyQueue.__name__)
    m1 = rec.send("P1", "order 1")
    m2 = rec.send("P1", "order 2", delay=0)
    m3 = rec.send("P1", "order 3", delay=20)
    seen = []
    for who, at, want in (("A", 0, m2), ("B", 5, m1), ("C", 20, m3)):
        clock.advance(at - h.now())
        got = rec.receive(who, max_messages=10)
        replay(h, expect_all_deleted=False).raise_first(DELAY_SCENARIO)
        if want not in [m[0] for m in got]:
            fail("a delayed message becomes visible when its delay ends",
                 f"{h.label(want)}'s delay ended at {fmt_s(at)}, but {who}'s receive at {fmt_s(at)} did "
                 f"not return it.\nScenario: {DELAY_SCENARIO}")
        seen.extend(got)
        for m in got:
            rec.delete(who, m[2])
    expect_error(lambda: q.send("x", delay=MAX_DELAY + 1), f"send('x', delay={MAX_DELAY + 1})", DELAY_RANGE)
    expect_error(lambda: q.send("x", delay=-1), "send('x', delay=-1)", DELAY_RANGE)
    clock.advance(60)
    rec.drain()
    replay(h).raise_first(DELAY_SCENARIO)
    return passed("delay", ["the queue's delay and a per-message delay both hide a new message",
                     "each message appears exactly when its delay ends",
                     f"delays outside 0..{MAX_DELAY} s are refused"])


@check
def check_retention(MyQueue):
    __tracebackhide__ = True
    clock = VirtualClock()
    h = History(clock)
    q = make(MyQueue, clock, retention_period=60)
    rec = Recorder(q, h, visibility_timeout=30, cls_name=MyQueue.__name__)
    m1 = rec.send("P1", "order 1")
    clock.advance(30)
    rec.receive("A")
    m2 = rec.send("P1", "order 2")
    clock.advance(31)
    b = rec.receive("B", max_messages=10)
    replay(h, retention=60, expect_all_deleted=False).raise_first(RETENTION_SCENARIO)
    if m2 not in [m[0] for m in b]:
        fail("retention counts from each message's own send time",
             f"{h.label(m2)} was sent at 30 s into a queue with retention_period=60, so it lives until 90 s, "
             f"but B's receive at 61 s did not return it.")
    for m in b:
        rec.delete("B", m[2])
    rec.drain()
    replay(h, retention=60).raise_first(RETENTION_SCENARIO)

    default = make(MyQueue, clock)
    rec2 = Recorder(default, h, name="default", visibility_timeout=30, cls_name=MyQueue.__name__)
    start = h.now()
    m3 = rec2.send("P2", "order 3")
    clock.advance(DEFAULT_RETENTION - 1)
    got = rec2.receive("C", visibility_timeout=1)
    if m3 not in [m[0] for m in got]:
        fail("the default retention period is 4 days (345,600 s)",
             f"a message sent to MyQueue(clock) was gone {fmt_s(DEFAULT_RETENTION - 1)} later.")
    clock.advance(2)
    rec2.receive("D", max_messages=10)
    replay(h, queue="default", retention=DEFAULT_RETENTION).raise_first(
        f"MyQueue(clock) with the default retention; a message sent at {fmt_s(start)} is received "
        f"{fmt_s(DEFAULT_RETENTION - 1)} later (timeout 1 s), then again 2 s after that.")
    expect_error(lambda: MyQueue(clock, retention_period=MIN_RETENTION - 1),
                 f"MyQueue(clock, retention_period={MIN_RETENTION - 1})", RETENTION_RANGE)
    expect_error(lambda: MyQueue(clock, retention_period=MAX_RETENTION + 1),
                 f"MyQueue(clock, retention_period={MAX_RETENTION + 1})", RETENTION_RANGE)
    return passed("retention", ["a message older than the retention period is gone, even one in flight",
                         "younger messages stay",
                         "the default is 4 days; 60 s to 14 days are accepted"])
