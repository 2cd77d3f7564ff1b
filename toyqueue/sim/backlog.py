"""Two interchangeable backlogs for the tick-based simulations: a counting model and the toy queue.

    from toyqueue.sim.backlog import CountingBacklog, ToyQueueBacklog
    q = CountingBacklog()              # or ToyQueueBacklog() - same methods, same answers
    q.put(120, t=0.0)                  # 120 messages arrive at t = 0 s
    batches = q.take(50, t=10.0)       # [(arrival time, how many), ...], oldest first
    q.visible()                        # 70

Why two: the autoscaling and sync/async views rerun an hour of traffic (hundreds of thousands
of messages) every time a slider moves, which must take milliseconds, so they count messages
in groups of (arrival time, count). The ToyQueueBacklog pushes every message through a real
toyqueue.QueueService on a VirtualClock (send_message_batch, receive_message,
delete_message_batch, and ApproximateNumberOfMessages for the depth, like CloudWatch does).
tests/sim/ runs the same scenarios through both and checks they agree message for message,
so the fast model is known to behave like the queue it stands for.

`make_backlog("toy", service=QueueService(clock=c, realistic=True, seed=7))` runs a backlog
on a realistic toy (toyqueue/realistic.py): its depth is ApproximateNumberOfMessages as
distributed SQS reports it, a minute behind (lesson 07), and its short polls sometimes come
back empty although messages wait; take() asks again then, as AWS says to.
"""

from collections import deque


class CountingBacklog:
    """A FIFO of (arrival time, count) groups: exact counts and ages, no per-message objects."""

    def __init__(self):
        self._groups = deque()
        self._visible = 0

    def put(self, n, t):
        if n <= 0:
            return
        if self._groups and self._groups[-1][0] == t:
            self._groups[-1][1] += n
        else:
            self._groups.append([t, n])
        self._visible += n

    def take(self, k, t):
        """Remove up to k of the oldest messages; return [(arrival time, count), ...]."""
        out = []
        while k > 0 and self._groups:
            group = self._groups[0]
            n = min(k, group[1])
            out.append((group[0], n))
            group[1] -= n
            k -= n
            self._visible -= n
            if group[1] == 0:
                self._groups.popleft()
        return out

    def visible(self, t=None):
        """How many wait (at `t`, too: the count only changes in put and take)."""
        return self._visible

    def drop_older_than(self, cutoff):
        """Forget messages that arrived at or before `cutoff` (callers that gave up); return how many."""
        dropped = 0
        while self._groups and self._groups[0][0] <= cutoff:
            dropped += self._groups.popleft()[1]
        self._visible -= dropped
        return dropped

    def oldest(self):
        """Arrival time of the oldest waiting message, or None (ApproximateAgeOfOldestMessage)."""
        return self._groups[0][0] if self._groups else None


class ToyQueueBacklog:
    """The same interface, backed by a real toy SQS queue: every message is sent, received, deleted."""

    def __init__(self, service=None, clock=None, name="backlog"):
        from toyqueue import QueueService, VirtualClock

        self.clock = clock or getattr(service, "clock", None) or VirtualClock()
        self.service = service or QueueService(clock=self.clock)
        self.t0 = self.clock.now()
        self.url = self.service.create_queue(QueueName=name)["QueueUrl"]

    def _at(self, t):
        self.clock.set(self.t0 + t)

    def put(self, n, t):
        self._at(t)
        body = repr(float(t))
        for start in range(0, n, 10):
            entries = [{"Id": str(i), "MessageBody": body} for i in range(min(10, n - start))]
            self.service.send_message_batch(QueueUrl=self.url, Entries=entries)

    def take(self, k, t):
        self._at(t)
        counts = {}
        while k > 0:
            r = self.service.receive_message(QueueUrl=self.url, MaxNumberOfMessages=min(10, k),
                                             WaitTimeSeconds=0, VisibilityTimeout=43200)
            messages = r.get("Messages", [])
            if not messages:
                if not self.service.queue(self.url).counts()["visible"]:
                    break
                continue      # a short poll that asked only servers without a copy: ask again
            entries = [{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]}
                       for i, m in enumerate(messages)]
            self.service.delete_message_batch(QueueUrl=self.url, Entries=entries)
            for m in messages:
                arrived = float(m["Body"])
                counts[arrived] = counts.get(arrived, 0) + 1
            k -= len(messages)
        return sorted(counts.items())

    def visible(self, t=None):
        """ApproximateNumberOfMessages, as CloudWatch would read it now (or at `t`, later)."""
        if t is not None:
            self._at(t)
        attrs = self.service.get_queue_attributes(
            QueueUrl=self.url, AttributeNames=["ApproximateNumberOfMessages"])["Attributes"]
        return int(attrs["ApproximateNumberOfMessages"])

    def oldest(self):
        """Arrival time of the oldest message still waiting. take() deletes what it receives, so
        anything in flight is a copy a realistic server kept after the delete (it comes back in
        12 h, or its server catches up first): not waiting, and not counted."""
        from toyqueue.queue import VISIBLE

        q = self.service.queue(self.url)
        times = [float(m.body) for m in q.messages() if m.status is VISIBLE]
        return min(times) if times else None


def make_backlog(kind, service=None):
    """"model" -> CountingBacklog, "toy" -> ToyQueueBacklog (on `service`, a QueueService on a
    VirtualClock, if given: a realistic one, say)."""
    if kind == "model":
        if service is not None:
            raise ValueError("service= is for the 'toy' backlog; the model has no queue")
        return CountingBacklog()
    if kind == "toy":
        return ToyQueueBacklog(service=service)
    raise ValueError(f"backlog must be 'model' or 'toy', not {kind!r}")
