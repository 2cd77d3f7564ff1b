"""Checks for exercise 08: an idempotent consumer, run against the real toy SQS (QueueService).

Here the queue is right and the learner's consumer is under test. The scenario makes the two
kinds of duplicate SQS allows happen on purpose: a producer retry (the same order sent twice,
as two messages) and a redelivery (a consumer crashes after its work and before its delete, so
the message comes back after the visibility timeout). Every order must be charged exactly once.
The service calls go through toyqueue.history, whose check confirms the queue side and counts
the duplicate deliveries.
"""
from __future__ import annotations

import json
import random

from ..clock import VirtualClock
from ..history import History as ServiceHistory
from ..history import check as check_service_history
from ..service import QueueService
from .common import check, fail, passed
from .failures import learner_code

ORDERS = 12
RETRIED = ("o-3", "o-8")          # the producer sends these twice
CRASHED = 4                       # messages a consumer handles and then crashes on
EXACTLY_ONCE = "each order is charged exactly once, however often its message is delivered"
DELETES = "a consumer deletes every message it has handled"
SCENARIO = (f"a producer sends {ORDERS} orders and retries {', '.join(RETRIED)} (sent twice, two different "
            f"MessageIds); a consumer receives {CRASHED} messages, handles them and crashes before deleting; "
            "31 s later (visibility timeout 30 s) your consume() runs until it returns 0.")


def _orders():
    rng = random.Random(8)
    return [{"order_id": f"o-{i}", "customer": f"c-{rng.randint(1, 5)}", "amount": rng.randint(5, 90)}
            for i in range(1, ORDERS + 1)]


@check
def check_idempotent_consumer(handle_order, consume, make_db):
    __tracebackhide__ = True
    clock = VirtualClock()
    svc = QueueService(clock=clock)
    url = svc.create_queue(QueueName="orders", Attributes={"VisibilityTimeout": "30"})["QueueUrl"]
    history = ServiceHistory(clock)
    producer = history.wrap(svc, process="producer")
    crasher = history.wrap(svc, process="crashing consumer")
    learner = history.wrap(svc, process="your consumer")
    with learner_code("calling make_db()"):
        db = make_db()
    with learner_code("calling consume() on an empty queue"):
        n = consume(learner, url, db)
    if n != 0:
        fail("consume returns how many messages it handled (0 when the queue is empty)",
             f"consume() on an empty queue returned {n!r}.")
    orders = _orders()
    for order in orders:
        producer.send_message(QueueUrl=url, MessageBody=json.dumps(order))
    for order in orders:
        if order["order_id"] in RETRIED:
            producer.send_message(QueueUrl=url, MessageBody=json.dumps(order))
    got = []
    while len(got) < CRASHED:
        r = crasher.receive_message(QueueUrl=url, MaxNumberOfMessages=CRASHED - len(got), WaitTimeSeconds=0)
        got.extend(r.get("Messages", []))
    for m in got:
        with learner_code(f"handle_order() was called with the message of order {json.loads(m['Body'])['order_id']}"):
            handle_order(db, m)
    clock.advance(31)
    for _ in range(100):
        with learner_code("calling consume(svc, queue_url, db)"):
            n = consume(learner, url, db)
        if not isinstance(n, int):
            fail("consume returns how many messages it handled (0 when the queue is empty)",
                 f"consume() returned {n!r}.")
        if n == 0:
            break
    clock.advance(31)
    attrs = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    left = int(attrs["ApproximateNumberOfMessages"]) + int(attrs["ApproximateNumberOfMessagesNotVisible"])
    if left:
        fail(DELETES, f"after consume() returned 0, {left} messages were still in the queue; they will be "
                      f"delivered again and again.\nScenario: {SCENARIO}")
    with learner_code("reading the charges table (SELECT order_id, amount FROM charges)"):
        rows = db.execute("SELECT order_id, amount FROM charges").fetchall()
    charged = {}
    for order_id, amount in rows:
        charged.setdefault(order_id, []).append(amount)
    crashed_ids = {json.loads(m["Body"])["order_id"] for m in got}
    for order in orders:
        oid, amounts = order["order_id"], charged.get(order["order_id"], [])
        if not amounts:
            fail(EXACTLY_ONCE, f"order {oid} was never charged.\nScenario: {SCENARIO}")
        if len(amounts) > 1:
            why = []
            if oid in RETRIED:
                why.append("the producer sent it twice, as two messages with different MessageIds, so key on the "
                           "order id, not the MessageId")
            if oid in crashed_ids:
                why.append("its message was delivered again after a consumer crashed before deleting it")
            fail(EXACTLY_ONCE, f"order {oid} was charged {len(amounts)} times ({'; '.join(why)}).\n"
                               f"Scenario: {SCENARIO}")
        if amounts[0] != order["amount"]:
            fail(EXACTLY_ONCE, f"order {oid} was charged {amounts[0]!r} instead of {order['amount']}.")
    extra = sorted(set(charged) - {o["order_id"] for o in orders})
    if extra:
        fail(EXACTLY_ONCE, f"charges for unknown orders {extra!r}.")
    report = check_service_history(history)
    if not report.valid:
        fail("the toy queue kept its promises", report.summary())
    deliveries = report.deliveries
    return passed("idempotent consumer", [
        f"{ORDERS} orders, {len(RETRIED)} sent twice by the producer, {CRASHED} handled by a consumer that crashed",
        f"{deliveries} deliveries for {ORDERS} orders: each order charged exactly once",
        "every message deleted"])
