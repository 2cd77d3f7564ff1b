# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
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
# A producer talks to SQS through an SDK; in Python that is boto3 (lesson 00). A boto3 client
# only needs to know *where* SQS is; everything else is the same. `toyqueue.clients.client()`
# builds one for each of our two local endpoints, with dummy credentials, so nothing here can
# reach (or bill) a real AWS account:
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
# The lecture: *"SQS에 메시지를 보내는 API를 SendMessage라고 합니다"*: the API that puts a
# message into a queue is `SendMessage`; in boto3 it is `send_message(QueueUrl=...,
# MessageBody=...)`. The body is any text up to 1 MiB (lesson 03).
#
# The lecture's example is an online shop: when an order is placed, the purchase service sends
# a message so that the shipping side can process it later, whenever it is ready. The message
# carries an **order id**, a **customer id** and the **address**. The order's content goes in
# the body (here as JSON); the fields a consumer may want to look at first go in
# **message attributes** (메시지 속성; the lecture says 원하는 속성): typed name/value pairs
# (`String`, `Number` or `Binary`; at most 10, a limit we try out further down) that travel next
# to the body.

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
# random every time, so we only print its length) and two checksums. **Predict:** will the two
# backends answer with the same checksums?

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
# `MD5OfMessageAttributes` hashes the attributes in a fixed binary layout (sorted by name; each
# name, type and value preceded by its length). The toy computes it in
# [`toyqueue/md5.py`](../toyqueue/md5.py) in a few lines; here we check that function against an
# example AWS itself recorded (three String attributes) and against both backends' answers:

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.md5 import md5_of_attributes

aws_example = {name: {"DataType": "String", "StringValue": value}
               for name, value in {"Help.Me": "Me", "Hello": "There", "General": "Kenobi"}.items()}
print("AWS's example:", md5_of_attributes(aws_example), "(AWS recorded 4c360f3fdafd970e05fae2f149d997f5)")
print("matches both backends:",
      all(r["MD5OfMessageAttributes"] == md5_of_attributes(attributes) for r in sent.values()))

# %% [markdown]
# ## The consumer sees the attributes too
#
# A consumer receives with `receive_message`. In this section we pass `VisibilityTimeout=0`:
# it lets the message be received again straight away, so that each step finds the same message.
# (Lesson 06 explains visibility.)
#
# **Predict:** a consumer receives without asking for attributes. Does it get them? Run the cell
# and look at the keys of the message: the body, its checksum, the `MessageId`, a `ReceiptHandle`
# (the token it deletes with)...

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
# ## At most 10 attributes
#
# SQS takes at most 10 message attributes per message. **Predict:** what do the toy (which
# follows SQS) and LocalStack answer to an eleventh?

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
# **LocalStack differs here:** it accepts any number of attributes, so code that works on
# LocalStack can still be refused by SQS.

# %%
for name, sqs in backends.items():
    sqs.delete_queue(QueueUrl=urls[name])

# %% [markdown]
# ## Recap
#
# - A producer sends with the SDK's `SendMessage` (`send_message` in boto3); lesson 10 sends up
#   to 10 at a time with `SendMessageBatch`.
# - Details such as order id, customer id and address can travel as typed **message attributes**
#   beside the body (at most 10; LocalStack does not enforce that); both count toward the 1 MiB
#   limit. A consumer gets the attributes only if it asks for them.
# - SQS answers with a `MessageId` and the MD5 checksums of body and attributes, so the
#   producer can verify what was stored.
# - A message stays in the queue until a consumer **deletes** it (or retention runs out).
#   Receiving is not enough.
# - The same boto3 code ran unchanged against LocalStack and the toy.

# %%
from toyqueue.widgets import quiz

quiz("04")

# %% [markdown]
# **Exercise:** [01 · Store and receive](../exercises/01_store_and_receive.ipynb) builds the
# part of the toy that stores what producers send.
#
# Next: [05 Consuming messages →](05_consuming_messages.ipynb)
