"""Checks for exercise 07: message retention (how long a message may live) and delays.

The clock starts half a second past a whole second and each probe falls just before and exactly
at the moment a delay or a retention period ends, so rounding the clock, counting retention from
a receive or from the end of a delay, or restarting a window, shows at that moment.
"""
from __future__ import annotations

from ..clock import VirtualClock
from ..i18n import mark, tr
from ..limits import DEFAULT_RETENTION, MAX_DELAY, MAX_RETENTION, MIN_RETENTION
from .common import check, counts, fail, make, overlap_check, overlap_line, passed, queue_class
from .concurrent import Op
from .failures import Text, expect_accepted, expect_error
from .record import History, Recorder, fmt_s
from .rules import replay

INTERFACE = {"__init__": ["visibility_timeout", "retention_period", "delay_seconds"], "send": ["delay"],
             "receive": ["max_messages", "visibility_timeout"], "delete": [], "counts": []}
DELAY_SCENARIO = mark("queue delay_seconds=5. At 0 s P1 sends m1 (the queue's delay), m2 (delay=0), m3 (delay=20), "
                      "m4 (delay=900); consumers receive at 0 s, 4.5 s, 5 s, 19.5 s, 20 s and 900 s.")
RETENTION_SCENARIO = mark("queue retention_period=60. At 0 s P1 sends m1, and m2 with delay=30; at 30 s P1 sends m3 "
                          "and m4 (delay=120), and A receives (never deletes); receives at 59.5 s, 60 s, 89.5 s, 90 s "
                          "and 150 s.")
DELAY_RANGE = Text(mark("a delay is between 0 s and {max} s (15 minutes)"), max=MAX_DELAY)
RETENTION_RANGE = Text(mark("retention_period is between {min} s and {max:,} s (14 days)"), min=MIN_RETENTION,
                       max=MAX_RETENTION)
APPEARS = mark("a delayed message becomes visible exactly when its delay ends")
OWN_SEND = mark("retention counts from each message's own send time, whatever happened since")
KINDS = mark("counts() tells apart visible, in-flight and delayed messages")


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
            mine = counts(q, mark("calling counts() at 5 s"))
            if (mine.get("visible"), mine.get("inflight"), mine.get("delayed")) != (1, 0, 2):
                fail(KINDS, mark("at 5 s m1's delay had just ended (m2 was deleted, m3 and m4 still delayed), but "
                                 "counts() returned {got!r}; expected 1 visible, 0 in flight, 2 delayed."), got=mine)
        got = rec.receive(who, max_messages=10)
        replay(h, expect_all_deleted=False).raise_first(DELAY_SCENARIO)
        if want is not None and want not in [m[0] for m in got]:
            fail(APPEARS, mark("{m}'s delay ended at {t}, but {who}'s receive at {t} did not return it."),
                 m=h.label(want), t=fmt_s(at), who=who, scenario=DELAY_SCENARIO)
        if who == "A":
            mine = counts(q, mark("calling counts() after A received m2"))
            if (mine.get("visible"), mine.get("inflight"), mine.get("delayed")) != (0, 1, 3):
                fail(KINDS, mark("after A received m2 (the only visible message), counts() returned {got!r}; "
                                 "expected 0 visible, 1 in flight, 3 delayed: a received message is in flight, not "
                                 "delayed."), got=mine)
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
    return passed(mark("delay"), [mark("the queue's delay and a per-message delay (0, 5, 20 and 900 s) hide a new "
                                       "message"),
                                  mark("each message appears exactly when its delay ends, not half a second before"),
                                  mark("a delayed message counts as delayed, not in flight"),
                                  tr("delays 0 and {max} s accepted; -1 and {over} refused", max=MAX_DELAY,
                                     over=MAX_DELAY + 1)])


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
            fail(OWN_SEND, mark("{why}, but {who}'s receive at {t} did not return it."), why=why, who=who,
                 t=fmt_s(h.now()), scenario=RETENTION_SCENARIO)
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
    gone = counts(q, mark("calling counts() at 60 s"))
    if sum(gone.get(k, 0) for k in ("visible", "inflight", "delayed")) != 2:
        fail(OWN_SEND, mark("at 60 s m1 and m2 (both sent at 0 s, m2 with a 30 s delay) had reached the retention "
                            "period of 60 s and only m3 and m4 were left, but counts() returned {got!r}."), got=gone,
             scenario=RETENTION_SCENARIO)
    present("C", m3, tr("{m} was sent at 30 s, so it lives until 90 s (its visibility timeout ended at 60 s)",
                        m=h.label(m3)))
    at(89.5)
    present("D", m3, tr("{m} was sent at 30 s, so it lives until 90 s", m=h.label(m3)))
    at(90)
    rec.receive("E", max_messages=10)
    checkpoint()
    at(150)
    rec.receive("F", max_messages=10)       # m4 became visible at 150 s, but it expired at 90 s
    checkpoint()
    left = counts(q, mark("calling counts() at 150 s"))
    if any(left.get(k, 0) for k in ("visible", "inflight", "delayed")):
        fail(OWN_SEND, mark("at 150 s every message was older than the retention period of 60 s (m4 was sent at 30 s "
                            "with a delay of 120 s: it expired while still delayed), but counts() returned {got!r}."),
             got=left)
    rec.drain()
    replay(h, retention=60).raise_first(RETENTION_SCENARIO)

    default = make(MyQueue, clock)
    rec2 = Recorder(default, h, name="default", visibility_timeout=30, cls_name=MyQueue.__name__)
    start = h.now()
    m5 = rec2.send("P2", "order 5")
    clock.advance(DEFAULT_RETENTION - 0.5)
    got = rec2.receive("G", visibility_timeout=1)
    if m5 not in [m[0] for m in got]:
        fail(Text(mark("the default retention period is 4 days ({seconds:,} s)"), seconds=DEFAULT_RETENTION),
             mark("a message sent to MyQueue(clock) was gone {later} later."), later=fmt_s(DEFAULT_RETENTION - 0.5))
    clock.advance(1)
    rec2.receive("H", max_messages=10)
    replay(h, queue="default", retention=DEFAULT_RETENTION).raise_first(tr(
        "MyQueue(clock) with the default retention; a message sent at {t} is received {later} later (timeout 1 s), "
        "then again 1 s after that.", t=fmt_s(start), later=fmt_s(DEFAULT_RETENTION - 0.5)))
    for bad in (MIN_RETENTION - 1, MAX_RETENTION + 1):
        expect_error(lambda: MyQueue(clock, retention_period=bad), f"MyQueue(clock, retention_period={bad})",
                     RETENTION_RANGE)
    expect_accepted(lambda: make(MyQueue, clock, retention_period=MAX_RETENTION),
                    f"MyQueue(clock, retention_period={MAX_RETENTION})", RETENTION_RANGE)
    return passed(mark("retention"), [
        mark("a message is gone exactly when it reaches the retention period after its send: in flight, delayed, or "
             "not"),
        mark("younger messages stay to the last half second"),
        tr("the default is 4 days; {min} s and {max:,} s accepted, one second beyond either refused", min=MIN_RETENTION,
           max=MAX_RETENTION)])


def _setup(w):
    w.rec.send("P0", "old 1")
    w.rec.send("P0", "old 2")
    w.clock.advance(60)
    w.rec.send("P0", "young")


def _judge(w):
    __tracebackhide__ = True
    w.clock.advance(31)
    w.rec.drain()
    replay(w.h, retention=60).raise_first(mark("the queue (retention 60 s) held two messages that had just expired "
                                               "and one young one when A and B made their calls; 31 s later consumer "
                                               "Z received and deleted whatever was left."))


RECEIVE = Op("receive(max_messages=2)", lambda w, who: w.rec.receive(who, max_messages=2))
COUNTS = Op("counts()", lambda w, who: counts(w.q, mark("{who} called counts()"), who=who))
SEND = Op("send('new', delay=5)", lambda w, who: w.rec.send(who, f"new from {who}", delay=5))
PAIRS = [(RECEIVE, RECEIVE), (COUNTS, RECEIVE), (RECEIVE, COUNTS), (SEND, RECEIVE), (RECEIVE, SEND)]


@check
def check_at_once(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="07")
    runs, locks = overlap_check(MyQueue, pairs=PAIRS, setup=_setup, judge=_judge, kwargs={"retention_period": 60},
                                recorder_kw={"visibility_timeout": 30})
    return passed(mark("expiring messages while calls overlap"), [
        overlap_line(mark("receive, counts (both dropping expired messages) and send, two calls at a time"), runs,
                     locks)])
