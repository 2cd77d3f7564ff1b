"""The rules a queue's history must obey, checked by replaying the recorded events.

Each rule is stated the way SQS documents it. A replay keeps, per message, what a correct queue
would know (sent at, hidden until, latest receipt handle, deleted or not) and compares every
delivery with it. Violations become sentences naming the message, the consumers and the times.
Duplicates SQS allows (a redelivery after the visibility timeout ran out) are counted as notes.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from .failures import CheckFailed
from .record import FOREVER, History, fmt_s

LOST = "nothing is lost: every message sent is delivered until someone deletes it"
INVENTED = "nothing is received that was never sent"
BODY = "a message's body comes back unchanged"
INFLIGHT = "an in-flight message stays hidden until its visibility timeout ends"
HELD = "a received message stays hidden until it is deleted"
TAKEN = "receive takes a message out of the queue, so it is delivered once"
COMES_BACK = "a message whose visibility timeout ends becomes visible again"
AFTER_DELETE = "a deleted message is never delivered again"
DELAY = "a delayed message stays hidden until its delay ends"
RETENTION = "a message older than the retention period is deleted, never delivered"
NEW_HANDLE = "every receive returns a new receipt handle"
SAME_ANSWER = "one receive never returns the same message twice"
FIFO_ORDER = "a FIFO queue delivers the messages of a group in the order they were sent"
FIFO_BLOCK = "while a message of a group is in flight, no later message of that group is delivered"
DEDUP = "a FIFO queue drops a duplicate sent within the 5-minute deduplication window"
DEDUP_EXPIRES = "after the 5-minute deduplication window, the same deduplication id is a new message"


@dataclass
class Msg:
    label: str
    body: str
    sent_at: float
    who: str
    visible_from: float
    group: str | None = None
    receives: int = 0
    hidden_until: float = -math.inf
    holder: str | None = None
    handle: object = None
    received_at: float | None = None
    timeout: float | None = None
    deleted_at: float | None = None
    deleted_by: str | None = None
    moved: bool = False
    batch: int = -1


@dataclass
class Verdict:
    problems: list[tuple[str, str]] = field(default_factory=list)
    redeliveries: int = 0
    messages: dict = field(default_factory=dict)

    def fail(self, rule: str, detail: str):
        self.problems.append((rule, detail))

    def raise_first(self, scenario: str = ""):
        __tracebackhide__ = True
        if not self.problems:
            return
        rule, detail = self.problems[0]
        more = len(self.problems) - 1
        if more:
            detail += f"\n({more} more problem{'s' if more > 1 else ''} of this kind or others after this one.)"
        if scenario:
            detail += f"\nScenario: {scenario}"
        raise CheckFailed(rule, detail)


def replay(history: History, queue: str = "queue", *, retention: float = FOREVER, takes: bool = False,
           fifo: bool = False, held: bool = False, known: dict | None = None, end: float | None = None,
           expect_all_deleted: bool = True, moved: set = frozenset()) -> Verdict:
    """Replay one queue's events; `held=True` means no visibility timeout yet (exercise 02).

    `known` adds messages that arrived without a send on this queue (a dead-letter queue's);
    `moved` names messages that left this queue for another, so they are not missed at the end.
    """
    v = Verdict()
    msgs: dict[object, Msg] = {} if known is None else dict(known)
    v.messages = msgs
    events = history.of(queue)
    groups: dict[str, list] = {}
    batches: dict[int, list] = {}
    # A send is logged when it returns, which under threads can be after a consumer already got
    # the message; so every message exists from the start and is visible from its send time.
    for ev in events:
        if ev.op == "receive":
            batches.setdefault(ev.batch, []).append(ev)
        elif ev.op == "send" and ev.message_id not in msgs:  # a repeated id is a deduplicated send
            msgs[ev.message_id] = Msg(history.label(ev.message_id), ev.body, ev.t, ev.who,
                                      ev.t + (ev.delay or 0), ev.group)
            if ev.group is not None:
                groups.setdefault(ev.group, []).append(ev.message_id)
    for ev in events:
        t, lab = ev.t, history.label(ev.message_id)
        if ev.op == "receive":
            m = msgs.get(ev.message_id)
            if m is None:
                v.fail(INVENTED, f"consumer {ev.who} received message id {ev.message_id!r} with body {ev.body!r} "
                                 f"at {fmt_s(t)}, but no send ever returned that id.")
                continue
            if ev.body != m.body:
                v.fail(BODY, f"message {lab} was sent with body {m.body!r} but consumer {ev.who} received "
                             f"{ev.body!r}.")
            same = [e for e in batches[ev.batch] if e.message_id == ev.message_id]
            if same[0] is not ev:
                v.fail(SAME_ANSWER, f"one receive by {ev.who} at {fmt_s(t)} returned message {lab} "
                                    f"{len(same)} times.")
                continue
            if m.receives and not (takes or held) and ev.handle == m.handle:
                v.fail(NEW_HANDLE, f"message {lab} came back to {ev.who} at {fmt_s(t)} with the same receipt "
                                   f"handle {m.holder} got at {fmt_s(m.received_at)}: a receipt handle "
                                   f"belongs to one receive, so an old holder cannot delete it.")
            _judge_delivery(v, m, ev, t, retention, takes, held)
            if fifo and m.group is not None:
                _judge_fifo(v, msgs, groups[m.group], ev, batches[ev.batch], history)
            if m.receives and m.deleted_at is None:
                v.redeliveries += 1
            m.receives += 1
            m.hidden_until = t + ev.timeout
            m.holder, m.handle, m.received_at, m.timeout, m.batch = ev.who, ev.handle, t, ev.timeout, ev.batch
        elif ev.op == "delete":
            m = msgs.get(ev.message_id)
            if m is not None and m.deleted_at is None and (takes or ev.handle == m.handle):
                m.deleted_at, m.deleted_by = t, ev.who
        elif ev.op == "change":
            # A change hides a message only while it is in flight; a standard queue takes any handle
            # it gave out for the message (AWS does), a FIFO queue only the newest.
            m = msgs.get(ev.message_id)
            if m is not None and m.deleted_at is None and t < m.hidden_until and (not fifo or ev.handle == m.handle):
                m.hidden_until, m.timeout = t + ev.timeout, ev.timeout
    for mid in moved:
        if mid in msgs:
            msgs[mid].moved = True
    if expect_all_deleted:
        end = history.now() if end is None else end
        for m in msgs.values():
            if m.deleted_at is None and not m.moved and m.sent_at + retention > end:
                _judge_lost(v, m, end, held)
    return v


def _judge_delivery(v: Verdict, m: Msg, ev, t: float, retention: float, takes: bool, held: bool):
    lab = m.label
    if m.deleted_at is not None:
        if takes:
            v.fail(TAKEN, f"message {lab} was delivered twice: to {m.holder} at {fmt_s(m.received_at)} and "
                          f"to {ev.who} at {fmt_s(t)}.")
        else:
            v.fail(AFTER_DELETE, f"message {lab} was delivered to consumer {ev.who} at {fmt_s(t)}, after "
                                 f"{m.deleted_by} deleted it at {fmt_s(m.deleted_at)}.")
        return
    if t < m.hidden_until:
        if held:
            v.fail(HELD, f"message {lab} was delivered to consumer {ev.who} while still in flight for "
                         f"{m.holder}, who received it at {fmt_s(m.received_at)} and has not deleted it.")
        else:
            v.fail(INFLIGHT, f"message {lab} was delivered to consumer {ev.who} while still in flight for "
                             f"{m.holder}: visibility timeout {fmt_s(m.timeout)}, "
                             f"{fmt_s(t - m.received_at)} elapsed.")
        return
    if t < m.visible_from:
        v.fail(DELAY, f"message {lab} was delivered to {ev.who} at {fmt_s(t)}, but it was sent at "
                      f"{fmt_s(m.sent_at)} with a delay of {fmt_s(m.visible_from - m.sent_at)}: it must stay "
                      f"hidden until {fmt_s(m.visible_from)}.")
        return
    if t >= m.sent_at + retention:
        v.fail(RETENTION, f"message {lab} was sent at {fmt_s(m.sent_at)} and delivered to {ev.who} at "
                          f"{fmt_s(t)}, but the retention period is {fmt_s(retention)}: it should have been "
                          f"deleted at {fmt_s(m.sent_at + retention)}.")


def _judge_fifo(v: Verdict, msgs, order: list, ev, batch: list, history: History):
    """A receive hands out a group's messages oldest undeleted first, in order, and stops at the
    first one that is not visible (AWS: a group is open while its first message is visible, even
    if later ones are in flight). So every message of the group sent before this one and not yet
    deleted must come earlier in the same answer."""
    m = msgs[ev.message_id]
    t = ev.t
    pending = [mid for mid in order if msgs[mid].deleted_at is None]
    if ev.message_id not in pending:
        return
    before = {e.message_id for e in batch if e.seq < ev.seq}
    for mid in pending[:pending.index(ev.message_id)]:
        if mid in before:
            continue
        e = msgs[mid]
        if t < e.hidden_until:
            v.fail(FIFO_BLOCK, f"message {m.label} of group {m.group!r} was delivered to {ev.who} at {fmt_s(t)} "
                               f"while {e.label}, sent before it in the same group, was in flight for {e.holder} "
                               f"(received at {fmt_s(e.received_at)}, visibility timeout {fmt_s(e.timeout)}).")
        else:
            v.fail(FIFO_ORDER, f"in group {m.group!r}, {ev.who} received {m.label} at {fmt_s(t)} before "
                               f"{e.label}, which was sent earlier ({fmt_s(e.sent_at)} vs "
                               f"{fmt_s(m.sent_at)}) and not yet deleted.")
        return


def _judge_lost(v: Verdict, m: Msg, end: float, held: bool):
    if m.receives == 0 and m.visible_from > m.sent_at:
        v.fail(LOST, f"message {m.label} (sent by {m.who} at {fmt_s(m.sent_at)} with a delay of "
                     f"{fmt_s(m.visible_from - m.sent_at)}) was never delivered: its delay ended at "
                     f"{fmt_s(m.visible_from)}, but it never became visible.")
    elif m.receives == 0:
        v.fail(LOST, f"message {m.label} (sent by {m.who} at {fmt_s(m.sent_at)}) was never delivered: "
                     f"the queue lost it.")
    elif not held:  # with no visibility timeout yet, a received message may stay in flight forever
        v.fail(COMES_BACK, f"message {m.label} was received by {m.holder} at {fmt_s(m.received_at)} and never "
                           f"deleted; its visibility timeout of {fmt_s(m.timeout)} ran out at "
                           f"{fmt_s(m.received_at + m.timeout)}, but by {fmt_s(end)} it had not come back. "
                           f"(Does your queue read the time from self.clock.now()? The checks move a virtual clock.)")
