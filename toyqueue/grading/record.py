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

from .failures import CheckFailed, learner_code

FOREVER = math.inf


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
    """`12 s`, `1.5 s`, `0.25 s`, `345,600 s` - times as a learner reads them."""
    if seconds == FOREVER:
        return "forever"
    if float(seconds).is_integer():
        return f"{int(seconds):,} s"
    return f"{seconds:,.3f}".rstrip("0").rstrip(".") + " s"


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
        with learner_code(f"{who} called send({args})"):
            mid = self.q.send(body, **kw)
        self._check_id(mid, f"send({args})")
        self.h.add(t=self.h.now(), who=who, op="send", queue=self.name, message_id=mid, body=body,
                   delay=self.delay if delay is None else delay, group=group, dedup=dedup)
        return mid

    def send_batch(self, who: str, bodies: list[str]):
        __tracebackhide__ = True
        with learner_code(f"{who} called send_batch() with {len(bodies)} bod{'y' if len(bodies) == 1 else 'ies'}"):
            ids = self.q.send_batch(list(bodies))
        if not isinstance(ids, (list, tuple)) or len(ids) != len(bodies):
            raise CheckFailed("send_batch returns one message id per body, in order",
                              f"send_batch() with {len(bodies)} bodies returned {ids!r}.")
        t = self.h.now()
        for mid, body in zip(ids, bodies):
            self._check_id(mid, "send_batch(...)")
            self.h.add(t=t, who=who, op="send", queue=self.name, message_id=mid, body=body, delay=self.delay)
        if len(set(ids)) != len(ids):
            raise CheckFailed("every message gets its own id", f"send_batch() returned repeated ids: {ids!r}.")
        return list(ids)

    # -- consumers ---------------------------------------------------------------------------
    def receive(self, who: str, max_messages: int = 1, visibility_timeout=None):
        __tracebackhide__ = True
        kw = {"max_messages": max_messages}
        if visibility_timeout is not None:
            kw["visibility_timeout"] = visibility_timeout
        args = ", ".join(f"{k}={v!r}" for k, v in kw.items())
        with learner_code(f"{who} called receive({args})"):
            got = self.q.receive(**kw)
        t = self.h.now()
        widths = (2, 3) if self.takes else (3,)   # exercise 01's checks also grade the queue of later steps
        shape = "(message_id, body)" if self.takes else "(message_id, body, receipt_handle)"
        if not isinstance(got, (list, tuple)) or any(not isinstance(m, (list, tuple)) or len(m) not in widths for m in got):
            raise CheckFailed(f"receive returns a list of {shape} tuples",
                              f"receive({args}) returned {got!r}.")
        if len(got) > max_messages:
            raise CheckFailed("receive returns at most max_messages messages",
                              f"receive({args}) returned {len(got)} messages.")
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        batch = next(self._batches)
        for m in got:
            mid, body = m[0], m[1]
            handle = None if self.takes else m[2]
            if handle is not None:
                try:
                    self._by_handle[handle] = mid
                except TypeError:
                    raise CheckFailed("a receipt handle is a string", f"receive returned the handle {handle!r}.") from None
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
        with learner_code(f"{who} called delete() with the receipt handle of {self.h.label(mid)}"):
            self.q.delete(handle)

    def delete_batch(self, who: str, handles):
        __tracebackhide__ = True
        t = self.h.now()
        good = [h for h in handles if self._message_of(h) is not None]
        for handle in good:  # logged before the call, like delete
            self.h.add(t=t, who=who, op="delete", queue=self.name, message_id=self._message_of(handle),
                       handle=handle)
        with learner_code(f"{who} called delete_batch() with {len(handles)} receipt handles"):
            failed = self.q.delete_batch(list(handles))
        rule = "delete_batch deletes every valid receipt handle and returns the list of those it could not delete"
        if not isinstance(failed, (list, tuple)):
            raise CheckFailed(rule, f"delete_batch() returned {failed!r}.")
        bad = [h for h in handles if h not in good]
        if sorted(map(repr, failed)) != sorted(map(repr, bad)):
            raise CheckFailed(rule, f"delete_batch() with {len(good)} valid and {len(bad)} invalid handles "
                                    f"({bad!r}) returned failed={list(failed)!r}.")
        return list(failed)

    def change_visibility(self, who: str, handle, timeout):
        __tracebackhide__ = True
        mid = self._message_of(handle)
        self.h.add(t=self.h.now(), who=who, op="change", queue=self.name, message_id=mid, handle=handle,
                   timeout=timeout)  # logged before the call, like delete
        with learner_code(f"{who} called change_visibility() for {self.h.label(mid)} with {timeout} s"):
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
            raise CheckFailed("send returns the new message's id (a string)", f"{call} returned {mid!r}.") from None
        if mid is None:
            raise CheckFailed("send returns the new message's id (a string)", f"{call} returned None.")

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
        raise CheckFailed("a deleted message is never delivered again",
                          f"a consumer that receives and deletes everything still got messages after {rounds:,} "
                          "rounds: does delete really remove the message?")
