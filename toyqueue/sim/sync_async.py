"""Lesson 01: a purchase service calls shipping directly (동기, sync) or through a queue (비동기, async).

    from toyqueue.sim.sync_async import simulate
    r = simulate(spike=1000)                  # 10 requests/s, then 1,000/s for 5 s
    r.sync.failed_total, r.asynchronous.failed_total      # e.g. 7,000+ vs 0
    r.ticks, r.sync.served, r.asynchronous.depth          # per-second series, ready to plot

Shipping can finish `capacity` requests a second. Called directly, every purchase waits on
shipping: a caller that has waited `timeout` seconds gives up (the purchase fails), and once
`max_waiting` callers are already waiting, shipping refuses new ones at once (HTTP 503).
Through a queue the purchase service only needs the queue to say "got it": nothing is lost,
the backlog simply drains at shipping's own pace, later. The queue side runs on a counting
model by default; `queue="toy"` sends every message through a real toyqueue.QueueService.
"""

from dataclasses import dataclass, field

from toyqueue.i18n import tr
from toyqueue.sim.backlog import make_backlog


@dataclass
class Series:
    """One way of wiring the services, second by second (index = tick)."""

    mode: str
    arrivals: list = field(default_factory=list)  # purchases made this second
    served: list = field(default_factory=list)    # shipped this second
    failed: list = field(default_factory=list)    # purchases that failed this second
    depth: list = field(default_factory=list)     # waiting at the end of the second
    latency: list = field(default_factory=list)   # mean purchase -> shipped time of `served` (s)

    @property
    def arrivals_total(self):
        return sum(self.arrivals)

    @property
    def served_total(self):
        return sum(self.served)

    @property
    def failed_total(self):
        return sum(self.failed)

    @property
    def max_latency(self):
        return max((x for x in self.latency if x is not None), default=0.0)

    @property
    def drained_at(self):
        """First tick after the last arrival burst at which nothing waits any more (None if never)."""
        last_busy = max((i for i, d in enumerate(self.depth) if d > 0), default=-1)
        return None if last_busy == len(self.depth) - 1 else last_busy + 1


@dataclass
class SyncAsyncResult:
    params: dict
    ticks: list
    sync: Series
    asynchronous: Series

    def summary(self):
        """A few deterministic lines for a notebook, in the course language (numbers as in English)."""
        s, a = self.sync, self.asynchronous
        return "\n".join([
            tr("{purchases:,} purchases; shipping handles {capacity:,}/s",
               purchases=s.arrivals_total, capacity=self.params["capacity"]),
            tr("sync  (direct call): {shipped:,} shipped, {failed:,} failed",
               shipped=s.served_total, failed=s.failed_total),
            tr("async (via a queue): {shipped:,} shipped, {failed:,} failed, longest wait {wait:.0f} s, "
               "backlog peak {peak:,}", shipped=a.served_total, failed=a.failed_total,
               wait=a.max_latency, peak=max(a.depth)),
        ])


def arrivals_per_tick(ticks, base, spike, spike_start, spike_length):
    return [spike if spike_start <= i < spike_start + spike_length else base for i in range(ticks)]


def _mean_wait(batches, now):
    n = sum(c for _, c in batches)
    if n == 0:
        return None
    return sum((now - t) * c for t, c in batches) / n + 1.0  # +1: the second it takes to ship


def simulate(base=10, spike=1000, spike_start=10, spike_length=5, ticks=120,
             capacity=100, timeout=3, max_waiting=200, queue="model"):
    """Run both wirings on the same arrivals; all quantities are per one-second tick."""
    if capacity <= 0 or timeout <= 0 or ticks <= 0:
        raise ValueError("capacity, timeout and ticks must be positive")
    arrivals = arrivals_per_tick(ticks, base, spike, spike_start, spike_length)
    params = dict(base=base, spike=spike, spike_start=spike_start, spike_length=spike_length,
                  ticks=ticks, capacity=capacity, timeout=timeout, max_waiting=max_waiting,
                  queue=queue)

    sync = Series("sync")
    waiting = make_backlog("model")  # callers blocked on shipping, oldest first
    for now, n in enumerate(arrivals):
        # Callers that have waited `timeout` seconds give up.
        expired = waiting.drop_older_than(now - timeout)
        room = max(0, max_waiting - waiting.visible())
        accepted = min(n, room)
        waiting.put(accepted, now)
        done = waiting.take(capacity, now)
        sync.arrivals.append(n)
        sync.served.append(sum(c for _, c in done))
        sync.failed.append(expired + (n - accepted))
        sync.depth.append(waiting.visible())
        sync.latency.append(_mean_wait(done, now))

    asynchronous = Series("async")
    backlog = make_backlog(queue)
    for now, n in enumerate(arrivals):
        backlog.put(n, now)
        done = backlog.take(capacity, now)
        asynchronous.arrivals.append(n)
        asynchronous.served.append(sum(c for _, c in done))
        asynchronous.failed.append(0)
        asynchronous.depth.append(backlog.visible())
        asynchronous.latency.append(_mean_wait(done, now))

    return SyncAsyncResult(params=params, ticks=list(range(ticks)), sync=sync,
                           asynchronous=asynchronous)

