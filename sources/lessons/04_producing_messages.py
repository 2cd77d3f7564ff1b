# Lesson 04 source: built into notebooks/04_producing_messages.ipynb and
# notebooks/ko/04_producing_messages.ipynb by tools/nbbuild.py.

# %% [markdown]
# [← 03 The standard queue](03_standard_queue.ipynb) | [05 Consuming messages →](05_consuming_messages.ipynb)
#
# # 04 · Producing messages
#
# **Goal:** send messages the way a real producer (생산자) does: with the AWS SDK and the
# `SendMessage` API, carrying an order's details as *message attributes*, and check that SQS
# received exactly what you sent. You run the same boto3 code against LocalStack and against
# the toy queue, side by side.

# %% [markdown] ko en=affc84bd
# [← 03 표준 대기열](03_standard_queue.ipynb) | [05 메시지 받기 →](05_consuming_messages.ipynb)
#
# # 04 · 메시지 보내기
#
# **목표:** 실제 생산자(producer)처럼 메시지를 보냅니다. AWS SDK와 `SendMessage` API로 보내고, 주문의
# 세부 정보는 *메시지 속성*(message attributes)에 담습니다. 그리고 SQS가 받은 메시지가 보낸 것과
# 똑같은지 확인합니다. 같은 boto3 코드를 LocalStack과 토이 대기열에 나란히 실행해 봅니다.

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

# %% [markdown] ko en=4cf1de55
# ## SDK 하나, 엔드포인트 둘
#
# 생산자는 SDK를 통해 SQS와 이야기합니다. Python에서는 boto3입니다(레슨 00). boto3 클라이언트는 SQS가
# *어디에* 있는지만 알면 되고, 나머지는 모두 같습니다. `toyqueue.clients.client()`는 우리의 로컬
# 엔드포인트 두 곳에 대해 클라이언트를 하나씩 만듭니다. 가짜 자격 증명을 쓰므로 여기서는 어떤 코드도
# 실제 AWS 계정에 닿을(또는 비용을 청구할) 수 없습니다:
#
# - `client("localstack")`: 내 컴퓨터에서 돌아가는 AWS 에뮬레이터인 LocalStack.
# - `client("toy")`: 자체의 작은 HTTP 서버 뒤에 있는 이 과정의 토이 대기열.

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
# MessageBody=...)`. The body is text, up to 1 MiB (lesson 03). SQS refuses only a few
# characters in it: U+0000 and most other ASCII control characters (lesson 10 shows one).
#
# The lecture's example is an online shop: when an order is placed, the purchase service sends
# a message so that the shipping side can process it later, whenever it is ready. The message
# carries an **order id**, a **customer id** and the **address**. The order's content goes in
# the body (here as JSON); the fields a consumer may want to look at first go in
# **message attributes** (메시지 속성; the lecture says 원하는 속성): typed name/value pairs
# (`String`, `Number` or `Binary`; at most 10, a limit we try out further down) that travel next
# to the body.

# %% [markdown] ko en=82cec1cd
# ## SendMessage
#
# 강의: "*SQS에 메시지를 보내는 API를 SendMessage라고 합니다*". 메시지를 대기열에 넣는 API는
# `SendMessage`이고, boto3에서는 `send_message(QueueUrl=..., MessageBody=...)`입니다. 본문은 최대
# 1MiB까지의 텍스트입니다(레슨 03). SQS가 본문에서 거부하는 문자는 몇 가지뿐입니다. U+0000을
# 비롯한 대부분의 ASCII 제어 문자입니다(레슨 10에서 하나를 보여 줍니다).
#
# 강의의 예는 온라인 쇼핑몰입니다. 주문이 들어오면 구매 서비스가 메시지를 보내고, 배송 쪽은 나중에
# 준비가 되었을 때 그 메시지를 처리합니다. 메시지에는 **주문 ID**, **고객 ID**, **주소**가 들어 있습니다.
# 주문의 내용은 본문에 넣고(여기서는 JSON), 소비자가 먼저 보고 싶어 할 필드는 **메시지 속성**(message
# attributes, 강의: 원하는 속성)에 넣습니다. 메시지 속성은 데이터 유형(`String`, `Number`, `Binary`)이
# 있는 이름/값 쌍이고, 본문과 함께 전달됩니다. 메시지 하나에 최대 10개까지 붙일 수 있으며, 이 한도는
# 아래에서 시험해 봅니다.

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

# %% [markdown] ko en=a9ae7d97
# 백엔드마다 같은 `send_message` 호출을 한 번씩 합니다. SQS는 `MessageId`(매번 새로 만들어지는 무작위
# 값이라 길이만 출력합니다)와 체크섬 두 개로 답합니다. **예측해 보세요:** 두 백엔드는 같은 체크섬으로
# 답할까요?

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

# %% [markdown] ko en=5d841c5b
# 두 백엔드는 같은 메시지에 대해 **같은 체크섬**을 돌려줍니다. 체크섬은 무작위 값이 아닙니다. SQS가
# 저장한 메시지가 생산자가 보낸 메시지와 바이트 하나하나까지 같은지 생산자가 확인할 수 있게 해
# 줍니다. (Java SDK를 비롯한 여러 AWS SDK는 이 값을 자동으로 확인합니다. boto3는 확인을 여러분에게
# 맡기므로, 이어서 직접 확인해 봅니다.)
#
# ## 체크섬은 어디서 오는가
#
# `MD5OfMessageBody`는 본문의 UTF-8 바이트에 대한 MD5 해시를 16진수로 쓴 것입니다:

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

# %% [markdown] ko en=21bf6b4f
# `MD5OfMessageAttributes`는 속성을 정해진 바이너리 형식으로 늘어놓고 해시합니다(이름순으로 정렬하고,
# 이름, 유형, 값마다 그 앞에 길이를 붙입니다). 토이는 이 값을
# [`toyqueue/md5.py`](../toyqueue/md5.py)에서 몇 줄로 계산합니다. 여기서는 이 함수를 AWS가 직접 기록한
# 예(String 속성 세 개)와 두 백엔드의 답에 대조해 봅니다:

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

# %% [markdown] ko en=cba78443
# ## 소비자도 속성을 봅니다
#
# 소비자는 `receive_message`로 메시지를 받습니다. 이 절에서는 `VisibilityTimeout=0`을 넘깁니다. 이렇게
# 하면 메시지를 곧바로 다시 받을 수 있어서, 단계마다 같은 메시지를 다시 받게 됩니다. (가시성은 레슨 06에서
# 설명합니다.)
#
# **예측해 보세요:** 소비자가 속성을 달라고 하지 않고 메시지를 받습니다. 속성도 같이 올까요? 셀을
# 실행하고 메시지의 키를 보세요. 본문, 본문의 체크섬, `MessageId`, 그리고 `ReceiptHandle`(삭제할 때 쓰는
# 토큰)...

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in backends.items():
    got = sqs.receive_message(QueueUrl=urls[name], VisibilityTimeout=0, WaitTimeSeconds=1)["Messages"][0]
    print(f"{name:10} keys: {sorted(got)}")

# %% [markdown]
# Asking by name, or for all of them with `MessageAttributeNames=["All"]`:

# %% [markdown] ko en=959565d0
# 이름으로 요청하거나, `MessageAttributeNames=["All"]`로 모두 요청하면 이렇습니다:

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

# %% [markdown] ko en=31790915
# ## 메시지는 소비자가 삭제할 때까지 남아 있습니다
#
# 메시지를 받는다고 대기열에서 **없어지지 않습니다**. 메시지를 없애는 것은 `DeleteMessage`뿐이고,
# 소비자는 메시지를 다 처리한 뒤에 이 API를 호출합니다. 그때까지는 같은 메시지를 몇 번이고 다시 받을 수
# 있습니다(레슨 03의 메시지 보존 기간 안에서):

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

# %% [markdown] ko en=81f76431
# ## 속성은 최대 10개
#
# SQS는 메시지 하나에 메시지 속성을 최대 10개까지 받습니다. **예측해 보세요:** 열한 번째 속성에 토이(SQS를
# 따릅니다)와 LocalStack은 각각 어떻게 답할까요?

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

# %% [markdown] ko en=ec60fb18
# **여기서는 LocalStack이 다릅니다.** LocalStack은 속성을 몇 개든 받아들입니다. 그래서 LocalStack에서
# 동작하는 코드도 SQS에서는 거절될 수 있습니다.

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

# %% [markdown] ko en=2b839616
# ## 정리
#
# - 생산자는 SDK의 `SendMessage`(boto3에서는 `send_message`)로 메시지를 보냅니다. 레슨 10에서는
#   `SendMessageBatch`로 한 번에 최대 10개를 보냅니다.
# - 주문 ID, 고객 ID, 주소 같은 세부 정보는 데이터 유형이 있는 **메시지 속성**으로 본문과 함께 보낼 수
#   있습니다(최대 10개. LocalStack은 이 한도를 지키지 않습니다). 본문과 속성 모두 1MiB 한도에
#   포함됩니다. 소비자는 요청할 때만 속성을 받습니다.
# - SQS는 `MessageId`와 함께 본문과 속성의 MD5 체크섬으로 답하므로, 생산자는 저장된 내용을 확인할 수
#   있습니다.
# - 메시지는 소비자가 **삭제**할 때까지(또는 보존 기간이 끝날 때까지) 대기열에 남아 있습니다. 받기만
#   해서는 충분하지 않습니다.
# - 같은 boto3 코드가 LocalStack과 토이에서 그대로 실행되었습니다.

# %%
from toyqueue.widgets import quiz

quiz("04")

# %% [markdown]
# **Exercise:** [01 · Store and receive](../exercises/01_store_and_receive.ipynb) builds the
# part of the toy that stores what producers send.
#
# Next: [05 Consuming messages →](05_consuming_messages.ipynb)

# %% [markdown] ko en=6a1a5793
# **실습:** [01 · 저장과 수신](../exercises/01_store_and_receive.ipynb)에서는 토이 대기열에서 생산자가
# 보낸 메시지를 저장하는 부분을 만듭니다.
#
# 다음: [05 메시지 받기 →](05_consuming_messages.ipynb)
