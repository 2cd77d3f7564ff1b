"""Pieces every exercise's checks share: building the learner's queue, the threaded scenario,
and the pass summary a check cell prints (the same text on every run, for nbval)."""
from __future__ import annotations

import functools
import threading

from ..clock import VirtualClock
from .concurrent import producers_and_consumers
from .failures import CheckFailed, learner_code
from .record import FOREVER, History, Recorder
from .rules import replay

STUCK_SECONDS = 30
LOCK_HINT = "hint: two threads must never change the queue's state at the same time; guard it with a threading.Lock"


def make(cls, clock, **kw):
    """Build the learner's queue; a TODO in __init__ or a bad signature becomes a clear failure."""
    __tracebackhide__ = True
    args = ", ".join(["clock"] + [f"{k}={v!r}" for k, v in kw.items()])
    with learner_code(f"creating {cls.__name__}({args})"):
        return cls(clock, **kw)


def fail(rule: str, detail: str):
    __tracebackhide__ = True
    raise CheckFailed(rule, detail)


def passed(title: str, lines: list[str]) -> str:
    """The summary a passing check prints: the same text on every run, for nbval."""
    return "\n".join([f"PASS {title}"] + [f"  - {line}" for line in lines])


def check(fn):
    """Make `fn` a check: run it on a helper thread, so a learner's queue that never answers (a
    threading.Lock taken twice, say) fails with an explanation instead of hanging the notebook;
    then print its summary from the caller's thread, where the notebook cell captures it."""
    @functools.wraps(fn)
    def run(*args, **kw):
        __tracebackhide__ = True
        box = {}

        def go():
            try:
                box["summary"] = fn(*args, **kw)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller
                box["error"] = exc

        worker = threading.Thread(target=go, name=fn.__name__, daemon=True)
        worker.start()
        worker.join(STUCK_SECONDS)
        if worker.is_alive():
            raise CheckFailed("a queue answers every call (no call waits forever)",
                              f"{fn.__name__} was still waiting for your code after {STUCK_SECONDS} s of real "
                              "time. A common cause: a method holding self._lock calls another method that takes "
                              "it again (threading.Lock is not re-entrant). Fix it, re-run the cell that defines "
                              "your code, then this check.")
        error = box.get("error")
        if isinstance(error, CheckFailed):
            raise error.with_traceback(None)  # the message says it all; the grader's frames would not help
        if error is not None:
            raise error
        print(box["summary"])
    return run


def counts(q, doing: str) -> dict:
    __tracebackhide__ = True
    with learner_code(doing):
        got = q.counts()
    if not isinstance(got, dict):
        fail("counts() returns a dict like {'visible': 2, 'inflight': 1}", f"counts() returned {got!r}.")
    return got


def expect_counts(q, want: dict, after: str):
    __tracebackhide__ = True
    got = counts(q, f"calling counts() {after}")
    mine = {k: got.get(k) for k in want}
    if mine != want:
        fail("counts() tells how many messages are visible and how many are in flight",
             f"{after}, counts() returned {got!r}; expected {want!r}.")


def check_threads(cls, *, kwargs=None, takes=False, held=False, batch=False, producers=3, per_producer=40,
                  consumers=4, visibility_timeout=30, crash_every=0, title="many producers and consumers at once"):
    """The threaded scenario: every message delivered, none twice while in flight, none lost.

    With `crash_every=k`, consumers "crash" on every k-th message (never delete it); after the
    visibility timeout a second round of consumers must get exactly those back.
    """
    __tracebackhide__ = True
    clock = VirtualClock()
    h = History(clock)
    q = make(cls, clock, **(kwargs or {}))
    rec = Recorder(q, h, takes=takes, visibility_timeout=FOREVER if (takes or held) else visibility_timeout,
                   cls_name=cls.__name__)
    total = producers * per_producer
    scenario = (f"{producers} producers send {per_producer} messages each while {consumers} consumers receive "
                f"{'and delete ' if not takes else ''}them, all on threads at the same time")
    keep = (lambda body: int(body.rsplit("-", 1)[1]) % crash_every != 0) if crash_every else (lambda body: True)
    if crash_every:
        scenario += f"; consumers crash before deleting every {crash_every}th message of each producer"
    scenario += f" ({LOCK_HINT})."
    producers_and_consumers(rec, producers=producers, per_producer=per_producer, consumers=consumers,
                            batch=batch, delete=keep)
    replay(h, takes=takes, held=held, expect_all_deleted=False).raise_first(scenario)
    lines = [f"{producers} producers and {consumers} consumers on threads, {total} messages"]
    if crash_every:
        clock.advance(visibility_timeout + 1)
        producers_and_consumers(rec, producers=0, per_producer=0, consumers=consumers, batch=batch)
        crashed = producers * (per_producer // crash_every)
        lines.append(f"{crashed} messages whose consumer crashed came back after the visibility timeout")
    elif not held and not takes:
        clock.advance(visibility_timeout + 1)
    rec.drain()
    v = replay(h, takes=takes, held=held)
    v.raise_first(scenario)
    if len(v.messages) != total:
        fail("every message gets its own id", f"{total} sends returned only {len(v.messages)} different ids.")
    if crash_every and v.redeliveries != crashed:
        fail("a message whose visibility timeout ends becomes visible again",
             f"{crashed} messages were never deleted in the first round, but {v.redeliveries} were delivered "
             f"again.\nScenario: {scenario}")
    lines.append("every message delivered, none twice while in flight, none lost")
    return passed(title, lines)
