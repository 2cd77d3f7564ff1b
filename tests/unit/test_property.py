"""Random operation sequences on a VirtualClock (hypothesis): the toy's bookkeeping always
agrees with a naive model, and the history checker never finds a fault."""
import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from toyqueue import History, QueueService, VirtualClock, check
from toyqueue import errors as E


class QueueMachine(RuleBasedStateMachine):
    fifo = False

    def __init__(self):
        super().__init__()
        self.clock = VirtualClock()
        self.svc = QueueService(clock=self.clock)
        self.h = History(self.clock)
        self.c = self.h.wrap(self.svc)
        attrs = {"VisibilityTimeout": "10"}
        name = "prop"
        if self.fifo:
            attrs.update(FifoQueue="true", ContentBasedDeduplication="true")
            name += ".fifo"
        self.url = self.c.create_queue(QueueName=name, Attributes=attrs)["QueueUrl"]
        self.q = self.svc.queue(self.url)
        self.live = set()          # message ids sent and not yet deleted
        self.latest = {}           # message id -> newest receipt handle
        self.handles = []          # every handle ever seen: (handle, message id)
        self.n = 0

    def _body(self):
        self.n += 1
        return f"m{self.n}"

    @rule(group=st.integers(0, 2), delay=st.sampled_from([0, 0, 5]))
    def send(self, group, delay):
        kw = {"MessageGroupId": f"g{group}"} if self.fifo else {"DelaySeconds": delay}
        r = self.c.send_message(QueueUrl=self.url, MessageBody=self._body(), **kw)
        self.live.add(r["MessageId"])

    @rule(n=st.integers(1, 10))
    def send_batch(self, n):
        entries = [{"Id": str(i), "MessageBody": self._body()} for i in range(n)]
        if self.fifo:
            for e in entries:
                e["MessageGroupId"] = "g0"
        r = self.c.send_message_batch(QueueUrl=self.url, Entries=entries)
        self.live.update(s["MessageId"] for s in r["Successful"])

    @rule(n=st.integers(1, 10), vt=st.sampled_from([None, 0, 3, 20]))
    def receive(self, n, vt):
        kw = {} if vt is None else {"VisibilityTimeout": vt}
        for m in self.c.receive_message(QueueUrl=self.url, MaxNumberOfMessages=n, **kw).get("Messages", []):
            assert m["MessageId"] in self.live
            self.latest[m["MessageId"]] = m["ReceiptHandle"]
            self.handles.append((m["ReceiptHandle"], m["MessageId"]))

    @precondition(lambda self: self.handles)
    @rule(i=st.integers(0, 10_000))
    def delete(self, i):
        handle, mid = self.handles[i % len(self.handles)]
        try:
            self.c.delete_message(QueueUrl=self.url, ReceiptHandle=handle)
        except E.InvalidParameterValue:
            assert self.fifo                  # only FIFO refuses an expired handle
            return
        if self.latest.get(mid) == handle:
            self.live.discard(mid)

    @precondition(lambda self: self.handles)
    @rule(i=st.integers(0, 10_000), t=st.sampled_from([0, 5, 30]))
    def change_visibility(self, i, t):
        handle, mid = self.handles[i % len(self.handles)]
        try:
            self.c.change_message_visibility(QueueUrl=self.url, ReceiptHandle=handle, VisibilityTimeout=t)
        except (E.MessageNotInflight, E.InvalidParameterValue):
            pass

    @rule(seconds=st.sampled_from([0.5, 1, 3, 10, 30]))
    def advance(self, seconds):
        self.clock.advance(seconds)

    @invariant()
    def bookkeeping_matches_model(self):
        now = self.clock.now()
        counts = self.q.counts(now)
        msgs = self.q.messages(now)
        assert {m.message_id for m in msgs} == self.live
        assert sum(counts.values()) == len(self.live)
        states = [m.state(now) for m in msgs]
        assert counts == {"visible": states.count("visible"), "inflight": states.count("inflight"),
                          "delayed": states.count("delayed")}

    @invariant()
    def history_is_clean(self):
        report = check(self.h, complete=False, content_based=self.fifo)
        assert report.valid, report


class FifoMachine(QueueMachine):
    fifo = True


SETTINGS = settings(max_examples=25, stateful_step_count=30, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
TestStandardQueueProperties = pytest.mark.slow(QueueMachine.TestCase)
TestStandardQueueProperties.settings = SETTINGS
TestFifoQueueProperties = pytest.mark.slow(FifoMachine.TestCase)
TestFifoQueueProperties.settings = SETTINGS
