"""StandardQueue and FifoQueue: the data structures behind one SQS queue.

This file is the lean core: plain method calls, no validation, no dicts shaped for boto3
(service.py does that). Every operation is O(1) amortised, however long the backlog:

  ready     deque of visible messages, oldest first (FIFO: of message groups)
  returned  deque of messages visible again after being in flight; served before ``ready``
  timers    heap of (when, tiebreak, message): delays and visibility timeouts ending
  age       deque of every live message in send order, for retention
  receipts  dict: receipt handle -> message (older handles of a live message too)

The indexes are lazy. When a message moves on (deleted, received again, its timeout
changed) the old index entries stay where they are and are skipped when reached: the
message's ``status`` and ``visible_at`` are the truth. Time is passed in (``now``), so the
same code runs on a real or a virtual clock.

One lock per queue. Long polling waits on a condition variable tied to that lock.
"""
import heapq
import itertools
import re
import threading
from collections import deque, namedtuple

from .errors import InvalidParameterValue, OverLimit, ReceiptHandleIsInvalid
from .limits import (DEDUP_WINDOW, DEFAULT_RETENTION, DEFAULT_VISIBILITY_TIMEOUT, MAX_INFLIGHT,
                     MAX_VISIBILITY_TIMEOUT)
from .message import DELAYED, GONE, INFLIGHT, VISIBLE, Message

_queue_numbers = itertools.count(1)
_HANDLE_NUMBER = re.compile(r"[0-9]{1,20}")    # ASCII digits, and few enough for int()


def _keep(index, wanted):
    """Filter a deque in place (a loop may hold it in a local variable)."""
    kept = [x for x in index if wanted(x)]
    index.clear()
    index.extend(kept)


def _live(msg):
    return msg.status is not GONE


def _visible(msg):
    return msg.status is VISIBLE


class StandardQueue:
    fifo = False

    def __init__(self, name="queue", *, token=None, visibility_timeout=DEFAULT_VISIBILITY_TIMEOUT,
                 delay=0, retention=DEFAULT_RETENTION, max_inflight=MAX_INFLIGHT, clock=None):
        self.name = name
        self.clock = clock             # only for looking inside without passing ``now``
        self.arn = None
        self.visibility_timeout = visibility_timeout
        self.delay = delay
        self.retention = retention
        self.max_inflight = max_inflight
        self.max_receives = 0          # RedrivePolicy maxReceiveCount (0: no redrive)
        self.dlq = None                # the dead-letter queue (a queue object)
        self.deleted = False

        # Ids look like SQS's (a UUID; a receipt handle starting "AQEB") but are a fixed
        # prefix plus a counter: cheap, unique, and the same on every run of a lesson.
        # Both counters start at a power of ten so every id has the same length: no id is
        # the beginning of another (tools that mask ids by search-and-replace rely on it).
        # Heap entries are (when, tiebreak, message); the tiebreak (a counter) keeps
        # Python from comparing messages when two timers end at the same moment.
        token = token or f"{next(_queue_numbers):08x}{'0' * 24}"
        self.id_prefix = f"{token[:8]}-{token[8:12]}-4{token[13:16]}-8{token[17:20]}-"
        self.rh_prefix = f"AQEB{token}"
        self._sent = 100_000_000_000        # 12 digits: the last group of a UUID
        self._handed = 1_000_000_000        # 10 digits after the prefix

        self.lock = threading.Lock()
        self.cond = threading.Condition(self.lock)
        self.waiters = 0

        self.ready = deque()
        self.returned = deque()
        self.timers = []
        self.age = deque()
        self.receipts = {}
        self.n_visible = self.n_inflight = self.n_delayed = 0

    # ----------------------------------------------------------------------- send
    def send(self, body, now, delay=None, group_id=None, attributes=None, info=None):
        """Add a message; it is visible after ``delay`` seconds (default: the queue's)."""
        with self.lock:
            return self._add(body, now, self.delay if delay is None else delay,
                             group_id, attributes, info)

    def _add(self, body, now, delay, group_id, attributes, info, message_id=None):
        self._sent += 1
        msg = Message(message_id or f"{self.id_prefix}{self._sent}", body, now,
                      now + delay, DELAYED if delay > 0 else VISIBLE, group_id, attributes, info)
        self.age.append(msg)
        if delay > 0:
            self.n_delayed += 1
            self._schedule(msg, -self._sent)
        else:                                   # = self._show(msg), inlined: the hot path
            self.n_visible += 1
            self.ready.append(msg)
            if self.waiters:
                self.cond.notify()
        return msg

    def _show(self, msg, lane=None):
        """Make a message visible: a standard queue lines it up, in ``ready`` (a delay ended)
        or ``returned`` (a visibility timeout ended). Returned messages go first: AWS hands
        out a message that is visible again before newer ones (recorded in LocalStack's
        test_inflight_message_requeue)."""
        msg.status = VISIBLE
        self.n_visible += 1
        (self.ready if lane is None else lane).append(msg)
        if self.waiters:
            self.cond.notify()

    # -------------------------------------------------------------------- receive
    def receive(self, now, max_n=1, visibility_timeout=None, short_poll=True):
        """Hand out up to ``max_n`` visible messages, each with a new receipt handle.

        Messages received more than ``max_receives`` times go to the dead-letter queue
        instead. Past ``max_inflight`` a short poll fails with OverLimit, as SQS does.
        """
        vt = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        moved = []
        with self.lock:
            if (self.timers and self.timers[0][0] <= now) or \
                    (self.age and self.age[0].sent_at <= now - self.retention):
                self._wake(now)
            room = self.max_inflight - self.n_inflight
            if room <= 0:
                if short_poll and self._has_visible():
                    raise OverLimit(f"Too many messages in flight (the limit is {self.max_inflight}).")
                return []
            out = self._take(now, min(max_n, room), vt, moved, short_poll)
        if moved:
            self.dlq.accept(moved, now, self.arn)
        return out

    def _take(self, now, max_n, vt, moved, short_poll=True):
        out = []
        ready, returned = self.ready, self.returned
        while (returned or ready) and len(out) < max_n:
            msg = returned.popleft() if returned else ready.popleft()
            if msg.status is not VISIBLE:
                continue                            # stale entry: deleted or expired
            if self.max_receives and msg.receive_count >= self.max_receives and self._dlq_ok():
                self._remove(msg)
                moved.append(msg)
                continue
            self._hand_out(msg, now, vt)
            out.append(msg)
        return out

    def _hand_out(self, msg, now, vt):
        self.n_visible -= 1
        self.n_inflight += 1
        msg.status = INFLIGHT
        msg.receive_count += 1
        if msg.first_received_at is None:
            msg.first_received_at = now
        msg.received_at = now
        msg.visible_at = now + vt
        self._handed += 1
        self._schedule(msg, self._handed)
        # Older handles keep pointing at the message: AWS lets them change its visibility
        # (recorded in LocalStack's test_terminate_visibility_timeout_after_receive).
        msg.receipt = handle = f"{self.rh_prefix}{self._handed}"
        receipts = self.receipts
        receipts[handle] = msg
        if len(receipts) > 1024 + 2 * (self.n_visible + self.n_inflight):
            self._compact_receipts()

    def _schedule(self, msg, tiebreak):
        """Note when a hidden message shows again. A long poll sleeps until the earliest such
        moment; if this one is earlier, wake the polls so they sleep less (or a poll that began
        before this message was sent or received would sleep through it)."""
        timers = self.timers
        heapq.heappush(timers, (msg.visible_at, tiebreak, msg))
        if self.waiters and timers[0][2] is msg:
            self.cond.notify_all()

    def _dlq_ok(self):
        return self.dlq is not None and not self.dlq.deleted and self.dlq is not self

    def accept(self, msgs, now, source_arn, fresh=False):
        """Take messages moved here from another queue: a dead-letter move keeps the receive
        count; a redrive (``fresh``) starts the messages over."""
        with self.lock:
            for old in msgs:
                info = dict(old.info or {})
                if source_arn is not None:
                    info["dead_letter_source_arn"] = source_arn
                msg = self._add(old.body, old.sent_at, 0, old.group_id, old.attributes, info,
                                message_id=old.message_id)
                if not fresh:
                    msg.receive_count = old.receive_count
                    msg.first_received_at = old.first_received_at

    # ---------------------------------------------------------------------- delete
    def delete(self, receipt, now):
        """Delete by receipt handle. Returns False when the handle is no longer current
        (an older handle, or the message is gone): SQS answers success but deletes nothing.
        """
        with self.lock:
            msg = self.receipts.get(receipt)
            if msg is None or msg.receipt != receipt:
                self._by_receipt(receipt)         # raises for a handle this queue never made
                return False
            if self.fifo and (msg.status is not INFLIGHT or msg.visible_at <= now):
                raise self._expired(receipt)
            self._delete(msg, now)
            return True

    def _delete(self, msg, now):
        """A delete with the current receipt handle (realistic.py may let a copy miss it)."""
        self._remove(msg)

    def is_current(self, receipt):
        """Is ``receipt`` the newest handle of a live message, the one a delete removes it with?
        (For simulations and graders; older handles still change visibility.)"""
        msg = self.receipts.get(receipt)
        return msg is not None and msg.receipt == receipt and msg.status is not GONE

    def _by_receipt(self, receipt):
        """The live message a receipt handle (current or older) belongs to, or None.
        A handle this queue never made is ReceiptHandleIsInvalid."""
        msg = self.receipts.get(receipt)
        if msg is None or msg.status is GONE:
            self._check_handle(receipt)
            if msg is not None:
                del self.receipts[receipt]
            return None
        return msg

    def _remove(self, msg):
        status = msg.status
        if status is INFLIGHT:
            self.n_inflight -= 1
        elif status is VISIBLE:
            self.n_visible -= 1
        elif status is DELAYED:
            self.n_delayed -= 1
        msg.status = GONE
        self.receipts.pop(msg.receipt, None)
        age = self.age
        while age and age[0].status is GONE:
            age.popleft()
        # Memory follows the live messages: once stale entries outnumber live ones (one old
        # message in flight at the front keeps the popleft above from reaching them), sweep
        # them out. Each sweep is paid for by the removals since the last: O(1) amortised.
        if len(age) > 1024 + 2 * (self.n_visible + self.n_inflight + self.n_delayed):
            _keep(age, _live)
        self._trim_ready()
        if len(self.timers) > 1024 + 2 * (self.n_inflight + self.n_delayed):
            self._compact_timers()
        if len(self.receipts) > 1024 + 2 * (self.n_visible + self.n_inflight):
            self._compact_receipts()

    def _trim_ready(self):
        if len(self.ready) + len(self.returned) > 1024 + 2 * self.n_visible:
            _keep(self.ready, _visible)
            _keep(self.returned, _visible)

    def _compact_timers(self):
        """Drop stale heap entries, so deleted messages do not pile up there."""
        self.timers = [t for t in self.timers
                       if t[2].visible_at == t[0] and t[2].status in (DELAYED, INFLIGHT)]
        heapq.heapify(self.timers)

    def _compact_receipts(self):
        """Drop the handles of deleted messages, and the older handles of live ones once
        there are many: a dropped older handle then acts like a handle of a deleted message."""
        self.receipts = {m.receipt: m for m in self.receipts.values()
                         if m.status is not GONE and m.receipt is not None}

    def _check_handle(self, receipt):
        rest = receipt[len(self.rh_prefix):] if isinstance(receipt, str) else ""
        if not (receipt.startswith(self.rh_prefix) and _HANDLE_NUMBER.fullmatch(rest)
                and int(rest) <= self._handed):
            raise ReceiptHandleIsInvalid(f'The input receipt handle "{receipt}" is not a valid receipt handle.')

    @staticmethod
    def _expired(receipt):
        return InvalidParameterValue(f"Value {receipt} for parameter ReceiptHandle is invalid. "
                                     "Reason: The receipt handle has expired.")

    # ----------------------------------------------------------- change visibility
    def change_visibility(self, receipt, now, timeout):
        """Hide an in-flight message for ``timeout`` more seconds, counted from now.

        On a standard queue an older receipt handle works too, and a message that is no
        longer in flight is left as it is without an error: both are what AWS answered in
        LocalStack's recordings (test_terminate_visibility_timeout_after_receive,
        test_change_message_visibility_after_visibility_timeout_expiration), although the
        API reference lists MessageNotInflight. A FIFO queue takes only the latest handle
        of a message still in flight.
        """
        with self.lock:
            self._wake(now)
            msg = self._by_receipt(receipt)
            if msg is None or (self.fifo and msg.receipt != receipt):
                raise InvalidParameterValue(
                    f"Value {receipt} for parameter ReceiptHandle is invalid. Reason: Message does "
                    "not exist or is not available for visibility timeout change.")
            if msg.status is not INFLIGHT:
                if self.fifo:
                    raise self._expired(receipt)
                return
            if now + timeout - msg.received_at > MAX_VISIBILITY_TIMEOUT:
                raise InvalidParameterValue(
                    f"Value {timeout} for parameter VisibilityTimeout is invalid. Reason: Total "
                    f"VisibilityTimeout for the message is beyond the limit [{MAX_VISIBILITY_TIMEOUT} seconds]")
            msg.visible_at = now + timeout
            if timeout > 0:
                self._handed += 1               # a fresh tiebreak (handle numbers skip one)
                self._schedule(msg, self._handed)
            else:
                self._unhide(msg)

    # ------------------------------------------------------------------------ time
    def _wake(self, now):
        """Apply what became due by ``now``: delays and visibility timeouts ending,
        retention expiring. Called lazily by the operations, so an idle queue costs nothing."""
        timers = self.timers
        while timers and timers[0][0] <= now:
            when, _, msg = heapq.heappop(timers)
            if msg.visible_at == when and (msg.status is INFLIGHT or msg.status is DELAYED):
                self._unhide(msg)
        oldest_allowed = now - self.retention
        age = self.age
        while age and age[0].sent_at <= oldest_allowed:
            self._remove(age[0])

    def _unhide(self, msg):
        if msg.status is INFLIGHT:
            self.n_inflight -= 1
            self._show(msg, self.returned)
        else:
            self.n_delayed -= 1
            self._show(msg)

    def _has_visible(self):
        return self.n_visible > 0

    def poll(self, clock, max_n=1, visibility_timeout=None, wait=0):
        """Receive with long polling: return as soon as a message can be handed out.

        A real clock waits on the condition variable (a send wakes it). A virtual clock
        cannot wait for anyone, so it jumps to the next moment something may show up.
        """
        deadline = clock.now() + wait
        while True:
            now = clock.now()
            out = self.receive(now, max_n, visibility_timeout, short_poll=wait == 0)
            if out or now >= deadline:
                return out
            with self.lock:
                until = min(deadline, self.timers[0][0]) if self.timers else deadline
                if not clock.virtual and not (self._has_visible() and self.n_inflight < self.max_inflight):
                    self.waiters += 1
                    try:
                        self.cond.wait(max(0.0, until - clock.now()))
                    finally:
                        self.waiters -= 1
            if clock.virtual:
                clock.advance_to(until)

    # -------------------------------------------------------------- looking inside
    def counts(self, now=None):
        """{"visible": n, "inflight": n, "delayed": n} at ``now`` (default: the queue's clock)."""
        now = self.clock.now() if now is None else now
        with self.lock:
            self._wake(now)
            return {"visible": self.n_visible, "inflight": self.n_inflight, "delayed": self.n_delayed}

    def approximate_counts(self, now):
        """The counts GetQueueAttributes reports: exact here; realistic.py makes them lag."""
        return self.counts(now)

    def messages(self, now=None):
        """The live messages in send order (a snapshot; for widgets and graders)."""
        now = self.clock.now() if now is None and self.clock is not None else now
        with self.lock:
            if now is not None:
                self._wake(now)
            return [m for m in self.age if m.status is not GONE]

    def take_visible(self, now, limit=None):
        """Remove and return visible messages, oldest first, at most ``limit`` (a message
        move task moves them elsewhere)."""
        with self.lock:
            self._wake(now)
            out = []
            for m in self.age:
                if limit is not None and len(out) >= limit:
                    break
                if m.status is VISIBLE:
                    out.append(m)
            for m in out:
                self._remove(m)
            return out

    def purge(self):
        """Delete every message at once (SQS takes up to 60 s; the toy is instant)."""
        with self.lock:
            n = self.n_visible + self.n_inflight + self.n_delayed
            for m in self.age:
                m.status = GONE
            self.ready.clear()
            self.returned.clear()
            self.timers.clear()
            self.age.clear()
            self.receipts.clear()
            self.n_visible = self.n_inflight = self.n_delayed = 0
            self._purged()
            return n

    def _purged(self):
        pass

    def __repr__(self):
        return (f"{type(self).__name__}({self.name!r}, visible={self.n_visible}, "
                f"inflight={self.n_inflight}, delayed={self.n_delayed})")


Sent = namedtuple("Sent", "message_id info")
Sent.__doc__ = "What a deduplicated FIFO send answers: the first send's id and sequence number."


class Recent:
    """Keys remembered for ``window`` seconds, then forgotten, oldest first: FIFO deduplication
    ids and receive attempt ids. Nothing is scanned, so the cost does not grow with the table.
    The caller holds the queue's lock."""
    __slots__ = ("window", "entries", "order")

    def __init__(self, window):
        self.window = window
        self.entries = {}               # key -> (expires_at, value)
        self.order = deque()            # (expires_at, key), oldest first

    def get(self, key, now):
        self._forget(now)
        hit = self.entries.get(key)
        return None if hit is None else hit[1]

    def put(self, key, value, now):
        self._forget(now)
        expires = now + self.window
        self.entries[key] = (expires, value)
        self.order.append((expires, key))

    def _forget(self, now):
        order, entries = self.order, self.entries
        while order and order[0][0] <= now:
            expires, key = order.popleft()
            if entries.get(key, (None,))[0] == expires:
                del entries[key]

    def __len__(self):
        return len(self.entries)


class _Group:
    """A FIFO message group: its messages in order."""
    __slots__ = ("group_id", "pending", "queued")

    def __init__(self, group_id):
        self.group_id = group_id
        self.pending = deque()     # undelivered and in-flight messages, in send order
        self.queued = False        # already waiting in FifoQueue.ready


# Where FIFO sequence numbers start. Any 20-digit number would do; this one has no long run
# of zeros, so it never contains the 12-digit account id 000000000000 (tools that mask
# account ids by search-and-replace would mangle it).
SEQUENCE_START = 18_849_496_460_467_696_128


class FifoQueue(StandardQueue):
    """Order within a message group, deduplication within 5 minutes, growing sequence numbers.

    A group can be received from while its first message is visible: the receive hands out
    its messages in order and stops at the first one that is not visible. So while a message
    is in flight nothing after it in its group is handed out, and a group opens again as soon
    as its first message is visible again, even if later ones are still in flight (as AWS
    recorded in LocalStack's test_fifo_message_group_visibility_after_* tests).

    ``ready`` holds groups (not messages) whose first message can be handed out.
    """
    fifo = True

    def __init__(self, name="queue.fifo", *, dedup_window=DEDUP_WINDOW, **kw):
        super().__init__(name, **kw)
        self.groups = {}
        self.dedup = Recent(dedup_window)     # dedup key -> Sent (ids, never the body)
        self.attempts = Recent(DEDUP_WINDOW)  # ReceiveRequestAttemptId -> what it received
        self.dedup_by_group = False     # DeduplicationScope=messageGroup
        self.sequence = 0

    def send(self, body, now, group_id, dedup_id=None, attributes=None, info=None, delay=None):
        """Add a message to its group, unless its deduplication id was seen in the last
        5 minutes: then return the message sent first (the send still succeeds)."""
        with self.lock:
            key = (group_id, dedup_id) if self.dedup_by_group else dedup_id
            first = self.dedup.get(key, now) if dedup_id is not None else None
            if first is not None:
                return first
            self.sequence += 1
            info = dict(info or {}, sequence_number=str(SEQUENCE_START + self.sequence))
            if dedup_id is not None:
                info["dedup_id"] = dedup_id
            msg = self._add(body, now, self.delay if delay is None else delay,
                            group_id, attributes, info)
            if dedup_id is not None:
                self.dedup.put(key, Sent(msg.message_id, {"sequence_number": info["sequence_number"]}), now)
            return msg

    def _add(self, body, now, delay, group_id, attributes, info, message_id=None):
        group = self.groups.get(group_id)
        if group is None:
            group = self.groups[group_id] = _Group(group_id)
        self._sent += 1
        msg = Message(message_id or f"{self.id_prefix}{self._sent}", body, now,
                      now + delay, DELAYED if delay > 0 else VISIBLE, group_id, attributes, info)
        self.age.append(msg)
        group.pending.append(msg)           # in its group before _show offers the group
        if delay > 0:
            self.n_delayed += 1
            self._schedule(msg, -self._sent)
        else:
            self._show(msg)
        return msg

    def _show(self, msg, lane=None):
        msg.status = VISIBLE
        self.n_visible += 1
        self._offer(self.groups[msg.group_id])

    def _offer(self, group):
        """Line the group up for receiving if its first message can be handed out."""
        if group.queued:
            return
        pending = group.pending
        while pending and pending[0].status is GONE:
            pending.popleft()
        if not pending:
            if self.groups.get(group.group_id) is group:
                del self.groups[group.group_id]
        elif pending[0].status is VISIBLE:
            group.queued = True
            self.ready.append(group)
            if self.waiters:
                self.cond.notify()

    def _take(self, now, max_n, vt, moved, short_poll=True):
        out = []
        ready = self.ready
        while ready and len(out) < max_n:
            group = ready.popleft()
            group.queued = False
            dead = []
            for msg in group.pending:     # oldest first; stop at one in flight or delayed
                if len(out) >= max_n:
                    break
                if msg.status is GONE:
                    continue
                if msg.status is not VISIBLE:
                    break
                if self.max_receives and msg.receive_count >= self.max_receives and self._dlq_ok():
                    dead.append(msg)
                    continue
                self._hand_out(msg, now, vt)
                out.append(msg)
            for msg in dead:
                self._remove(msg)
                moved.append(msg)
            self._offer(group)
        return out

    def _remove(self, msg):
        super()._remove(msg)
        group = self.groups.get(msg.group_id)
        if group is not None:
            self._offer(group)

    def _has_visible(self):
        return bool(self.ready)

    def _trim_ready(self):
        pass                        # groups, each in ``ready`` at most once: nothing piles up

    def _purged(self):
        """A purge empties the deduplication cache too (AWS: LocalStack's
        test_purge_queue_clears_fifo_deduplication_cache)."""
        self.groups.clear()
        self.dedup = Recent(self.dedup.window)
