"""Checks for exercise 04: an idempotent consumer, run against the toy SQS (QueueService).

Here the queue is right and the learner's consumer is under test. The scenario makes the two
kinds of duplicate SQS allows happen on purpose: a producer retry (the same order sent twice,
as two messages) and a redelivery (a consumer crashes after its work and before its delete, so
the message comes back after the visibility timeout). Then the learner's own consume() is made
to crash: once per step it takes (each database statement, each commit, each delete), the
process "dies" right before that step, its open transaction is rolled back, and a fresh
consume() takes over after the visibility timeout. Every order must be charged exactly once
whatever the crash point.

The queue comes from a `Backend`. The second one, "realistic", is the toy in realistic mode
(toyqueue/realistic.py) with its duplicate and reorder rates raised so that a dozen orders show
them: a delete that misses a copy (the message comes back after it was deleted), messages handed
out out of send order, short polls that come back empty while messages wait. There the producer
sends each order once and nobody crashes: every duplicate and every inversion is the queue's own,
so a consumer that assumes exactly-once delivery or send order fails, and the failure says which
assumption broke, with the message and the times. The runner asks the queue itself, not a short
poll, whether every message is deleted.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Callable

from ..clock import VirtualClock
from ..history import History as ServiceHistory
from ..history import check as check_service_history
from ..i18n import mark, tr
from ..message import GONE
from ..service import QueueService
from .common import check, fail, learner_functions, passed
from .failures import CheckFailed, Text, _is_learner, learner_code, say

ORDERS = 12
RETRIED = ("o-3", "o-8")          # the producer sends these twice
CRASHED = 4                       # messages a consumer handles and then crashes on
VISIBILITY = 30
EXACTLY_ONCE = mark("each order is charged exactly once, however often its message is delivered")
DELETES = mark("a consumer deletes every message it has handled")
CRASH_SAFE = mark("a consumer that dies at any step loses no order and charges none twice")
RETURNS = mark("consume returns how many messages it handled (0 when the queue is empty)")
PROMISES = mark("the queue kept its promises")
CALLS = 200                       # consume() calls before the runner gives up on an emptying queue
REALISM = {"duplicate_rate": 0.3, "reorder": 0.3}    # realistic mode's 2% would need hundreds of orders
SEED = 1
SCENARIO = Text(mark("a producer sends {orders} orders and retries {retried} (sent twice, two different MessageIds); a "
                     "consumer receives {crashed} messages, handles them with your handle_order() and crashes before "
                     "deleting; {later} s later (visibility timeout {visibility} s) your consume() runs until it "
                     "returns 0."), orders=ORDERS, retried=", ".join(RETRIED), crashed=CRASHED, later=VISIBILITY + 1,
                visibility=VISIBILITY)


@dataclass
class Backend:
    """Where one scenario's queue lives: `make(clock)` returns a QueueService (boto3's methods).
    `realistic`: the queue itself duplicates and reorders, so the scenario adds neither."""
    name: str
    make: Callable[[VirtualClock], object]
    words: str                  # marked with mark() (or a Text): said in the course language
    realistic: bool = False


BACKENDS = {
    "toy": Backend("toy", lambda clock: QueueService(clock=clock), mark("the toy SQS (QueueService)")),
    "realistic": Backend("realistic", lambda clock: QueueService(clock=clock, realistic=REALISM, seed=SEED),
                         Text(mark("the toy SQS in realistic mode, seed {seed}: 3 deletes in 10 miss a copy of the "
                                   "message, 3 messages in 10 overtake the one before them, a short poll asks 2 of 5 "
                                   "servers"), seed=SEED), realistic=True),
}
REALISTIC_SCENARIO = Text(mark("a producer sends {orders} orders, each once; your consume() runs until the queue itself "
                               "holds no message (a short poll may come back empty while messages wait, so the runner "
                               "asks the queue, and lets time pass while a copy that missed a delete is in flight)."),
                          orders=ORDERS)


def _orders():
    rng = random.Random(8)
    return [{"order_id": f"o-{i}", "customer": f"c-{rng.randint(1, 5)}", "amount": rng.randint(5, 90)}
            for i in range(1, ORDERS + 1)]


class Crash(BaseException):
    """The consumer's process died here. A BaseException, so `except Exception` cannot hide it."""


class Plan:
    """Counts the consumer's steps and kills the process before step `at` (0: never)."""

    def __init__(self, at: int = 0):
        self.at, self.steps, self.dead, self.where, self.last = at, 0, False, None, None

    def step(self, what: str):
        if self.dead:
            raise Crash()
        self.steps += 1
        line = _learner_line()
        if self.steps == self.at:
            self.dead = True
            self.where = (what, line)
            raise Crash()
        self.last = (what, line)


def _learner_line() -> str:
    import sys
    f = sys._getframe(2)
    while f is not None and not _is_learner(f):
        f = f.f_back
    return tr("{function}() line {line}", function=f.f_code.co_name, line=f.f_lineno) if f is not None else ""


class CrashingDB:
    """The learner's connection, with a crash point before every statement and commit."""

    def __init__(self, db, plan: Plan):
        self._db, self._plan = db, plan

    def execute(self, sql, *args):
        self._plan.step(f"db.execute({' '.join(str(sql).split())[:60]!r})")
        return self._db.execute(sql, *args)

    def executemany(self, sql, *args):
        self._plan.step(f"db.executemany({' '.join(str(sql).split())[:60]!r})")
        return self._db.executemany(sql, *args)

    def commit(self):
        self._plan.step("db.commit()")
        return self._db.commit()

    def __enter__(self):
        self._db.__enter__()
        return self

    def __exit__(self, kind, exc, tb):
        if kind is None:
            try:
                self._plan.step(mark("the commit at the end of `with db:`"))
            except Crash:
                self._db.__exit__(Crash, Crash(), None)
                raise
        return self._db.__exit__(kind, exc, tb)

    def __getattr__(self, name):
        return getattr(self._db, name)


class CrashingSQS:
    """The queue client, with a crash point before every delete."""

    def __init__(self, client, plan: Plan):
        self._client, self._plan = client, plan

    def delete_message(self, **kw):
        self._plan.step("svc.delete_message(...)")
        return self._client.delete_message(**kw)

    def delete_message_batch(self, **kw):
        self._plan.step("svc.delete_message_batch(...)")
        return self._client.delete_message_batch(**kw)

    def receive_message(self, **kw):
        if self._plan.dead:
            raise Crash()
        return self._client.receive_message(**kw)

    def __getattr__(self, name):
        return getattr(self._client, name)


class Run:
    """One run of the scenario on a fresh queue and database."""

    def __init__(self, backend: Backend, handle_order, consume, make_db):
        self.clock = VirtualClock()
        self.t0 = self.clock.now()
        self.svc = backend.make(self.clock)
        self.url = self.svc.create_queue(QueueName="orders",
                                         Attributes={"VisibilityTimeout": str(VISIBILITY)})["QueueUrl"]
        self.history = ServiceHistory(self.clock)
        self.producer = self.history.wrap(self.svc, process="producer")
        self.learner = self.history.wrap(self.svc, process="your consumer")
        self.handle_order, self.consume = handle_order, consume
        with learner_code(mark("calling make_db()")):
            self.db = make_db()
        self.orders = _orders()

    def send_orders(self, retries=True):
        for order in self.orders:
            self.producer.send_message(QueueUrl=self.url, MessageBody=json.dumps(order))
        for order in self.orders:
            if retries and order["order_id"] in RETRIED:
                self.producer.send_message(QueueUrl=self.url, MessageBody=json.dumps(order))

    def consume_empty_queue(self) -> None:
        __tracebackhide__ = True
        with learner_code(mark("calling consume() on an empty queue")):
            n = self.consume(self.learner, self.url, self.db)
        if n != 0:
            fail(RETURNS, mark("consume() on an empty queue returned {n!r}."), n=n)

    def waiting(self) -> tuple[int, int]:
        """What the queue itself holds, not what a short poll saw: (visible messages, copies that
        missed their delete and are still to come back or be removed)."""
        q = self.svc.queue(self.url)
        visible = q.counts(self.clock.now())["visible"]
        return visible, sum(1 for m in getattr(q, "stale", {}) if m.status is not GONE)

    def consume_until_empty(self, db=None, svc=None) -> None:
        """Call consume() until it returns 0 and the queue holds no visible message and no copy
        that missed a delete (time passes, a second at a time, until such a copy is back)."""
        __tracebackhide__ = True
        n = None
        for _ in range(CALLS):
            before = len(self.history.ops)
            with learner_code(mark("calling consume(svc, queue_url, db)")):
                n = self.consume(svc or self.learner, self.url, db or self.db)
            if isinstance(n, bool) or not isinstance(n, int):
                fail(RETURNS, mark("consume() returned {n!r}."), n=n)
            got = sum(1 for o in self.history.ops[before:] if o.kind == "receive" and o.process == "your consumer")
            if n != got:
                fail(RETURNS, mark("consume() returned {n}, but its receive_message calls returned 1 message.")
                     if got == 1 else mark("consume() returned {n}, but its receive_message calls returned {got} "
                                           "messages."), n=n, got=got)
            if n:
                continue
            visible, coming_back = self.waiting()
            if visible:
                continue                  # a short poll missed them: poll again, as SQS advises
            if not coming_back:
                return
            self.clock.advance(1)
        if n:
            sent = sum(1 for o in self.history.ops if o.kind == "send")
            fail(RETURNS, mark("consume() still returned a number above 0 after {calls} calls on a queue of {n} "
                               "messages."), calls=CALLS, n=sent)
        fail(RETURNS, mark("consume() returned 0 {calls} times in a row while the queue held visible messages."),
             calls=CALLS)

    def left(self) -> int:
        """Messages the queue itself still holds once every timeout has run out."""
        self.clock.advance(VISIBILITY + 1)
        counts = self.svc.queue(self.url).counts(self.clock.now())
        return counts["visible"] + counts["inflight"] + counts["delayed"]

    def seconds(self, t: float) -> str:
        return tr("{seconds} s", seconds=f"{t - self.t0:g}")

    def charges(self) -> dict:
        with learner_code(mark("reading the charges table (SELECT order_id, amount FROM charges)")):
            rows = self.db.execute("SELECT order_id, amount FROM charges").fetchall()
        charged = {}
        for order_id, amount in rows:
            charged.setdefault(order_id, []).append(amount)
        return charged


def _judge_charges(run: Run, crashed_ids: set, story: str, explain=None, retried=RETRIED):
    """Every order charged once, with its amount. `explain(order_id, charged)` says what the queue
    did to that order (realistic mode: a delivery after a delete, or an order overtaken). `story`:
    the scenario, said already."""
    __tracebackhide__ = True
    charged = run.charges()
    for order in run.orders:
        oid, amounts = order["order_id"], charged.get(order["order_id"], [])
        extra = explain(oid, bool(amounts)) if explain else ""
        if not amounts:
            fail(EXACTLY_ONCE, mark("order {order} was never charged{extra}.\n{story}"), order=oid, extra=extra,
                 story=story)
        if len(amounts) > 1:
            why = []
            if oid in retried:
                why.append(tr("the producer sent it twice, as two messages with different MessageIds, so key on the "
                              "order id, not the MessageId"))
            if oid in crashed_ids:
                why.append(tr("its message was delivered again after a consumer crashed before deleting it"))
            why = extra or tr(" ({why})", why=tr("; ").join(why) or tr("a redelivery"))
            fail(EXACTLY_ONCE, mark("order {order} was charged {n} times{why}.\n{story}"), order=oid, n=len(amounts),
                 why=why, story=story)
        if amounts[0] != order["amount"]:
            fail(EXACTLY_ONCE, mark("order {order} was charged {charged!r} instead of {amount}."), order=oid,
                 charged=amounts[0], amount=order["amount"])
    extra = sorted(set(charged) - {o["order_id"] for o in run.orders})
    if extra:
        fail(EXACTLY_ONCE, mark("charges for unknown orders {orders!r}."), orders=extra)


def _explainer(run: Run, report):
    """Say, in the learner's terms, what the queue did to an order: its message delivered again
    after a delete (the exactly-once assumption), or handed out after an order sent later (the
    send-order assumption)."""
    order_of, first, sent = {}, {}, {}
    receives = sorted((o for o in run.history.ops if o.kind == "receive"),
                      key=lambda o: (o.start, o.start_seq, o.index or 0))
    for number, o in enumerate(receives, 1):
        order_of[o.message_id] = json.loads(o.body)["order_id"]
        first.setdefault(o.message_id, (number, o.start))
    for o in run.history.ops:
        if o.kind == "send" and o.ok and o.message_id is not None:
            sent.setdefault(o.message_id, len(sent))

    def explain(oid: str, charged: bool) -> str:
        mids = [mid for mid, order in order_of.items() if order == oid]
        for dup in report.after_delete:
            if dup["message_id"] in mids:
                return tr(" (your consumer deleted its message {id} at {deleted} and the queue delivered it again at "
                          "{received}: on real SQS a server that holds a copy can miss a delete, so a message can come "
                          "back even after it was deleted. Delivery is at least once, never exactly once)",
                          id=dup["message_id"], deleted=run.seconds(dup["deleted_by"]),
                          received=run.seconds(dup["received_at"]))
        if charged:
            return ""
        for mid in mids:
            mine, mine_at = first[mid]
            for other, (number, at) in first.items():
                if sent.get(other, -1) > sent.get(mid, -1) and number < mine:
                    return tr(" (the queue handed out the message of {other}, sent after it, first: delivery {number} "
                              "at {at}, and the message of {order} only as delivery {mine} at {mine_at}. A standard "
                              "queue keeps the send order only on a best-effort basis: a consumer must not assume that "
                              "orders arrive in the order they were sent)", other=order_of[other], number=number,
                              at=run.seconds(at), order=oid, mine=mine, mine_at=run.seconds(mine_at))
        return ""
    return explain


def _realistic(run: Run, backend: Backend):
    """The queue's own duplicates and reorderings, nothing else: each order sent once, no crash."""
    __tracebackhide__ = True
    run.consume_empty_queue()
    run.send_orders(retries=False)
    run.consume_until_empty()
    story = tr("Scenario ({backend}): {scenario}", backend=say(backend.words), scenario=say(REALISTIC_SCENARIO))
    report = check_service_history(run.history)
    left = run.left()
    if left:
        fail(DELETES, mark("after consume() returned 0 and the queue showed no message waiting, {left} messages were "
                           "still in it; they will be delivered again and again.\n{story}"), left=left, story=story)
    _judge_charges(run, set(), story, _explainer(run, report), retried=())
    if report.lost or report.unexpected or report.early:
        fail(PROMISES, report.summary())
    return report, run.svc.queue(run.url).effects


def _duplicates(run: Run, backend: Backend):
    """The producer retry and a redelivery after a crash between work and delete."""
    __tracebackhide__ = True
    run.consume_empty_queue()
    run.send_orders()
    crasher = run.history.wrap(run.svc, process="crashing consumer")
    got = []
    while len(got) < CRASHED:
        r = crasher.receive_message(QueueUrl=run.url, MaxNumberOfMessages=CRASHED - len(got), WaitTimeSeconds=0)
        got.extend(r.get("Messages", []))
    for m in got:
        with learner_code(mark("handle_order() was called with the message of order {order}"),
                          order=json.loads(m["Body"])["order_id"]):
            run.handle_order(run.db, m)
    run.clock.advance(VISIBILITY + 1)
    run.consume_until_empty()
    story = tr("Scenario ({backend}): {scenario}", backend=say(backend.words), scenario=say(SCENARIO))
    left = run.left()
    if left:
        fail(DELETES, mark("after consume() returned 0, {left} messages were still in the queue; they will be "
                           "delivered again and again.\n{story}"), left=left, story=story)
    _judge_charges(run, {json.loads(m["Body"])["order_id"] for m in got}, story)
    report = check_service_history(run.history)
    if not report.valid:
        fail(PROMISES, report.summary())
    return report.deliveries


def _crash_at(backend: Backend, handle_order, consume, make_db, at: int):
    """Kill the consumer before its `at`-th step; a new one takes over after the visibility timeout.
    Returns the plan (how many steps there were, where it died) or raises CheckFailed."""
    __tracebackhide__ = True
    run = Run(backend, handle_order, consume, make_db)
    run.send_orders()
    plan = Plan(at)
    try:
        run.consume_until_empty(CrashingDB(run.db, plan), CrashingSQS(run.learner, plan))
    except Crash:
        pass
    except CheckFailed:
        if not plan.dead:
            raise
    if plan.dead:
        run.db.rollback()                   # a dead process's open transaction is rolled back
        run.clock.advance(VISIBILITY + 1)
        run.consume_until_empty()
        story = tr("Scenario ({backend}): a producer sends {orders} orders (and retries {retried}); your consume() "
                   "runs until the process dies {when}; what it had not committed is rolled back; {later} s later a "
                   "new consume() runs until it returns 0.", backend=say(backend.words), orders=ORDERS,
                   retried=", ".join(RETRIED), when=_when_it_died(plan, at), later=VISIBILITY + 1)
        try:
            left = run.left()
            if left:
                fail(DELETES, mark("after the new consume() returned 0, {left} messages were still in the "
                                   "queue.\n{story}"), left=left, story=story)
            _judge_charges(run, set(), story)
        except CheckFailed as exc:
            raise CheckFailed(tr("{rule} ({cause})", rule=tr(CRASH_SAFE), cause=exc.rule), exc.detail) from None
    return plan


def _when_it_died(plan: Plan, at: int) -> str:
    """"right after db.commit() in handle_order() line 9 and right before its step 3, ..." in the
    course language."""
    what, line = say(plan.where[0]), plan.where[1]
    before = (tr("right before its step {at}, {what} in {line}", at=at, what=what, line=line) if line
              else tr("right before its step {at}, {what}", at=at, what=what))
    if not plan.last:
        return before
    last, last_line = say(plan.last[0]), plan.last[1]
    return (tr("right after {last} in {line} and {before}", last=last, line=last_line, before=before) if last_line
            else tr("right after {last} and {before}", last=last, before=before))


@check
def check_idempotent_consumer(handle_order, consume, make_db, backend: str = "toy"):
    __tracebackhide__ = True
    handle_order, consume, make_db = learner_functions(
        {"handle_order": handle_order, "consume": consume, "make_db": make_db})
    chosen = BACKENDS[backend]
    if chosen.realistic:
        report, effects = _realistic(Run(chosen, handle_order, consume, make_db), chosen)
        return passed(tr("idempotent consumer ({backend})", backend=chosen.name), [
            tr("{orders} orders, each sent once, on a queue that behaves like real SQS", orders=ORDERS),
            tr("{deliveries} deliveries: {after_delete} after a delete, {overtaken} ahead of a message sent earlier, "
               "{short_empty} short polls empty while messages waited", deliveries=report.deliveries,
               after_delete=effects["after_delete"], overtaken=effects["overtaken"],
               short_empty=effects["short_empty"]),
            mark("each order charged exactly once, every message deleted (the queue itself, not a short poll, said "
                 "so)")])
    deliveries = _duplicates(Run(chosen, handle_order, consume, make_db), chosen)
    steps = _crash_at(chosen, handle_order, consume, make_db, 0).steps
    for at in range(1, steps + 1):
        _crash_at(chosen, handle_order, consume, make_db, at)
    return passed(tr("idempotent consumer ({backend})", backend=chosen.name), [
        tr("{orders} orders, {retried} sent twice by the producer, {crashed} handled by a consumer that crashed",
           orders=ORDERS, retried=len(RETRIED), crashed=CRASHED),
        tr("{deliveries} deliveries for {orders} orders: each order charged exactly once, every message deleted",
           deliveries=deliveries, orders=ORDERS),
        tr("your consume() killed before each of its {steps} steps (statements, commits, deletes) in turn: after a "
           "restart, still each order charged exactly once", steps=steps)])
