"""Record everything a scenario does to a learner's queue, so the checks can judge the history.

Grading by invariants (the Jepsen habit) instead of fixed outputs lets any correct queue pass,
whatever order it picks or ids it makes, while every wrong one is caught by the rule it breaks.
The recorder wraps the learner's queue: each call goes through, its answer is validated for shape
and logged as events with the virtual time, the caller's name and a short label per message
("m1", "m2", ... in send order) so failures can say "message m3" instead of a uuid.

Why not toyqueue.history: that one watches boto3-shaped calls over real time, so it can only
judge what [start, end] intervals make certain. Here the grader owns the clock, so every event
has an exact time and rules.py can replay the history exactly and word each failure for a learner.
"""
from __future__ import annotations

import itertools
import math
import threading
from dataclasses import dataclass, field

from ..i18n import mark, tr
from .failures import CheckFailed, learner_code

FOREVER = math.inf
SEND_ID = mark("send returns the new message's id (a string)")
ONE_ID_EACH = mark("send_batch returns one message id per body, in order")


@dataclass
class Event:
    seq: int
    t: float                   # seconds since the scenario started (virtual clock)
    who: str                   # producer or consumer name
    op: str                    # send | receive | delete | change
    queue: str
    message_id: str | None = None
    body: str | None = None
    handle: str | None = None
    timeout: float | None = None   # visibility timeout of a receive or change
    delay: float = 0.0
    group: str | None = None
    dedup: str | None = None
    batch: int = 0             # receives answered together share a batch number


@dataclass
class History:
    """Events of every queue in one scenario, in the order they completed."""
    clock: object
    t0: float = 0.0
    events: list[Event] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _seq: itertools.count = field(default_factory=itertools.count)

    def __post_init__(self):
        self.t0 = self.clock.now()

    def now(self) -> float:
        return self.clock.now() - self.t0

    def label(self, message_id) -> str:
        return self.labels.get(message_id, repr(message_id))

    def add(self, **kw) -> Event:
        with self._lock:
            ev = Event(seq=next(self._seq), **kw)
            if ev.op == "send" and ev.message_id not in self.labels:
                self.labels[ev.message_id] = f"m{len(self.labels) + 1}"
            self.events.append(ev)
            return ev

    def of(self, queue: str) -> list[Event]:
        return [e for e in self.events if e.queue == queue]


def fmt_s(seconds: float) -> str:
    """`12 s`, `1.5 s`, `0.25 s`, `345,600 s` - times as a learner reads them (in the course
    language: the number is the same in every language)."""
    if seconds == FOREVER:
        return tr("forever")
    if float(seconds).is_integer():
        return tr("{seconds} s", seconds=f"{int(seconds):,}")
    return tr("{seconds} s", seconds=f"{seconds:,.3f}".rstrip("0").rstrip("."))


class Recorder:
    """The learner's queue, seen through a logger. One per queue in a scenario.

    `takes=True` is exercise 01's queue, where receive removes the message (no handles).
    """

    def __init__(self, queue, history: History, name: str = "queue", *, visibility_timeout=FOREVER,
                 delay=0.0, takes=False, fifo=False, cls_name="MyQueue"):
        self.q, self.h, self.name = queue, history, name
        self.visibility_timeout, self.delay = visibility_timeout, delay
        self.takes, self.fifo, self.cls = takes, fifo, cls_name
        self._batches = itertools.count(1)
        self._by_handle = {}       # receipt handle -> message id, for naming messages in deletes

    # -- producers ---------------------------------------------------------------------------
    def send(self, who: str, body: str, *, delay=None, group=None, dedup=None):
        __tracebackhide__ = True
        kw = {}
        if delay is not None:
            kw["delay"] = delay
        if group is not None:
            kw["group_id"] = group
        if dedup is not None:
            kw["deduplication_id"] = dedup
        args = ", ".join([repr(body)] + [f"{k}={v!r}" for k, v in kw.items()])
        with learner_code(mark("{who} called send({args})"), who=who, args=args):
            mid = self.q.send(body, **kw)
        self._check_id(mid, f"send({args})")
        self.h.add(t=self.h.now(), who=who, op="send", queue=self.name, message_id=mid, body=body,
                   delay=self.delay if delay is None else delay, group=group, dedup=dedup)
        return mid

    def send_batch(self, who: str, bodies: list[str]):
        __tracebackhide__ = True
        with learner_code(mark("{who} called send_batch() with 1 body") if len(bodies) == 1 else
                          mark("{who} called send_batch() with {n} bodies"), who=who, n=len(bodies)):
            ids = self.q.send_batch(list(bodies))
        if not isinstance(ids, (list, tuple)) or len(ids) != len(bodies):
            raise CheckFailed(ONE_ID_EACH, mark("send_batch() with {n} bodies returned {ids!r}."), n=len(bodies),
                              ids=ids)
        t = self.h.now()
        for mid, body in zip(ids, bodies):
            self._check_id(mid, "send_batch(...)")
            self.h.add(t=t, who=who, op="send", queue=self.name, message_id=mid, body=body, delay=self.delay)
        if len(set(ids)) != len(ids):
            raise CheckFailed(mark("every message gets its own id"), mark("send_batch() returned repeated ids: {ids!r}."),
                              ids=ids)
        return list(ids)

    # -- consumers ---------------------------------------------------------------------------
    def receive(self, who: str, max_messages: int = 1, visibility_timeout=None):
        __tracebackhide__ = True
        kw = {"max_messages": max_messages}
        if visibility_timeout is not None:
            kw["visibility_timeout"] = visibility_timeout
        args = ", ".join(f"{k}={v!r}" for k, v in kw.items())
        with learner_code(mark("{who} called receive({args})"), who=who, args=args):
            got = self.q.receive(**kw)
        t = self.h.now()
        widths = (2, 3) if self.takes else (3,)   # exercise 01's checks also grade the queue of later steps
        shape = "(message_id, body)" if self.takes else "(message_id, body, receipt_handle)"
        if not isinstance(got, (list, tuple)) or any(not isinstance(m, (list, tuple)) or len(m) not in widths for m in got):
            raise CheckFailed(tr("receive returns a list of {shape} tuples", shape=shape),
                              mark("receive({args}) returned {got!r}."), args=args, got=got)
        if len(got) > max_messages:
            raise CheckFailed(mark("receive returns at most max_messages messages"),
                              mark("receive({args}) returned {n} messages."), args=args, n=len(got))
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        batch = next(self._batches)
        for m in got:
            mid, body = m[0], m[1]
            handle = None if self.takes else m[2]
            if handle is not None:
                try:
                    self._by_handle[handle] = mid
                except TypeError:
                    raise CheckFailed(mark("a receipt handle is a string"),
                                      mark("receive returned the handle {handle!r}."), handle=handle) from None
            self.h.add(t=t, who=who, op="receive", queue=self.name, message_id=mid, body=body, handle=handle,
                       timeout=FOREVER if self.takes else timeout, batch=batch)
            if self.takes:
                self.h.add(t=t, who=who, op="delete", queue=self.name, message_id=mid, handle=None)
        return [tuple(m) for m in got]

    def delete(self, who: str, handle):
        __tracebackhide__ = True
        mid = self._message_of(handle)
        # Logged before the call: once the queue forgets the message, another thread may act on
        # what follows (the next message of a FIFO group) and that must come later in the log.
        self.h.add(t=self.h.now(), who=who, op="delete", queue=self.name, message_id=mid, handle=handle)
        with learner_code(mark("{who} called delete() with the receipt handle of {m}"), who=who, m=self.h.label(mid)):
            self.q.delete(handle)

    def delete_batch(self, who: str, handles):
        __tracebackhide__ = True
        t = self.h.now()
        good = [h for h in handles if self._message_of(h) is not None]
        for handle in good:  # logged before the call, like delete
            self.h.add(t=t, who=who, op="delete", queue=self.name, message_id=self._message_of(handle),
                       handle=handle)
        with learner_code(mark("{who} called delete_batch() with {n} receipt handles"), who=who, n=len(handles)):
            failed = self.q.delete_batch(list(handles))
        rule = mark("delete_batch deletes every valid receipt handle and returns the list of those it could not delete")
        if not isinstance(failed, (list, tuple)):
            raise CheckFailed(rule, mark("delete_batch() returned {failed!r}."), failed=failed)
        bad = [h for h in handles if h not in good]
        if sorted(map(repr, failed)) != sorted(map(repr, bad)):
            raise CheckFailed(rule, mark("delete_batch() with {good} valid and {bad} invalid handles ({invalid!r}) "
                                         "returned failed={failed!r}."), good=len(good), bad=len(bad), invalid=bad,
                              failed=list(failed))
        return list(failed)

    def change_visibility(self, who: str, handle, timeout):
        __tracebackhide__ = True
        mid = self._message_of(handle)
        self.h.add(t=self.h.now(), who=who, op="change", queue=self.name, message_id=mid, handle=handle,
                   timeout=timeout)  # logged before the call, like delete
        with learner_code(mark("{who} called change_visibility() for {m} with {timeout} s"), who=who,
                          m=self.h.label(mid), timeout=timeout):
            self.q.change_visibility(handle, timeout)

    # -- helpers -----------------------------------------------------------------------------
    def _message_of(self, handle):
        try:
            return self._by_handle.get(handle)
        except TypeError:
            return None

    def _check_id(self, mid, call):
        __tracebackhide__ = True
        try:
            hash(mid)
        except TypeError:
            raise CheckFailed(SEND_ID, mark("{call} returned {mid!r}."), call=call, mid=mid) from None
        if mid is None:
            raise CheckFailed(SEND_ID, mark("{call} returned None."), call=call)

    def drain(self, who: str = "Z", rounds: int = 10_000) -> int:
        """A last consumer, Z, receives and deletes until the queue answers empty; returns how many
        it took."""
        __tracebackhide__ = True
        taken = 0
        for _ in range(rounds):
            got = self.receive(who, max_messages=10)
            if not got:
                return taken
            taken += len(got)
            if not self.takes:
                for m in got:
                    self.delete(who, m[2])
        raise CheckFailed(mark("a deleted message is never delivered again"),
                          mark("a consumer that receives and deletes everything still got messages after {rounds:,} "
                               "rounds: does delete really remove the message?"), rounds=rounds)
