# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Exercise 07 source: tools/nbbuild.py makes exercises/ and solutions/07_fifo.ipynb.

# %% [markdown]
# # Exercise 07 · FIFO queues: message groups and deduplication
#
# **Goal:** a queue that keeps order within a **message group** and drops **duplicate** sends:
# SQS's FIFO queue, "the other type of product" the lecture mentions.
#
# Lesson: [10 · Beyond the lecture](../notebooks/10_beyond_the_lecture.ipynb) (FIFO queues), after
# [06 · Visibility, duplicates, ordering](../notebooks/06_visibility_duplicates.ipynb).
#
# **Why.** A standard queue may reorder and duplicate. Some work cannot take that: the payments of
# one account must be applied in order, and a payment sent twice (a producer retrying after a
# timeout) must be charged once. A FIFO queue promises both, per group.

# %% [markdown]
# ## The interface
#
# ```python
# q = MyFifoQueue(clock, visibility_timeout=30, content_based_deduplication=False)
# q.send(body, group_id, deduplication_id=None)   # -> message_id
# q.receive(max_messages=1, visibility_timeout=None), q.delete(handle), q.change_visibility(handle, t)
# ```
#
# Rules, as in SQS:
# - **Order within a group.** A receive returns a group's messages in send order, oldest
#   undeleted first. Different groups are independent.
# - **One batch in flight per group.** While a message of a group is in flight, `receive` returns
#   no other message of that group (the group is *blocked*), so a crashed consumer's message
#   comes back first. One receive may return several messages of the same group, in order.
# - **Deduplication.** Each send has a deduplication id: `deduplication_id`, or with
#   `content_based_deduplication=True` and no explicit id, the SHA-256 hex digest of the body.
#   Without either, raise `ValueError`. A send whose id was first accepted less than 300 s
#   (5 minutes) ago stores nothing and returns the first message's id, even if that message was
#   already deleted. After 300 s the same id is a new message.
# - `group_id` is required (`ValueError` if missing or empty).
#
# The starting code is exercise 03's queue turned FIFO: retention, delays, batches and DLQs are
# left out to keep it short (SQS's FIFO queues have them all).

# %%
import hashlib
import threading
import uuid
from dataclasses import dataclass

MAX_VISIBILITY_TIMEOUT = 43_200
DEDUP_WINDOW = 300      # seconds


@dataclass
class Message:
    message_id: str
    body: str
    group_id: str
    visible_at: float = 0.0
    receipt_handle: str | None = None
    receive_count: int = 0


def check_range(name, value, low, high):
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")


class MyFifoQueue:
    """A FIFO queue: order within a group, one batch in flight per group, deduplication."""

    def __init__(self, clock, visibility_timeout=30, content_based_deduplication=False):
        check_range("visibility_timeout", visibility_timeout, 0, MAX_VISIBILITY_TIMEOUT)
        self.clock = clock
        self.visibility_timeout = visibility_timeout
        self.content_based_deduplication = content_based_deduplication
        self._messages = {}     # message_id -> Message, in send order
        self._handles = {}      # every receipt handle ever given out -> message_id
        self._dedup = {}        # deduplication id -> (message_id, when it was first accepted)
        self._lock = threading.Lock()

    def send(self, body, group_id, deduplication_id=None):
        if not group_id:
            raise ValueError("MissingParameter: a FIFO message needs a group_id")
        # BEGIN SOLUTION TODO: find the deduplication id (explicit, or sha256 of the body, or ValueError); if it was accepted less than DEDUP_WINDOW s ago return that message's id; else store a new message and remember the id and time in self._dedup.
        if deduplication_id is None:
            if not self.content_based_deduplication:
                raise ValueError("InvalidParameterValue: the queue has no content-based deduplication, "
                                 "so a deduplication_id is required")
            deduplication_id = hashlib.sha256(body.encode("utf-8")).hexdigest()
        now = self.clock.now()
        with self._lock:
            seen = self._dedup.get(deduplication_id)
            if seen is not None and now - seen[1] < DEDUP_WINDOW:
                return seen[0]
            message_id = str(uuid.uuid4())
            self._messages[message_id] = Message(message_id, body, group_id, visible_at=now)
            self._dedup[deduplication_id] = (message_id, now)
        return message_id
        # END SOLUTION

    def receive(self, max_messages=1, visibility_timeout=None):
        check_range("max_messages", max_messages, 1, 10)
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        check_range("visibility_timeout", timeout, 0, MAX_VISIBILITY_TIMEOUT)
        now = self.clock.now()
        got = []
        # BEGIN SOLUTION TODO: walk the messages oldest first; once you meet an in-flight message (visible_at > now) its group is blocked: skip the group's later messages. Deliver the others as in exercise 03.
        blocked = set()
        with self._lock:
            for m in self._messages.values():
                if len(got) == max_messages:
                    break
                if m.group_id in blocked:
                    continue
                if m.visible_at > now:
                    blocked.add(m.group_id)
                    continue
                m.visible_at = now + timeout
                m.receipt_handle = str(uuid.uuid4())
                m.receive_count += 1
                self._handles[m.receipt_handle] = m.message_id
                got.append((m.message_id, m.body, m.receipt_handle))
        # END SOLUTION
        return got

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
            visible = sum(1 for m in self._messages.values() if m.visible_at <= now)
            return {"visible": visible, "inflight": len(self._messages) - visible}

# %% [markdown]
# ## Check 1: order within groups
#
# Two groups, a consumer that crashes, and another that keeps going.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import ex07

ex07.check_fifo_order(MyFifoQueue)

# %% [markdown]
# ## Check 2: deduplication
#
# The same payment sent again 100 s later (dropped), and 420 s later (a new message); then a
# queue that deduplicates by content.

# %%
# NBVAL_CHECK_OUTPUT
ex07.check_deduplication(MyFifoQueue)

# %% [markdown]
# ## Check 3: many producers and consumers at once
#
# Each producer owns a group; four consumers on threads. Every group must come out in order.

# %%
# NBVAL_CHECK_OUTPUT
ex07.check_fifo_threads(MyFifoQueue)

# %% [markdown]
# **Done?** Next: [exercise 08 · an idempotent consumer](08_idempotent_consumer.ipynb).
