"""Run a learner's methods on threads, one thread at a time, switching exactly where we choose.

A race in a queue without a lock shows up only if a thread switch falls inside a few bytecodes,
which free-running threads on a 2-core machine rarely do. So the checks do not wait for luck:
every controlled thread runs only when the scheduler hands it the turn, and a trace function
stops it before each bytecode of the learner's own code that touches shared state (an attribute,
a subscript, a call, an iteration). A *schedule* says where to switch, so a run is a pure
function of its schedule: the same schedule gives the same interleaving, on any machine, every
time.

The learner's locks are swapped for `CoopLock`s while the queue is built: a thread that would
block on one gives the turn away instead, and every acquisition is recorded, so a check can say
"your queue takes no lock at all" when that is the case.
"""
from __future__ import annotations

import dis
import functools
import random
import sys
import threading
import _thread
from contextlib import contextmanager
from dataclasses import dataclass, field

REAL_LOCK = _thread.allocate_lock
REAL_RLOCK = threading.RLock
LOCK_TYPES = (type(REAL_LOCK()), type(REAL_RLOCK()))
STUCK_SECONDS = 10.0

# Instructions before which another thread's work can change what this one sees or does.
SHARED = {"LOAD_ATTR", "STORE_ATTR", "DELETE_ATTR", "BINARY_SUBSCR", "STORE_SUBSCR", "DELETE_SUBSCR",
          "BINARY_SLICE", "STORE_SLICE", "CONTAINS_OP", "CALL", "CALL_KW", "CALL_FUNCTION_EX", "FOR_ITER",
          "GET_ITER", "STORE_GLOBAL", "LOAD_DEREF", "STORE_DEREF", "BEFORE_WITH"}


@functools.lru_cache(maxsize=4096)
def shared_offsets(code) -> frozenset:
    """Where in `code` a thread may be stopped: before each instruction touching shared state."""
    return frozenset(i.offset for i in dis.get_instructions(code) if i.opname in SHARED)


class Aborted(BaseException):
    """Raised in a controlled thread to unwind it (a deadlock, or the run was given up)."""


@dataclass
class Point:
    """Where a thread stood when the scheduler stopped it."""
    thread: str
    function: str
    line: int
    filename: str

    def source(self) -> str:
        import linecache
        return linecache.getline(self.filename, self.line).strip()


@dataclass
class Worker:
    name: str
    fn: object
    turn: threading.Event = field(default_factory=threading.Event)
    points: int = 0
    done: bool = False
    waiting_for: object = None
    error: BaseException | None = None
    where: Point | None = None
    abort: bool = False
    held: int = 0                 # CoopLocks this thread holds now


class Scheduler:
    """Hands the turn from thread to thread; `policy` decides where."""

    def __init__(self, policy, learner_code):
        self.policy = policy
        self.workers: list[Worker] = []
        self.current: Worker | None = None
        self.local = threading.local()
        self.all_done = threading.Event()
        self.free = False                 # given up on control: threads run as they like
        self.deadlock: list[Worker] | None = None
        self.stuck = False
        self.switches: list[tuple[Point, str, int]] = []   # (where, to whom, locks the stopped thread held)
        self.acquired = 0                 # lock acquisitions by controlled threads
        self.offsets = {code: shared_offsets(code) for code in learner_code}

    # -- running ---------------------------------------------------------------------------
    def run(self, jobs: dict[str, object]) -> None:
        self.workers = [Worker(name, fn) for name, fn in jobs.items()]
        threads = [threading.Thread(target=self._body, args=(w,), name=w.name, daemon=True) for w in self.workers]
        for th in threads:
            th.start()
        first = self.policy.first(self.workers)
        self.current = first
        first.turn.set()
        if not self.all_done.wait(STUCK_SECONDS):
            self.stuck = self.free = True  # a learner's loop that never ends, or a real lock we did not swap
            for w in self.workers:
                w.turn.set()
        for th in threads:
            th.join(STUCK_SECONDS)

    def _body(self, w: Worker) -> None:
        self.local.worker = w
        w.turn.wait()
        try:
            w.fn()
        except Aborted:
            pass
        except BaseException as exc:  # noqa: BLE001 - the check reads it
            w.error = exc
        finally:
            self._finish(w)

    def _finish(self, w: Worker) -> None:
        w.done = True
        if self.free:
            if all(x.done for x in self.workers):
                self.all_done.set()
            return
        nxt = self.policy.next(self, w, self.runnable(exclude=w))
        if nxt is not None:
            self._hand(w, nxt, wait=False)
        elif all(x.done for x in self.workers):
            self.all_done.set()
        else:
            self._deadlocked()

    def runnable(self, exclude=None) -> list[Worker]:
        return [x for x in self.workers if not x.done and x is not exclude
                and (x.waiting_for is None or not x.waiting_for.locked())]

    def _hand(self, me: Worker, to: Worker, wait: bool = True) -> None:
        if to is me:
            return
        self.current = to
        if wait:
            me.turn.clear()
        to.turn.set()
        if wait:
            me.turn.wait()
            if me.abort:
                raise Aborted()

    def _deadlocked(self) -> None:
        self.deadlock = [x for x in self.workers if not x.done]
        for x in self.deadlock:
            x.abort = True
            x.turn.set()

    # -- watching the learner's code ---------------------------------------------------------
    def _instruction(self, code, offset):
        w = getattr(self.local, "worker", None)
        if w is None or self.free or offset not in self.offsets[code]:
            return
        self.point(sys._getframe(1))

    def point(self, frame) -> None:
        w = self.local.worker
        w.points += 1
        w.where = Point(w.name, frame.f_code.co_name, frame.f_lineno, frame.f_code.co_filename)
        to = self.policy.at_point(self, w, w.points)
        if to is not None and to is not w:
            self.switches.append((w.where, to.name, w.held))
            self._hand(w, to)

    # -- locks -------------------------------------------------------------------------------
    def controlled(self) -> Worker | None:
        return getattr(self.local, "worker", None)

    def wait_for(self, lock) -> None:
        """The current thread would block on `lock`: give the turn to someone who can run."""
        w = self.local.worker
        w.waiting_for = lock
        try:
            others = self.runnable(exclude=w)
            if not others:
                self._deadlocked()
                raise Aborted()
            self._hand(w, self.policy.next(self, w, others) or others[0])
        finally:
            w.waiting_for = None


class CoopLock:
    """A threading.Lock (or RLock) that, in a controlled thread, yields instead of blocking."""

    def __init__(self, reentrant: bool = False):
        self._real = REAL_LOCK()
        self.reentrant = reentrant
        self._owner = None
        self._count = 0

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        sched = ACTIVE.scheduler
        me = threading.get_ident()
        if self.reentrant and self._owner == me:
            self._count += 1
            return True
        w = sched.controlled() if sched is not None and not sched.free else None
        if w is None:
            ok = self._real.acquire(blocking, timeout)
        else:
            sched.acquired += 1
            while True:
                ok = self._real.acquire(False)
                if ok or not blocking:
                    break
                if self._owner == me:       # a plain Lock taken twice by one thread: blocks forever
                    sched._deadlocked()
                    raise Aborted()
                sched.wait_for(self)
        if ok:
            self._owner, self._count = me, 1
            if w is not None:
                w.held += 1
        return ok

    def release(self) -> None:
        if self.reentrant and self._owner == threading.get_ident() and self._count > 1:
            self._count -= 1
            return
        self._owner, self._count = None, 0
        self._real.release()
        sched = ACTIVE.scheduler
        w = sched.controlled() if sched is not None else None
        if w is not None and w.held:
            w.held -= 1

    def locked(self) -> bool:
        return self._real.locked()

    __enter__ = acquire

    def __exit__(self, *exc) -> None:
        self.release()

    # threading.Condition(lock) uses these when present
    def _is_owned(self) -> bool:
        return self._owner == threading.get_ident()


class _Active:
    scheduler: Scheduler | None = None


ACTIVE = _Active()


@contextmanager
def coop_locks():
    """While the learner's queue is built, threading.Lock() and RLock() make CoopLocks."""
    old = threading.Lock, threading.RLock
    threading.Lock = lambda: CoopLock()
    threading.RLock = lambda *a, **k: CoopLock(reentrant=True)
    try:
        yield
    finally:
        threading.Lock, threading.RLock = old


def swap_locks(obj) -> None:
    """Replace real locks the queue reaches through its attributes (made by `from threading import
    Lock`, or once for the whole class) by CoopLocks, one per queue."""
    def coop(value):
        if isinstance(value, LOCK_TYPES):
            return CoopLock(reentrant=isinstance(value, type(REAL_RLOCK())))
        if isinstance(value, threading.Condition) and isinstance(value._lock, LOCK_TYPES):
            return threading.Condition(coop(value._lock))
        return None

    names = dict.fromkeys(list(vars(obj)) + [n for cls in type(obj).__mro__[:-1] for n in vars(cls)])
    for name in names:
        if name.startswith("__"):
            continue
        new = coop(getattr(obj, name, None))
        if new is not None:
            setattr(obj, name, new)


def learner_code(*objs) -> set:
    """The code objects of the learner's classes and functions, and of everything else defined
    in the same files (helpers, records), nested functions included; never the grader's own."""
    import inspect

    def functions_of(cls):
        return [getattr(v, "__func__", v) for v in vars(cls).values() if hasattr(getattr(v, "__func__", v), "__code__")]

    funcs = []
    for obj in objs:
        if isinstance(obj, type):
            for cls in inspect.getmro(obj)[:-1]:
                funcs += functions_of(cls)
        elif hasattr(obj, "__code__"):
            funcs.append(obj)
    here = __file__.rsplit("/", 1)[0]
    files = {f.__code__.co_filename for f in funcs if not f.__code__.co_filename.startswith(here)}
    neighbours = []
    for namespace in {id(f.__globals__): f.__globals__ for f in funcs}.values():
        for v in list(namespace.values()):
            if inspect.isfunction(v):
                neighbours.append(v)
            elif isinstance(v, type):
                neighbours += functions_of(v)
    seen = set()

    def walk(code):
        if code not in seen and code.co_filename in files:
            seen.add(code)
            for c in code.co_consts:
                if inspect.iscode(c):
                    walk(c)
    for f in funcs + neighbours:
        walk(f.__code__)
    return seen


# -- policies ------------------------------------------------------------------------------------
class PreemptOnce:
    """Run `a` until its `at`-th point, run `b` to the end there, then let `a` finish."""

    def __init__(self, a: str, b: str, at: int):
        self.a, self.b, self.at = a, b, at

    def first(self, workers):
        return next(w for w in workers if w.name == self.a)

    def at_point(self, sched, w, index):
        if w.name == self.a and index == self.at:
            return next((x for x in sched.runnable(exclude=w) if x.name == self.b), None)
        return None

    def next(self, sched, me, runnable):
        return runnable[0] if runnable else None


class Seeded:
    """Switch at a point with probability `p`, to a thread picked by a seeded generator."""

    def __init__(self, seed: int, p: float = 0.2):
        self.rng, self.p = random.Random(seed), p

    def first(self, workers):
        return workers[self.rng.randrange(len(workers))]

    def at_point(self, sched, w, index):
        if self.rng.random() < self.p:
            others = sched.runnable(exclude=w)
            if others:
                return others[self.rng.randrange(len(others))]
        return None

    def next(self, sched, me, runnable):
        return runnable[self.rng.randrange(len(runnable))] if runnable else None


def run(policy, jobs: dict, code) -> Scheduler:
    """Run `jobs` (name -> function) on controlled threads; `code` is the learner's code objects."""
    sched = Scheduler(policy, code)
    mon = sys.monitoring
    tool = next(t for t in (4, 3, 2, 1, 0) if mon.get_tool(t) is None)
    mon.use_tool_id(tool, "toyqueue interleave")
    mon.register_callback(tool, mon.events.INSTRUCTION, sched._instruction)
    for c in sched.offsets:
        mon.set_local_events(tool, c, mon.events.INSTRUCTION)
    ACTIVE.scheduler = sched
    try:
        sched.run(jobs)
    finally:
        ACTIVE.scheduler = None
        for c in sched.offsets:
            mon.set_local_events(tool, c, 0)
        mon.register_callback(tool, mon.events.INSTRUCTION, None)
        mon.free_tool_id(tool)
    return sched
