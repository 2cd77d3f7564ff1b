"""Checks for exercise 09: a dead-letter queue takes what failed max_receive_count times, and
move_messages sends it back (a redrive)."""
from __future__ import annotations

from ..clock import VirtualClock
from ..i18n import mark, tr
from ..limits import MAX_MAX_RECEIVE_COUNT
from .common import check, counts, expect_counts, fail, make, overlap_check, overlap_line, passed, queue_class
from .concurrent import Op
from .failures import Text, expect_accepted, expect_error, learner_code
from .record import History, Recorder, fmt_s
from .rules import Msg, replay

INTERFACE = {"__init__": ["visibility_timeout", "retention_period", "dead_letter_queue", "max_receive_count"],
             "send": [], "receive": ["max_messages", "visibility_timeout"], "delete": [], "counts": [],
             "move_messages": []}
DLQ = mark("a message received max_receive_count times without being deleted moves to the dead-letter queue")
GOES_ON = mark("a receive that moves a message to the dead-letter queue goes on to return the other visible messages")
KEEPS = mark("a message keeps its id, body and send time when it moves between queues")
REDRIVE = mark("move_messages moves every visible message back, and only those, and resets its receive count")
COUNT_RULE = Text(mark("max_receive_count is a whole number from 1 to {max:,}"), max=MAX_MAX_RECEIVE_COUNT)
SCENARIO = mark("source queue: visibility timeout 30 s, max_receive_count=3. P1 sends a poison message and a good "
                "one; at 0 s, 31 s and 62 s consumer C receives, deletes the good message and fails on the poison "
                "one; at 93 s P1 sends 'order 2', then C receives one message, then up to 10.")


def _deliveries(h, queue, message_id):
    return [e for e in h.of(queue) if e.op == "receive" and e.message_id == message_id]


@check
def check_dead_letter(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="09")
    clock = VirtualClock()
    clock.advance(0.5)                      # a clock that is not on a whole second
    h = History(clock)
    dlq = make(MyQueue, clock)
    q = make(MyQueue, clock, visibility_timeout=30, dead_letter_queue=dlq, max_receive_count=3)
    src = Recorder(q, h, name="source", visibility_timeout=30, cls_name=MyQueue.__name__)
    dead = Recorder(dlq, h, name="dlq", visibility_timeout=30, cls_name=MyQueue.__name__)
    poison = src.send("P1", "poison pill")
    good = src.send("P1", "order 1")
    p = h.label(poison)
    for _ in range(3):
        for m in src.receive("C", max_messages=10):
            if m[0] == good:
                src.delete("C", m[2])
        clock.advance(31)
    order2 = src.send("P1", "order 2")
    one = src.receive("C", max_messages=1)
    if not one:
        fail(GOES_ON, mark("at 93 s {m} had been received 3 times (max_receive_count=3) and 'order 2' was waiting; "
                           "C's receive(max_messages=1) returned [] instead of moving {m} and returning 'order 2'."),
             m=p)
    for m in one:
        src.delete("C", m[2])
    rest = src.receive("C", max_messages=10)
    for m in rest:
        if m[0] != poison:
            src.delete("C", m[2])
    replay(h, queue="source", expect_all_deleted=False).raise_first(SCENARIO)
    times = [fmt_s(e.t) for e in _deliveries(h, "source", poison)]
    if len(times) > 3:
        fail(DLQ, mark("message {m} was delivered {n} times from the source queue (at {times}), but "
                       "max_receive_count is 3: the 4th receive should have moved it to the dead-letter queue instead "
                       "of delivering it."), m=p, n=len(times), times=", ".join(times), scenario=SCENARIO)
    if len(times) < 3:
        fail(DLQ, mark("message {m} was delivered only {n} times from the source queue; with max_receive_count=3 it "
                       "must be delivered 3 times before it moves."), m=p, n=len(times), scenario=SCENARIO)
    moved_at = h.now()
    left = counts(q, mark("calling counts() on the source queue after the poison message moved"))
    if any(left.get(k, 0) for k in ("visible", "inflight", "delayed")):
        fail(DLQ, mark("at {t} the good messages were deleted and {m} had moved to the dead-letter queue, but the "
                       "source queue's counts() said {got!r}: a moved message leaves the source queue."),
             t=fmt_s(moved_at), m=p, got=left)
    d = dead.receive("D", max_messages=10)
    if good in [m[0] for m in d] or order2 in [m[0] for m in d]:
        fail(DLQ, mark("a message that was deleted after its first receive turned up in the dead-letter queue."))
    if poison not in [m[0] for m in d]:
        if "poison pill" in [m[1] for m in d]:
            fail(KEEPS, mark("message {m} arrived in the dead-letter queue with a new message id."), m=p)
        fail(DLQ, mark("message {m} was received 3 times and never deleted, but at {t} the dead-letter queue's "
                       "receive returned {n} messages, not {m}."), m=p, t=fmt_s(moved_at), n=len(d),
             scenario=SCENARIO)
    known = {poison: Msg(p, "poison pill", 0.0, "P1", 0.0, moved=True)}
    replay(h, queue="dlq", known=known, expect_all_deleted=False).raise_first(
        tr("{scenario} Then D receives from the dead-letter queue.", scenario=tr(SCENARIO)))

    stuck = dead.send("P2", "still in flight")
    held = dead.receive("E", max_messages=10, visibility_timeout=100)
    clock.advance(30)                       # D's timeout ends exactly now: the poison is visible
    with learner_code(mark("calling {call}"), call="dlq.move_messages(source)"):
        moved = dlq.move_messages(q)
    if moved != 1:
        fail(REDRIVE, mark("dlq.move_messages(source) with {m} visible (since this very moment: D's visibility timeout "
                           "had just ended) and one other message in flight returned {moved!r}; expected 1."), m=p,
             moved=moved)
    expect_counts(dlq, {"visible": 0, "inflight": len(held)}, mark("after move_messages took the one visible message"))
    back = src.receive("F", max_messages=10)
    if poison not in [m[0] for m in back]:
        again = dead.receive("G", max_messages=10)
        if poison in [m[0] for m in again]:
            fail(REDRIVE, mark("after the redrive, the first receive from the source queue moved {m} straight back to "
                               "the dead-letter queue: its receive count must start again from 0."), m=p)
        fail(REDRIVE, mark("after dlq.move_messages(source), the source queue's receive did not return {m}."), m=p)
    for m in back:
        src.delete("F", m[2])
    for m in held:
        dead.delete("E", m[2])
    clock.advance(31)
    src.drain()
    dead.drain()
    replay(h, queue="source").raise_first(tr("{scenario} Then the dead-letter queue is redriven to the source.",
                                             scenario=tr(SCENARIO)))
    dlq_known = {poison: Msg(p, "poison pill", 0.0, "P1", 0.0, moved=True)}
    replay(h, queue="dlq", known=dlq_known).raise_first(SCENARIO)
    with learner_code(mark("calling move_messages() on an empty queue")):
        none = make(MyQueue, clock).move_messages(q)
    if none != 0:
        fail(REDRIVE, mark("move_messages() from an empty queue returned {got!r}; expected 0."), got=none)

    _send_time_kept(MyQueue, clock, h)
    _one_receive(MyQueue, clock, h)
    for bad in (0, MAX_MAX_RECEIVE_COUNT + 1, 2.5):
        expect_error(lambda: MyQueue(clock, dead_letter_queue=dlq, max_receive_count=bad),
                     f"MyQueue(clock, dead_letter_queue=dlq, max_receive_count={bad})", COUNT_RULE)
    expect_accepted(lambda: make(MyQueue, clock, dead_letter_queue=dlq, max_receive_count=MAX_MAX_RECEIVE_COUNT),
                    f"MyQueue(clock, dead_letter_queue=dlq, max_receive_count={MAX_MAX_RECEIVE_COUNT})", COUNT_RULE)
    return passed(mark("dead-letter queue"), [
        mark("the poison message was delivered 3 times, then moved once (same id, same body, same send time)"),
        mark("the receive that moved it still returned the next message; the good ones never reached the DLQ"),
        mark("with max_receive_count=1 a message is delivered once, then moved"),
        mark("move_messages sent back only the visible message, with a fresh receive count"),
        tr("max_receive_count 1 and {max:,} accepted; 0, {over:,} and 2.5 refused", max=MAX_MAX_RECEIVE_COUNT,
           over=MAX_MAX_RECEIVE_COUNT + 1)])


def _send_time_kept(MyQueue, clock, h):
    """A moved message still expires by its first send time (SQS keeps the enqueue timestamp)."""
    __tracebackhide__ = True
    start = h.now()
    dlq = make(MyQueue, clock, retention_period=60)
    q = make(MyQueue, clock, visibility_timeout=30, dead_letter_queue=dlq, max_receive_count=1)
    src = Recorder(q, h, name="source 2", visibility_timeout=30, cls_name=MyQueue.__name__)
    dead = Recorder(dlq, h, name="dlq 2", visibility_timeout=30, cls_name=MyQueue.__name__)
    mid = src.send("P3", "late order")
    src.receive("H")
    clock.advance(31)
    src.receive("H", max_messages=10)
    clock.advance(60 - 31 - 0.5)
    there = dead.receive("I", max_messages=10, visibility_timeout=0)
    if mid not in [m[0] for m in there]:
        fail(KEEPS, mark("a message sent at {sent} moved to a dead-letter queue with retention_period=60 at {moved}; "
                         "at {t} the dead-letter queue's receive did not return it."), sent=fmt_s(start),
             moved=fmt_s(start + 31), t=fmt_s(h.now()))
    clock.advance(0.5)
    with learner_code(mark("calling move_messages() on the dead-letter queue whose only message had expired")):
        moved = dlq.move_messages(make(MyQueue, clock))
    if moved != 0:
        fail(KEEPS, mark("60 s after its first send, the only message in a dead-letter queue with retention_period=60 "
                         "had expired, but move_messages() moved {moved!r} messages: an expired message is gone."),
             moved=moved)
    dead.receive("J", max_messages=10)
    known = {mid: Msg(h.label(mid), "late order", start, "P3", start, moved=True)}
    replay(h, queue="dlq 2", retention=60, known=known, expect_all_deleted=False).raise_first(mark(
        "a message sent at the start is received once, moved at 31 s to a dead-letter queue with "
        "retention_period=60, and received there at 59.5 s and 60 s: it must expire 60 s after its first send."))


def _one_receive(MyQueue, clock, h):
    __tracebackhide__ = True
    dlq = make(MyQueue, clock)
    q = make(MyQueue, clock, visibility_timeout=30, dead_letter_queue=dlq, max_receive_count=1)
    src = Recorder(q, h, name="source 3", visibility_timeout=30, cls_name=MyQueue.__name__)
    mid = src.send("P4", "once")
    src.receive("K")
    clock.advance(30)
    again = src.receive("L", max_messages=10)
    if mid in [m[0] for m in again]:
        fail(DLQ, mark("with max_receive_count=1, a message received once and not deleted was delivered a second "
                       "time when its visibility timeout ended, instead of moving to the dead-letter queue."))
    with learner_code(mark("calling counts() on the dead-letter queue")):
        n = dlq.counts().get("visible")
    if n != 1:
        fail(DLQ, mark("with max_receive_count=1, after the second receive the dead-letter queue's counts() said "
                       "{n!r} visible; expected 1."), n=n)


class _World:
    def __init__(self, cls):
        clock = VirtualClock()
        self.clock, self.h = clock, History(clock)
        self.dlq = make(cls, clock)
        self.q = make(cls, clock, visibility_timeout=30, dead_letter_queue=self.dlq, max_receive_count=1)
        self.rec = Recorder(self.q, self.h, name="source", visibility_timeout=30, cls_name=cls.__name__)
        self.dead = Recorder(self.dlq, self.h, name="dlq", visibility_timeout=30, cls_name=cls.__name__)
        self.poison = self.rec.send("P0", "poison")
        self.rec.receive("R")
        clock.advance(31)
        self.rec.send("P0", "good")
        self.parked = self.dead.send("P0", "parked")      # already in the dead-letter queue


def _judge(w):
    __tracebackhide__ = True
    if len(_deliveries(w.h, "source", w.poison)) > 1:
        fail(DLQ, mark("with max_receive_count=1, the message received once by R was delivered again instead of "
                       "moving."))
    w.clock.advance(31)
    w.rec.drain()
    w.dead.drain()
    story = mark("with max_receive_count=1, R had received 'poison' once and its timeout had ended, 'good' was "
                 "waiting, and 'parked' was in the dead-letter queue, when A and B made their calls; then consumer Z "
                 "emptied both queues.")
    parked = Msg(w.h.label(w.parked), "parked", 0.0, "P0", 0.0, moved=True)
    replay(w.h, queue="source", moved={w.poison}, known={w.parked: parked}).raise_first(story)
    replay(w.h, queue="dlq", moved={w.parked},
           known={w.poison: Msg(w.h.label(w.poison), "poison", 0.0, "P0", 0.0, moved=True)}).raise_first(story)
    seen = [e for e in w.h.events if e.op == "receive" and e.message_id == w.parked]
    if len({e.queue for e in seen}) > 1 or len(seen) > 1:
        fail(REDRIVE, mark("'parked' was delivered {n} times (from {queues}): a message is moved or received, never "
                           "both."), n=len(seen), queues=sorted({e.queue for e in seen}), scenario=story)
    if not seen:
        fail(REDRIVE, mark("'parked' was lost: neither queue ever delivered it."), scenario=story)
    copies = [e for e in w.h.of("dlq") if e.op == "receive" and e.message_id == w.poison]
    if not copies:
        fail(DLQ, mark("'poison' never reached the dead-letter queue."), scenario=story)


def _receive_and_delete(rec, who):
    for m in rec.receive(who, max_messages=10):
        rec.delete(who, m[2])


RECEIVE = Op(mark("receive(max_messages=10) on the source queue, then delete() of what it got"),
             lambda w, who: _receive_and_delete(w.rec, who))
DLQ_RECEIVE = Op(mark("receive(max_messages=10) on the dead-letter queue, then delete() of what it got"),
                 lambda w, who: _receive_and_delete(w.dead, who))
REDRIVE_OP = Op("dlq.move_messages(source)", lambda w, who: w.dlq.move_messages(w.q))
PAIRS = [(RECEIVE, RECEIVE), (RECEIVE, DLQ_RECEIVE), (DLQ_RECEIVE, RECEIVE), (REDRIVE_OP, DLQ_RECEIVE),
         (DLQ_RECEIVE, REDRIVE_OP)]


@check
def check_at_once(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="09")
    runs, locks = overlap_check(MyQueue, pairs=PAIRS, setup=None, judge=_judge, world=lambda: _World(MyQueue))
    return passed(mark("dead-letter queue with calls at the same time"), [
        overlap_line(mark("two receives finding the same worn-out message, a receive and a redrive"), runs, locks)])
