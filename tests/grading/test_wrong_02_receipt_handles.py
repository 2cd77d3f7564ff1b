"""Exercise 02's wrong queues: each is rejected, by the rule it breaks, in the learner's words."""
import uuid

import pytest

from toyqueue.grading import receipt_handles as ex, rules
from wrong import rejected, solution

S = solution("02_receipt_handles")


class NeverHides(S):
    def receive(self, max_messages=1):
        got = []
        with self._lock:
            for m in list(self._messages.values())[:max_messages]:
                m.receipt_handle = str(uuid.uuid4())
                self._handles[m.receipt_handle] = m.message_id
                got.append((m.message_id, m.body, m.receipt_handle))
        return got


class ById(S):
    """The message id doubles as the receipt handle."""
    def receive(self, max_messages=1):
        got = super().receive(max_messages)
        with self._lock:
            for mid, _, _ in got:
                self._handles[mid] = mid
        return [(mid, body, mid) for mid, body, _ in got]


class HandleFromBody(S):
    """A handle made from the body: two messages with one body share it."""
    def receive(self, max_messages=1):
        got = super().receive(max_messages)
        out = []
        with self._lock:
            for mid, body, _ in got:
                handle = f"h-{body}"
                self._messages[mid].receipt_handle = handle
                self._handles[handle] = mid
                out.append((mid, body, handle))
        return out


class Removes(S):
    def receive(self, max_messages=1):
        got = super().receive(max_messages)
        with self._lock:
            for mid, _, _ in got:
                del self._messages[mid]
        return got


class SecondDeleteRaises(S):
    def delete(self, receipt_handle):
        with self._lock:
            mid = self._handles.pop(receipt_handle, None)
            if mid is None:
                raise ValueError("ReceiptHandleIsInvalid")
            self._messages.pop(mid, None)


class QuietWhenEmpty(S):
    """Nothing to delete, nothing to check: an empty queue takes any handle."""
    def delete(self, receipt_handle):
        if not self._messages:
            return
        super().delete(receipt_handle)


class TakesAnyHandle(S):
    def delete(self, receipt_handle):
        with self._lock:
            mid = self._handles.get(receipt_handle)
            if mid is not None:
                self._messages.pop(mid, None)


class CountsForget(S):
    def counts(self):
        with self._lock:
            return {"visible": len(self._messages), "inflight": 0}


class UnlockedReceive(S):
    def receive(self, max_messages=1):
        if not 1 <= max_messages <= 10:
            raise ValueError(max_messages)
        got = []
        for m in list(self._messages.values()):
            if len(got) == max_messages:
                break
            if m.receipt_handle is None:
                m.receipt_handle = str(uuid.uuid4())
                self._handles[m.receipt_handle] = m.message_id
                got.append((m.message_id, m.body, m.receipt_handle))
        return got


class UnlockedDelete(S):
    def delete(self, receipt_handle):
        if receipt_handle not in self._handles:
            raise ValueError("ReceiptHandleIsInvalid")
        mid = self._handles[receipt_handle]
        if mid in self._messages:
            del self._messages[mid]


class UnlockedCounts(S):
    def counts(self):
        inflight = sum(1 for m in self._messages.values() if m.receipt_handle is not None)
        return {"visible": len(self._messages) - inflight, "inflight": inflight}


@pytest.mark.parametrize("wrong, words", [
    (NeverHides, [rules.HELD, "was delivered to consumer B while still in flight for A"]),
    (ById, [ex.HANDLE]),
    (HandleFromBody, [ex.HANDLE, "'h-same'"]),
    (Removes, ["in flight", "'inflight': 0"]),
    (SecondDeleteRaises, ["deleting a message twice succeeds"]),
    (QuietWhenEmpty, [ex.INVALID, "delete('no-such-handle') on an empty queue was accepted"]),
    (TakesAnyHandle, [ex.INVALID]),
    (CountsForget, ["counts() tells how many messages are visible and how many are in flight"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_receipt_handles_rejects(wrong, words):
    text = rejected(ex.check_receipt_handles, wrong)
    for w in words:
        assert w in text, text


@pytest.mark.parametrize("wrong, words", [
    (UnlockedReceive, [rules.HELD, "your receive()", "That point is outside your `with self._lock:` block"]),
    (UnlockedDelete, ["RuntimeError", "B's delete() went ahead without taking it"]),
    (UnlockedCounts, ["RuntimeError: dictionary changed size during iteration", "counts()"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_races_are_found_every_time(wrong, words):
    first = rejected(ex.check_many_at_once, wrong)
    for w in words:
        assert w in first, first
    assert rejected(ex.check_many_at_once, wrong) == first


def test_a_missing_method():
    class NoCounts(S):
        counts = None

    assert rejected(ex.check_receipt_handles, NoCounts).startswith(
        "not implemented yet: NoCounts has no method counts() yet")
