# Lesson 06 source (percent format). Build: .venv/bin/python tools/nbbuild.py sources/lessons/06_visibility_duplicates.py

# %% [markdown]
# [← 05 Consuming messages](05_consuming_messages.ipynb) | [07 Scaling consumers →](07_scaling_consumers.ipynb)
#
# # 06 · Visibility, duplicates and ordering
#
# **Goal:** see what happens when several consumers (소비자) poll one queue at the same time, why a
# slow consumer makes a message arrive **twice** (at-least-once delivery), why the order is only
# "best effort", and how to write a consumer that does not care (an *idempotent* consumer).
#
# The lecture: *"If a message is not processed fast enough by a consumer, it will be received by
# another consumer. That is why we say at-least-once delivery, and that is why message ordering is
# best effort."* This notebook makes that sentence happen, step by step.

# %% [markdown]
# ## Setting up: a toy queue on a virtual clock
#
# Time matters in this lesson (30-second timeouts), so we use the toy queue with a `VirtualClock`:
# time moves only when we call `clock.advance(...)`. Nothing sleeps, and every run prints the same
# numbers.
#
# `VisibilityTimeout` (가시성 제한 시간, the **visibility timeout**) is a queue attribute: how long
# a received message stays hidden from other consumers. The default is 30 seconds; it can be 0 to
# 43,200 seconds (12 hours).

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue import QueueService, VirtualClock

clock = VirtualClock()
svc = QueueService(clock=clock)
url = svc.create_queue(QueueName="orders")["QueueUrl"]
attrs = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["VisibilityTimeout"])["Attributes"]
print("VisibilityTimeout:", attrs["VisibilityTimeout"], "seconds")

# %% [markdown]
# A producer sends six orders. A small helper, `depth()`, reads the queue's own counters (lesson
# 02): `ApproximateNumberOfMessages` (visible, waiting) and `ApproximateNumberOfMessagesNotVisible`
# (in flight: received, not yet deleted).

# %%
# NBVAL_CHECK_OUTPUT
def depth():
    """The two counters this lesson watches; SQS calls them approximate, the toy's are exact."""
    a = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    return {"visible": int(a["ApproximateNumberOfMessages"]),
            "in flight": int(a["ApproximateNumberOfMessagesNotVisible"])}

for i in range(1, 7):
    svc.send_message(QueueUrl=url, MessageBody=f"order-{i}")
print(depth())

# %% [markdown]
# ## Three consumers poll in parallel
#
# In the lecture three EC2 instances each call *poll* and each receives a **different set** of
# messages. A received message is not removed: it becomes *in flight* (invisible) so that the other
# consumers do not get it too.
#
# Each line also shows the message's `ApproximateReceiveCount`, a message system attribute: how
# many times the message has been received so far.

# %%
# NBVAL_CHECK_OUTPUT
def poll(consumer, n=2):
    """One ReceiveMessage call; returns the messages and prints what this consumer got."""
    got = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=n,
                              MessageSystemAttributeNames=["ApproximateReceiveCount"]).get("Messages", [])
    print(f"t={clock.now() - t0:>4.0f}s  {consumer} got",
          [(m["Body"], "receive #" + m["Attributes"]["ApproximateReceiveCount"]) for m in got])
    return got

t0 = clock.now()
batch_a = poll("consumer A")
batch_b = poll("consumer B")
batch_c = poll("consumer C")
print(depth())

# %% [markdown]
# Nothing is visible any more: all six messages are in flight, two with each consumer.
#
# Now the consumers work. A and C are quick: they process their orders and call `DeleteMessage`.
# B is slow: its orders take 45 seconds, longer than the 30-second visibility timeout.

# %%
# NBVAL_CHECK_OUTPUT
shipped = []                       # what the consumers did, in the order they did it

def process_and_delete(consumer, messages):
    for m in messages:
        shipped.append((consumer, m["Body"]))
        svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])

process_and_delete("A", batch_a)
process_and_delete("C", batch_c)
clock.advance(31)                  # B is still busy... and 31 s have passed
print(depth())

# %% [markdown]
# B's two messages are **visible again**: the queue cannot know whether B crashed or is just slow,
# so after the timeout it gives the messages to whoever polls next. Consumer C polls again and
# starts working on them:

# %%
# NBVAL_CHECK_OUTPUT
batch_c2 = poll("consumer C")
print(depth())

# %% [markdown]
# `receive #2`: the same orders, a second time. C's receive also came with **new receipt handles**;
# B still holds the old ones.
#
# At t = 45 s B finally finishes its (now duplicate) work and deletes with its old handles. The
# calls succeed, no error, but look at the counters:

# %%
# NBVAL_CHECK_OUTPUT
clock.advance(14)                  # t = 45 s
process_and_delete("B", batch_b)
print(depth())

# %% [markdown]
# Nothing was removed: both messages are still in flight, with C. On the toy an old receipt handle
# never deletes. Real SQS answers success too, but *may or may not* delete (we will see LocalStack
# do it). Only the newest handle is sure to delete.
#
# At t = 50 s C finishes and deletes with its new handles:

# %%
# NBVAL_CHECK_OUTPUT
clock.advance(5)                   # t = 50 s
process_and_delete("C", batch_c2)
print(depth())
for who, body in shipped:
    print(who, "shipped", body)

# %% [markdown]
# `order-3` and `order-4` were **shipped twice**, once by B and once by C. Each second copy is a
# **duplicate message** (중복 메시지).
#
# This is **at-least-once delivery**: SQS promises a message is delivered at least once, never
# that it is delivered only once. (Very rarely a standard queue even delivers a message again
# after it was deleted, so a consumer must cope with duplicates whatever its timeout.)

# %% [markdown]
# Now read the first time each order was shipped: 1, 2, 5, 6, 3, 4. A standard queue tries to keep
# the send order, but retries and parallel consumers shuffle it: **best-effort ordering**.

# %% [markdown]
# ## Watch it: a simulation and the QueueView widget
#
# `toyqueue.sim.consumers` runs the same story as a small simulation on the toy queue: each
# consumer polls for 2 messages, takes 10 s per message, and deletes it when done. Consumer 3 is
# slow (3.5 times slower, 35 s a message), so it is still on its first message when its 30-second
# visibility timeout ends.
#
# Each delete event says whether it really removed the message (`e.deleted`).

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.sim.consumers import simulate

run = simulate(messages=6, consumers=3, batch=2, processing_time=10, visibility_timeout=30,
               slow_consumers=1, slow_factor=3.5, jitter=0, seed=1)
for e in run.events:
    if e.action == "receive":
        print(f"t={e.time:>3.0f}s  consumer {e.consumer}  receive {e.message}  {e.detail}")
    elif e.action == "delete":
        result = "removed it" if e.deleted else "removed nothing (old receipt handle)"
        print(f"t={e.time:>3.0f}s  consumer {e.consumer}  delete  {e.message}  {result}")
print(run.summary())

# %% [markdown]
# At t = 30 s, consumer 1 receives m5 and m6 a second time (`receive #2`) while consumer 3 is still
# working on them, and both consumers end up processing them.
#
# At t = 35 s consumer 3 finishes m5 and deletes it with its old receipt handle: nothing is
# removed, and consumer 1 is still working on m5. Consumer 1's delete at t = 40 s, with the newest
# handle, removes it.
#
# The widget below draws such runs. Each chip is a message, in its lane: delayed, visible
# (waiting), in flight (hidden), deleted. A pink badge (x2) marks a redelivered message. Press
# play, or step through; change the sliders (more consumers, a shorter visibility timeout, slower
# consumers) and see how the number of duplicates changes.

# %%
# NBVAL_IGNORE_OUTPUT
from toyqueue.widgets import QueueView

QueueView(messages=12, consumers=3, slow_consumers=1)

# %% [markdown]
# ## ChangeMessageVisibility: asking for more time
#
# A consumer that knows it needs longer can say so with `ChangeMessageVisibility`. The new timeout
# counts **from the moment of the call** (it is not added to the old one), and it is not remembered
# for the next receive.
#
# Below, consumer B receives an order, and after 20 s sets its timeout to 60 s from now. At
# t = 31 s (past the original 30 s) nobody else can see the message; at t = 81 s it is back.

# %%
# NBVAL_CHECK_OUTPUT
svc.send_message(QueueUrl=url, MessageBody="order-7")
t0 = clock.now()
[m] = poll("consumer B", n=1)
clock.advance(20)
svc.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"], VisibilityTimeout=60)
clock.advance(11)
poll("consumer C")                 # t = 31 s: still hidden
clock.advance(50)
back = poll("consumer C")          # t = 81 s: 20 + 60 s have passed, the message is back

# %% [markdown]
# Setting the visibility timeout to **0** hands a message back at once, for example when a
# consumer is shutting down and wants someone else to take its work. After that, C's receipt
# handle is no good for changing the visibility any more: the message is not in flight.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.errors import SQSError

svc.change_message_visibility(QueueUrl=url, ReceiptHandle=back[0]["ReceiptHandle"], VisibilityTimeout=0)
print(depth())                     # visible again at once
try:
    svc.change_message_visibility(QueueUrl=url, ReceiptHandle=back[0]["ReceiptHandle"], VisibilityTimeout=60)
except SQSError as e:
    print(type(e).__name__, "->", e.message)

# %% [markdown]
# And the limit: a visibility timeout can be at most 12 hours (43,200 s).

# %%
# NBVAL_CHECK_OUTPUT
[m] = poll("consumer A")
try:
    svc.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"], VisibilityTimeout=43_201)
except SQSError as e:
    print(type(e).__name__, "->", e.message)
finally:
    svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])   # order-7 done

# %% [markdown]
# ## The same on LocalStack, through boto3
#
# Now the real API. We receive a message with a 1-second visibility timeout (`VisibilityTimeout`
# on the receive overrides the queue's 30 s for this receive only), do not delete it, and poll
# again. LocalStack checks its timers about once a second, so this takes up to ~2 s of real
# time (the only real waiting in this lesson). The message comes back with the same `MessageId`
# and `ApproximateReceiveCount` 2.

# %%
# NBVAL_CHECK_OUTPUT
import time, uuid
from toyqueue.clients import client

ls = client("localstack")
RUN = uuid.uuid4().hex[:8]           # keeps queue names unique between runs (never printed)
ls_url = ls.create_queue(QueueName=f"l06-orders-{RUN}")["QueueUrl"]
ls.send_message(QueueUrl=ls_url, MessageBody="order-1")

first = ls.receive_message(QueueUrl=ls_url, VisibilityTimeout=1)["Messages"][0]
started = time.monotonic()
again = []
while not again and time.monotonic() - started < 5:
    again = ls.receive_message(QueueUrl=ls_url, WaitTimeSeconds=1, VisibilityTimeout=30,
                               MessageSystemAttributeNames=["ApproximateReceiveCount"]).get("Messages", [])
second = again[0]
waited = time.monotonic() - started
print("same message:", first["MessageId"] == second["MessageId"])
print("ApproximateReceiveCount:", second["Attributes"]["ApproximateReceiveCount"])
print("new receipt handle:", first["ReceiptHandle"] != second["ReceiptHandle"])

# %%
print(f"it came back after {waited:.1f} s of real time")

# %% [markdown]
# A LocalStack difference worth knowing: it does not check the 12-hour limit of
# `ChangeMessageVisibility` that real SQS (and the toy, above) enforce.

# %%
# NBVAL_CHECK_OUTPUT
try:
    ls.change_message_visibility(QueueUrl=ls_url, ReceiptHandle=second["ReceiptHandle"], VisibilityTimeout=43_201)
    print("LocalStack accepted VisibilityTimeout=43201; real SQS answers InvalidParameterValue")
except ls.exceptions.ClientError as e:
    print("LocalStack:", e.response["Error"]["Code"])

# %% [markdown]
# Every receive returns a **new receipt handle**. What does a delete with the *old* one do here?
# On the toy it removed nothing. LocalStack:

# %%
# NBVAL_CHECK_OUTPUT
ls.delete_message(QueueUrl=ls_url, ReceiptHandle=first["ReceiptHandle"])      # the OLD handle
attrs = ls.get_queue_attributes(QueueUrl=ls_url, AttributeNames=["ApproximateNumberOfMessages",
                                                                  "ApproximateNumberOfMessagesNotVisible"])
print(attrs["Attributes"])

# %% [markdown]
# LocalStack removed the message, although the old handle was used. The toy keeps it, real SQS may
# do either: the answer depends on the implementation, so never count on an old handle. Delete
# with the newest one.

# %% [markdown]
# ## The fix: an idempotent consumer
#
# We cannot stop duplicates, so we make them harmless. A consumer is **idempotent** when processing
# the same message twice has the same effect as processing it once. The usual way: give every
# piece of work a business key (here the order id) and let the database refuse a second insert.
#
# Each consumer writes into an SQLite table whose primary key is the order id (SQLite stands in
# for the lecture's RDS database). `INSERT OR IGNORE` turns a second insert of the same order into
# a no-op.

# %%
import sqlite3

db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE shipments (order_id TEXT PRIMARY KEY, shipped_by TEXT)")

def ship_idempotently(consumer, messages):
    for m in messages:
        cur = db.execute("INSERT OR IGNORE INTO shipments VALUES (?, ?)", (m["Body"], consumer))
        print(f"{consumer} {m['Body']}: {'shipped' if cur.rowcount else 'already shipped, skipped'}")
        svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])

# %% [markdown]
# The same scenario as before, on a fresh queue: six orders, slow consumer B, C receives B's orders
# again at t = 31 s, B finishes at t = 45 s, C at t = 50 s.

# %%
# NBVAL_CHECK_OUTPUT
url = svc.create_queue(QueueName="orders-idempotent")["QueueUrl"]   # a fresh queue for the rerun
for i in range(1, 7):
    svc.send_message(QueueUrl=url, MessageBody=f"order-{i}")
t0 = clock.now()
a, b, c = poll("consumer A"), poll("consumer B"), poll("consumer C")
ship_idempotently("A", a); ship_idempotently("C", c)
clock.advance(31)
c2 = poll("consumer C")
clock.advance(14)
ship_idempotently("B", b)                    # t = 45 s: B ships first, its deletes remove nothing
clock.advance(5)
ship_idempotently("C", c2)                   # t = 50 s: C's copies are skipped, its deletes count
print(db.execute("SELECT COUNT(*) FROM shipments").fetchone()[0], "rows for 6 orders;", depth())

# %% [markdown]
# Eight deliveries, six shipments, an empty queue. The duplicate did no harm, whichever copy
# finished first.
#
# Other ways to be idempotent: remember processed `MessageId`s (fine for timeouts, but a producer
# that *sends* twice creates two ids), use upserts, or make the operation naturally repeatable
# ("set status to shipped" rather than "add one shipment"). FIFO queues (lesson 10) add
# deduplication on the queue side, but the consumer side still matters.

# %%
ls.delete_queue(QueueUrl=ls_url);

# %% [markdown]
# ## Recap
#
# - Many consumers can poll one queue; each receive hides the messages it returns for the
#   **visibility timeout** (가시성 제한 시간; default 30 s, 0 to 12 h).
# - A message that is not deleted in time becomes visible again and goes to another consumer:
#   **at-least-once delivery**, seen as `ApproximateReceiveCount` 2.
# - Every receive gives a new receipt handle. A delete with an old one succeeds but may remove
#   nothing (the toy: never; LocalStack: it does): delete with the newest.
# - Retries and parallel consumers shuffle the order: **best-effort ordering** on standard queues.
# - `ChangeMessageVisibility` extends (or ends, with 0) the timeout, counted from the call.
# - Make consumers **idempotent**: a duplicate must do no harm.
#
# **Exercises:** build the visibility timeout yourself in
# [03 · Visibility timeout](../exercises/03_visibility_timeout.ipynb), and write an idempotent consumer in
# [08 · Idempotent consumer](../exercises/08_idempotent_consumer.ipynb).
#
# Next: [07 Scaling consumers →](07_scaling_consumers.ipynb)
