# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Exercise 09 source: tools/nbbuild.py makes exercises/ and solutions/09_dead_letter.ipynb.
# The [solution] cell is the reference myqueue.py after this step; the step's code is between markers.

# %% [markdown]
# # Exercise 09 · Dead-letter queues and redrive
#
# **Goal:** a message that keeps failing stops clogging the queue: after `max_receive_count`
# receives without a delete, it moves to a **dead-letter queue** (DLQ). Once the bug is fixed,
# `move_messages` sends it back (a **redrive**).
#
# Lesson: [10 · Beyond the lecture](../notebooks/10_beyond_the_lecture.ipynb) (dead-letter queues).
# Your queue from exercise 08 is the starting point.
#
# **Why.** With at-least-once delivery, a "poison" message that crashes every consumer (a
# malformed order, say) comes back after every visibility timeout, forever, costing a receive
# each time. SQS's `RedrivePolicy` (`deadLetterTargetArn`, `maxReceiveCount` from 1 to 1,000)
# moves it aside instead, and `StartMessageMoveTask` moves it back.

# %% [markdown]
# ## The interface
#
# ```python
# dlq = MyQueue(clock)
# q = MyQueue(clock, visibility_timeout=30, dead_letter_queue=dlq, max_receive_count=3)
# dlq.move_messages(q)     # -> how many messages moved back
# ```
#
# Rules, as in SQS:
# - A message is delivered at most `max_receive_count` times. When a receive finds a visible
#   message that was already received that many times, it moves it to the DLQ instead of
#   returning it (and goes on looking for others to return).
# - A moved message keeps its id, body and send time; in its new queue it is visible at once and
#   has not been received yet (receive count 0). It is moved once, never copied.
# - `max_receive_count` must be a whole number from 1 to 1,000 when a DLQ is given (`ValueError`
#   otherwise, also for `2.5`).

# %% [markdown]
# ## What to add to `myqueue.py`
#
# ```python
# MAX_RECEIVE_COUNT = 1000
#
#
# class MyQueue:
#     def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0,
#                  dead_letter_queue=None, max_receive_count=None):
#         # check max_receive_count when a dead_letter_queue is given; keep both on self
#
#     def receive(self, max_messages=1, visibility_timeout=None):
#         # collect the messages to move in a list `dead` while you hold the lock, take them out of
#         # self._messages, and hand each to self.dead_letter_queue._accept(m) AFTER releasing your
#         # lock: holding two queues' locks at once is how deadlocks start
#
#     def _accept(self, message):
#         raise NotImplementedError("TODO: store a new Message with the same message_id, body and sent_at, "
#                                   "visible now, receive_count 0")
#
#     def move_messages(self, destination):
#         raise NotImplementedError("TODO: with the lock, take every visible message out; then (without "
#                                   "your lock) destination._accept(m) each; return the count")
# ```

# %% [solution]
# myqueue.py after exercise 09 (the course's reference)
import threading
import uuid
from dataclasses import dataclass

MAX_VISIBILITY_TIMEOUT = 43_200     # 12 hours
MAX_DELAY = 900                     # 15 minutes
MIN_RETENTION, MAX_RETENTION = 60, 1_209_600
DEFAULT_RETENTION = 345_600         # 4 days
MAX_BATCH_ENTRIES, MAX_BATCH_BYTES = 10, 1_048_576
MAX_RECEIVE_COUNT = 1000


@dataclass
class Message:
    message_id: str
    body: str
    sent_at: float
    visible_at: float                   # hidden until this time (a delay, or in flight)
    receipt_handle: str | None = None   # the newest handle
    receive_count: int = 0


def check_range(name, value, low, high):
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")


class MyQueue:
    """A queue with a visibility timeout, a retention period, delays, batches and a dead-letter queue."""

    def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0,
                 dead_letter_queue=None, max_receive_count=None):
        check_range("visibility_timeout", visibility_timeout, 0, MAX_VISIBILITY_TIMEOUT)
        check_range("delay_seconds", delay_seconds, 0, MAX_DELAY)
        check_range("retention_period", retention_period, MIN_RETENTION, MAX_RETENTION)
        if dead_letter_queue is not None:
            # BEGIN SOLUTION
            if not isinstance(max_receive_count, int) or not 1 <= max_receive_count <= MAX_RECEIVE_COUNT:
                raise ValueError(f"max_receive_count must be a whole number from 1 to {MAX_RECEIVE_COUNT}")
            # END SOLUTION
        self.dead_letter_queue = dead_letter_queue
        self.max_receive_count = max_receive_count
        self.clock = clock
        self.visibility_timeout = visibility_timeout
        self.retention_period = retention_period
        self.delay_seconds = delay_seconds
        self._messages = {}     # message_id -> Message, oldest first
        self._handles = {}      # every receipt handle ever given out -> message_id
        self._lock = threading.Lock()

    def send(self, body, delay=None):
        delay = self.delay_seconds if delay is None else delay
        check_range("delay", delay, 0, MAX_DELAY)
        now = self.clock.now()
        message_id = str(uuid.uuid4())
        with self._lock:
            self._messages[message_id] = Message(message_id, body, sent_at=now, visible_at=now + delay)
        return message_id

    def send_batch(self, bodies):
        check_range("number of entries", len(bodies), 1, MAX_BATCH_ENTRIES)
        size = sum(len(body.encode("utf-8")) for body in bodies)
        if size > MAX_BATCH_BYTES:
            raise ValueError(f"BatchRequestTooLong: the batch is {size} bytes, at most {MAX_BATCH_BYTES}")
        return [self.send(body) for body in bodies]

    def _drop_expired(self, now):
        """Forget messages older than the retention period. Call it with the lock held."""
        expired = [mid for mid, m in self._messages.items() if now >= m.sent_at + self.retention_period]
        for mid in expired:
            del self._messages[mid]

    def receive(self, max_messages=1, visibility_timeout=None):
        check_range("max_messages", max_messages, 1, 10)
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        check_range("visibility_timeout", timeout, 0, MAX_VISIBILITY_TIMEOUT)
        now = self.clock.now()
        got, dead = [], []
        with self._lock:
            self._drop_expired(now)
            for m in self._messages.values():
                if len(got) == max_messages:
                    break
                if m.visible_at > now:
                    continue
                # BEGIN SOLUTION
                if self.dead_letter_queue is not None and m.receive_count >= self.max_receive_count:
                    dead.append(m)
                    continue
                # END SOLUTION
                got.append(self._hand_out(m, now + timeout))
            for m in dead:
                del self._messages[m.message_id]
        for m in dead:      # outside our lock: the other queue takes its own
            self.dead_letter_queue._accept(m)
        return got

    def _accept(self, message):
        """Take in a message moved from another queue: same id, body and send time, visible now,
        never received here."""
        # BEGIN SOLUTION
        with self._lock:
            self._messages[message.message_id] = Message(message.message_id, message.body,
                                                         sent_at=message.sent_at, visible_at=self.clock.now())
        # END SOLUTION

    def move_messages(self, destination):
        """Redrive: move every visible message to `destination`; return how many moved."""
        # BEGIN SOLUTION
        now = self.clock.now()
        with self._lock:
            self._drop_expired(now)
            moving = [m for m in self._messages.values() if m.visible_at <= now]
            for m in moving:
                del self._messages[m.message_id]
        for m in moving:
            destination._accept(m)
        return len(moving)
        # END SOLUTION

    def _hand_out(self, m, hidden_until):
        """Put m in flight under a new receipt handle. Call it with the lock held."""
        m.visible_at = hidden_until
        m.receipt_handle = str(uuid.uuid4())
        m.receive_count += 1
        self._handles[m.receipt_handle] = m.message_id
        return (m.message_id, m.body, m.receipt_handle)

    def delete(self, receipt_handle):
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            m = self._messages.get(self._handles[receipt_handle])
            if m is not None and m.receipt_handle == receipt_handle:
                del self._messages[m.message_id]

    def delete_batch(self, receipt_handles):
        check_range("number of entries", len(receipt_handles), 1, MAX_BATCH_ENTRIES)
        failed = []
        for handle in receipt_handles:
            try:
                self.delete(handle)
            except ValueError:
                failed.append(handle)
        return failed

    def change_visibility(self, receipt_handle, timeout):
        check_range("visibility timeout", timeout, 0, MAX_VISIBILITY_TIMEOUT)
        now = self.clock.now()
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            m = self._messages.get(self._handles[receipt_handle])
            if m is None or m.receipt_handle != receipt_handle or m.visible_at <= now:
                raise ValueError("MessageNotInflight: the message is not in flight")
            m.visible_at = now + timeout

    def counts(self):
        now = self.clock.now()
        with self._lock:
            self._drop_expired(now)
            visible = sum(1 for m in self._messages.values() if m.visible_at <= now)
            delayed = sum(1 for m in self._messages.values() if m.visible_at > now and m.receive_count == 0)
            return {"visible": visible, "inflight": len(self._messages) - visible - delayed, "delayed": delayed}



# %% [exercise]
from toyqueue.grading import mycode

# Stuck on an earlier exercise? Uncomment the next line once: it puts the course's version of
# exercise 08 in myqueue.py (yours is kept as myqueue.mine.py).
# mycode.use_reference("08")
MyQueue = mycode.load("MyQueue")    # your class, from myqueue.py (read again each time this cell runs)

# %% [markdown]
# ## Check 1: poison message, dead-letter queue, redrive
#
# A poison message and a good one. A consumer deletes the good one and fails on the poison one,
# every 31 s. After three failed receives it must be in the DLQ; then it is redriven back.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import dead_letter

dead_letter.check_dead_letter(MyQueue)

# %% [markdown]
# ## Check 2: two consumers at the same time
#
# Two consumers find the same worn-out message at the same moment, in every way two calls can
# overlap: it must reach the dead-letter queue once, never twice and never be lost.

# %%
# NBVAL_CHECK_OUTPUT
dead_letter.check_at_once(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 10 · FIFO queues](10_fifo.ipynb).
