# Lesson 03 source: built into notebooks/03_standard_queue.ipynb and notebooks/ko/03_standard_queue.ipynb
# by tools/nbbuild.py.

# %% [markdown]
# [← 02 What is a queue?](02_what_is_a_queue.ipynb) | [04 Producing messages →](04_producing_messages.ipynb)
#
# # 03 · The standard queue
#
# **Goal:** know the properties of an SQS *standard queue* (표준 대기열) well enough to answer
# "what happens if...?", and see each one happen: how long a message lives, how much a queue can
# hold, how fast a call is, how big a message may be.

# %% [markdown] ko en=0e4d8c1d
# [← 02 대기열이란?](02_what_is_a_queue.ipynb) | [04 메시지 보내기 →](04_producing_messages.ipynb)
#
# # 03 · 표준 대기열
#
# **목표:** SQS *표준 대기열*(standard queue)의 성질을 "...하면 어떻게 되나요?"라는 질문에 답할 수
# 있을 만큼 알고, 하나하나 실제로 일어나는 모습을 봅니다. 메시지는 얼마나 오래 살아 있는지, 대기열에
# 얼마나 담을 수 있는지, 호출은 얼마나 빠른지, 메시지는 얼마나 클 수 있는지를 다룹니다.

# %% [markdown]
# ## The oldest service on AWS, fully managed
#
# SQS was one of the very first AWS services (a beta in 2004, generally available in 2006), so
# the way it works is well settled. It is **fully managed** (완전 관리형): there is no server, disk
# or cluster for you to size or patch. You create a queue with one API call and pay per request.
#
# In an exam (and in practice), when a question is about *decoupling applications*
# (애플리케이션 분리), think of SQS.

# %% [markdown] ko en=eb35368e
# ## AWS에서 가장 오래된 서비스, 완전 관리형
#
# SQS는 AWS의 가장 초기 서비스 중 하나입니다(2004년 베타, 2006년 정식 출시). 그래서 작동 방식이 확실하게
# 자리 잡혀 있습니다. SQS는 **완전 관리형**(fully managed)입니다. 크기를 정하거나 패치할 서버, 디스크,
# 클러스터가 없습니다. API 호출 한 번으로 대기열을 만들고, 요청한 만큼 비용을 냅니다.
#
# 시험에서(그리고 실무에서도) *애플리케이션 분리*(decoupling applications)에 관한 문제가 보이면 SQS를
# 떠올리세요.

# %% [markdown]
# We cannot show "no servers to manage" running, but we can show "one call and it exists":
# `CreateQueue` answers with the new queue's URL, which every later call uses.
# Here it is on the toy queue, in this Python process, with a virtual clock so that the times
# are the same on every run:

# %% [markdown] ko en=9afa1128
# "관리할 서버가 없다"는 것을 실행해서 보여 줄 수는 없지만, "호출 한 번이면 생긴다"는 것은 보여 줄 수
# 있습니다. `CreateQueue`는 새 대기열의 URL로 답하고, 이후의 모든 호출이 이 URL을 씁니다.
# 여기서는 토이 대기열을 이 Python 프로세스 안에서 가상 시계와 함께 씁니다. 그래서 시각이 실행할
# 때마다 같습니다:

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

# %% [markdown] ko en=d18cf02a
# 모든 대기열에는 기본값이 있습니다. 그중 네 개를 봅시다. 이 레슨에서 다루는 것은 그중 둘입니다.
# `MessageRetentionPeriod`(메시지가 얼마나 오래 사는지)와 `MaximumMessageSize`(메시지가 얼마나 클 수
# 있는지)입니다. 나머지 둘은 나중에 나옵니다. `VisibilityTimeout`은 레슨 06, `DelaySeconds`는 레슨 10에서
# 다룹니다.

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

# %% [markdown] ko en=afc17a1e
# ## 메시지 보존 기간: 기본 4일, 최대 14일
#
# 메시지는 영원히 머무르지 않습니다. 소비자가 제때 메시지를 받아서 **삭제까지** 하지 않으면, 대기열의
# `MessageRetentionPeriod`가 다 되었을 때 SQS가 메시지를 버립니다. 이것이 **메시지 보존 기간**(message
# retention period, 강의: 보존 기간)입니다. 기본값은 4일(345,600초)이고, 직접 정하면 60초에서
# 14일(1,209,600초) 사이의 어떤 값이든 됩니다.
#
# 4일을 기다릴 수는 없으니 가상 시계를 빨리 감습니다. 메시지를 하나 보내고 "3일 23시간 뒤"로 갑니다.
# `waiting(...)`은 레슨 02의 세 가지 수를 더합니다:

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

# %% [markdown] ko en=106e6eae
# **예측해 보세요:** 1시간 1초가 더 지나면 4일이 다 됩니다. 아무도 메시지를 받지 않았습니다. 메시지는
# 몇 개 남아 있고, 수신 호출은 무엇을 돌려줄까요?

# %%
# NBVAL_CHECK_OUTPUT
clock.advance(3600 + 1)
print("after 4 days:     ", waiting(url), "message(s)")
print("receive returns:  ", svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []))

# %% [markdown]
# Give the queue the maximum retention, 14 days, and a message survives much longer (but not
# longer than that):

# %% [markdown] ko en=55704bf5
# 대기열에 최대 보존 기간인 14일을 주면 메시지는 훨씬 오래 살아남습니다(하지만 그보다 오래는 아닙니다):

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

# %% [markdown] ko en=8dd8e190
# 14일은 넘을 수 없는 상한입니다. 1초만 더 달라고 해도 오류입니다. 프로세스 안에서 토이는 `SQSError`를
# 일으킵니다. 그 `query_code`는 boto3가 `Error.Code`로 보여 줄 오류 코드이고, `message`는 SQS의 문구를
# 따릅니다:

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

# %% [markdown] ko en=0612e545
# **여기서는 LocalStack이 다릅니다.** LocalStack(이 과정에서 함께 쓰는 AWS 에뮬레이터)은 범위를 벗어난
# 이 값을 받아들입니다:

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

# %% [markdown] ko en=5ff8e87b
# 게다가 LocalStack은 `SQS_ENABLE_MESSAGE_RETENTION_PERIOD=1`을 주고 시작하지 않으면 메시지를 아예
# 만료시키지 않습니다. 그래서 보존 기간 시연은 토이에서 합니다. 기억할 규칙은 SQS의 규칙입니다:
# **보존 기간 안에 받고, 처리하고, 삭제하세요. 그러지 않으면 메시지를 잃습니다.**

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

# %% [markdown] ko en=5234da32
# ## 무제한 처리량, 무제한 백로그
#
# 강의는 "*처리량에 제한이 없고 대기열에 있는 메시지 수에도 제한이 없습니다*"라고 합니다(무제한
# 처리량, throughput). AWS 문서에 따르면 표준 대기열은 작업(action)마다 "초당 거의 무제한의 API
# 호출"을 지원하고, 대기열에서 기다리는 메시지 수에는 제한을 두지 않습니다. 제한은 *처리 중*(in flight),
# 곧 받았지만 아직 삭제하지 않은 메시지 수에만 있습니다(약 120,000개). 생산자가 몇 시간 동안 소비자보다
# 빨리 보내도 대기열은 그저 길어질 뿐입니다.
#
# 토이는 이 노트북의 메모리 안에 있으므로, 토이의 "무제한"은 여러분 컴퓨터의 RAM이 다하는 곳에서
# 끝납니다. 그래도 개념은 보여 줄 수 있습니다. 주문 20,000건을 `SendMessageBatch`로 10건씩 보냅니다
# (`SendMessageBatch`는 메시지를 최대 10개 담는 호출입니다. 레슨 10):

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

# %% [markdown] ko en=92a9b3d9
# 여러분의 컴퓨터에서는 얼마나 빨랐을까요? (실제로 잰 값이라 실행할 때마다 바뀝니다.)

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

# %% [markdown] ko en=6042d271
# ## 짧은 지연 시간: 강의의 "10밀리초 이내"
#
# 강의는 "*게시 및 수신 시 10밀리초 이내로 매우 빠르게 응답을 받게 됩니다*"라고 합니다. 전송이나 수신이
# **10밀리초 미만**에 응답한다는 뜻입니다. 이 수치는 강의의 것입니다. AWS의 SQS 문서는 지연
# 시간(latency) 수치도, 지연 시간 보장도 내놓지 않고, 표준 대기열을 처리량으로 설명합니다. 실제로 보게
# 되는 지연 시간은 코드가 대기열이 있는 AWS **리전**(Region: 대기열이 있는 데이터 센터들의 묶음,
# 예: `us-east-1`)에서 얼마나 먼지에 달려 있습니다.
#
# 우리 손에 있는 것은 직접 잴 수 있습니다. 메시지를 보내고, 받고, 삭제하기를 30번, 다음 세 곳에서 해 봅니다.
#
# 1. **프로세스 안**의 토이: Python 메서드 호출이고, 네트워크는 전혀 거치지 않습니다.
# 2. **HTTP를 거치는** 토이: 같은 토이를 작은 웹 서버 뒤에 두고, SQS를 호출할 때와 똑같이 boto3로
#    호출합니다.
# 3. HTTP를 거치는 **LocalStack**: 같은 boto3 코드로 호출합니다.

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

# %% [markdown] ko en=2e600a84
# 이 숫자들은 지금 여러분의 컴퓨터에서 잰 것이라 실행마다, 컴퓨터마다 다릅니다. 컴퓨터가 바쁘면 HTTP
# 엔드포인트가 10ms를 넘을 수도 있습니다. 마지막 열은 여러분의 결과가 강의의 수치와 비교해 어떤지
# 보여 줍니다:

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

# %% [markdown] ko en=4194b97d
# 처음 두 줄을 비교해 보세요. 같은 토이를 한 번은 직접, 한 번은 HTTP를 거쳐 호출했습니다. 그 차이가
# 오가는 데 드는 비용이고, 실제 SQS에서는 여기에 코드와 리전 사이의 네트워크가 더해집니다. 그래서
# SQS는 **배치**(batch)를 지원합니다. `ReceiveMessage` 한 번(레슨 05)이나 `SendMessageBatch` 한
# 번(레슨 10)으로 메시지를 최대 10개까지 다룹니다.

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

# %% [markdown] ko en=be70c860
# ## 메시지 크기: 강의에서는 256KB, 지금은 1MiB
#
# 강의는 메시지가 **256KB**보다 작아야 한다고 말합니다("*전송된 메시지당 256KB 미만이어야 합니다*").
# 이것은 **2025년 8월**까지의 규칙이었고, 그때 AWS가 한도를 **1MiB = 1,048,576바이트**로 올렸습니다.
# 지금은 새 규칙을 따라야 합니다:
#
# - 메시지 본문은 1바이트부터 1,048,576바이트까지이고, 메시지 속성도 이 한도에 포함됩니다.
# - 대기열의 `MaximumMessageSize`로 한도를 낮출 수 있습니다(1,024바이트부터 1,048,576바이트까지,
#   기본값 1,048,576).
#
# **예측해 보세요:** 정확히 1,048,576바이트는 받아들여질까요, 거절될까요? 1바이트가 더 많으면요? 먼저
# 프로세스 안의 토이에서 해 봅니다:

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

# %% [markdown] ko en=6ea8befb
# 이번에는 같은 두 번의 전송을 boto3로, HTTP를 거치는 토이와 LocalStack에 보냅니다. boto3는
# `ClientError`를 일으키고, 그 `response["Error"]`에 SQS가 돌려준 코드와 메시지가 들어 있습니다.

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

# %% [markdown] ko en=1fb5a8f8
# 코드도 같고 답도 같습니다. (정확히 1,048,576바이트는 받아들여지는데도 메시지에는 "shorter than
# 1048576 bytes"(1048576바이트보다 짧아야 함)라고 나옵니다. 이 문구는 SQS 자체의 것입니다.)

# %% [markdown]
# Message attributes (lesson 04) count too: each one adds the bytes of its name, its type and
# its value. The attribute below is `OrderId` (7 bytes) + `String` (6) + `o-1` (3) = 16 bytes,
# so next to it the body may be at most 1,048,576 - 16 bytes:

# %% [markdown] ko en=d2884240
# 메시지 속성(레슨 04)도 크기에 들어갑니다. 속성마다 이름, 데이터 유형, 값의 바이트 수가 더해집니다.
# 아래 속성은 `OrderId`(7바이트) + `String`(6) + `o-1`(3) = 16바이트이므로, 이 속성과 함께 보내는 본문은
# 최대 1,048,576 - 16바이트입니다:

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

# %% [markdown] ko en=47e063b6
# 강의 당시의 규칙을 보려면 대기열에 예전 한도인 `MaximumMessageSize = 262144`(256KiB)를 줍니다. 그러면
# 대기열은 그보다 큰 메시지를 모두 같은 오류로 거절합니다:

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

# %% [markdown] ko en=ad5aaa46
# 데이터가 1MiB보다 크다면, 예를 들어 비디오라면 어떻게 할까요? 메시지에 넣지 마세요. **S3**(Amazon
# Simple Storage Service: 크기와 상관없이 파일을 *버킷*(bucket)에 담아 두는 AWS의 저장소)에 저장하고,
# 그것을 가리키는 작은 메시지를 보냅니다. 이것을 "클레임 체크"(claim check) 패턴이라고 하며, AWS의
# *Extended Client Library*(확장 클라이언트 라이브러리)가 이 일을 대신 해 줍니다. 레슨 08의 비디오 앱이
# 이렇게 동작합니다. 메시지에는 비디오가 아니라 비디오의 키가 들어 있습니다.

# %% [markdown]
# Tidy up the two queues this lesson made over HTTP (the in-process toy's queues vanish with the
# kernel):

# %% [markdown] ko en=d50cfa8f
# 이 레슨이 HTTP로 만든 대기열 두 개를 정리합니다(프로세스 안 토이의 대기열은 커널과 함께 사라집니다):

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

# %% [markdown] ko en=609c0979
# ## 정리
#
# | 성질 | 표준 대기열 |
# |---|---|
# | 역사 | AWS 최초의 서비스 중 하나(2004/2006). 완전 관리형 |
# | 처리량 | 무제한 (AWS: 초당 "거의 무제한"의 API 호출) |
# | 백로그 | 기다리는 메시지 수는 무제한 (처리 중인 메시지는 최대 약 120,000개) |
# | 메시지 보존 기간 | 기본 4일, 60초부터 14일까지. 지나면 메시지가 자동으로 삭제됨 |
# | 지연 시간 | 강의는 호출당 10ms 미만이라고 함. AWS는 수치를 공개하지 않음. 대부분은 오가는 데 드는 시간 |
# | 크기 | 2025년 8월부터 최대 1MiB(1,048,576바이트), 속성 포함. 그전에는 256KB |
#
# 표준 대기열의 성질 두 가지가 레슨 06에서 더 나옵니다. 메시지가 **두 번 이상** 전달될 수 있다는 것(최소
# 1회 전송, at-least-once delivery. 강의: 적어도 한 번의 전송)과 **순서는 최선의 노력으로만** 지킨다는
# 것(최선의 노력 순서 지정, best-effort ordering)입니다.

# %%
from toyqueue.widgets import quiz

quiz("03")

# %% [markdown]
# Retention is part of exercise 07 (retention and delay), which comes after delays are taught
# in lesson 10.
#
# Next: [04 Producing messages →](04_producing_messages.ipynb)

# %% [markdown] ko en=9c9b3e41
# 보존 기간은 실습 07(보존 기간과 지연)에서 다룹니다. 이 실습은 레슨 10에서 지연을 배운 다음에
# 나옵니다.
#
# 다음: [04 메시지 보내기 →](04_producing_messages.ipynb)
