# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Lesson 10 source (percent format). Build: .venv/bin/python tools/nbbuild.py sources/lessons/10_beyond_the_lecture.py

# %% [markdown]
# [← 09 Security](09_security.ipynb) | [11 Glossary →](11_glossary.ipynb)
#
# # 10 · Beyond the lecture: FIFO, dead-letter queues, long polling, delays, batches
#
# **Goal:** meet the SQS features the lecture only hints at. It said: *"there is another type of
# product that can handle those limits (duplicates, ordering), which we will see later"*. That
# product is the **FIFO queue**. We also cover the everyday tools around it: **dead-letter
# queues**, **long polling**, **delay queues** and **batches**.
#
# Every feature runs twice, with the same boto3 code: on the toy (on a virtual clock, so
# minutes pass instantly) and on LocalStack. Where LocalStack does not behave like real SQS, we
# say so and show it.

# %% [markdown]
# ## Two backends, one function
#
# `client("toy", service=svc)` puts the toy's HTTP endpoint in front of our own `QueueService`, so
# boto3 talks to a toy whose time we control with `clock.advance(...)`.

# %%
import json, threading, time, uuid
from toyqueue import QueueService, VirtualClock
from toyqueue.clients import client
from toyqueue.counts import counts

clock = VirtualClock()
svc = QueueService(clock=clock)
toy = client("toy", service=svc)
ls = client("localstack")
BACKENDS = {"toy": toy, "localstack": ls}
RUN = uuid.uuid4().hex[:8]           # keeps LocalStack queue names unique between runs (never printed)

def new_queue(sqs, name, **attributes):
    """Create a queue with a unique name; FIFO queue names must end in .fifo."""
    fifo = attributes.get("FifoQueue") == "true"
    full = f"l10-{name}-{RUN}" + (".fifo" if fifo else "")
    return sqs.create_queue(QueueName=full, Attributes=attributes)["QueueUrl"]

def bodies(response):
    return [m["Body"] for m in response.get("Messages", [])]

# %% [markdown]
# ## 1. FIFO queues: order and no duplicates
#
# A FIFO (first in, first out) queue is created with `FifoQueue=true`, and its name must end in
# `.fifo`. Every message needs a **`MessageGroupId`**: messages of one group are delivered in the
# exact order they were sent. Different groups are independent, so they can be processed in
# parallel. Here the group is the customer: customer A's orders must not overtake each other.

# %%
# NBVAL_CHECK_OUTPUT
orders = [("A", "A1"), ("B", "B1"), ("A", "A2"), ("A", "A3"), ("B", "B2")]
fifo, a1_id = {}, {}
for name, sqs in BACKENDS.items():
    fifo[name] = url = new_queue(sqs, "orders", FifoQueue="true")
    sent = [sqs.send_message(QueueUrl=url, MessageBody=body, MessageGroupId=group,
                             MessageDeduplicationId=body) for group, body in orders]
    a1_id[name] = sent[0]["MessageId"]
    seqs = [int(r["SequenceNumber"]) for r in sent]
    print(f"{name:<10} sequence numbers grow: {seqs == sorted(seqs) and len(set(seqs)) == 5}  {counts(sqs, url)}")

# %% [markdown]
# Each send returned a `SequenceNumber`, a large number that only grows within the queue.
#
# ### Deduplication
#
# Send order A1 again, with the same `MessageDeduplicationId` (a producer retrying after a
# network error does exactly this). SQS accepts the call, returns the **original** message id, and
# does not enqueue a second copy:

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in BACKENDS.items():
    url = fifo[name]
    again = sqs.send_message(QueueUrl=url, MessageBody="A1", MessageGroupId="A", MessageDeduplicationId="A1")
    print(f"{name:<10} same MessageId as the first A1: {again['MessageId'] == a1_id[name]}"
          f"   messages in the queue: {counts(sqs, url)['visible']}")

# %% [markdown]
# ### Group blocking
#
# Now the receive side. While a message of a group is **in flight**, SQS delivers no later message
# of that group, not to this consumer and not to any other. That is how order survives many
# parallel consumers. **Predict:** consumer 1 takes A1. What do consumers 2 and 3 get?

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in BACKENDS.items():
    url = fifo[name]
    first = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=1)
    print(f"{name:<10} consumer 1 gets {bodies(first)}")
    print(f"{'':<10} consumer 2 gets {bodies(sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10))}"
          "   (group A is blocked by A1)")
    print(f"{'':<10} consumer 3 gets {bodies(sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10))}"
          "   (both groups blocked)")
    sqs.delete_message(QueueUrl=url, ReceiptHandle=first["Messages"][0]["ReceiptHandle"])
    print(f"{'':<10} after A1 is deleted: {bodies(sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10))}")

# %% [markdown]
# A1, A2, A3 came out in order, and B's messages were processed alongside without waiting for A.
#
# ### The 5-minute deduplication window
#
# Deduplication is not forever: SQS remembers a `MessageDeduplicationId` for **5 minutes**. On the
# toy we can let 5 minutes pass instantly. (On LocalStack we would have to really wait 5 minutes,
# so we do not.) **Predict:** the same id at t = 0, 200, 299 and 301 s: how many messages?

# %%
# NBVAL_CHECK_OUTPUT
url = new_queue(svc, "window", FifoQueue="true")
t0 = clock.now()
for wait in (0, 200, 99, 2):               # t = 0 s, 200 s, 299 s, 301 s
    clock.advance(wait)
    svc.send_message(QueueUrl=url, MessageBody="charge card for order 9",
                     MessageGroupId="payments", MessageDeduplicationId="order-9")
    print(f"t = {clock.now() - t0:>3.0f} s: messages in the queue = {counts(svc, url)['visible']}")

# %% [markdown]
# Instead of inventing ids, a queue can set `ContentBasedDeduplication=true`: the id is then the
# SHA-256 of the body, so identical bodies within 5 minutes count as one.

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in BACKENDS.items():
    url = new_queue(sqs, "content", FifoQueue="true", ContentBasedDeduplication="true")
    for body in ["ship order 7", "ship order 7", "ship order 8"]:
        sqs.send_message(QueueUrl=url, MessageBody=body, MessageGroupId="shipping")
    print(f"{name:<10} 3 sends, {counts(sqs, url)['visible']} messages")

# %% [markdown]
# FIFO's price is throughput: 300 API calls per second per action (3,000 messages/s with batches
# of 10), or more in high-throughput mode, where standard queues are practically unlimited.
# And deduplication only covers the *producer* side: a consumer that is too slow still gets a
# message again after its visibility timeout, so idempotent consumers (lesson 06) still matter.

# %% [markdown]
# ## 2. Dead-letter queues: where poison messages go
#
# Some messages can never be processed (a malformed order, a bug). Without care they come back
# after every visibility timeout forever, wasting consumers. A **dead-letter queue** (DLQ) catches
# them: the source queue's `RedrivePolicy` names the DLQ and a `maxReceiveCount`; once a message
# has been received that many times, the next receive moves it to the DLQ instead.
#
# Our consumer crashes on the poison message every time. To make it come back at once, each
# receive uses `VisibilityTimeout=0` (in real life it would come back after the timeout).

# %%
# NBVAL_CHECK_OUTPUT
dead_letter = {}
for name, sqs in BACKENDS.items():
    dlq = new_queue(sqs, "orders-dlq")
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    src = new_queue(sqs, "orders-src", RedrivePolicy=json.dumps(
        {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 3}))
    sqs.send_message(QueueUrl=src, MessageBody="order 13: quantity=-1")
    seen = []
    for attempt in range(5):
        got = sqs.receive_message(QueueUrl=src, VisibilityTimeout=0,
                                  MessageSystemAttributeNames=["ApproximateReceiveCount"]).get("Messages", [])
        seen.append(got[0]["Attributes"]["ApproximateReceiveCount"] if got else "-")
    in_dlq = bodies(sqs.receive_message(QueueUrl=dlq, VisibilityTimeout=0))   # look, leave it there
    sources = sqs.list_dead_letter_source_queues(QueueUrl=dlq)["queueUrls"]
    dead_letter[name] = (dlq_arn, src)
    print(f"{name:<10} receive counts seen: {seen}  DLQ holds: {in_dlq}")
    print(f"{'':<10} DLQ's source queues: {[u.rsplit('/', 1)[1].replace(f'-{RUN}', '') for u in sources]}")

# %% [markdown]
# Three receives, then the message is gone from the source queue and waits in the DLQ, where a
# person (or an alarm on the DLQ's depth) can look at it.
#
# A DLQ must be of the same type as its source (standard or FIFO). Its retention deserves care:
# on a **standard** queue a message keeps its original enqueue timestamp when it moves, so its
# time in the DLQ counts from when it was first sent (on a FIFO queue the timestamp is reset when
# it moves). AWS's advice: give a standard DLQ a longer retention than its source. On the toy,
# a message that spent a day in its source, moved to a DLQ that keeps messages for 2 days:

# %%
# NBVAL_CHECK_OUTPUT
DAY = 86_400
short_dlq = new_queue(svc, "short-dlq", MessageRetentionPeriod=str(2 * DAY))
short_dlq_arn = svc.get_queue_attributes(QueueUrl=short_dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
slow_src = new_queue(svc, "slow-src", RedrivePolicy=json.dumps(
    {"deadLetterTargetArn": short_dlq_arn, "maxReceiveCount": 1}))
svc.send_message(QueueUrl=slow_src, MessageBody="order 14")
clock.advance(DAY)                                        # a day in the source queue
svc.receive_message(QueueUrl=slow_src, VisibilityTimeout=0)   # received once (and not deleted),
svc.receive_message(QueueUrl=slow_src)                        # so the next receive moves it
print("in the DLQ, 1 day after sending: ", counts(svc, short_dlq))
clock.advance(DAY + 1)
print("in the DLQ, 2 days after sending:", counts(svc, short_dlq))

# %% [markdown]
# The DLQ kept the message for one day, not two: its clock started when the message was sent.
#
# Once the bug is fixed, `StartMessageMoveTask` moves the messages back to their source queue: a
# **redrive**. It runs as a background task; `ListMessageMoveTasks` reports its progress.

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in BACKENDS.items():
    dlq_arn, src = dead_letter[name]
    sqs.start_message_move_task(SourceArn=dlq_arn)
    for _ in range(50):                       # LocalStack moves in the background: wait for it
        task = sqs.list_message_move_tasks(SourceArn=dlq_arn)["Results"][0]
        if task["Status"] != "RUNNING":
            break
        time.sleep(0.1)
    print(f"{name:<10} task {task['Status']}, moved {task['ApproximateNumberOfMessagesMoved']};"
          f" the source queue holds: {bodies(sqs.receive_message(QueueUrl=src))}")

# %% [markdown]
# ## 3. Long polling: wait for messages instead of asking again and again
#
# A receive with `WaitTimeSeconds=0` (**short polling**) answers at once, even when the queue is
# empty. A consumer looping on short polls makes many empty, billed calls. With
# `WaitTimeSeconds` 1 to 20 (**long polling**) SQS holds the request until a message arrives or
# the time is up. The queue attribute `ReceiveMessageWaitTimeSeconds` sets a default for every receive.
#
# On the toy's virtual clock a long poll on an empty queue simply moves the clock on, so 20
# seconds take no real time:

# %%
# NBVAL_CHECK_OUTPUT
url = new_queue(toy, "poll")
t0, started = clock.now(), time.monotonic()
r = toy.receive_message(QueueUrl=url, WaitTimeSeconds=20)
real = time.monotonic() - started
print("messages:", bodies(r), "| virtual seconds waited:", clock.now() - t0)

# %%
print(f"real time: {real * 1000:.0f} ms")

# %% [markdown]
# The point of a long poll is that it returns **as soon as** a message arrives. On the toy, a
# message delayed by 5 s (see section 4) arrives in the middle of a 20-second poll.
# **Predict:** how many virtual seconds does the poll wait?

# %%
# NBVAL_CHECK_OUTPUT
toy.send_message(QueueUrl=url, MessageBody="late order", DelaySeconds=5)
t0 = clock.now()
r = toy.receive_message(QueueUrl=url, WaitTimeSeconds=20)
print("messages:", bodies(r), "| virtual seconds waited:", clock.now() - t0)

# %% [markdown]
# On LocalStack time is real. Another thread sends a message 0.3 s into a 5-second long poll; the
# poll returns right then, not after 5 s:

# %%
# NBVAL_CHECK_OUTPUT
url = new_queue(ls, "poll")
threading.Timer(0.3, lambda: ls.send_message(QueueUrl=url, MessageBody="late order")).start()
started = time.monotonic()
r = ls.receive_message(QueueUrl=url, WaitTimeSeconds=5)
waited = time.monotonic() - started
print("messages:", bodies(r), "| returned before the 5 s were up:", waited < 4)

# %%
print(f"LocalStack's long poll returned after {waited:.2f} s")

# %% [markdown]
# ### Short polls can come back empty from a queue that is not
#
# Real SQS answers a short poll from a sample of its servers, so it can return fewer messages than
# are waiting, or none; a long poll asks all of them. LocalStack always returns what is there, and
# so does the toy by default. The toy's realistic mode (lesson 06) samples like SQS: each message
# is stored on 2 of 5 servers, a short poll asks 2. **Predict:** one message in the queue, ten
# short polls (each with `VisibilityTimeout=0`, so the message stays visible). How many return it?

# %%
# NBVAL_CHECK_OUTPUT
real_svc = QueueService(clock=clock, realistic=True, seed=7)
real = client("toy", service=real_svc)          # boto3, as before, in front of a realistic toy
url = real.create_queue(QueueName="greetings")["QueueUrl"]
real.send_message(QueueUrl=url, MessageBody="hello")
greetings = real_svc.queue(url)                  # looking inside: which servers hold the copies
[hello] = greetings.messages()
for n in range(1, 11):
    r = real.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0)
    print(f"short poll {n:>2}: {str(bodies(r)):<11} asked servers {greetings.last_sample},"
          f" copies on {greetings.copies(hello)}")

# %% [markdown]
# Poll 4 asked two servers that hold no copy, and answered with nothing: a **false empty
# response**. AWS's advice for a queue with very few messages: *"you might not receive any
# messages in a particular ReceiveMessage response. If this happens, repeat the request."* A
# consumer that stops at its first empty answer (like lesson 06's `while got := ...` loop) can
# stop with work still waiting. Long polls ask every server. **Predict:** ten long polls?

# %%
# NBVAL_CHECK_OUTPUT
t0 = clock.now()
answers = [bodies(real.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0,
                                       WaitTimeSeconds=20)) for _ in range(10)]
print("long polls that returned the message:", sum(a == ["hello"] for a in answers), "of 10",
      "| virtual seconds waited:", clock.now() - t0)

# %% [markdown]
# All ten, at once: a long poll answers as soon as any server has a message, and waits only
# when none has.
#
# ### What polling costs
#
# SQS bills requests, and an empty `ReceiveMessage` is a request like any other (the SQS
# Developer Guide: *"Short polling is billed the same as long polling"*). So the bill follows the
# number of calls, not the number of messages. A quiet queue shows the difference: 60 orders,
# one every 10 s (the producer sends them all at once with `DelaySeconds` 0, 10, ..., 590;
# section 4), and a consumer that receives and deletes for 620 s. **Predict:** short polls once
# a second, or long polls of 20 s: how many requests does each make?

# %%
# NBVAL_CHECK_OUTPUT
def trickle(wait_seconds):
    """Poll a realistic toy for 620 s while 60 orders trickle in; count requests and answers."""
    sqs = QueueService(clock=VirtualClock(), realistic=True, seed=7)
    q_url = sqs.create_queue(QueueName="trickle")["QueueUrl"]
    for k in range(60):
        sqs.send_message(QueueUrl=q_url, MessageBody=f"order-{k + 1}", DelaySeconds=10 * k)
    start, requests, empty, false_empty, received = sqs.clock.now(), 0, 0, 0, 0
    while sqs.clock.now() - start < 620:
        got = sqs.receive_message(QueueUrl=q_url, MaxNumberOfMessages=10,
                                  WaitTimeSeconds=wait_seconds).get("Messages", [])
        requests += 1
        if not got:
            empty += 1
            false_empty += sqs.queue(q_url).counts()["visible"] > 0   # an order was waiting
        for m in got:
            sqs.delete_message(QueueUrl=q_url, ReceiptHandle=m["ReceiptHandle"])
        received += len(got)
        if wait_seconds == 0:
            sqs.clock.advance(1)                 # a short-polling consumer asks again in 1 s
    return requests, empty, false_empty, received

for label, wait in [("short polls, every 1 s", 0), ("long polls of 20 s", 20)]:
    requests, empty, false_empty, received = trickle(wait)
    print(f"{label:<23} {requests:>3} requests, {empty:>3} empty ({false_empty:>2} of them false),"
          f" {received} messages received")

# %% [markdown]
# Ten times fewer requests for the same 60 orders, so a tenth of the bill for receiving. The
# short-polling consumer's calls were mostly empty, and 32 of its empty answers were false:
# an order was waiting on servers the poll did not ask, and waited at least a second more. This is what
# AWS means by *"Long polling helps reduce the cost of using Amazon SQS by eliminating the number
# of empty responses [...] and false empty responses"*. (AWS's pricing page gives the price per
# million requests for each Region; we quote none here, since prices change.)
#
# The long-polling consumer received 61 messages for 60 orders: one delete missed a copy, and
# the order came back (lesson 06). Long polling changes the cost, not at-least-once delivery.

# %% [markdown]
# ## 4. Delay queues: hold messages back before anyone can see them
#
# `DelaySeconds` (0 to 900 s, i.e. 15 minutes) keeps a new message invisible for a while. As a
# queue attribute it applies to every message (a *delay queue*); on a standard queue a message's own
# `DelaySeconds` overrides it. FIFO queues only take the queue's delay. A delayed message counts in
# `ApproximateNumberOfMessagesDelayed`.

# %%
# NBVAL_CHECK_OUTPUT
delay = {}
for name, sqs in BACKENDS.items():
    delay[name] = url = new_queue(sqs, "delay", DelaySeconds="60")
    sqs.send_message(QueueUrl=url, MessageBody="queue delay: 60 s")
    sqs.send_message(QueueUrl=url, MessageBody="own delay: 1 s", DelaySeconds=1)
    print(f"{name:<10} right after sending: {counts(sqs, url)}  receive -> {bodies(sqs.receive_message(QueueUrl=url))}")

# %% [markdown]
# Let time pass. On the toy we advance the clock 60 s; on LocalStack a long poll waits the real
# second for the 1-second message (the 60-second one stays delayed):

# %%
# NBVAL_CHECK_OUTPUT
clock.advance(60)
got = toy.receive_message(QueueUrl=delay["toy"], MaxNumberOfMessages=10)
print(f"{'toy':<10} after 60 s  -> {sorted(bodies(got))}")
got = ls.receive_message(QueueUrl=delay["localstack"], MaxNumberOfMessages=10, WaitTimeSeconds=3)
print(f"{'localstack':<10} after ~1 s -> {bodies(got)}  {counts(ls, delay['localstack'])['delayed']} still delayed")

# %% [markdown]
# The limit is 900 seconds. Real SQS (and the toy) reject 901 with `InvalidParameterValue`.
# **LocalStack differs:** it accepts it.

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in BACKENDS.items():
    try:
        sqs.send_message(QueueUrl=delay[name], MessageBody="too late", DelaySeconds=901)
        print(f"{name:<10} accepted DelaySeconds=901")
    except sqs.exceptions.ClientError as e:
        print(f"{name:<10} {e.response['Error']['Code']}: {e.response['Error']['Message']}")

# %% [markdown]
# ## 5. Batches: up to 10 messages per call
#
# `SendMessageBatch`, `DeleteMessageBatch` and `ChangeMessageVisibilityBatch` take up to 10
# entries (and 1 MiB in all) per call: fewer calls, lower cost, more throughput. Each entry has an
# `Id` you choose, so you can match the answer to the entry. A batch can **partly fail**: the call
# itself succeeds (HTTP 200), and the answer lists `Successful` and `Failed` entries. Always check
# `Failed`! Here entry `bad` contains a character SQS does not allow (U+0000). **Predict:** the
# HTTP status of the call?

# %%
# NBVAL_CHECK_OUTPUT
batch_q = {}
for name, sqs in BACKENDS.items():
    batch_q[name] = url = new_queue(sqs, "batch")
    entries = [{"Id": f"order-{i}", "MessageBody": f"order {i}"} for i in range(9)]
    entries.append({"Id": "bad", "MessageBody": "order \x00"})
    r = sqs.send_message_batch(QueueUrl=url, Entries=entries)
    print(f"{name:<10} HTTP {r['ResponseMetadata']['HTTPStatusCode']}, {len(r.get('Successful', []))} successful, "
          f"failed: {[(f['Id'], f['Code']) for f in r.get('Failed', [])]}")

# %% [markdown]
# Breaking the batch rules themselves fails the whole call:

# %%
# NBVAL_CHECK_OUTPUT
bad_batches = {
    "11 entries": [{"Id": str(i), "MessageBody": "x"} for i in range(11)],
    "same Id twice": [{"Id": "a", "MessageBody": "x"}, {"Id": "a", "MessageBody": "y"}],
    "no entries": [],
}
for name, sqs in BACKENDS.items():
    for label, entries in bad_batches.items():
        try:
            sqs.send_message_batch(QueueUrl=batch_q[name], Entries=entries)
            print(f"{name:<10} {label:<14} accepted")
        except sqs.exceptions.ClientError as e:
            print(f"{name:<10} {label:<14} {e.response['Error']['Code']}")

# %% [markdown]
# Receiving is batched already (up to 10 per `ReceiveMessage`). The 9 good orders from the first
# batch are still in the queue; one `DeleteMessageBatch` call deletes all of them:

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in BACKENDS.items():
    url = batch_q[name]
    got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
    r = sqs.delete_message_batch(QueueUrl=url, Entries=[
        {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(got)])
    print(f"{name:<10} received {len(got)}, deleted {len(r.get('Successful', []))} in one call, "
          f"left: {counts(sqs, url)}")

# %% [markdown]
# ## Clean up

# %%
for url in ls.list_queues(QueueNamePrefix="l10-").get("QueueUrls", []):
    if RUN in url:
        ls.delete_queue(QueueUrl=url)

# %% [markdown]
# ## Recap
#
# | feature | what it solves | key names |
# |---|---|---|
# | FIFO queue | order and duplicates (the lecture's "other type of product") | `.fifo`, `FifoQueue`, `MessageGroupId`, `MessageDeduplicationId`, `ContentBasedDeduplication`, 5-minute window |
# | dead-letter queue | poison messages retried forever | `RedrivePolicy` (`deadLetterTargetArn`, `maxReceiveCount`), `StartMessageMoveTask` (redrive) |
# | long polling | empty and false empty receives (requests are billed), latency | `WaitTimeSeconds` 1..20, `ReceiveMessageWaitTimeSeconds` |
# | delay queue | hold messages back | `DelaySeconds` 0..900 |
# | batches | cost and throughput | `SendMessageBatch` etc., 10 entries, check `Failed` |
#
# LocalStack differences met here: it accepts `DelaySeconds=901`, and its short polls return
# everything (real SQS samples, and so does the toy's realistic mode: a short poll can come back
# empty from a queue that is not, and 620 short polls cost ten times the 62 long polls that
# did the same work).

# %%
from toyqueue.widgets import quiz

quiz("10")

# %% [markdown]
# **Exercises:** [04 · Retention and delay](../exercises/04_retention_and_delay.ipynb),
# [05 · Batches](../exercises/05_batches.ipynb),
# [06 · Dead-letter queue](../exercises/06_dead_letter.ipynb),
# [07 · FIFO](../exercises/07_fifo.ipynb).
#
# Next: [11 Glossary →](11_glossary.ipynb)
