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

# %% [markdown] ko en=6d000540
# [← 09 보안](09_security.ipynb) | [11 용어집 →](11_glossary.ipynb)
#
# # 10 · 강의 너머: FIFO, 배달 못한 편지 대기열, 긴 폴링, 지연, 배치
#
# **목표:** 강의가 살짝 언급만 하고 넘어간 SQS 기능들을 만나 봅니다. 강의는 이렇게 말했습니다:
# *"그리고 그 제한을 처리할 수 있는 SQS의 또 다른 유형의 제품이 있긴 하지만 이 섹션의 뒷부분에서
# 설명하겠습니다"*. 그 제한이란 중복과 순서이고, 그 제품이 **FIFO 대기열**(FIFO queue)입니다. 그
# 곁에서 날마다 쓰는 도구들도 다룹니다: **배달 못한 편지 대기열**(dead-letter queue), **긴
# 폴링**(long polling), **지연 대기열**(delay queue), **배치**(batch).
#
# 모든 기능을 같은 boto3 코드로 두 번 실행합니다. 한 번은 토이에서(가상 시계 위라서 몇 분이
# 순식간에 지나갑니다), 한 번은 LocalStack에서입니다. LocalStack이 실제 SQS와 다르게 동작하는
# 곳에서는 그렇다고 말하고 직접 보여 줍니다.

# %% [markdown]
# ## Two backends, one function
#
# `client("toy", service=svc)` puts the toy's HTTP endpoint in front of our own `QueueService`, so
# boto3 talks to a toy whose time we control with `clock.advance(...)`.

# %% [markdown] ko en=db030496
# ## 백엔드 둘, 함수 하나
#
# `client("toy", service=svc)`는 우리가 만든 `QueueService` 앞에 토이의 HTTP 엔드포인트를
# 세웁니다. 그래서 boto3는 `clock.advance(...)`로 시간을 다룰 수 있는 토이와 이야기합니다.

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

# %% [markdown] ko en=2a1182e2
# ## 1. FIFO 대기열: 순서를 지키고 중복이 없습니다
#
# FIFO(선입선출, first in, first out) 대기열은 `FifoQueue=true`로 만들고, 이름이 `.fifo`로 끝나야
# 합니다. 모든 메시지에는 **`MessageGroupId`**(메시지 그룹 ID)가 있어야 합니다. 한 그룹의 메시지는
# 보낸 순서 그대로 전달됩니다. 서로 다른 그룹은 독립적이라서 병렬로 처리할 수 있습니다. 여기서는
# 고객이 그룹입니다. 고객 A의 주문끼리는 서로 앞지르면 안 됩니다.

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

# %% [markdown] ko en=56106b71
# 보낼 때마다 `SequenceNumber`가 돌아왔습니다. 대기열 안에서 커지기만 하는 큰 숫자입니다.
#
# ### 중복 제거
#
# 주문 A1을 같은 `MessageDeduplicationId`(중복 제거 ID)로 다시 보냅니다(네트워크 오류 뒤에
# 재시도하는 생산자가 바로 이렇게 합니다). SQS는 호출을 받아들이고 **원래** 메시지 ID를
# 돌려주지만, 두 번째 사본을 대기열에 넣지는 않습니다:

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

# %% [markdown] ko en=512f3a8a
# ### 그룹 차단
#
# 이제 수신 쪽입니다. 한 그룹의 메시지가 **처리 중**(in flight)인 동안, SQS는 그 그룹의 다음
# 메시지를 이 소비자에게도 다른 소비자에게도 내주지 않습니다. 그래서 병렬 소비자가 많아도 순서가
# 지켜집니다. **예측해 보세요:** 소비자 1이 A1을 가져갑니다. 소비자 2와 3은 무엇을 받을까요?

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

# %% [markdown] ko en=373d29b0
# A1, A2, A3이 순서대로 나왔고, B의 메시지는 A를 기다리지 않고 나란히 처리되었습니다.
#
# ### 5분 중복 제거 간격
#
# 중복 제거는 영원하지 않습니다. SQS는 `MessageDeduplicationId`를 **5분** 동안 기억합니다.
# 토이에서는 5분을 순식간에 보낼 수 있습니다. (LocalStack에서는 정말로 5분을 기다려야 하므로 하지
# 않습니다.) **예측해 보세요:** 같은 ID로 t = 0, 200, 299, 301초에 보냅니다. 대기열의 메시지는 몇
# 개일까요?

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

# %% [markdown] ko en=50c9c86c
# ID를 직접 지어내는 대신 대기열에 `ContentBasedDeduplication=true`(콘텐츠 기반 중복 제거)를 줄 수
# 있습니다. 그러면 본문의 SHA-256이 ID가 되므로, 5분 안에 보낸 같은 본문은 하나로 칩니다.

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

# %% [markdown] ko en=140aee4c
# FIFO의 대가는 처리량입니다. 작업(action)마다 초당 API 호출 300번이고(10개씩 배치로 보내면 초당
# 메시지 3,000개), 높은 처리량 모드에서는 더 많습니다. 표준 대기열은 사실상 무제한입니다. 그리고
# 중복 제거는 *생산자* 쪽만 다룹니다. 너무 느린 소비자는 가시성 제한 시간이 지나면 여전히 메시지를
# 다시 받습니다. 그러니 멱등 소비자(레슨 06)는 여기서도 필요합니다.

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

# %% [markdown] ko en=bcc1a760
# ## 2. 배달 못한 편지 대기열: 포이즌 메시지가 가는 곳
#
# 어떤 메시지는 결코 처리할 수 없습니다(형식이 잘못된 주문, 버그). 그냥 두면 가시성 제한 시간이
# 지날 때마다 끝없이 돌아와서 소비자를 낭비합니다. **배달 못한 편지 대기열**(dead-letter queue,
# DLQ)이 이런 메시지를 잡아 줍니다. 소스 대기열의 `RedrivePolicy`(리드라이브 정책)에 DLQ와
# `maxReceiveCount`를 적어 둡니다. 메시지를 그 횟수만큼 받고 나면, 다음 수신은 메시지를 돌려주는
# 대신 DLQ로 옮깁니다.
#
# 우리 소비자는 포이즌 메시지를 받을 때마다 죽습니다. 메시지가 곧바로 돌아오도록 수신할 때마다
# `VisibilityTimeout=0`을 씁니다(실제로는 제한 시간이 지난 뒤에 돌아옵니다).

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

# %% [markdown] ko en=3c715ab8
# 세 번 받고 나자 메시지는 소스 대기열에서 사라져 DLQ에서 기다립니다. 거기서 사람이(또는 DLQ의
# 길이에 건 경보가) 살펴볼 수 있습니다.
#
# DLQ는 소스 대기열과 유형이 같아야 합니다(표준 또는 FIFO). 보존 기간은 신경 써서 정해야 합니다.
# **표준** 대기열에서는 메시지가 DLQ로 옮겨져도 처음 대기열에 들어간 타임스탬프를 그대로 가지고
# 갑니다. 그래서 DLQ에서 보내는 시간도 처음 보낸 때부터 셉니다(FIFO 대기열에서는 옮길 때
# 타임스탬프가 새로 정해집니다). AWS는 표준 DLQ의 메시지 보존 기간(message retention period)을
# 소스 대기열보다 길게 잡으라고 조언합니다. 토이에서 해 봅니다. 소스 대기열에서 하루를 보낸
# 메시지가, 메시지를 2일 동안 보관하는 DLQ로 옮겨집니다:

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

# %% [markdown] ko en=337516dd
# DLQ는 메시지를 2일이 아니라 하루만 보관했습니다. 메시지를 보낸 때부터 시간을 셌기 때문입니다.
#
# 버그를 고치고 나면 `StartMessageMoveTask`로 메시지를 소스 대기열로 되돌립니다. 이것이
# **리드라이브**(redrive)입니다. 이 작업은 백그라운드에서 돌고, `ListMessageMoveTasks`가 진행
# 상황을 알려 줍니다.

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

# %% [markdown] ko en=25ebf498
# ## 3. 긴 폴링: 묻고 또 묻는 대신 메시지를 기다리기
#
# `WaitTimeSeconds=0`으로 받으면(**짧은 폴링**, short polling) 대기열이 비어 있어도 곧바로
# 답합니다. 짧은 폴링을 되풀이하는 소비자는 요금이 부과되는 빈 호출을 많이 합니다.
# `WaitTimeSeconds`를 1~20으로 주면(**긴 폴링**, long polling) SQS는 메시지가 도착하거나 시간이 다
# 될 때까지 요청을 붙잡아 둡니다. 대기열 속성 `ReceiveMessageWaitTimeSeconds`는 모든 수신의
# 기본값을 정합니다.
#
# 토이의 가상 시계에서는 빈 대기열에 대한 긴 폴링이 시계를 앞으로 돌릴 뿐이라서, 20초가 실제로는
# 전혀 걸리지 않습니다:

# %%
# NBVAL_CHECK_OUTPUT
url = new_queue(toy, "poll")
t0, started = clock.now(), time.monotonic()
r = toy.receive_message(QueueUrl=url, WaitTimeSeconds=20)
real = time.monotonic() - started
print("messages:", bodies(r), "| virtual seconds waited:", clock.now() - t0)

waiting_url = new_queue(toy, "poll-default", ReceiveMessageWaitTimeSeconds="20")   # the queue's default
t0 = clock.now()
r = toy.receive_message(QueueUrl=waiting_url)                                       # no WaitTimeSeconds
print("messages:", bodies(r), "| virtual seconds waited:", clock.now() - t0, "(the queue's default)")

# %%
print(f"real time: {real * 1000:.0f} ms")

# %% [markdown]
# The point of a long poll is that it returns **as soon as** a message arrives. On the toy, a
# message delayed by 5 s (see section 4) arrives in the middle of a 20-second poll.
# **Predict:** how many virtual seconds does the poll wait?

# %% [markdown] ko en=42084724
# 긴 폴링의 핵심은 메시지가 도착하는 **즉시** 돌아온다는 것입니다. 토이에서 5초 지연된 메시지(4절
# 참고)가 20초짜리 폴링 도중에 도착합니다. **예측해 보세요:** 폴링은 가상 시간으로 몇 초를
# 기다릴까요?

# %%
# NBVAL_CHECK_OUTPUT
toy.send_message(QueueUrl=url, MessageBody="late order", DelaySeconds=5)
t0 = clock.now()
r = toy.receive_message(QueueUrl=url, WaitTimeSeconds=20)
print("messages:", bodies(r), "| virtual seconds waited:", clock.now() - t0)

# %% [markdown]
# On LocalStack time is real. Another thread sends a message 0.3 s into a 5-second long poll; the
# poll returns right then, not after 5 s:

# %% [markdown] ko en=976d222a
# LocalStack에서는 시간이 진짜입니다. 5초짜리 긴 폴링이 시작되고 0.3초 뒤에 다른 스레드가 메시지를
# 보냅니다. 폴링은 5초를 다 채우지 않고 바로 그때 돌아옵니다:

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

# %% [markdown] ko en=c5d501cb
# ### 짧은 폴링은 비어 있지 않은 대기열에서도 빈손으로 돌아올 수 있습니다
#
# 실제 SQS는 짧은 폴링에 서버 일부만 골라 물어보고 답합니다. 그래서 기다리는 메시지보다 적게
# 돌려주거나, 하나도 돌려주지 않을 수 있습니다. 긴 폴링은 모든 서버에 묻습니다. LocalStack은
# 언제나 있는 것을 다 돌려주고, 토이도 기본적으로 그렇습니다. 토이의 실제에 가까운 모드(레슨 06)는
# SQS처럼 일부 서버만 고릅니다. 메시지마다 서버 5대 중 2대에 저장하고, 짧은 폴링은 2대에 묻습니다.
# **예측해 보세요:** 대기열에 메시지가 하나 있고, 짧은 폴링을 열 번 합니다(매번
# `VisibilityTimeout=0`이라서 메시지는 계속 보입니다). 그 메시지를 돌려주는 폴링은 몇 번일까요?

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

# %% [markdown] ko en=0844c79b
# 4번째 폴링은 사본이 없는 서버 두 대에 물었고, 아무것도 돌려주지 않았습니다. 이것이 **거짓 빈
# 응답**(false empty response)입니다. 메시지가 있는데도 응답에 들어 있지 않은 경우입니다. 메시지가
# 아주 적은 대기열에 대해 AWS는 이렇게 조언합니다: *"특정 ReceiveMessage 응답에서 메시지를 하나도
# 받지 못할 수 있습니다. 그러면 요청을 다시 보내세요."* 처음 빈 응답을 받자마자 멈추는 소비자(레슨
# 06의 `while got := ...` 루프처럼)는 일이 남아 있는데도 멈출 수 있습니다. 긴 폴링은 모든 서버에
# 묻습니다. **예측해 보세요:** 긴 폴링을 열 번 하면 어떨까요?

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

# %% [markdown] ko en=74e9183e
# 열 번 모두, 그것도 곧바로 돌려줍니다. 긴 폴링은 어느 서버에든 메시지가 있으면 바로 답하고, 어느
# 서버에도 없을 때만 기다립니다.
#
# ### 폴링의 비용
#
# SQS는 요청마다 요금을 매기고, 빈 `ReceiveMessage`도 다른 요청과 똑같은 요청입니다(SQS 개발자
# 안내서: *"짧은 폴링은 긴 폴링과 같은 방식으로 요금이 부과됩니다"*). 그래서 요금은 메시지 수가
# 아니라 호출 수를 따라갑니다. 한가한 대기열에서 차이가 잘 보입니다. 주문 60건이 10초에 하나씩
# 들어옵니다(생산자는 `DelaySeconds`를 0, 10, ..., 590으로 주어 한꺼번에 보냅니다. 4절 참고).
# 소비자는 620초 동안 받고 삭제합니다. **예측해 보세요:** 1초마다 짧은 폴링을 하는 소비자와
# 20초짜리 긴 폴링을 하는 소비자는 각각 요청을 몇 번 할까요?

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

# %% [markdown] ko en=a2d6b9a6
# 같은 주문 60건에 요청은 10분의 1이고, 수신에 드는 요금도 10분의 1입니다. 짧은 폴링 소비자의
# 호출은 대부분 빈 응답이었고, 그중 32번은 거짓 빈 응답이었습니다. 폴링이 묻지 않은 서버에 주문이
# 기다리고 있었고, 그 주문은 적어도 1초를 더 기다렸습니다. AWS가 <em>"긴 폴링은 빈 응답과 [...] 거짓
# 빈 응답을 없애 Amazon SQS 사용 비용을 줄이는 데 도움이 됩니다"</em>라고 말하는 것이 바로 이것입니다.
# (AWS 요금 페이지에는 리전마다 요청 100만 건당 가격이 나와 있습니다. 가격은 바뀌므로 여기서는
# 적지 않습니다.)
#
# 긴 폴링 소비자는 주문 60건에 메시지 61개를 받았습니다. 삭제 하나가 사본을 놓쳐서 그 주문이
# 돌아왔습니다(레슨 06). 긴 폴링은 비용을 바꿀 뿐, 최소 1회 전송이라는 성질은 바꾸지 않습니다.

# %% [markdown]
# ## 4. Delay queues: hold messages back before anyone can see them
#
# `DelaySeconds` (0 to 900 s, i.e. 15 minutes) keeps a new message invisible for a while. As a
# queue attribute it applies to every message (a *delay queue*); on a standard queue a message's own
# `DelaySeconds` overrides it. FIFO queues only take the queue's delay. A delayed message counts in
# `ApproximateNumberOfMessagesDelayed`.

# %% [markdown] ko en=39a49102
# ## 4. 지연 대기열: 아무도 보기 전에 메시지를 붙잡아 두기
#
# `DelaySeconds`(0~900초, 곧 15분)는 새 메시지를 한동안 보이지 않게 합니다. 대기열 속성으로 주면
# 모든 메시지에 적용되고(이것이 *지연 대기열*입니다), 표준 대기열에서는 메시지마다 준
# `DelaySeconds`가 대기열의 값보다 우선합니다. FIFO 대기열은 대기열의 지연만 받습니다. 지연된
# 메시지는 `ApproximateNumberOfMessagesDelayed`에 잡힙니다.

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

# %% [markdown] ko en=1c68dcc9
# 시간이 흐르게 합니다. 토이에서는 시계를 60초 앞으로 돌립니다. LocalStack에서는 긴 폴링이 1초짜리
# 메시지를 위해 실제로 1초를 기다립니다(60초짜리 메시지는 계속 지연된 채로 남습니다):

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

# %% [markdown] ko en=6434a6b9
# 한도는 900초입니다. 실제 SQS(와 토이)는 901을 `InvalidParameterValue`로 거부합니다.
# **LocalStack은 다릅니다:** 받아들입니다.

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in BACKENDS.items():
    try:
        sqs.send_message(QueueUrl=delay[name], MessageBody="too late", DelaySeconds=901)
        print(f"{name:<10} accepted DelaySeconds=901")
    except sqs.exceptions.ClientError as e:
        print(f"{name:<10} {e.response['Error']['Code']}: {e.response['Error']['Message']}")

# %% [markdown]
# A FIFO queue is stricter still: it refuses a message's own `DelaySeconds` altogether, since only
# the queue's delay applies there. Both backends answer as SQS does:

# %% [markdown] ko en=64f6ad5a
# FIFO 대기열은 더 엄격합니다. FIFO 대기열에는 대기열의 지연만 적용되므로, 메시지마다 주는
# `DelaySeconds`는 아예 거부합니다. 두 백엔드 모두 SQS와 같게 답합니다:

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in BACKENDS.items():
    fifo_url = new_queue(sqs, "delay", FifoQueue="true", ContentBasedDeduplication="true")
    try:
        sqs.send_message(QueueUrl=fifo_url, MessageBody="order A1", MessageGroupId="A", DelaySeconds=5)
        print(f"{name:<10} accepted a FIFO message's own DelaySeconds=5")
    except sqs.exceptions.ClientError as e:
        print(f"{name:<10} {e.response['Error']['Code']}: {e.response['Error']['Message']}")

# %% [markdown]
# ## 5. Batches: up to 10 messages per call
#
# `SendMessageBatch`, `DeleteMessageBatch` and `ChangeMessageVisibilityBatch` take up to 10
# entries per call (a `SendMessageBatch` at most 1 MiB in all): fewer calls, lower cost, more
# throughput. Each entry has an `Id` you choose, so you can match the answer to the entry. A batch
# can **partly fail**: the call itself succeeds (HTTP 200), and the answer lists `Successful` and
# `Failed` entries. Always check `Failed`! Here entry `bad` contains a character SQS does not
# allow (U+0000). **Predict:** the HTTP status of the call?

# %% [markdown] ko en=707d91a5
# ## 5. 배치: 호출 한 번에 메시지 최대 10개
#
# `SendMessageBatch`, `DeleteMessageBatch`, `ChangeMessageVisibilityBatch`는 호출 한 번에 항목을
# 최대 10개 받습니다(`SendMessageBatch`는 모두 합쳐 1MiB까지). 호출이 줄고, 비용이 줄고, 처리량이
# 늘어납니다. 항목마다 여러분이 정하는 `Id`가 있어서 응답을 항목과 짝지을 수 있습니다. 배치는
# **일부만 실패**할 수 있습니다. 호출 자체는 성공하고(HTTP 200), 응답에 `Successful` 항목과
# `Failed` 항목이 나뉘어 나옵니다. 언제나 `Failed`를 확인하세요! 여기서 항목 `bad`에는 SQS가
# 허용하지 않는 문자(U+0000)가 들어 있습니다. **예측해 보세요:** 이 호출의 HTTP 상태 코드는
# 무엇일까요?

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

# %% [markdown] ko en=338d7c54
# 배치의 규칙 자체를 어기면 호출 전체가 실패합니다:

# %%
# NBVAL_CHECK_OUTPUT
bad_batches = {
    "11 entries": [{"Id": str(i), "MessageBody": "x"} for i in range(11)],
    "same Id twice": [{"Id": "a", "MessageBody": "x"}, {"Id": "a", "MessageBody": "y"}],
    "no entries": [],
    "over 1 MiB": [{"Id": "a", "MessageBody": "x" * 600_000}, {"Id": "b", "MessageBody": "x" * 600_000}],
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

# %% [markdown] ko en=cf8560ff
# 수신은 이미 배치로 합니다(`ReceiveMessage` 한 번에 최대 10개). 첫 배치의 정상 주문 9건이 아직
# 대기열에 있습니다. `DeleteMessageBatch` 호출 한 번으로 모두 삭제합니다:

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

# %% [markdown] ko en=1043a9fb
# ## 뒷정리

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

# %% [markdown] ko en=dba784d1
# ## 정리
#
# | 기능 | 해결하는 문제 | 핵심 이름 |
# |---|---|---|
# | FIFO 대기열 | 순서와 중복 (강의의 "또 다른 유형의 제품") | `.fifo`, `FifoQueue`, `MessageGroupId`, `MessageDeduplicationId`, `ContentBasedDeduplication`, 5분 간격 |
# | 배달 못한 편지 대기열 | 끝없이 재시도되는 포이즌 메시지 | `RedrivePolicy` (`deadLetterTargetArn`, `maxReceiveCount`), `StartMessageMoveTask` (리드라이브) |
# | 긴 폴링 | 빈 응답과 거짓 빈 응답(요청마다 요금이 부과됨), 지연 시간 | `WaitTimeSeconds` 1..20, `ReceiveMessageWaitTimeSeconds` |
# | 지연 대기열 | 메시지를 잠시 붙잡아 두기 | `DelaySeconds` 0..900 |
# | 배치 | 비용과 처리량 | `SendMessageBatch` 등, 항목 10개, `Failed` 확인 |
#
# 여기서 만난 LocalStack의 차이: `DelaySeconds=901`을 받아들이고, 짧은 폴링이 언제나 있는 것을 다
# 돌려줍니다. 실제 SQS는 서버 일부만 고르고, 토이의 실제에 가까운 모드도 그렇습니다. 그래서 짧은
# 폴링은 비어 있지 않은 대기열에서 빈손으로 돌아올 수 있고, 짧은 폴링 620번은 같은 일을 한 긴 폴링
# 62번의 열 배 비용이 들었습니다.

# %%
from toyqueue.widgets import quiz

quiz("10")

# %% [markdown]
# **Exercises:** [07 · Retention and delay](../exercises/07_retention_and_delay.ipynb),
# [08 · Batches](../exercises/08_batches.ipynb),
# [09 · Dead-letter queue](../exercises/09_dead_letter.ipynb),
# [10 · FIFO](../exercises/10_fifo.ipynb).
#
# Next: [11 Glossary →](11_glossary.ipynb)

# %% [markdown] ko en=eccb34c3
# **실습:** [07 · 보존 기간과 지연](../exercises/07_retention_and_delay.ipynb),
# [08 · 배치](../exercises/08_batches.ipynb),
# [09 · 배달 못한 편지 대기열](../exercises/09_dead_letter.ipynb),
# [10 · FIFO](../exercises/10_fifo.ipynb).
#
# 다음: [11 용어집 →](11_glossary.ipynb)
