# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
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

# %% [markdown]
# ## More consumers, more throughput
#
# The queue does not limit how many consumers poll it, and each receive hands out different
# messages. So throughput grows with the number of consumers. Let us check it on the toy queue: 120
# orders, each takes a consumer 2 seconds (virtual seconds: nothing sleeps). **Predict:** one
# consumer needs 240 s; how long do 8 need?

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

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.sim.autoscaling import simulate, compare

step = simulate(policy="step")
for t, change, reason in step.actions:
    print(f"minute {t / 60:>4.0f}: {change:+d} instances  ({reason})")
print(step.summary())

# %%
import matplotlib.pyplot as plt

def plot(runs, title):
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 5.5), sharex=True)
    minutes = [t / 60 for t in runs[0].t]
    for run in runs:
        top.plot(minutes, run.visible, label=f"{run.policy}: queue length")
        bottom.step(minutes, run.in_service, where="post", label=f"{run.policy}: instances in service")
    top.axhline(runs[0].params["alarm_threshold"], color="grey", ls=":", label="step alarm threshold")
    top.set_ylabel("ApproximateNumberOfMessagesVisible")
    bottom.set_ylabel("instances")
    bottom.set_xlabel("minutes")
    top.set_title(title)
    top.legend(); bottom.legend()
    plt.tight_layout()
    plt.show()

plot([step], "Step scaling: the alarm adds 4 instances at a time")

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

# %%
# NBVAL_CHECK_OUTPUT
runs = compare()
for t, change, reason in runs["target"].actions:
    print(f"minute {t / 60:>4.0f}: {change:+d} instances  ({reason})")
for run in runs.values():
    print(run.summary())

# %%
plot([runs["step"], runs["target"]], "Step scaling vs target tracking, same spike")

# %% [markdown]
# Reading the comparison:
#
# - **Target tracking** jumps to the size it needs in one action, so the backlog is gone sooner
#   and orders wait less. It pays for that with a few more instance-minutes.
# - **Step scaling** is simpler and is what the lecture describes; its steps and thresholds have
#   to be tuned for the traffic you expect. A bigger spike shows the difference more clearly:

# %%
# NBVAL_CHECK_OUTPUT
for run in compare(spike_rate=300).values():
    print(run.summary())

# %% [markdown]
# With a spike three times as big (300 orders/s), step scaling keeps adding 4 instances every 5
# minutes and falls far behind: orders wait much longer, and at the end of the hour the group has
# not even shrunk back to 2 ("back to 2 at -" means: not within the hour). Target tracking sizes
# the group in one go, drains the backlog sooner *and* uses fewer instance-minutes.

# %% [markdown]
# ## Play with it
#
# Change the spike, the boot time or the policies' numbers and watch the group react.

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

# %%
from toyqueue.widgets import quiz

quiz("07")

# %% [markdown]
# **Exercise:** write a scaling policy yourself in
# [09 · Scaling policy](../exercises/09_scaling_policy.ipynb).
#
# Next: [08 Decoupling tiers →](08_decoupling_tiers.ipynb)
