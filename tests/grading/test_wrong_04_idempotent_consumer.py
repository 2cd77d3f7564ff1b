"""Exercise 04's wrong consumers: each is rejected, by the rule it breaks, in the learner's words.

The crash-injection ones are the point: a consumer that is right as long as it never dies, but
loses or double-charges an order when its process dies between two of its steps."""
import json

import pytest

from toyqueue.grading import idempotent_consumer as ex
from wrong import namespace, rejected

NS = namespace("04_idempotent_consumer")
make_db, handle_order, consume = NS["make_db"], NS["handle_order"], NS["consume"]


def consume_with(handle):
    def consume(svc, url, db):
        r = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
        for m in r.get("Messages", []):
            handle(db, m)
            svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
        return len(r.get("Messages", []))
    return consume


def charges_every_delivery(db, message):
    o = json.loads(message["Body"])
    with db:
        db.execute("INSERT INTO charges VALUES (?, ?, ?)", (o["order_id"], o["customer"], o["amount"]))


def keyed_on_message_id(db, message):
    o = json.loads(message["Body"])
    with db:
        if db.execute("INSERT OR IGNORE INTO processed VALUES (?)", (message["MessageId"],)).rowcount:
            db.execute("INSERT INTO charges VALUES (?, ?, ?)", (o["order_id"], o["customer"], o["amount"]))


def two_transactions(db, message):
    """Marks the order processed and commits, then charges: a crash in between loses the charge."""
    o = json.loads(message["Body"])
    new = db.execute("INSERT OR IGNORE INTO processed VALUES (?)", (o["order_id"],)).rowcount
    db.commit()
    if new:
        db.execute("INSERT INTO charges VALUES (?, ?, ?)", (o["order_id"], o["customer"], o["amount"]))
        db.commit()


def charge_then_mark(db, message):
    """Charges and commits, then marks processed: a crash in between charges twice."""
    o = json.loads(message["Body"])
    if db.execute("SELECT 1 FROM processed WHERE order_id = ?", (o["order_id"],)).fetchone():
        return
    db.execute("INSERT INTO charges VALUES (?, ?, ?)", (o["order_id"], o["customer"], o["amount"]))
    db.commit()
    db.execute("INSERT INTO processed VALUES (?)", (o["order_id"],))
    db.commit()


def in_send_order(db, message):
    """Skips every order numbered below the highest one charged so far, taking it for a duplicate: right
    only if orders arrive in the order they were sent."""
    o = json.loads(message["Body"])
    with db:
        last = db.execute("SELECT MAX(CAST(SUBSTR(order_id, 3) AS INTEGER)) FROM processed").fetchone()[0] or 0
        if int(o["order_id"][2:]) > last:
            db.execute("INSERT INTO processed VALUES (?)", (o["order_id"],))
            db.execute("INSERT INTO charges VALUES (?, ?, ?)", (o["order_id"], o["customer"], o["amount"]))


def delete_first(svc, url, db):
    """Deletes each message before handling it: a crash in between loses the order."""
    r = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
    for m in r.get("Messages", []):
        svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
        handle_order(db, m)
    return len(r.get("Messages", []))


def never_deletes(svc, url, db):
    r = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
    for m in r.get("Messages", []):
        handle_order(db, m)
    return len(r.get("Messages", []))


def returns_nothing(svc, url, db):
    consume(svc, url, db)


def returns_zero(svc, url, db):
    consume(svc, url, db)
    return 0


@pytest.mark.parametrize("handle, consumer, words", [
    (charges_every_delivery, consume_with(charges_every_delivery), [ex.EXACTLY_ONCE, "charged 2 times"]),
    (keyed_on_message_id, consume_with(keyed_on_message_id), [ex.EXACTLY_ONCE, "key on the order id, not the "
                                                              "MessageId"]),
    (handle_order, never_deletes, [ex.DELETES, "messages were still in the queue"]),
    (handle_order, returns_nothing, [ex.RETURNS, "returned None"]),
    (handle_order, returns_zero, [ex.RETURNS, "consume() returned 0, but its receive_message calls returned 10 "
                                              "messages"]),
    (two_transactions, consume_with(two_transactions), [ex.CRASH_SAFE, "was never charged", "right before its step",
                                                        "INSERT INTO charges", "two_transactions() line"]),
    (charge_then_mark, consume_with(charge_then_mark), [ex.CRASH_SAFE, "charged 2 times", "INSERT INTO processed"]),
    (handle_order, delete_first, [ex.CRASH_SAFE, "was never charged", "delete_message"]),
], ids=["every-delivery", "message-id", "never-deletes", "returns-none", "returns-zero", "two-transactions",
        "charge-then-mark", "delete-first"])
def test_idempotent_consumer_rejects(handle, consumer, words):
    text = rejected(ex.check_idempotent_consumer, handle, consumer, make_db)
    for w in words:
        assert w in text, text


def test_functions_in_another_order():
    text = rejected(ex.check_idempotent_consumer, consume, handle_order, make_db)
    assert "in the order the exercise names them" in text and "(handle_order, consume, make_db)" in text


def test_a_function_called_instead_of_passed():
    text = rejected(ex.check_idempotent_consumer, handle_order, consume, make_db())
    assert "pass make_db without calling it" in text


@pytest.mark.parametrize("handle, consumer, words", [
    (charges_every_delivery, consume_with(charges_every_delivery),
     [ex.EXACTLY_ONCE, "charged 2 times (your consumer deleted its message", "and the queue delivered it again at",
      "Delivery is at least once, never exactly once", "realistic mode"]),
    (in_send_order, consume_with(in_send_order),
     [ex.EXACTLY_ONCE, "was never charged (the queue handed out the message of", "sent after it, first: delivery",
      "must not assume that orders arrive in the order they were sent"]),
    (handle_order, never_deletes, [ex.DELETES, "12 messages were still in it"]),
    (handle_order, returns_zero, [ex.RETURNS, "consume() returned 0, but its receive_message calls returned"]),
], ids=["assumes-exactly-once", "assumes-send-order", "never-deletes", "returns-zero"])
def test_realistic_mode_names_the_broken_assumption(handle, consumer, words):
    text = rejected(ex.check_idempotent_consumer, handle, consumer, make_db, "realistic")
    for w in words:
        assert w in text, text


def test_only_realistic_mode_catches_a_consumer_that_assumes_send_order(capsys):
    ex.check_idempotent_consumer(in_send_order, consume_with(in_send_order), make_db)
    assert capsys.readouterr().out.startswith("PASS idempotent consumer (toy)")
    rejected(ex.check_idempotent_consumer, in_send_order, consume_with(in_send_order), make_db, "realistic")


def test_the_realistic_scenario_gives_the_same_verdict_every_run():
    texts = {rejected(ex.check_idempotent_consumer, charges_every_delivery, consume_with(charges_every_delivery),
                      make_db, "realistic") for _ in range(3)}
    assert len(texts) == 1
