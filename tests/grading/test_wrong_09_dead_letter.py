"""Exercise 09's wrong queues: each is rejected, by the rule it breaks, in the learner's words."""
import uuid

import pytest

from toyqueue.grading import dead_letter as ex
from wrong import namespace, rejected, solution

NS = namespace("09_dead_letter")
S, Message = solution("09_dead_letter"), NS["Message"]


class NoDlq(S):
    def __init__(self, clock, dead_letter_queue=None, max_receive_count=None, **kw):
        super().__init__(clock, dead_letter_queue=dead_letter_queue, max_receive_count=max_receive_count, **kw)
        self.dead_letter_queue = None


class WithCount(S):
    """Moves when the receive count passes `self.limit()` instead of max_receive_count."""
    shift = 0

    def receive(self, max_messages=1, visibility_timeout=None):
        if not self.max_receive_count:
            return super().receive(max_messages, visibility_timeout)
        real = self.max_receive_count
        self.max_receive_count = real + self.shift
        try:
            return super().receive(max_messages, visibility_timeout)
        finally:
            self.max_receive_count = real


class OneTooLate(WithCount):
    shift = 1


class OneTooEarly(WithCount):
    shift = -1


class NewId(S):
    def _accept(self, message):
        with self._lock:
            mid = str(uuid.uuid4())
            self._messages[mid] = Message(mid, message.body, sent_at=message.sent_at, visible_at=self.clock.now())


class NewSendTime(S):
    """A moved message starts a new life: its send time is the move."""
    def _accept(self, message):
        now = self.clock.now()
        with self._lock:
            self._messages[message.message_id] = Message(message.message_id, message.body, sent_at=now, visible_at=now)


class KeepsCount(S):
    def _accept(self, message):
        with self._lock:
            self._messages[message.message_id] = Message(
                message.message_id, message.body, sent_at=message.sent_at, visible_at=self.clock.now(),
                receive_count=message.receive_count)


class StopsAfterMove(S):
    """A receive that moves a message returns nothing else."""
    def receive(self, max_messages=1, visibility_timeout=None):
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        now, got, dead = self.clock.now(), [], []
        with self._lock:
            self._drop_expired(now)
            for m in self._messages.values():
                if len(got) == max_messages or dead:
                    break
                if m.visible_at > now:
                    continue
                if self.dead_letter_queue is not None and m.receive_count >= self.max_receive_count:
                    dead.append(m)
                    continue
                got.append(self._hand_out(m, now, timeout))
            for m in dead:
                del self._messages[m.message_id]
        for m in dead:
            self.dead_letter_queue._accept(m)
        return got


class Copies(S):
    """Hands a worn-out message to the dead-letter queue but forgets to take it out of the source."""
    def receive(self, max_messages=1, visibility_timeout=None):
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        now, got, dead = self.clock.now(), [], []
        with self._lock:
            self._drop_expired(now)
            for m in self._messages.values():
                if len(got) == max_messages:
                    break
                if m.visible_at > now:
                    continue
                if self.dead_letter_queue is not None and m.receive_count >= self.max_receive_count:
                    dead.append(m)
                    continue
                got.append(self._hand_out(m, now, timeout))
        for m in dead:
            self.dead_letter_queue._accept(m)
        return got


class AnyCount(S):
    def __init__(self, clock, dead_letter_queue=None, max_receive_count=None, **kw):
        super().__init__(clock, **kw)
        self.dead_letter_queue, self.max_receive_count = dead_letter_queue, max_receive_count


class WholeNumbersOnly(S):
    """Checks the range but not that it is a whole number."""
    def __init__(self, clock, dead_letter_queue=None, max_receive_count=None, **kw):
        if dead_letter_queue is not None and not 1 <= max_receive_count <= 1000:
            raise ValueError("max_receive_count")
        super().__init__(clock, **kw)
        self.dead_letter_queue, self.max_receive_count = dead_letter_queue, max_receive_count


class ThousandRefused(S):
    def __init__(self, clock, dead_letter_queue=None, max_receive_count=None, **kw):
        if max_receive_count == 1000:
            raise ValueError("max_receive_count must be below 1000")
        super().__init__(clock, dead_letter_queue=dead_letter_queue, max_receive_count=max_receive_count, **kw)


class MovesInFlight(S):
    def move_messages(self, destination):
        with self._lock:
            moving = list(self._messages.values())
            self._messages.clear()
        for m in moving:
            destination._accept(m)
        return len(moving)


class UnlockedAccept(S):
    def _accept(self, message):
        self._messages[message.message_id] = Message(message.message_id, message.body, sent_at=message.sent_at,
                                                     visible_at=self.clock.now())


@pytest.mark.parametrize("wrong, words", [
    (NoDlq, [ex.DLQ, "delivered 4 times from the source queue", "the 4th receive should have moved it"]),
    (OneTooLate, [ex.DLQ, "delivered 4 times from the source queue"]),
    (OneTooEarly, [ex.DLQ, "delivered only 2 times"]),
    (NewId, [ex.KEEPS, "with a new message id"]),
    (NewSendTime, [ex.KEEPS, "retention_period=60"]),
    (KeepsCount, [ex.REDRIVE, "receive count must start again from 0"]),
    (StopsAfterMove, [ex.GOES_ON, "returned [] instead of moving"]),
    (Copies, [ex.DLQ, "a moved message leaves the source queue"]),
    (AnyCount, [ex.COUNT_RULE, "max_receive_count=0) was accepted"]),
    (WholeNumbersOnly, [ex.COUNT_RULE, "max_receive_count=2.5) was accepted"]),
    (ThousandRefused, [ex.COUNT_RULE, "max_receive_count=1000", "that value is allowed"]),
    (MovesInFlight, [ex.REDRIVE, "returned 2; expected 1"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_dead_letter_rejects(wrong, words):
    text = rejected(ex.check_dead_letter, wrong)
    for w in words:
        assert w in text, text


def test_races_are_found_every_time():
    first = rejected(ex.check_at_once, UnlockedAccept)
    assert "your _accept()" in first or "B's" in first
    assert "hint:" in first
    assert rejected(ex.check_at_once, UnlockedAccept) == first
