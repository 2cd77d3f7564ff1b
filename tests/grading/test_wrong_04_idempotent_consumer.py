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


@pytest.mark.parametrize("handle, consumer, words", [
    (charges_every_delivery, consume_with(charges_every_delivery), [ex.EXACTLY_ONCE, "charged 2 times"]),
    (keyed_on_message_id, consume_with(keyed_on_message_id), [ex.EXACTLY_ONCE, "key on the order id, not the "
                                                              "MessageId"]),
    (handle_order, never_deletes, [ex.DELETES, "messages were still in the queue"]),
    (handle_order, returns_nothing, [ex.RETURNS, "returned None"]),
    (two_transactions, consume_with(two_transactions), [ex.CRASH_SAFE, "was never charged", "right before its step",
                                                        "INSERT INTO charges", "two_transactions() line"]),
    (charge_then_mark, consume_with(charge_then_mark), [ex.CRASH_SAFE, "charged 2 times", "INSERT INTO processed"]),
    (handle_order, delete_first, [ex.CRASH_SAFE, "was never charged", "delete_message"]),
], ids=["every-delivery", "message-id", "never-deletes", "returns-none", "two-transactions", "charge-then-mark",
        "delete-first"])
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
