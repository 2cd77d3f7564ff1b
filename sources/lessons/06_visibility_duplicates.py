# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Lesson 06 source (percent format). Build: .venv/bin/python tools/nbbuild.py sources/lessons/06_visibility_duplicates.py

# %% [markdown]
# [← 05 Consuming messages](05_consuming_messages.ipynb) | [07 Scaling consumers →](07_scaling_consumers.ipynb)
#
# # 06 · Visibility, duplicates and ordering
#
# **Goal:** see what happens when several consumers (소비자) poll one queue at the same time, why a
# slow consumer makes a message arrive **twice** (at-least-once delivery), why the order of a
# standard queue is only "best effort", and how to write a consumer that does not care (an
# *idempotent* consumer).
#
# The lecture: *"만일 메시지가 소비자에 의해 충분히 빠르게 처리되지 않으면 다른 소비자가 수신하게
# 됩니다 그래서 적어도 한번은 전송이 된다고 하는 겁니다"*: if a consumer does not process a
# message fast enough, another consumer receives it; that is why we say at-least-once delivery.
# This notebook makes that sentence happen, step by step.

# %% [markdown]
# ## A toy queue on a virtual clock
#
# Time matters here (30-second timeouts), so we use the toy queue on a `VirtualClock`: time moves
# only when we call `clock.advance(...)`. The **visibility timeout** (가시성 제한 시간), the queue
# attribute `VisibilityTimeout`, is how long a received message stays hidden from other
# consumers: 30 s by default, 0 to 43,200 s (12 hours) if you set it.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue import QueueService, VirtualClock
from toyqueue.counts import counts

clock = VirtualClock()
svc = QueueService(clock=clock)
url = svc.create_queue(QueueName="orders")["QueueUrl"]
attrs = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["VisibilityTimeout"])["Attributes"]
print("VisibilityTimeout:", attrs["VisibilityTimeout"], "seconds")
for i in range(1, 7):
    svc.send_message(QueueUrl=url, MessageBody=f"order-{i}")
print(counts(svc, url))

# %% [markdown]
# ## Three consumers poll in parallel
#
# In the lecture three EC2 instances each call *poll* and each receives a **different set** of
# messages. Each line below also shows the message's **`ApproximateReceiveCount`**, a system
# attribute SQS keeps for every message: how many times it has been received so far.
#
# **Predict:** after three polls of 2 messages each, how many messages are visible?

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
print(counts(svc, url))

# %% [markdown]
# All six are in flight, two with each consumer. Now they work. A and C are quick: they process
# their orders and call `DeleteMessage`. B is slow: its orders take 45 seconds, longer than the
# 30-second visibility timeout. **Predict:** 31 s later, what do the counts say?

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
print(counts(svc, url))

# %% [markdown]
# B's two messages are **visible again**: the queue cannot know whether B crashed or is just slow,
# so after the timeout it gives the messages to whoever polls next. Consumer C polls again:

# %%
# NBVAL_CHECK_OUTPUT
batch_c2 = poll("consumer C")
print(counts(svc, url))

# %% [markdown]
# `receive #2`: the same orders, a second time, with **new receipt handles**; B still holds the
# old ones. At t = 45 s B finishes its (now duplicate) work and deletes with its old handles.
# **Predict:** do B's deletes remove the messages?

# %%
# NBVAL_CHECK_OUTPUT
clock.advance(14)                  # t = 45 s
process_and_delete("B", batch_b)
print(counts(svc, url))

# %% [markdown]
# The calls succeeded, but nothing was removed: both messages are still in flight, with C. On the
# toy an old receipt handle never deletes; real SQS answers success too but *may or may not*
# delete (LocalStack does, below). Only the newest handle is sure to. At t = 50 s C finishes:

# %%
# NBVAL_CHECK_OUTPUT
clock.advance(5)                   # t = 50 s
process_and_delete("C", batch_c2)
print(counts(svc, url))
for who, body in shipped:
    print(who, "shipped", body)

# %% [markdown]
# `order-3` and `order-4` were **shipped twice**, once by B and once by C: each second copy is a
# **duplicate message** (중복 메시지). This is **at-least-once delivery** (최소 1회 전송; the
# lecture says 적어도 한 번의 전송): SQS promises every message is delivered at least once, never
# only once. AWS adds that, rarely, a standard queue hands out a message again even after it was
# deleted: each message is stored on several servers, and one that was unavailable during the
# delete can still hold a copy. So a consumer must cope with duplicates whatever its timeout (we
# make that happen at the end of this lesson).

# %% [markdown]
# ## Ordering is best effort
#
# **Best-effort ordering** (최선의 노력 순서 지정) is a property of the standard queue itself. AWS's
# documentation: a standard queue tries to keep the order in which messages were sent and
# *generally* delivers them in it, but because a queue is spread over many servers,
# *occasionally* messages arrive out of order.
#
# The lecture says it twice, and its Korean transcript garbles it once. In the part on standard
# queues: *"최선의 오더라는 뜻으로 품절 메시지를 보낼 수도 있습니다"*. Read literally that is "in
# the sense of the best order, it may send sold-out messages", which means nothing. It is a
# machine translation of the English lecture: "최선의 오더" is *best-effort ordering* ("order"
# taken as a purchase order) and "품절 메시지" is *out-of-order messages* ("out of" taken as
# "sold out"). The sentence says: *standard queues have best-effort ordering: they can deliver
# messages out of order.* The second time it comes out right: *"이것이 최선의 노력으로 메시지
# 순서 지정을 하는 이유입니다"*, that is why message ordering is best effort.
#
# Two things reorder what your consumers see:
#
# 1. **Redelivery and parallel consumers**, which we just ran. Read the first time each order was
#    shipped:

# %%
# NBVAL_CHECK_OUTPUT
first_shipped = list(dict.fromkeys(body for _, body in shipped))
print("sent:   ", [f"order-{i}" for i in range(1, 7)])
print("shipped:", first_shipped)

# %% [markdown]
# 2. **The queue's own servers.** SQS stores every message of a standard queue on several servers,
#    and a receive (a short poll, lesson 10) asks only some of them, so even one consumer with no timeouts
#    can get a later message before an earlier one. By default the toy keeps one ordered list, as
#    LocalStack does, so with one consumer and nothing redelivered it hands out the oldest first:

# %%
# NBVAL_CHECK_OUTPUT
ordered = svc.create_queue(QueueName="orders-ordered")["QueueUrl"]
for i in range(1, 7):
    svc.send_message(QueueUrl=ordered, MessageBody=f"order-{i}")
one_by_one = []
while got := svc.receive_message(QueueUrl=ordered).get("Messages"):
    one_by_one.append(got[0]["Body"])
    svc.delete_message(QueueUrl=ordered, ReceiptHandle=got[0]["ReceiptHandle"])
print("one consumer, one at a time:", one_by_one)

# %% [markdown]
# That order is the toy's simplification, not a promise SQS makes. The toy also has a
# **realistic mode** that keeps the servers: `QueueService(realistic=True, seed=5)` stores each
# message on 2 of 5 servers, and each receive asks 2 of them, drawn at random. The seed fixes
# the draws, so this notebook prints the same every time. **Predict:** the same six sends and
# the same loop, one consumer, nothing slow. In which order do the orders come out?

# %%
# NBVAL_CHECK_OUTPUT
real = QueueService(clock=clock, realistic=True, seed=5)
ordered = real.create_queue(QueueName="orders-ordered")["QueueUrl"]
for i in range(1, 7):
    real.send_message(QueueUrl=ordered, MessageBody=f"order-{i}")
servers = real.queue(ordered).servers()                 # looking inside: who holds which copy
for server, held in servers.items():
    print(f"server {server} holds", [m.body for m in held])
one_by_one = []
while got := real.receive_message(QueueUrl=ordered).get("Messages"):
    one_by_one.append(got[0]["Body"])
    print(f"asked servers {real.queue(ordered).last_sample} -> got {got[0]['Body']}")
    real.delete_message(QueueUrl=ordered, ReceiptHandle=got[0]["ReceiptHandle"])
print("one consumer, one at a time:", one_by_one)

# %% [markdown]
# `order-5` came second. The second receive asked servers 3 and 4; `order-2`, `order-3` and
# `order-4` have no copy there, so the oldest message it could find was `order-5`. Nobody was
# slow and nothing was received twice: with one consumer, the order is still not the send order.
#
# So never let correctness depend on the order of a standard queue: put a sequence number or
# timestamp in the message if you need one, or use a FIFO queue, which keeps the order within a
# group (lesson 10).

# %% [markdown]
# ## Watch it: the QueueView widget
#
# `toyqueue.sim.consumers` runs the same story as a simulation on the toy queue: each consumer
# polls for 2 messages, takes 10 s per message and then deletes it; consumer 3 is 3.5 times
# slower, so its visibility timeout runs out while it works:

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.sim.consumers import simulate

run = simulate(messages=6, consumers=3, batch=2, processing_time=10, visibility_timeout=30,
               slow_consumers=1, slow_factor=3.5, jitter=0, seed=1)
print(run.summary())

# %% [markdown]
# The widget draws such runs. Each chip is a message, in its lane: delayed, visible (waiting), in
# flight (hidden), deleted. A pink badge (x2) marks a redelivered message. Press play, or step
# through; change the sliders (more consumers, a shorter visibility timeout, slower consumers)
# and see how the number of duplicates changes.

# %%
# NBVAL_IGNORE_OUTPUT
from toyqueue.widgets import QueueView

QueueView(messages=12, consumers=3, slow_consumers=1)

# %% [markdown]
# ## ChangeMessageVisibility: asking for more time
#
# A consumer that knows it needs longer can say so with `ChangeMessageVisibility`. The new timeout
# counts **from the moment of the call** (it is not added to the old one), and it is not remembered
# for the next receive. Below, consumer B receives an order and after 20 s sets its timeout to
# 60 s. **Predict:** at t = 31 s, can consumer C see the message? When does it come back?

# %%
# NBVAL_CHECK_OUTPUT
svc.send_message(QueueUrl=url, MessageBody="order-7")
t0 = clock.now()
[m] = poll("consumer B", n=1)
clock.advance(20)
svc.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"], VisibilityTimeout=60)
clock.advance(11)
poll("consumer C")                 # t = 31 s
clock.advance(50)
back = poll("consumer C")          # t = 81 s: 20 + 60 s have passed

# %% [markdown]
# Setting the visibility timeout to **0** hands a message back at once, for example when a
# consumer is shutting down and wants someone else to take its work:

# %%
# NBVAL_CHECK_OUTPUT
svc.change_message_visibility(QueueUrl=url, ReceiptHandle=back[0]["ReceiptHandle"], VisibilityTimeout=0)
print(counts(svc, url))

# %% [markdown]
# And the limit: a visibility timeout can be at most 12 hours (43,200 s).

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.errors import SQSError

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
# again. LocalStack checks its timers about once a second, so this is the one place in the lesson
# that waits a little real time.

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
while not again and time.monotonic() - started < 10:
    again = ls.receive_message(QueueUrl=ls_url, WaitTimeSeconds=1, VisibilityTimeout=30,
                               MessageSystemAttributeNames=["ApproximateReceiveCount"]).get("Messages", [])
second = again[0]
print("same message:", first["MessageId"] == second["MessageId"])
print("ApproximateReceiveCount:", second["Attributes"]["ApproximateReceiveCount"])
print("new receipt handle:", first["ReceiptHandle"] != second["ReceiptHandle"])

# %%
print(f"it came back after {time.monotonic() - started:.1f} s of real time")

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
# And a delete with the *old* receipt handle, which removed nothing on the toy:

# %%
# NBVAL_CHECK_OUTPUT
ls.delete_message(QueueUrl=ls_url, ReceiptHandle=first["ReceiptHandle"])      # the OLD handle
print(counts(ls, ls_url))
_ = ls.delete_queue(QueueUrl=ls_url)

# %% [markdown]
# LocalStack removed the message. The toy keeps it, real SQS may do either: never count on an old
# handle. Delete with the newest one.

# %% [markdown]
# ## The fix: an idempotent consumer
#
# We cannot stop duplicates, so we make them harmless. A consumer is **idempotent** (멱등) when
# processing the same message twice has the same effect as processing it once. The usual way:
# give every piece of work a business key (here the order id) and let the database refuse a
# second insert. The consumers now write into an SQLite table (lesson 05) whose primary key is
# the order id; `INSERT OR IGNORE` turns a second insert of the same order into a no-op
# (`INSERT ... ON CONFLICT DO NOTHING` in PostgreSQL, `INSERT IGNORE` in MySQL on RDS).

# %%
import sqlite3

db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE shipments (order_id TEXT PRIMARY KEY, shipped_by TEXT)")

def ship_idempotently(consumer, messages, quiet=False):
    """Ship each order once, whatever the number of deliveries; quiet: say only what is skipped."""
    for m in messages:
        cur = db.execute("INSERT OR IGNORE INTO shipments VALUES (?, ?)", (m["Body"], consumer))
        if cur.rowcount == 0 or not quiet:
            print(f"{consumer} {m['Body']}: {'shipped' if cur.rowcount else 'already shipped, skipped'}")
        svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])

# %% [markdown]
# The same scenario as before, on a fresh queue, in one cell: six orders, slow consumer B, C
# receives B's orders again at t = 31 s, B finishes at t = 45 s, C at t = 50 s. **Predict:** eight
# deliveries; how many rows?

# %%
# NBVAL_CHECK_OUTPUT
url = svc.create_queue(QueueName="orders-idempotent")["QueueUrl"]
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
print(db.execute("SELECT COUNT(*) FROM shipments").fetchone()[0], "rows for 6 orders;", counts(svc, url))

# %% [markdown]
# Six shipments, an empty queue: the duplicate did no harm, whichever copy finished first.
#
# Why not a plain `INSERT` with the primary key? The second insert would raise an error, the
# consumer would crash before deleting, the message would come back, fail again... a message that
# can never be processed, a **poison message** (lesson 10's dead-letter queues catch those).
# Ignoring the duplicate, or checking "already done?" first, is what makes the consumer
# idempotent. Why the order id and not the `MessageId`? A `MessageId` catches redeliveries, but a
# producer that *sends* the same order twice creates two ids. Other ways: upserts, or operations
# that are naturally repeatable ("set status to shipped" rather than "add one shipment"). FIFO
# queues (lesson 10) add deduplication on the producer side; the consumer side still matters.

# %% [markdown]
# ## Duplicates without any timeout
#
# Every duplicate so far had a cause we could see: B was slow. AWS names another, rarer one. A
# standard queue stores each message on several servers; if one of them is unavailable when you
# delete, its copy is not deleted, *"and you might get that message copy again when you receive
# messages"* (SQS Developer Guide, *At-least-once delivery*). Then the queue itself redelivers.
#
# The realistic toy does that too: now and then (2 % of deletes, our number; AWS only says "on
# rare occasions") a delete misses one copy. That copy stays hidden until the visibility timeout
# of the receive it belonged to runs out, then it is visible again, until its server catches up
# with the delete a minute later. Rare means we need a few hundred orders to see it: 200 orders,
# one consumer that receives up to 10 each second and ships and deletes each order at once.

# %%
def realistic_orders(n=200, seed=7):
    """A realistic toy queue holding order-1 ... order-n (the same seed: the same run)."""
    real = QueueService(clock=clock, realistic=True, seed=seed)
    real_url = real.create_queue(QueueName="orders")["QueueUrl"]
    for start in range(0, n, 10):
        real.send_message_batch(QueueUrl=real_url, Entries=[
            {"Id": str(i), "MessageBody": f"order-{start + i + 1}"} for i in range(min(10, n - start))])
    return real, real_url

def every_second(consume, seconds=60):
    """One consumer: each second, receive up to 10 orders and `consume` them (ship, then delete).
    Says when an order comes back."""
    start, first = clock.now(), {}
    for _ in range(seconds):
        got = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                                  MessageSystemAttributeNames=["ApproximateReceiveCount"]).get("Messages", [])
        for m in got:
            now = clock.now() - start
            if m["Body"] in first:
                print(f"t={now:>3.0f}s  {m['Body']} is back (receive #{m['Attributes']['ApproximateReceiveCount']});"
                      f" it was received and deleted at t={first[m['Body']]:.0f}s")
            first.setdefault(m["Body"], now)
        consume(got)
        clock.advance(1)

# %% [markdown]
# First a naive consumer: the lesson's `process_and_delete`, which ships whatever it receives.
# **Predict:** 200 orders, every delete made within a second of its receive. How many
# shipments?

# %%
# NBVAL_CHECK_OUTPUT
from collections import Counter

svc, url = realistic_orders()
shipped.clear()
every_second(lambda got: process_and_delete("A", got))
twice = [body for body, n in Counter(body for _, body in shipped).items() if n > 1]
print(len(shipped), "shipments for 200 orders; shipped twice:", twice)

# %% [markdown]
# Four orders were shipped twice. Each came back at least 30 s after its delete: the default
# visibility timeout of the receive that was deleted. The consumer was never slow and every
# delete succeeded, yet `ApproximateReceiveCount` says 2. Timeouts cannot explain this duplicate;
# only an idempotent consumer survives it.
#
# The same seed and the same calls give the same deliveries, so we can replay the run with our
# idempotent consumer, `ship_idempotently` (quiet: it only says what it skips), on an empty table:

# %%
# NBVAL_CHECK_OUTPUT
svc, url = realistic_orders()
db.execute("DELETE FROM shipments")
every_second(lambda got: ship_idempotently("A", got, quiet=True))
print(db.execute("SELECT COUNT(*) FROM shipments").fetchone()[0], "rows for 200 orders")

# %% [markdown]
# The same four deliveries came back, and each was skipped: 200 shipments for 200 orders.
#
# ### Watch it: a copy that missed its delete
#
# `QueueView` has a realistic mode too: below the lanes sit the 5 servers, with the copies each
# holds; the servers the latest short poll asked are grey (its checkbox *realistic SQS (servers)*
# switches it on). Three consumers, none slow (each message takes about 3 s, the visibility
# timeout is 8 s). The story of message `m20`:

# %%
# NBVAL_CHECK_OUTPUT
view = QueueView(slow_consumers=0, realistic=True, seed=19)
for e in view.data.events:
    if e.message == "m20":
        print(f"t={e.time:>5.1f}s  {e.action:<7} {e.detail}".rstrip())

# %% [markdown]
# Consumer 1 deleted `m20` 3.4 s after receiving it, but one server missed the delete. Step to
# t = 20 s: that server's copy of `m20` has a dashed pink border, and it is the only copy left.
# At t = 23.7 s a poll hands it out again.

# %%
# NBVAL_IGNORE_OUTPUT
view.show(20)
view

# %% [markdown]
# ## Recap
#
# - Many consumers can poll one queue; each receive hides the messages it returns for the
#   **visibility timeout** (가시성 제한 시간; default 30 s, 0 to 12 h).
# - A message that is not deleted in time becomes visible again and goes to another consumer:
#   **at-least-once delivery**, seen as `ApproximateReceiveCount` 2.
# - Every receive gives a new receipt handle. A delete with an old one succeeds but may remove
#   nothing (the toy: never; LocalStack: it does): delete with the newest.
# - **Best-effort ordering** (the lecture's garbled "최선의 오더 ... 품절 메시지": out-of-order
#   messages can happen): redelivery, parallel consumers and the queue's own servers all reorder;
#   the realistic toy showed one consumer getting `order-5` before `order-2`.
# - `ChangeMessageVisibility` extends (or ends, with 0) the timeout, counted from the call.
# - Make consumers **idempotent**: a duplicate must do no harm. Even a fast consumer gets
#   duplicates: a delete can miss a copy on a server that was down (204 deliveries of 200
#   orders on the realistic toy; the idempotent consumer still shipped 200).

# %%
from toyqueue.widgets import quiz

quiz("06")

# %% [markdown]
# **Exercises:** build the visibility timeout yourself in
# [03 · Visibility timeout](../exercises/03_visibility_timeout.ipynb), and write an idempotent
# consumer in [08 · Idempotent consumer](../exercises/08_idempotent_consumer.ipynb).
#
# Next: [07 Scaling consumers →](07_scaling_consumers.ipynb)
