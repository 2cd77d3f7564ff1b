# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Lesson 05 source: built into notebooks/05_consuming_messages.ipynb by tools/nbbuild.py.

# %% [markdown]
# [← 04 Producing messages](04_producing_messages.ipynb) | [06 Visibility and duplicates →](06_visibility_duplicates.ipynb)
#
# # 05 · Consuming messages
#
# **Goal:** write a consumer (소비자) that polls a queue up to 10 messages at a time, processes
# each order by inserting it into a real database, and deletes what it has processed. Then break
# it on purpose: see what a forgotten `DeleteMessage` does.

# %% [markdown]
# ## A consumer is just your code, running anywhere
#
# A consumer is an application you write. It can run:
#
# - on **EC2** instances (Amazon Elastic Compute Cloud: virtual servers you rent in AWS), often
#   in a group that grows and shrinks with the work (lesson 07);
# - on your own **on-premises** servers (in your own building, not in AWS): SQS is an API on the
#   internet, reachable from anywhere;
# - in **AWS Lambda** (functions AWS runs for you, without servers to manage), where AWS polls
#   the queue for you and calls your function with a batch of messages.
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
from toyqueue.counts import counts

backends = {"LocalStack": client("localstack"), "toy": client("toy")}
run_id = uuid.uuid4().hex[:8]           # LocalStack is shared: keep this run's queue apart
urls = {name: sqs.create_queue(QueueName=f"orders-{run_id}")["QueueUrl"]
        for name, sqs in backends.items()}

ORDERS = [{"order_id": f"o-{n}", "customer_id": f"c-{n % 7}", "address": f"{n} Teheran-ro, Seoul"}
          for n in range(2001, 2026)]


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
# The lecture: *"소비자는 아마 한 번에 최대 10개의 메세지를 받을 겁니다"*. `ReceiveMessage`
# returns **at most 10** messages per call (`MaxNumberOfMessages`, default 1). Ten is a hard
# limit; eleven is an error, the same on both backends:

# %%
# NBVAL_CHECK_OUTPUT
from botocore.exceptions import ClientError

for name, sqs in backends.items():
    try:
        sqs.receive_message(QueueUrl=urls[name], MaxNumberOfMessages=11)
    except ClientError as e:
        print(f"{name:10} {e.response['Error']['Code']}: {e.response['Error']['Message']}")

# %% [markdown]
# **Predict:** with 25 orders waiting, what do three polls of 10 bring back? This is only a
# peek: we put every message back afterwards, so the real consumer below still finds all 25.
#
# `WaitTimeSeconds=1` makes each poll wait up to a second for a message before answering empty:
# long polling, lesson 10.

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
# In the lecture, processing means inserting each order into an **RDS** database (Amazon
# Relational Database Service: SQL databases such as PostgreSQL or MySQL that AWS runs for you):
# *"RDS 데이터베이스에 오더를 입력하는 경우를 생각해 보죠"*. We use **SQLite** instead: a real
# SQL database built into Python, in memory, nothing to install. The SQL is the same you would
# run on RDS.

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
def consume(sqs, queue_url, db, delete=True):
    """Poll until the queue answers empty; return how many messages were processed."""
    processed = 0
    while True:
        got = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10,
                                  WaitTimeSeconds=1).get("Messages", [])
        if not got:
            return processed
        for m in got:
            insert_order(db, json.loads(m["Body"]))                                # process
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
# tells SQS "done, nobody else needs to see this one"; in the lecture's words, *"그러면 다른
# 소비자들이 이 메세지를 볼 수 없게 되겠죠"* (then the other consumers can no longer see it).

# %%
for name, sqs in backends.items():
    sqs.delete_queue(QueueUrl=urls[name])

# %% [markdown]
# ## What goes wrong without the delete
#
# Now forget the `DeleteMessage` call. Receiving a message only hides it for the queue's
# *visibility timeout* (30 s by default; lesson 06 is about it). When that runs out with no
# delete, SQS assumes the consumer died and makes the message visible again, so that someone
# else can process it.
#
# To watch 30 seconds pass without waiting, this part runs on the toy in this process with a
# virtual clock. **Predict:** 31 s after a run that forgot the delete, how many messages are
# visible, and how many rows does the table hold after the next run?

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
# ## Recap
#
# - A consumer is your code: on EC2, on-premises, or in Lambda. It **polls** (up to 10 messages
#   per `ReceiveMessage`; 11 is `InvalidParameterValue`), **processes**, then **deletes** with
#   `DeleteMessage`.
# - Without the delete, every message comes back after the visibility timeout and is processed
#   again: duplicate orders. Lesson 06 shows that this can happen even with the delete, and how
#   to make the duplicates harmless.

# %%
from toyqueue.widgets import quiz

quiz("05")

# %% [markdown]
# **Exercise:** [02 · Receipt handles](../exercises/02_receipt_handles.ipynb) builds receive and
# delete into the toy queue.
#
# Next: [06 Visibility, duplicates and ordering →](06_visibility_duplicates.ipynb)
