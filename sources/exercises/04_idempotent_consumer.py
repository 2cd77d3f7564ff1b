# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Exercise 04 source: tools/nbbuild.py makes exercises/ and solutions/04_idempotent_consumer.ipynb.

# %% [markdown]
# # Exercise 04 · An idempotent consumer
#
# **Goal:** write a consumer (소비자) that charges every order **exactly once**, although SQS
# delivers its messages **at least once**.
#
# Lessons: [05 · Consuming messages](../notebooks/05_consuming_messages.ipynb) and
# [06 · Visibility, duplicates, ordering](../notebooks/06_visibility_duplicates.ipynb).
#
# **Why.** Three kinds of duplicate reach a consumer of a standard queue:
# - a **redelivery**: a consumer did the work but crashed (or was too slow) before
#   `DeleteMessage`; after the visibility timeout the same message comes back;
# - a **producer retry**: the producer timed out and sent the same order again, so there are two
#   messages with two different `MessageId`s and the same order inside;
# - a **delivery after a delete**: SQS keeps copies of a message on several servers, and one that
#   was down during your `DeleteMessage` can hand its copy out again later (lesson 06 shows it in
#   the toy's realistic mode).
#
# And the order is only *best effort*: an order sent later can arrive first, so "I have already
# charged o-5, so o-4 must be an old duplicate" is wrong.
#
# An *idempotent* consumer gives the same result however many times it sees an order. The usual
# way: an **idempotency key** taken from the business data (the order id), remembered in the same
# database transaction as the work itself.

# %% [markdown]
# ## What you write
#
# This time the queue is the course's toy SQS (`QueueService`), which speaks boto3's language, so
# the same code would run against LocalStack or AWS:
#
# ```python
# r = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
# for m in r.get("Messages", []):          # no "Messages" key when the queue is empty
#     m["Body"], m["ReceiptHandle"], m["MessageId"]
# svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
# ```
#
# - `handle_order(db, message)`: the body is JSON like
#   `{"order_id": "o-3", "customer": "c-2", "amount": 40}`. Insert one row into `charges`
#   **the first time an order id is seen**, never again. The `processed` table (order ids, a
#   primary key) is there to help: `INSERT OR IGNORE` tells you by its `rowcount` whether the id
#   is new. Do both inserts in one transaction (`with db:`), so a crash cannot leave one without
#   the other.
# - `consume(svc, queue_url, db)`: receive up to 10 messages, handle each, delete each after
#   handling it, and return how many there were (0 when the queue is empty).
#
# The database is SQLite standing in for the lecture's RDS, as in lesson 05.

# %%
import json
import sqlite3


def make_db():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE charges (order_id TEXT, customer TEXT, amount INTEGER)")
    db.execute("CREATE TABLE processed (order_id TEXT PRIMARY KEY)")
    return db


def handle_order(db, message):
    order = json.loads(message["Body"])
    # BEGIN SOLUTION TODO: in one transaction (with db:), INSERT OR IGNORE the order id into processed; only if that inserted a row (cursor.rowcount == 1), insert the charge.
    # One transaction: a crash between the two inserts must not leave an order marked done but
    # never charged, or charged but not marked (then charged again when the message comes back).
    with db:
        # The key is the order id from the body, not the MessageId: a producer's retry is a new
        # message with the same order. Looking it up, not comparing it with the last order seen,
        # because orders may arrive out of send order.
        new = db.execute("INSERT OR IGNORE INTO processed (order_id) VALUES (?)", (order["order_id"],))
        if new.rowcount == 1:
            db.execute("INSERT INTO charges (order_id, customer, amount) VALUES (?, ?, ?)",
                       (order["order_id"], order["customer"], order["amount"]))
    # END SOLUTION


def consume(svc, queue_url, db):
    # BEGIN SOLUTION TODO: receive up to 10 messages (WaitTimeSeconds=0), handle_order and delete_message each, return how many.
    r = svc.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
    messages = r.get("Messages", [])
    for m in messages:
        # Delete only after the work is committed: a crash before the delete means the message comes
        # back and handle_order skips it; deleting first would lose the order on a crash.
        handle_order(db, m)
        svc.delete_message(QueueUrl=queue_url, ReceiptHandle=m["ReceiptHandle"])
    # How many arrived, so the caller knows when a poll came back empty.
    return len(messages)
    # END SOLUTION

# %% [markdown]
# ## Check 1: duplicates and crashes on purpose
#
# The check runs your code against a toy queue on a virtual clock. A producer retries two orders;
# a consumer handles four messages with your `handle_order` and crashes before deleting them; 31 s
# later your `consume` empties the queue. Then your own `consume` is made to crash: once right
# before each step it takes (each `db.execute`, each commit, each delete), in turn. The crashed
# process's open transaction is rolled back, and 31 s later a fresh `consume` takes over. Every
# order must be charged exactly once, whatever the crash point.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import idempotent_consumer

idempotent_consumer.check_idempotent_consumer(handle_order, consume, make_db)

# %% [markdown]
# ## Check 2: the same consumer on a queue that behaves like real SQS
#
# Now the queue is the toy in **realistic mode** (lesson 06), with its rates raised so that a
# dozen orders show them: some deletes miss a copy, so a message comes back after your consumer
# deleted it; some messages overtake the one sent before them; some short polls come back empty
# while messages wait. The producer sends each order once and nobody crashes, so every duplicate
# and every reordering is the queue's own. If your consumer assumes exactly-once delivery or the
# send order, the failure says which, with the message and the times. (The check asks the queue
# itself whether every message is deleted, because an empty short poll does not prove it.)

# %%
# NBVAL_CHECK_OUTPUT
idempotent_consumer.check_idempotent_consumer(handle_order, consume, make_db, backend="realistic")

# %% [markdown]
# **Think about it.** Why would keying on `MessageId` not be enough? (Look at the producer retry.)
# And why must the `processed` row and the charge be written in one transaction?
#
# **Done?** Exercise 05 comes with lesson [07 · Scaling consumers](../notebooks/07_scaling_consumers.ipynb).
