"""Just enough of EC2 Auto Scaling and CloudWatch alarms for the scaling simulations.

    g = Group(min_size=1, max_size=20, startup=120)
    g.set_desired(5, now=0)          # 4 new instances launch; in service from now + 120 s
    g.in_service(now=60), g.pending(now=60)      # 1, 4
    alarm = Alarm(threshold=500, evaluation_periods=2)
    alarm.observe(730)               # one datapoint per period; True once the alarm is in ALARM

What is modelled, and why it is enough for the lessons: instances take `startup` seconds
before they take work (boot + health check), a scale-in removes pending instances first and
then the newest in-service ones, and an alarm fires after `evaluation_periods` breaching
datapoints in a row (CloudWatch's "M out of N" with M = N). Warm pools, lifecycle hooks and
instance-refresh are not.
"""

from toyqueue.i18n import tr


class Group:
    """An Auto Scaling group: a desired count and, per instance, when it comes into service."""

    def __init__(self, min_size=1, max_size=20, startup=120, initial=None):
        if not 0 <= min_size <= max_size:
            raise ValueError("need 0 <= min_size <= max_size")
        self.min_size, self.max_size, self.startup = min_size, max_size, startup
        n = min_size if initial is None else max(min_size, min(max_size, initial))
        self.ready_at = [float("-inf")] * n  # already in service when the run starts

    @property
    def desired(self):
        return len(self.ready_at)

    def in_service(self, now):
        return sum(1 for t in self.ready_at if t <= now)

    def pending(self, now):
        return self.desired - self.in_service(now)

    def set_desired(self, n, now):
        """Clamp to [min, max]; launch or terminate the difference. Returns the change made."""
        n = max(self.min_size, min(self.max_size, int(n)))
        change = n - self.desired
        if change > 0:
            self.ready_at.extend([now + self.startup] * change)
        elif change < 0:
            # Terminate the instances that would be ready last: pending ones first.
            self.ready_at.sort()
            del self.ready_at[n:]
        return change


class Alarm:
    """A CloudWatch alarm on one metric: ALARM after `evaluation_periods` breaching datapoints."""

    def __init__(self, threshold, evaluation_periods=1, above=True):
        self.threshold, self.evaluation_periods, self.above = threshold, evaluation_periods, above
        self.streak = 0

    def breaches(self, value):
        return value > self.threshold if self.above else value < self.threshold

    def observe(self, value):
        self.streak = self.streak + 1 if self.breaches(value) else 0
        return self.in_alarm

    @property
    def in_alarm(self):
        return self.streak >= self.evaluation_periods


class TargetTracking:
    """A target-tracking policy on a per-instance metric (total / instances in service).

    Like the two alarms AWS creates for such a policy: scale out after `out_periods`
    datapoints above the target, to ceil(total / target) instances; scale in after
    `in_periods` datapoints below 90 % of it, and not within `cooldown` of the last change.
    """

    def __init__(self, target, out_periods=3, in_periods=15, cooldown=300):
        self.target, self.cooldown = target, cooldown
        self.high = Alarm(target, out_periods)
        self.low = Alarm(0.9 * target, in_periods, above=False)
        self.last_change = float("-inf")

    def evaluate(self, total, group, now):
        """One datapoint; returns (change in desired instances, reason)."""
        metric = total / max(group.in_service(now), 1)
        out, inn = self.high.observe(metric), self.low.observe(metric)
        wanted = -(-total // self.target) if total else 0
        wanted = int(wanted)
        change, reason = 0, ""
        if out and wanted > group.desired:
            change = group.set_desired(wanted, now)
            reason = tr("{metric:,.0f} per instance > target {target:,.0f}",
                        metric=metric, target=self.target)
        elif inn and wanted < group.desired and now - self.last_change >= self.cooldown:
            change = group.set_desired(wanted, now)
            reason = tr("{metric:,.0f} per instance < {low:,.0f}", metric=metric,
                        low=0.9 * self.target)
        if change:
            self.last_change = now
        return change, reason

    @property
    def in_alarm(self):
        return self.high.in_alarm
