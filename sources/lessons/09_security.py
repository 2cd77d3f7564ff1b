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

# %% [markdown] ko en=aa56372c
# [← 08 계층 분리](08_decoupling_tiers.ipynb) | [10 강의 너머 →](10_beyond_the_lecture.ipynb)
#
# # 09 · 보안: 암호화와 액세스 제어
#
# **목표:** 강의가 꼽는 네 겹의 보안을 알고, 하나하나 실제로 돌아가는 모습을 봅니다. 강의의 한국어
# 번역은 그중 두 용어를 낱말 그대로 옮겨서 뜻이 어긋났습니다. 여기서는 AWS 한국어 문서의 용어를 쓰고
# 강의의 말을 옆에 적습니다.
#
# 1. **전송 중 암호화**(encryption in flight, AWS 영어 문서로는 *in transit*. 강의는 in flight를 글자
#    그대로 옮겨 "비행 중 암호화"라고 합니다): SQS로 가는 요청은 **HTTPS**로 전달됩니다. HTTPS는
#    **TLS**(Transport Layer Security, 인터넷 뱅킹도 지켜 주는 암호화 계층) 안에 담긴 HTTP입니다.
#    그래서 메시지는 네트워크 위에서 암호화되어 있습니다.
# 2. **저장 시 암호화**(encryption at rest. 강의의 "미사용 암호화"는 at rest를 '쓰지 않는'으로 잘못
#    옮긴 말이고, 실제 뜻은 '저장되어 있는'입니다): SQS는 저장한 메시지를 **SSE**(서버 측 암호화,
#    server-side encryption)로 암호화합니다. 키는 **KMS**(AWS Key Management Service, 암호화 키를
#    만들고 지키는 서비스. 이 서비스가 내주는 키를 *KMS 키*라고 합니다)에서 받습니다.
# 3. **클라이언트 측 암호화**(client-side encryption, 강의와 같은 말): 더 지키고 싶다면 *여러분이*
#    보내기 전에 암호화하고 받은 뒤에 복호화합니다. SQS가 대신해 주지 않습니다.
# 4. **액세스 제어**(access control): **IAM** 정책(AWS Identity and Access Management: AWS 계정의
#    사용자, 역할, 권한)은 *여러분의* 사용자와 역할이 무엇을 할 수 있는지 정합니다. **SQS 액세스
#    정책**(S3 버킷 정책과 비슷합니다)은 대기열에 붙어서, *다른 계정*(교차 계정 액세스, cross-account
#    access)이나 *다른 서비스*(SNS, S3)가 대기열에 쓸 수 있게 해 줍니다.

# %% [markdown]
# ## 1. Encryption in flight: HTTPS
#
# A boto3 client for real AWS talks to `https://sqs.<region>.amazonaws.com`. Building a client does
# not send anything, so we can look at its endpoint safely (we never call it: this course does not
# touch real AWS).

# %% [markdown] ko en=0c40095c
# ## 1. 전송 중 암호화: HTTPS
#
# 실제 AWS용 boto3 클라이언트는 `https://sqs.<region>.amazonaws.com`과 통신합니다. 클라이언트를 만들기만
# 해서는 아무것도 보내지 않으므로, 엔드포인트를 안전하게 들여다볼 수 있습니다(호출은 하지 않습니다. 이
# 과정은 실제 AWS를 건드리지 않습니다).

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

# %% [markdown] ko en=5ab559fe
# 반면 토이 엔드포인트와 LocalStack은 루프백 주소 `127.0.0.1`에서 평범한 `http`로 통신합니다. 이것은
# **그곳에서만** 괜찮습니다. 루프백 트래픽은 이 컴퓨터 밖으로 나가지 않으므로 엿들을 네트워크가
# 없습니다. 다른 곳에서 평범한 http를 쓰면, 경로 위의 누구에게나 모든 메시지가 보입니다. **예측해
# 보세요:** 아래에서 LocalStack으로 보내는 바이트 속의 카드 번호를 읽을 수 있을까요?

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

# %% [markdown] ko en=50eae51f
# 엿듣는 사람에게는 얼마나 보일까요? botocore에서는 요청이 나가기 직전에 끼어들 수
# 있습니다(`before-send`). LocalStack으로 가는 회선 위의 바이트를 기록해 봅시다:

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
# requests whose `aws:SecureTransport` is false; section 4 shows that condition key at work, and
# exercise 06 has you write such a policy.
#
# TLS protects the trip, not the message: SQS itself (and whoever can call `ReceiveMessage`) still
# sees the card number. That is what the next two layers are about.

# %% [markdown] ko en=54a223c6
# HTTPS라면 같은 바이트가 TLS에 싸여 가므로 네트워크에는 암호문만 보입니다. AWS는 무엇을 요구할까요?
# SDK는 기본으로 HTTPS를 씁니다(위의 엔드포인트). 그리고 AWS 문서에 따르면 서버 측 암호화를 쓰는
# 대기열로 가는 요청은 모두 HTTPS를 써야 합니다(서명 버전 4(Signature Version 4) 서명도 필요합니다).
# 어느 대기열이든 평범한 http 요청을 거부하려면, `aws:SecureTransport`가 false인 요청을 거부하는 대기열
# 정책을 두라고 AWS는 권합니다. 4절에서 이 조건 키가 어떻게 쓰이는지 보고, 실습 06에서 그런 정책을
# 직접 씁니다.
#
# TLS가 지키는 것은 메시지가 오가는 길이지 메시지 자체가 아닙니다. SQS 자신은(그리고
# `ReceiveMessage`를 호출할 수 있는 누구나) 여전히 카드 번호를 봅니다. 다음 두 겹이 다루는 것이 바로
# 이것입니다.

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

# %% [markdown] ko en=ee074173
# ## 2. 저장 시 암호화: KMS를 쓰는 서버 측 암호화
#
# 새 대기열은 기본으로 **SSE-SQS**(SQS가 관리하는 키)로 저장 시 암호화됩니다. 이때 속성
# `SqsManagedSseEnabled`는 `true`입니다. 직접 관리하는 키를 쓰려면 **SSE-KMS**를 씁니다.
# `KmsMasterKeyId`를 정하고(KMS 키의 ID, **ARN** 또는 별칭. `alias/aws/sqs`는 AWS 관리형 키입니다.
# ARN(Amazon 리소스 이름, Amazon Resource Name)은 모든 AWS 리소스가 가진 이름으로, 대기열이라면
# `arn:aws:sqs:us-east-1:000000000000:orders` 같은 모양입니다), 필요하면
# `KmsDataKeyReusePeriodSeconds`도 정합니다(60초에서 86,400초 사이, 기본값 300: SQS가 KMS에 다시 묻기
# 전까지 데이터 키를 재사용하는 시간). 어느 쪽이든 암호화는 투명합니다. 소비자는 평문을 받습니다.
#
# 같은 함수를 LocalStack과 토이에 대해 실행합니다:

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

# %% [markdown] ko en=33ed2e7b
# 대기열은 서버 측 암호화 방식을 한 번에 하나만 씁니다. KMS 키를 정하면 실제 SQS(그리고 토이)는
# `SqsManagedSseEnabled`를 `false`로 알려 줍니다. 여기서 **LocalStack은 다릅니다**: 계속 `true`라고
# 합니다.
#
# 서버 측 암호화는 SQS가 메시지를 저장하는 디스크를 지킵니다. 메시지를 받을 권한이 있는 사람에게서
# 메시지를 숨기지는 **않습니다**. 앞에서 보낸 카드 번호는 (SSE로 보호되는) 대기열에서 어느 소비자에게나
# 평문으로 나옵니다. (토이도 LocalStack도 실제로 암호화하지는 않습니다. 속성만 보관합니다.)

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

# %% [markdown] ko en=f3d3c985
# ## 3. 클라이언트 측 암호화: 클라이언트가 직접 하는 일
#
# 여러분의 소비자만 메시지를 읽을 수 있게 하려면, `SendMessage` **전에** 암호화하고 `ReceiveMessage`
# **후에** 복호화합니다. 여기서는 `cryptography` 라이브러리의 AES-256-GCM을 씁니다. 이 방식은 암호화와
# 함께 인증도 하므로, 메시지가 바뀌면 알아챕니다. 메시지 본문은 텍스트여야 하므로 암호문을 base64로
# 인코딩합니다. 어떻게 암호화했는지는 메시지 속성에 적습니다.
#
# 운영 환경이라면 키는 KMS(`GenerateDataKey`, "봉투 암호화(envelope encryption)")나 비밀 저장소에서
# 가져오고, 생산자와 소비자가 모두 그 키를 받아 씁니다. 여기서는 그냥 무작위 바이트입니다.

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

# %% [markdown] ko en=835158b1
# 생산자는 암호화하고, 대기열은 암호문을 나르고, 소비자는 복호화합니다. **예측해 보세요:** 이제 회선
# 위에서 카드 번호를 읽을 수 있을까요? SQS가 저장하는 것에서는요?

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

# %% [markdown] ko en=42e513b3
# GCM은 인증을 하므로, 도중에 바뀐 메시지(또는 다른 키로 암호화된 메시지)는 엉터리 평문으로 조용히
# 복호화되지 않고 거부됩니다:

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

# %% [markdown] ko en=a9e7efd2
# 대가도 있습니다. 본문이 커집니다(12바이트 논스와 16바이트 태그가 붙고, base64가 전체를 약 3분의
# 1만큼 키웁니다. 그래도 1MiB 안에 들어가야 합니다). 그리고 디버깅할 때 키가 없으면 누구도(AWS
# 콘솔조차) 메시지를 읽을 수 없습니다.

# %%
# NBVAL_CHECK_OUTPUT
print(len(secret), "bytes of plaintext ->", len(encrypt(secret)), "bytes in the queue")

# %% [markdown]
# ## 4. Access control: IAM policies and SQS access policies
#
# Two kinds of policy decide who may call which SQS action:
#
# - An **IAM policy** is attached to a user or role (an *identity*) in your account: "this role may
#   `SendMessage` to the payments queue".
# - An **SQS access policy** is attached to the **queue** (a *resource* policy, like an S3 bucket
#   policy) and names *who*, the **principal** (an account, a user or role, or an AWS service), may
#   do what. It is how you let another AWS account, or a service such as S3 or SNS, use your
#   queue.
#
# Both are JSON documents made of statements with `Effect`, `Principal` (queue policies only),
# `Action`, `Resource` and an optional `Condition`. Our example is the payments queue of section 1,
# with three rules:
#
# - A fraud-checking team works in **another AWS account** (`999988887777`) and consumes the
#   queue: it may receive, delete and change the visibility of messages, over HTTPS only.
# - A rule of ours in **EventBridge** (AWS's event service: a *rule* sends an event to a target,
#   such as a queue, on a schedule or when something happens), `nightly-settlement`, sends the
#   queue a message every night.
# - Nobody, not even our own admins, may purge the queue: payments are never thrown away in bulk.
#
# The queue policy that says so:

# %% [markdown] ko en=2b5c7080
# ## 4. 액세스 제어: IAM 정책과 SQS 액세스 정책
#
# 누가 어떤 SQS 작업을 호출할 수 있는지는 두 종류의 정책이 정합니다:
#
# - **IAM 정책**(IAM policy)은 내 계정의 사용자나 역할(*자격 증명*, identity)에 붙습니다: "이 역할은
#   payments 대기열에 `SendMessage`를 할 수 있다".
# - **SQS 액세스 정책**(SQS access policy)은 **대기열**에 붙습니다(S3 버킷 정책 같은 *리소스 기반*
#   정책). 그리고 *누가*, 곧 어떤 **보안 주체**(principal: 계정, 사용자나 역할, 또는 AWS 서비스)가
#   무엇을 할 수 있는지 적습니다. 다른 AWS 계정이나 S3, SNS 같은 서비스가 내 대기열을 쓰게 하는 방법이
#   바로 이것입니다.
#
# 둘 다 문(statement)들로 이루어진 JSON 문서입니다. 각 문에는 `Effect`, `Principal`(대기열 정책에만),
# `Action`, `Resource`가 있고, 필요하면 `Condition`도 있습니다. 예로 1절의 payments 대기열을 씁니다.
# 규칙은 세 가지입니다:
#
# - 사기 탐지 팀은 **다른 AWS 계정**(`999988887777`)에서 일하며 이 대기열을 소비합니다. 메시지를 받고,
#   삭제하고, 가시성을 바꿀 수 있습니다. 단, HTTPS로만.
# - 우리 **EventBridge**(AWS의 이벤트 서비스. *규칙*이 정해진 일정에 따라, 또는 무슨 일이 일어났을 때
#   대기열 같은 대상에 이벤트를 보냅니다) 규칙 `nightly-settlement`가 매일 밤 대기열에 메시지를 하나
#   보냅니다.
# - 누구도, 우리 관리자조차도 대기열을 비울(purge) 수 없습니다. 결제 메시지는 한꺼번에 버리지
#   않습니다.
#
# 이 규칙들을 적은 대기열 정책은 이렇습니다:

# %%
import json

QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:payments"
FRAUD_ACCOUNT = "999988887777"
SETTLEMENT_RULE = "arn:aws:events:us-east-1:000000000000:rule/nightly-settlement"
queue_policy = {
    "Version": "2012-10-17",
    "Id": "payments-queue-policy",
    "Statement": [
        {"Sid": "FraudAccountMayConsume",             # cross-account access (교차 계정 액세스)
         "Effect": "Allow",
         "Principal": {"AWS": f"arn:aws:iam::{FRAUD_ACCOUNT}:root"},
         "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"],
         "Resource": QUEUE_ARN,
         "Condition": {"Bool": {"aws:SecureTransport": "true"}}},   # only over HTTPS
        {"Sid": "NightlySettlementRule",              # EventBridge may send, for our rule only
         "Effect": "Allow",
         "Principal": {"Service": "events.amazonaws.com"},
         "Action": "sqs:SendMessage",
         "Resource": QUEUE_ARN,
         "Condition": {"ArnEquals": {"aws:SourceArn": SETTLEMENT_RULE}}},
        {"Sid": "NobodyPurges",                       # an explicit Deny
         "Effect": "Deny",
         "Principal": "*",
         "Action": "sqs:PurgeQueue",
         "Resource": QUEUE_ARN},
    ],
}

# %% [markdown]
# Why the `aws:SourceArn` condition? `events.amazonaws.com` is the EventBridge service acting for
# **every** AWS customer. Without the condition, anyone's rule could be pointed at your queue (the
# "confused deputy" problem: a trusted service made to act for someone else). The condition says:
# only on behalf of *my* rule. The lecture's examples work the same way: S3 writing a bucket's
# event notifications (`s3.amazonaws.com`) and SNS delivering a topic's messages
# (`sns.amazonaws.com`), each limited to your bucket or topic by its ARN.
#
# `aws:SecureTransport` is a fact about the request: `true` when it came over HTTPS, `false` over
# plain http. Here it narrows the fraud account's statement to HTTPS calls.
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
# from, whether it used HTTPS; HTTPS unless the row says otherwise). **Predict** the two
# EventBridge rows and the plain-http row before you run it.

# %% [markdown] ko en=e4c192fc
# 왜 `aws:SourceArn` 조건을 붙일까요? `events.amazonaws.com`은 **모든** AWS 고객을 대신해 움직이는
# EventBridge 서비스입니다. 조건이 없으면 누구의 규칙이든 여러분의 대기열을 대상으로 삼을 수
# 있습니다("혼동된 대리자(confused deputy)" 문제: 믿을 만한 서비스가 남을 위해 움직이게 되는 것).
# 조건은 이렇게 말합니다: *내* 규칙을 대신할 때만. 강의의 예도 똑같이 동작합니다. 버킷의 이벤트 알림을
# 쓰는 S3(`s3.amazonaws.com`)와 토픽의 메시지를 전달하는 SNS(`sns.amazonaws.com`)도 각각 ARN으로
# 내 버킷이나 내 토픽에만 허용합니다.
#
# `aws:SecureTransport`는 요청에 관한 사실입니다. HTTPS로 온 요청이면 `true`, 평범한 http로 온
# 요청이면 `false`입니다. 여기서는 사기 탐지 계정의 문을 HTTPS 호출로만 좁힙니다.
#
# ### AWS가 결정하는 방법
#
# AWS는 몇 가지 규칙으로 정책을 평가합니다. 기본적으로 모든 것이 거부됩니다(*암시적 거부*, implicit
# deny). 일치하는 `Allow` 문이 있으면 요청이 통과합니다. 일치하는 `Deny`는 언제나 이깁니다. 문이
# 일치하려면 보안 주체, 작업, 리소스, **그리고 모든 조건**이 일치해야 합니다.
# [`toyqueue/policy.py`](../toyqueue/policy.py)는 이 규칙을 (여기서 쓰는 연산자에 한해) 코드로 옮겨
# 두었습니다. 그래서 AWS 계정 없이도 "SQS가 이것을 허용할까?"를 물어볼 수 있습니다. 그 테스트는
# `tests/unit/test_policy.py`에 있습니다.
#
# 아래의 각 행은 요청 하나입니다: 누가 호출하는지, 어떤 작업인지, 그리고 요청 컨텍스트(어디서 오는지,
# HTTPS를 썼는지. 행에 따로 적지 않으면 HTTPS)입니다. 실행하기 전에 EventBridge 두 행과 평범한 http
# 행의 답을 **예측해 보세요**.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.policy import decide, evaluate

fraud = {"AWS": f"arn:aws:iam::{FRAUD_ACCOUNT}:role/fraud-checker"}
stranger = {"AWS": "arn:aws:iam::444455556666:user/mallory"}
events = {"Service": "events.amazonaws.com"}

requests = [
    ("fraud account receives",           fraud,    "sqs:ReceiveMessage", {}),
    ("fraud account sends",              fraud,    "sqs:SendMessage",    {}),
    ("fraud account purges",             fraud,    "sqs:PurgeQueue",     {}),
    ("fraud receives over plain http",   fraud,    "sqs:ReceiveMessage", {"aws:SecureTransport": False}),
    ("unknown account receives",         stranger, "sqs:ReceiveMessage", {}),
    ("EventBridge for our rule",         events,   "sqs:SendMessage",    {"aws:SourceArn": SETTLEMENT_RULE}),
    ("EventBridge for another's rule",   events,   "sqs:SendMessage",
        {"aws:SourceArn": "arn:aws:events:us-east-1:444455556666:rule/nightly-settlement"}),
    ("EventBridge without a source ARN", events,   "sqs:SendMessage",    {}),
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
# A service principal such as EventBridge has no IAM policy: the queue policy alone decides.
# `decide(...)` combines the two and says which policy decided. **Predict:** our own payments API
# sends over plain http; does the fraud account's HTTPS condition stop it?

# %% [markdown] ko en=f048a015
# ### IAM 정책과 대기열 정책을 함께
#
# **내 계정** 안의 호출자라면 IAM 정책과 대기열 정책 중 어느 한쪽만 허용해도 액세스할 수 있습니다.
# **다른 계정**의 호출자라면 양쪽이 모두 동의해야 합니다. 그 계정의 IAM 정책이 호출을 허용하고,
# *그리고* 내 대기열 정책이 그 계정을 허용해야 합니다. 어디에서든 명시적 `Deny`(명시적 거부, explicit
# deny)가 있으면 그것이 이깁니다. EventBridge 같은 서비스 보안 주체에는 IAM 정책이 없으므로 대기열
# 정책만으로 결정됩니다. `decide(...)`는 두 정책을 합쳐 판단하고, 어느 정책이 결정했는지 알려 줍니다.
# **예측해 보세요:** 우리 결제 API가 평범한 http로 보냅니다. 사기 탐지 계정의 HTTPS 조건이 이것을
# 막을까요?

# %%
# NBVAL_CHECK_OUTPUT
payments_api = {"AWS": "arn:aws:iam::000000000000:role/payments-api"}
payments_api_iam_policy = {
    "Version": "2012-10-17",
    "Statement": [{"Sid": "SendPayments", "Effect": "Allow", "Action": "sqs:SendMessage",
                   "Resource": QUEUE_ARN}],
}
admin = {"AWS": "arn:aws:iam::000000000000:role/admin"}
admin_iam_policy = {
    "Version": "2012-10-17",
    "Statement": [{"Sid": "AnySqs", "Effect": "Allow", "Action": "sqs:*", "Resource": "*"}],
}
fraud_iam_policy = {                       # lives in account 999988887777, written by the fraud team
    "Version": "2012-10-17",
    "Statement": [{"Sid": "ConsumePayments", "Effect": "Allow",
                   "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"],
                   "Resource": QUEUE_ARN}],
}
plain_http = {"aws:SecureTransport": False}

for label, caller, action, iam, context in [
    ("our API sends",                payments_api, "sqs:SendMessage",    payments_api_iam_policy, None),
    ("our API receives",             payments_api, "sqs:ReceiveMessage", payments_api_iam_policy, None),
    ("our API sends over plain http", payments_api, "sqs:SendMessage",   payments_api_iam_policy, plain_http),
    ("our admin purges",             admin,        "sqs:PurgeQueue",     admin_iam_policy,        None),
    ("fraud account receives",       fraud,        "sqs:ReceiveMessage", fraud_iam_policy,        None),
    ("fraud account, no IAM grant",  fraud,        "sqs:ReceiveMessage", None,                    None),
]:
    decision, why = decide(caller, action, QUEUE_ARN, queue_policy=queue_policy, iam_policy=iam,
                           context=context)
    print(f"{label:<30} -> {decision:<13} {why}")

# %% [markdown]
# The plain-http row went through: the API's IAM policy allows the call, and in your own account one
# `Allow` is enough. The HTTPS condition is part of the fraud account's statement, so it narrows
# that statement and nothing else. A condition on an `Allow` can only narrow that `Allow`; taking
# away what another policy allows needs an explicit `Deny`, the way `NobodyPurges` stopped our
# admin, whose IAM policy allows every SQS action.

# %% [markdown] ko en=38d725ae
# 평범한 http 행은 통과했습니다. 결제 API의 IAM 정책이 호출을 허용하고, 내 계정 안에서는 `Allow`
# 하나면 충분하기 때문입니다. HTTPS 조건은 사기 탐지 계정의 문에 들어 있으므로 그 문만 좁힐 뿐입니다.
# `Allow`에 붙은 조건은 그 `Allow`를 좁힐 수 있을 뿐입니다. 다른 정책이 허용한 것을 빼앗으려면
# 명시적 `Deny`가 필요합니다. 모든 SQS 작업을 허용하는 IAM 정책을 가진 관리자를 `NobodyPurges`가
# 막은 것처럼요.

# %% [markdown]
# ### Setting the policy on a queue
#
# The access policy is the queue attribute `Policy`, a JSON string. We fill in the real queue ARN,
# set it with `SetQueueAttributes` and read it back, on LocalStack and on the toy. (Both store the
# policy; neither enforces it. On real SQS it is enforced, which is why we practise with
# `toyqueue.policy` above.)

# %% [markdown] ko en=b1826315
# ### 대기열에 정책 설정하기
#
# 액세스 정책은 대기열 속성 `Policy`이고, 값은 JSON 문자열입니다. 실제 대기열 ARN을 채워 넣고,
# `SetQueueAttributes`로 설정한 뒤 다시 읽어 옵니다. LocalStack과 토이 모두에서 해 봅니다. (둘 다
# 정책을 저장만 하고 적용하지는 않습니다. 실제 SQS는 정책을 적용합니다. 그래서 위에서
# `toyqueue.policy`로 연습했습니다.)

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
    same, sids = round_trip(sqs, f"l09-policy-{RUN}")
    print(f"{backend:<10} read back unchanged: {same}  statements: {sids}")

# %% [markdown]
# For simple cases SQS also has `AddPermission` / `RemovePermission`, which write statements into
# this same `Policy` attribute for you (account ids and actions only, no conditions):

# %% [markdown] ko en=1e2203c8
# 간단한 경우를 위해 SQS에는 `AddPermission` / `RemovePermission`도 있습니다. 이 둘은 같은 `Policy`
# 속성에 문을 대신 써 줍니다(계정 ID와 작업만 쓸 수 있고, 조건은 쓸 수 없습니다):

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.policy import as_list


def statements(sqs, url):
    policy = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"]).get("Attributes", {}).get("Policy")
    return json.loads(policy)["Statement"] if policy else []

for backend, sqs in [("toy", toy), ("localstack", ls)]:
    url = sqs.create_queue(QueueName=f"l09-permission-{RUN}")["QueueUrl"]
    sqs.add_permission(QueueUrl=url, Label="FraudAccountMayReceive", AWSAccountIds=[FRAUD_ACCOUNT],
                       Actions=["ReceiveMessage"])
    [st] = statements(sqs, url)
    print(f"{backend:<10} {st['Sid']}: {st['Effect']} {as_list(st['Principal']['AWS'])} {as_list(st['Action'])}")
    sqs.remove_permission(QueueUrl=url, Label="FraudAccountMayReceive")
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
#   principals, service principals such as S3, SNS or EventBridge limited by `aws:SourceArn`).
#   Explicit deny wins; nothing allowed means denied; cross-account needs both sides; a condition
#   on an `Allow` only narrows that `Allow`.

# %% [markdown] ko en=b217b782
# ## 정리
#
# - **전송 중 암호화**(in flight): HTTPS(TLS). AWS SDK는 기본으로 HTTPS를 쓰고, SSE 대기열은 HTTPS를
#   요구하며, 대기열 정책으로 `aws:SecureTransport`가 false인 요청을 모두 거부할 수 있습니다. 평범한
#   http는 루프백(토이, LocalStack)에서만 괜찮습니다.
# - **저장 시 암호화**(at rest): SSE-SQS가 기본으로 켜져 있습니다(`SqsManagedSseEnabled`). SSE-KMS는
#   여러분의 KMS 키(`KmsMasterKeyId`)를 씁니다. 생산자와 소비자에게는 투명합니다.
# - **클라이언트 측 암호화:** `SendMessage` 전에 암호화하고 `ReceiveMessage` 후에 복호화합니다.
#   대기열에는 언제나 암호문만 있습니다. 코드도 키도 여러분의 몫입니다.
# - **액세스 제어:** IAM 정책(자격 증명에 붙음)과 SQS 액세스 정책(대기열에 붙음: 교차 계정 보안 주체,
#   `aws:SourceArn`으로 제한한 S3, SNS, EventBridge 같은 서비스 보안 주체). 명시적 거부가 이깁니다.
#   아무것도 허용하지 않으면 거부입니다. 교차 계정은 양쪽 모두 허용해야 합니다. `Allow`에 붙은 조건은
#   그 `Allow`만 좁힙니다.

# %%
from toyqueue.widgets import quiz

quiz("09")

# %% [markdown]
# **Try it:** change `queue_policy` (let the fraud account `SendMessage`, or remove the
# `aws:SourceArn` condition) and rerun the evaluator cells: which answers change, and why?
#
# **Exercise:** [06 · An access policy](../exercises/06_access_policy.ipynb) puts the same ideas to
# work on the lecture's cases: you write the orders queue's policy yourself (a partner account that
# may only send, S3 and SNS for your own bucket and topic only, HTTPS only for everyone), graded by
# the same evaluator, with the near misses a real policy must refuse.
#
# Next: [10 Beyond the lecture →](10_beyond_the_lecture.ipynb)

# %% [markdown] ko en=2516cbca
# **해 보세요:** `queue_policy`를 바꿔 보세요(사기 탐지 계정에 `SendMessage`를 허용하거나,
# `aws:SourceArn` 조건을 지워 보세요). 그리고 평가기 셀들을 다시 실행하세요. 어떤 답이 바뀌고, 왜
# 바뀔까요?
#
# **실습:** [06 · 액세스 정책](../exercises/06_access_policy.ipynb)에서는 같은 개념을 강의의 경우에
# 적용합니다. 주문 대기열의 정책을 직접 작성합니다(보내기만 할 수 있는 파트너 계정, 내 버킷과 토픽에만
# 허용하는 S3와 SNS, 모두에게 HTTPS 전용). 같은 평가기가 채점하고, 실제 정책이라면 거부해야 할
# 아슬아슬한 요청들도 함께 확인합니다.
#
# 다음: [10 강의 너머 →](10_beyond_the_lecture.ipynb)
