# Lesson 05 source: built into notebooks/05_consuming_messages.ipynb by tools/nbbuild.py.

# %% [markdown]
# [← 04 Producing messages](04_producing_messages.ipynb) | [06 Visibility and duplicates →](06_visibility_duplicates.ipynb)
#
# # 05 · Consuming messages
#
# **Goal:** write a consumer (소비자) that polls a queue up to 10 messages at a time, processes
# each order by inserting it into a real database, and deletes what it has processed. Then break
# it on purpose: see what a forgotten `DeleteMessage` does, and why the insert must be
# *idempotent*.

# %% [markdown]
# ## A consumer is just your code, running anywhere
#
# A consumer is an application you write. It can run:
#
# - on **EC2** instances (virtual servers in AWS), often in an Auto Scaling group (lesson 07);
# - on your own **on-premises** servers: SQS is an HTTPS API, reachable from anywhere;
# - in **AWS Lambda**, where AWS polls the queue for you and calls your function with a batch.
#
# Wherever it runs, it does the same three things in a loop: **poll** (ask the queue "is there a
# message for me?"), **process**, **delete**. This notebook is a consumer too; for SQS it is as
# "on-premises" as any server in your office.

# %% [markdown]
# First some orders to consume: 25 of them, sent to LocalStack and to the toy over HTTP (as in
# lesson 04). Later, for the parts where time matters, a toy queue in this process on a virtual
# clock joins them.

# %%
import json
import uuid

from toyqueue import QueueService, VirtualClock
from toyqueue.clients import client

backends = {"LocalStack": client("localstack"), "toy": client("toy")}
run_id = uuid.uuid4().hex[:8]           # LocalStack is shared: keep this run's queue apart
urls = {name: sqs.create_queue(QueueName=f"orders-{run_id}")["QueueUrl"]
        for name, sqs in backends.items()}

ORDERS = [{"order_id": f"o-{n}", "customer_id": f"c-{n % 7}", "address": f"{n} Teheran-ro, Seoul"}
          for n in range(2001, 2026)]


def counts(sqs, queue_url):
    """Messages visible, in flight (received, not deleted) and delayed: SQS's Approximate* attributes."""
    a = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["All"])["Attributes"]
    return {"visible": int(a["ApproximateNumberOfMessages"]),
            "in flight": int(a["ApproximateNumberOfMessagesNotVisible"]),
            "delayed": int(a["ApproximateNumberOfMessagesDelayed"])}


def send_orders(sqs, queue_url, orders):
    for o in orders:
        sqs.send_message(QueueUrl=queue_url, MessageBody=json.dumps(o),
                         MessageAttributes={"OrderId": {"DataType": "String", "StringValue": o["order_id"]}})


for name, sqs in backends.items():
    send_orders(sqs, urls[name], ORDERS)
print(len(ORDERS), "orders sent to each backend")

# %% [markdown]
# ## Poll: up to 10 messages per call
#
# `ReceiveMessage` returns **at most 10** messages per call (`MaxNumberOfMessages`, default 1).
# Ten is a hard limit; eleven is an error, the same on both backends:

# %%
# NBVAL_CHECK_OUTPUT
from botocore.exceptions import ClientError

for name, sqs in backends.items():
    try:
        sqs.receive_message(QueueUrl=urls[name], MaxNumberOfMessages=11)
    except ClientError as e:
        print(f"{name:10} {e.response['Error']['Code']}: {e.response['Error']['Message']}")

# %% [markdown]
# With 25 orders waiting, three polls of 10 bring back 10, 10 and 5. This is only a peek: we put
# every message back afterwards, so the real consumer below still finds all 25.
#
# `WaitTimeSeconds=1` makes each poll a *long poll*: "wait up to a second for a message before
# answering empty" (lesson 10).

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in backends.items():
    polls = [sqs.receive_message(QueueUrl=urls[name], MaxNumberOfMessages=10, WaitTimeSeconds=1)
             .get("Messages", []) for _ in range(3)]
    print(f"{name:10} polls returned {[len(p) for p in polls]}")
    for m in (m for poll in polls for m in poll):      # put them all back: visible again now
        sqs.change_message_visibility(QueueUrl=urls[name], ReceiptHandle=m["ReceiptHandle"],
                                      VisibilityTimeout=0)

# %% [markdown]
# Each poll hides the messages it returns for a while (the *visibility timeout*, 30 s by
# default), so the next poll gets *other* messages. `ChangeMessageVisibility(..., 0)` then made
# them visible again at once; lesson 06 is all about this. On real SQS a poll may also return
# fewer than are waiting; a consumer simply polls again.

# %% [markdown]
# ## Process: insert the order into a database
#
# In the lecture, processing means inserting each order into an **RDS** database. We use
# **SQLite** instead: a real SQL database built into Python, in memory, nothing to install. The
# SQL is the same you would run on RDS.

# %%
import sqlite3


def new_database(schema):
    db = sqlite3.connect(":memory:")
    db.execute(schema)
    return db


PLAIN = "CREATE TABLE orders (order_id TEXT, customer_id TEXT, address TEXT)"


def insert_order(db, order):
    db.execute("INSERT INTO orders VALUES (?, ?, ?)",
               (order["order_id"], order["customer_id"], order["address"]))
    db.commit()


# %% [markdown]
# ## The consumer loop: poll, process, delete
#
# One function, given any SQS client (a boto3 client or the toy's `QueueService`, which has the
# same methods). It stops after a poll that brings nothing (with `WaitTimeSeconds=1`: nothing
# even after waiting a second).

# %%
def consume(sqs, queue_url, db, insert=insert_order, delete=True):
    """Poll until the queue answers empty; return how many messages were processed."""
    processed = 0
    while True:
        got = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10,
                                  WaitTimeSeconds=1).get("Messages", [])
        if not got:
            return processed
        for m in got:
            insert(db, json.loads(m["Body"]))                                      # process
            if delete:
                sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=m["ReceiptHandle"])  # delete
            processed += 1


# %% [markdown]
# Run it against both backends, each into its own database:

# %%
# NBVAL_CHECK_OUTPUT
def row_count(db):
    return db.execute("SELECT COUNT(*), COUNT(DISTINCT order_id) FROM orders").fetchone()


for name, sqs in backends.items():
    db = new_database(PLAIN)
    n = consume(sqs, urls[name], db)
    rows, distinct = row_count(db)
    print(f"{name:10} processed {n}, rows {rows}, distinct orders {distinct}, "
          f"left in the queue: {counts(sqs, urls[name])}")

# %% [markdown]
# Every order is in the database exactly once, and the queue is empty. `DeleteMessage` is what
# tells SQS "done, nobody else needs to see this one".

# %%
for name, sqs in backends.items():
    sqs.delete_queue(QueueUrl=urls[name])

# %% [markdown]
# ## What goes wrong without the delete
#
# Now forget the `DeleteMessage` call. Receiving a message only hides it for the queue's
# *visibility timeout* (30 s by default). When that runs out with no delete, SQS assumes the
# consumer died and makes the message visible again, so that someone else can process it.
#
# To watch 30 seconds pass without waiting, this part runs on the toy in this process with a
# virtual clock.

# %%
# NBVAL_CHECK_OUTPUT
clock = VirtualClock()
svc = QueueService(clock=clock)
q = svc.create_queue(QueueName="orders")["QueueUrl"]
send_orders(svc, q, ORDERS[:5])

db = new_database(PLAIN)
print("first run processed: ", consume(svc, q, db, delete=False))
print("queue right after:   ", counts(svc, q))
clock.advance(31)
print("31 s later:          ", counts(svc, q))
print("next run processed:  ", consume(svc, q, db, delete=False))

# %% [markdown]
# Right after the first run the five messages were not gone, only *in flight*: hidden from other
# polls (which is why the loop stopped). 31 s later they were visible again, and the next run
# processed the same five orders a second time. In the database that means five duplicate rows:
# five customers would get two parcels each.

# %%
# NBVAL_CHECK_OUTPUT
for row in db.execute("SELECT order_id, COUNT(*) FROM orders GROUP BY order_id ORDER BY order_id"):
    print(row)

# %% [markdown]
# ## Even with the delete: make processing idempotent
#
# Adding the delete back fixes this run, but not every run. SQS delivers each message **at least
# once** (lesson 06): a consumer can crash after the insert and before the delete, or be slower
# than the visibility timeout, and the message comes back. A consumer must therefore be
# **idempotent**: processing the same message twice must leave the same result as once.
#
# Let us reproduce the crash: consumer 1 inserts order `o-2003` and then dies before deleting
# it (and before it reaches the rest of its batch). Consumer 2 starts after the visibility
# timeout. The scenario as a function, so that we can run it twice:

# %%
class Crash(Exception):
    pass


def run_crash_scenario(db, insert):
    """Consumer 1 dies on o-2003 after its insert; 31 s later consumer 2 takes over."""
    clock = VirtualClock()
    svc = QueueService(clock=clock)
    q = svc.create_queue(QueueName="orders")["QueueUrl"]
    send_orders(svc, q, ORDERS[:5])

    def insert_then_maybe_crash(db, order):
        insert(db, order)
        if order["order_id"] == "o-2003":
            raise Crash("died after inserting o-2003, before its DeleteMessage")

    try:
        consume(svc, q, db, insert=insert_then_maybe_crash)
    except Crash as e:
        print("consumer 1:", e)
    clock.advance(31)                                  # the visibility timeout runs out
    print("consumer 2 processed:", consume(svc, q, db, insert=insert))
    print("rows:", db.execute("SELECT COUNT(*) FROM orders").fetchone()[0],
          "for", db.execute("SELECT COUNT(DISTINCT order_id) FROM orders").fetchone()[0], "orders")


# %% [markdown]
# With the plain table:

# %%
# NBVAL_CHECK_OUTPUT
run_crash_scenario(new_database(PLAIN), insert_order)

# %% [markdown]
# Consumer 1 received all five orders in one poll, inserted and deleted `o-2001` and `o-2002`,
# inserted `o-2003` and died. Consumer 2 got the three it left behind: `o-2003` again, and
# `o-2004` and `o-2005`. So `o-2003` is in the table twice.

# %% [markdown]
# ## The fix: a key the database enforces
#
# Give each order a **primary key** and let the database ignore a second insert of the same key
# (`INSERT OR IGNORE` in SQLite; `INSERT ... ON CONFLICT DO NOTHING` in PostgreSQL,
# `INSERT IGNORE` in MySQL on RDS). The key is the order id, which the producer put in the
# message. (The `MessageId` would also work for exact redeliveries, but not if a producer sends
# the same order twice as two messages.)

# %%
KEYED = "CREATE TABLE orders (order_id TEXT PRIMARY KEY, customer_id TEXT, address TEXT)"


def insert_order_once(db, order):
    db.execute("INSERT OR IGNORE INTO orders VALUES (?, ?, ?)",
               (order["order_id"], order["customer_id"], order["address"]))
    db.commit()


# %% [markdown]
# The same crash, the same redelivery, and now one row per order:

# %%
# NBVAL_CHECK_OUTPUT
run_crash_scenario(new_database(KEYED), insert_order_once)

# %% [markdown]
# Why not just the primary key with a plain `INSERT`? Then the second insert raises an error,
# the consumer crashes before deleting, the message comes back, the insert fails again... a
# message that can never be processed (a *poison message*; lesson 10's dead-letter queues catch
# those). Ignoring the duplicate, or checking "already done?" first, is what makes the consumer
# idempotent:

# %%
# NBVAL_CHECK_OUTPUT
db = new_database(KEYED)
insert_order(db, ORDERS[0])
try:
    insert_order(db, ORDERS[0])
except sqlite3.IntegrityError as e:
    print("plain INSERT, second time:    ", type(e).__name__, "-", e)
insert_order_once(db, ORDERS[0])
print("INSERT OR IGNORE, third time:  ok, rows =", db.execute("SELECT COUNT(*) FROM orders").fetchone()[0])

# %% [markdown]
# ## Recap
#
# - A consumer is your code: on EC2, on-premises, or in Lambda. It **polls** (up to 10 messages
#   per `ReceiveMessage`; 11 is `InvalidParameterValue`), **processes**, then **deletes** with
#   `DeleteMessage` (or up to 10 at once with `DeleteMessageBatch`, lesson 10).
# - Without the delete, every message comes back after the visibility timeout and is processed
#   again: duplicate orders.
# - Even with the delete, crashes and slow consumers cause redeliveries (at-least-once
#   delivery). Make processing **idempotent**: a primary key plus `INSERT OR IGNORE` (or
#   `ON CONFLICT DO NOTHING`) on the order id.
#
# **Exercises:** [02 · Receipt handles](../exercises/02_receipt_handles.ipynb) builds receive and
# delete into the toy queue; [08 · Idempotent consumer](../exercises/08_idempotent_consumer.ipynb)
# has you write a consumer that survives redeliveries.
