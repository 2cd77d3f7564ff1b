"""Checks for exercise 04: an idempotent consumer, run against the toy SQS (QueueService).

Here the queue is right and the learner's consumer is under test. The scenario makes the two
kinds of duplicate SQS allows happen on purpose: a producer retry (the same order sent twice,
as two messages) and a redelivery (a consumer crashes after its work and before its delete, so
the message comes back after the visibility timeout). Then the learner's own consume() is made
to crash: once per step it takes (each database statement, each commit, each delete), the
process "dies" right before that step, its open transaction is rolled back, and a fresh
consume() takes over after the visibility timeout. Every order must be charged exactly once
whatever the crash point.

The queue comes from a `Backend`, so the same checks can run on another model of SQS (the
course's realistic mode, say): add a Backend to BACKENDS and call the check with its name.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Callable

from ..clock import VirtualClock
from ..history import History as ServiceHistory
from ..history import check as check_service_history
from ..service import QueueService
from .common import check, fail, learner_functions, passed
from .failures import CheckFailed, _is_learner, learner_code

ORDERS = 12
RETRIED = ("o-3", "o-8")          # the producer sends these twice
CRASHED = 4                       # messages a consumer handles and then crashes on
VISIBILITY = 30
EXACTLY_ONCE = "each order is charged exactly once, however often its message is delivered"
DELETES = "a consumer deletes every message it has handled"
CRASH_SAFE = "a consumer that dies at any step loses no order and charges none twice"
RETURNS = "consume returns how many messages it handled (0 when the queue is empty)"
SCENARIO = (f"a producer sends {ORDERS} orders and retries {', '.join(RETRIED)} (sent twice, two different "
            f"MessageIds); a consumer receives {CRASHED} messages, handles them with your handle_order() and crashes "
            f"before deleting; {VISIBILITY + 1} s later (visibility timeout {VISIBILITY} s) your consume() runs until "
            "it returns 0.")


@dataclass
class Backend:
    """Where one scenario's queue lives: `make(clock)` returns a client with boto3's methods."""
    name: str
    make: Callable[[VirtualClock], object]
    words: str


BACKENDS = {"toy": Backend("toy", lambda clock: QueueService(clock=clock), "the toy SQS (QueueService)")}


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
    return f"{f.f_code.co_name}() line {f.f_lineno}" if f is not None else ""


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
                self._plan.step("the commit at the end of `with db:`")
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
        self.svc = backend.make(self.clock)
        self.url = self.svc.create_queue(QueueName="orders",
                                         Attributes={"VisibilityTimeout": str(VISIBILITY)})["QueueUrl"]
        self.history = ServiceHistory(self.clock)
        self.producer = self.history.wrap(self.svc, process="producer")
        self.learner = self.history.wrap(self.svc, process="your consumer")
        self.handle_order, self.consume = handle_order, consume
        with learner_code("calling make_db()"):
            self.db = make_db()
        self.orders = _orders()

    def send_orders(self):
        for order in self.orders:
            self.producer.send_message(QueueUrl=self.url, MessageBody=json.dumps(order))
        for order in self.orders:
            if order["order_id"] in RETRIED:
                self.producer.send_message(QueueUrl=self.url, MessageBody=json.dumps(order))

    def consume_until_empty(self, db=None, svc=None) -> None:
        __tracebackhide__ = True
        for _ in range(100):
            with learner_code("calling consume(svc, queue_url, db)"):
                n = self.consume(svc or self.learner, self.url, db or self.db)
            if isinstance(n, bool) or not isinstance(n, int):
                fail(RETURNS, f"consume() returned {n!r}.")
            if n == 0:
                return
        fail(RETURNS, "consume() still returned a number above 0 after 100 calls on a queue of 14 messages.")

    def left(self) -> int:
        self.clock.advance(VISIBILITY + 1)
        attrs = self.svc.get_queue_attributes(QueueUrl=self.url, AttributeNames=["All"])["Attributes"]
        return int(attrs["ApproximateNumberOfMessages"]) + int(attrs["ApproximateNumberOfMessagesNotVisible"])

    def charges(self) -> dict:
        with learner_code("reading the charges table (SELECT order_id, amount FROM charges)"):
            rows = self.db.execute("SELECT order_id, amount FROM charges").fetchall()
        charged = {}
        for order_id, amount in rows:
            charged.setdefault(order_id, []).append(amount)
        return charged


def _judge_charges(run: Run, crashed_ids: set, story: str):
    __tracebackhide__ = True
    charged = run.charges()
    for order in run.orders:
        oid, amounts = order["order_id"], charged.get(order["order_id"], [])
        if not amounts:
            fail(EXACTLY_ONCE, f"order {oid} was never charged.\n{story}")
        if len(amounts) > 1:
            why = []
            if oid in RETRIED:
                why.append("the producer sent it twice, as two messages with different MessageIds, so key on the "
                           "order id, not the MessageId")
            if oid in crashed_ids:
                why.append("its message was delivered again after a consumer crashed before deleting it")
            fail(EXACTLY_ONCE, f"order {oid} was charged {len(amounts)} times ({'; '.join(why) or 'a redelivery'}).\n"
                               f"{story}")
        if amounts[0] != order["amount"]:
            fail(EXACTLY_ONCE, f"order {oid} was charged {amounts[0]!r} instead of {order['amount']}.")
    extra = sorted(set(charged) - {o["order_id"] for o in run.orders})
    if extra:
        fail(EXACTLY_ONCE, f"charges for unknown orders {extra!r}.")


def _duplicates(run: Run, backend: Backend):
    """The producer retry and a redelivery after a crash between work and delete."""
    __tracebackhide__ = True
    with learner_code("calling consume() on an empty queue"):
        n = run.consume(run.learner, run.url, run.db)
    if n != 0:
        fail(RETURNS, f"consume() on an empty queue returned {n!r}.")
    run.send_orders()
    crasher = run.history.wrap(run.svc, process="crashing consumer")
    got = []
    while len(got) < CRASHED:
        r = crasher.receive_message(QueueUrl=run.url, MaxNumberOfMessages=CRASHED - len(got), WaitTimeSeconds=0)
        got.extend(r.get("Messages", []))
    for m in got:
        with learner_code(f"handle_order() was called with the message of order {json.loads(m['Body'])['order_id']}"):
            run.handle_order(run.db, m)
    run.clock.advance(VISIBILITY + 1)
    run.consume_until_empty()
    story = f"Scenario ({backend.words}): {SCENARIO}"
    left = run.left()
    if left:
        fail(DELETES, f"after consume() returned 0, {left} messages were still in the queue; they will be "
                      f"delivered again and again.\n{story}")
    _judge_charges(run, {json.loads(m["Body"])["order_id"] for m in got}, story)
    report = check_service_history(run.history)
    if not report.valid:
        fail("the queue kept its promises", report.summary())
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
        what, line = plan.where
        after = f"right after {plan.last[0]}{' in ' + plan.last[1] if plan.last[1] else ''} and " if plan.last else ""
        story = (f"Scenario ({backend.words}): a producer sends {ORDERS} orders (and retries {', '.join(RETRIED)}); "
                 f"your consume() runs until the process dies {after}right before its step {at}, {what}"
                 f"{' in ' + line if line else ''}; what it had not committed is rolled back; "
                 f"{VISIBILITY + 1} s later a new consume() runs until it returns 0.")
        try:
            left = run.left()
            if left:
                fail(DELETES, f"after the new consume() returned 0, {left} messages were still in the queue.\n{story}")
            _judge_charges(run, set(), story)
        except CheckFailed as exc:
            raise CheckFailed(CRASH_SAFE + f" ({exc.rule})", exc.detail) from None
    return plan


@check
def check_idempotent_consumer(handle_order, consume, make_db, backend: str = "toy"):
    __tracebackhide__ = True
    handle_order, consume, make_db = learner_functions(
        {"handle_order": handle_order, "consume": consume, "make_db": make_db})
    chosen = BACKENDS[backend]
    deliveries = _duplicates(Run(chosen, handle_order, consume, make_db), chosen)
    steps = _crash_at(chosen, handle_order, consume, make_db, 0).steps
    for at in range(1, steps + 1):
        _crash_at(chosen, handle_order, consume, make_db, at)
    return passed(f"idempotent consumer ({chosen.name})", [
        f"{ORDERS} orders, {len(RETRIED)} sent twice by the producer, {CRASHED} handled by a consumer that crashed",
        f"{deliveries} deliveries for {ORDERS} orders: each order charged exactly once, every message deleted",
        f"your consume() killed before each of its {steps} steps (statements, commits, deletes) in turn: "
        "after a restart, still each order charged exactly once"])
