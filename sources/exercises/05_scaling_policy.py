# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
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

# %%
import math


def backlog_target(acceptable_latency, seconds_per_message):
    # BEGIN SOLUTION TODO: how many waiting messages one instance can work off within the acceptable latency.
    return acceptable_latency / seconds_per_message
    # END SOLUTION


def desired_instances(visible_messages, in_service, target_backlog_per_instance, min_size=1, max_size=10):
    # BEGIN SOLUTION TODO: backlog per instance (or the whole backlog if in_service is 0), then ceil(in_service * backlog_per_instance / target), kept within min_size..max_size.
    # in_service * (visible_messages / in_service) is just visible_messages, which also covers
    # in_service == 0 and avoids a floating-point detour.
    need = math.ceil(visible_messages / target_backlog_per_instance)
    return max(min_size, min(max_size, need))
    # END SOLUTION

# %% [markdown]
# ## Check: cases, invariants and a spike

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
