# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Lesson 03 source: built into notebooks/03_standard_queue.ipynb by tools/nbbuild.py.

# %% [markdown]
# [← 02 What is a queue](02_what_is_a_queue.ipynb) | [04 Producing messages →](04_producing_messages.ipynb)
#
# # 03 · The standard queue
#
# **Goal:** know the properties of an SQS *standard queue* (표준 대기열) well enough to answer
# "what happens if...?", and see each one happen: how long a message lives, how much a queue can
# hold, how fast a call is, how big a message may be.

# %% [markdown]
# ## The oldest service on AWS, fully managed
#
# SQS was one of the very first AWS services (a beta in 2004, generally available in 2006), so
# the way it works is well settled. It is **fully managed** (완전 관리형): there is no server, disk
# or cluster for you to size or patch. You create a queue with one API call and pay per request.
#
# In an exam (and in practice), when a question is about *decoupling applications*
# (애플리케이션 분리), think of SQS.

# %% [markdown]
# We cannot show "no servers to manage" running, but we can show "one call and it exists":
# `CreateQueue` answers with the new queue's URL, which every later call uses.
# Here it is on the toy queue, in this Python process, with a virtual clock so that the times
# are the same on every run:

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue import QueueService, VirtualClock

clock = VirtualClock()                    # starts at 2026-01-01T00:00:00Z and moves only when told
svc = QueueService(clock=clock)
url = svc.create_queue(QueueName="orders")["QueueUrl"]
url

# %% [markdown]
# Every queue comes with defaults. Here are four. This lesson is about two of them:
# `MessageRetentionPeriod` (how long a message lives) and `MaximumMessageSize` (how big it may
# be). The other two come later: `VisibilityTimeout` in lesson 06, `DelaySeconds` in lesson 10.

# %%
# NBVAL_CHECK_OUTPUT
attrs = svc.get_queue_attributes(
    QueueUrl=url,
    AttributeNames=["MessageRetentionPeriod", "MaximumMessageSize", "VisibilityTimeout", "DelaySeconds"],
)["Attributes"]
for name, value in sorted(attrs.items()):
    print(f"{name:24} {value:>9}")
print()
print("retention in days:", int(attrs["MessageRetentionPeriod"]) / 86400)
print("max size in KiB:  ", int(attrs["MaximumMessageSize"]) / 1024)

# %% [markdown]
# ## Retention: a message lives 4 days by default, 14 at most
#
# A message does not stay forever. Unless a consumer (소비자) receives **and deletes** it in time,
# SQS throws it away when the queue's `MessageRetentionPeriod` runs out: 4 days
# (345,600 s) by default, anything from 60 s to 14 days (1,209,600 s) if you set it.
#
# We do not want to wait four days, so we fast-forward the virtual clock. One message, then
# "3 days and 23 hours later". `waiting(...)` adds up the three counts of lesson 02:

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.counts import counts

DAY = 86_400
svc.send_message(QueueUrl=url, MessageBody="order 1001")


def waiting(queue_url):
    return sum(counts(svc, queue_url).values())


clock.advance(4 * DAY - 3600)
print("after 3 days 23 h:", waiting(url), "message(s)")

# %% [markdown]
# **Predict:** one more hour and a second, and the 4 days are up. Nobody received the message.
# How many messages are left, and what does a receive return?

# %%
# NBVAL_CHECK_OUTPUT
clock.advance(3600 + 1)
print("after 4 days:     ", waiting(url), "message(s)")
print("receive returns:  ", svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []))

# %% [markdown]
# Give the queue the maximum retention, 14 days, and a message survives much longer (but not
# longer than that):

# %%
# NBVAL_CHECK_OUTPUT
long_url = svc.create_queue(QueueName="orders-14d",
                            Attributes={"MessageRetentionPeriod": str(14 * DAY)})["QueueUrl"]
svc.send_message(QueueUrl=long_url, MessageBody="order 1002")
clock.advance(13 * DAY)
print("after 13 days:", waiting(long_url), "message(s)")
clock.advance(1 * DAY + 1)
print("after 14 days:", waiting(long_url), "message(s)")

# %% [markdown]
# 14 days is a hard ceiling. Asking for one second more is an error. In process, the toy raises
# an `SQSError`; its `query_code` is the error code boto3 would show you as `Error.Code`, and
# `message` is worded like SQS's:

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.errors import SQSError

try:
    svc.create_queue(QueueName="orders-15d", Attributes={"MessageRetentionPeriod": str(14 * DAY + 1)})
except SQSError as e:
    print(f"{e.query_code}: {e.message}")

# %% [markdown]
# **LocalStack differs here.** LocalStack (the AWS emulator this course also uses) accepts that
# out-of-range value:

# %%
# NBVAL_CHECK_OUTPUT
import uuid

from toyqueue.clients import client

localstack = client("localstack")
run_id = uuid.uuid4().hex[:8]          # LocalStack is shared; keep this run's queue names apart
ls_url = localstack.create_queue(QueueName=f"orders-15d-{run_id}",
                                 Attributes={"MessageRetentionPeriod": str(14 * DAY + 1)})["QueueUrl"]
print("LocalStack accepted:", localstack.get_queue_attributes(
    QueueUrl=ls_url, AttributeNames=["MessageRetentionPeriod"])["Attributes"])
_ = localstack.delete_queue(QueueUrl=ls_url)          # tidy up

# %% [markdown]
# Worse, unless it is started with `SQS_ENABLE_MESSAGE_RETENTION_PERIOD=1`, LocalStack never
# expires messages at all. That is why the retention demo runs on the toy. The rule to remember
# is SQS's: **receive, process and delete within the retention period, or lose the message.**

# %% [markdown]
# ## Unlimited throughput, unlimited backlog
#
# The lecture: unlimited throughput (무제한 처리량) and no limit on the number of messages in the
# queue. AWS's documentation says a standard queue supports "a nearly unlimited number of API
# calls per second" per action, and sets no limit on how many messages wait in it (only on how
# many are *in flight*, received but not yet deleted: about 120,000). A producer (생산자) can
# outrun its consumers for hours and the queue just gets longer.
#
# The toy lives in this notebook's memory, so its "unlimited" ends where your RAM does. Still,
# it shows the idea: twenty thousand orders, sent ten at a time with `SendMessageBatch` (one
# call that carries up to 10 messages; lesson 10):

# %%
# NBVAL_CHECK_OUTPUT
import time

backlog_url = svc.create_queue(QueueName="orders-backlog")["QueueUrl"]
started = time.perf_counter()
for first in range(0, 20_000, 10):
    svc.send_message_batch(QueueUrl=backlog_url, Entries=[
        {"Id": str(i), "MessageBody": f"order {first + i}"} for i in range(10)])
send_seconds = time.perf_counter() - started

print("in the queue:", counts(svc, backlog_url))

# %% [markdown]
# How fast was that on your machine? (Measured, so it changes from run to run.)

# %%
# NBVAL_IGNORE_OUTPUT
print(f"{20_000 / send_seconds:,.0f} messages per second into the toy, on one thread")

# %% [markdown]
# ## Low latency: the lecture's "under 10 ms"
#
# The lecture: *"게시 및 수신 시 10밀리초 이내로 매우 빠르게 응답을 받게 됩니다"*, a send or a
# receive answers in **less than 10 milliseconds**. That number is the lecture's. AWS's SQS
# documentation gives no latency figure and no latency guarantee; it describes standard queues
# by their throughput. What you see depends on how far your code is from the queue's AWS
# **Region** (the group of data centres the queue lives in, such as `us-east-1`).
#
# We can measure what we have: send a message, receive it, delete it, 30 times, on
#
# 1. the toy **in process**: a Python method call, no network at all;
# 2. the toy **over HTTP**: the same toy behind a small web server, called with boto3, exactly
#    as you would call SQS;
# 3. **LocalStack** over HTTP, called with the same boto3 code.

# %%
import statistics

toy_http = client("toy")
remote_urls = {
    "toy over HTTP": toy_http.create_queue(QueueName=f"latency-{run_id}")["QueueUrl"],
    "LocalStack": localstack.create_queue(QueueName=f"latency-{run_id}")["QueueUrl"],
}


def median_round_trip_ms(sqs, queue_url, rounds=30):
    """Median time of one send + receive + delete, in milliseconds."""
    times = []
    for i in range(rounds):
        t0 = time.perf_counter()
        sqs.send_message(QueueUrl=queue_url, MessageBody=f"ping {i}")
        got = sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=1)["Messages"][0]
        sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=got["ReceiptHandle"])
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


latency = {
    "toy in process": median_round_trip_ms(svc, svc.create_queue(QueueName="latency")["QueueUrl"]),
    "toy over HTTP": median_round_trip_ms(toy_http, remote_urls["toy over HTTP"]),
    "LocalStack": median_round_trip_ms(localstack, remote_urls["LocalStack"]),
}

# %% [markdown]
# The numbers are measured on your machine, now, so they differ from run to run and from machine
# to machine; a busy machine can push the HTTP endpoints past 10 ms. The last column says how
# your run compares with the lecture's figure:

# %%
# NBVAL_IGNORE_OUTPUT
base = latency["toy in process"]
for name, ms in latency.items():
    verdict = "under" if ms / 3 < 10 else "over"
    print(f"{name:15} {ms / 3:7.3f} ms per call  {ms / base:6.0f} x the in-process toy  "
          f"({verdict} the lecture's 10 ms)")

# %% [markdown]
# Compare the first two rows: the same toy, once called directly and once through HTTP. The
# difference is the cost of the trip, which real SQS adds to on top: the network between your
# code and the Region. That is why SQS lets you **batch**: up to 10 messages in one
# `ReceiveMessage` (lesson 05) or `SendMessageBatch` (lesson 10).

# %% [markdown]
# ## Message size: 256 KB in the lecture, 1 MiB today
#
# The lecture says a message must be smaller than **256 KB**. That was the rule until
# **August 2025**, when AWS raised it to **1 MiB = 1,048,576 bytes**. Today's rule is the one
# to use:
#
# - a message body is 1 to 1,048,576 bytes, and its message attributes count toward the limit;
# - a queue's `MaximumMessageSize` can lower the limit (1,024 to 1,048,576 bytes; default
#   1,048,576).
#
# **Predict:** exactly 1,048,576 bytes, accepted or refused? And one byte more? First on the
# toy, in process:

# %%
# NBVAL_CHECK_OUTPUT
MiB = 1_048_576
size_url = svc.create_queue(QueueName="sizes")["QueueUrl"]

for size in (MiB, MiB + 1):
    try:
        svc.send_message(QueueUrl=size_url, MessageBody="x" * size)
        print(f"{size:>9,} bytes: accepted")
    except SQSError as e:
        print(f"{size:>9,} bytes: {e.query_code}: {e.message}")

# %% [markdown]
# Now the same two sends through boto3, against the toy over HTTP and against LocalStack. boto3
# raises a `ClientError`; its `response["Error"]` holds the code and the message SQS sent back.

# %%
# NBVAL_CHECK_OUTPUT
from botocore.exceptions import ClientError

backends = {"toy over HTTP": toy_http, "LocalStack": localstack}

for backend, sqs in backends.items():
    print(backend)
    for size in (MiB, MiB + 1):
        try:
            sqs.send_message(QueueUrl=remote_urls[backend], MessageBody="x" * size)
            print(f"  {size:>9,} bytes: accepted")
        except ClientError as e:
            err = e.response["Error"]
            print(f"  {size:>9,} bytes: {err['Code']}: {err['Message']}")

# %% [markdown]
# Same code, same answer. (The message says "shorter than 1048576 bytes" although exactly
# 1,048,576 is accepted: that wording is SQS's own.)

# %% [markdown]
# Message attributes (lesson 04) count too: each one adds the bytes of its name, its type and
# its value. The attribute below is `OrderId` (7 bytes) + `String` (6) + `o-1` (3) = 16 bytes,
# so next to it the body may be at most 1,048,576 - 16 bytes:

# %%
# NBVAL_CHECK_OUTPUT
order_id = {"OrderId": {"DataType": "String", "StringValue": "o-1"}}

for backend, sqs in backends.items():
    for body_size in (MiB - 16, MiB - 15):
        try:
            sqs.send_message(QueueUrl=remote_urls[backend], MessageBody="x" * body_size,
                             MessageAttributes=order_id)
            result = "accepted"
        except ClientError as e:
            result = e.response["Error"]["Code"]
        print(f"{backend:13}: body {body_size:,} + attribute 16 = {body_size + 16:,} bytes: {result}")

# %% [markdown]
# To see the lecture's world, give a queue the old limit, `MaximumMessageSize = 262144`
# (256 KiB). It then refuses anything bigger, with the same error:

# %%
# NBVAL_CHECK_OUTPUT
old_url = svc.create_queue(QueueName="sizes-2024", Attributes={"MaximumMessageSize": "262144"})["QueueUrl"]
for size in (262_144, 262_145):
    try:
        svc.send_message(QueueUrl=old_url, MessageBody="x" * size)
        print(f"{size:>7,} bytes: accepted")
    except SQSError as e:
        print(f"{size:>7,} bytes: {e.query_code}: {e.message}")

# %% [markdown]
# What if your data is bigger than 1 MiB, say a video? Do not put it in the message: store it in
# **S3** (Amazon Simple Storage Service, AWS's storage for files of any size, kept in *buckets*)
# and send a small message that points to it (the "claim check" pattern; AWS's *Extended Client
# Library* does this for you). Lesson 08's video app works this way: the message carries
# the video's key, never the video.

# %% [markdown]
# Tidy up the two queues this lesson made over HTTP (the in-process toy's queues vanish with the
# kernel):

# %%
for backend, sqs in backends.items():
    sqs.delete_queue(QueueUrl=remote_urls[backend])

# %% [markdown]
# ## Recap
#
# | property | standard queue |
# |---|---|
# | history | one of the first AWS services (2004/2006); fully managed |
# | throughput | unlimited (AWS: "nearly unlimited" API calls per second) |
# | backlog | unlimited messages waiting (about 120,000 in flight at most) |
# | retention | 4 days by default, 60 s to 14 days; then the message is deleted for you |
# | latency | the lecture says under 10 ms per call; AWS publishes no figure; most of it is the trip |
# | size | up to 1 MiB (1,048,576 bytes) since August 2025, attributes included; 256 KB before |
#
# Two more properties of standard queues come in lesson 06: a message can be delivered **more
# than once** (at-least-once delivery) and **order is best effort**.

# %%
from toyqueue.widgets import quiz

quiz("03")

# %% [markdown]
# Retention is part of exercise 04 (retention and delay), which comes after delays are taught
# in lesson 10.
#
# Next: [04 Producing messages →](04_producing_messages.ipynb)
