"""Exercise 10's wrong FIFO queues: each is rejected, by the rule it breaks, in the learner's words."""
import hashlib
import uuid

import pytest

from toyqueue.grading import fifo as ex, rules
from wrong import namespace, rejected, solution

NS = namespace("10_fifo")
S, Message = solution("10_fifo", "MyFifoQueue"), NS["Message"]


class Newest(S):
    def receive(self, max_messages=1, visibility_timeout=None):
        with self._lock:
            self._messages = dict(reversed(list(self._messages.items())))
        try:
            return super().receive(max_messages, visibility_timeout)
        finally:
            with self._lock:
                self._messages = dict(reversed(list(self._messages.items())))


class NoBlock(S):
    def receive(self, max_messages=1, visibility_timeout=None):
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        now, got = self.clock.now(), []
        with self._lock:
            for m in self._messages.values():
                if len(got) < max_messages and m.visible_at <= now:
                    got.append(self._hand_out(m, now, timeout))
        return got


class BlocksWhileAnyInFlight(S):
    """The common simplification: a group with any message in flight gives out nothing."""
    def receive(self, max_messages=1, visibility_timeout=None):
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        now, got = self.clock.now(), []
        with self._lock:
            busy = {m.group_id for m in self._messages.values() if m.visible_at > now}
            for m in self._messages.values():
                if len(got) < max_messages and m.group_id not in busy:
                    got.append(self._hand_out(m, now, timeout))
        return got


class OnePerGroup(S):
    """Hands out at most one message of a group per receive."""
    def receive(self, max_messages=1, visibility_timeout=None):
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        now, got, done = self.clock.now(), [], set()
        with self._lock:
            for m in self._messages.values():
                if len(got) == max_messages:
                    break
                if m.group_id not in done:
                    done.add(m.group_id)
                    if m.visible_at <= now:
                        got.append(self._hand_out(m, now, timeout))
        return got


class StandardHandles(S):
    """Takes the standard queue's receipt handle rules: nothing expires."""
    fifo = False


class OlderHandleChanges(S):
    """Refuses a change after the timeout, but takes an older receive's handle."""
    def change_visibility(self, receipt_handle, timeout):
        with self._lock:
            m = self._messages.get(self._handles.get(receipt_handle))
            if m is not None and m.visible_at <= self.clock.now():
                raise ValueError("InvalidParameterValue: expired")
            if m is not None:
                receipt_handle = m.receipt_handle
        self.fifo = False
        try:
            super().change_visibility(receipt_handle, timeout)
        finally:
            self.fifo = True


class ExpiredHandleChanges(S):
    """Refuses an older receive's handle, but takes the newest one after its timeout (changing nothing)."""
    def change_visibility(self, receipt_handle, timeout):
        with self._lock:
            m = self._messages.get(self._handles.get(receipt_handle))
            if m is not None and m.receipt_handle != receipt_handle:
                raise ValueError("InvalidParameterValue: expired")
        self.fifo = False
        try:
            super().change_visibility(receipt_handle, timeout)
        finally:
            self.fifo = True


class LateDelete(S):
    """Deletes with a handle whose timeout has ended, as a standard queue does."""
    def delete(self, receipt_handle):
        self.fifo = False
        try:
            super().delete(receipt_handle)
        finally:
            self.fifo = True


class CaseBlindGroups(S):
    """Treats 'Alice' and 'alice' as one group."""
    def send(self, body, group_id, deduplication_id=None):
        return super().send(body, group_id.lower() if group_id else group_id, deduplication_id)


def dedup_with(rule):
    """A send whose deduplication test is `rule(seen_time, now, key)` and whose key is `key(...)`."""
    class Q(S):
        def send(self, body, group_id, deduplication_id=None):
            if not group_id:
                raise ValueError("MissingParameter")
            if deduplication_id is None:
                if not self.content_based_deduplication:
                    raise ValueError("InvalidParameterValue")
                deduplication_id = self.digest(body)
            key = self.key(group_id, deduplication_id)
            now = self.clock.now()
            with self._lock:
                seen = self._dedup.get(key)
                if seen is not None and rule(self, seen, now):
                    if self.restarts:
                        self._dedup[key] = (seen[0], now)
                    return seen[0]
                mid = str(uuid.uuid4())
                self._messages[mid] = Message(mid, body, sent_at=now, visible_at=now, group_id=group_id)
                self._dedup[key] = (mid, now)
            return mid

        restarts = False

        def key(self, group_id, deduplication_id):
            return deduplication_id

        def digest(self, body):
            return hashlib.sha256(body.encode()).hexdigest()
    return Q


WITHIN = lambda q, seen, now: now - seen[1] < 300                    # noqa: E731 - the right rule
Forever = dedup_with(lambda q, seen, now: True)
Inclusive = dedup_with(lambda q, seen, now: now - seen[1] <= 300)
OnlyStored = dedup_with(lambda q, seen, now: now - seen[1] < 300 and seen[0] in q._messages)


class Restarts(dedup_with(WITHIN)):
    restarts = True


class PerGroup(dedup_with(WITHIN)):
    def key(self, group_id, deduplication_id):
        return (group_id, deduplication_id)


class CaseBlindKeys(dedup_with(WITHIN)):
    def key(self, group_id, deduplication_id):
        return deduplication_id.lower()


class StrippedKeys(dedup_with(WITHIN)):
    def key(self, group_id, deduplication_id):
        return deduplication_id.strip()


class Md5(dedup_with(WITHIN)):
    def digest(self, body):
        return hashlib.md5(body.encode()).hexdigest()


class Utf16(dedup_with(WITHIN)):
    def digest(self, body):
        return hashlib.sha256(body.encode("utf-16")).hexdigest()


class RandomWhenMissing(dedup_with(WITHIN)):
    def digest(self, body):
        return str(uuid.uuid4())


class NoDedup(S):
    def send(self, body, group_id, deduplication_id=None):
        with self._lock:
            self._dedup.clear()
        return super().send(body, group_id, deduplication_id)


class EmptyGroupAllowed(S):
    def send(self, body, group_id, deduplication_id=None):
        if group_id is None:
            raise ValueError("MissingParameter")
        return super().send(body, group_id or "default", deduplication_id)


class UnlockedDedup(S):
    """Looks the deduplication id up, and remembers it, outside the lock."""
    def send(self, body, group_id, deduplication_id=None):
        if not group_id or deduplication_id is None:
            raise ValueError("MissingParameter")
        now = self.clock.now()
        seen = self._dedup.get(deduplication_id)
        if seen is not None and now - seen[1] < 300:
            return seen[0]
        mid = str(uuid.uuid4())
        with self._lock:
            self._messages[mid] = Message(mid, body, sent_at=now, visible_at=now, group_id=group_id)
        self._dedup[deduplication_id] = (mid, now)
        return mid


@pytest.mark.parametrize("wrong, words", [
    (BlocksWhileAnyInFlight, [ex.OPENS, "C's receive(max_messages=10) returned []", "should return ['m1', 'm2']",
                              "test_fifo_message_group_visibility_after_terminate_visibility_timeout"]),
    (OnePerGroup, [ex.AS_MANY, "A's receive(max_messages=10) returned ['m1']"]),
    (NoBlock, [rules.FIFO_BLOCK, "m4 of group 'pay' was delivered to B", "sent before it in the same group, was in "
               "flight for A"]),
    (StandardHandles, [ex.EXPIRES, "change_visibility() with A's handle of m1, from the receive before C's was "
                       "accepted"]),
    (OlderHandleChanges, [ex.EXPIRES, "from the receive before C's was accepted"]),
    (ExpiredHandleChanges, [ex.EXPIRES, "at 30 s, exactly when the 30 s timeout of C's receive ended, "
                            "change_visibility() with C's handle of m2 was accepted"]),
    (LateDelete, [ex.EXPIRES, "at 30 s, exactly when the 30 s timeout of C's receive ended, delete()"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_group_visibility_rejects(wrong, words):
    text = rejected(ex.check_group_visibility, wrong)
    for w in words:
        assert w in text, text


@pytest.mark.parametrize("wrong, words", [
    (Newest, [rules.FIFO_ORDER, "which was sent earlier"]),
    (NoBlock, [rules.FIFO_BLOCK, "sent before it in the same group, was in flight for A"]),
    (CaseBlindGroups, [ex.GROUPS, "'Alice'"]),
    (EmptyGroupAllowed, ["every message of a FIFO queue needs a group_id", "group_id=''"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_fifo_order_rejects(wrong, words):
    text = rejected(ex.check_fifo_order, wrong)
    for w in words:
        assert w in text, text


@pytest.mark.parametrize("wrong, words", [
    (Forever, [rules.DEDUP_EXPIRES, "exactly 300 s after the first send"]),
    (Inclusive, [rules.DEDUP_EXPIRES, "exactly 300 s"]),
    (Restarts, [rules.DEDUP_EXPIRES, "duplicates do not restart it"]),
    (OnlyStored, [rules.DEDUP, "received and deleted since"]),
    (PerGroup, [rules.DEDUP, "(group 'bob')", "in any group"]),
    (CaseBlindKeys, [ex.KEYS]),
    (StrippedKeys, [ex.KEYS]),
    (Md5, [ex.HASH, "SHA-256 hex digest of '주문 📦' in UTF-8"]),
    (Utf16, [ex.HASH]),
    (RandomWhenMissing, [rules.DEDUP, "the deduplication id is then the SHA-256 of the body"]),
    (NoDedup, [rules.DEDUP, "accepted it as a new message"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_deduplication_rejects(wrong, words):
    text = rejected(ex.check_deduplication, wrong)
    for w in words:
        assert w in text, text


def test_races_are_found_every_time():
    first = rejected(ex.check_fifo_threads, UnlockedDedup)
    assert rules.DEDUP in first and "same moment became 2 messages" in first and "hint:" in first
    assert rejected(ex.check_fifo_threads, UnlockedDedup) == first
