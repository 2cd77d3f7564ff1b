# Lesson 04 source: built into notebooks/04_producing_messages.ipynb by tools/nbbuild.py.

# %% [markdown]
# [← 03 The standard queue](03_standard_queue.ipynb) | [05 Consuming messages →](05_consuming_messages.ipynb)
#
# # 04 · Producing messages
#
# **Goal:** send messages the way a real producer (생산자) does: with the AWS SDK and the
# `SendMessage` API, carrying an order's details as *message attributes*, and check that SQS
# received exactly what you sent. You run the same boto3 code against LocalStack and against
# the toy queue, side by side.

# %% [markdown]
# ## One SDK, two endpoints
#
# A producer talks to SQS through an SDK (software development kit). In Python that is
# **boto3**. A boto3 client only needs to know *where* SQS is; everything else is the same.
# `toyqueue.clients.client()` builds one for each of our two local endpoints, with dummy
# credentials, so nothing here can reach (or bill) a real AWS account:
#
# - `client("localstack")`: LocalStack, an emulator of AWS running on your machine;
# - `client("toy")`: the course's toy queue behind its own small HTTP server.

# %%
import uuid

from toyqueue.clients import client

backends = {"LocalStack": client("localstack"), "toy": client("toy")}
run_id = uuid.uuid4().hex[:8]           # LocalStack is shared: keep this run's queue apart
urls = {name: sqs.create_queue(QueueName=f"orders-{run_id}")["QueueUrl"]
        for name, sqs in backends.items()}

# %% [markdown]
# ## SendMessage
#
# The API that puts a message into a queue is `SendMessage`; in boto3 it is
# `send_message(QueueUrl=..., MessageBody=...)`. The body is any text up to 1 MiB (lesson 03).
#
# The lecture's example is an online shop: when an order is placed, the purchase service sends
# a message so that the shipping side can process it later, whenever it is ready. The message
# carries an **order id**, a **customer id** and the **address**. The order's content goes in
# the body (here as JSON); the fields a consumer may want to look at first go in
# **message attributes**: typed name/value pairs (`String`, `Number` or `Binary`; at most 10, a
# limit we try out further down) that travel next to the body.

# %%
import json

order = {"order_id": "o-1001", "customer_id": "c-42", "address": "12 Sejong-daero, Seoul",
         "items": [{"sku": "kettle", "qty": 1}, {"sku": "mug", "qty": 2}]}

body = json.dumps({"items": order["items"]})
attributes = {
    "OrderId": {"DataType": "String", "StringValue": order["order_id"]},
    "CustomerId": {"DataType": "String", "StringValue": order["customer_id"]},
    "Address": {"DataType": "String", "StringValue": order["address"]},
    "ItemCount": {"DataType": "Number", "StringValue": str(len(order["items"]))},
}
body

# %% [markdown]
# The same `send_message` call, once per backend. SQS answers with a `MessageId` (new and
# random every time, so we only print its length) and two checksums:

# %%
# NBVAL_CHECK_OUTPUT
sent = {}
for name, sqs in backends.items():
    sent[name] = sqs.send_message(QueueUrl=urls[name], MessageBody=body, MessageAttributes=attributes)
    reply = sent[name]
    print(f"{name}:")
    print("  MessageId              ", len(reply["MessageId"]), "characters")
    print("  MD5OfMessageBody       ", reply["MD5OfMessageBody"])
    print("  MD5OfMessageAttributes ", reply["MD5OfMessageAttributes"])

# %% [markdown]
# Both backends return the **same checksums** for the same message. They are not random: they
# let the producer check that the message SQS stored is the message it sent, byte for byte.
# (Several AWS SDKs, Java's for one, check them automatically; boto3 leaves the check to you,
# which is what we do next.)
#
# ## Where the checksums come from
#
# `MD5OfMessageBody` is the MD5 hash of the body's UTF-8 bytes, in hex:

# %%
# NBVAL_CHECK_OUTPUT
import hashlib

mine = hashlib.md5(body.encode("utf-8")).hexdigest()
print(mine)
print("matches both backends:", all(r["MD5OfMessageBody"] == mine for r in sent.values()))

# %% [markdown]
# `MD5OfMessageAttributes` hashes the attributes in a fixed binary layout: sorted by name, and
# for each one its name, its data type, one byte saying how the value travels (1 for String and
# Number, 2 for Binary) and the value, each text preceded by its length as a 4-byte big-endian
# number. Ten lines of Python:

# %%
import struct


def md5_of_attributes(attrs):
    def with_length(data):
        return struct.pack(">I", len(data)) + data

    out = b""
    for name in sorted(attrs):
        attr = attrs[name]
        out += with_length(name.encode()) + with_length(attr["DataType"].encode())
        if "StringValue" in attr:
            out += b"\x01" + with_length(attr["StringValue"].encode())
        else:
            out += b"\x02" + with_length(attr["BinaryValue"])
    return hashlib.md5(out).hexdigest()


# %% [markdown]
# Check it against an example AWS itself recorded (three String attributes, hash
# `4c360f3fdafd970e05fae2f149d997f5`) and against what both backends answered for our order:

# %%
# NBVAL_CHECK_OUTPUT
aws_example = {name: {"DataType": "String", "StringValue": value}
               for name, value in {"Help.Me": "Me", "Hello": "There", "General": "Kenobi"}.items()}
print("AWS's example:", md5_of_attributes(aws_example))
print("our order:    ", md5_of_attributes(attributes))
print("matches both backends:",
      all(r["MD5OfMessageAttributes"] == md5_of_attributes(attributes) for r in sent.values()))

# %% [markdown]
# ## The consumer sees the attributes too
#
# A consumer receives with `receive_message`. In this section we pass `VisibilityTimeout=0`:
# it lets the message be received again straight away, so that each step finds the same message.
# (Lesson 06 explains visibility.)
#
# A consumer gets the attributes only if it asks for them. Without asking, it gets the body, its
# checksum, the `MessageId` and a `ReceiptHandle` (the token it deletes with), and no attributes:

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in backends.items():
    got = sqs.receive_message(QueueUrl=urls[name], VisibilityTimeout=0, WaitTimeSeconds=1)["Messages"][0]
    print(f"{name:10} keys: {sorted(got)}")

# %% [markdown]
# Asking by name, or for all of them with `MessageAttributeNames=["All"]`:

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in backends.items():
    got = sqs.receive_message(QueueUrl=urls[name], MessageAttributeNames=["All"],
                              VisibilityTimeout=0, WaitTimeSeconds=1)["Messages"][0]
    print(f"{name}:")
    for attr_name, attr in sorted(got["MessageAttributes"].items()):
        print(f"  {attr_name:10} {attr['DataType']:7} {attr['StringValue']}")

# %% [markdown]
# ## A message stays until a consumer deletes it
#
# Receiving a message does **not** remove it from the queue. Only `DeleteMessage` does, and a
# consumer calls it once it has processed the message. Until then, the message can be received
# again and again (within the retention period of lesson 03):

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in backends.items():
    first = sqs.receive_message(QueueUrl=urls[name], VisibilityTimeout=0, WaitTimeSeconds=1)["Messages"][0]
    again = sqs.receive_message(QueueUrl=urls[name], VisibilityTimeout=0, WaitTimeSeconds=1)["Messages"][0]
    print(f"{name}: received twice, same message: {first['MessageId'] == again['MessageId']}")
    sqs.delete_message(QueueUrl=urls[name], ReceiptHandle=again["ReceiptHandle"])
    after = sqs.receive_message(QueueUrl=urls[name], VisibilityTimeout=0).get("Messages", [])
    print(f"{name}: after DeleteMessage, messages received: {len(after)}")

# %% [markdown]
# The same story on the toy with a virtual clock, where we can let days pass. The order waits,
# is received, is not deleted, comes back after the visibility timeout (30 s by default), and
# leaves only when deleted. First the queue, and a helper that reads its counts:

# %%
from toyqueue import QueueService, VirtualClock

clock = VirtualClock()
svc = QueueService(clock=clock)
q = svc.create_queue(QueueName="orders")["QueueUrl"]
svc.send_message(QueueUrl=q, MessageBody=body, MessageAttributes=attributes)


def counts(sqs, queue_url):
    """Messages visible, in flight (received, not deleted) and delayed: SQS's Approximate* attributes."""
    a = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["All"])["Attributes"]
    return {"visible": int(a["ApproximateNumberOfMessages"]),
            "in flight": int(a["ApproximateNumberOfMessagesNotVisible"]),
            "delayed": int(a["ApproximateNumberOfMessagesDelayed"])}


def look(when):
    print(f"{when:38} {counts(svc, q)}")


# %% [markdown]
# Now let time pass:

# %%
# NBVAL_CHECK_OUTPUT
clock.advance(3 * 86_400)
look("3 days later, nobody has received it")
msg = svc.receive_message(QueueUrl=q, MessageSystemAttributeNames=["All"])["Messages"][0]
look("received, not deleted")
clock.advance(31)
look("31 s later, no delete arrived")
msg = svc.receive_message(QueueUrl=q, MessageSystemAttributeNames=["All"])["Messages"][0]
print(f"{'received again, ApproximateReceiveCount':38} {msg['Attributes']['ApproximateReceiveCount']}")
svc.delete_message(QueueUrl=q, ReceiptHandle=msg["ReceiptHandle"])
look("deleted")

# %% [markdown]
# `ApproximateReceiveCount` is a *system attribute*: SQS counts how often each message has been
# received, and a consumer can ask for it (`MessageSystemAttributeNames`). A count above 1 means
# "somebody received this before and did not delete it". Lesson 06 comes back to it, and the
# dead-letter queues of lesson 10 use it to set aside messages that keep failing.

# %% [markdown]
# ## At most 10 attributes
#
# SQS takes at most 10 message attributes per message. The toy follows SQS and refuses an
# eleventh. **LocalStack differs here**: it accepts any number. Code that works on LocalStack can
# still be refused by SQS:

# %%
# NBVAL_CHECK_OUTPUT
from botocore.exceptions import ClientError

eleven_attributes = {f"Field{n}": {"DataType": "String", "StringValue": "x"} for n in range(11)}
for name, sqs in backends.items():
    try:
        sqs.send_message(QueueUrl=urls[name], MessageBody="too many attributes",
                         MessageAttributes=eleven_attributes)
        print(f"{name:10} accepted")
    except ClientError as e:
        print(f"{name:10} {e.response['Error']['Code']}: {e.response['Error']['Message']}")

# %% [markdown]
# ## Sending many orders at once
#
# Every call is a round trip over the network, so a busy producer sends up to **10 messages in
# one call** with `SendMessageBatch`. Each entry has an `Id` of your choosing, and the answer
# lists the entries that succeeded under `Successful` and any that failed under `Failed`:

# %%
# NBVAL_CHECK_OUTPUT
entries = [{"Id": f"order-{n}", "MessageBody": json.dumps({"order_id": f"o-{n}"}),
            "MessageAttributes": {"OrderId": {"DataType": "String", "StringValue": f"o-{n}"}}}
           for n in range(1002, 1007)]
for name, sqs in backends.items():
    reply = sqs.send_message_batch(QueueUrl=urls[name], Entries=entries)
    ok = sorted(e["Id"] for e in reply.get("Successful", []))
    print(f"{name:10} successful: {ok}  failed: {reply.get('Failed', [])}")

# %% [markdown]
# One bad entry does not sink the batch. Below, the second body holds `\x00`, a character SQS does
# not allow in a message. The call itself succeeds; the bad entry comes back under `Failed`
# with its own error code, and the producer must retry or report it:

# %%
# NBVAL_CHECK_OUTPUT
mixed = [{"Id": "good", "MessageBody": "order o-1007"},
         {"Id": "bad", "MessageBody": "order \x00 o-1008"}]
for name, sqs in backends.items():
    reply = sqs.send_message_batch(QueueUrl=urls[name], Entries=mixed)
    ok = [e["Id"] for e in reply.get("Successful", [])]
    failed = [(e["Id"], e["Code"]) for e in reply.get("Failed", [])]
    print(f"{name:10} successful: {ok}  failed: {failed}")

# %% [markdown]
# Some mistakes refuse the whole call instead. Eleven entries is one too many, on both backends:

# %%
# NBVAL_CHECK_OUTPUT
eleven = [{"Id": f"e{n}", "MessageBody": "x"} for n in range(11)]
for name, sqs in backends.items():
    try:
        sqs.send_message_batch(QueueUrl=urls[name], Entries=eleven)
    except ClientError as e:
        print(f"{name:10} {e.response['Error']['Code']}: {e.response['Error']['Message']}")

# %%
for name, sqs in backends.items():
    sqs.delete_queue(QueueUrl=urls[name])

# %% [markdown]
# ## Recap
#
# - A producer sends with the SDK's `SendMessage` (`send_message` in boto3), or up to 10 at a
#   time with `SendMessageBatch`, whose answer lists `Successful` and `Failed` entries.
# - Details such as order id, customer id and address can travel as typed **message attributes**
#   beside the body (at most 10; LocalStack does not enforce that); both count toward the 1 MiB
#   limit. A consumer gets the attributes only if it asks for them.
# - SQS answers with a `MessageId` and the MD5 checksums of body and attributes, so the
#   producer can verify what was stored.
# - A message stays in the queue until a consumer **deletes** it (or retention runs out).
#   Receiving is not enough.
# - The same boto3 code ran unchanged against LocalStack and the toy.
#
# **Exercises:** [01 · Store and receive](../exercises/01_store_and_receive.ipynb) builds the
# part of the toy that stores what producers send; [05 · Batches](../exercises/05_batches.ipynb)
# adds `SendMessageBatch`.
