"""Correct answers the checks have never seen must pass: the checks grade rules, not one design.

Also: each step's reference still passes every earlier step's checks (the learner keeps one
myqueue.py, and the notebooks of earlier exercises grade the file as it is now), and a lock
taken twice fails with an explanation instead of hanging.
"""
import collections
import hashlib
import heapq
import itertools
import json
import math
import queue
import threading

import pytest

from toyqueue.grading import (access_policy, batches, dead_letter, fifo, idempotent_consumer, receipt_handles,
                              retention_and_delay, scaling_policy, store_and_receive, visibility_timeout)
from wrong import namespace, rejected, solution

STEPS = [  # the exercises that grow MyQueue, and their checks
    ("01_store_and_receive", [store_and_receive.check_store_and_receive, store_and_receive.check_many_at_once]),
    ("02_receipt_handles", [receipt_handles.check_receipt_handles, receipt_handles.check_many_at_once]),
    ("03_visibility_timeout", [visibility_timeout.check_visibility_timeout, visibility_timeout.check_slow_consumers]),
    ("07_retention_and_delay", [retention_and_delay.check_delay, retention_and_delay.check_retention,
                                retention_and_delay.check_at_once]),
    ("08_batches", [batches.check_batches, batches.check_batches_at_once]),
    ("09_dead_letter", [dead_letter.check_dead_letter, dead_letter.check_at_once]),
]


class AltQueue:
    """Another correct design for exercises 01 to 09: records keyed by a counter ("m1", "m2", ...,
    shared by all queues, since a message keeps its id when it moves), visible ones in an
    OrderedDict, hidden ones in a heap with lazy removal, handles that are a counter too, one
    re-entrant lock."""

    _ids = itertools.count(1)

    def __init__(self, clock, visibility_timeout=30, retention_period=345_600, delay_seconds=0,
                 dead_letter_queue=None, max_receive_count=None):
        for name, value, low, high in (("visibility_timeout", visibility_timeout, 0, 43_200),
                                       ("retention_period", retention_period, 60, 1_209_600),
                                       ("delay_seconds", delay_seconds, 0, 900)):
            if not low <= value <= high:
                raise ValueError(f"{name} out of range")
        if dead_letter_queue is not None and (type(max_receive_count) is not int or not 1 <= max_receive_count <= 1000):
            raise ValueError("max_receive_count")
        self.clock, self.timeout, self.retention, self.delay = clock, visibility_timeout, retention_period, delay_seconds
        self.dlq, self.max_count = dead_letter_queue, max_receive_count
        self._lock = threading.RLock()
        self._handle_ids = itertools.count(1)
        self._records, self._visible, self._hidden, self._handles = {}, collections.OrderedDict(), [], {}

    # -- bookkeeping, with the lock held
    def _hide(self, rec, until):
        rec["visible_at"] = until
        self._visible.pop(rec["id"], None)
        heapq.heappush(self._hidden, (until, next(self._ids), rec["id"]))

    def _tidy(self, now):
        for mid in [mid for mid, r in self._records.items() if now >= r["sent_at"] + self.retention]:
            del self._records[mid]
            self._visible.pop(mid, None)
        while self._hidden and self._hidden[0][0] <= now:
            until, _, mid = heapq.heappop(self._hidden)
            rec = self._records.get(mid)
            if rec is not None and rec["visible_at"] == until:
                self._visible[mid] = rec

    def send(self, body, delay=None):
        delay = self.delay if delay is None else delay
        if not 0 <= delay <= 900:
            raise ValueError("delay out of range")
        with self._lock:
            now = self.clock.now()
            rec = {"id": f"m{next(self._ids)}", "body": body, "sent_at": now, "handle": None, "count": 0}
            self._records[rec["id"]] = rec
            if delay:
                self._hide(rec, now + delay)
            else:
                rec["visible_at"] = now
                self._visible[rec["id"]] = rec
            return rec["id"]

    def send_batch(self, bodies):
        if not 1 <= len(bodies) <= 10 or sum(len(b.encode("utf-8")) for b in bodies) > 1_048_576:
            raise ValueError("batch refused")
        with self._lock:
            return [self.send(b) for b in bodies]

    def receive(self, max_messages=1, visibility_timeout=None):
        timeout = self.timeout if visibility_timeout is None else visibility_timeout
        if not 1 <= max_messages <= 10 or not 0 <= timeout <= 43_200:
            raise ValueError("out of range")
        got, dead = [], []
        with self._lock:
            now = self.clock.now()
            self._tidy(now)
            for mid in list(self._visible):
                if len(got) == max_messages:
                    break
                rec = self._visible.pop(mid)
                if self.dlq is not None and rec["count"] >= self.max_count:
                    del self._records[mid]
                    dead.append(rec)
                    continue
                rec["count"] += 1
                rec["handle"] = f"h{next(self._handle_ids)}"
                rec["received_at"] = now
                self._handles[rec["handle"]] = mid
                self._hide(rec, now + timeout)
                got.append((mid, rec["body"], rec["handle"]))
        for rec in dead:
            self.dlq._accept(rec)
        return got

    def _accept(self, rec):
        with self._lock:
            new = dict(rec, handle=None, count=0, visible_at=self.clock.now())
            self._records[new["id"]] = new
            self._visible[new["id"]] = new

    def move_messages(self, destination):
        with self._lock:
            self._tidy(self.clock.now())
            moving = [self._records.pop(mid) for mid in list(self._visible)]
            self._visible.clear()
        for rec in moving:
            destination._accept(rec)
        return len(moving)

    def delete(self, receipt_handle):
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError("ReceiptHandleIsInvalid")
            rec = self._records.get(self._handles[receipt_handle])
            if rec is not None and rec["handle"] == receipt_handle:
                if self.strict and rec["visible_at"] <= self.clock.now():
                    raise ValueError("expired")
                del self._records[rec["id"]]
                self._visible.pop(rec["id"], None)

    def delete_batch(self, receipt_handles):
        if not 1 <= len(receipt_handles) <= 10:
            raise ValueError("batch refused")
        failed = []
        with self._lock:
            for h in receipt_handles:
                try:
                    self.delete(h)
                except ValueError:
                    failed.append(h)
        return failed

    strict = False     # AltFifo: only the newest handle of a message in flight

    def change_visibility(self, receipt_handle, timeout):
        if not 0 <= timeout <= 43_200:
            raise ValueError("out of range")
        with self._lock:
            now = self.clock.now()
            self._tidy(now)
            rec = self._records.get(self._handles.get(receipt_handle, ""))
            if rec is None:
                raise ValueError("unknown handle or deleted message")
            in_flight = rec["id"] not in self._visible and rec["count"]
            if self.strict and (rec["handle"] != receipt_handle or not in_flight):
                raise ValueError("expired")
            if not in_flight:
                return
            if now + timeout - rec["received_at"] > 43_200:
                raise ValueError("beyond 12 hours")
            self._hide(rec, now + timeout)
            if timeout == 0:
                self._tidy(now)

    def counts(self):
        with self._lock:
            now = self.clock.now()
            self._tidy(now)
            hidden = [r for r in self._records.values() if r["id"] not in self._visible]
            return {"visible": len(self._visible), "inflight": sum(1 for r in hidden if r["count"]),
                    "delayed": sum(1 for r in hidden if not r["count"])}


class QueueModuleQueue:
    """Exercise 01 on Python's own thread-safe queue.Queue: no lock of its own."""
    def __init__(self, clock):
        self.q, self.ids = queue.Queue(), itertools.count(1)

    def send(self, body):
        mid = f"id-{next(self.ids)}"
        self.q.put((mid, body))
        return mid

    def receive(self, max_messages=1):
        if not 1 <= max_messages <= 10:
            raise ValueError(max_messages)
        got = []
        while len(got) < max_messages:
            try:
                got.append(self.q.get_nowait())
            except queue.Empty:
                break
        return got


class AltFifo(AltQueue):
    """FIFO on top of AltQueue, groups as per-group deques of ids, deduplication in a dict."""

    strict = True

    def __init__(self, clock, visibility_timeout=30, content_based_deduplication=False):
        super().__init__(clock, visibility_timeout)
        self.content = content_based_deduplication
        self._groups, self._seen = {}, {}

    def send(self, body, group_id, deduplication_id=None):
        if not group_id:
            raise ValueError("MissingParameter")
        if deduplication_id is None:
            if not self.content:
                raise ValueError("InvalidParameterValue")
            deduplication_id = hashlib.sha256(body.encode("utf-8")).hexdigest()
        with self._lock:
            now = self.clock.now()
            first = self._seen.get(deduplication_id)
            if first is not None and now < first[1] + 300:
                return first[0]
            mid = super().send(body, 0)
            self._groups.setdefault(group_id, collections.deque()).append(mid)
            self._seen[deduplication_id] = (mid, now)
            return mid

    def receive(self, max_messages=1, visibility_timeout=None):
        timeout = self.timeout if visibility_timeout is None else visibility_timeout
        if not 1 <= max_messages <= 10 or not 0 <= timeout <= 43_200:
            raise ValueError("out of range")
        got = []
        with self._lock:
            now = self.clock.now()
            self._tidy(now)
            for group, ids in self._groups.items():
                while ids and ids[0] not in self._records:
                    ids.popleft()
                for mid in list(ids):
                    rec = self._records.get(mid)
                    if rec is None:
                        continue
                    if len(got) == max_messages or mid not in self._visible:
                        break                      # the group is closed from its first hidden message on
                    rec["count"] += 1
                    rec["received_at"] = now
                    rec["handle"] = f"h{next(self._handle_ids)}"
                    self._handles[rec["handle"]] = mid
                    self._hide(rec, now + timeout)
                    got.append((mid, rec["body"], rec["handle"]))
        got.sort(key=lambda m: int(m[0][1:]))
        return got


@pytest.mark.parametrize("name, checks", STEPS, ids=[s[0] for s in STEPS])
def test_another_design_passes(name, checks, capsys):
    for check in checks:
        check(AltQueue)
        assert capsys.readouterr().out.startswith("PASS ")


def test_a_queue_without_a_lock_of_its_own_passes(capsys):
    store_and_receive.check_store_and_receive(QueueModuleQueue)
    store_and_receive.check_many_at_once(QueueModuleQueue)
    assert capsys.readouterr().out.count("PASS ") == 2


def test_another_fifo_design_passes(capsys):
    for check in (fifo.check_fifo_order, fifo.check_group_visibility, fifo.check_deduplication,
                  fifo.check_fifo_threads):
        check(AltFifo)
    assert capsys.readouterr().out.count("PASS ") == 4


@pytest.mark.parametrize("later", range(1, len(STEPS)), ids=[s[0] for s in STEPS[1:]])
def test_later_queues_pass_earlier_checks(later, capsys):
    """A learner's myqueue.py after step N still passes the checks of every step before N."""
    cls = solution(STEPS[later][0])
    for name, checks in STEPS[:later]:
        for check in checks:
            check(cls)
    fifo_file = solution("10_fifo")          # after exercise 10, myqueue.py holds both classes
    for name, checks in STEPS[later:later + 1]:
        for check in checks:
            check(fifo_file)
    assert "FAIL" not in capsys.readouterr().out


def test_another_consumer_passes(capsys):
    def handle_order(db, message):
        order = json.loads(message["Body"])
        with db:
            done = db.execute("INSERT INTO processed (order_id) VALUES (?) ON CONFLICT DO NOTHING",
                              (order["order_id"],)).rowcount
            if done:
                db.execute("INSERT INTO charges (order_id, customer, amount) VALUES (:order_id, :customer, :amount)",
                           order)

    def consume(svc, queue_url, db):
        messages = svc.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=5, WaitTimeSeconds=0).get("Messages", [])
        for m in messages:
            handle_order(db, m)
        if messages:
            svc.delete_message_batch(QueueUrl=queue_url, Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]}
                                                                  for i, m in enumerate(messages)])
        return len(messages)

    idempotent_consumer.check_idempotent_consumer(handle_order, consume, namespace("04_idempotent_consumer")["make_db"])
    assert capsys.readouterr().out.startswith("PASS ")


def test_another_scaling_policy_passes(capsys):
    def backlog_target(acceptable_latency, seconds_per_message):
        return acceptable_latency / seconds_per_message

    def desired_instances(visible_messages, in_service, target_backlog_per_instance, min_size=1, max_size=10):
        whole, rest = divmod(visible_messages, target_backlog_per_instance)
        return int(min(max(whole + (rest > 0), min_size), max_size))

    scaling_policy.check_scaling_policy(backlog_target, desired_instances)
    assert capsys.readouterr().out.startswith("PASS ")


def test_another_policy_passes(capsys):
    def queue_policy(queue_arn):
        send = {"Effect": "Allow", "Action": ["SQS:SendMessage"], "Resource": [queue_arn]}
        return {"Statement": [
            {**send, "Principal": {"AWS": ["111122223333"]}},
            {**send, "Principal": {"Service": ["s3.amazonaws.com"]},
             "Condition": {"StringEquals": {"AWS:SourceArn": "arn:aws:s3:::video-uploads",
                                            "aws:sourceaccount": ["000000000000"]}}},
            {**send, "Principal": {"Service": "sns.amazonaws.com"},
             "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:sns:us-east-1:000000000000:new-orders"}}},
            {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "sqs:*", "Resource": queue_arn,
             "Condition": {"Bool": {"aws:SecureTransport": ["false"]}}},
            {"Effect": "Deny", "Principal": {"Service": ["s3.amazonaws.com", "sns.amazonaws.com"]},
             "Action": "sqs:*", "Resource": queue_arn, "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
        ]}

    access_policy.check_writers(queue_policy)
    access_policy.check_https_only(queue_policy)
    assert capsys.readouterr().out.count("PASS ") == 2


def test_a_lock_taken_twice_fails_instead_of_hanging(monkeypatch):
    from toyqueue.grading import common
    S = solution("08_batches")

    class TakesLockTwice(S):
        def send_batch(self, bodies):
            with self._lock:                       # send() takes self._lock again: deadlock
                return [self.send(b) for b in bodies]

    monkeypatch.setattr(common, "STUCK_SECONDS", 2)
    text = rejected(batches.check_batches, TakesLockTwice)
    assert "a queue answers every call" in text and "threading.Lock is not re-entrant" in text


def test_a_lock_taken_twice_on_threads_is_a_deadlock_found_at_once():
    S = solution("08_batches")

    class TakesLockTwice(S):
        def send_batch(self, bodies):
            with self._lock:
                return [self.send(b) for b in bodies]

    text = rejected(batches.check_batches_at_once, TakesLockTwice)
    assert "a queue answers every call" in text and "waited for a lock that was never released" in text
