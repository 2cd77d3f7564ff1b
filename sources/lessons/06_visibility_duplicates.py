# Lesson 06 source (percent format). Build: .venv/bin/python tools/nbbuild.py sources/lessons/06_visibility_duplicates.py

# %% [markdown]
# [← 05 Consuming messages](05_consuming_messages.ipynb) | [07 Scaling consumers →](07_scaling_consumers.ipynb)
#
# # 06 · Visibility, duplicates and ordering
#
# **Goal:** see what happens when several consumers (소비자) poll one queue at the same time, why a
# slow consumer makes a message arrive **twice** (at-least-once delivery), why the order of a
# standard queue is only "best effort", and how to write a consumer that does not care (an
# *idempotent* consumer).
#
# The lecture: *"만일 메시지가 소비자에 의해 충분히 빠르게 처리되지 않으면 다른 소비자가 수신하게
# 됩니다 그래서 적어도 한번은 전송이 된다고 하는 겁니다"*: if a consumer does not process a
# message fast enough, another consumer receives it; that is why we say at-least-once delivery.
# This notebook makes that sentence happen, step by step.

# %% [markdown] ko en=8a3c2ddb
# [← 05 메시지 받기](05_consuming_messages.ipynb) | [07 소비자 확장 →](07_scaling_consumers.ipynb)
#
# # 06 · 가시성, 중복, 순서
#
# **목표:** 여러 소비자(consumer)가 한 대기열을 동시에 폴링하면 무슨 일이 생기는지 봅니다. 느린
# 소비자 때문에 메시지가 왜 **두 번** 도착하는지(최소 1회 전송, at-least-once delivery), 표준
# 대기열의 순서는 왜 "최선의 노력"일 뿐인지 알아봅니다. 그리고 그런 일에 흔들리지 않는 소비자, 곧
# *멱등*(idempotent) 소비자를 작성합니다.
#
# 강의는 이렇게 말합니다: *"만일 메시지가 소비자에 의해 충분히 빠르게 처리되지 않으면 다른
# 소비자가 수신하게 됩니다 그래서 적어도 한번은 전송이 된다고 하는 겁니다"*. 이 노트북에서는 이
# 문장이 말하는 일을 한 단계씩 직접 일으켜 봅니다.

# %% [markdown]
# ## A toy queue on a virtual clock
#
# Time matters here (30-second timeouts), so we use the toy queue on a `VirtualClock`: time moves
# only when we call `clock.advance(...)`. The **visibility timeout** (가시성 제한 시간), the queue
# attribute `VisibilityTimeout`, is how long a received message stays hidden from other
# consumers: 30 s by default, 0 to 43,200 s (12 hours) if you set it.

# %% [markdown] ko en=75d60008
# ## 가상 시계 위의 토이 대기열
#
# 여기서는 시간이 중요합니다(제한 시간이 30초입니다). 그래서 토이 대기열을 `VirtualClock`(가상
# 시계) 위에서 씁니다. 시간은 `clock.advance(...)`를 호출할 때만 흐릅니다. **가시성 제한
# 시간**(visibility timeout)은 대기열 속성 `VisibilityTimeout`으로 정하며, 받은 메시지가 다른
# 소비자에게 보이지 않는 시간입니다. 기본값은 30초이고, 직접 정하면 0초부터 43,200초(12시간)까지
# 쓸 수 있습니다.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue import QueueService, VirtualClock
from toyqueue.counts import counts

clock = VirtualClock()
svc = QueueService(clock=clock)
url = svc.create_queue(QueueName="orders")["QueueUrl"]
attrs = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["VisibilityTimeout"])["Attributes"]
print("VisibilityTimeout:", attrs["VisibilityTimeout"], "seconds")
for i in range(1, 7):
    svc.send_message(QueueUrl=url, MessageBody=f"order-{i}")
print(counts(svc, url))

# %% [markdown]
# ## Three consumers poll in parallel
#
# In the lecture three EC2 instances each call *poll* and each receives a **different set** of
# messages. Each line below also shows the message's **`ApproximateReceiveCount`**, a system
# attribute SQS keeps for every message: how many times it has been received so far.
#
# **Predict:** after three polls of 2 messages each, how many messages are visible?

# %% [markdown] ko en=adbab2a0
# ## 소비자 셋이 동시에 폴링합니다
#
# 강의에서는 EC2 인스턴스 세 대가 저마다 *poll*을 호출하고, 각자 **서로 다른 메시지 묶음**을
# 받습니다. 아래 각 줄에는 메시지의 **`ApproximateReceiveCount`도** 나옵니다. SQS가 메시지마다
# 관리하는 시스템 속성으로, 그 메시지를 지금까지 몇 번 받았는지 나타냅니다.
#
# **예측해 보세요:** 소비자 셋이 메시지를 2개씩 폴링하고 나면, 보이는 메시지는 몇 개일까요?

# %%
# NBVAL_CHECK_OUTPUT
def poll(consumer, n=2):
    """One ReceiveMessage call; returns the messages and prints what this consumer got."""
    got = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=n,
                              MessageSystemAttributeNames=["ApproximateReceiveCount"]).get("Messages", [])
    print(f"t={clock.now() - t0:>4.0f}s  {consumer} got",
          [(m["Body"], "receive #" + m["Attributes"]["ApproximateReceiveCount"]) for m in got])
    return got

t0 = clock.now()
batch_a = poll("consumer A")
batch_b = poll("consumer B")
batch_c = poll("consumer C")
print(counts(svc, url))

# %% [markdown]
# All six are in flight, two with each consumer. Now they work. A and C are quick: they process
# their orders and call `DeleteMessage`. B is slow: its orders take 45 seconds, longer than the
# 30-second visibility timeout. **Predict:** 31 s later, what do the counts say?

# %% [markdown] ko en=2ec32205
# 여섯 개 모두 처리 중(in flight)이고, 소비자마다 두 개씩 가지고 있습니다. 이제 소비자들이 일을
# 합니다. A와 C는 빠릅니다. 주문을 처리하고 `DeleteMessage`를 호출합니다. B는 느립니다. B의 주문은
# 처리하는 데 45초가 걸려서, 30초인 가시성 제한 시간보다 깁니다. **예측해 보세요:** 31초 뒤에
# 메시지 수는 어떻게 나올까요?

# %%
# NBVAL_CHECK_OUTPUT
shipped = []                       # what the consumers did, in the order they did it

def process_and_delete(consumer, messages):
    for m in messages:
        shipped.append((consumer, m["Body"]))
        svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])

process_and_delete("A", batch_a)
process_and_delete("C", batch_c)
clock.advance(31)                  # B is still busy... and 31 s have passed
print(counts(svc, url))

# %% [markdown]
# B's two messages are **visible again**: the queue cannot know whether B crashed or is just slow,
# so after the timeout it gives the messages to whoever polls next. Consumer C polls again:

# %% [markdown] ko en=3318e2bf
# B의 메시지 두 개가 **다시 보입니다**. 대기열은 B가 죽었는지 그냥 느린지 알 수 없습니다. 그래서
# 제한 시간이 지나면 그 메시지를 다음에 폴링하는 소비자에게, 그게 누구든 내줍니다. 소비자 C가 다시
# 폴링합니다:

# %%
# NBVAL_CHECK_OUTPUT
batch_c2 = poll("consumer C")
print(counts(svc, url))

# %% [markdown]
# `receive #2`: the same orders, a second time, with **new receipt handles**; B still holds the
# old ones. At t = 45 s B finishes its (now duplicate) work and deletes with its old handles.
# **Predict:** do B's deletes remove the messages?

# %% [markdown] ko en=0e1608ab
# `receive #2`: 같은 주문을 두 번째로 받았고, **새 수신 핸들**(receipt handle)이 붙어 있습니다.
# B는 아직 예전 핸들을 들고 있습니다. t = 45초에 B가 (이제는 중복이 된) 작업을 마치고, 예전 핸들로
# 삭제합니다. **예측해 보세요:** B의 삭제는 메시지를 지울까요?

# %%
# NBVAL_CHECK_OUTPUT
clock.advance(14)                  # t = 45 s
process_and_delete("B", batch_b)
print(counts(svc, url))

# %% [markdown]
# The calls succeeded, but nothing was removed: both messages are still in flight, with C. On the
# toy an old receipt handle never deletes; real SQS answers success too but *may or may not*
# delete (LocalStack does, below). Only the newest handle is sure to. At t = 50 s C finishes:

# %% [markdown] ko en=3be12ab0
# 호출은 성공했지만 아무것도 지워지지 않았습니다. 두 메시지는 여전히 C가 처리 중입니다. 토이에서는
# 예전 수신 핸들로는 절대 삭제되지 않습니다. 실제 SQS도 성공으로 답하지만, 실제로 삭제할 *수도
# 있고 안 할 수도* 있습니다(아래에서 보듯 LocalStack은 삭제합니다). 확실히 삭제하는 것은 가장
# 최근의 핸들뿐입니다. t = 50초에 C가 일을 마칩니다:

# %%
# NBVAL_CHECK_OUTPUT
clock.advance(5)                   # t = 50 s
process_and_delete("C", batch_c2)
print(counts(svc, url))
for who, body in shipped:
    print(who, "shipped", body)

# %% [markdown]
# `order-3` and `order-4` were **shipped twice**, once by B and once by C: each second copy is a
# **duplicate message** (중복 메시지). This is **at-least-once delivery** (최소 1회 전송; the
# lecture says 적어도 한 번의 전송): SQS promises every message is delivered at least once, never
# only once. AWS adds that, rarely, a standard queue hands out a message again even after it was
# deleted: each message is stored on several servers, and one that was unavailable during the
# delete can still hold a copy. So a consumer must cope with duplicates whatever its timeout (we
# make that happen at the end of this lesson).

# %% [markdown] ko en=952d6dbb
# `order-3`과 `order-4`는 B가 한 번, C가 한 번, 모두 **두 번 배송되었습니다**. 두 번째 사본은 각각
# **중복 메시지**(duplicate message)입니다. 이것이 **최소 1회 전송**(at-least-once delivery, 강의:
# 적어도 한 번의 전송)입니다. SQS는 모든 메시지를 적어도 한 번 전달한다고 약속할 뿐, 딱 한 번만
# 전달한다고는 약속하지 않습니다. AWS는 여기에 한 가지를 덧붙입니다. 드물지만 표준 대기열은 이미
# 삭제한 메시지도 다시 내줄 수 있습니다. 메시지마다 여러 서버에 저장되는데, 삭제할 때 응답하지
# 못한 서버에는 사본이 남을 수 있기 때문입니다. 그러니 제한 시간을 어떻게 잡든 소비자는 중복을
# 견뎌야 합니다(이 레슨의 끝에서 이 일을 직접 일으켜 봅니다).

# %% [markdown]
# ## Ordering is best effort
#
# **Best-effort ordering** (최선의 노력 순서 지정) is a property of the standard queue itself. AWS's
# documentation: a standard queue tries to keep the order in which messages were sent and
# *generally* delivers them in it, but because a queue is spread over many servers,
# *occasionally* messages arrive out of order.
#
# The lecture says it twice, and its Korean transcript garbles it once. In the part on standard
# queues: *"최선의 오더라는 뜻으로 품절 메시지를 보낼 수도 있습니다"*. Read literally that is "in
# the sense of the best order, it may send sold-out messages", which means nothing. It is a
# machine translation of the English lecture: "최선의 오더" is *best-effort ordering* ("order"
# taken as a purchase order) and "품절 메시지" is *out-of-order messages* ("out of" taken as
# "sold out"). The sentence says: *standard queues have best-effort ordering: they can deliver
# messages out of order.* The second time it comes out right: *"이것이 최선의 노력으로 메시지
# 순서 지정을 하는 이유입니다"*, that is why message ordering is best effort.
#
# Two things reorder what your consumers see:
#
# 1. **Redelivery and parallel consumers**, which we just ran. Read the first time each order was
#    shipped:

# %% [markdown] ko en=0fb81cc3
# ## 순서는 최선의 노력일 뿐입니다
#
# **최선의 노력 순서 지정**(best-effort ordering)은 표준 대기열 자체의 성질입니다. AWS 문서에
# 따르면 표준 대기열은 메시지를 보낸 순서를 지키려 하고, *대체로* 그 순서대로 전달합니다. 하지만
# 대기열이 여러 서버에 나뉘어 있어서 *가끔* 메시지의 순서가 바뀌어 도착합니다.
#
# 강의는 이 이야기를 두 번 하는데, 한국어 원고는 그중 한 번을 엉뚱하게 옮겼습니다. 표준 대기열을
# 설명하는 부분의 <em>"최선의 오더라는 뜻으로 품절 메시지를 보낼 수도 있습니다"</em>입니다. 글자 그대로
# 읽으면 "최선의 주문이라는 뜻으로 품절된 상품의 메시지를 보낼 수도 있다"가 되는데, 아무 뜻도 없는
# 말입니다. 영어 강의를 기계 번역한 문장이기 때문입니다. "최선의 오더"는 *best-effort
# ordering*입니다(순서라는 뜻의 order를 상품 주문으로 옮겼습니다). "품절 메시지"는 *out-of-order
# messages*, 곧 순서가 바뀐 메시지입니다(out of order의 "out of"를 "out of stock", 품절로
# 옮겼습니다). 제대로 옮기면 이렇습니다: *표준 대기열은 최선의 노력 순서 지정을 하므로, 순서가
# 바뀐 메시지를 보낼 수도 있습니다.* 메시지가 보낸 순서와 다르게 전달될 수 있다는 뜻입니다. 두
# 번째는 제대로 옮겨졌습니다: *"이것이 최선의 노력으로 메시지 순서 지정을 하는 이유입니다"*. 느린
# 소비자의 메시지를 다른 소비자가 받으니, 순서는 최선의 노력일 수밖에 없다는 말입니다.
#
# 소비자가 보는 순서를 바꾸는 원인은 두 가지입니다:
#
# 1. **재전송과 병렬 소비자**. 방금 실행해 본 것입니다. 주문마다 처음 배송된 순서를 읽어 봅니다:

# %%
# NBVAL_CHECK_OUTPUT
first_shipped = list(dict.fromkeys(body for _, body in shipped))
print("sent:   ", [f"order-{i}" for i in range(1, 7)])
print("shipped:", first_shipped)

# %% [markdown]
# 2. **The queue's own servers.** SQS stores every message of a standard queue on several servers,
#    and a receive (a short poll, lesson 10) asks only some of them, so even one consumer with no timeouts
#    can get a later message before an earlier one. By default the toy keeps one ordered list, as
#    LocalStack does, so with one consumer and nothing redelivered it hands out the oldest first:

# %% [markdown] ko en=8ad8f391
# 2. **대기열 자신의 서버**. SQS는 표준 대기열의 메시지를 모두 여러 서버에 나누어 저장합니다.
#    그리고 수신 한 번, 곧 짧은 폴링(short polling, 레슨 10)은 그중 일부 서버에만 묻습니다. 그래서
#    제한 시간을 넘기는 일이 없는 소비자 하나도 나중 메시지를 먼저 받을 수 있습니다. 토이는
#    기본적으로 LocalStack처럼 순서 있는 목록 하나만 둡니다. 그래서 소비자가 하나이고 재전송이
#    없으면 가장 오래된 메시지부터 내줍니다:

# %%
# NBVAL_CHECK_OUTPUT
ordered = svc.create_queue(QueueName="orders-ordered")["QueueUrl"]
for i in range(1, 7):
    svc.send_message(QueueUrl=ordered, MessageBody=f"order-{i}")
one_by_one = []
while got := svc.receive_message(QueueUrl=ordered).get("Messages"):
    one_by_one.append(got[0]["Body"])
    svc.delete_message(QueueUrl=ordered, ReceiptHandle=got[0]["ReceiptHandle"])
print("one consumer, one at a time:", one_by_one)

# %% [markdown]
# That order is the toy's simplification, not a promise SQS makes. The toy also has a
# **realistic mode** that keeps the servers: `QueueService(realistic=True, seed=5)` stores each
# message on 2 of 5 servers, and each receive asks 2 of them, drawn at random. The seed fixes
# the draws, so this notebook prints the same every time. **Predict:** the same six sends and
# the same loop, one consumer, nothing slow. In which order do the orders come out?

# %% [markdown] ko en=69a307e6
# 이 순서는 토이를 단순하게 만든 결과일 뿐, SQS가 하는 약속이 아닙니다. 토이에는 서버까지 흉내
# 내는 **실제에 가까운 모드**(realistic mode)도 있습니다. `QueueService(realistic=True, seed=5)`는
# 메시지마다 서버 5대 중 2대에 저장하고, 수신할 때마다 무작위로 고른 2대에 묻습니다. 시드(seed)가
# 무작위 선택을 고정하므로, 이 노트북은 실행할 때마다 같은 결과를 출력합니다. **예측해 보세요:**
# 똑같이 여섯 번 보내고 똑같은 루프를 돌립니다. 소비자는 하나이고, 느린 것은 없습니다. 주문은 어떤
# 순서로 나올까요?

# %%
# NBVAL_CHECK_OUTPUT
real = QueueService(clock=clock, realistic=True, seed=5)
ordered = real.create_queue(QueueName="orders-ordered")["QueueUrl"]
for i in range(1, 7):
    real.send_message(QueueUrl=ordered, MessageBody=f"order-{i}")
servers = real.queue(ordered).servers()                 # looking inside: who holds which copy
for server, held in servers.items():
    print(f"server {server} holds", [m.body for m in held])
one_by_one = []
while got := real.receive_message(QueueUrl=ordered).get("Messages"):
    one_by_one.append(got[0]["Body"])
    print(f"asked servers {real.queue(ordered).last_sample} -> got {got[0]['Body']}")
    real.delete_message(QueueUrl=ordered, ReceiptHandle=got[0]["ReceiptHandle"])
print("one consumer, one at a time:", one_by_one)

# %% [markdown]
# `order-5` came second. The second receive asked servers 3 and 4; `order-2`, `order-3` and
# `order-4` have no copy there, so the oldest message it could find was `order-5`. Nobody was
# slow and nothing was received twice: with one consumer, the order is still not the send order.
#
# So never let correctness depend on the order of a standard queue: put a sequence number or
# timestamp in the message if you need one, or use a FIFO queue, which keeps the order within a
# group (lesson 10).

# %% [markdown] ko en=7bc61d04
# `order-5`가 두 번째로 나왔습니다. 두 번째 수신은 서버 3과 4에 물었습니다. `order-2`, `order-3`,
# `order-4`는 그 서버들에 사본이 없으므로, 찾을 수 있는 가장 오래된 메시지가 `order-5`였습니다.
# 느린 소비자도 없고 두 번 받은 메시지도 없었습니다. 그런데도 소비자 하나가 받은 순서가 보낸
# 순서와 다릅니다.
#
# 그러니 프로그램이 올바르게 동작하는 데 표준 대기열의 순서를 기대지 마세요. 순서가 필요하면
# 메시지에 일련번호나 타임스탬프를 넣거나, 그룹 안에서 순서를 지키는 FIFO 대기열(레슨 10)을
# 쓰세요.

# %% [markdown]
# ## Watch it: the QueueView widget
#
# `toyqueue.sim.consumers` runs the same story as a simulation on the toy queue: each consumer
# polls for 2 messages, takes 10 s per message and then deletes it; consumer 3 is 3.5 times
# slower, so its visibility timeout runs out while it works:

# %% [markdown] ko en=7ea5c43d
# ## 눈으로 보기: QueueView 위젯
#
# `toyqueue.sim.consumers`는 같은 이야기를 토이 대기열 위의 시뮬레이션으로 돌립니다. 소비자는
# 저마다 메시지를 2개씩 폴링하고, 메시지 하나를 10초 동안 처리한 뒤 삭제합니다. 소비자 3은 3.5배
# 느려서, 일하는 도중에 가시성 제한 시간이 끝나 버립니다:

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.sim.consumers import simulate

run = simulate(messages=6, consumers=3, batch=2, processing_time=10, visibility_timeout=30,
               slow_consumers=1, slow_factor=3.5, jitter=0, seed=1)
print(run.summary())

# %% [markdown]
# The widget draws such runs. Each chip is a message, in its lane: delayed, visible (waiting), in
# flight (hidden), deleted. A pink badge (x2) marks a redelivered message. Press play, or step
# through; change the sliders (more consumers, a shorter visibility timeout, slower consumers)
# and see how the number of duplicates changes.

# %% [markdown] ko en=087b347a
# 위젯은 이런 실행을 그림으로 보여 줍니다. 칩 하나가 메시지 하나이고, 상태에 따라 줄에 놓입니다:
# 지연됨, 표시됨(대기 중), 처리 중(숨겨짐), 삭제됨. 분홍 배지(x2)는 다시 전달된 메시지입니다.
# 재생을 누르거나 한 단계씩 넘겨 보세요. 슬라이더를 바꿔 보고(소비자를 늘리거나, 가시성 제한
# 시간을 줄이거나, 소비자를 더 느리게 하거나) 중복 수가 어떻게 달라지는지 보세요.

# %%
# NBVAL_IGNORE_OUTPUT
from toyqueue.widgets import QueueView

QueueView(messages=12, consumers=3, slow_consumers=1)

# %% [markdown]
# ## ChangeMessageVisibility: asking for more time
#
# A consumer that knows it needs longer can say so with `ChangeMessageVisibility`. The new timeout
# counts **from the moment of the call** (it is not added to the old one), and it is not remembered
# for the next receive. Below, consumer B receives an order and after 20 s sets its timeout to
# 60 s. **Predict:** at t = 31 s, can consumer C see the message? When does it come back?

# %% [markdown] ko en=72d4de01
# ## ChangeMessageVisibility: 시간을 더 달라고 하기
#
# 시간이 더 필요하다는 것을 아는 소비자는 `ChangeMessageVisibility`로 그렇게 말할 수 있습니다. 새
# 제한 시간은 **호출한 순간부터** 셉니다(원래 제한 시간에 더해지지 않습니다). 그리고 다음 수신
# 때는 기억되지 않습니다. 아래에서 소비자 B는 주문 하나를 받고, 20초 뒤에 제한 시간을 60초로
# 바꿉니다. **예측해 보세요:** t = 31초에 소비자 C는 그 메시지를 볼 수 있을까요? 메시지는 언제
# 다시 나타날까요?

# %%
# NBVAL_CHECK_OUTPUT
svc.send_message(QueueUrl=url, MessageBody="order-7")
t0 = clock.now()
[m] = poll("consumer B", n=1)
clock.advance(20)
svc.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"], VisibilityTimeout=60)
clock.advance(11)
poll("consumer C")                 # t = 31 s
clock.advance(50)
back = poll("consumer C")          # t = 81 s: 20 + 60 s have passed

# %% [markdown]
# Setting the visibility timeout to **0** hands a message back at once, for example when a
# consumer is shutting down and wants someone else to take its work:

# %% [markdown] ko en=e248de23
# 가시성 제한 시간을 **0**으로 하면 메시지를 곧바로 돌려놓습니다. 예를 들어 종료하는 소비자가 맡은
# 일을 다른 소비자에게 넘기고 싶을 때 씁니다:

# %%
# NBVAL_CHECK_OUTPUT
svc.change_message_visibility(QueueUrl=url, ReceiptHandle=back[0]["ReceiptHandle"], VisibilityTimeout=0)
print(counts(svc, url))

# %% [markdown]
# And the limit: a visibility timeout can be at most 12 hours (43,200 s), counted from the
# receive. However often a consumer asks for more time, its message is hidden at most 12 hours
# after it was received. **Predict:** 20 s after its receive, may consumer A ask for 43,200 s?

# %% [markdown] ko en=2783a26a
# 그리고 한도입니다. 가시성 제한 시간은 최대 12시간(43,200초)이고, 이 12시간은 수신한 때부터
# 셉니다. 소비자가 시간을 몇 번 더 달라고 하든, 메시지는 수신하고 12시간이 지나면 더는 숨겨져 있지
# 않습니다. **예측해 보세요:** 수신하고 20초 뒤에 소비자 A가 43,200초를 달라고 할 수 있을까요?

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.errors import SQSError

def ask_for(seconds):
    try:
        svc.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"], VisibilityTimeout=seconds)
        print(f"t={clock.now() - t0:>4.0f}s  {seconds:,} s: granted")
    except SQSError as e:
        print(f"t={clock.now() - t0:>4.0f}s  {seconds:,} s: {type(e).__name__} -> {e.message}")

[m] = poll("consumer A")
ask_for(43_201)                    # more than 12 hours: never
clock.advance(20)
ask_for(43_200)                    # 20 s + 12 h: past 12 hours after the receive
ask_for(43_180)                    # exactly 12 hours after the receive
svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])   # order-7 done

# %% [markdown]
# ## The same on LocalStack, through boto3
#
# Now the real API. We receive a message with a 1-second visibility timeout (`VisibilityTimeout`
# on the receive overrides the queue's 30 s for this receive only), do not delete it, and poll
# again. LocalStack checks its timers about once a second, so this is the one place in the lesson
# that waits a little real time.

# %% [markdown] ko en=7e9af48e
# ## LocalStack에서 boto3로 똑같이
#
# 이제 실제 API입니다. 가시성 제한 시간을 1초로 해서 메시지를 받고(수신에 준 `VisibilityTimeout`은
# 이 수신에 한해 대기열의 30초 대신 쓰입니다), 삭제하지 않은 채 다시 폴링합니다. LocalStack은
# 타이머를 대략 1초마다 확인합니다. 그래서 이 레슨에서 실제 시간을 조금 기다리는 곳은 여기 한
# 곳뿐입니다.

# %%
# NBVAL_CHECK_OUTPUT
import time, uuid
from toyqueue.clients import client

ls = client("localstack")
RUN = uuid.uuid4().hex[:8]           # keeps queue names unique between runs (never printed)
ls_url = ls.create_queue(QueueName=f"l06-orders-{RUN}")["QueueUrl"]
ls.send_message(QueueUrl=ls_url, MessageBody="order-1")

first = ls.receive_message(QueueUrl=ls_url, VisibilityTimeout=1)["Messages"][0]
started = time.monotonic()
again = []
while not again and time.monotonic() - started < 10:
    again = ls.receive_message(QueueUrl=ls_url, WaitTimeSeconds=1, VisibilityTimeout=30,
                               MessageSystemAttributeNames=["ApproximateReceiveCount"]).get("Messages", [])
second = again[0]
print("same message:", first["MessageId"] == second["MessageId"])
print("ApproximateReceiveCount:", second["Attributes"]["ApproximateReceiveCount"])
print("new receipt handle:", first["ReceiptHandle"] != second["ReceiptHandle"])

# %%
print(f"it came back after {time.monotonic() - started:.1f} s of real time")

# %% [markdown]
# A LocalStack difference worth knowing: it does not check the 12-hour limit of
# `ChangeMessageVisibility` that real SQS (and the toy, above) enforce.

# %% [markdown] ko en=7b23ddc7
# 알아 둘 만한 LocalStack의 차이: 실제 SQS(와 위의 토이)가 지키는 `ChangeMessageVisibility`의
# 12시간 한도를 LocalStack은 확인하지 않습니다.

# %%
# NBVAL_CHECK_OUTPUT
try:
    ls.change_message_visibility(QueueUrl=ls_url, ReceiptHandle=second["ReceiptHandle"], VisibilityTimeout=43_201)
    print("LocalStack accepted VisibilityTimeout=43201; real SQS answers InvalidParameterValue")
except ls.exceptions.ClientError as e:
    print("LocalStack:", e.response["Error"]["Code"])

# %% [markdown]
# And a delete with the *old* receipt handle, which removed nothing on the toy:

# %% [markdown] ko en=32f65b65
# 그리고 토이에서는 아무것도 지우지 못했던 *예전* 수신 핸들로 삭제해 봅니다:

# %%
# NBVAL_CHECK_OUTPUT
ls.delete_message(QueueUrl=ls_url, ReceiptHandle=first["ReceiptHandle"])      # the OLD handle
print(counts(ls, ls_url))
_ = ls.delete_queue(QueueUrl=ls_url)

# %% [markdown]
# LocalStack removed the message. The toy keeps it, real SQS may do either: never count on an old
# handle. Delete with the newest one.

# %% [markdown] ko en=f010b06e
# LocalStack은 메시지를 지웠습니다. 토이는 남겨 두고, 실제 SQS는 둘 중 어느 쪽으로도 동작할 수
# 있습니다. 예전 핸들에 기대지 마세요. 가장 최근의 핸들로 삭제하세요.

# %% [markdown]
# ## The fix: an idempotent consumer
#
# We cannot stop duplicates, so we make them harmless. A consumer is **idempotent** (멱등) when
# processing the same message twice has the same effect as processing it once. The usual way:
# give every piece of work a business key (here the order id) and let the database refuse a
# second insert. The consumers now write into an SQLite table (lesson 05) whose primary key is
# the order id; `INSERT OR IGNORE` turns a second insert of the same order into a no-op
# (`INSERT ... ON CONFLICT DO NOTHING` in PostgreSQL, `INSERT IGNORE` in MySQL on RDS).

# %% [markdown] ko en=711cd71c
# ## 해결책: 멱등 소비자
#
# 중복은 막을 수 없습니다. 그러니 중복이 해를 끼치지 않게 만듭니다. 같은 메시지를 두 번 처리해도
# 한 번 처리한 것과 결과가 같으면, 그 소비자는 **멱등성**(idempotent)이 있다고 합니다. 흔히 쓰는
# 방법은 이렇습니다. 작업마다 업무 키(여기서는 주문 ID)를 두고, 같은 키가 두 번 들어오면
# 데이터베이스가 거부하게 합니다. 이제 소비자들은 주문 ID가 기본 키인 SQLite 테이블(레슨 05)에
# 씁니다. `INSERT OR IGNORE`는 같은 주문을 두 번째로 넣을 때 아무 일도 하지
# 않습니다(PostgreSQL에서는 `INSERT ... ON CONFLICT DO NOTHING`, RDS의 MySQL에서는 `INSERT
# IGNORE`).

# %%
import sqlite3

db = sqlite3.connect(":memory:")
db.execute("CREATE TABLE shipments (order_id TEXT PRIMARY KEY, shipped_by TEXT)")

def ship_idempotently(consumer, messages, quiet=False):
    """Ship each order once, whatever the number of deliveries; quiet: say only what is skipped."""
    for m in messages:
        cur = db.execute("INSERT OR IGNORE INTO shipments VALUES (?, ?)", (m["Body"], consumer))
        if cur.rowcount == 0 or not quiet:
            print(f"{consumer} {m['Body']}: {'shipped' if cur.rowcount else 'already shipped, skipped'}")
        svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])

# %% [markdown]
# The same scenario as before, on a fresh queue, in one cell: six orders, slow consumer B, C
# receives B's orders again at t = 31 s, B finishes at t = 45 s, C at t = 50 s. **Predict:** eight
# deliveries; how many rows?

# %% [markdown] ko en=dd6368b1
# 앞과 같은 시나리오를 새 대기열에서 셀 하나로 돌립니다. 주문 6건, 느린 소비자 B. t = 31초에 C가
# B의 주문을 다시 받고, t = 45초에 B가, t = 50초에 C가 일을 마칩니다. **예측해 보세요:** 전달은
# 여덟 번입니다. 테이블의 행은 몇 개일까요?

# %%
# NBVAL_CHECK_OUTPUT
url = svc.create_queue(QueueName="orders-idempotent")["QueueUrl"]
for i in range(1, 7):
    svc.send_message(QueueUrl=url, MessageBody=f"order-{i}")
t0 = clock.now()
a, b, c = poll("consumer A"), poll("consumer B"), poll("consumer C")
ship_idempotently("A", a); ship_idempotently("C", c)
clock.advance(31)
c2 = poll("consumer C")
clock.advance(14)
ship_idempotently("B", b)                    # t = 45 s: B ships first, its deletes remove nothing
clock.advance(5)
ship_idempotently("C", c2)                   # t = 50 s: C's copies are skipped, its deletes count
print(db.execute("SELECT COUNT(*) FROM shipments").fetchone()[0], "rows for 6 orders;", counts(svc, url))

# %% [markdown]
# Six shipments, an empty queue: the duplicate did no harm, whichever copy finished first.
#
# Why not a plain `INSERT` with the primary key? The second insert would raise an error, the
# consumer would crash before deleting, the message would come back, fail again... a message that
# can never be processed, a **poison message** (lesson 10's dead-letter queues catch those).
# Ignoring the duplicate, or checking "already done?" first, is what makes the consumer
# idempotent. Why the order id and not the `MessageId`? A `MessageId` catches redeliveries, but a
# producer that *sends* the same order twice creates two ids. Other ways: upserts, or operations
# that are naturally repeatable ("set status to shipped" rather than "add one shipment"). FIFO
# queues (lesson 10) add deduplication on the producer side; the consumer side still matters.

# %% [markdown] ko en=fcd25ddd
# 배송 6건에 빈 대기열입니다. 어느 사본이 먼저 끝났든 중복은 아무 해도 끼치지 않았습니다.
#
# 기본 키가 있는 평범한 `INSERT`를 쓰면 어떨까요? 두 번째 입력이 오류를 내고, 소비자는 삭제하기
# 전에 죽고, 메시지는 돌아와서 또 실패합니다... 결코 처리할 수 없는 메시지, 곧 **포이즌
# 메시지**(poison message)가 됩니다(이런 메시지는 레슨 10의 배달 못한 편지 대기열이 잡아 줍니다).
# 중복을 무시하거나 먼저 "이미 처리했나?"를 확인하는 것이 소비자를 멱등하게 만듭니다.
# `MessageId`가 아니라 주문 ID를 쓰는 이유는 무엇일까요? `MessageId`로는 재전송을 잡아낼 수
# 있지만, 생산자가 같은 주문을 두 번 *보내면* ID가 두 개 생깁니다. 다른 방법으로는
# 업서트(upsert)나, 본래 되풀이해도 괜찮은 연산("배송 한 건 추가" 대신 "상태를 배송됨으로 설정")이
# 있습니다. FIFO 대기열(레슨 10)은 생산자 쪽에 중복 제거를 더해 주지만, 그래도 소비자 쪽 대비는
# 필요합니다.

# %% [markdown]
# ## Duplicates without any timeout
#
# Every duplicate so far had a cause we could see: B was slow. AWS names another, rarer one. A
# standard queue stores each message on several servers; if one of them is unavailable when you
# delete, its copy is not deleted, *"and you might get that message copy again when you receive
# messages"* (SQS Developer Guide, *At-least-once delivery*). Then the queue itself redelivers.
#
# The realistic toy does that too: now and then (2 % of deletes, our number; AWS only says "on
# rare occasions") a delete misses one copy. That copy stays hidden until the visibility timeout
# of the receive it belonged to runs out, then it is visible again, until its server catches up
# with the delete a minute later. Rare means we need a few hundred orders to see it: 200 orders,
# one consumer that receives up to 10 each second and ships and deletes each order at once.

# %% [markdown] ko en=55b3b172
# ## 제한 시간과 상관없는 중복
#
# 지금까지의 중복에는 모두 눈에 보이는 원인이 있었습니다. B가 느렸습니다. AWS는 더 드문 원인을
# 하나 더 듭니다. 표준 대기열은 메시지마다 여러 서버에 저장합니다. 삭제할 때 그중 한 서버를 쓸 수
# 없으면 그 서버의 사본은 삭제되지 않고, *"메시지를 수신할 때 그 메시지 사본을 다시 받을 수
# 있습니다"*(SQS 개발자 안내서, *최소 1회 전송*). 이때는 대기열이 스스로 메시지를 다시 전달합니다.
#
# 실제에 가까운 토이도 그렇게 합니다. 이따금(삭제의 2%. 이 숫자는 우리가 정한 것이고, AWS는
# "드물게"라고만 말합니다) 삭제가 사본 하나를 놓칩니다. 그 사본은 자기가 속한 수신의 가시성 제한
# 시간이 끝날 때까지 숨어 있다가 다시 보이게 되고, 1분 뒤 그 서버가 삭제를 따라잡을 때까지 남아
# 있습니다. 드문 일이라서 보려면 주문이 몇백 건 필요합니다. 주문 200건과 소비자 하나로 해 봅니다.
# 소비자는 매초 주문을 최대 10건 받고, 받은 주문마다 곧바로 배송하고 삭제합니다.

# %%
def realistic_orders(n=200, seed=7):
    """A realistic toy queue holding order-1 ... order-n (the same seed: the same run)."""
    real = QueueService(clock=clock, realistic=True, seed=seed)
    real_url = real.create_queue(QueueName="orders")["QueueUrl"]
    for start in range(0, n, 10):
        real.send_message_batch(QueueUrl=real_url, Entries=[
            {"Id": str(i), "MessageBody": f"order-{start + i + 1}"} for i in range(min(10, n - start))])
    return real, real_url

def every_second(consume, seconds=60):
    """One consumer: each second, receive up to 10 orders and `consume` them (ship, then delete).
    Says when an order comes back."""
    start, first = clock.now(), {}
    for _ in range(seconds):
        got = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                                  MessageSystemAttributeNames=["ApproximateReceiveCount"]).get("Messages", [])
        for m in got:
            now = clock.now() - start
            if m["Body"] in first:
                print(f"t={now:>3.0f}s  {m['Body']} is back (receive #{m['Attributes']['ApproximateReceiveCount']});"
                      f" it was received and deleted at t={first[m['Body']]:.0f}s")
            first.setdefault(m["Body"], now)
        consume(got)
        clock.advance(1)

# %% [markdown]
# First a naive consumer: the lesson's `process_and_delete`, which ships whatever it receives.
# **Predict:** 200 orders, every delete made within a second of its receive. How many
# shipments?

# %% [markdown] ko en=b558b9f1
# 먼저 순진한 소비자입니다. 받은 것을 무엇이든 배송하는 이 레슨의 `process_and_delete`입니다.
# **예측해 보세요:** 주문은 200건이고, 모든 삭제는 수신 후 1초 안에 이루어집니다. 배송은 몇
# 건일까요?

# %%
# NBVAL_CHECK_OUTPUT
from collections import Counter

svc, url = realistic_orders()
shipped.clear()
every_second(lambda got: process_and_delete("A", got))
twice = [body for body, n in Counter(body for _, body in shipped).items() if n > 1]
print(len(shipped), "shipments for 200 orders; shipped twice:", twice)

# %% [markdown]
# Four orders were shipped twice. Each came back at least 30 s after its delete: the default
# visibility timeout of the receive that was deleted. The consumer was never slow and every
# delete succeeded, yet `ApproximateReceiveCount` says 2. Timeouts cannot explain this duplicate;
# only an idempotent consumer survives it.
#
# The same seed and the same calls give the same deliveries, so we can replay the run with our
# idempotent consumer, `ship_idempotently` (quiet: it only says what it skips), on an empty table:

# %% [markdown] ko en=fddef222
# 주문 네 건이 두 번 배송되었습니다. 모두 삭제되고 나서 적어도 30초 뒤에 돌아왔습니다. 30초는
# 삭제된 그 수신의 기본 가시성 제한 시간입니다. 소비자는 한 번도 느리지 않았고 삭제는 모두
# 성공했는데, `ApproximateReceiveCount`는 2입니다. 제한 시간으로는 이 중복을 설명할 수 없습니다.
# 이런 중복을 견디는 것은 멱등 소비자뿐입니다.
#
# 같은 시드와 같은 호출은 같은 전달을 만듭니다. 그래서 빈 테이블에서 멱등 소비자
# `ship_idempotently`로 같은 실행을 다시 돌려 볼 수 있습니다(quiet: 건너뛴 것만 알립니다):

# %%
# NBVAL_CHECK_OUTPUT
svc, url = realistic_orders()
db.execute("DELETE FROM shipments")
every_second(lambda got: ship_idempotently("A", got, quiet=True))
print(db.execute("SELECT COUNT(*) FROM shipments").fetchone()[0], "rows for 200 orders")

# %% [markdown]
# The same four deliveries came back, and each was skipped: 200 shipments for 200 orders.
#
# ### Watch it: a copy that missed its delete
#
# `QueueView` has a realistic mode too: below the lanes sit the 5 servers, with the copies each
# holds; the servers the latest short poll asked are grey (its checkbox *realistic SQS (servers)*
# switches it on). Three consumers, none slow (each message takes about 3 s, the visibility
# timeout is 8 s). The story of message `m20`:

# %% [markdown] ko en=027a1f61
# 같은 네 건이 다시 돌아왔고, 모두 건너뛰었습니다. 주문 200건에 배송 200건입니다.
#
# ### 눈으로 보기: 삭제를 놓친 사본
#
# `QueueView`에도 실제에 가까운 모드가 있습니다. 상태별 줄 아래에 서버 5대와 각 서버가 가진 사본이
# 나오고, 가장 최근의 짧은 폴링이 물어본 서버는 회색으로 표시됩니다(*실제에 가까운 SQS
# (서버)* 체크박스로 켭니다). 소비자는 셋이고 느린 소비자는 없습니다(메시지 하나에 약 3초, 가시성 제한 시간
# 8초). 메시지 `m20`의 이야기입니다:

# %%
# NBVAL_CHECK_OUTPUT
view = QueueView(slow_consumers=0, realistic=True, seed=19)
for e in view.data.events:
    if e.message == "m20":
        print(f"t={e.time:>5.1f}s  {e.action:<7} {e.detail}".rstrip())

# %% [markdown]
# Consumer 1 deleted `m20` 3.4 s after receiving it, but one server missed the delete. Step to
# t = 20 s: that server's copy of `m20` has a dashed pink border, and it is the only copy left.
# At t = 23.7 s a poll hands it out again.

# %% [markdown] ko en=bf94b01b
# 소비자 1은 `m20`을 받고 3.4초 뒤에 삭제했지만, 서버 하나가 그 삭제를 놓쳤습니다. t = 20초로 넘겨
# 보세요. 그 서버에 있는 `m20`의 사본에 분홍 점선 테두리가 있고, 남은 사본은 그것 하나뿐입니다. t
# = 23.7초가 되면 폴링 하나가 그 사본을 다시 내줍니다.

# %%
# NBVAL_IGNORE_OUTPUT
view.show(20)
view

# %% [markdown]
# ## Recap
#
# - Many consumers can poll one queue; each receive hides the messages it returns for the
#   **visibility timeout** (가시성 제한 시간; default 30 s, 0 to 12 h).
# - A message that is not deleted in time becomes visible again and goes to another consumer:
#   **at-least-once delivery**, seen as `ApproximateReceiveCount` 2.
# - Every receive gives a new receipt handle. A delete with an old one succeeds but may remove
#   nothing (the toy: never; LocalStack: it does): delete with the newest.
# - **Best-effort ordering** (the lecture's garbled "최선의 오더 ... 품절 메시지": out-of-order
#   messages can happen): redelivery, parallel consumers and the queue's own servers all reorder;
#   the realistic toy showed one consumer getting `order-5` before `order-2`.
# - `ChangeMessageVisibility` extends (or ends, with 0) the timeout, counted from the call, but
#   never past 12 h after the receive.
# - Make consumers **idempotent**: a duplicate must do no harm. Even a fast consumer gets
#   duplicates: a delete can miss a copy on a server that was down (204 deliveries of 200
#   orders on the realistic toy; the idempotent consumer still shipped 200).

# %% [markdown] ko en=55021212
# ## 정리
#
# - 여러 소비자가 한 대기열을 폴링할 수 있습니다. 수신할 때마다 돌려준 메시지는 **가시성 제한
#   시간**(visibility timeout, 기본 30초, 0초~12시간) 동안 숨겨집니다.
# - 제때 삭제되지 않은 메시지는 다시 보이게 되고 다른 소비자에게 갑니다. 이것이 **최소 1회
#   전송**이고, `ApproximateReceiveCount` 2로 드러납니다.
# - 수신할 때마다 새 수신 핸들이 나옵니다. 예전 핸들로 삭제하면 호출은 성공하지만 아무것도 지우지
#   않을 수 있습니다(토이: 절대 지우지 않음, LocalStack: 지움). 가장 최근의 핸들로 삭제하세요.
# - **최선의 노력 순서 지정**: 순서가 바뀐 메시지가 올 수 있습니다(강의의 엉뚱한 번역 "최선의 오더
#   ... 품절 메시지"가 하려던 말입니다). 재전송, 병렬 소비자, 대기열 자신의 서버가 모두 순서를
#   바꿉니다. 실제에 가까운 토이에서는 소비자 하나가 `order-2`보다 `order-5`를 먼저 받았습니다.
# - `ChangeMessageVisibility`는 제한 시간을 늘리거나 (0이면) 끝냅니다. 새 시간은 호출한 때부터
#   세지만, 수신하고 12시간이 지난 때를 넘을 수는 없습니다.
# - 소비자를 **멱등**하게 만드세요. 중복이 해를 끼치면 안 됩니다. 빠른 소비자도 중복을 받습니다.
#   삭제가 멈춰 있던 서버의 사본을 놓칠 수 있기 때문입니다(실제에 가까운 토이에서 주문 200건에
#   전달 204번. 멱등 소비자는 그래도 200건만 배송했습니다).

# %%
from toyqueue.widgets import quiz

quiz("06")

# %% [markdown]
# **Exercises:** build the visibility timeout yourself in
# [03 · Visibility timeout](../exercises/03_visibility_timeout.ipynb), and write an idempotent
# consumer in [04 · Idempotent consumer](../exercises/04_idempotent_consumer.ipynb).
#
# Next: [07 Scaling consumers →](07_scaling_consumers.ipynb)

# %% [markdown] ko en=ff1fe0d6
# **실습:** [03 · 가시성 제한 시간](../exercises/03_visibility_timeout.ipynb)에서 가시성 제한
# 시간을 직접 만들고, [04 · 멱등 소비자](../exercises/04_idempotent_consumer.ipynb)에서 멱등
# 소비자를 작성합니다.
#
# 다음: [07 소비자 확장 →](07_scaling_consumers.ipynb)
