"""Exercise 07's wrong queues: each is rejected, by the rule it breaks, in the learner's words."""
import uuid

import pytest

from toyqueue.grading import retention_and_delay as ex, rules
from wrong import WholeClock, namespace, rejected, solution

NS = namespace("07_retention_and_delay")
S, Message = solution("07_retention_and_delay"), NS["Message"]


class NoDelay(S):
    def send(self, body, delay=None):
        return super().send(body, delay=0)


class ZeroMeansDefault(S):
    """`delay or self.delay_seconds`: an explicit 0 falls back to the queue's delay."""
    def send(self, body, delay=None):
        return super().send(body, delay or self.delay_seconds)


class AnyDelay(S):
    def send(self, body, delay=None):
        delay = self.delay_seconds if delay is None else delay
        now = self.clock.now()
        mid = str(uuid.uuid4())
        with self._lock:
            self._messages[mid] = Message(mid, body, sent_at=now, visible_at=now + delay)
        return mid


class Delay900Refused(S):
    def send(self, body, delay=None):
        if delay == 900:
            raise ValueError("delay must be under 900")
        return super().send(body, delay)


class Forever(S):
    def _drop_expired(self, now):
        pass


class FromReceive(S):
    """Retention restarts at every receive."""
    def _hand_out(self, m, now, timeout):
        m.sent_at = now
        return super()._hand_out(m, now, timeout)


class FromVisible(S):
    """Retention counts from the end of the delay."""
    def send(self, body, delay=None):
        mid = super().send(body, delay)
        with self._lock:
            m = self._messages[mid]
            m.sent_at = m.visible_at
        return mid


class StrictlyAfter(S):
    """A message is gone only after the retention period, not at its end."""
    def _drop_expired(self, now):
        for mid in [mid for mid, m in self._messages.items() if now > m.sent_at + self.retention_period]:
            del self._messages[mid]


class OneDay(S):
    def __init__(self, clock, visibility_timeout=30, retention_period=86_400, delay_seconds=0):
        super().__init__(clock, visibility_timeout, retention_period, delay_seconds)


class SixtyRefused(S):
    def __init__(self, clock, visibility_timeout=30, retention_period=345_600, delay_seconds=0):
        if retention_period <= 60:
            raise ValueError("retention_period must be over 60")
        super().__init__(clock, visibility_timeout, retention_period, delay_seconds)


class DelayedIsInflight(S):
    def counts(self):
        got = super().counts()
        return {"visible": got["visible"], "inflight": got["inflight"] + got["delayed"], "delayed": 0}


class WholeSeconds(S):
    def __init__(self, clock, *args, **kw):
        super().__init__(WholeClock(clock), *args, **kw)


class UnlockedExpiry(S):
    """Drops expired messages before taking the lock."""
    def receive(self, max_messages=1, visibility_timeout=None):
        self._drop_expired(self.clock.now())
        return super().receive(max_messages, visibility_timeout)

    def counts(self):
        self._drop_expired(self.clock.now())
        return super().counts()


@pytest.mark.parametrize("wrong, words", [
    (NoDelay, [rules.DELAY, "with a delay of 5 s: it must stay hidden until 5 s"]),
    (ZeroMeansDefault, [ex.APPEARS, "m2's delay ended at 0 s"]),
    (AnyDelay, [ex.DELAY_RANGE, "send('x', delay=901) was accepted"]),
    (Delay900Refused, [ex.DELAY_RANGE, "delay=900", "that value is allowed"]),
    (DelayedIsInflight, ["counts() tells apart visible, in-flight and delayed messages"]),
    (WholeSeconds, [rules.DELAY, "delivered to B at 4.5 s"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_delay_rejects(wrong, words):
    text = rejected(ex.check_delay, wrong)
    for w in words:
        assert w in text, text


@pytest.mark.parametrize("wrong, words", [
    (Forever, [ex.OWN_SEND, "had reached the retention period of 60 s"]),
    (FromReceive, [ex.OWN_SEND]),
    (FromVisible, [ex.OWN_SEND, "m2 (both sent at 0 s, m2 with a 30 s delay)"]),
    (StrictlyAfter, [ex.OWN_SEND, "at 60 s"]),
    (OneDay, ["the default retention period is 4 days"]),
    (SixtyRefused, [ex.RETENTION_RANGE, "SixtyRefused(clock, retention_period=60)", "that value is allowed"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_retention_rejects(wrong, words):
    text = rejected(ex.check_retention, wrong)
    for w in words:
        assert w in text, text


def test_races_are_found_every_time():
    first = rejected(ex.check_at_once, UnlockedExpiry)
    assert "RuntimeError" in first and "outside your `with self._lock:` block" in first and "hint:" in first
    assert rejected(ex.check_at_once, UnlockedExpiry) == first
