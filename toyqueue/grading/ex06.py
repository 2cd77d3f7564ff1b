"""Checks for exercise 06: a dead-letter queue takes what failed max_receive_count times, and
move_messages sends it back (a redrive)."""
from __future__ import annotations

from ..clock import VirtualClock
from ..limits import MAX_MAX_RECEIVE_COUNT
from .common import check, expect_counts, fail, make, passed
from .failures import expect_error, learner_code
from .record import History, Recorder, fmt_s
from .rules import Msg, replay

DLQ = "a message received max_receive_count times without being deleted moves to the dead-letter queue"
KEEPS_ID = "a message keeps its id and body when it moves between queues"
REDRIVE = "move_messages moves every visible message back and resets its receive count"
SCENARIO = ("source queue: visibility timeout 30 s, max_receive_count=3. P1 sends a poison message and a good "
            "one; every 31 s consumer C receives, deletes the good message and fails on the poison one.")


def _deliveries(h, queue, message_id):
    return [e for e in h.of(queue) if e.op == "receive" and e.message_id == message_id]


@check
def check_dead_letter(MyQueue):
    __tracebackhide__ = True
    clock = VirtualClock()
    h = History(clock)
    dlq = make(MyQueue, clock)
    q = make(MyQueue, clock, visibility_timeout=30, dead_letter_queue=dlq, max_receive_count=3)
    src = Recorder(q, h, name="source", visibility_timeout=30, cls_name=MyQueue.__name__)
    dead = Recorder(dlq, h, name="dlq", visibility_timeout=30, cls_name=MyQueue.__name__)
    poison = src.send("P1", "poison pill")
    good = src.send("P1", "order 1")
    p = h.label(poison)
    for _ in range(5):
        for m in src.receive("C", max_messages=10):
            if m[0] == good:
                src.delete("C", m[2])
        clock.advance(31)
    replay(h, queue="source", expect_all_deleted=False).raise_first(SCENARIO)
    times = [fmt_s(e.t) for e in _deliveries(h, "source", poison)]
    if len(times) > 3:
        fail(DLQ, f"message {p} was delivered {len(times)} times from the source queue (at {', '.join(times)}), "
                  f"but max_receive_count is 3: the 4th receive should have moved it to the dead-letter queue "
                  f"instead of delivering it.\nScenario: {SCENARIO}")
    if len(times) < 3:
        fail(DLQ, f"message {p} was delivered only {len(times)} times from the source queue; with "
                  f"max_receive_count=3 it must be delivered 3 times before it moves.\nScenario: {SCENARIO}")
    moved_at = h.now()
    d = dead.receive("D", max_messages=10)
    if good in [m[0] for m in d]:
        fail(DLQ, f"the good message {h.label(good)} was deleted after its first receive, yet it turned up in "
                  f"the dead-letter queue.")
    if poison not in [m[0] for m in d]:
        if "poison pill" in [m[1] for m in d]:
            fail(KEEPS_ID, f"message {p} arrived in the dead-letter queue with a new message id.")
        fail(DLQ, f"message {p} was received 3 times and never deleted, but at {fmt_s(moved_at)} the "
                  f"dead-letter queue's receive returned {len(d)} messages, not {p}.\nScenario: {SCENARIO}")
    known = {poison: Msg(p, "poison pill", 0.0, "P1", 0.0, moved=True)}
    replay(h, queue="dlq", known=known, expect_all_deleted=False).raise_first(
        SCENARIO + " Then D receives from the dead-letter queue.")

    clock.advance(31)
    with learner_code("calling dlq.move_messages(source)"):
        moved = dlq.move_messages(q)
    if moved != 1:
        fail(REDRIVE, f"dlq.move_messages(source) with one visible message returned {moved!r}; expected 1.")
    expect_counts(dlq, {"visible": 0, "inflight": 0}, "after move_messages emptied the dead-letter queue")
    back = src.receive("E", max_messages=10)
    if poison not in [m[0] for m in back]:
        again = dead.receive("F", max_messages=10)
        if poison in [m[0] for m in again]:
            fail(REDRIVE, f"after the redrive, the first receive from the source queue moved {p} straight back "
                          f"to the dead-letter queue: its receive count must start again from 0.")
        fail(REDRIVE, f"after dlq.move_messages(source), the source queue's receive did not return {p}.")
    for m in back:
        src.delete("E", m[2])
    clock.advance(31)
    src.drain()
    dead.drain()
    replay(h, queue="source").raise_first(SCENARIO + " Then the dead-letter queue is redriven to the source.")
    dlq_known = {poison: Msg(p, "poison pill", 0.0, "P1", 0.0, moved=True)}
    replay(h, queue="dlq", known=dlq_known).raise_first(SCENARIO)
    for bad in (0, MAX_MAX_RECEIVE_COUNT + 1):
        expect_error(lambda: MyQueue(clock, dead_letter_queue=dlq, max_receive_count=bad),
                     f"MyQueue(clock, dead_letter_queue=dlq, max_receive_count={bad})",
                     f"max_receive_count is between 1 and {MAX_MAX_RECEIVE_COUNT:,}")
    return passed("dead-letter queue", [f"the poison message was delivered 3 times, then moved (same id, same body)",
                                 "the good message never reached the dead-letter queue",
                                 "move_messages sent it back with a fresh receive count"])
