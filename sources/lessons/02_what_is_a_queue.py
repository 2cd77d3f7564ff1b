# Lesson 02 source: built into notebooks/02_what_is_a_queue.ipynb and notebooks/ko/02_what_is_a_queue.ipynb
# by tools/nbbuild.py.

# %% [markdown]
# [← 01 Synchronous vs asynchronous](01_sync_vs_async.ipynb) | [03 The standard queue →](03_standard_queue.ipynb)
#
# # 02 · What is a queue?
#
# **Goal:** know the three roles around a queue (대기열): **producers** (생산자) send messages,
# **consumers** (소비자) poll for them, process them and delete them, and the **queue** in the
# middle holds what is not yet done. You build a tiny queue yourself in a few lines, then meet
# the course's toy SQS, then run several producers and consumers at once.

# %% [markdown] ko en=61fca30d
# [← 01 동기 vs 비동기](01_sync_vs_async.ipynb) | [03 표준 대기열 →](03_standard_queue.ipynb)
#
# # 02 · 대기열이란?
#
# **목표:** 대기열(queue)을 둘러싼 세 가지 역할을 압니다. **생산자**(producer)는 메시지를 보내고,
# **소비자**(consumer)는 메시지를 폴링해서 처리한 뒤 삭제하며, 가운데의 **대기열**은 아직 끝나지 않은
# 일을 담아 둡니다. 몇 줄짜리 작은 대기열을 직접 만들어 보고, 이 과정의 토이 SQS를 만난 다음, 생산자와
# 소비자 여럿을 한꺼번에 돌려 봅니다.

# %% [markdown]
# ## The picture
#
# ```
#  producer ─┐                              ┌─> consumer: poll, process, delete
#  producer ─┼─ SendMessage ─> [ queue ] ───┼─> consumer: poll, process, delete
#  producer ─┘                              └─> consumer: poll, process, delete
# ```
#
# - A **message** can be anything the two sides agree on: "process order 1001", "encode video
#   42.mp4". SQS does not look inside.
# - A **producer** is whatever sends messages into the queue. There can be one or many.
# - A **consumer** *polls* the queue: it asks "is there a message for me?". If there is, it gets
#   the message, does the work, and then **deletes** the message from the queue. There can be
#   one or many consumers too.
# - The **queue** sits between them as a **buffer** (버퍼): producers and consumers never talk to
#   each other, and neither has to keep pace with the other.

# %% [markdown] ko en=0c4d6c39
# ## 한눈에 보기
#
# ```
#  생산자 ─┐                               ┌─> 소비자: 폴링, 처리, 삭제
#  생산자 ─┼─ SendMessage ─> [ 대기열 ] ───┼─> 소비자: 폴링, 처리, 삭제
#  생산자 ─┘                               └─> 소비자: 폴링, 처리, 삭제
# ```
#
# - **메시지**(message)는 양쪽이 약속한 것이라면 무엇이든 됩니다: "주문 1001을 처리하라", "비디오
#   42.mp4를 인코딩하라". SQS는 메시지 안을 들여다보지 않습니다.
# - **생산자**는 대기열에 메시지를 보내는 쪽입니다. 하나일 수도, 여럿일 수도 있습니다.
# - **소비자**는 대기열을 *폴링*(poll)합니다. 대기열에 "내 앞으로 온 메시지가 있나요?"라고 묻는
#   것입니다. 메시지가 있으면 받아서 일을 하고, 그다음 대기열에서 메시지를 **삭제**합니다. 소비자도
#   하나일 수도, 여럿일 수도 있습니다.
# - **대기열**은 둘 사이에서 **버퍼**(buffer) 역할을 합니다. 생산자와 소비자는 서로 직접 이야기하지
#   않고, 어느 쪽도 상대의 속도에 맞출 필요가 없습니다.

# %% [markdown]
# ## A queue in a few lines
#
# The heart of a queue is a first-in, first-out list: Python's `collections.deque`. One detail
# makes it an SQS-like queue: **receiving does not remove a message**. The consumer deletes it
# only once the work is done, so a message is in one of two places: *waiting* for a consumer, or
# **in flight** (received, being processed, not yet deleted).

# %% [markdown] ko en=f898e4fb
# ## 몇 줄로 만드는 대기열
#
# 대기열의 핵심은 먼저 들어온 것이 먼저 나가는(first-in, first-out) 리스트, 곧 Python의
# `collections.deque`입니다. 여기에 한 가지만 더하면 SQS 같은 대기열이 됩니다: **메시지를 받아도
# 대기열에서 없어지지 않습니다**. 소비자는 일을 마친 뒤에야 메시지를 삭제합니다. 그래서 메시지는 두 곳
# 중 한 곳에 있습니다. 소비자를 *기다리는* 중이거나, **처리 중**(in flight)입니다. 처리 중이란 받았고,
# 처리되고 있고, 아직 삭제되지 않았다는 뜻입니다.

# %%
import itertools
from collections import deque


class TinyQueue:
    def __init__(self):
        self.waiting = deque()          # sent, not yet received: oldest on the left
        self.in_flight = {}             # received, not yet deleted: id -> body
        self._ids = itertools.count(1)

    def send(self, body):
        self.waiting.append((next(self._ids), body))

    def receive(self):
        """Hand out the oldest waiting message, or None if there is nothing to do."""
        if not self.waiting:
            return None
        msg_id, body = self.waiting.popleft()
        self.in_flight[msg_id] = body
        return msg_id, body

    def delete(self, msg_id):
        del self.in_flight[msg_id]

    def __repr__(self):
        return f"TinyQueue(waiting={len(self.waiting)}, in_flight={len(self.in_flight)})"


# %% [markdown]
# A producer sends three orders:

# %% [markdown] ko en=5cda6918
# 생산자가 주문 세 건을 보냅니다:

# %%
# NBVAL_CHECK_OUTPUT
tiny = TinyQueue()
for order in ("order 1001", "order 1002", "order 1003"):
    tiny.send(order)
tiny

# %% [markdown]
# A consumer polls, processes and deletes, one message at a time. Watch the message move from
# *waiting* to *in flight* to gone:

# %% [markdown] ko en=116999c2
# 소비자가 메시지를 하나씩 폴링하고, 처리하고, 삭제합니다. 메시지가 `waiting`(대기 중)에서
# `in_flight`(처리 중)로 옮겨 갔다가 사라지는 모습을 보세요:

# %%
# NBVAL_CHECK_OUTPUT
while (msg := tiny.receive()) is not None:
    msg_id, body = msg
    print(f"received #{msg_id} {body!r:14} {tiny}")
    # ... process: ship the parcel, encode the video ...
    tiny.delete(msg_id)
    print(f"deleted  #{msg_id} {'':14} {tiny}")
print("poll on an empty queue:", tiny.receive())

# %% [markdown]
# Why keep a received message at all, instead of popping it for good? Because the consumer might
# crash halfway through the work. Here one does. **Predict:** what will `tiny` show afterwards?

# %% [markdown] ko en=6d792e7c
# 받은 메시지를 아예 꺼내 버리지 않고 왜 남겨 둘까요? 소비자가 일하는 도중에 죽을 수 있기 때문입니다.
# 여기서 소비자 하나가 그렇게 됩니다. **예측해 보세요:** 그 뒤 `tiny`는 무엇을 보여 줄까요?

# %%
# NBVAL_CHECK_OUTPUT
tiny.send("order 1004")
msg_id, body = tiny.receive()
# ... the consumer crashes here, before tiny.delete(msg_id) ...
tiny

# %% [markdown]
# The order is not lost: it sits in `in_flight`. But our tiny queue has no way to give it to
# another consumer; it would stay there forever. SQS solves this with a *visibility timeout*:
# a received message is only *hidden* for a while (30 s by default), and if nobody deletes it in
# that time it becomes visible again. Lesson 06 shows it, and exercise 03 has you build it.

# %% [markdown] ko en=a1092da7
# 주문은 사라지지 않았습니다. `in_flight`에 들어 있습니다. 하지만 우리의 작은 대기열에는 이 주문을 다른
# 소비자에게 넘겨줄 방법이 없어서, 주문은 영원히 거기 남습니다. SQS는 이 문제를
# *가시성 제한 시간*(visibility timeout)으로 풉니다. 받은 메시지는 잠시 동안(기본 30초) *숨겨질* 뿐이고,
# 그동안 아무도 삭제하지 않으면 다시 보이게 됩니다. 레슨 06에서 이것을 보고, 실습 03에서 직접 만듭니다.

# %% [markdown]
# ## The toy SQS: the same idea with SQS's API
#
# The course's `toyqueue` package is a small but faithful SQS. Its `QueueService` has SQS's
# actions with boto3's names and arguments, so the code you write against it is the code you
# would write against real SQS. A `VirtualClock` makes time stand still unless we move it, so
# every run prints the same thing.
#
# To see inside, we ask the queue the way you ask SQS: three queue attributes count the messages
# that are *visible* (waiting), *in flight* and *delayed* (held back on purpose, lesson 10).
# `counts(sqs, url)` from [`toyqueue/counts.py`](../toyqueue/counts.py) reads them; the
# lessons from here on use it.

# %% [markdown] ko en=682c2c58
# ## 토이 SQS: 같은 생각을 SQS의 API로
#
# 이 과정의 `toyqueue` 패키지는 작지만 충실한 SQS입니다. 그 안의 `QueueService`는 SQS의 작업(action)을
# boto3와 같은 이름과 인수로 제공합니다. 그래서 여기에 쓰는 코드가 곧 실제 SQS에 쓸 코드입니다.
# `VirtualClock`은 우리가 움직이지 않는 한 시간을 멈춰 두므로, 실행할 때마다 같은 결과가 나옵니다.
#
# 안을 들여다볼 때는 SQS에 묻는 방식 그대로 대기열에 묻습니다. 대기열 속성 세 개가 *표시된*(visible,
# 대기 중인) 메시지, *처리 중*(in flight)인 메시지, *지연된*(delayed, 일부러 붙잡아 둔 것, 레슨 10)
# 메시지의 수를 셉니다. [`toyqueue/counts.py`](../toyqueue/counts.py)의 `counts(sqs, url)`가 이 값을
# 읽습니다. 이제부터 레슨에서는 이 함수를 씁니다.

# %%
from toyqueue import QueueService, VirtualClock
from toyqueue.counts import counts

clock = VirtualClock()
svc = QueueService(clock=clock)
url = svc.create_queue(QueueName="orders")["QueueUrl"]

# %% [markdown]
# A producer sends three orders; a consumer polls once, then processes and deletes each message.
# **Predict:** right after the poll, how many messages are visible and how many in flight?

# %% [markdown] ko en=ab08d8b7
# 생산자가 주문 세 건을 보내고, 소비자가 한 번 폴링한 다음 메시지마다 처리하고 삭제합니다.
# **예측해 보세요:** 폴링 직후에 표시된(visible) 메시지와 처리 중(in flight)인 메시지는 각각 몇 개일까요?

# %%
# NBVAL_CHECK_OUTPUT
for order in ("order 1001", "order 1002", "order 1003"):
    svc.send_message(QueueUrl=url, MessageBody=order)             # producer
print("after 3 sends:   ", counts(svc, url))

reply = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10)  # consumer: poll
print("received bodies: ", [m["Body"] for m in reply["Messages"]])
print("after receiving: ", counts(svc, url))

for m in reply["Messages"]:                                        # consumer: process, delete
    svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
print("after deleting:  ", counts(svc, url))
print("an empty poll:   ", svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10))

# %% [markdown]
# Three differences from `TinyQueue`, all SQS's:
#
# - one `receive_message` can return **up to 10** messages (lesson 05);
# - a consumer deletes with a **receipt handle** (`ReceiptHandle`), a token for *this* receipt of
#   the message, not with the message id (exercise 02);
# - an empty poll returns a reply **without** a `"Messages"` key (the `{}` above), hence
#   `reply.get("Messages", [])` in careful code.

# %% [markdown] ko en=4e647e95
# `TinyQueue`와 다른 점이 세 가지 있고, 모두 SQS의 방식입니다:
#
# - `receive_message` 한 번이 메시지를 **최대 10개**까지 돌려줄 수 있습니다(레슨 05).
# - 소비자는 메시지 ID가 아니라 **수신 핸들**(receipt handle, `ReceiptHandle`)로 삭제합니다. 수신 핸들은
#   메시지를 *이번에* 받은 것에 대한 토큰입니다(실습 02).
# - 빈 폴링은 `"Messages"` 키가 **없는** 응답을 돌려줍니다(위의 `{}`). 그래서 꼼꼼한 코드는
#   `reply.get("Messages", [])`라고 씁니다.

# %% [markdown]
# ## The same three calls against LocalStack
#
# LocalStack emulates AWS on your machine. `toyqueue.clients.client("localstack")` returns a
# boto3 SQS client pointed at it (dummy credentials, a local address: it cannot reach real AWS).
# The calls are the same as above:

# %% [markdown] ko en=51433248
# ## 같은 세 호출을 LocalStack에
#
# LocalStack은 내 컴퓨터에서 AWS를 흉내 냅니다. `toyqueue.clients.client("localstack")`는 LocalStack을
# 가리키는 boto3 SQS 클라이언트를 돌려줍니다(가짜 자격 증명과 로컬 주소를 쓰므로 실제 AWS에는 닿을 수
# 없습니다). 호출은 위와 같습니다:

# %%
# NBVAL_CHECK_OUTPUT
import uuid

from toyqueue.clients import client

sqs = client("localstack")
ls_url = sqs.create_queue(QueueName=f"orders-{uuid.uuid4().hex[:8]}")["QueueUrl"]  # unique: LocalStack is shared

for order in ("order 1001", "order 1002", "order 1003"):
    sqs.send_message(QueueUrl=ls_url, MessageBody=order)

reply = sqs.receive_message(QueueUrl=ls_url, MaxNumberOfMessages=10,
                            WaitTimeSeconds=1)     # wait up to 1 s for messages (long polling, lesson 10)
print("received bodies:", sorted(m["Body"] for m in reply["Messages"]))
for m in reply["Messages"]:
    sqs.delete_message(QueueUrl=ls_url, ReceiptHandle=m["ReceiptHandle"])
print("after deleting, a poll returns:", sqs.receive_message(QueueUrl=ls_url).get("Messages", []))
_ = sqs.delete_queue(QueueUrl=ls_url)          # tidy up

# %% [markdown]
# (We sort the bodies because a standard queue does not promise order: lesson 06.)

# %% [markdown] ko en=dbbed7d5
# (본문을 정렬하는 것은 표준 대기열이 순서를 약속하지 않기 때문입니다: 레슨 06.)

# %% [markdown]
# ## Many producers, many consumers
#
# Several producers can send into one queue at the same time, and several consumers can drain it
# at the same time. Here they are Python *threads*, pieces of code that run side by side in one
# program: three producers each send 20 orders while two consumers poll, process and delete.
#
# The queue keeps the consumers apart: a message one of them has received is hidden from the
# other. (The virtual clock stands still here, so no visibility timeout runs out and no message
# is handed out twice. Lesson 06 shows what happens when one does.)

# %% [markdown] ko en=b6fed8c2
# ## 여러 생산자, 여러 소비자
#
# 생산자 여럿이 한 대기열에 동시에 메시지를 보낼 수 있고, 소비자 여럿이 동시에 대기열을 비울 수
# 있습니다. 여기서 생산자와 소비자는 Python *스레드*(thread)입니다. 스레드는 한 프로그램 안에서
# 나란히 실행되는 코드 조각입니다. 생산자 셋이 각각 주문 20건을 보내는 동안 소비자 둘이 폴링하고, 처리하고, 삭제합니다.
#
# 대기열은 소비자끼리 부딪치지 않게 해 줍니다. 한 소비자가 받은 메시지는 다른 소비자에게 보이지
# 않습니다. (여기서는 가상 시계가 멈춰 있으므로 가시성 제한 시간이 끝나지 않고, 어떤 메시지도 두 번
# 나가지 않습니다. 가시성 제한 시간이 끝나면 어떻게 되는지는 레슨 06에서 봅니다.)

# %%
import threading
import time

busy = svc.create_queue(QueueName="orders-busy")["QueueUrl"]
processed = {"consumer A": [], "consumer B": []}
producers_done = threading.Event()


def producer(name, count):
    for n in range(count):
        svc.send_message(QueueUrl=busy, MessageBody=f"{name} order {n}")


def consumer(name):
    while True:
        got = svc.receive_message(QueueUrl=busy, MaxNumberOfMessages=10).get("Messages", [])
        for m in got:
            processed[name].append(m["Body"])                             # process
            svc.delete_message(QueueUrl=busy, ReceiptHandle=m["ReceiptHandle"])
        if not got:
            if producers_done.is_set() and sum(counts(svc, busy).values()) == 0:
                return
            time.sleep(0.001)                                             # nothing yet: poll again soon


consumers = [threading.Thread(target=consumer, args=(name,)) for name in processed]
producers = [threading.Thread(target=producer, args=(name, 20)) for name in ("shop", "app", "partner")]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
producers_done.set()
for t in consumers:
    t.join()

# %% [markdown]
# How the work was split between the two consumers depends on thread timing, so it changes from
# run to run:

# %% [markdown] ko en=b77139bf
# 두 소비자가 일을 어떻게 나눴는지는 스레드가 실행되는 시점에 달려 있어서, 실행할 때마다 바뀝니다:

# %%
# NBVAL_IGNORE_OUTPUT
for name, bodies in processed.items():
    print(f"{name} processed {len(bodies)} orders")

# %% [markdown]
# What never changes: 60 orders were sent, 60 processed, none twice, none left behind.

# %% [markdown] ko en=c9f3b081
# 바뀌지 않는 것도 있습니다. 주문 60건을 보냈고 60건을 처리했습니다. 두 번 처리된 주문도, 남은 주문도
# 없습니다.

# %%
# NBVAL_CHECK_OUTPUT
everything = processed["consumer A"] + processed["consumer B"]
print("processed:        ", len(everything))
print("distinct orders:  ", len(set(everything)))
print("left in the queue:", counts(svc, busy))

# %% [markdown]
# ## The queue as a buffer
#
# A buffer lets two sides work at different speeds. Suppose a sale starts: for 4 seconds the
# shop sends 50 orders a second, then nothing. The shipping consumer can only handle 20 orders a
# second. Time is virtual here: each loop step is one second on the `VirtualClock`.
# **Predict:** how long is the queue at its longest, and in which second is it empty again?

# %% [markdown] ko en=ebb80953
# ## 버퍼로서의 대기열
#
# 버퍼가 있으면 양쪽이 서로 다른 속도로 일할 수 있습니다. 세일이 시작되었다고 해 봅시다. 4초 동안
# 쇼핑몰이 초당 50건씩 주문을 보내고, 그 뒤로는 보내지 않습니다. 배송 쪽 소비자는 초당 20건만 처리할 수
# 있습니다. 여기서 시간은 가상입니다. 루프 한 번이 `VirtualClock`의 1초입니다.
# **예측해 보세요:** 대기열이 가장 길 때는 몇 건이고, 몇 초에 다시 비게 될까요?

# %%
# NBVAL_CHECK_OUTPUT
clock = VirtualClock()
svc = QueueService(clock=clock)
buffer_url = svc.create_queue(QueueName="orders-sale")["QueueUrl"]

SENT_PER_SECOND = [50, 50, 50, 50] + [0] * 8
CONSUMER_PER_SECOND = 20
depth = []
for second, sends in enumerate(SENT_PER_SECOND):
    for n in range(sends):                                                 # the producer
        svc.send_message(QueueUrl=buffer_url, MessageBody=f"order {second}-{n}")
    for _ in range(CONSUMER_PER_SECOND // 10):                             # the consumer: 2 polls of 10
        for m in svc.receive_message(QueueUrl=buffer_url, MaxNumberOfMessages=10).get("Messages", []):
            svc.delete_message(QueueUrl=buffer_url, ReceiptHandle=m["ReceiptHandle"])
    depth.append(counts(svc, buffer_url)["visible"])
    clock.advance(1)

print("second:      ", " ".join(f"{s:3}" for s in range(len(depth))))
print("sent:        ", " ".join(f"{s:3}" for s in SENT_PER_SECOND))
print("in the queue:", " ".join(f"{d:3}" for d in depth))

# %%
from toyqueue.widgets import plot_buffer

plot_buffer(SENT_PER_SECOND, depth, CONSUMER_PER_SECOND)

# %% [markdown]
# The producer never waited for the consumer, and the consumer never had to work faster than it
# can. The queue held the difference (peaking at 120 orders) until the consumer caught up. That
# is what "decoupling" means in lesson 01.

# %% [markdown] ko en=129bccef
# 생산자는 소비자를 한 번도 기다리지 않았고, 소비자는 자기 능력보다 빨리 일할 필요가 없었습니다.
# 소비자가 따라잡을 때까지 대기열이 그 차이(가장 많을 때 주문 120건)를 담아 두었습니다. 레슨 01에서 말한
# "분리"(decoupling)가 바로 이것입니다.

# %% [markdown]
# ## Recap
#
# - **Producers** (생산자) send messages into the queue (대기열); there can be many.
# - **Consumers** (소비자) poll, process and then **delete**; there can be many. Receiving alone
#   does not remove a message.
# - The queue is a **buffer** between the two sides, so they can run at different speeds and
#   never call each other.
# - The toy's `QueueService` and a boto3 client for LocalStack take the same calls:
#   `send_message`, `receive_message`, `delete_message`.

# %% [markdown] ko en=4db0f66a
# ## 정리
#
# - **생산자**(producer)는 대기열(queue)에 메시지를 보냅니다. 여럿일 수 있습니다.
# - **소비자**(consumer)는 폴링하고, 처리하고, 그다음 **삭제**합니다. 여럿일 수 있습니다. 받기만 해서는
#   메시지가 없어지지 않습니다.
# - 대기열은 양쪽 사이의 **버퍼**입니다. 그래서 양쪽은 서로 다른 속도로 일할 수 있고, 서로를 호출하지
#   않습니다.
# - 토이의 `QueueService`와 LocalStack용 boto3 클라이언트는 같은 호출을 받습니다:
#   `send_message`, `receive_message`, `delete_message`.

# %%
from toyqueue.widgets import quiz

quiz("02")

# %% [markdown]
# **Exercises:** [01 · Store and receive](../exercises/01_store_and_receive.ipynb): build the first
# piece of the toy queue yourself; then [02 · Receipt handles](../exercises/02_receipt_handles.ipynb)
# makes a received message go in flight until it is deleted.
#
# Next: [03 The standard queue →](03_standard_queue.ipynb)

# %% [markdown] ko en=bda8707d
# **실습:** [01 · 저장과 수신](../exercises/01_store_and_receive.ipynb): 토이 대기열의 첫 조각을 직접
# 만듭니다. 이어서 [02 · 수신 핸들](../exercises/02_receipt_handles.ipynb)에서는 받은 메시지가 삭제될
# 때까지 처리 중(in flight)으로 남게 합니다.
#
# 다음: [03 표준 대기열 →](03_standard_queue.ipynb)
