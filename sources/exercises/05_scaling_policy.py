# Exercise 05 source: tools/nbbuild.py makes exercises/ and solutions/05_scaling_policy.ipynb.

# %% [markdown]
# # Exercise 05 · A scaling policy
#
# **Goal:** decide how many consumer instances a queue needs, the way AWS recommends: by the
# **backlog per instance**.
#
# Lesson: [07 · Scaling consumers](../notebooks/07_scaling_consumers.ipynb).
#
# **Why.** The lecture scales consumers horizontally with an EC2 Auto Scaling group and a
# CloudWatch alarm on the queue length (`ApproximateNumberOfMessages`). Queue length alone does
# not say whether the group keeps up: 1,000 messages are nothing for 50 instances and an hour of
# work for one. AWS's guide therefore tracks the **backlog per instance**:
#
# - backlog per instance = `ApproximateNumberOfMessagesVisible` / instances in service;
# - the **target** is the backlog an instance can have and still meet your latency:
#   acceptable latency / seconds to process one message. AWS's example: 10 s / 0.1 s = **100**;
# - a target-tracking policy keeps the metric at the target: it asks for
#   `ceil(in_service * backlog_per_instance / target)` instances, which is
#   `ceil(visible / target)`, within the group's `min_size` and `max_size`.

# %% [markdown] ko en=794c72ac
# # 실습 05 · 조정 정책
#
# **목표:** 대기열 하나에 소비자 인스턴스가 몇 대 필요한지 정하는 조정 정책(scaling policy)을
# AWS가 권하는 방법으로 만듭니다. 기준은 **인스턴스당 백로그**(backlog per instance)입니다.
#
# 레슨: [07 · 소비자 확장](../notebooks/07_scaling_consumers.ipynb)
#
# **왜 필요할까요?** 강의에서는 소비자를 수평 확장(horizontal scaling)할 때 EC2 Auto Scaling
# 그룹(Auto Scaling group, 강의: 오토 스케일링 그룹)과, 대기열 길이(`ApproximateNumberOfMessages`)에
# 건 CloudWatch 경보(CloudWatch alarm, 강의: CloudWatch 알람)를 씁니다. 그런데 대기열 길이만으로는
# 그룹이 일을 따라잡고 있는지 알 수 없습니다. 메시지 1,000개는 인스턴스 50대에게는 아무것도
# 아니지만, 1대에게는 한 시간 분량의 일입니다. 그래서 AWS의 안내는 **인스턴스당 백로그**를
# 추적합니다.
#
# - 인스턴스당 백로그 = `ApproximateNumberOfMessagesVisible` / 서비스 중인 인스턴스 수
# - **목표값**(target)은 인스턴스 하나가 떠안고도 원하는 지연 시간(latency)을 지킬 수 있는
#   백로그입니다. 허용할 수 있는 지연 시간을 메시지 하나의 처리 시간(초)으로 나눈 값입니다. AWS의
#   예: 10초 / 0.1초 = **100**
# - 대상 추적 조정 정책(target tracking scaling policy)은 지표를 목표값에 맞춰 유지합니다. 정책이
#   요청하는 인스턴스 수는 `ceil(in_service * backlog_per_instance / target)`이고, 이것은
#   `ceil(visible / target)`과 같습니다. 이 값은 그룹의 `min_size`와 `max_size` 사이로 제한됩니다.

# %% [markdown]
# ## What you write
#
# ```python
# backlog_target(acceptable_latency, seconds_per_message)   # -> messages per instance (a number)
# desired_instances(visible_messages, in_service, target_backlog_per_instance, min_size=1, max_size=10)
#                                                           # -> an int
# ```
#
# - Round **up**: 15.01 instances' worth of work needs 16 instances.
# - Keep the answer within `min_size..max_size`.
# - With no instance in service (`in_service == 0`), there is no "backlog per instance": use the
#   backlog alone.
# - Mind floating point: `7 * (450 / 7) / 30` is `15.000000000000002`, and `ceil` makes that 16.
#   Simplify the formula before you compute it.
# - The target is often not a whole number (10 s / 0.8 s = 12.5 messages per instance), and
#   `backlog_target` must not round it; `desired_instances` still returns an `int`.
#
# The checks try a table of cases, 300 random ones (seeded, so every run is the same), and a
# simulated spike: 5,000 orders a minute for five minutes, each instance handling one order every
# 0.5 s, new instances starting a minute after they are asked for.

# %% [markdown] ko en=e4fe953b
# ## 작성할 함수
#
# ```python
# backlog_target(acceptable_latency, seconds_per_message)   # -> 인스턴스당 메시지 수(숫자)
# desired_instances(visible_messages, in_service, target_backlog_per_instance, min_size=1, max_size=10)
#                                                           # -> int
# ```
#
# - **올림**하세요. 인스턴스 15.01대 분량의 일에는 인스턴스 16대가 필요합니다.
# - 답은 `min_size..max_size` 범위 안에 두세요.
# - 서비스 중인 인스턴스가 없으면(`in_service == 0`) "인스턴스당 백로그"도 없습니다. 이때는 백로그
#   전체를 쓰세요.
# - 부동소수점에 주의하세요. `7 * (450 / 7) / 30`은 `15.000000000000002`이고, `ceil`은 이것을
#   16으로 만듭니다. 계산하기 전에 식을 간단히 정리하세요.
# - 목표값은 정수가 아닐 때가 많습니다(10초 / 0.8초 = 인스턴스당 메시지 12.5개). `backlog_target`은
#   이 값을 정수로 만들면 안 됩니다. 그래도 `desired_instances`는 `int`를 돌려줍니다.
#
# 확인 셀은 표로 정리한 사례들과 무작위 사례 300개(시드를 정해 두어 실행할 때마다 같습니다), 그리고
# 시뮬레이션한 급증(spike)을 시험합니다. 급증은 5분 동안 1분에 주문 5,000건씩 들어오는 상황입니다.
# 인스턴스 하나는 0.5초에 주문 하나를 처리하고, 새 인스턴스는 요청한 지 1분 뒤에 일을 시작합니다.

# %%
import math


def backlog_target(acceptable_latency, seconds_per_message):
    # BEGIN SOLUTION TODO: how many waiting messages one instance can work off within the acceptable latency.
    # AWS's formula: acceptable latency / time per message (10 s / 0.1 s = 100). A float on purpose:
    # rounding 12.5 to 12 or 13 would scale for a different latency than the one asked for.
    return acceptable_latency / seconds_per_message
    # END SOLUTION


def desired_instances(visible_messages, in_service, target_backlog_per_instance, min_size=1, max_size=10):
    # BEGIN SOLUTION TODO: backlog per instance (or the whole backlog if in_service is 0), then ceil(in_service * backlog_per_instance / target), kept within min_size..max_size.
    # in_service * (visible_messages / in_service) is just visible_messages, which also covers
    # in_service == 0 and avoids a floating-point detour.
    # Rounded up: one message over the target is one more instance, or the backlog per instance
    # stays above the target and latency is missed.
    need = math.ceil(visible_messages / target_backlog_per_instance)
    # Within the group's bounds: target tracking never goes below the minimum or above the maximum.
    return max(min_size, min(max_size, need))
    # END SOLUTION

# %% [markdown]
# ## Check: cases, invariants and a spike

# %% [markdown] ko en=1eff5c14
# ## 확인: 사례, 불변 조건, 급증

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import scaling_policy

scaling_policy.check_scaling_policy(backlog_target, desired_instances)

# %% [markdown]
# **Think about it.** The simulation's new instances need a minute to start. What happens to the
# backlog during that minute, and how would a larger `max_size` or a faster consumer change the
# peak? Lesson 07's widget lets you try a step policy against this one.
#
# **Done?** Exercise 06 comes with lesson [09 · Security](../notebooks/09_security.ipynb).

# %% [markdown] ko en=36b87717
# **생각해 보세요.** 시뮬레이션에서 새 인스턴스는 시작하는 데 1분이 걸립니다. 그 1분 동안 백로그는
# 어떻게 될까요? `max_size`가 더 크거나 소비자가 더 빠르면 백로그의 최고치는 어떻게 달라질까요?
# 레슨 07의 위젯에서 단계 조정 정책(step scaling policy)을 이 정책과 비교해 볼 수 있습니다.
#
# **다 했나요?** 실습 06은 레슨 [09 · 보안](../notebooks/09_security.ipynb)을 마친 뒤에 하세요.
