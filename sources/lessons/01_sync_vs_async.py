# Lesson 01 source: built into notebooks/01_sync_vs_async.ipynb and notebooks/ko/01_sync_vs_async.ipynb
# by tools/nbbuild.py.

# %% [markdown]
# [← 00 Set-up check and a map of the course](00_setup.ipynb) | [02 What is a queue? →](02_what_is_a_queue.ipynb)
#
# # 01 · Synchronous vs asynchronous communication
#
# **Goal:** see why applications talk through a queue instead of calling each other directly.
# You wire a purchase service to a shipping service both ways, hit them with a traffic spike,
# and watch one design drop thousands of requests while the other drops none.

# %% [markdown] ko en=51c708e7
# [← 00 설치 확인과 과정 안내](00_setup.ipynb) | [02 대기열이란? →](02_what_is_a_queue.ipynb)
#
# # 01 · 동기 vs 비동기 커뮤니케이션
#
# **목표:** 애플리케이션이 서로를 직접 호출하지 않고 대기열을 거쳐 주고받는 이유를 이해합니다.
# 구매 서비스와 배송 서비스를 두 가지 방식으로 연결한 뒤 트래픽 급증(spike)을 일으킵니다. 한 설계는
# 요청을 수천 건 잃고, 다른 설계는 한 건도 잃지 않는 모습을 보게 됩니다.

# %% [markdown]
# ## Services must talk
#
# As soon as you deploy more than one application, they have to communicate: services share
# information and data. Take an online shop. When something is sold, the **purchase service**
# must tell the **shipping service** to ship it.
#
# There are two ways to wire that:
#
# - **Synchronous (동기):** the purchase service calls the shipping service directly and waits
#   for its answer. The two are directly connected.
# - **Asynchronous (비동기), or event based (이벤트 기반):** a piece of middleware, a **queue
#   (대기열)**, sits in between. The purchase service says "someone bought this; I'll put it in
#   the queue". The shipping service asks the queue "any recent purchases?", gets them and does
#   whatever it has to. The two never talk to each other directly: only the queue connects them.
#
# ```
# sync:   purchase ──── "ship this!" ────> shipping
# async:  purchase ──> [ queue ] <── "anything for me?" ── shipping
# ```

# %% [markdown] ko en=e35bd0bb
# ## 서비스는 서로 통신해야 합니다
#
# 애플리케이션을 둘 이상 배포하면 서로 통신할 수밖에 없습니다. 서비스는 정보와 데이터를 공유해야
# 합니다. 온라인 쇼핑몰을 예로 들어 봅시다. 물건이 팔리면 **구매 서비스**가 **배송 서비스**에 그 물건을
# 배송하라고 알려야 합니다.
#
# 연결하는 방법은 두 가지입니다:
#
# - **동기식 통신**(synchronous communication, 강의: 동기 커뮤니케이션): 구매 서비스가 배송 서비스를
#   직접 호출하고 응답을 기다립니다. 두 서비스가 직접 연결되어 있습니다.
# - **비동기식 통신**(asynchronous communication, 강의: 비동기) 또는 **이벤트 기반**(event based)
#   통신: 둘 사이에 미들웨어인 **대기열**(queue)이 있습니다. 구매 서비스는 "누군가 이 물건을 샀으니 대기열에
#   넣어 두겠다"고 합니다. 배송 서비스는 대기열에 "최근 구매 내역이 있나요?"라고 묻고, 받은 구매
#   내역으로 필요한 일을 합니다. 두 서비스는 서로 직접 이야기하지 않습니다. 둘을 잇는 것은 대기열뿐입니다.
#
# ```
# 동기:    구매 ──── "이거 배송해 줘!" ────> 배송
# 비동기:  구매 ──> [ 대기열 ] <── "나한테 온 거 있어?" ── 배송
# ```

# %% [markdown]
# ## Synchronous: a direct call
#
# Here are both services as plain Python. Shipping can be up or down; the purchase service calls
# it directly:

# %% [markdown] ko en=1f25df9e
# ## 동기식: 직접 호출
#
# 두 서비스를 평범한 Python 코드로 쓰면 다음과 같습니다. 배송 서비스는 켜져 있을 수도, 꺼져 있을 수도
# 있습니다. 구매 서비스는 배송 서비스를 직접 호출합니다:

# %%
class ShippingService:
    def __init__(self):
        self.up = True
        self.shipped = []

    def ship(self, order):
        if not self.up:
            raise ConnectionError("shipping service is not answering")
        self.shipped.append(order)


def purchase_sync(order, shipping):
    # ... take the payment ...
    shipping.ship(order)                 # call shipping directly and wait for the answer
    return f"{order}: purchase complete"


# %% [markdown]
# While shipping is up, all is well. When it goes down (a deploy, a crash, too busy), the
# purchase fails too, although nothing is wrong with the purchase service itself.

# %% [markdown] ko en=b6f2fa47
# 배송 서비스가 켜져 있는 동안은 아무 문제가 없습니다. 배송 서비스가 멈추면(배포 중이거나, 장애가
# 났거나, 너무 바쁘면) 구매도 실패합니다. 구매 서비스 자체에는 아무 문제가 없는데도 말입니다.

# %%
# NBVAL_CHECK_OUTPUT
shipping = ShippingService()
print(purchase_sync("order 1", shipping))

shipping.up = False
try:
    print(purchase_sync("order 2", shipping))
except ConnectionError as e:
    print(f"order 2: purchase FAILED ({e})")

# %% [markdown]
# ## Asynchronous: a queue in between
#
# Now the purchase service only puts a message in a queue. We use the course's toy SQS,
# `toyqueue.QueueService`, on a **virtual clock** (`VirtualClock`: time moves only when we say
# so, so every run prints the same thing). Lesson 02 explains its calls in detail, and
# `counts(...)` from `toyqueue.counts` asks a queue how many messages it holds.

# %% [markdown] ko en=a482614e
# ## 비동기식: 사이에 대기열 두기
#
# 이제 구매 서비스는 대기열에 메시지를 넣기만 합니다. 이 과정의 토이 SQS인 `toyqueue.QueueService`를
# **가상 시계**(virtual clock, `VirtualClock`) 위에서 씁니다. 가상 시계는 우리가 움직일 때만 시간이
# 흐르므로, 실행할 때마다 같은 결과가 나옵니다. 호출 하나하나는 레슨 02에서 자세히 설명합니다.
# `toyqueue.counts`의 `counts(...)`는 대기열에 메시지가 몇 개 있는지 묻습니다.

# %%
from toyqueue import QueueService, VirtualClock
from toyqueue.counts import counts

svc = QueueService(clock=VirtualClock())
queue_url = svc.create_queue(QueueName="purchases")["QueueUrl"]


def purchase_async(order):
    # ... take the payment ...
    svc.send_message(QueueUrl=queue_url, MessageBody=order)   # leave a note in the queue
    return f"{order}: purchase complete"


def shipping_worker(shipping):
    """Shipping's own loop: ask the queue for purchases, ship them, delete them."""
    while messages := svc.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages"):
        for m in messages:
            shipping.ship(m["Body"])
            svc.delete_message(QueueUrl=queue_url, ReceiptHandle=m["ReceiptHandle"])


# %% [markdown]
# Shipping is down again. **Predict:** do the three purchases below succeed, and how many
# messages wait in the queue afterwards? Then run the cell.

# %% [markdown] ko en=ad7b7f88
# 배송 서비스가 다시 멈췄습니다. **예측해 보세요:** 아래 구매 세 건은 성공할까요? 그 뒤 대기열에는
# 메시지가 몇 개 남아 있을까요? 예측한 다음 셀을 실행하세요.

# %%
# NBVAL_CHECK_OUTPUT
shipping = ShippingService()
shipping.up = False
for n in range(1, 4):
    print(purchase_async(f"order {n}"))
print("in the queue:", counts(svc, queue_url))

# %% [markdown]
# When shipping comes back, it works through the queue at its own pace. Nothing was lost:

# %% [markdown] ko en=412f0d50
# 배송 서비스가 돌아오면 자기 속도대로 대기열의 메시지를 처리합니다. 잃어버린 것은 없습니다:

# %%
# NBVAL_CHECK_OUTPUT
shipping.up = True
shipping_worker(shipping)
print("shipped:", sorted(shipping.shipped))
print("in the queue:", counts(svc, queue_url))

# %% [markdown]
# ## When traffic spikes
#
# Direct coupling becomes a real problem when one side suddenly sends far more than the other can
# handle. The lecture's example: a video encoding service usually gets **10** videos to encode,
# and one day it gets **1,000**. Called directly, it is overwhelmed and can stop working.
#
# `toyqueue.sim.sync_async.simulate` replays that second by second, for 120 seconds. Requests
# (purchases, or videos) arrive at 10 per second, except from second 10 to second 14, when 1,000
# arrive each second: 115 × 10 + 5 × 1,000 = 6,150 in all. The receiving service handles 100 per
# second.
#
# - **Sync:** each caller waits; after 3 s it gives up (the request fails), and once 200 callers
#   are already waiting, new ones are refused at once.
# - **Async:** each request is a message in a queue. Here every message really goes through the
#   toy SQS (`queue="toy"`).
#
# **Predict:** of the 6,150 requests, about how many fail in each design: none, a few hundred,
# or thousands?

# %% [markdown] ko en=f28027da
# ## 트래픽이 급증할 때
#
# 한쪽이 갑자기 상대가 감당할 수 있는 것보다 훨씬 많이 보내면, 직접 연결은 진짜 문제가 됩니다.
# 강의의 예를 봅시다. 비디오 인코딩 서비스는 평소에 인코딩할 비디오를 **10**개 받는데, 어느 날
# **1,000**개를 받습니다. 직접 호출을 받는 서비스는 압도되어 멈출 수 있습니다.
#
# `toyqueue.sim.sync_async.simulate`는 이 상황을 120초 동안 1초 단위로 재현합니다. 요청(구매나
# 비디오)은 초당 10건씩 도착하다가, 10초부터 14초까지는 초당 1,000건씩 도착합니다. 모두
# 115 × 10 + 5 × 1,000 = 6,150건입니다. 요청을 받는 서비스는 초당 100건을 처리합니다.
#
# - **동기식:** 호출자는 저마다 응답을 기다립니다. 3초가 지나면 포기하고(요청 실패), 이미 200명이
#   기다리고 있으면 새 호출자는 곧바로 거절됩니다.
# - **비동기식:** 요청 하나하나가 대기열의 메시지가 됩니다. 여기서는 모든 메시지가 실제로 토이 SQS를
#   거칩니다(`queue="toy"`).
#
# **예측해 보세요:** 6,150건 중 설계마다 대략 몇 건이 실패할까요? 0건, 수백 건, 아니면 수천 건일까요?

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.sim.sync_async import simulate

result = simulate(base=10, spike=1000, spike_start=10, spike_length=5, ticks=120,
                  capacity=100, timeout=3, max_waiting=200, queue="toy")
print(result.summary())

# %% [markdown]
# Same arrivals, same capacity. The direct call lost 4,400 of the 6,150 requests; the queue lost
# none. The price of the queue is waiting: a request that came at the end of the spike waited up
# to 46 seconds for its turn. For "ship this parcel" or "encode this video" that is fine; nobody
# needs it within the same millisecond.
#
# The picture, second by second:

# %% [markdown] ko en=65ffcd18
# 도착한 요청도 처리 용량도 같습니다. 직접 호출은 6,150건 중 4,400건을 잃었고, 대기열은 한 건도 잃지
# 않았습니다. 대기열의 대가는 기다림입니다. 급증이 끝날 무렵 들어온 요청은 차례가 올 때까지 최대
# 46초를 기다렸습니다. "이 소포를 배송하라"나 "이 비디오를 인코딩하라" 같은 일이라면 괜찮습니다. 같은
# 밀리초 안에 끝나야 하는 일이 아니니까요.
#
# 1초 단위로 그려 보면 이렇습니다:

# %%
from toyqueue.widgets import plot_sync_async

plot_sync_async(result)

# %% [markdown]
# ## Try it yourself
#
# Move the sliders: the size of the spike, the service's capacity, how long a caller waits
# before it gives up. Which settings make the sync design survive? What does it cost the async
# design in waiting time?

# %% [markdown] ko en=0132b898
# ## 직접 해 보기
#
# 슬라이더를 움직여 보세요: 급증의 크기, 서비스의 처리 용량, 호출자가 포기하기 전까지 기다리는
# 시간입니다. 어떤 설정이면 동기식 설계가 버틸까요? 비동기식 설계는 그 대가로 얼마나 기다려야
# 할까요?

# %%
from toyqueue.widgets import SyncAsyncView

SyncAsyncView(spike=1000, capacity=100, timeout=3, max_waiting=200)

# %% [markdown]
# ## Three ways to decouple on AWS
#
# When traffic can spike or cannot be predicted, the usual advice is to **decouple** the
# applications and let the decoupling layer scale. AWS has three services for it, and all three
# scale very well:
#
# | pattern | service | a message goes to... |
# |---|---|---|
# | queue | **SQS** (this course) | **one** consumer, which deletes it when done |
# | publish/subscribe | **SNS** (Simple Notification Service) | **every** subscriber (a copy each) |
# | real-time streaming, large volumes | **Kinesis** (Kinesis Data Streams) | a log kept in order; every reader reads it at its own position and can replay it |
#
# The difference in a few lines of Python (plain lists, not the AWS services):

# %% [markdown] ko en=a36c3d9e
# ## AWS에서 분리하는 세 가지 방법
#
# 트래픽이 급증할 수 있거나 예측할 수 없을 때는 보통 애플리케이션을 **분리**(decouple, 디커플링)하고
# 분리 계층을 확장하라고 권합니다. AWS에는 이를 위한 서비스가 세 가지 있고, 셋 모두 아주 잘
# 확장됩니다:
#
# | 패턴 | 서비스 | 메시지가 가는 곳 |
# |---|---|---|
# | 대기열 | **SQS** (이 과정) | 소비자 **하나**. 처리를 마치면 그 소비자가 메시지를 삭제합니다 |
# | 게시/구독(pub/sub) | **SNS** (Simple Notification Service) | **모든** 구독자 (각자 사본 하나씩) |
# | 실시간 스트리밍, 대용량 데이터 | **Kinesis** (Kinesis Data Streams) | 순서대로 보관되는 로그. 읽는 쪽마다 자기 위치에서 읽고, 처음부터 다시 읽을 수도 있습니다 |
#
# Python 몇 줄로 차이를 보면 이렇습니다(AWS 서비스가 아니라 평범한 리스트입니다):

# %%
# NBVAL_CHECK_OUTPUT
events = ["order 1", "order 2", "order 3", "order 4"]
readers = ["shipping", "billing"]

queue_model = {r: [] for r in readers}               # SQS: each message to ONE consumer
for i, e in enumerate(events):
    queue_model[readers[i % len(readers)]].append(e)

pubsub_model = {r: list(events) for r in readers}     # SNS: a copy to EVERY subscriber

log = list(events)                                    # Kinesis: one ordered log, kept
positions = {"shipping": 4, "billing": 2}             # each reader remembers how far it got
stream_model = {r: log[:p] for r, p in positions.items()}

for name, model in [("queue (SQS)", queue_model), ("pub/sub (SNS)", pubsub_model),
                    ("stream (Kinesis)", stream_model)]:
    print(f"{name:17}", "   ".join(f"{r}: {got}" for r, got in model.items()))

# %% [markdown]
# The queue split the four orders between the two consumers: each order was handled once. Pub/sub
# gave both subscribers every order. The stream kept all four in order; billing has read two so
# far and will read the rest when it is ready, and either reader could go back and read them all
# again.

# %% [markdown] ko en=97d5ebea
# 대기열은 주문 네 건을 두 소비자에게 나누어 주었습니다. 주문마다 한 번씩 처리된 것입니다. 게시/구독은
# 두 구독자 모두에게 모든 주문을 주었습니다. 스트림은 네 건을 순서대로 보관했습니다. billing(청구)은
# 지금까지 두 건을 읽었고, 준비가 되면 나머지를 읽습니다. 어느 쪽이든 처음으로 돌아가 전부 다시 읽을
# 수도 있습니다.

# %% [markdown]
# ## Recap
#
# - Applications must share data. **Sync (동기):** one calls the other directly and depends on it
#   being up and fast enough. **Async (비동기):** a queue (대기열) sits in between; neither side
#   talks to the other.
# - Under a spike (10 -> 1,000 per second), a directly coupled service is overwhelmed and
#   requests fail; with a queue, nothing fails, the backlog just waits to be processed. The
#   price is waiting time.
# - AWS's decouplers: **SQS** (queue), **SNS** (pub/sub), **Kinesis** (streaming).

# %% [markdown] ko en=26e603d3
# ## 정리
#
# - 애플리케이션은 데이터를 공유해야 합니다. **동기식**(강의: 동기): 한쪽이 다른 쪽을 직접 호출하므로,
#   상대가 켜져 있고 충분히 빨라야 합니다. **비동기식**(강의: 비동기): 사이에 대기열이 있고, 어느 쪽도
#   상대와 직접 이야기하지 않습니다.
# - 급증(초당 10건 -> 1,000건)이 오면 직접 연결된 서비스는 압도되어 요청이 실패합니다. 대기열이 있으면
#   실패하는 요청이 없고, 밀린 요청은 처리될 때까지 기다릴 뿐입니다. 대가는 기다리는 시간입니다.
# - AWS의 분리 서비스: **SQS**(대기열), **SNS**(게시/구독), **Kinesis**(스트리밍).

# %%
from toyqueue.widgets import quiz

quiz("01")

# %% [markdown]
# The exercises start after lesson 02, with the queue itself.
#
# Next: [02 What is a queue? →](02_what_is_a_queue.ipynb)

# %% [markdown] ko en=b10603d0
# 실습은 레슨 02 다음에, 대기열 자체를 만드는 것부터 시작합니다.
#
# 다음: [02 대기열이란? →](02_what_is_a_queue.ipynb)
