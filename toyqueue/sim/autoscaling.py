"""Lesson 07: a group of consumers grows and shrinks with the queue's depth.

    from toyqueue.sim.autoscaling import simulate, compare
    run = simulate(policy="step")             # the lecture: an alarm on queue length adds instances
    run = simulate(policy="target")           # AWS: backlog per instance, target tracking
    runs = compare(spike_rate=300)            # {"step": Run, "target": Run}, same traffic
    run.t, run.visible, run.in_service, run.alarm     # one entry per tick (10 s)
    print(run.summary())

Traffic is `base_rate` messages/s with a spike of `spike_rate`/s from `spike_start` for
`spike_duration` seconds. Each instance in service consumes one message every
`processing_time` seconds. Every `period` (60 s: SQS sends CloudWatch its metrics once a
minute) the policy looks at ApproximateNumberOfMessagesVisible:

- "step" (the lecture's simple form): an alarm fires when the depth stays above
  `alarm_threshold` for `evaluation_periods` datapoints; it adds `step_add` instances, then
  waits `cooldown` seconds before acting again. A low alarm (depth below `low_threshold` for
  `low_periods`) removes `step_remove` instances.
- "target" (what AWS recommends): backlog per instance = visible / instances in service,
  kept near target = `acceptable_latency` / `processing_time` (10 s / 0.1 s = 100). Like the
  alarms a target-tracking policy creates, it scales out after 3 datapoints above the target
  (to ceil(visible / target) instances) and in after 15 below 90 % of it.

New instances take `startup` seconds to come into service. The backlog is a counting model
by default because every slider move reruns the whole hour (hundreds of thousands of
messages) in milliseconds; `queue="toy"` pushes every message through a real toy
QueueService instead, and tests/sim/ checks both give the same depths.
"""

import math
from dataclasses import dataclass, field

from toyqueue.i18n import tr
from toyqueue.sim.asg import Alarm, Group, TargetTracking
from toyqueue.sim.backlog import make_backlog

POLICIES = ("step", "target")

DEFAULTS = dict(
    duration=3600, dt=10, base_rate=20, spike_rate=100, spike_start=600, spike_duration=600,
    processing_time=0.1, min_size=2, max_size=20, startup=120, cooldown=300, period=60,
    alarm_threshold=1000, evaluation_periods=2, step_add=4, low_threshold=100, low_periods=5,
    step_remove=2, acceptable_latency=10.0, queue="model",
)


@dataclass
class Run:
    """One policy's run; every list has one entry per tick, `t` in seconds from the start."""

    policy: str
    params: dict
    t: list = field(default_factory=list)
    incoming: list = field(default_factory=list)      # messages/s arriving
    served: list = field(default_factory=list)        # messages/s consumed
    visible: list = field(default_factory=list)       # ApproximateNumberOfMessagesVisible
    in_service: list = field(default_factory=list)    # instances taking work
    pending: list = field(default_factory=list)       # launched, still starting up
    backlog_per_instance: list = field(default_factory=list)
    alarm: list = field(default_factory=list)         # True while the scale-out alarm is in ALARM
    oldest_age: list = field(default_factory=list)    # ApproximateAgeOfOldestMessage (s)
    actions: list = field(default_factory=list)       # (t, change in desired instances, reason)

    @property
    def target(self):
        return self.params["acceptable_latency"] / self.params["processing_time"]

    @property
    def peak_instances(self):
        return max(self.in_service)

    @property
    def max_wait(self):
        return max(self.oldest_age)

    @property
    def instance_minutes(self):
        return sum(self.in_service) * self.params["dt"] / 60

    @property
    def drained_at(self):
        """When the spike's backlog was gone (visible back to 0 after the spike), or None."""
        end = self.params["spike_start"] + self.params["spike_duration"]
        for t, v in zip(self.t, self.visible):
            if t >= end and v == 0:
                return t
        return None

    @property
    def back_to_min_at(self):
        """When the group had shrunk back to its minimum after the peak, or None."""
        peak = self.in_service.index(self.peak_instances)
        for t, n, p in zip(self.t[peak:], self.in_service[peak:], self.pending[peak:]):
            if n + p == self.params["min_size"]:
                return t
        return None

    def summary(self):
        """One line in the course language; "-" where the backlog or the group never got there."""
        def at(t):
            return "-" if t is None else tr("{minutes:.0f} min", minutes=t / 60)

        return tr("{policy:>6}: peak {peak} instances, longest wait {wait:.1f} min, backlog gone at "
                  "{drained}, back to {min_size} at {back}, {cost:,.0f} instance-minutes",
                  policy=self.policy, peak=self.peak_instances, wait=self.max_wait / 60,
                  drained=at(self.drained_at), min_size=self.params["min_size"],
                  back=at(self.back_to_min_at), cost=self.instance_minutes)


def incoming_rate(t, p):
    spike = p["spike_start"] <= t < p["spike_start"] + p["spike_duration"]
    return p["spike_rate"] if spike else p["base_rate"]


def simulate(policy="step", **params):
    """Run one policy on the traffic described by `params` (see DEFAULTS)."""
    if policy not in POLICIES:
        raise ValueError(f"policy must be one of {POLICIES}, not {policy!r}")
    unknown = set(params) - set(DEFAULTS)
    if unknown:
        raise TypeError(f"unknown parameters: {sorted(unknown)}")
    p = {**DEFAULTS, **params}
    dt, period = p["dt"], p["period"]
    if dt <= 0 or period % dt or p["processing_time"] <= 0:
        raise ValueError("dt must be positive and divide period; processing_time must be > 0")

    run = Run(policy=policy, params=p)
    group = Group(p["min_size"], p["max_size"], p["startup"])
    backlog = make_backlog(p["queue"])
    target = p["acceptable_latency"] / p["processing_time"]
    high = Alarm(p["alarm_threshold"], p["evaluation_periods"])
    low = Alarm(p["low_threshold"], p["low_periods"], above=False)
    tracking = TargetTracking(target, cooldown=p["cooldown"])
    last_action = -math.inf

    for i in range(int(p["duration"] // dt)):
        t = i * dt
        rate = incoming_rate(t, p)
        backlog.put(round(rate * dt), t)
        serving = group.in_service(t)
        done = backlog.take(round(serving * dt / p["processing_time"]), t)
        visible = backlog.visible()
        end = t + dt
        oldest = backlog.oldest()

        run.t.append(t)
        run.incoming.append(rate)
        run.served.append(sum(c for _, c in done) / dt)
        run.visible.append(visible)
        run.in_service.append(serving)
        run.pending.append(group.pending(t))
        run.backlog_per_instance.append(visible / max(serving, 1))
        run.oldest_age.append(0 if oldest is None else end - oldest)

        if end % period == 0:  # a CloudWatch datapoint, and the policy's turn
            change, reason = 0, ""
            if policy == "step":
                out, inn = high.observe(visible), low.observe(visible)
                calm = end - last_action >= p["cooldown"]
                if out and calm:
                    change = group.set_desired(group.desired + p["step_add"], end)
                    reason = tr("depth {depth:,} > {threshold:,}", depth=visible, threshold=p["alarm_threshold"])
                elif inn and calm:
                    change = group.set_desired(group.desired - p["step_remove"], end)
                    reason = tr("depth {depth:,} < {threshold:,}", depth=visible, threshold=p["low_threshold"])
            else:
                change, reason = tracking.evaluate(visible, group, end)
                reason = tr("backlog {reason}", reason=reason)
            if change:
                last_action = end
                run.actions.append((end, change, reason))
        run.alarm.append(high.in_alarm if policy == "step" else tracking.in_alarm)
    return run


def compare(**params):
    """Both policies on the same traffic: {"step": Run, "target": Run}."""
    return {policy: simulate(policy, **params) for policy in POLICIES}
