# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Exercise 08 source: tools/nbbuild.py makes exercises/ and solutions/08_batches.ipynb.
# The [solution] cell is the reference myqueue.py after this step; the step's code is between markers.

# %% [markdown]
# # Exercise 08 · Batches
#
# **Goal:** send and delete up to ten messages in one call.
#
# Lessons: [04 · Producing messages](../notebooks/04_producing_messages.ipynb) (`SendMessageBatch`)
# and [10 · Beyond the lecture](../notebooks/10_beyond_the_lecture.ipynb) (batching). Your queue
# from exercise 07 is the starting point.
#
# **Why.** Every SQS call is a network round trip and is billed as one request. `SendMessageBatch`,
# `ReceiveMessage` with `MaxNumberOfMessages=10` and `DeleteMessageBatch` move ten messages for
# the price of one call, which is how a consumer (소비자) keeps up with a busy queue.

# %% [markdown]
# ## The interface
#
# ```python
# ids = q.send_batch(["order 1", "order 2", ...])   # -> one message id per body, in order
# failed = q.delete_batch([handle1, handle2, ...])  # -> the handles it could not delete ([] if none)
# ```
#
# Rules, as in SQS:
# - A batch has 1 to 10 entries, else `ValueError` (`EmptyBatchRequest`,
#   `TooManyEntriesInBatchRequest`).
# - A `send_batch` whose bodies add up to more than 1,048,576 bytes (1 MiB) raises `ValueError`
#   (`BatchRequestTooLong`); exactly 1,048,576 is fine. Bytes, not characters: count each body
#   as UTF-8 (`len(body.encode())`), so `"é"` is 2 bytes and `"📦"` is 4.
# - A refused batch does **nothing**: no message of it is stored, not even the first few.
# - Inside a valid batch, entries succeed or fail one by one: `delete_batch` deletes every valid
#   handle and returns the others (unknown handles) instead of raising (SQS answers HTTP 200
#   with a `Failed` list).

# %% [markdown]
# ## What to add to `myqueue.py`
#
# ```python
# MAX_BATCH_ENTRIES, MAX_BATCH_BYTES = 10, 1_048_576
#
#
# class MyQueue:
#     ...
#     def send_batch(self, bodies):
#         raise NotImplementedError("TODO: check 1..10 bodies and at most MAX_BATCH_BYTES in all (UTF-8), "
#                                   "then send each; return the ids")
#
#     def delete_batch(self, receipt_handles):
#         raise NotImplementedError("TODO: check 1..10 handles; delete each one, collecting the handles "
#                                   "whose delete raised ValueError; return that list")
# ```

# %% [solution]
# myqueue.py after exercise 08 (the course's reference)
import threading
import uuid
from dataclasses import dataclass

MAX_VISIBILITY_TIMEOUT = 43_200     # 12 hours
MAX_DELAY = 900                     # 15 minutes
MIN_RETENTION, MAX_RETENTION = 60, 1_209_600
DEFAULT_RETENTION = 345_600         # 4 days
MAX_BATCH_ENTRIES, MAX_BATCH_BYTES = 10, 1_048_576


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
    """A queue with a visibility timeout, a retention period, delays and batches."""

    def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0):
        check_range("visibility_timeout", visibility_timeout, 0, MAX_VISIBILITY_TIMEOUT)
        check_range("delay_seconds", delay_seconds, 0, MAX_DELAY)
        check_range("retention_period", retention_period, MIN_RETENTION, MAX_RETENTION)
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
        # BEGIN SOLUTION
        check_range("number of entries", len(bodies), 1, MAX_BATCH_ENTRIES)
        size = sum(len(body.encode("utf-8")) for body in bodies)
        if size > MAX_BATCH_BYTES:
            raise ValueError(f"BatchRequestTooLong: the batch is {size} bytes, at most {MAX_BATCH_BYTES}")
        return [self.send(body) for body in bodies]
        # END SOLUTION

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
        got = []
        with self._lock:
            self._drop_expired(now)
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
        # BEGIN SOLUTION
        check_range("number of entries", len(receipt_handles), 1, MAX_BATCH_ENTRIES)
        failed = []
        for handle in receipt_handles:
            try:
                self.delete(handle)
            except ValueError:
                failed.append(handle)
        return failed
        # END SOLUTION

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
# exercise 07 in myqueue.py (yours is kept as myqueue.mine.py).
# mycode.use_reference("07")
MyQueue = mycode.load("MyQueue")    # your class, from myqueue.py (read again each time this cell runs)

# %% [markdown]
# ## Check 1: batch rules
#
# Refused batches (empty, 11 entries, one byte over 1 MiB) must do nothing; a batch of exactly
# 1 MiB of non-ASCII text must go through; a `delete_batch` with bad handles must still delete
# the good ones.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import batches

batches.check_batches(MyQueue)

# %% [markdown]
# ## Check 2: batches at the same time
#
# Batches sent, received and deleted while other calls overlap them in every way two calls can.

# %%
# NBVAL_CHECK_OUTPUT
batches.check_batches_at_once(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 09 · dead-letter queues](09_dead_letter.ipynb).
