# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Lesson 02 source: built into notebooks/02_what_is_a_queue.ipynb by tools/nbbuild.py.

# %% [markdown]
# [← 01 Sync vs async](01_sync_vs_async.ipynb) | [03 The standard queue →](03_standard_queue.ipynb)
#
# # 02 · What is a queue?
#
# **Goal:** know the three roles around a queue (대기열): **producers** (생산자) send messages,
# **consumers** (소비자) poll for them, process them and delete them, and the **queue** in the
# middle holds what is not yet done. You build a tiny queue yourself in a few lines, then meet
# the course's toy SQS, then run several producers and consumers at once.

# %% [markdown]
# ## The picture
#
# ```
#  producer ─┐                              ┌─> consumer: poll, process, delete
#  producer ─┼─ SendMessage ─> [ queue ] ───┼─> consumer: poll, process, delete
#  producer ─┘                              └─> consumer: poll, process, delete
# ```
#
# - A **message** can be anything the two sides agree on: "process order 1001", "encode video
#   42.mp4". SQS does not look inside.
# - A **producer** is whatever sends messages into the queue. There can be one or many.
# - A **consumer** *polls* the queue: it asks "is there a message for me?". If there is, it gets
#   the message, does the work, and then **deletes** the message from the queue. There can be
#   one or many consumers too.
# - The **queue** sits between them as a **buffer** (버퍼): producers and consumers never talk to
#   each other, and neither has to keep pace with the other.

# %% [markdown]
# ## A queue in a few lines
#
# The heart of a queue is a first-in, first-out list: Python's `collections.deque`. One detail
# makes it an SQS-like queue: **receiving does not remove a message**. The consumer deletes it
# only once the work is done, so a message is in one of two places: *waiting* for a consumer, or
# **in flight** (received, being processed, not yet deleted).

# %%
import itertools
from collections import deque


class TinyQueue:
    def __init__(self):
        self.waiting = deque()          # sent, not yet received: oldest on the left
        self.in_flight = {}             # received, not yet deleted: id -> body
        self._ids = itertools.count(1)

    def send(self, body):
        self.waiting.append((next(self._ids), body))

    def receive(self):
        """Hand out the oldest waiting message, or None if there is nothing to do."""
        if not self.waiting:
            return None
        msg_id, body = self.waiting.popleft()
        self.in_flight[msg_id] = body
        return msg_id, body

    def delete(self, msg_id):
        del self.in_flight[msg_id]

    def __repr__(self):
        return f"TinyQueue(waiting={len(self.waiting)}, in_flight={len(self.in_flight)})"


# %% [markdown]
# A producer sends three orders:

# %%
# NBVAL_CHECK_OUTPUT
tiny = TinyQueue()
for order in ("order 1001", "order 1002", "order 1003"):
    tiny.send(order)
tiny

# %% [markdown]
# A consumer polls, processes and deletes, one message at a time. Watch the message move from
# *waiting* to *in flight* to gone:

# %%
# NBVAL_CHECK_OUTPUT
while (msg := tiny.receive()) is not None:
    msg_id, body = msg
    print(f"received #{msg_id} {body!r:14} {tiny}")
    # ... process: ship the parcel, encode the video ...
    tiny.delete(msg_id)
    print(f"deleted  #{msg_id} {'':14} {tiny}")
print("poll on an empty queue:", tiny.receive())

# %% [markdown]
# Why keep a received message at all, instead of popping it for good? Because the consumer might
# crash halfway through the work. Here one does. **Predict:** what will `tiny` show afterwards?

# %%
# NBVAL_CHECK_OUTPUT
tiny.send("order 1004")
msg_id, body = tiny.receive()
# ... the consumer crashes here, before tiny.delete(msg_id) ...
tiny

# %% [markdown]
# The order is not lost: it sits in `in_flight`. But our tiny queue has no way to give it to
# another consumer; it would stay there forever. SQS solves this with a *visibility timeout*:
# a received message is only *hidden* for a while (30 s by default), and if nobody deletes it in
# that time it becomes visible again. Lesson 06 shows it, and exercise 03 has you build it.

# %% [markdown]
# ## The toy SQS: the same idea with SQS's API
#
# The course's `toyqueue` package is a small but faithful SQS. Its `QueueService` has SQS's
# actions with boto3's names and arguments, so the code you write against it is the code you
# would write against real SQS. A `VirtualClock` makes time stand still unless we move it, so
# every run prints the same thing.
#
# To see inside, we ask the queue the way you ask SQS: three queue attributes count the messages
# that are *visible* (waiting), *in flight* and *delayed* (held back on purpose, lesson 10).
# `counts(sqs, url)` from [`toyqueue/counts.py`](../toyqueue/counts.py) reads them; the
# lessons from here on use it.

# %%
from toyqueue import QueueService, VirtualClock
from toyqueue.counts import counts

clock = VirtualClock()
svc = QueueService(clock=clock)
url = svc.create_queue(QueueName="orders")["QueueUrl"]

# %% [markdown]
# A producer sends three orders; a consumer polls once, then processes and deletes each message.
# **Predict:** right after the poll, how many messages are visible and how many in flight?

# %%
# NBVAL_CHECK_OUTPUT
for order in ("order 1001", "order 1002", "order 1003"):
    svc.send_message(QueueUrl=url, MessageBody=order)             # producer
print("after 3 sends:   ", counts(svc, url))

reply = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10)  # consumer: poll
print("received bodies: ", [m["Body"] for m in reply["Messages"]])
print("after receiving: ", counts(svc, url))

for m in reply["Messages"]:                                        # consumer: process, delete
    svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
print("after deleting:  ", counts(svc, url))
print("an empty poll:   ", svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10))

# %% [markdown]
# Three differences from `TinyQueue`, all SQS's:
#
# - one `receive_message` can return **up to 10** messages (lesson 05);
# - a consumer deletes with a **receipt handle** (`ReceiptHandle`), a token for *this* receipt of
#   the message, not with the message id (exercise 02);
# - an empty poll returns a reply **without** a `"Messages"` key (the `{}` above), hence
#   `reply.get("Messages", [])` in careful code.

# %% [markdown]
# ## The same three calls against LocalStack
#
# LocalStack emulates AWS on your machine. `toyqueue.clients.client("localstack")` returns a
# boto3 SQS client pointed at it (dummy credentials, a local address: it cannot reach real AWS).
# The calls are the same as above:

# %%
# NBVAL_CHECK_OUTPUT
import uuid

from toyqueue.clients import client

sqs = client("localstack")
ls_url = sqs.create_queue(QueueName=f"orders-{uuid.uuid4().hex[:8]}")["QueueUrl"]  # unique: LocalStack is shared

for order in ("order 1001", "order 1002", "order 1003"):
    sqs.send_message(QueueUrl=ls_url, MessageBody=order)

reply = sqs.receive_message(QueueUrl=ls_url, MaxNumberOfMessages=10,
                            WaitTimeSeconds=1)     # wait up to 1 s for messages (long polling, lesson 10)
print("received bodies:", sorted(m["Body"] for m in reply["Messages"]))
for m in reply["Messages"]:
    sqs.delete_message(QueueUrl=ls_url, ReceiptHandle=m["ReceiptHandle"])
print("after deleting, a poll returns:", sqs.receive_message(QueueUrl=ls_url).get("Messages", []))
_ = sqs.delete_queue(QueueUrl=ls_url)          # tidy up

# %% [markdown]
# (We sort the bodies because a standard queue does not promise order: lesson 06.)

# %% [markdown]
# ## Many producers, many consumers
#
# Several producers can send into one queue at the same time, and several consumers can drain it
# at the same time. Here they are Python *threads*, pieces of code that run side by side in one
# program: three producers each send 20 orders while two consumers poll, process and delete.
#
# The queue keeps the consumers apart: a message one of them has received is hidden from the
# other. (The virtual clock stands still here, so no visibility timeout runs out and no message
# is handed out twice. Lesson 06 shows what happens when one does.)

# %%
import threading
import time

busy = svc.create_queue(QueueName="orders-busy")["QueueUrl"]
processed = {"consumer A": [], "consumer B": []}
producers_done = threading.Event()


def producer(name, count):
    for n in range(count):
        svc.send_message(QueueUrl=busy, MessageBody=f"{name} order {n}")


def consumer(name):
    while True:
        got = svc.receive_message(QueueUrl=busy, MaxNumberOfMessages=10).get("Messages", [])
        for m in got:
            processed[name].append(m["Body"])                             # process
            svc.delete_message(QueueUrl=busy, ReceiptHandle=m["ReceiptHandle"])
        if not got:
            if producers_done.is_set() and sum(counts(svc, busy).values()) == 0:
                return
            time.sleep(0.001)                                             # nothing yet: poll again soon


consumers = [threading.Thread(target=consumer, args=(name,)) for name in processed]
producers = [threading.Thread(target=producer, args=(name, 20)) for name in ("shop", "app", "partner")]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
producers_done.set()
for t in consumers:
    t.join()

# %% [markdown]
# How the work was split between the two consumers depends on thread timing, so it changes from
# run to run:

# %%
# NBVAL_IGNORE_OUTPUT
for name, bodies in processed.items():
    print(f"{name} processed {len(bodies)} orders")

# %% [markdown]
# What never changes: 60 orders were sent, 60 processed, none twice, none left behind.

# %%
# NBVAL_CHECK_OUTPUT
everything = processed["consumer A"] + processed["consumer B"]
print("processed:        ", len(everything))
print("distinct orders:  ", len(set(everything)))
print("left in the queue:", counts(svc, busy))

# %% [markdown]
# ## The queue as a buffer
#
# A buffer lets two sides work at different speeds. Suppose a sale starts: for 4 seconds the
# shop sends 50 orders a second, then nothing. The shipping consumer can only handle 20 orders a
# second. Time is virtual here: each loop step is one second on the `VirtualClock`.
# **Predict:** how long is the queue at its longest, and in which second is it empty again?

# %%
# NBVAL_CHECK_OUTPUT
clock = VirtualClock()
svc = QueueService(clock=clock)
buffer_url = svc.create_queue(QueueName="orders-sale")["QueueUrl"]

SENT_PER_SECOND = [50, 50, 50, 50] + [0] * 8
CONSUMER_PER_SECOND = 20
depth = []
for second, sends in enumerate(SENT_PER_SECOND):
    for n in range(sends):                                                 # the producer
        svc.send_message(QueueUrl=buffer_url, MessageBody=f"order {second}-{n}")
    for _ in range(CONSUMER_PER_SECOND // 10):                             # the consumer: 2 polls of 10
        for m in svc.receive_message(QueueUrl=buffer_url, MaxNumberOfMessages=10).get("Messages", []):
            svc.delete_message(QueueUrl=buffer_url, ReceiptHandle=m["ReceiptHandle"])
    depth.append(counts(svc, buffer_url)["visible"])
    clock.advance(1)

print("second:      ", " ".join(f"{s:3}" for s in range(len(depth))))
print("sent:        ", " ".join(f"{s:3}" for s in SENT_PER_SECOND))
print("in the queue:", " ".join(f"{d:3}" for d in depth))

# %%
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(7, 3))
ax.bar(range(len(SENT_PER_SECOND)), SENT_PER_SECOND, color="#dd8452", label="orders sent this second")
ax.plot(range(len(depth)), depth, "o-", color="#4c72b0", label="orders waiting in the queue")
ax.axhline(CONSUMER_PER_SECOND, color="grey", linestyle="--", label="consumer capacity per second")
ax.set_xlabel("second")
ax.set_ylabel("orders")
ax.legend(loc="upper right")
ax.set_title("The queue absorbs a burst; the consumer drains it at its own pace")
plt.tight_layout()
plt.show()

# %% [markdown]
# The producer never waited for the consumer, and the consumer never had to work faster than it
# can. The queue held the difference (peaking at 120 orders) until the consumer caught up. That
# is what "decoupling" means in lesson 01.

# %% [markdown]
# ## Recap
#
# - **Producers** (생산자) send messages into the queue (대기열); there can be many.
# - **Consumers** (소비자) poll, process and then **delete**; there can be many. Receiving alone
#   does not remove a message.
# - The queue is a **buffer** between the two sides, so they can run at different speeds and
#   never call each other.
# - The toy's `QueueService` and a boto3 client for LocalStack take the same calls:
#   `send_message`, `receive_message`, `delete_message`.

# %%
from toyqueue.widgets import quiz

quiz("02")

# %% [markdown]
# **Exercise:** [01 · Store and receive](../exercises/01_store_and_receive.ipynb): build the first
# piece of the toy queue yourself.
#
# Next: [03 The standard queue →](03_standard_queue.ipynb)
