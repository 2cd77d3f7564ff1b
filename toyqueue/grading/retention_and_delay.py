"""Checks for exercise 07: message retention (how long a message may live) and delays.

The clock starts half a second past a whole second and each probe falls just before and exactly
at the moment a delay or a retention period ends, so rounding the clock, counting retention from
a receive or from the end of a delay, or restarting a window, shows at that moment.
"""
from __future__ import annotations

from ..clock import VirtualClock
from ..limits import DEFAULT_RETENTION, MAX_DELAY, MAX_RETENTION, MIN_RETENTION
from .common import check, counts, fail, make, overlap_check, overlap_line, passed, queue_class
from .concurrent import Op
from .failures import expect_accepted, expect_error
from .record import History, Recorder, fmt_s
from .rules import replay

INTERFACE = {"__init__": ["visibility_timeout", "retention_period", "delay_seconds"], "send": ["delay"],
             "receive": ["max_messages", "visibility_timeout"], "delete": [], "counts": []}
DELAY_SCENARIO = ("queue delay_seconds=5. At 0 s P1 sends m1 (the queue's delay), m2 (delay=0), m3 (delay=20), "
                  "m4 (delay=900); consumers receive at 0 s, 4.5 s, 5 s, 19.5 s, 20 s and 900 s.")
RETENTION_SCENARIO = ("queue retention_period=60. At 0 s P1 sends m1, and m2 with delay=30; at 30 s P1 sends m3 "
                      "and m4 (delay=120), and A receives (never deletes); receives at 59.5 s, 60 s, 89.5 s, 90 s "
                      "and 150 s.")
DELAY_RANGE = f"a delay is between 0 s and {MAX_DELAY} s (15 minutes)"
RETENTION_RANGE = f"retention_period is between {MIN_RETENTION} s and {MAX_RETENTION:,} s (14 days)"
APPEARS = "a delayed message becomes visible exactly when its delay ends"
OWN_SEND = "retention counts from each message's own send time, whatever happened since"


def _start():
    clock = VirtualClock()
    clock.advance(0.5)
    return clock, History(clock)


@check
def check_delay(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="07")
    clock, h = _start()
    q = make(MyQueue, clock, delay_seconds=5)
    rec = Recorder(q, h, visibility_timeout=30, delay=5, cls_name=MyQueue.__name__)
    m1 = rec.send("P1", "order 1")
    m2 = rec.send("P1", "order 2", delay=0)
    m3 = rec.send("P1", "order 3", delay=20)
    m4 = expect_accepted(lambda: rec.send("P1", "order 4", delay=MAX_DELAY), f"send('order 4', delay={MAX_DELAY})",
                         DELAY_RANGE)
    for who, at, want in (("A", 0, m2), ("B", 4.5, None), ("C", 5, m1), ("D", 19.5, None), ("E", 20, m3),
                          ("F", MAX_DELAY, m4)):
        clock.advance(at - h.now())
        if who == "C":
            mine = counts(q, "calling counts() at 5 s")
            if (mine.get("visible"), mine.get("inflight"), mine.get("delayed")) != (1, 0, 2):
                fail("counts() tells apart visible, in-flight and delayed messages",
                     f"at 5 s m1's delay had just ended (m2 was deleted, m3 and m4 still delayed), but counts() "
                     f"returned {mine!r}; expected 1 visible, 0 in flight, 2 delayed.")
        got = rec.receive(who, max_messages=10)
        replay(h, expect_all_deleted=False).raise_first(DELAY_SCENARIO)
        if want is not None and want not in [m[0] for m in got]:
            fail(APPEARS, f"{h.label(want)}'s delay ended at {fmt_s(at)}, but {who}'s receive at {fmt_s(at)} did "
                          f"not return it.\nScenario: {DELAY_SCENARIO}")
        if who == "A":
            mine = counts(q, "calling counts() after A received m2")
            if (mine.get("visible"), mine.get("inflight"), mine.get("delayed")) != (0, 1, 3):
                fail("counts() tells apart visible, in-flight and delayed messages",
                     f"after A received m2 (the only visible message), counts() returned {mine!r}; expected 0 "
                     f"visible, 1 in flight, 3 delayed: a received message is in flight, not delayed.")
        for m in got:
            rec.delete(who, m[2])
    for bad in (MAX_DELAY + 1, -1):
        expect_error(lambda: q.send("x", delay=bad), f"send('x', delay={bad})", DELAY_RANGE)
        expect_error(lambda: MyQueue(clock, delay_seconds=bad), f"MyQueue(clock, delay_seconds={bad})", DELAY_RANGE)
    expect_accepted(lambda: make(MyQueue, clock, delay_seconds=MAX_DELAY), f"MyQueue(clock, delay_seconds={MAX_DELAY})",
                    DELAY_RANGE)
    clock.advance(60)
    rec.drain()
    replay(h).raise_first(DELAY_SCENARIO)
    return passed("delay", ["the queue's delay and a per-message delay (0, 5, 20 and 900 s) hide a new message",
                            "each message appears exactly when its delay ends, not half a second before",
                            "a delayed message counts as delayed, not in flight",
                            f"delays 0 and {MAX_DELAY} s accepted; -1 and {MAX_DELAY + 1} refused"])


@check
def check_retention(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="07")
    clock, h = _start()
    q = expect_accepted(lambda: make(MyQueue, clock, retention_period=MIN_RETENTION),
                        f"MyQueue(clock, retention_period={MIN_RETENTION})", RETENTION_RANGE)
    rec = Recorder(q, h, visibility_timeout=30, cls_name=MyQueue.__name__)

    def at(t):
        clock.advance(t - h.now())

    def checkpoint():
        __tracebackhide__ = True
        replay(h, retention=60, expect_all_deleted=False).raise_first(RETENTION_SCENARIO)

    def present(who, mid, why):
        __tracebackhide__ = True
        got = rec.receive(who, max_messages=10)
        checkpoint()
        if mid not in [m[0] for m in got]:
            fail(OWN_SEND, f"{why}, but {who}'s receive at {fmt_s(h.now())} did not return it.\n"
                           f"Scenario: {RETENTION_SCENARIO}")
        for m in got:
            if m[0] == mid:
                rec.change_visibility(who, m[2], 0)

    m1 = rec.send("P1", "order 1")
    m2 = rec.send("P1", "order 2", delay=30)
    at(30)
    m3 = rec.send("P1", "order 3")
    m4 = rec.send("P1", "order 4", delay=120)
    rec.receive("A", max_messages=10)            # m1, m2, m3: in flight until 60 s
    at(59.5)
    rec.receive("B", max_messages=10)
    checkpoint()
    at(60)
    gone = counts(q, "calling counts() at 60 s")
    if sum(gone.get(k, 0) for k in ("visible", "inflight", "delayed")) != 2:
        fail(OWN_SEND, f"at 60 s m1 and m2 (both sent at 0 s, m2 with a 30 s delay) had reached the retention "
                       f"period of 60 s and only m3 and m4 were left, but counts() returned {gone!r}.\n"
                       f"Scenario: {RETENTION_SCENARIO}")
    present("C", m3, f"{h.label(m3)} was sent at 30 s, so it lives until 90 s (its visibility timeout ended at 60 s)")
    at(89.5)
    present("D", m3, f"{h.label(m3)} was sent at 30 s, so it lives until 90 s")
    at(90)
    rec.receive("E", max_messages=10)
    checkpoint()
    at(150)
    rec.receive("F", max_messages=10)       # m4 became visible at 150 s, but it expired at 90 s
    checkpoint()
    left = counts(q, "calling counts() at 150 s")
    if any(left.get(k, 0) for k in ("visible", "inflight", "delayed")):
        fail(OWN_SEND, f"at 150 s every message was older than the retention period of 60 s (m4 was sent at 30 s "
                       f"with a delay of 120 s: it expired while still delayed), but counts() returned {left!r}.")
    rec.drain()
    replay(h, retention=60).raise_first(RETENTION_SCENARIO)

    default = make(MyQueue, clock)
    rec2 = Recorder(default, h, name="default", visibility_timeout=30, cls_name=MyQueue.__name__)
    start = h.now()
    m5 = rec2.send("P2", "order 5")
    clock.advance(DEFAULT_RETENTION - 0.5)
    got = rec2.receive("G", visibility_timeout=1)
    if m5 not in [m[0] for m in got]:
        fail("the default retention period is 4 days (345,600 s)",
             f"a message sent to MyQueue(clock) was gone {fmt_s(DEFAULT_RETENTION - 0.5)} later.")
    clock.advance(1)
    rec2.receive("H", max_messages=10)
    replay(h, queue="default", retention=DEFAULT_RETENTION).raise_first(
        f"MyQueue(clock) with the default retention; a message sent at {fmt_s(start)} is received "
        f"{fmt_s(DEFAULT_RETENTION - 0.5)} later (timeout 1 s), then again 1 s after that.")
    for bad in (MIN_RETENTION - 1, MAX_RETENTION + 1):
        expect_error(lambda: MyQueue(clock, retention_period=bad), f"MyQueue(clock, retention_period={bad})",
                     RETENTION_RANGE)
    expect_accepted(lambda: make(MyQueue, clock, retention_period=MAX_RETENTION),
                    f"MyQueue(clock, retention_period={MAX_RETENTION})", RETENTION_RANGE)
    return passed("retention", [
        "a message is gone exactly when it reaches the retention period after its send: in flight, delayed, or not",
        "younger messages stay to the last half second",
        f"the default is 4 days; {MIN_RETENTION} s and {MAX_RETENTION:,} s accepted, one second beyond either refused"])


def _setup(w):
    w.rec.send("P0", "old 1")
    w.rec.send("P0", "old 2")
    w.clock.advance(60)
    w.rec.send("P0", "young")


def _judge(w):
    __tracebackhide__ = True
    w.clock.advance(31)
    w.rec.drain()
    replay(w.h, retention=60).raise_first("the queue (retention 60 s) held two messages that had just expired and "
                                          "one young one when A and B made their calls; 31 s later consumer Z "
                                          "received and deleted whatever was left.")


RECEIVE = Op("receive(max_messages=2)", lambda w, who: w.rec.receive(who, max_messages=2))
COUNTS = Op("counts()", lambda w, who: counts(w.q, f"{who} called counts()"))
SEND = Op("send('new', delay=5)", lambda w, who: w.rec.send(who, f"new from {who}", delay=5))
PAIRS = [(RECEIVE, RECEIVE), (COUNTS, RECEIVE), (RECEIVE, COUNTS), (SEND, RECEIVE), (RECEIVE, SEND)]


@check
def check_at_once(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="07")
    runs, locks = overlap_check(MyQueue, pairs=PAIRS, setup=_setup, judge=_judge, kwargs={"retention_period": 60},
                                recorder_kw={"visibility_timeout": 30})
    return passed("expiring messages while calls overlap", [
        overlap_line("receive, counts (both dropping expired messages) and send, two calls at a time", runs, locks)])
