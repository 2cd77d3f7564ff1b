# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Lesson 01 source: built into notebooks/01_sync_vs_async.ipynb by tools/nbbuild.py.

# %% [markdown]
# [← 00 Setup](00_setup.ipynb) | [02 What is a queue →](02_what_is_a_queue.ipynb)
#
# # 01 · Synchronous vs asynchronous communication
#
# **Goal:** see why applications talk through a queue instead of calling each other directly.
# You wire a purchase service to a shipping service both ways, hit them with a traffic spike,
# and watch one design drop thousands of requests while the other drops none.

# %% [markdown]
# ## Services must talk
#
# As soon as you deploy more than one application, they have to communicate: services share
# information and data. Take an online shop. When something is sold, the **purchase service**
# must tell the **shipping service** to ship it.
#
# There are two ways to wire that:
#
# - **Synchronous (동기):** the purchase service calls the shipping service directly and waits
#   for its answer. The two are directly connected.
# - **Asynchronous (비동기), or event based (이벤트 기반):** a piece of middleware, a **queue
#   (대기열)**, sits in between. The purchase service says "someone bought this; I'll put it in
#   the queue". The shipping service asks the queue "any recent purchases?", gets them and does
#   whatever it has to. The two never talk to each other directly: only the queue connects them.
#
# ```
# sync:   purchase ──── "ship this!" ────> shipping
# async:  purchase ──> [ queue ] <── "anything for me?" ── shipping
# ```

# %% [markdown]
# ## Synchronous: a direct call
#
# Here are both services as plain Python. Shipping can be up or down; the purchase service calls
# it directly:

# %%
class ShippingService:
    def __init__(self):
        self.up = True
        self.shipped = []

    def ship(self, order):
        if not self.up:
            raise ConnectionError("shipping service is not answering")
        self.shipped.append(order)


def purchase_sync(order, shipping):
    # ... take the payment ...
    shipping.ship(order)                 # call shipping directly and wait for the answer
    return f"{order}: purchase complete"


# %% [markdown]
# While shipping is up, all is well. When it goes down (a deploy, a crash, too busy), the
# purchase fails too, although nothing is wrong with the purchase service itself.

# %%
# NBVAL_CHECK_OUTPUT
shipping = ShippingService()
print(purchase_sync("order 1", shipping))

shipping.up = False
try:
    print(purchase_sync("order 2", shipping))
except ConnectionError as e:
    print(f"order 2: purchase FAILED ({e})")

# %% [markdown]
# ## Asynchronous: a queue in between
#
# Now the purchase service only puts a message in a queue. We use the course's toy SQS,
# `toyqueue.QueueService`, on a **virtual clock** (`VirtualClock`: time moves only when we say
# so, so every run prints the same thing). Lesson 02 explains its calls in detail, and
# `counts(...)` from `toyqueue.counts` asks a queue how many messages it holds.

# %%
from toyqueue import QueueService, VirtualClock
from toyqueue.counts import counts

svc = QueueService(clock=VirtualClock())
queue_url = svc.create_queue(QueueName="purchases")["QueueUrl"]


def purchase_async(order):
    # ... take the payment ...
    svc.send_message(QueueUrl=queue_url, MessageBody=order)   # leave a note in the queue
    return f"{order}: purchase complete"


def shipping_worker(shipping):
    """Shipping's own loop: ask the queue for purchases, ship them, delete them."""
    while messages := svc.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages"):
        for m in messages:
            shipping.ship(m["Body"])
            svc.delete_message(QueueUrl=queue_url, ReceiptHandle=m["ReceiptHandle"])


# %% [markdown]
# Shipping is down again. **Predict:** do the three purchases below succeed, and how many
# messages wait in the queue afterwards? Then run the cell.

# %%
# NBVAL_CHECK_OUTPUT
shipping = ShippingService()
shipping.up = False
for n in range(1, 4):
    print(purchase_async(f"order {n}"))
print("in the queue:", counts(svc, queue_url))

# %% [markdown]
# When shipping comes back, it works through the queue at its own pace. Nothing was lost:

# %%
# NBVAL_CHECK_OUTPUT
shipping.up = True
shipping_worker(shipping)
print("shipped:", sorted(shipping.shipped))
print("in the queue:", counts(svc, queue_url))

# %% [markdown]
# ## When traffic spikes
#
# Direct coupling becomes a real problem when one side suddenly sends far more than the other can
# handle. The lecture's example: a video encoding service usually gets **10** videos to encode,
# and one day it gets **1,000**. Called directly, it is overwhelmed and can stop working.
#
# `toyqueue.sim.sync_async.simulate` replays that second by second, for 120 seconds. Requests
# (purchases, or videos) arrive at 10 per second, except from second 10 to second 14, when 1,000
# arrive each second: 115 × 10 + 5 × 1,000 = 6,150 in all. The receiving service handles 100 per
# second.
#
# - **Sync:** each caller waits; after 3 s it gives up (the request fails), and once 200 callers
#   are already waiting, new ones are refused at once.
# - **Async:** each request is a message in a queue. Here every message really goes through the
#   toy SQS (`queue="toy"`).
#
# **Predict:** of the 6,150 requests, about how many fail in each design: none, a few hundred,
# or thousands?

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.sim.sync_async import simulate

result = simulate(base=10, spike=1000, spike_start=10, spike_length=5, ticks=120,
                  capacity=100, timeout=3, max_waiting=200, queue="toy")
print(result.summary())

# %% [markdown]
# Same arrivals, same capacity. The direct call lost 4,400 of the 6,150 requests; the queue lost
# none. The price of the queue is waiting: a request that came at the end of the spike waited up
# to 46 seconds for its turn. For "ship this parcel" or "encode this video" that is fine; nobody
# needs it within the same millisecond.
#
# The picture, second by second:

# %%
import matplotlib.pyplot as plt

t = result.ticks
fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 5.5), sharex=True)

top.plot(t, result.sync.arrivals, color="#dd8452", label="requests arriving")
top.axhline(result.params["capacity"], color="grey", linestyle="--", label="service capacity")
top.plot(t, result.sync.failed, color="#c44e52", label="sync: failed")
top.plot(t, result.sync.served, color="#4c72b0", label="sync: handled")
top.set_yscale("symlog", linthresh=10)
top.set_ylabel("per second")
top.set_title("Sync: the spike is far above capacity, and the overflow fails")
top.legend(loc="center right", fontsize=8)

bottom.plot(t, result.asynchronous.depth, color="#55a868", label="async: waiting in the queue")
bottom.plot(t, result.asynchronous.served, color="#4c72b0", label="async: handled per second")
bottom.set_xlabel("second")
bottom.set_ylabel("requests")
bottom.set_title("Async: the queue holds the spike, the service drains it at 100/s")
bottom.legend(loc="upper right", fontsize=8)
plt.tight_layout()
plt.show()

# %% [markdown]
# ## Try it yourself
#
# Move the sliders: the size of the spike, the service's capacity, how long a caller waits
# before it gives up. Which settings make the sync design survive? What does it cost the async
# design in waiting time?

# %%
from toyqueue.widgets import SyncAsyncView

SyncAsyncView(spike=1000, capacity=100, timeout=3, max_waiting=200)

# %% [markdown]
# ## Three ways to decouple on AWS
#
# When traffic can spike or cannot be predicted, the usual advice is to **decouple** the
# applications and let the decoupling layer scale. AWS has three services for it, and all three
# scale very well:
#
# | pattern | service | a message goes to... |
# |---|---|---|
# | queue | **SQS** (this course) | **one** consumer, which deletes it when done |
# | publish/subscribe | **SNS** (Simple Notification Service) | **every** subscriber (a copy each) |
# | real-time streaming, large volumes | **Kinesis** (Kinesis Data Streams) | a log kept in order; every reader reads it at its own position and can replay it |
#
# The difference in a few lines of Python (plain lists, not the AWS services):

# %%
# NBVAL_CHECK_OUTPUT
events = ["order 1", "order 2", "order 3", "order 4"]
readers = ["shipping", "billing"]

queue_model = {r: [] for r in readers}               # SQS: each message to ONE consumer
for i, e in enumerate(events):
    queue_model[readers[i % len(readers)]].append(e)

pubsub_model = {r: list(events) for r in readers}     # SNS: a copy to EVERY subscriber

log = list(events)                                    # Kinesis: one ordered log, kept
positions = {"shipping": 4, "billing": 2}             # each reader remembers how far it got
stream_model = {r: log[:p] for r, p in positions.items()}

for name, model in [("queue (SQS)", queue_model), ("pub/sub (SNS)", pubsub_model),
                    ("stream (Kinesis)", stream_model)]:
    print(f"{name:17}", "   ".join(f"{r}: {got}" for r, got in model.items()))

# %% [markdown]
# The queue split the four orders between the two consumers: each order was handled once. Pub/sub
# gave both subscribers every order. The stream kept all four in order; billing has read two so
# far and will read the rest when it is ready, and either reader could go back and read them all
# again.

# %% [markdown]
# ## Recap
#
# - Applications must share data. **Sync (동기):** one calls the other directly and depends on it
#   being up and fast enough. **Async (비동기):** a queue (대기열) sits in between; neither side
#   talks to the other.
# - Under a spike (10 -> 1,000 per second), a directly coupled service is overwhelmed and
#   requests fail; with a queue, nothing fails, the backlog just waits to be processed. The
#   price is waiting time.
# - AWS's decouplers: **SQS** (queue), **SNS** (pub/sub), **Kinesis** (streaming).

# %%
from toyqueue.widgets import quiz

quiz("01")

# %% [markdown]
# The exercises start after lesson 02, with the queue itself.
#
# Next: [02 What is a queue →](02_what_is_a_queue.ipynb)
