"""Exercise 03's wrong queues: each is rejected, by the rule it breaks, in the learner's words."""
import math
import uuid

import pytest

from toyqueue.grading import rules, visibility_timeout as ex
from wrong import WholeClock, namespace, rejected, solution

S = solution("03_visibility_timeout")
check_timeout = namespace("03_visibility_timeout")["check_timeout"]


class NoTimeout(S):
    def receive(self, max_messages=1, visibility_timeout=None):
        got = super().receive(max_messages, visibility_timeout)
        with self._lock:
            for mid, _, _ in got:
                self._messages[mid].visible_at = 0       # stays visible
        return got


class Forever(S):
    def receive(self, max_messages=1, visibility_timeout=None):
        got = super().receive(max_messages, visibility_timeout)
        with self._lock:
            for mid, _, _ in got:
                self._messages[mid].visible_at = math.inf
        return got


class OneHandle(S):
    """The same receipt handle on every receive of a message."""
    def _hand_out(self, m, now, timeout):
        m.visible_at, m.received_at = now + timeout, now
        m.receipt_handle = "h-" + m.message_id
        self._handles[m.receipt_handle] = m.message_id
        return (m.message_id, m.body, m.receipt_handle)


class StaleHandleDeletes(S):
    """Any handle the message ever had deletes it."""
    def delete(self, receipt_handle):
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError("ReceiptHandleIsInvalid")
            self._messages.pop(self._handles[receipt_handle], None)


class StaleHandleRaises(S):
    def delete(self, receipt_handle):
        with self._lock:
            m = self._messages.get(self._handles.get(receipt_handle))
            if receipt_handle not in self._handles or (m is not None and m.receipt_handle != receipt_handle):
                raise ValueError("ReceiptHandleIsInvalid: not the newest handle")
            if m is not None:
                del self._messages[m.message_id]


class ChangeIgnored(S):
    def change_visibility(self, receipt_handle, timeout):
        pass


class ChangeFromReceive(S):
    """change_visibility counts from the receive, not from the call."""
    def change_visibility(self, receipt_handle, timeout):
        super().change_visibility(receipt_handle, timeout)
        with self._lock:
            m = self._messages[self._handles[receipt_handle]]
            m.visible_at = m.received_at + timeout


class RemembersChange(S):
    """A changed timeout sticks to the message for its later receives."""
    def receive(self, max_messages=1, visibility_timeout=None):
        with self._lock:
            sticky = {mid: m.sticky for mid, m in self._messages.items() if getattr(m, "sticky", None)}
        if sticky and visibility_timeout is None:
            got = super().receive(max_messages, visibility_timeout)
            with self._lock:
                for mid, _, _ in got:
                    if mid in sticky:
                        self._messages[mid].visible_at = self.clock.now() + sticky[mid]
            return got
        return super().receive(max_messages, visibility_timeout)

    def change_visibility(self, receipt_handle, timeout):
        super().change_visibility(receipt_handle, timeout)
        with self._lock:
            self._messages[self._handles[receipt_handle]].sticky = timeout


class PerReceiveSticks(S):
    """A per-receive timeout becomes the queue's timeout."""
    def receive(self, max_messages=1, visibility_timeout=None):
        got = super().receive(max_messages, visibility_timeout)
        if visibility_timeout is not None:
            self.visibility_timeout = visibility_timeout
        return got


class WholeSeconds(S):
    """Reads the clock as whole seconds."""
    def __init__(self, clock, visibility_timeout=30):
        super().__init__(WholeClock(clock), visibility_timeout)


class WholeTimeouts(S):
    """Rounds a timeout to whole seconds: 0.5 s becomes 0."""
    def receive(self, max_messages=1, visibility_timeout=None):
        return super().receive(max_messages, None if visibility_timeout is None else int(visibility_timeout))


class StrictlyAfter(S):
    """Visible again only after the timeout, not at its end."""
    def receive(self, max_messages=1, visibility_timeout=None):
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        check_timeout(timeout)
        now = self.clock.now()
        got = []
        with self._lock:
            for m in self._messages.values():
                if len(got) < max_messages and (m.receipt_handle is None or m.visible_at < now):
                    got.append(self._hand_out(m, now, timeout))
        return got


class ReturnsDeleted(S):
    def delete(self, receipt_handle):
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError("ReceiptHandleIsInvalid")
            m = self._messages.get(self._handles[receipt_handle])
            if m is not None:
                m.visible_at = self.clock.now() + 35      # "deleted" = hidden a while


class ZeroRefused(S):
    def receive(self, max_messages=1, visibility_timeout=None):
        if visibility_timeout == 0:
            raise ValueError("a timeout must be positive")
        return super().receive(max_messages, visibility_timeout)


class NoUpperLimit(S):
    def receive(self, max_messages=1, visibility_timeout=None):
        if visibility_timeout is not None and visibility_timeout > 43_200:
            return []
        return super().receive(max_messages, visibility_timeout)


def strict_change(newest_only=False, in_flight_only=False, deleted_ok=False, total=True, late_hides=False):
    """change_visibility with the old rules some learners know from the API reference."""
    class Q(S):
        def change_visibility(self, receipt_handle, timeout):
            check_timeout(timeout)
            now = self.clock.now()
            with self._lock:
                if receipt_handle not in self._handles:
                    raise ValueError("ReceiptHandleIsInvalid")
                m = self._messages.get(self._handles[receipt_handle])
                if m is None:
                    if deleted_ok:
                        return
                    raise ValueError("the message was deleted")
                if newest_only and m.receipt_handle != receipt_handle:
                    raise ValueError("MessageNotInflight: not the newest handle")
                if m.visible_at <= now:
                    if in_flight_only:
                        raise ValueError("MessageNotInflight")
                    if not late_hides:
                        return
                if total and now + timeout > m.received_at + 43_200:
                    raise ValueError("InvalidParameterValue: beyond 12 hours")
                m.visible_at = now + timeout
    return Q


OldHandleRaises = strict_change(newest_only=True)
LateChangeRaises = strict_change(in_flight_only=True)
LateChangeHides = strict_change(late_hides=True)
DeletedChangeAccepted = strict_change(deleted_ok=True)
NoTotalLimit = strict_change(total=False)


class OldHandleIgnored(S):
    """An older handle's change is accepted but does nothing."""
    def change_visibility(self, receipt_handle, timeout):
        with self._lock:
            m = self._messages.get(self._handles.get(receipt_handle))
            older = m is not None and m.receipt_handle != receipt_handle
        if not older:
            super().change_visibility(receipt_handle, timeout)


class TotalFromChange(S):
    """Counts the 12 hours from the last change_visibility, not from the receive."""
    def change_visibility(self, receipt_handle, timeout):
        with self._lock:
            m = self._messages.get(self._handles.get(receipt_handle))
            if m is not None:
                m.received_at = self.clock.now()
        super().change_visibility(receipt_handle, timeout)


class DropsUndeleted(S):
    """Forgets a message once its timeout passes, as if expiring meant deleting."""
    def receive(self, max_messages=1, visibility_timeout=None):
        now = self.clock.now()
        with self._lock:
            for mid in [m.message_id for m in self._messages.values() if m.receipt_handle and m.visible_at <= now]:
                del self._messages[mid]
        return super().receive(max_messages, visibility_timeout)


@pytest.mark.parametrize("wrong, words", [
    (NoTimeout, [rules.INFLIGHT, "delivered to consumer B while still in flight for A: visibility timeout 30 s, "
                 "12 s elapsed"]),
    (Forever, [rules.COMES_BACK, "with the queue's timeout of 30 s and never deleted it"]),
    (OneHandle, [rules.NEW_HANDLE, "with the same receipt handle A got at 0 s"]),
    (StaleHandleDeletes, [ex.STALE, "3 messages should still be in flight"]),
    (StaleHandleRaises, [ex.STALE, "A deleted with its old receipt handle"]),
    (ChangeIgnored, [ex.OLD_HANDLE, "A set its timeout to 0 with the handle of its earlier receive"]),
    (ChangeFromReceive, [rules.INFLIGHT, "delivered to consumer E while still in flight for C"]),
    (RemembersChange, [rules.COMES_BACK, "a change or a per-receive timeout applies to that receive only"]),
    (PerReceiveSticks, [rules.INFLIGHT, "visibility timeout 30 s, 0 s elapsed"]),
    (WholeSeconds, [rules.INFLIGHT, "29.5 s elapsed"]),
    (WholeTimeouts, [rules.INFLIGHT, "visibility timeout 0.5 s, 0.25 s elapsed"]),
    (StrictlyAfter, [rules.COMES_BACK, "visible again at 30 s"]),
    (ReturnsDeleted, [rules.AFTER_DELETE]),
    (ZeroRefused, [ex.RANGE, "a timeout must be positive", "visibility_timeout=0", "that value is allowed"]),
    (NoUpperLimit, [ex.RANGE, "receive(visibility_timeout=43201) on an empty queue was accepted"]),
    (OldHandleRaises, [ex.OLD_HANDLE, "A's handle was from an older receive",
                       "MessageNotInflight: not the newest handle", "test_terminate_visibility_timeout_after_receive"]),
    (OldHandleIgnored, [ex.OLD_HANDLE, "A set its timeout to 0 with the handle of its earlier receive",
                        "did not return it"]),
    (LateChangeRaises, [ex.TOO_LATE, "exactly 10 s after a receive with a 10 s timeout", "raised ValueError",
                        "test_change_message_visibility_after_visibility_timeout_expiration"]),
    (LateChangeHides, [ex.TOO_LATE, "only exactly when those 10 s had run out, which changes nothing"]),
    (DeletedChangeAccepted, [ex.GONE, "change_visibility() for a deleted message was accepted"]),
    (NoTotalLimit, [ex.TOTAL, "0.5 s after the receive (it would hide the message until 12 hours and 0.5 s", "was "
                    "accepted"]),
    (TotalFromChange, [ex.TOTAL, "was accepted"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_visibility_timeout_rejects(wrong, words):
    text = rejected(ex.check_visibility_timeout, wrong)
    for w in words:
        assert w in text, text


def test_crashed_messages_must_come_back():
    text = rejected(ex.check_slow_consumers, DropsUndeleted)
    assert rules.COMES_BACK in text and "never deleted" in text


class UnlockedReceive(S):
    def receive(self, max_messages=1, visibility_timeout=None):
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        now, got = self.clock.now(), []
        for m in list(self._messages.values()):
            if len(got) < max_messages and m.visible_at <= now:
                got.append(self._hand_out(m, now, timeout))
        return got


def test_races_are_found_every_time():
    first = rejected(ex.check_slow_consumers, UnlockedReceive)
    assert "takes no lock at all" not in first      # send and delete do lock
    assert "outside your `with self._lock:` block" in first and "hint:" in first
    assert rejected(ex.check_slow_consumers, UnlockedReceive) == first


def test_a_race_only_seen_in_the_crowd_gets_the_hint_and_a_sequential_bug_does_not():
    text = rejected(ex.check_slow_consumers, DropsUndeleted)
    assert "hint:" not in text and "a race" not in text
