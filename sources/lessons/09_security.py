# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Lesson 09 source (percent format). Build: .venv/bin/python tools/nbbuild.py sources/lessons/09_security.py

# %% [markdown]
# [← 08 Decoupling tiers](08_decoupling_tiers.ipynb) | [10 Beyond the lecture →](10_beyond_the_lecture.ipynb)
#
# # 09 · Security: encryption and access control
#
# **Goal:** know the four layers the lecture lists and see each one running. The lecture's Korean
# translates two of them word by word; beside it, the words AWS's Korean documentation uses.
#
# 1. **Encryption in flight** (lecture: 비행 중 암호화; AWS: 전송 중 암호화, *in transit*):
#    requests to SQS travel over **HTTPS**, HTTP inside **TLS** (Transport Layer Security, the
#    encryption layer that also protects web banking), so messages are encrypted on the network.
# 2. **Encryption at rest** (lecture: 미사용 암호화; AWS: 저장 시 암호화): SQS encrypts stored
#    messages, **SSE** (server-side encryption), with keys from **KMS** (AWS Key Management
#    Service, the service that creates and guards encryption keys; what it hands out are *KMS
#    keys*).
# 3. **Client-side encryption** (클라이언트 측 암호화): if you want more, *you* encrypt before
#    sending and decrypt after receiving. SQS does not do this for you.
# 4. **Access control**: **IAM** policies (AWS Identity and Access Management: the users, roles
#    and permissions of an AWS account) say what *your* users and roles may do; **SQS access
#    policies** (like S3 bucket policies) sit on the queue and can let *other accounts*
#    (cross-account access, 교차 계정 액세스) or *other services* (SNS, S3) write to it.

# %% [markdown]
# ## 1. Encryption in flight: HTTPS
#
# A boto3 client for real AWS talks to `https://sqs.<region>.amazonaws.com`. Building a client does
# not send anything, so we can look at its endpoint safely (we never call it: this course does not
# touch real AWS).

# %%
# NBVAL_CHECK_OUTPUT
import boto3
from botocore.config import Config

aws_sqs = boto3.client("sqs", region_name="us-east-1",          # built, never called
                       aws_access_key_id="test", aws_secret_access_key="test",
                       config=Config(ignore_configured_endpoint_urls=True))

def refuse(**kwargs):
    raise RuntimeError("this course never calls real AWS")

aws_sqs.meta.events.register("before-send", refuse)             # a safety catch for any call
print(aws_sqs.meta.endpoint_url)

# %% [markdown]
# The toy endpoint and LocalStack, on the other hand, speak plain `http` on the loopback address
# `127.0.0.1`. That is fine **only** there: loopback traffic never leaves this machine, so there is
# no network to eavesdrop on. Anywhere else, plain http would show every message to anyone on the
# path. **Predict:** can you read the card number in the bytes sent to LocalStack below?

# %%
# NBVAL_CHECK_OUTPUT
from urllib.parse import urlsplit
from toyqueue.clients import client

toy, ls = client("toy"), client("localstack")
for name, c in [("toy", toy), ("localstack", ls)]:
    parts = urlsplit(c.meta.endpoint_url)
    print(f"{name:<10} scheme={parts.scheme}  host={parts.hostname}")

# %% [markdown]
# How much would an eavesdropper see? botocore lets us hook into a request just before it is
# sent (`before-send`). Let us record the bytes that go over the wire to LocalStack:

# %%
# NBVAL_CHECK_OUTPUT
import uuid

wire = []
ls.meta.events.register("before-send.sqs", lambda request, **kw: wire.append(request.body))

RUN = uuid.uuid4().hex[:8]           # keeps queue names unique between runs (never printed)
ls_url = ls.create_queue(QueueName=f"l09-payments-{RUN}")["QueueUrl"]
secret = "card=4111-1111-1111-1111 amount=42.00"
ls.send_message(QueueUrl=ls_url, MessageBody=secret)
print("card number readable on the wire:", b"4111-1111-1111-1111" in wire[-1])

# %% [markdown]
# Over HTTPS those same bytes are wrapped in TLS, so the network only sees ciphertext. What does
# AWS require? The SDKs use HTTPS by default (the endpoint above), and AWS's documentation says
# every request to a queue with server-side encryption must use HTTPS (and Signature Version 4
# signing). To refuse plain-http requests to any queue, AWS recommends a queue policy that denies
# requests whose `aws:SecureTransport` is false; section 4 writes and tests one.
#
# TLS protects the trip, not the message: SQS itself (and whoever can call `ReceiveMessage`) still
# sees the card number. That is what the next two layers are about.

# %% [markdown]
# ## 2. Encryption at rest: server-side encryption with KMS
#
# New queues are encrypted at rest by default with **SSE-SQS** (keys SQS manages): the attribute
# `SqsManagedSseEnabled` is `true`. For keys you control, use **SSE-KMS**: set `KmsMasterKeyId`
# (a KMS key's id, **ARN** or alias; `alias/aws/sqs` is the AWS-managed one; an ARN, Amazon
# Resource Name, is the name every AWS resource has, such as
# `arn:aws:sqs:us-east-1:000000000000:orders` for a queue) and optionally
# `KmsDataKeyReusePeriodSeconds` (60 to 86,400 s, default 300: how long SQS reuses a data key
# before asking KMS again). Either way encryption is transparent: consumers receive plaintext.
#
# The same function runs against LocalStack and the toy:

# %%
# NBVAL_CHECK_OUTPUT
SSE_KEYS = ["SqsManagedSseEnabled", "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds"]

def sse_attributes(sqs, name, **attributes):
    url = sqs.create_queue(QueueName=name, Attributes=attributes)["QueueUrl"]
    got = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    sqs.delete_queue(QueueUrl=url)
    return {k: got[k] for k in SSE_KEYS if k in got}

for backend, sqs in [("toy", toy), ("localstack", ls)]:
    print(backend)
    print("  default :", sse_attributes(sqs, f"l09-default-{RUN}"))
    print("  SSE-KMS :", sse_attributes(sqs, f"l09-kms-{RUN}", KmsMasterKeyId="alias/aws/sqs",
                                        KmsDataKeyReusePeriodSeconds="300"))
    print("  SSE off :", sse_attributes(sqs, f"l09-plain-{RUN}", SqsManagedSseEnabled="false"))

# %% [markdown]
# A queue uses one server-side option at a time: with a KMS key set, real SQS (and the toy)
# report `SqsManagedSseEnabled` as `false`. **LocalStack differs** here: it keeps saying `true`.
#
# Server-side encryption protects the disks SQS stores messages on. It does **not** hide the
# message from anyone allowed to receive it. The card number we sent earlier comes out of the
# (SSE-protected) queue in plain text for any consumer. (Neither the toy nor LocalStack really
# encrypts anything: they only keep the attributes.)

# %%
# NBVAL_CHECK_OUTPUT
[m] = ls.receive_message(QueueUrl=ls_url)["Messages"]
ls.delete_message(QueueUrl=ls_url, ReceiptHandle=m["ReceiptHandle"])
print("a consumer receives:", m["Body"])

# %% [markdown]
# ## 3. Client-side encryption: the client's own job
#
# To make sure only your consumers can read a message, encrypt it **before** `SendMessage` and
# decrypt it **after** `ReceiveMessage`. We use AES-256-GCM from the `cryptography` library: it
# encrypts and also authenticates, so a changed message is detected. The body must be text, so the
# ciphertext is base64-encoded; a message attribute says how it was encrypted.
#
# In production the key would come from KMS (`GenerateDataKey`, "envelope encryption") or a
# secrets store, and both producer and consumer would fetch it. Here it is just random bytes.

# %%
import base64, os
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

key = AESGCM.generate_key(bit_length=256)     # shared by producer and consumer, never by the queue

def encrypt(text: str) -> str:
    nonce = os.urandom(12)                    # a fresh nonce for every message
    return base64.b64encode(nonce + AESGCM(key).encrypt(nonce, text.encode(), None)).decode()

def decrypt(body: str) -> str:
    raw = base64.b64decode(body)
    return AESGCM(key).decrypt(raw[:12], raw[12:], None).decode()

# %% [markdown]
# The producer encrypts, the queue carries ciphertext, the consumer decrypts. **Predict:** is the
# card number readable on the wire now? In what SQS stores?

# %%
# NBVAL_CHECK_OUTPUT
ls.send_message(QueueUrl=ls_url, MessageBody=encrypt(secret),
                MessageAttributes={"encryption": {"DataType": "String", "StringValue": "AES-256-GCM"}})
print("card number readable on the wire:", b"4111" in wire[-1])

[m] = ls.receive_message(QueueUrl=ls_url, MessageAttributeNames=["All"])["Messages"]
ls.delete_message(QueueUrl=ls_url, ReceiptHandle=m["ReceiptHandle"])
print("what SQS stored and returned contains the card number:", "4111" in m["Body"])
print("encryption attribute:", m["MessageAttributes"]["encryption"]["StringValue"])
print("consumer decrypts:", decrypt(m["Body"]))

# %% [markdown]
# Because GCM authenticates, a message changed on the way (or encrypted with another key) is
# rejected instead of silently decrypting to garbage:

# %%
# NBVAL_CHECK_OUTPUT
from cryptography.exceptions import InvalidTag

tampered = bytearray(base64.b64decode(encrypt(secret)))
tampered[20] ^= 0x01                          # flip one bit of the ciphertext
try:
    decrypt(base64.b64encode(bytes(tampered)).decode())
except InvalidTag:
    print("InvalidTag: the message was changed, refuse it")

# %% [markdown]
# Note the cost: the body grows (a 12-byte nonce and a 16-byte tag are added, then base64 makes it
# all about a third larger; it still must fit in 1 MiB), and nobody without the key (not even the
# AWS console) can read the messages when you debug.

# %%
# NBVAL_CHECK_OUTPUT
print(len(secret), "bytes of plaintext ->", len(encrypt(secret)), "bytes in the queue")

# %% [markdown]
# ## 4. Access control: IAM policies and SQS access policies
#
# Two kinds of policy decide who may call which SQS action:
#
# - An **IAM policy** is attached to a user or role (an *identity*) in your account: "this role may
#   `ReceiveMessage` and `DeleteMessage` on the orders queue".
# - An **SQS access policy** is attached to the **queue** (a *resource* policy, like an S3 bucket
#   policy) and names *who*, the **principal** (an account, a user or role, or an AWS service), may
#   do what. It is how you let another AWS account, or a service such as S3 or SNS, send to your
#   queue.
#
# Both are JSON documents made of statements with `Effect`, `Principal` (queue policies only),
# `Action`, `Resource` and an optional `Condition`. Here is a queue policy for our orders queue:

# %%
import json

QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:orders"
queue_policy = {
    "Version": "2012-10-17",
    "Id": "orders-queue-policy",
    "Statement": [
        {"Sid": "PartnerAccountMaySend",              # cross-account access (교차 계정 액세스)
         "Effect": "Allow",
         "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
         "Action": ["sqs:SendMessage", "sqs:GetQueueUrl", "sqs:GetQueueAttributes"],
         "Resource": QUEUE_ARN},
        {"Sid": "UploadsBucketEvents",                # S3 may write its event notifications here
         "Effect": "Allow",
         "Principal": {"Service": "s3.amazonaws.com"},
         "Action": "sqs:SendMessage",
         "Resource": QUEUE_ARN,
         "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::video-uploads"},
                       "StringEquals": {"aws:SourceAccount": "000000000000"}}},
        {"Sid": "NewOrdersTopic",                     # SNS may deliver this topic's messages here
         "Effect": "Allow",
         "Principal": {"Service": "sns.amazonaws.com"},
         "Action": "sqs:SendMessage",
         "Resource": QUEUE_ARN,
         "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:000000000000:new-orders"}}},
        {"Sid": "HttpsOnly",                          # layer 1 enforced: no plain-http requests at all
         "Effect": "Deny",
         "Principal": "*",
         "Action": "sqs:*",
         "Resource": QUEUE_ARN,
         "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
    ],
}

# %% [markdown]
# Why the `aws:SourceArn` condition? `s3.amazonaws.com` is the S3 service acting for **every** S3
# customer. Without the condition, anyone's bucket could be configured to write into your queue
# (the "confused deputy" problem). The condition says: only on behalf of *my* bucket.
#
# ### How AWS decides
#
# AWS evaluates policies with a few rules: by default everything is denied (*implicit deny*); an
# `Allow` statement that matches lets the request through; a matching `Deny` always wins. A
# statement matches when its principal, action, resource **and every condition** match.
# [`toyqueue/policy.py`](../toyqueue/policy.py) writes those rules down (for the operators used
# here), so we can ask "would SQS allow this?" without an AWS account; its tests are in
# `tests/unit/test_policy.py`.
#
# Each row below is a request: who calls, which action, and the request context (where it comes
# from, whether it used HTTPS; HTTPS unless the row says otherwise). **Predict** the two S3 rows
# and the plain-http row before you run it.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.policy import decide, evaluate

partner = {"AWS": "arn:aws:iam::111122223333:role/order-importer"}
stranger = {"AWS": "arn:aws:iam::444455556666:user/mallory"}
s3 = {"Service": "s3.amazonaws.com"}
sns = {"Service": "sns.amazonaws.com"}

requests = [
    ("partner account sends",            partner,  "sqs:SendMessage",    {}),
    ("partner account deletes",          partner,  "sqs:DeleteMessage",  {}),
    ("partner sends over plain http",    partner,  "sqs:SendMessage",    {"aws:SecureTransport": False}),
    ("unknown account sends",            stranger, "sqs:SendMessage",    {}),
    ("S3 for our bucket",                s3,       "sqs:SendMessage",
        {"aws:SourceArn": "arn:aws:s3:::video-uploads", "aws:SourceAccount": "000000000000"}),
    ("S3 for someone else's bucket",     s3,       "sqs:SendMessage",
        {"aws:SourceArn": "arn:aws:s3:::evil-bucket", "aws:SourceAccount": "444455556666"}),
    ("SNS for our topic",                sns,      "sqs:SendMessage",
        {"aws:SourceArn": "arn:aws:sns:us-east-1:000000000000:new-orders"}),
    ("SNS without a source ARN",         sns,      "sqs:SendMessage",    {}),
]
for label, caller, action, context in requests:
    decision, sid = evaluate(queue_policy, caller, action, QUEUE_ARN, context)
    print(f"{label:<32} {action:<18} -> {decision:<13} {sid}")

# %% [markdown]
# ### IAM policy + queue policy together
#
# For callers in **your own account**, either an IAM policy or the queue policy may grant access.
# For a caller in **another account**, both sides must agree: their account's IAM policy must allow
# the call *and* your queue policy must allow their account. An explicit `Deny` anywhere wins.
# A service principal such as S3 has no IAM policy: the queue policy alone decides. `decide(...)`
# combines the two and says which policy decided:

# %%
# NBVAL_CHECK_OUTPUT
consumer_role = {"AWS": "arn:aws:iam::000000000000:role/order-consumer"}
consumer_iam_policy = {
    "Version": "2012-10-17",
    "Statement": [{"Sid": "ConsumeOrders", "Effect": "Allow",
                   "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"],
                   "Resource": QUEUE_ARN}],
}
partner_iam_policy = {                     # lives in account 111122223333, written by the partner
    "Version": "2012-10-17",
    "Statement": [{"Sid": "SendAnywhere", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}],
}

for label, caller, action, iam in [
    ("our consumer role receives", consumer_role, "sqs:ReceiveMessage", consumer_iam_policy),
    ("our consumer role sends",    consumer_role, "sqs:SendMessage",    consumer_iam_policy),
    ("partner sends",              partner,       "sqs:SendMessage",    partner_iam_policy),
    ("partner sends, no IAM grant", partner,      "sqs:SendMessage",    None),
    ("partner receives",           partner,       "sqs:ReceiveMessage", partner_iam_policy),
]:
    decision, why = decide(caller, action, QUEUE_ARN, queue_policy=queue_policy, iam_policy=iam)
    print(f"{label:<28} -> {decision:<13} {why}")

# %% [markdown]
# ### Setting the policy on a queue
#
# The access policy is the queue attribute `Policy`, a JSON string. We fill in the real queue ARN,
# set it with `SetQueueAttributes` and read it back, on LocalStack and on the toy. (Both store the
# policy; neither enforces it. On real SQS it is enforced, which is why we practise with
# `toyqueue.policy` above.)

# %%
# NBVAL_CHECK_OUTPUT
def round_trip(sqs, name):
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    doc = json.loads(json.dumps(queue_policy).replace(QUEUE_ARN, arn))
    sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": json.dumps(doc)})
    stored = json.loads(sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])["Attributes"]["Policy"])
    sqs.delete_queue(QueueUrl=url)
    return stored == doc, [st["Sid"] for st in stored["Statement"]]

for backend, sqs in [("toy", toy), ("localstack", ls)]:
    same, sids = round_trip(sqs, f"l09-orders-{RUN}")
    print(f"{backend:<10} read back unchanged: {same}  statements: {sids}")

# %% [markdown]
# For simple cases SQS also has `AddPermission` / `RemovePermission`, which write statements into
# this same `Policy` attribute for you (account ids and actions only, no conditions):

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.policy import as_list


def statements(sqs, url):
    policy = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"]).get("Attributes", {}).get("Policy")
    return json.loads(policy)["Statement"] if policy else []

for backend, sqs in [("toy", toy), ("localstack", ls)]:
    url = sqs.create_queue(QueueName=f"l09-permission-{RUN}")["QueueUrl"]
    sqs.add_permission(QueueUrl=url, Label="PartnerMaySend", AWSAccountIds=["111122223333"],
                       Actions=["SendMessage"])
    [st] = statements(sqs, url)
    print(f"{backend:<10} {st['Sid']}: {st['Effect']} {as_list(st['Principal']['AWS'])} {as_list(st['Action'])}")
    sqs.remove_permission(QueueUrl=url, Label="PartnerMaySend")
    print(f"{'':<10} after RemovePermission: {len(statements(sqs, url))} statements")
    sqs.delete_queue(QueueUrl=url)

# %%
ls.delete_queue(QueueUrl=ls_url);

# %% [markdown]
# ## Recap
#
# - **In flight** (전송 중 암호화): HTTPS (TLS). AWS's SDKs use it by default, SSE queues require
#   it, and a queue policy can deny any request with `aws:SecureTransport` false. Plain http is
#   acceptable only on loopback (toy, LocalStack).
# - **At rest** (저장 시 암호화): SSE-SQS is on by default (`SqsManagedSseEnabled`); SSE-KMS uses
#   your KMS key (`KmsMasterKeyId`). Transparent to producers and consumers.
# - **Client-side:** encrypt before `SendMessage`, decrypt after `ReceiveMessage`; the queue only
#   ever holds ciphertext. Your code, your keys.
# - **Access:** IAM policies (on identities) and SQS access policies (on the queue: cross-account
#   principals, S3/SNS service principals limited by `aws:SourceArn`). Explicit deny wins; nothing
#   allowed means denied; cross-account needs both sides.

# %%
from toyqueue.widgets import quiz

quiz("09")

# %% [markdown]
# **Try it:** change `queue_policy` (let the partner `ReceiveMessage`, or remove the
# `aws:SourceArn` condition) and rerun the evaluator cells: which answers change, and why?
#
# Next: [10 Beyond the lecture →](10_beyond_the_lecture.ipynb)
