# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Exercise 04 source: tools/nbbuild.py makes exercises/ and solutions/04_retention_and_delay.ipynb.

# %% [markdown]
# # Exercise 04 · Retention and delay
#
# **Goal:** messages that nobody deletes do not live forever (the **retention period**), and a
# producer can ask for a message to stay hidden for a while after it is sent (**delay**).
#
# Lessons: [03 · The standard queue](../notebooks/03_standard_queue.ipynb) (retention: 4 days by
# default, 14 days at most) and [10 · Beyond the lecture](../notebooks/10_beyond_the_lecture.ipynb)
# (delay queues).
#
# **Why.** A queue is a buffer, not a database: SQS deletes a message once it is older than the
# queue's `MessageRetentionPeriod` (60 s to 1,209,600 s = 14 days, default 345,600 s = 4 days),
# whether or not anyone received it. A **delay** (`DelaySeconds`, 0 to 900 s) keeps a new message
# hidden before its first delivery, for the whole queue or per message.

# %% [markdown]
# ## The interface
#
# ```python
# q = MyQueue(clock, visibility_timeout=30, retention_period=345_600, delay_seconds=0)
# q.send(body, delay=None)        # None: use the queue's delay_seconds
# ```
#
# Rules, as in SQS:
# - A message sent at time `t` with delay `d` is first visible at `t + d`.
# - A message is gone once `now >= sent_at + retention_period`, even if it is in flight; a
#   receive must never return it again. (Removing expired messages when `receive` or `counts`
#   runs is enough: nobody can tell the difference.)
# - `delay` outside 0..900 and `retention_period` outside 60..1,209,600 raise `ValueError`.
#
# The starting code is exercise 03's solution. `Message` now has a `sent_at`.

# %%
import threading
import uuid
from dataclasses import dataclass

MAX_VISIBILITY_TIMEOUT = 43_200     # 12 hours
MAX_DELAY = 900                     # 15 minutes
MIN_RETENTION, MAX_RETENTION = 60, 1_209_600
DEFAULT_RETENTION = 345_600         # 4 days


@dataclass
class Message:
    message_id: str
    body: str
    sent_at: float
    visible_at: float                   # hidden until this time (delay, or in flight)
    receipt_handle: str | None = None   # the newest handle
    receive_count: int = 0


def check_timeout(seconds):
    if not 0 <= seconds <= MAX_VISIBILITY_TIMEOUT:
        raise ValueError(f"visibility timeout must be between 0 and {MAX_VISIBILITY_TIMEOUT} s, got {seconds}")


def check_delay(seconds):
    if not 0 <= seconds <= MAX_DELAY:
        raise ValueError(f"delay must be between 0 and {MAX_DELAY} s, got {seconds}")


class MyQueue:
    """A queue with a visibility timeout, a retention period and delays."""

    def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0):
        check_timeout(visibility_timeout)
        check_delay(delay_seconds)
        # BEGIN SOLUTION
        if not MIN_RETENTION <= retention_period <= MAX_RETENTION:
            raise ValueError(f"retention_period must be between {MIN_RETENTION} and {MAX_RETENTION} s")
        # EXERCISE: pass  # TODO: raise ValueError unless MIN_RETENTION <= retention_period <= MAX_RETENTION
        # END SOLUTION
        self.clock = clock
        self.visibility_timeout = visibility_timeout
        self.retention_period = retention_period
        self.delay_seconds = delay_seconds
        self._messages = {}     # message_id -> Message, oldest first
        self._handles = {}      # every receipt handle ever given out -> message_id
        self._lock = threading.Lock()

    def send(self, body, delay=None):
        # BEGIN SOLUTION TODO: use the queue's delay when delay is None, check it, and store the message with sent_at = now and visible_at = now + delay.
        delay = self.delay_seconds if delay is None else delay
        check_delay(delay)
        now = self.clock.now()
        message_id = str(uuid.uuid4())
        with self._lock:
            self._messages[message_id] = Message(message_id, body, sent_at=now, visible_at=now + delay)
        return message_id
        # END SOLUTION

    def _drop_expired(self, now):
        """Forget messages older than the retention period. Call it with the lock held."""
        # BEGIN SOLUTION TODO: delete from self._messages every message with now >= sent_at + retention_period.
        expired = [mid for mid, m in self._messages.items() if now >= m.sent_at + self.retention_period]
        for mid in expired:
            del self._messages[mid]
        # END SOLUTION

    def receive(self, max_messages=1, visibility_timeout=None):
        if not 1 <= max_messages <= 10:
            raise ValueError(f"max_messages must be between 1 and 10, got {max_messages}")
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        check_timeout(timeout)
        now = self.clock.now()
        got = []
        with self._lock:
            self._drop_expired(now)
            for m in self._messages.values():
                if len(got) == max_messages:
                    break
                if m.visible_at <= now:
                    m.visible_at = now + timeout
                    m.receipt_handle = str(uuid.uuid4())
                    m.receive_count += 1
                    self._handles[m.receipt_handle] = m.message_id
                    got.append((m.message_id, m.body, m.receipt_handle))
        return got

    def delete(self, receipt_handle):
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            m = self._messages.get(self._handles[receipt_handle])
            if m is not None and m.receipt_handle == receipt_handle:
                del self._messages[m.message_id]

    def change_visibility(self, receipt_handle, timeout):
        check_timeout(timeout)
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

# %% [markdown]
# ## Check 1: delay
#
# A queue with `delay_seconds=5` and messages with their own delays: each one must appear exactly
# when its delay ends, not before.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import ex04

ex04.check_delay(MyQueue)

# %% [markdown]
# ## Check 2: retention
#
# A queue that keeps messages 60 s, then one with the default 4 days, fast-forwarded on the
# virtual clock.

# %%
# NBVAL_CHECK_OUTPUT
ex04.check_retention(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 05 · batches](05_batches.ipynb).
