# Lesson 07 source (percent format). Build: .venv/bin/python tools/nbbuild.py sources/lessons/07_scaling_consumers.py

# %% [markdown]
# [← 06 Visibility, duplicates and ordering](06_visibility_duplicates.ipynb) | [08 Decoupling tiers →](08_decoupling_tiers.ipynb)
#
# # 07 · Scaling consumers
#
# **Goal:** when more messages arrive than the consumers (소비자) can handle, add consumers:
# **horizontal scaling** (수평 확장). Do it automatically: a group of consumer instances grows when
# the queue is long and shrinks when it is short. The length comes from the queue attribute
# `ApproximateNumberOfMessages`, which CloudWatch records as the metric
# `ApproximateNumberOfMessagesVisible`. We compare the lecture's rule ("an alarm adds capacity")
# with the target-tracking rule AWS recommends today.

# %% [markdown] ko en=633b53f7
# [← 06 가시성, 중복, 순서](06_visibility_duplicates.ipynb) | [08 계층 분리 →](08_decoupling_tiers.ipynb)
#
# # 07 · 소비자 확장
#
# **목표:** 소비자(consumer)가 감당할 수 있는 것보다 많은 메시지가 들어오면 소비자를 늘립니다.
# 이것이 **수평 확장**(horizontal scaling)입니다. 이 일을 자동으로 하게 만듭니다. 소비자
# 인스턴스의 그룹이 대기열이 길면 늘어나고, 짧으면 줄어듭니다. 길이는 대기열 속성
# `ApproximateNumberOfMessages`에서 얻고, CloudWatch는 같은 값을 지표
# `ApproximateNumberOfMessagesVisible`로 기록합니다. 강의의 규칙("경보가 용량을 늘린다")과 오늘날
# AWS가 권하는 대상 추적(target tracking) 규칙을 비교합니다.

# %% [markdown]
# ## More consumers, more throughput
#
# The queue does not limit how many consumers poll it, and each receive hands out different
# messages. So throughput grows with the number of consumers. Let us check it on the toy queue: 120
# orders, each takes a consumer 2 seconds (virtual seconds: nothing sleeps). **Predict:** one
# consumer needs 240 s; how long do 8 need?

# %% [markdown] ko en=a2ca4bac
# ## 소비자가 많을수록 처리량도 많아집니다
#
# 대기열은 폴링하는 소비자의 수를 제한하지 않고, 수신할 때마다 서로 다른 메시지를 내줍니다. 그래서
# 처리량(throughput)은 소비자 수에 비례해 늘어납니다. 토이 대기열에서 확인해 봅시다. 주문이 120건
# 있고, 소비자가 주문 하나를 처리하는 데 2초가 걸립니다(가상 시계의 초입니다. 실제로 기다리지는
# 않습니다). **예측해 보세요:** 소비자 하나로는 240초가 걸립니다. 8개면 얼마나 걸릴까요?

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue import QueueService, VirtualClock

def drain_time(consumers, messages=120, seconds_each=2):
    """Seconds until `consumers` parallel consumers have processed and deleted every message."""
    clock = VirtualClock()
    svc = QueueService(clock=clock)
    url = svc.create_queue(QueueName="orders")["QueueUrl"]
    for start in range(0, messages, 10):
        svc.send_message_batch(QueueUrl=url, Entries=[
            {"Id": str(i), "MessageBody": f"order-{start + i}"} for i in range(10)])
    t0 = clock.now()
    while True:
        in_hand = [svc.receive_message(QueueUrl=url).get("Messages", []) for _ in range(consumers)]
        if not any(in_hand):
            return clock.now() - t0
        clock.advance(seconds_each)                  # everyone works on their message
        for got in in_hand:
            for m in got:
                svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])

for n in (1, 2, 4, 8):
    t = drain_time(n)
    print(f"{n} consumer(s): 120 orders in {t:>3.0f} s  ({120 / t:.1f} orders/s)")

# %% [markdown]
# Twice the consumers, half the time. This is why the lecture calls SQS with an **Auto Scaling
# group** (ASG, 오토 스케일링 그룹: a fleet of EC2 instances that AWS grows and shrinks between a
# minimum and a maximum size, by rules you give it) a perfect match: the consumers are EC2
# instances in the group, each polling the queue, and the group's size is the throughput knob.

# %% [markdown] ko en=fe9d885b
# 소비자가 두 배면 시간은 절반입니다. 그래서 강의는 SQS와 **Auto Scaling 그룹**(Auto Scaling
# group, 강의: 오토 스케일링 그룹, ASG)을 완벽한 조합이라고 말합니다. Auto Scaling 그룹은 여러분이
# 정한 규칙에 따라 AWS가 최소 크기와 최대 크기 사이에서 늘리고 줄이는 EC2 인스턴스 무리입니다.
# 소비자는 그룹 안의 EC2 인스턴스이고, 저마다 대기열을 폴링합니다. 그룹의 크기가 곧 처리량을
# 조절하는 손잡이입니다.

# %% [markdown]
# ## The metric: how long is the queue?
#
# The group needs a signal, and on AWS signals live in **CloudWatch**, AWS's monitoring service:
# it stores *metrics* (numbers over time) and raises *alarms* on them. The lecture:
# *"ApproximateNumberOfMessages라고 합니다 이는 모든 SQS 대기열에서 쓸 수 있는 CloudWatch
# 지표입니다"*, "it is called ApproximateNumberOfMessages, a CloudWatch metric available for
# every SQS queue". Almost: two names for one number.
#
# - `ApproximateNumberOfMessages` is a **queue attribute**: `GetQueueAttributes` returns it at any
#   time (our `counts(...)` reads it).
# - SQS sends each queue's numbers to CloudWatch once a minute (namespace `AWS/SQS`), and there
#   the same number is the metric **`ApproximateNumberOfMessagesVisible`**. A metric called
#   `ApproximateNumberOfMessages` does not exist in CloudWatch: look for the `...Visible` one
#   when you build the lecture's alarm.
#
# Its neighbours are `...NotVisible` (in flight) and `...Delayed`, under the same names in both
# places. As the names say, they are approximate on real SQS. **Predict:** send 25 messages,
# receive 5 and delete nothing; what are the three counts?

# %% [markdown] ko en=171c3f6f
# ## 지표: 대기열은 얼마나 긴가?
#
# 그룹에는 신호가 필요합니다. AWS에서 신호는 **CloudWatch**에 있습니다. CloudWatch는 AWS의
# 모니터링 서비스로, *지표*(metric, 시간에 따라 기록한 숫자)를 저장하고 지표에 *경보*(alarm)를
# 겁니다. 강의는 이렇게 말합니다: *"ApproximateNumberOfMessages라고 합니다 이는 모든 SQS
# 대기열에서 쓸 수 있는 CloudWatch 지표입니다"*. 거의 맞습니다. 같은 숫자에 이름이 두 개 있습니다.
#
# - `ApproximateNumberOfMessages`는 **대기열 속성**입니다. `GetQueueAttributes`가 언제든
#   돌려줍니다(우리가 쓰는 `counts(...)`가 이 값을 읽습니다).
# - SQS는 대기열마다 이런 숫자들을 1분에 한 번 CloudWatch로 보냅니다(네임스페이스 `AWS/SQS`).
#   거기서는 같은 숫자가 지표 **`ApproximateNumberOfMessagesVisible`입니다**. CloudWatch에는
#   `ApproximateNumberOfMessages`라는 지표가 없습니다. 강의의 경보를 만들 때는 `...Visible` 지표를
#   찾으세요.
#
# 이웃한 값으로는 `...NotVisible`(처리 중)과 `...Delayed`(지연됨)가 있고, 두 곳에서 이름이
# 같습니다. 이름에 Approximate(대략)가 붙은 대로, 실제 SQS에서는 근삿값입니다. **예측해 보세요:**
# 메시지 25개를 보내고, 5개를 받고, 아무것도 삭제하지 않습니다. 세 숫자는 어떻게 나올까요?

# %%
# NBVAL_CHECK_OUTPUT
import uuid
from toyqueue.clients import client
from toyqueue.counts import counts

ls = client("localstack")
RUN = uuid.uuid4().hex[:8]           # keeps queue names unique between runs (never printed)

def counts_after_25_sends_and_5_receives(sqs, name):
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    for start in (0, 10, 20):
        sqs.send_message_batch(QueueUrl=url, Entries=[
            {"Id": str(i), "MessageBody": f"order-{start + i}"} for i in range(min(10, 25 - start))])
    sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=5)
    seen = counts(sqs, url)
    sqs.delete_queue(QueueUrl=url)
    return seen

print("toy       ", counts_after_25_sends_and_5_receives(QueueService(), "depth"))
print("localstack", counts_after_25_sends_and_5_receives(ls, f"l07-depth-{RUN}"))

# %% [markdown]
# ## The lecture's rule: an alarm adds capacity
#
# A **CloudWatch alarm** watches the metric: "queue length above 1,000 for 2 **datapoints** in a
# row" (a datapoint is one value of the metric per period, here one a minute). When it goes into
# the ALARM state it triggers a **step scaling policy** of the group: "add 4 instances". A
# **cooldown** (300 s here: a pause after a scaling action during which the policy does not act
# again) gives the new instances a chance to help before more are added. A second, low alarm
# ("below 100 for 5 minutes") removes 2 instances.
#
# `toyqueue.sim.asg` has just enough CloudWatch alarm and Auto Scaling group to try it.
# **Predict:** which of these five queue lengths, one a minute, put the alarm in ALARM?

# %% [markdown] ko en=d0118303
# ## 강의의 규칙: 경보가 용량을 늘린다
#
# **CloudWatch 경보**(CloudWatch alarm, 강의: CloudWatch 알람)는 지표를 지켜봅니다. 예를 들면
# "대기열 길이가 **데이터 포인트**(datapoint) 2개 연속으로 1,000을 넘는다"입니다. 데이터 포인트는
# 한 기간에 대한 지표 값 하나이고, 여기서는 1분에 하나입니다. 경보가 ALARM 상태가 되면 그룹의
# **단계 조정 정책**(step scaling policy)을 실행합니다: "인스턴스 4대 추가". **휴지
# 기간**(cooldown, 여기서는 300초)은 조정한 뒤 정책이 다시 움직이지 않고 쉬는 시간입니다. 더
# 추가하기 전에 새 인스턴스가 일할 기회를 줍니다. 낮은 쪽을 보는 두 번째 경보("5분 동안 100
# 미만")는 인스턴스 2대를 뺍니다.
#
# `toyqueue.sim.asg`에는 이것을 해 볼 만큼의 CloudWatch 경보와 Auto Scaling 그룹이 들어 있습니다.
# **예측해 보세요:** 1분에 하나씩 나온 다섯 개의 대기열 길이 가운데, 경보를 ALARM 상태로 만드는
# 것은 어느 것일까요?

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.sim.asg import Alarm, Group

alarm = Alarm(threshold=1000, evaluation_periods=2)
for depth in [200, 1200, 1500, 2500, 900]:
    print(f"queue length {depth:>5} -> alarm in ALARM: {alarm.observe(depth)}")

group = Group(min_size=2, max_size=20, startup=120)   # a new instance needs 2 min to boot
group.set_desired(group.desired + 4, now=0)
print("desired", group.desired, "| in service at t=60 s:", group.in_service(60),
      "| at t=120 s:", group.in_service(120))

# %% [markdown]
# Note the delays that add up: a minute per datapoint, two datapoints, two minutes of boot. The
# queue keeps the orders safe while that happens; it only makes them wait longer.
#
# ## The metric lags
#
# One more delay hides in the number itself. A standard queue is spread over many servers, and
# AWS says of its counts (GetQueueAttributes) that they *"may not achieve consistency until at
# least 1 minute after the producers stop sending messages"*. The toy's realistic mode (lesson
# 06) reports the queue attribute `ApproximateNumberOfMessages` as the queue was a minute earlier.
#
# `toyqueue.sim.backlog` is the queue the simulations below use (`put` orders, `take` what the
# consumers process, read `visible()`); `make_backlog("toy", service=...)` puts it on a toy we
# choose. 1,000 orders arrive at once at 9:30 (minutes:seconds); at 12:30 the consumers have
# processed 500 of them. The alarm from above (threshold 500 here, 2 datapoints) gets one
# datapoint a minute. **Predict:** on the exact toy the alarm is in ALARM from minute 11. On the
# realistic toy?

# %% [markdown] ko en=5d28a007
# 지연이 차곡차곡 쌓인다는 점에 주목하세요. 데이터 포인트 하나에 1분, 데이터 포인트가 두 개,
# 그리고 부팅에 2분입니다. 그동안 대기열은 주문을 안전하게 보관합니다. 주문이 더 오래 기다릴
# 뿐입니다.
#
# ## 지표는 늦습니다
#
# 숫자 자체에도 지연이 하나 더 숨어 있습니다. 표준 대기열은 많은 서버에 나뉘어 있고, AWS는 그
# 숫자들(GetQueueAttributes)이 <em>"생산자가 메시지 전송을 멈추고 적어도 1분이 지나야 일관성에 도달할
# 수 있다"</em>고 말합니다. 토이의 실제에 가까운 모드(레슨 06)는 대기열 속성
# `ApproximateNumberOfMessages`로 1분 전의 대기열 상태를 알려 줍니다.
#
# `toyqueue.sim.backlog`은 아래 시뮬레이션들이 쓰는 대기열입니다(주문을 `put`으로 넣고, 소비자가
# 처리한 만큼 `take`로 꺼내고, `visible()`을 읽습니다). `make_backlog("toy", service=...)`는
# 우리가 고른 토이 위에 이 대기열을 만듭니다. 9:30(분:초)에 주문 1,000건이 한꺼번에 도착하고,
# 12:30까지 소비자들이 그중 500건을 처리합니다. 위의 경보(여기서는 임계값 500, 데이터 포인트
# 2개)는 1분에 데이터 포인트를 하나씩 받습니다. **예측해 보세요:** 정확한 토이에서는 경보가
# 11분부터 ALARM 상태입니다. 실제에 가까운 토이에서는 어떨까요?

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.sim.backlog import make_backlog

def minute_by_minute(realistic):
    """{minute: (really waiting, the datapoint the alarm gets, in ALARM?)} for the burst above."""
    backlog = make_backlog("toy", service=QueueService(clock=VirtualClock(), realistic=realistic, seed=7))
    alarm = Alarm(threshold=500, evaluation_periods=2)
    seen = {}

    def datapoint(minute):
        value = backlog.visible(t=minute * 60)
        truth = backlog.service.queue(backlog.url).counts()["visible"]    # looking inside
        seen[minute] = (truth, value, alarm.observe(value))

    datapoint(9)
    backlog.put(1000, t=570)                  # 9:30: a burst of orders
    for minute in (10, 11, 12):
        datapoint(minute)
    backlog.take(500, t=750)                  # 12:30: the consumers have processed 500
    for minute in (13, 14):
        datapoint(minute)
    return seen

exact, realistic = minute_by_minute(False), minute_by_minute(True)
print("minute  really waiting | exact toy: datapoint  ALARM | realistic toy: datapoint  ALARM")
for minute in exact:
    (waiting, value, alarmed), (_, late_value, late_alarmed) = exact[minute], realistic[minute]
    print(f"{minute:>6}  {waiting:>14,} | {value:>20,}  {'yes' if alarmed else 'no':>5} |"
          f" {late_value:>24,}  {'yes' if late_alarmed else 'no':>5}")

# %% [markdown]
# The realistic alarm is a minute late on the way up (minute 12, not 11), and a minute late on
# the way down: at minute 13 its datapoint still says 1,000 while 500 wait, so it is still in
# ALARM, and a step policy acting then would add instances for orders already processed. A rule
# that sizes the group from this number would size it for twice the orders that wait. Add this
# minute to every delay above. The simulations below use exact counts, so on AWS every reaction in them
# would come about a minute later.
#
# ## A spike, hour by hour
#
# `toyqueue.sim.autoscaling` runs an hour of traffic: 20 orders/s normally, 100 orders/s for 10
# minutes from minute 10. Each instance handles one order every 0.1 s (10/s); the group starts at
# 2 instances (20/s, just enough for normal traffic) and may grow to 20.

# %% [markdown] ko en=4592878a
# 실제에 가까운 경보는 올라갈 때 1분 늦고(11분이 아니라 12분), 내려갈 때도 1분 늦습니다. 13분에는
# 500건이 기다리는데도 데이터 포인트가 여전히 1,000이라서 경보가 계속 ALARM 상태입니다. 이때 단계
# 조정 정책이 움직인다면 이미 처리된 주문 때문에 인스턴스를 늘리게 됩니다. 이 숫자로 그룹의 크기를
# 정하는 규칙이라면 실제로 기다리는 주문의 두 배에 맞춰 크기를 정할 것입니다. 위의 모든 지연에 이
# 1분을 더하세요. 아래 시뮬레이션들은 정확한 숫자를 쓰므로, AWS에서라면 그 안의 반응이 모두 1분쯤
# 늦게 일어납니다.
#
# ## 한 시간 동안의 급증
#
# `toyqueue.sim.autoscaling`은 1시간 분량의 트래픽을 돌립니다. 평소에는 초당 주문 20건이고,
# 10분부터 10분 동안은 초당 100건으로 급증(spike)합니다. 인스턴스 하나는 0.1초에 주문 하나, 곧
# 초당 10건을 처리합니다. 그룹은 인스턴스 2대(초당 20건, 평소 트래픽에 딱 맞는 수)로 시작하고,
# 20대까지 늘 수 있습니다.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.i18n import tr      # the course language: these lines are Korean in the Korean edition
from toyqueue.sim.autoscaling import simulate, compare

def print_actions(run):
    for t, change, reason in run.actions:
        print(tr("minute {minute:>4.0f}: {change:+d} instances  ({reason})", minute=t / 60, change=change,
                 reason=reason))

step = simulate(policy="step")
print_actions(step)
print(step.summary())

# %%
from toyqueue.widgets import plot_autoscaling

plot_autoscaling([step], tr("Step scaling: the alarm adds 4 instances at a time"))

# %% [markdown]
# The queue length climbs while the group is still too small, the alarm adds instances in steps of
# 4 (waiting out the cooldown between steps), and once the backlog is gone the low alarm takes
# the group back down, 2 at a time.
#
# How to read the summary line: *longest wait* is the longest an order sat in the queue;
# *instance-minutes* is instances × minutes running, what the group costs.
#
# ## What AWS recommends: backlog per instance, target tracking
#
# The queue length alone does not say whether the group is big enough: 1,000 messages are a lot
# for 2 instances and nothing for 20. AWS's guidance is to scale on the **backlog per instance**:
#
# - backlog per instance = `ApproximateNumberOfMessagesVisible` / instances in service
# - target = acceptable latency / time to process one message, e.g. 10 s / 0.1 s = **100**
#
# A **target-tracking** policy then keeps the backlog per instance near 100, choosing the number
# of instances directly (here: queue length / 100) instead of adding a fixed step. (In AWS you
# publish the backlog per instance as a custom CloudWatch metric and give it to the policy.)
#
# The arithmetic, for the moment in our spike when the policy first acts (minute 13: 14,400
# orders waiting, 2 instances):

# %% [markdown] ko en=74f002a5
# 그룹이 아직 작은 동안 대기열 길이가 올라갑니다. 경보는 인스턴스를 4대씩 늘리고(단계 사이에는
# 휴지 기간을 기다립니다), 백로그가 사라지면 낮은 경보가 그룹을 2대씩 다시 줄입니다.
#
# 요약 줄을 읽는 법: *최장 대기*는 주문 하나가 대기열에서 가장 오래 기다린 시간입니다.
# *인스턴스-분*은 인스턴스 수 × 실행한 시간(분)으로, 그룹에 드는 비용입니다.
#
# ## AWS가 권하는 방법: 인스턴스당 백로그와 대상 추적
#
# 대기열 길이만으로는 그룹이 충분히 큰지 알 수 없습니다. 메시지 1,000개는 인스턴스 2대에게는
# 많지만 20대에게는 아무것도 아닙니다. AWS의 안내는 **인스턴스당 백로그**(backlog per instance)로
# 확장하라는 것입니다:
#
# - 인스턴스당 백로그 = `ApproximateNumberOfMessagesVisible` / 서비스 중인 인스턴스 수
# - 목표값 = 허용할 수 있는 지연 시간 / 메시지 하나의 처리 시간. 예: 10초 / 0.1초 = **100**
#
# 그러면 **대상 추적**(target tracking) 조정 정책이 인스턴스당 백로그를 100 가까이로 유지합니다.
# 정해진 수만큼 더하는 대신 인스턴스 수를 직접 고릅니다(여기서는 대기열 길이 / 100). (AWS에서는
# 인스턴스당 백로그를 사용자 지정 CloudWatch 지표로 게시하고, 그 지표를 정책에 줍니다.)
#
# 급증 중에 정책이 처음 움직이는 순간(13분: 주문 14,400건 대기, 인스턴스 2대)으로 계산해 봅니다:

# %%
# NBVAL_CHECK_OUTPUT
import math

acceptable_latency, processing_time = 10.0, 0.1
target = acceptable_latency / processing_time
visible, in_service = 14_400, 2
print("target backlog per instance:", target)
print("backlog per instance now   :", visible / in_service)
print("instances wanted           :", math.ceil(visible / target), "(the group's maximum of 20 caps it)")

# %% [markdown]
# Like the alarms AWS creates for a target-tracking policy, the simulated one scales out after 3
# datapoints above the target and scales in only after 15 datapoints below it, so it is a minute
# slower to start than the step alarm, and careful about shrinking. **Predict:** which policy
# gets the longest wait down, and which uses fewer instance-minutes?

# %% [markdown] ko en=e7b8c695
# AWS가 대상 추적 정책을 위해 만드는 경보처럼, 시뮬레이션의 정책도 목표값을 넘는 데이터 포인트가
# 3개 나와야 확장하고, 목표값 아래의 데이터 포인트가 15개 나와야 축소합니다. 그래서 단계 조정
# 경보보다 1분 늦게 움직이기 시작하고, 줄일 때는 신중합니다. **예측해 보세요:** 어느 정책이 최장
# 대기를 줄일까요? 어느 쪽이 인스턴스-분을 덜 쓸까요?

# %%
# NBVAL_CHECK_OUTPUT
runs = compare()
print_actions(runs["target"])
for run in runs.values():
    print(run.summary())

# %%
plot_autoscaling(runs.values(), tr("Step scaling vs target tracking, same spike"))

# %% [markdown]
# Reading the comparison:
#
# - **Target tracking** jumps to the size it needs in one action, so the backlog is gone sooner
#   and orders wait less. It pays for that with a few more instance-minutes.
# - **Step scaling** is simpler and is what the lecture describes; its steps and thresholds have
#   to be tuned for the traffic you expect. A bigger spike shows the difference more clearly:

# %% [markdown] ko en=bdf39069
# 비교 결과를 읽어 봅시다:
#
# - **대상 추적**은 필요한 크기로 한 번에 뛰어오릅니다. 그래서 백로그가 더 빨리 사라지고 주문은 덜
#   기다립니다. 그 대가로 인스턴스-분이 조금 더 듭니다.
# - **단계 조정**은 더 단순하고, 강의가 설명하는 방법입니다. 단계의 크기와 임계값은 예상하는
#   트래픽에 맞춰 조정해야 합니다. 급증이 더 크면 차이가 더 분명하게 보입니다:

# %%
# NBVAL_CHECK_OUTPUT
for run in compare(spike_rate=300).values():
    print(run.summary())

# %% [markdown]
# With a spike three times as big (300 orders/s), step scaling keeps adding 4 instances every 5
# minutes and falls far behind: orders wait much longer, and at the end of the hour the group has
# not even shrunk back to 2 ("back to 2 at -" means: not within the hour). Target tracking sizes
# the group in one go, drains the backlog sooner *and* uses fewer instance-minutes.

# %% [markdown] ko en=8d69c401
# 급증이 세 배(초당 주문 300건)가 되면 단계 조정은 5분마다 인스턴스를 4대씩 계속 늘리지만 한참
# 뒤처집니다. 주문은 훨씬 오래 기다리고, 1시간이 끝날 때까지 그룹은 2대로 돌아가지도
# 못합니다("2대로 복귀 -"는 1시간 안에 돌아가지 못했다는 뜻입니다). 대상 추적은 그룹의 크기를 한
# 번에 맞추므로, 백로그를 더 빨리 비우면서 인스턴스-분도 *덜* 씁니다.

# %% [markdown]
# ## Play with it
#
# Change the spike, the boot time or the policies' numbers and watch the group react.

# %% [markdown] ko en=51ae712c
# ## 직접 해 보기
#
# 급증의 크기, 부팅 시간, 정책의 숫자들을 바꿔 보고 그룹이 어떻게 반응하는지 보세요.

# %%
# NBVAL_IGNORE_OUTPUT
from toyqueue.widgets import AutoscalingView

AutoscalingView()

# %% [markdown]
# ## Recap
#
# - More consumers = more throughput: scale consumers **horizontally**.
# - Run them in an **EC2 Auto Scaling group**; scale on the queue length: the queue attribute
#   `ApproximateNumberOfMessages`, which CloudWatch records every minute as the metric
#   `ApproximateNumberOfMessagesVisible`.
# - The lecture's form: a **CloudWatch alarm** on that metric triggers a step policy that adds
#   capacity (and a low alarm removes it), with a cooldown between steps.
# - AWS's recommended form: **backlog per instance** with **target tracking**
#   (target = acceptable latency / processing time).
# - The numbers lag on real SQS (about a minute): on the realistic toy the alarm went into ALARM
#   a minute late and stayed in it a minute too long.
# - Either way the queue holds the spike while the group catches up.

# %% [markdown] ko en=af10046a
# ## 정리
#
# - 소비자가 많을수록 처리량이 많아집니다. 소비자는 **수평으로** 확장하세요.
# - 소비자는 **EC2 Auto Scaling 그룹**에서 돌리고, 대기열 길이에 따라 확장합니다. 대기열 길이는
#   대기열 속성 `ApproximateNumberOfMessages`이고, CloudWatch는 이 값을 1분마다 지표
#   `ApproximateNumberOfMessagesVisible`로 기록합니다.
# - 강의의 방식: 그 지표에 건 **CloudWatch 경보**가 용량을 늘리는 단계 조정 정책을 실행합니다(낮은
#   쪽 경보는 용량을 줄입니다). 단계 사이에는 휴지 기간을 둡니다.
# - AWS가 권하는 방식: **인스턴스당 백로그**와 **대상 추적**(목표값 = 허용할 수 있는 지연 시간 /
#   처리 시간).
# - 실제 SQS에서는 숫자가 늦습니다(1분쯤). 실제에 가까운 토이에서 경보는 1분 늦게 ALARM 상태가
#   되었고, 1분 더 오래 그 상태에 머물렀습니다.
# - 어느 방식이든 그룹이 따라잡는 동안 대기열이 급증을 받아 냅니다.

# %%
from toyqueue.widgets import quiz

quiz("07")

# %% [markdown]
# **Exercise:** write a scaling policy yourself in
# [05 · Scaling policy](../exercises/05_scaling_policy.ipynb).
#
# Next: [08 Decoupling tiers →](08_decoupling_tiers.ipynb)

# %% [markdown] ko en=4cdf4e9a
# **실습:** [05 · 조정 정책](../exercises/05_scaling_policy.ipynb)에서 조정 정책(scaling policy)을
# 직접 작성합니다.
#
# 다음: [08 계층 분리 →](08_decoupling_tiers.ipynb)
