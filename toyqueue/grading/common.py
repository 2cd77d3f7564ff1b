"""Pieces every exercise's checks share: taking the learner's class or functions (with a clear
word for the common slips), building their queue, the overlap and crowd scenarios, and the pass
summary a check cell prints (the same text on every run, for nbval)."""
from __future__ import annotations

import difflib
import functools
import inspect
import threading

from ..i18n import mark, tr
from . import interleave as il
from . import mycode
from .concurrent import ANSWERS, Op, every_overlap, producers_and_consumers, race_story
from .failures import CheckFailed, NotImplementedYet, Text, learner_code, say
from .record import FOREVER, History, Recorder
from .rules import COMES_BACK, OWN_ID, replay

STUCK_SECONDS = 30


def fail(rule: str, detail: str, /, **fields):
    """Raise CheckFailed: `rule` and `detail` are templates marked with mark() (or a Text, or
    words already said), filled in with `fields` in the course language (failures.say)."""
    __tracebackhide__ = True
    raise CheckFailed(rule, detail, **fields)


def passed(title: str, lines: list[str]) -> str:
    """The summary a passing check prints: the same text on every run, for nbval. `title` and
    each line are marked with mark() or said already (tr); the word PASS stays, as a code that
    the report and the tests read."""
    return "\n".join([f"PASS {say(title)}"] + [f"  - {say(line)}" for line in lines])


def check(fn):
    """Make `fn` a check: run it on a helper thread, so a learner's queue that never answers (a
    threading.Lock taken twice, say) fails with an explanation instead of hanging the notebook;
    then print its summary from the caller's thread, where the notebook cell captures it. A class
    or function loaded from myqueue.py is read again if the file changed since."""
    @functools.wraps(fn)
    def run(*args, **kw):
        __tracebackhide__ = True
        args = [mycode.fresh(a) for a in args]
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
            raise CheckFailed(ANSWERS, mark("this check was still waiting for your code after {seconds} s of real "
                                            "time. A common cause: a method holding self._lock calls another method "
                                            "that takes it again (threading.Lock is not re-entrant). Fix it, run the "
                                            "cell that loads your code again, then this check."),
                              seconds=STUCK_SECONDS)
        error = box.get("error")
        if isinstance(error, CheckFailed):
            raise error.with_traceback(None)  # the message says it all; the grader's frames would not help
        if error is not None:
            raise error
        print(box["summary"])
    return run


# -- what the learner handed in ------------------------------------------------------------------
def _params(fn):
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return None, True
    names = [p.name for p in sig.parameters.values()
             if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and p.name != "self"]
    return names, any(p.kind == p.VAR_KEYWORD for p in sig.parameters.values())


# Which exercise adds each method or parameter of the learner's queue, so a check can say where
# to look when one is missing (the learner may have skipped a step).
INTRODUCED = {"send": "01", "receive": "01", "max_messages": "01", "delete": "02", "counts": "02",
              "visibility_timeout": "03", "change_visibility": "03", "retention_period": "07",
              "delay_seconds": "07", "delay": "07", "send_batch": "08", "delete_batch": "08",
              "dead_letter_queue": "09", "max_receive_count": "09", "move_messages": "09",
              "group_id": "10", "deduplication_id": "10", "content_based_deduplication": "10"}


def _todo(item: str, step: str | None) -> str:
    """Where a missing piece is described: above, or in the earlier exercise that adds it."""
    when = INTRODUCED.get(item)
    if step is None or when is None or when == step:
        return tr("add it as described above")
    return tr("exercise {step} adds it (stuck there? mycode.use_reference(\"{step}\") in the cell that loads your "
              "queue starts you from the course's version)", step=when)


def _missing_param(owner: str, fn, wanted: list[str], call: str, step: str | None = None):
    """Raise if `fn` cannot be called with the keyword names the interface uses."""
    __tracebackhide__ = True
    names, open_kw = _params(fn)
    if names is None or open_kw:
        return
    for want in wanted:
        if want in names:
            continue
        spare = [n for n in names if n not in wanted]
        close = difflib.get_close_matches(want, spare, n=1, cutoff=0.5)
        if close:
            fail(tr("the checks call {call} with the interface's parameter names", call=call),
                 mark("{owner} calls its parameter {theirs!r}, but the interface (and every check) calls it "
                      "{want!r}: rename it to {want}."), owner=owner, theirs=close[0], want=want)
        raise NotImplementedYet(mark("{owner} has no parameter {want} yet: {todo}"), owner=owner, want=want,
                                todo=_todo(want, step))


def queue_class(obj, interface: dict[str, list[str]], what: str = "MyQueue", step: str | None = None):
    """The class a check was given, after the slips a learner makes most: passing a queue made
    from the class instead of the class, a class not written yet, a missing method, a parameter
    under another name. `interface` maps each method to the keyword names the checks pass; `step`
    is the exercise checking, so a piece an earlier exercise adds is pointed at there."""
    __tracebackhide__ = True
    if isinstance(obj, mycode.NotWritten):
        raise NotImplementedYet(obj.why())
    if not isinstance(obj, type):
        name = type(obj).__name__
        if hasattr(obj, "send") or hasattr(obj, "receive"):
            fail(tr("a check takes your class, {what}, not a queue made from it", what=what),
                 mark("the check was given a {name} object (something like {name}(clock)); pass the class "
                      "itself: write {what} without the parentheses."), name=name, what=what)
        fail(tr("a check takes your class, {what}", what=what), mark("the check was given {obj!r}."),
             obj=obj)
    for method, params in interface.items():
        if method == "__init__":
            _missing_param(f"{obj.__name__}.__init__()", obj, params, f"{obj.__name__}(...)", step)
            continue
        fn = getattr(obj, method, None)
        if fn is None or not callable(fn):
            raise NotImplementedYet(mark("{cls} has no method {method}() yet: {todo}"), cls=obj.__name__,
                                    method=method, todo=_todo(method, step))
        _missing_param(f"{obj.__name__}.{method}()", fn, params, f"{method}()", step)
    return obj


def learner_functions(given: dict[str, object], keywords: dict[str, list[str]] | None = None) -> list:
    """The functions a check was given, by the names the exercise uses for them; says so when one
    is missing, is not a function (called already), or they came in another order."""
    __tracebackhide__ = True
    names = list(given)
    got = [getattr(f, "__name__", None) for f in given.values()]
    if sorted(n for n in got if n) == sorted(names) and got != names:
        fail(mark("a check takes your functions in the order the exercise names them"),
             mark("the check was given {got}; write it as ({names})."), got=", ".join(got), names=", ".join(names))
    for name, f in given.items():
        if isinstance(f, mycode.NotWritten):
            raise NotImplementedYet(f.why())
        if not (inspect.isroutine(f) or isinstance(f, functools.partial) or hasattr(f, "__code__")):
            fail(tr("a check takes your function {name} itself", name=name),
                 mark("for {name} the check was given {given!r}, which is not a function: pass {name} without "
                      "calling it (no parentheses)."), name=name, given=f)
        if keywords and name in keywords:
            _missing_param(f"{name}()", f, keywords[name], f"{name}()")
    return list(given.values())


def make(cls, clock, **kw):
    """Build the learner's queue; a TODO in __init__ or another error becomes a clear failure.
    The queue's threading locks are ones the scheduler can switch around (interleave.CoopLock)."""
    __tracebackhide__ = True
    args = ", ".join(["clock"] + [f"{k}={v!r}" for k, v in kw.items()])
    with learner_code(mark("creating {cls}({args})"), cls=cls.__name__, args=args), il.coop_locks():
        q = cls(clock, **kw)
    il.swap_locks(q)
    return q


COUNTS_DICT = Text(mark("counts() returns a dict like {example}"), example="{'visible': 2, 'inflight': 1}")
HOLDS_SOME = mark("receive returns a message when the queue holds some")
COUNTS_RULE = mark("counts() tells how many messages are visible and how many are in flight")


def counts(q, doing: str, /, **fields) -> dict:
    """The learner's counts(); `doing` names when (a template filled in with `fields`)."""
    __tracebackhide__ = True
    with learner_code(doing, **fields):
        got = q.counts()
    if not isinstance(got, dict):
        fail(COUNTS_DICT, mark("counts() returned {got!r}."), got=got)
    return got


def expect_counts(q, want: dict, after: str, /, **fields):
    """counts() must answer `want`; `after` says after what (a template filled in with `fields`)."""
    __tracebackhide__ = True
    after = say(after, **fields)
    got = counts(q, mark("calling counts() {after}"), after=after)
    mine = {k: got.get(k) for k in want}
    if mine != want:
        fail(COUNTS_RULE, mark("{after}, counts() returned {got!r}; expected {want!r}."), after=after, got=got,
             want=want)


# -- calls at the same time ----------------------------------------------------------------------
class World:
    """One run's queue, clock, history and recorder (a fresh one for every interleaving)."""

    def __init__(self, cls, kwargs, recorder_kw, setup):
        from ..clock import VirtualClock
        self.clock = VirtualClock()
        self.h = History(self.clock)
        self.q = make(cls, self.clock, **kwargs)
        self.rec = Recorder(self.q, self.h, cls_name=cls.__name__, **recorder_kw)
        self.got = {}          # who -> what their receive returned
        self.handles = []      # receipt handles the setup received
        setup(self)


def holding(sent: int, received: int = 0):
    """The start of an overlap scenario: P0 sent 'old 1', 'old 2', ...; consumer R received the
    first `received` of them (their receipt handles in w.handles)."""
    def setup(w):
        for i in range(1, sent + 1):
            w.rec.send("P0", f"old {i}")
        w.handles = [m[2] for m in w.rec.receive("R", max_messages=received)] if received else []
    return setup


# The calls most overlap scenarios make, as the learner would write them.
SEND = Op("send('new')", lambda w, who: w.rec.send(who, f"new from {who}"))
RECEIVE = Op("receive(max_messages=2)", lambda w, who: w.rec.receive(who, max_messages=2))
DELETE_HELD = Op(mark("delete() with R's receipt handle"), lambda w, who: w.rec.delete(who, w.handles[0]))


def overlap_check(cls, *, pairs: list[tuple[Op, Op]], setup, judge, kwargs=None, recorder_kw=None,
                  world=None) -> tuple[int, int]:
    """Every way each pair of calls can overlap (concurrent.every_overlap) on a fresh queue per
    run (`world()`, by default a World of `cls`); returns (runs, lock acquisitions)."""
    __tracebackhide__ = True
    world = world or (lambda: World(cls, kwargs or {}, recorder_kw or {}, setup))
    result = every_overlap(world, pairs, judge, il.learner_code(cls))
    return result["runs"], result["locks"]


def overlap_line(what: str, runs: int, locks: int) -> str:
    """The PASS line of an overlap check: what was tried (marked with mark()), how, and what was
    (not) found."""
    found = (tr("your queue takes no lock, and every overlap tried was still correct") if locks == 0
             else tr("no race found"))
    return tr("{what}: one thread stopped at each point where your code touches the queue ({runs} runs), {found}",
              what=say(what), runs=runs, found=found)


def crowd_check(cls, *, kwargs=None, takes=False, held=False, batch=False, fifo=False, producers=3, per_producer=8,
                consumers=3, visibility_timeout=30, crash_every=0, seeds=(1, 2, 3)) -> list[str]:
    """Producers and consumers on threads under seeded switches: every message delivered, none
    twice while in flight, none lost. With `crash_every=k`, consumers "crash" on every k-th
    message of each producer (never delete it); after the visibility timeout a second round must
    get exactly those back. With `fifo`, each producer sends to a group of its own. A failure is
    run again without switches inside methods: only if that passes is it called a race (with
    the lock hint). Returns the summary lines."""
    __tracebackhide__ = True
    from ..clock import VirtualClock
    code = il.learner_code(cls)
    total = producers * per_producer
    scenario = tr(mark("{producers} producers send {per_producer} messages each while {consumers} consumers "
                       "receive them, on threads at the same time") if takes else
                  mark("{producers} producers send {per_producer} messages each while {consumers} consumers "
                       "receive and delete them, on threads at the same time"),
                  producers=producers, per_producer=per_producer, consumers=consumers)
    keep = (lambda body: int(body.rsplit("-", 1)[1]) % crash_every != 0) if crash_every else (lambda body: True)
    if crash_every:
        scenario += tr("; consumers crash before deleting every {k}th message of each producer", k=crash_every)
    crashed = producers * (per_producer // crash_every) if crash_every else 0

    def one(seed, p):
        __tracebackhide__ = True
        clock = VirtualClock()
        h = History(clock)
        q = make(cls, clock, **(kwargs or {}))
        rec = Recorder(q, h, takes=takes, visibility_timeout=FOREVER if (takes or held) else visibility_timeout,
                       fifo=fifo, cls_name=cls.__name__)
        told = (tr("{scenario} (thread switches chosen by seed {seed}).", scenario=scenario, seed=seed) if p
                else tr("{scenario}.", scenario=scenario))
        locks = [0]

        def round_(producing):
            __tracebackhide__ = True
            try:
                locks[0] += producers_and_consumers(
                    rec, producers=producers if producing else 0, per_producer=per_producer if producing else 0,
                    consumers=consumers, batch=batch, delete=keep if producing else (lambda body: True), code=code,
                    seed=seed, p=p, group_of=(lambda name: name) if fifo else None)
            except CheckFailed as exc:
                told_too = CheckFailed(exc.rule, exc.detail, scenario=told)
                told_too.locks = getattr(exc, "locks", locks[0])
                raise told_too from None

        try:
            round_(True)
            replay(h, takes=takes, held=held, fifo=fifo, expect_all_deleted=False).raise_first(told)
            if crash_every:
                clock.advance(visibility_timeout + 1)
                round_(False)
            elif not held and not takes:
                clock.advance(visibility_timeout + 1)
            rec.drain()
            v = replay(h, takes=takes, held=held, fifo=fifo)
            v.raise_first(told)
            if len(v.messages) != total:
                fail(OWN_ID, mark("{total} sends returned only {ids} different ids."), total=total,
                     ids=len(v.messages))
            if crash_every and v.redeliveries != crashed:
                fail(COMES_BACK, mark("{crashed} messages were never deleted in the first round, but {again} were "
                                      "delivered again."), crashed=crashed, again=v.redeliveries, scenario=told)
        except CheckFailed as exc:
            exc.locks = getattr(exc, "locks", locks[0])
            raise

    for seed in seeds:
        try:
            one(seed, 0.25)
        except CheckFailed as exc:
            one(seed, 0.0)                   # fails too: not a race, and says so without a lock hint
            raise CheckFailed(exc.rule, f"{exc.detail}\n{race_story(getattr(exc, 'locks', 1))}") from None
    lines = [tr(mark("{producers} producers and {consumers} consumers on threads, {total} messages, a group per "
                     "producer, {seeds} seeded schedules") if fifo else
                mark("{producers} producers and {consumers} consumers on threads, {total} messages, {seeds} seeded "
                     "schedules"), producers=producers, consumers=consumers, total=total, seeds=len(seeds))]
    if crash_every:
        lines.append(tr("{crashed} messages whose consumer crashed came back after the visibility timeout",
                        crashed=crashed))
    lines.append(tr("every message delivered, none twice while in flight, none lost"))
    return lines
