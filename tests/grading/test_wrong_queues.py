"""A catalogue of typical wrong queues: each is rejected, by the rule it breaks, in words.

Every wrong queue is the exercise's solution with one mistake a learner really makes. The test
asserts on the failure text: the rule's name and the detail a learner needs to find the bug.
"""
import itertools
import math
import re
import time
import uuid
from collections import deque

import pytest

from toyqueue.grading import CheckFailed
from toyqueue.grading import (batches, dead_letter, fifo, idempotent_consumer, receipt_handles,
                              retention_and_delay, scaling_policy, store_and_receive, visibility_timeout)
from toyqueue.grading import rules


def rejected(check, *args):
    with pytest.raises(CheckFailed) as info:
        check(*args)
    return str(info.value)


# ------------------------------------------------------------------------------ 01
def test_01_receive_that_forgets_to_remove(solution):
    S = solution("01_store_and_receive")["MyQueue"]

    class Peeks(S):
        def receive(self, max_messages=1):
            with self._lock:
                return list(itertools.islice(self._messages, max_messages))

    text = rejected(store_and_receive.check_store_and_receive, Peeks)
    assert rules.TAKEN in text and "delivered twice" in text


def test_01_ids_that_repeat(solution):
    S = solution("01_store_and_receive")["MyQueue"]

    class SameId(S):
        def send(self, body):
            with self._lock:
                self._messages.append(("id", body))
            return "id"

    assert "every message gets its own id" in rejected(store_and_receive.check_store_and_receive, SameId)


def test_01_no_limit_on_max_messages(solution):
    S = solution("01_store_and_receive")["MyQueue"]

    class NoLimit(S):
        def receive(self, max_messages=1):
            with self._lock:
                return [self._messages.popleft() for _ in range(min(max(max_messages, 0), len(self._messages)))]

    assert "max_messages is between 1 and 10" in rejected(store_and_receive.check_store_and_receive, NoLimit)


def test_01_loses_messages_under_concurrency_without_a_lock(solution):
    S = solution("01_store_and_receive")["MyQueue"]

    class NoLock(S):
        """Copies, appends and writes back with no lock: two producers overwrite each other."""
        def send(self, body):
            message_id = str(uuid.uuid4())
            copy = deque(self._messages)
            time.sleep(0.0002)          # any work here widens the race
            copy.append((message_id, body))
            self._messages = copy
            return message_id

    store_and_receive.check_store_and_receive(NoLock)      # one thread at a time: fine
    text = rejected(store_and_receive.check_many_at_once, NoLock)
    assert (rules.LOST in text and "the queue lost it" in text) or (rules.TAKEN in text and "delivered twice" in text)
    assert "threading.Lock" in text


# ------------------------------------------------------------------------------ 02
def test_02_never_hides_in_flight_messages(solution):
    S = solution("02_receipt_handles")["MyQueue"]

    class NeverHides(S):
        def receive(self, max_messages=1):
            got = []
            with self._lock:
                for m in list(self._messages.values())[:max_messages]:
                    m.receipt_handle = str(uuid.uuid4())
                    self._handles[m.receipt_handle] = m.message_id
                    got.append((m.message_id, m.body, m.receipt_handle))
            return got

    text = rejected(receipt_handles.check_receipt_handles, NeverHides)
    assert rules.HELD in text
    assert "was delivered to consumer B while still in flight for A" in text


def test_02_deletes_by_message_id(solution):
    S = solution("02_receipt_handles")["MyQueue"]

    class ById(S):
        def receive(self, max_messages=1):
            got = super().receive(max_messages)
            return [(mid, body, mid) for mid, body, _ in got]

        def delete(self, receipt_handle):
            with self._lock:
                if receipt_handle not in self._messages:
                    raise ValueError("unknown")
                del self._messages[receipt_handle]

    text = rejected(receipt_handles.check_receipt_handles, ById)
    assert "delete takes a receipt handle, not a message id" in text and "was accepted" in text


def test_02_receive_removes_the_message(solution):
    S = solution("02_receipt_handles")["MyQueue"]

    class Removes(S):
        def receive(self, max_messages=1):
            got = super().receive(max_messages)
            with self._lock:
                for mid, _, _ in got:
                    del self._messages[mid]
            return got

    text = rejected(receipt_handles.check_receipt_handles, Removes)
    assert "in flight" in text and "'inflight': 0" in text


def test_02_second_delete_raises(solution):
    S = solution("02_receipt_handles")["MyQueue"]

    class Strict(S):
        def delete(self, receipt_handle):
            with self._lock:
                mid = self._handles.pop(receipt_handle, None)
                if mid is None:
                    raise ValueError("ReceiptHandleIsInvalid")
                self._messages.pop(mid, None)

    assert "deleting a message twice succeeds" in rejected(receipt_handles.check_receipt_handles, Strict)


# ------------------------------------------------------------------------------ 03
def test_03_never_hides_in_flight_messages(solution):
    S = solution("03_visibility_timeout")["MyQueue"]

    class NoTimeout(S):
        def receive(self, max_messages=1, visibility_timeout=None):
            got = super().receive(max_messages, visibility_timeout)
            with self._lock:
                for mid, _, _ in got:
                    self._messages[mid].visible_at = 0       # stays visible
            return got

    text = rejected(visibility_timeout.check_visibility_timeout, NoTimeout)
    assert rules.INFLIGHT in text
    assert "delivered to consumer B while still in flight for A: visibility timeout 30 s, 12 s elapsed" in text


def test_03_never_expires_the_visibility_timeout(solution):
    S = solution("03_visibility_timeout")["MyQueue"]

    class Forever(S):
        def receive(self, max_messages=1, visibility_timeout=None):
            got = super().receive(max_messages, visibility_timeout)
            with self._lock:
                for mid, _, _ in got:
                    self._messages[mid].visible_at = math.inf
            return got

    text = rejected(visibility_timeout.check_visibility_timeout, Forever)
    assert rules.COMES_BACK in text and "30 s ran out" in text


def test_03_same_receipt_handle_every_receive(solution):
    S = solution("03_visibility_timeout")["MyQueue"]

    class OneHandle(S):
        def receive(self, max_messages=1, visibility_timeout=None):
            got = super().receive(max_messages, visibility_timeout)
            out = []
            with self._lock:
                for mid, body, _ in got:
                    self._messages[mid].receipt_handle = "h-" + mid
                    self._handles["h-" + mid] = mid
                    out.append((mid, body, "h-" + mid))
            return out

    text = rejected(visibility_timeout.check_visibility_timeout, OneHandle)
    assert rules.NEW_HANDLE in text and "with the same receipt handle A got at 0 s" in text


def test_03_change_visibility_ignored(solution):
    S = solution("03_visibility_timeout")["MyQueue"]

    class Ignores(S):
        def change_visibility(self, receipt_handle, timeout):
            pass

    text = rejected(visibility_timeout.check_visibility_timeout, Ignores)
    assert rules.INFLIGHT in text and "visibility timeout 100 s, 50 s elapsed" in text


def test_03_returns_deleted_messages(solution):
    S = solution("03_visibility_timeout")["MyQueue"]

    class Undead(S):
        def delete(self, receipt_handle):
            with self._lock:
                if receipt_handle not in self._handles:
                    raise ValueError("ReceiptHandleIsInvalid")
                m = self._messages.get(self._handles[receipt_handle])
                if m is not None:
                    m.visible_at = self.clock.now() + 35      # "deleted" = hidden a while

    text = rejected(visibility_timeout.check_visibility_timeout, Undead)
    assert rules.AFTER_DELETE in text and re.search(r"after [DE] deleted it at 82 s", text)


def test_03_loses_crashed_messages_under_threads(solution):
    S = solution("03_visibility_timeout")["MyQueue"]

    class DropsUndeleted(S):
        """Forgets a message once its timeout passes, as if expiring meant deleting."""
        def receive(self, max_messages=1, visibility_timeout=None):
            now = self.clock.now()
            with self._lock:
                for mid in [m.message_id for m in self._messages.values() if 0 < m.receive_count
                            and m.visible_at <= now]:
                    del self._messages[mid]
            return super().receive(max_messages, visibility_timeout)

    text = rejected(visibility_timeout.check_slow_consumers, DropsUndeleted)
    assert rules.COMES_BACK in text and "consumers crash" in text


# ------------------------------------------------------------------------------ 04
def test_04_ignores_delay(solution):
    S = solution("07_retention_and_delay")["MyQueue"]

    class NoDelay(S):
        def send(self, body, delay=None):
            return super().send(body, delay=0)

    text = rejected(retention_and_delay.check_delay, NoDelay)
    assert rules.DELAY in text and "with a delay of 5 s: it must stay hidden until 5 s" in text


def test_04_keeps_messages_forever_past_retention(solution):
    S = solution("07_retention_and_delay")["MyQueue"]

    class Forever(S):
        def _drop_expired(self, now):
            pass

    text = rejected(retention_and_delay.check_retention, Forever)
    assert rules.RETENTION in text and "the retention period is 60 s" in text


def test_04_retention_counted_from_the_last_receive(solution):
    S = solution("07_retention_and_delay")["MyQueue"]

    class FromReceive(S):
        def receive(self, max_messages=1, visibility_timeout=None):
            got = super().receive(max_messages, visibility_timeout)
            with self._lock:
                for mid, _, _ in got:
                    self._messages[mid].sent_at = self.clock.now()
            return got

    assert rules.RETENTION in rejected(retention_and_delay.check_retention, FromReceive)


def test_04_default_retention_wrong(solution):
    S = solution("07_retention_and_delay")["MyQueue"]

    class OneDay(S):
        def __init__(self, clock, visibility_timeout=30, retention_period=86_400, delay_seconds=0):
            super().__init__(clock, visibility_timeout, retention_period, delay_seconds)

    assert "the default retention period is 4 days" in rejected(retention_and_delay.check_retention, OneDay)


def test_04_accepts_any_delay(solution):
    S = solution("07_retention_and_delay")["MyQueue"]
    ns = solution("07_retention_and_delay")

    class AnyDelay(S):
        def send(self, body, delay=None):
            delay = self.delay_seconds if delay is None else delay
            now = self.clock.now()
            mid = str(uuid.uuid4())
            with self._lock:
                self._messages[mid] = ns["Message"](mid, body, sent_at=now, visible_at=now + delay)
            return mid

    assert "a delay is between 0 s and 900 s" in rejected(retention_and_delay.check_delay, AnyDelay)


# ------------------------------------------------------------------------------ 05
def test_05_batch_without_limits(solution):
    S = solution("08_batches")["MyQueue"]

    class NoLimit(S):
        def send_batch(self, bodies):
            return [self.send(b) for b in bodies]

    text = rejected(batches.check_batches, NoLimit)
    assert "a batch holds 1 to 10 entries" in text and "with 11 bodies was accepted" in text


def test_05_refused_batch_half_stored(solution):
    S = solution("08_batches")["MyQueue"]

    class HalfStored(S):
        def send_batch(self, bodies):
            ids = []
            total = 0
            for b in bodies:
                total += len(b.encode())
                if total > 1_048_576 or len(ids) == 10:
                    raise ValueError("too big")
                ids.append(self.send(b))
            if not ids:
                raise ValueError("empty")
            return ids

    assert "a refused batch stores nothing" in rejected(batches.check_batches, HalfStored)


def test_05_delete_batch_stops_at_the_first_bad_handle(solution):
    S = solution("08_batches")["MyQueue"]

    class AllOrNothing(S):
        def delete_batch(self, receipt_handles):
            if not 1 <= len(receipt_handles) <= 10:
                raise ValueError("batch size")
            for h in receipt_handles:
                self.delete(h)
            return []

    text = rejected(batches.check_batches, AllOrNothing)
    assert "a batch succeeds or fails entry by entry" in text and "ReceiptHandleIsInvalid" in text


def test_05_delete_batch_reports_nothing(solution):
    S = solution("08_batches")["MyQueue"]

    class Silent(S):
        def delete_batch(self, receipt_handles):
            super().delete_batch(receipt_handles)
            return []

    text = rejected(batches.check_batches, Silent)
    assert "returns the list of those it could not delete" in text and "failed=[]" in text


# ------------------------------------------------------------------------------ 06
def test_06_ignores_max_receive_count(solution):
    S = solution("09_dead_letter")["MyQueue"]

    class NoDlq(S):
        def __init__(self, clock, dead_letter_queue=None, max_receive_count=None, **kw):
            super().__init__(clock, dead_letter_queue=dead_letter_queue, max_receive_count=max_receive_count, **kw)
            self.dead_letter_queue = None

    text = rejected(dead_letter.check_dead_letter, NoDlq)
    assert dead_letter.DLQ in text and "delivered 5 times from the source queue" in text
    assert "max_receive_count is 3: the 4th receive should have moved it" in text


def test_06_moves_one_receive_too_late(solution):
    S = solution("09_dead_letter")["MyQueue"]

    class OffByOne(S):
        def receive(self, max_messages=1, visibility_timeout=None):
            if self.max_receive_count:
                self.max_receive_count, real = self.max_receive_count + 1, self.max_receive_count
                try:
                    return super().receive(max_messages, visibility_timeout)
                finally:
                    self.max_receive_count = real
            return super().receive(max_messages, visibility_timeout)

    assert "delivered 4 times from the source queue" in rejected(dead_letter.check_dead_letter, OffByOne)


def test_06_new_id_in_the_dead_letter_queue(solution):
    ns = solution("09_dead_letter")
    S = ns["MyQueue"]

    class Renames(S):
        def _accept(self, message):
            with self._lock:
                mid = str(uuid.uuid4())
                self._messages[mid] = ns["Message"](mid, message.body, sent_at=message.sent_at,
                                                    visible_at=self.clock.now())

    assert dead_letter.KEEPS_ID in rejected(dead_letter.check_dead_letter, Renames)


def test_06_redrive_keeps_the_receive_count(solution):
    ns = solution("09_dead_letter")
    S = ns["MyQueue"]

    class KeepsCount(S):
        def _accept(self, message):
            with self._lock:
                self._messages[message.message_id] = ns["Message"](
                    message.message_id, message.body, sent_at=message.sent_at, visible_at=self.clock.now(),
                    receive_count=message.receive_count)

    text = rejected(dead_letter.check_dead_letter, KeepsCount)
    assert dead_letter.REDRIVE in text and "receive count must start again from 0" in text


# ------------------------------------------------------------------------------ 07
def test_07_fifo_out_of_order(solution):
    S = solution("10_fifo")["MyFifoQueue"]

    class Newest(S):
        def receive(self, max_messages=1, visibility_timeout=None):
            with self._lock:
                self._messages = dict(reversed(list(self._messages.items())))
            try:
                return super().receive(max_messages, visibility_timeout)
            finally:
                with self._lock:
                    self._messages = dict(reversed(list(self._messages.items())))

    text = rejected(fifo.check_fifo_order, Newest)
    assert rules.FIFO_ORDER in text and "which was sent earlier" in text


def test_07_no_group_blocking(solution):
    S = solution("10_fifo")["MyFifoQueue"]

    class NoBlock(S):
        def receive(self, max_messages=1, visibility_timeout=None):
            timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
            now, got = self.clock.now(), []
            with self._lock:
                for m in self._messages.values():
                    if len(got) < max_messages and m.visible_at <= now:
                        m.visible_at, m.receipt_handle = now + timeout, str(uuid.uuid4())
                        self._handles[m.receipt_handle] = m.message_id
                        got.append((m.message_id, m.body, m.receipt_handle))
            return got

    text = rejected(fifo.check_fifo_order, NoBlock)
    assert rules.FIFO_BLOCK in text and "of the same group was in flight for A" in text


def test_07_deduplicates_forever(solution):
    S = solution("10_fifo")["MyFifoQueue"]

    class Forever(S):
        def send(self, body, group_id, deduplication_id=None):
            key = deduplication_id or body
            with self._lock:
                if key in self._dedup:
                    self._dedup[key] = (self._dedup[key][0], self.clock.now())
            return super().send(body, group_id, deduplication_id)

    text = rejected(fifo.check_deduplication, Forever)
    assert rules.DEDUP_EXPIRES in text and "the window is 300 s" in text


def test_07_no_deduplication(solution):
    S = solution("10_fifo")["MyFifoQueue"]

    class NoDedup(S):
        def send(self, body, group_id, deduplication_id=None):
            with self._lock:
                self._dedup.clear()
            return super().send(body, group_id, deduplication_id)

    text = rejected(fifo.check_deduplication, NoDedup)
    assert rules.DEDUP in text and "accepted it as a new message" in text


def test_07_deduplicates_only_against_stored_messages(solution):
    S = solution("10_fifo")["MyFifoQueue"]

    class OnlyStored(S):
        def send(self, body, group_id, deduplication_id=None):
            with self._lock:
                for key, (mid, _) in list(self._dedup.items()):
                    if mid not in self._messages:
                        del self._dedup[key]
            return super().send(body, group_id, deduplication_id)

    assert "already received and deleted" in rejected(fifo.check_deduplication, OnlyStored)


def test_07_content_based_deduplication_missing(solution):
    S = solution("10_fifo")["MyFifoQueue"]

    class NoContent(S):
        def send(self, body, group_id, deduplication_id=None):
            return super().send(body, group_id, deduplication_id or str(uuid.uuid4()))

    text = rejected(fifo.check_deduplication, NoContent)
    assert "SHA-256 of the body" in text


# ------------------------------------------------------------------------------ 08
def test_08_charges_every_delivery(solution):
    ns = solution("04_idempotent_consumer")

    def naive(db, message):
        import json
        o = json.loads(message["Body"])
        with db:
            db.execute("INSERT INTO charges VALUES (?, ?, ?)", (o["order_id"], o["customer"], o["amount"]))

    def consume(svc, url, db):
        return ns["consume"].__wrapped__(svc, url, db) if hasattr(ns["consume"], "__wrapped__") else \
            _consume_with(naive, svc, url, db)

    text = rejected(idempotent_consumer.check_idempotent_consumer, naive, consume, ns["make_db"])
    assert idempotent_consumer.EXACTLY_ONCE in text and "charged 2 times" in text


def _consume_with(handle, svc, url, db):
    r = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
    for m in r.get("Messages", []):
        handle(db, m)
        svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    return len(r.get("Messages", []))


def test_08_keys_on_message_id(solution):
    ns = solution("04_idempotent_consumer")

    def by_message_id(db, message):
        import json
        o = json.loads(message["Body"])
        with db:
            if db.execute("INSERT OR IGNORE INTO processed VALUES (?)", (message["MessageId"],)).rowcount:
                db.execute("INSERT INTO charges VALUES (?, ?, ?)", (o["order_id"], o["customer"], o["amount"]))

    text = rejected(idempotent_consumer.check_idempotent_consumer, by_message_id,
                    lambda s, u, d: _consume_with(by_message_id, s, u, d), ns["make_db"])
    assert idempotent_consumer.EXACTLY_ONCE in text and "key on the order id, not the MessageId" in text


def test_08_never_deletes(solution):
    ns = solution("04_idempotent_consumer")

    def no_delete(svc, url, db):
        r = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
        for m in r.get("Messages", []):
            ns["handle_order"](db, m)
        return len(r.get("Messages", []))

    text = rejected(idempotent_consumer.check_idempotent_consumer, ns["handle_order"], no_delete, ns["make_db"])
    assert idempotent_consumer.DELETES in text and "messages were still in the queue" in text


# ------------------------------------------------------------------------------ 09
def _policy(fn):
    def desired(visible, in_service, target, min_size=1, max_size=10):
        return fn(visible, in_service, target, min_size, max_size)
    return desired


@pytest.mark.parametrize("wrong, words", [
    (lambda v, n, t, lo, hi: max(lo, min(hi, v // t)), "round up"),
    (lambda v, n, t, lo, hi: math.ceil(v / t), "scales in to min_size"),
    (lambda v, n, t, lo, hi: max(lo, min(hi, n + 1 if v > n * t else n - 1)), "expected 15"),
    (lambda v, n, t, lo, hi: max(lo, min(hi, math.ceil(n * (v / n) / t) if n else math.ceil(v / t))),
     "returned 16; expected 15: 450 messages"),
], ids=["floor", "no-clamp", "step-policy", "float-detour"])
def test_09_wrong_policies(solution, wrong, words):
    ns = solution("05_scaling_policy")
    text = rejected(scaling_policy.check_scaling_policy, ns["backlog_target"], _policy(wrong))
    assert scaling_policy.CEIL in text and words in text


def test_09_float_answer(solution):
    ns = solution("05_scaling_policy")
    text = rejected(scaling_policy.check_scaling_policy, ns["backlog_target"],
                    _policy(lambda v, n, t, lo, hi: float(max(lo, min(hi, math.ceil(v / t))))))
    assert "returns a whole number of instances" in text


def test_09_target_upside_down(solution):
    ns = solution("05_scaling_policy")
    text = rejected(scaling_policy.check_scaling_policy, lambda latency, per: per / latency, ns["desired_instances"])
    assert scaling_policy.TARGET_RULE in text and "expected 100" in text


# ------------------------------------------------------------------------------ all
@pytest.mark.parametrize("check, name, cls", [
    (store_and_receive.check_store_and_receive, "01_store_and_receive", "MyQueue"),
    (store_and_receive.check_many_at_once, "01_store_and_receive", "MyQueue"),
    (receipt_handles.check_receipt_handles, "02_receipt_handles", "MyQueue"),
    (receipt_handles.check_many_at_once, "02_receipt_handles", "MyQueue"),
    (visibility_timeout.check_visibility_timeout, "03_visibility_timeout", "MyQueue"),
    (visibility_timeout.check_slow_consumers, "03_visibility_timeout", "MyQueue"),
    (retention_and_delay.check_delay, "07_retention_and_delay", "MyQueue"),
    (retention_and_delay.check_retention, "07_retention_and_delay", "MyQueue"),
    (batches.check_batches, "08_batches", "MyQueue"),
    (batches.check_batches_at_once, "08_batches", "MyQueue"),
    (dead_letter.check_dead_letter, "09_dead_letter", "MyQueue"),
    (fifo.check_fifo_order, "10_fifo", "MyFifoQueue"),
    (fifo.check_deduplication, "10_fifo", "MyFifoQueue"),
    (fifo.check_fifo_threads, "10_fifo", "MyFifoQueue"),
])
def test_each_solution_queue_is_accepted(solution, check, name, cls, capsys):
    check(solution(name)[cls])
    assert capsys.readouterr().out.startswith("PASS ")


def test_later_queues_pass_earlier_checks(solution):
    """Each exercise extends the one before: exercise 05's queue still passes 03's checks."""
    five = solution("08_batches")["MyQueue"]
    visibility_timeout.check_visibility_timeout(five)
    retention_and_delay.check_delay(five)
    retention_and_delay.check_retention(five)


def test_05_lock_taken_twice_fails_instead_of_hanging(solution, monkeypatch):
    from toyqueue.grading import common
    S = solution("08_batches")["MyQueue"]

    class TakesLockTwice(S):
        def send_batch(self, bodies):
            with self._lock:                       # send() takes self._lock again: deadlock
                return [self.send(b) for b in bodies]

    monkeypatch.setattr(common, "STUCK_SECONDS", 1)
    text = rejected(batches.check_batches, TakesLockTwice)
    assert "a queue answers every call" in text and "threading.Lock is not re-entrant" in text
