"""Exercise 08's wrong queues: each is rejected, by the rule it breaks, in the learner's words."""
import uuid

import pytest

from toyqueue.grading import batches as ex
from wrong import namespace, rejected, solution

NS = namespace("08_batches")
S, Message = solution("08_batches"), NS["Message"]


class NoLimit(S):
    def send_batch(self, bodies):
        return [self.send(b) for b in bodies]


class HalfStored(S):
    """Sends entry by entry and stops at the first that breaks a limit."""
    def send_batch(self, bodies):
        ids, total = [], 0
        for b in bodies:
            total += len(b.encode())
            if total > 1_048_576 or len(ids) == 10:
                raise ValueError("too big")
            ids.append(self.send(b))
        if not ids:
            raise ValueError("empty")
        return ids


class Characters(S):
    """Counts characters, not UTF-8 bytes."""
    def send_batch(self, bodies):
        if not 1 <= len(bodies) <= 10 or sum(len(b) for b in bodies) > 1_048_576:
            raise ValueError("refused")
        return [self.send(b) for b in bodies]


class ExactMiBRefused(S):
    def send_batch(self, bodies):
        if sum(len(b.encode()) for b in bodies) >= 1_048_576:
            raise ValueError("BatchRequestTooLong")
        return super().send_batch(bodies)


class TenRefused(S):
    def send_batch(self, bodies):
        if len(bodies) >= 10:
            raise ValueError("TooManyEntriesInBatchRequest")
        return super().send_batch(bodies)


class OneRefused(S):
    def send_batch(self, bodies):
        if len(bodies) < 2:
            raise ValueError("a batch has at least two entries")
        return super().send_batch(bodies)


class AllOrNothing(S):
    def delete_batch(self, receipt_handles):
        if not 1 <= len(receipt_handles) <= 10:
            raise ValueError("batch size")
        for h in receipt_handles:
            self.delete(h)
        return []


class Silent(S):
    def delete_batch(self, receipt_handles):
        super().delete_batch(receipt_handles)
        return []


class RefusedDeleteDoesPart(S):
    """Deletes entry by entry and only then notices there were too many."""
    def delete_batch(self, receipt_handles):
        failed = []
        for i, handle in enumerate(receipt_handles):
            if i == 10:
                raise ValueError("TooManyEntriesInBatchRequest")
            try:
                self.delete(handle)
            except ValueError:
                failed.append(handle)
        if not receipt_handles:
            raise ValueError("EmptyBatchRequest")
        return failed


class UnlockedBatch(S):
    """Stores a batch in one go, but outside the lock."""
    def send_batch(self, bodies):
        if not 1 <= len(bodies) <= 10 or sum(len(b.encode()) for b in bodies) > 1_048_576:
            raise ValueError("refused")
        now, ids = self.clock.now(), []
        for body in bodies:
            mid = str(uuid.uuid4())
            self._messages[mid] = Message(mid, body, sent_at=now, visible_at=now)
            ids.append(mid)
        return ids


@pytest.mark.parametrize("wrong, words", [
    (NoLimit, [ex.ENTRIES, "send_batch() with 11 bodies was accepted"]),
    (HalfStored, [ex.NOTHING, "part of the refused batch was stored"]),
    (Characters, [ex.SIZE, "1,048,577 UTF-8 bytes in all (349,529 characters) was accepted"]),
    (ExactMiBRefused, [ex.SIZE, "P1 called send_batch() with 2 bodies", "that value is allowed"]),
    (TenRefused, [ex.ENTRIES, "that value is allowed"]),
    (OneRefused, [ex.ENTRIES, "send_batch() with 1 body", "that value is allowed"]),
    (AllOrNothing, [ex.PARTIAL, "ReceiptHandleIsInvalid"]),
    (Silent, ["returns the list of those it could not delete", "failed=[]"]),
    (RefusedDeleteDoesPart, [ex.NOTHING, "part of the refused batch was deleted"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_batches_rejects(wrong, words):
    text = rejected(ex.check_batches, wrong)
    for w in words:
        assert w in text, text


def test_races_are_found_every_time():
    first = rejected(ex.check_batches_at_once, UnlockedBatch)
    assert "RuntimeError" in first and "B's send_batch() went ahead without taking it" in first and "hint:" in first
    assert rejected(ex.check_batches_at_once, UnlockedBatch) == first
