"""Calls of a learner's queue at the same time, under the controlled scheduler (interleave.py).

Two kinds of scenario, both the same on every run:

- `every_overlap`: two calls, A and B, on a queue in a given state. A is stopped before each
  point where its code touches the queue, one point per run, and B runs from start to end right
  there. That is every way the two calls can overlap with one switch, which is where nearly all
  races of a queue live (a check and the act that depends on it, a read and the write-back).
- `crowd`: producers and consumers on threads, switched at points chosen by a seeded generator,
  for what takes more than two threads (crashed consumers, redeliveries, batches).

A failure tells the learner what each thread did and where the switch fell, in their own code.
"""
from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass
from typing import Callable

from ..i18n import mark, tr
from . import interleave as il
from .failures import CheckFailed, raised, say

LOCK_HINT = mark("hint: two threads must never look at or change the queue's state at the same time; do every "
                 "look-then-change inside one `with self._lock:` block.")
NO_LOCK = mark("Your queue takes no lock at all, so nothing stops two calls from changing it at once.")
ANSWERS = mark("a queue answers every call (no call waits forever)")


@dataclass
class Op:
    """One call a thread makes, named the way the learner would write it."""
    words: str                                   # e.g. "receive(max_messages=2)" (marked with mark() if it has words)
    run: Callable[[object, str], object]         # (world, who) -> anything


@dataclass
class Race:
    """What a failing run did, for the message."""
    a: Op
    b: Op
    where: il.Point | None
    held: int
    failure: CheckFailed | BaseException


def _describe(race: Race, locks_used: int) -> str:
    a, b, p = race.a, race.b, race.where
    lines = [tr("Thread A called {a} and thread B called {b} at the same moment.", a=say(a.words), b=say(b.words))]
    if p is not None:
        src = p.source()
        at = (tr("line {line} of your {function}(), `{source}`", line=p.line, function=p.function, source=src) if src
              else tr("line {line} of your {function}()", line=p.line, function=p.function))
        lines.append(tr("A was stopped at {at}, while holding a lock; B ran from start to end right there; then A "
                        "went on.", at=at) if race.held else
                     tr("A was stopped at {at}, holding no lock; B ran from start to end right there; then A went "
                        "on.", at=at))
    if locks_used == 0:
        lines.append(tr(NO_LOCK))
    elif p is not None and not race.held:
        lines.append(tr("That point is outside your `with self._lock:` block."))
    elif p is not None:
        lines.append(tr("A held the lock there, so B's {method}() went ahead without taking it.",
                        method=b.words.split("(")[0]))
    lines.append(tr(LOCK_HINT))
    return "\n".join(lines)


def _with_story(f, story: str):
    """The failure `f` (a CheckFailed or the learner's exception) told with what the threads did."""
    __tracebackhide__ = True
    if isinstance(f, CheckFailed):
        raise CheckFailed(f.rule, f"{f.detail}\n{story}" if f.detail else story) from None
    raise CheckFailed("", f"{raised(f)}\n{story}") from None


def _fail_with(race: Race, locks_used: int):
    __tracebackhide__ = True
    _with_story(race.failure, _describe(race, locks_used))


def _fail_plain(a: Op, b: Op, f):
    __tracebackhide__ = True
    _with_story(f, tr("Thread A called {a}; when it had returned, thread B called {b}.", a=say(a.words),
                      b=say(b.words)))


def every_overlap(build: Callable[[], object], pairs: list[tuple[Op, Op]], judge: Callable[[object], None],
                  code: set) -> dict:
    """Run each pair (A, B) once per point of A, B running to the end at that point, each run on a
    fresh world from `build()`; `judge(world)` raises CheckFailed if the end state breaks a rule.

    Returns {"runs": n, "locks": lock acquisitions seen}; raises CheckFailed at the first failure.
    """
    __tracebackhide__ = True
    runs = locks = 0
    for a, b in pairs:
        for at in itertools.count(0):       # 0: A, then B, no switch at all
            world = build()
            sched = il.run(il.PreemptOnce("A", "B", at), {"A": lambda: a.run(world, "A"),
                                                          "B": lambda: b.run(world, "B")}, code)
            runs += 1
            locks += sched.acquired
            where = sched.switches[0][0] if sched.switches else None
            held = sched.switches[0][2] if sched.switches else 0
            failure = _run_failure(sched)
            if failure is None:
                try:
                    judge(world)
                except CheckFailed as exc:
                    failure = exc
            if failure is not None and at == 0:     # wrong even one call after the other: not a race
                _fail_plain(a, b, failure)
            if failure is not None:
                _fail_with(Race(a, b, where, held, failure), locks)
            if at and not sched.switches:   # A finished before reaching point `at`: every point was tried
                break
    return {"runs": runs, "locks": locks}


def _run_failure(sched: il.Scheduler):
    if sched.deadlock:
        names = ", ".join(w.name for w in sched.deadlock)
        return CheckFailed(ANSWERS, mark("thread {names} waited for a lock that was never released: a method "
                                         "holding self._lock called another method that takes it again "
                                         "(threading.Lock is not re-entrant), or two queues' locks were taken in "
                                         "opposite orders."), names=names)
    if sched.stuck:
        return CheckFailed(ANSWERS, mark("a call had not returned after {seconds:.0f} s of real time: is there a "
                                         "loop that never ends, or a lock taken and never released?"),
                           seconds=il.STUCK_SECONDS)
    for w in sched.workers:
        if w.error is not None:
            return w.error
    return None


def crowd(jobs: dict[str, Callable[[], None]], code: set, seed: int, p: float = 0.25) -> int:
    """Run `jobs` on controlled threads switched at points a seeded generator picks; raise the
    first failure. Returns how many lock acquisitions the learner's code made."""
    __tracebackhide__ = True
    sched = il.run(il.Seeded(seed, p), jobs, code)
    failure = _run_failure(sched)
    if failure is not None:
        failure.locks = sched.acquired
        raise failure
    return sched.acquired


def race_story(locks: int) -> str:
    """What a crowd run that fails only with thread switches says about it."""
    lines = [tr("It goes wrong only when the threads switch in the middle of your methods: a race.")]
    if locks == 0:
        lines.append(tr(NO_LOCK))
    lines.append(tr(LOCK_HINT))
    return "\n".join(lines)


def producers_and_consumers(rec, *, producers: int, per_producer: int, consumers: int, batch: bool = False,
                            delete=lambda body: True, group_of=None, code: set, seed: int, p: float = 0.25) -> int:
    """Producers send `per_producer` messages each while consumers receive (and delete what
    `delete(body)` approves); consumers stop once producers are done and the queue answers empty.
    Returns the learner's lock acquisitions."""
    __tracebackhide__ = True
    left = [producers]
    guard = threading.Lock()   # ours, made before the learner's queue: a real lock, never switched inside

    def producer(name):
        def go():
            bodies = [f"{name}-{i}" for i in range(1, per_producer + 1)]
            try:
                if batch:
                    for i in range(0, len(bodies), 10):
                        rec.send_batch(name, bodies[i:i + 10])
                else:
                    for body in bodies:
                        if group_of is None:
                            rec.send(name, body)
                        else:
                            rec.send(name, body, group=group_of(name), dedup=body)
            finally:
                with guard:
                    left[0] -= 1
        return go

    budget = [3 * max(producers * per_producer, 30) + 30]   # a broken queue may hand out messages forever

    def consumer(name):
        def go():
            for _ in range(10_000):
                was_done = left[0] == 0
                got = rec.receive(name, max_messages=10)
                with guard:
                    budget[0] -= len(got)
                    if budget[0] < 0:
                        return
                if not got:
                    if was_done:
                        return
                    continue
                if rec.takes:
                    continue
                keep = [m[2] for m in got if delete(m[1])]
                if batch and keep:
                    rec.delete_batch(name, keep)
                else:
                    for handle in keep:
                        rec.delete(name, handle)
        return go

    jobs = {f"P{i}": producer(f"P{i}") for i in range(1, producers + 1)}
    jobs.update({f"C{i}": consumer(f"C{i}") for i in range(1, consumers + 1)})
    return crowd(jobs, code, seed, p)
