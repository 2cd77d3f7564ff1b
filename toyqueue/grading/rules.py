"""The rules a queue's history must obey, checked by replaying the recorded events.

Each rule is stated the way SQS documents it. A replay keeps, per message, what a correct queue
would know (sent at, hidden until, latest receipt handle, deleted or not) and compares every
delivery with it. Violations become sentences naming the message, the consumers and the times.
Duplicates SQS allows (a redelivery after the visibility timeout ran out) are counted as notes.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..i18n import mark, tr
from .failures import CheckFailed, say
from .record import FOREVER, History, fmt_s

LOST = mark("nothing is lost: every message sent is delivered until someone deletes it")
INVENTED = mark("nothing is received that was never sent")
BODY = mark("a message's body comes back unchanged")
INFLIGHT = mark("an in-flight message stays hidden until its visibility timeout ends")
HELD = mark("a received message stays hidden until it is deleted")
TAKEN = mark("receive takes a message out of the queue, so it is delivered once")
COMES_BACK = mark("a message whose visibility timeout ends becomes visible again")
AFTER_DELETE = mark("a deleted message is never delivered again")
DELAY = mark("a delayed message stays hidden until its delay ends")
RETENTION = mark("a message older than the retention period is deleted, never delivered")
NEW_HANDLE = mark("every receive returns a new receipt handle")
SAME_ANSWER = mark("one receive never returns the same message twice")
FIFO_ORDER = mark("a FIFO queue delivers the messages of a group in the order they were sent")
FIFO_BLOCK = mark("while a message of a group is in flight, no later message of that group is delivered")
DEDUP = mark("a FIFO queue drops a duplicate sent within the 5-minute deduplication window")
DEDUP_EXPIRES = mark("after the 5-minute deduplication window, the same deduplication id is a new message")
OWN_ID = mark("every message gets its own id")


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

    def fail(self, rule: str, detail: str, /, **fields):
        """Note a broken rule; `detail` is a template filled in with `fields` (failures.say)."""
        self.problems.append((say(rule), say(detail, **fields)))

    def raise_first(self, scenario: str = ""):
        __tracebackhide__ = True
        if not self.problems:
            return
        rule, detail = self.problems[0]
        more = len(self.problems) - 1
        if more == 1:
            detail += "\n" + tr("(1 more problem of this kind or others after this one.)")
        elif more:
            detail += "\n" + tr("({more} more problems of this kind or others after this one.)", more=more)
        raise CheckFailed(rule, detail, scenario=scenario)


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
                v.fail(INVENTED, mark("consumer {who} received message id {id!r} with body {body!r} at {t}, but no "
                                      "send ever returned that id."), who=ev.who, id=ev.message_id, body=ev.body,
                       t=fmt_s(t))
                continue
            if ev.body != m.body:
                v.fail(BODY, mark("message {m} was sent with body {sent!r} but consumer {who} received {got!r}."),
                       m=lab, sent=m.body, who=ev.who, got=ev.body)
            same = [e for e in batches[ev.batch] if e.message_id == ev.message_id]
            if same[0] is not ev:
                v.fail(SAME_ANSWER, mark("one receive by {who} at {t} returned message {m} {n} times."), who=ev.who,
                       t=fmt_s(t), m=lab, n=len(same))
                continue
            if m.receives and not (takes or held) and ev.handle == m.handle:
                v.fail(NEW_HANDLE, mark("message {m} came back to {who} at {t} with the same receipt handle {holder} "
                                        "got at {then}: a receipt handle belongs to one receive, so an old holder "
                                        "cannot delete it."), m=lab, who=ev.who, t=fmt_s(t), holder=m.holder,
                       then=fmt_s(m.received_at))
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
            v.fail(TAKEN, mark("message {m} was delivered twice: to {first} at {then} and to {who} at {t}."), m=lab,
                   first=m.holder, then=fmt_s(m.received_at), who=ev.who, t=fmt_s(t))
        else:
            v.fail(AFTER_DELETE, mark("message {m} was delivered to consumer {who} at {t}, after {deleter} deleted it "
                                      "at {then}."), m=lab, who=ev.who, t=fmt_s(t), deleter=m.deleted_by,
                   then=fmt_s(m.deleted_at))
        return
    if t < m.hidden_until:
        if held:
            v.fail(HELD, mark("message {m} was delivered to consumer {who} while still in flight for {holder}, who "
                              "received it at {then} and has not deleted it."), m=lab, who=ev.who, holder=m.holder,
                   then=fmt_s(m.received_at))
        else:
            v.fail(INFLIGHT, mark("message {m} was delivered to consumer {who} while still in flight for {holder}: "
                                  "visibility timeout {timeout}, {elapsed} elapsed."), m=lab, who=ev.who,
                   holder=m.holder, timeout=fmt_s(m.timeout), elapsed=fmt_s(t - m.received_at))
        return
    if t < m.visible_from:
        v.fail(DELAY, mark("message {m} was delivered to {who} at {t}, but it was sent at {sent} with a delay of "
                           "{delay}: it must stay hidden until {until}."), m=lab, who=ev.who, t=fmt_s(t),
               sent=fmt_s(m.sent_at), delay=fmt_s(m.visible_from - m.sent_at), until=fmt_s(m.visible_from))
        return
    if t >= m.sent_at + retention:
        v.fail(RETENTION, mark("message {m} was sent at {sent} and delivered to {who} at {t}, but the retention "
                               "period is {retention}: it should have been deleted at {end}."), m=lab,
               sent=fmt_s(m.sent_at), who=ev.who, t=fmt_s(t), retention=fmt_s(retention),
               end=fmt_s(m.sent_at + retention))


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
            v.fail(FIFO_BLOCK, mark("message {m} of group {group!r} was delivered to {who} at {t} while {other}, sent "
                                    "before it in the same group, was in flight for {holder} (received at {then}, "
                                    "visibility timeout {timeout})."), m=m.label, group=m.group, who=ev.who,
                   t=fmt_s(t), other=e.label, holder=e.holder, then=fmt_s(e.received_at), timeout=fmt_s(e.timeout))
        else:
            v.fail(FIFO_ORDER, mark("in group {group!r}, {who} received {m} at {t} before {first}, which was sent "
                                    "earlier ({first_sent} vs {sent}) and not yet deleted."), group=m.group,
                   who=ev.who, m=m.label, t=fmt_s(t), first=e.label, first_sent=fmt_s(e.sent_at),
                   sent=fmt_s(m.sent_at))
        return


def _judge_lost(v: Verdict, m: Msg, end: float, held: bool):
    if m.receives == 0 and m.visible_from > m.sent_at:
        v.fail(LOST, mark("message {m} (sent by {who} at {sent} with a delay of {delay}) was never delivered: its "
                          "delay ended at {until}, but it never became visible."), m=m.label, who=m.who,
               sent=fmt_s(m.sent_at), delay=fmt_s(m.visible_from - m.sent_at), until=fmt_s(m.visible_from))
    elif m.receives == 0:
        v.fail(LOST, mark("message {m} (sent by {who} at {sent}) was never delivered: the queue lost it."),
               m=m.label, who=m.who, sent=fmt_s(m.sent_at))
    elif not held:  # with no visibility timeout yet, a received message may stay in flight forever
        v.fail(COMES_BACK, mark("message {m} was received by {holder} at {then} and never deleted; its visibility "
                                "timeout of {timeout} ran out at {until}, but by {end} it had not come back. (Does "
                                "your queue read the time from self.clock.now()? The checks move a virtual clock.)"),
               m=m.label, holder=m.holder, then=fmt_s(m.received_at), timeout=fmt_s(m.timeout),
               until=fmt_s(m.received_at + m.timeout), end=fmt_s(end))
