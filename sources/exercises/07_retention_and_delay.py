# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Exercise 07 source: tools/nbbuild.py makes exercises/ and solutions/07_retention_and_delay.ipynb.
# The [solution] cell is the reference myqueue.py after this step; the step's code is between markers.

# %% [markdown]
# # Exercise 07 · Retention and delay
#
# **Goal:** messages that nobody deletes do not live forever (the **retention period**), and a
# producer can ask for a message to stay hidden for a while after it is sent (**delay**).
#
# Lessons: [03 · The standard queue](../notebooks/03_standard_queue.ipynb) (retention: 4 days by
# default, 14 days at most) and [10 · Beyond the lecture](../notebooks/10_beyond_the_lecture.ipynb)
# (delay queues). Your queue from exercise 03 is the starting point.
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
# q.counts()                      # -> {"visible": ..., "inflight": ..., "delayed": ...}
# ```
#
# Rules, as in SQS:
# - A message sent at time `t` with delay `d` is hidden while `now < t + d` and visible from
#   `t + d` on. Until its first receive it counts as `"delayed"`, not `"inflight"`.
# - Retention counts from each message's own send time, never from a receive: a message is gone
#   once `now >= sent_at + retention_period`, even if it is in flight or still delayed; no
#   receive may return it again. (Removing expired messages when `receive` or `counts` runs is
#   enough: nobody can tell the difference.)
# - `delay` outside 0..900 and `retention_period` outside 60..1,209,600 raise `ValueError`;
#   both ends are allowed.

# %% [markdown]
# ## What to change in `myqueue.py`
#
# ```python
# MAX_DELAY = 900                     # 15 minutes
# MIN_RETENTION, MAX_RETENTION = 60, 1_209_600
# DEFAULT_RETENTION = 345_600         # 4 days
#
#
# @dataclass
# class Message:
#     message_id: str
#     body: str
#     sent_at: float                      # new: when the message was sent
#     visible_at: float                   # hidden until this time (a delay, or in flight)
#     receipt_handle: str | None = None
#     receive_count: int = 0              # new: how many times it was received (0: still delayed)
#
#
# class MyQueue:
#     def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0):
#         # check all three, keep them on self
#
#     def send(self, body, delay=None):
#         raise NotImplementedError("TODO: the queue's delay when delay is None; check it; store the message "
#                                   "with sent_at = now and visible_at = now + delay")
#
#     def _drop_expired(self, now):
#         """Forget messages older than the retention period. Call it with the lock held."""
#         raise NotImplementedError("TODO: delete every message with now >= sent_at + retention_period")
#
#     # receive() and counts() call self._drop_expired(now) first (with the lock held);
#     # receive() adds 1 to m.receive_count of each message it returns;
#     # counts() also reports "delayed": hidden and never received yet
# ```

# %% [solution]
# myqueue.py after exercise 07 (the course's reference)
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
    visible_at: float                   # hidden until this time (a delay, or in flight)
    receipt_handle: str | None = None   # the newest handle
    receive_count: int = 0


def check_range(name, value, low, high):
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")


class MyQueue:
    """A queue with a visibility timeout, a retention period and delays."""

    def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0):
        check_range("visibility_timeout", visibility_timeout, 0, MAX_VISIBILITY_TIMEOUT)
        # BEGIN SOLUTION
        check_range("delay_seconds", delay_seconds, 0, MAX_DELAY)
        check_range("retention_period", retention_period, MIN_RETENTION, MAX_RETENTION)
        # END SOLUTION
        self.clock = clock
        self.visibility_timeout = visibility_timeout
        self.retention_period = retention_period
        self.delay_seconds = delay_seconds
        self._messages = {}     # message_id -> Message, oldest first
        self._handles = {}      # every receipt handle ever given out -> message_id
        self._lock = threading.Lock()

    def send(self, body, delay=None):
        # BEGIN SOLUTION
        delay = self.delay_seconds if delay is None else delay
        check_range("delay", delay, 0, MAX_DELAY)
        now = self.clock.now()
        message_id = str(uuid.uuid4())
        with self._lock:
            self._messages[message_id] = Message(message_id, body, sent_at=now, visible_at=now + delay)
        return message_id
        # END SOLUTION

    def _drop_expired(self, now):
        """Forget messages older than the retention period. Call it with the lock held."""
        # BEGIN SOLUTION
        expired = [mid for mid, m in self._messages.items() if now >= m.sent_at + self.retention_period]
        for mid in expired:
            del self._messages[mid]
        # END SOLUTION

    def receive(self, max_messages=1, visibility_timeout=None):
        check_range("max_messages", max_messages, 1, 10)
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        check_range("visibility_timeout", timeout, 0, MAX_VISIBILITY_TIMEOUT)
        now = self.clock.now()
        got = []
        with self._lock:
            # BEGIN SOLUTION
            self._drop_expired(now)
            # END SOLUTION
            for m in self._messages.values():
                if len(got) == max_messages:
                    break
                if m.visible_at <= now:
                    got.append(self._hand_out(m, now + timeout))
        return got

    def _hand_out(self, m, hidden_until):
        """Put m in flight under a new receipt handle. Call it with the lock held."""
        m.visible_at = hidden_until
        m.receipt_handle = str(uuid.uuid4())
        # BEGIN SOLUTION
        m.receive_count += 1
        # END SOLUTION
        self._handles[m.receipt_handle] = m.message_id
        return (m.message_id, m.body, m.receipt_handle)

    def delete(self, receipt_handle):
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            m = self._messages.get(self._handles[receipt_handle])
            if m is not None and m.receipt_handle == receipt_handle:
                del self._messages[m.message_id]

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
            # BEGIN SOLUTION
            self._drop_expired(now)
            visible = sum(1 for m in self._messages.values() if m.visible_at <= now)
            delayed = sum(1 for m in self._messages.values() if m.visible_at > now and m.receive_count == 0)
            return {"visible": visible, "inflight": len(self._messages) - visible - delayed, "delayed": delayed}
            # END SOLUTION

# %% [exercise]
from toyqueue.grading import mycode

# Stuck on an earlier exercise? Uncomment the next line once: it puts the course's version of
# exercise 03 in myqueue.py (yours is kept as myqueue.mine.py).
# mycode.use_reference("03")
MyQueue = mycode.load("MyQueue")    # your class, from myqueue.py (read again each time this cell runs)

# %% [markdown]
# ## Check 1: delay
#
# A queue with `delay_seconds=5` and messages with their own delays: each one must appear exactly
# when its delay ends, not a moment before.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import retention_and_delay

retention_and_delay.check_delay(MyQueue)

# %% [markdown]
# ## Check 2: retention
#
# A queue that keeps messages 60 s, then one with the default 4 days, fast-forwarded on the
# virtual clock.

# %%
# NBVAL_CHECK_OUTPUT
retention_and_delay.check_retention(MyQueue)

# %% [markdown]
# ## Check 3: expiring while calls overlap
#
# Two calls that both drop expired messages, overlapped in every way two calls can: a message
# must expire once, and nothing else may go with it.

# %%
# NBVAL_CHECK_OUTPUT
retention_and_delay.check_at_once(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 08 · batches](08_batches.ipynb).
