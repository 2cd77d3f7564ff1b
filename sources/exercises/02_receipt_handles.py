# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Exercise 02 source: tools/nbbuild.py makes exercises/ and solutions/02_receipt_handles.ipynb.

# %% [markdown]
# # Exercise 02 · Receipt handles and delete
#
# **Goal:** make `receive` *hide* a message instead of removing it, and let the consumer remove it
# with `delete` once the work is done, using the **receipt handle** it got from `receive`.
#
# Lesson: [05 · Consuming messages](../notebooks/05_consuming_messages.ipynb) (and
# [02 · What is a queue](../notebooks/02_what_is_a_queue.ipynb)).
#
# **Why.** In exercise 01, `receive` took the message out. If the consumer (소비자) crashed right
# after, the order was gone for good. SQS never removes a message on receive: the message goes
# *in flight* (hidden from other consumers), and only `DeleteMessage` removes it. So a message is
# in one of two states: **visible** (waiting) or **in flight** (received, not yet deleted).

# %% [markdown]
# ## The interface
#
# ```python
# q = MyQueue(clock)
# q.send("order 1")                    # -> message_id (given, as in exercise 01)
# q.receive(max_messages=1)            # -> [(message_id, body, receipt_handle), ...]
# q.delete(receipt_handle)             # removes the message for good
# q.counts()                           # -> {"visible": 2, "inflight": 1}
# ```
#
# Rules, as in SQS:
# - `receive` returns only visible messages and puts each one in flight, with a **new receipt
#   handle** (a fresh random string, not the message id).
# - `delete` takes a receipt handle. A handle the queue never gave out (a message id, a typo)
#   raises `ValueError` (SQS answers `ReceiptHandleIsInvalid`). Deleting the same message twice
#   is fine: the second call does nothing.
# - For now an in-flight message stays hidden until it is deleted. (Exercise 03 adds the
#   visibility timeout that brings it back if its consumer dies.)
#
# The starting code below keeps each message in a small `Message` record, in a dict
# `self._messages` (Python dicts keep insertion order, so iterating goes oldest first).
# `send` is done for you.

# %%
import threading
import uuid
from dataclasses import dataclass


@dataclass
class Message:
    message_id: str
    body: str
    receipt_handle: str | None = None   # set while the message is in flight


class MyQueue:
    """A queue where receive hides a message and delete removes it."""

    def __init__(self, clock):
        self.clock = clock
        self._messages = {}     # message_id -> Message, oldest first
        self._handles = {}      # every receipt handle ever given out -> message_id
        self._lock = threading.Lock()

    def send(self, body):
        message_id = str(uuid.uuid4())
        with self._lock:
            self._messages[message_id] = Message(message_id, body)
        return message_id

    def receive(self, max_messages=1):
        if not 1 <= max_messages <= 10:
            raise ValueError(f"max_messages must be between 1 and 10, got {max_messages}")
        # BEGIN SOLUTION TODO: pick up to max_messages visible messages (receipt_handle is None), give each a new handle, remember it in self._handles, return (id, body, handle) tuples.
        got = []
        with self._lock:
            for m in self._messages.values():
                if len(got) == max_messages:
                    break
                if m.receipt_handle is None:
                    m.receipt_handle = str(uuid.uuid4())
                    self._handles[m.receipt_handle] = m.message_id
                    got.append((m.message_id, m.body, m.receipt_handle))
        return got
        # END SOLUTION

    def delete(self, receipt_handle):
        # BEGIN SOLUTION TODO: raise ValueError for a handle not in self._handles; otherwise remove its message from self._messages (if it is still there).
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            self._messages.pop(self._handles[receipt_handle], None)
        # END SOLUTION

    def counts(self):
        # BEGIN SOLUTION TODO: return {"visible": number of visible messages, "inflight": number in flight}.
        with self._lock:
            inflight = sum(1 for m in self._messages.values() if m.receipt_handle is not None)
            return {"visible": len(self._messages) - inflight, "inflight": inflight}
        # END SOLUTION

# %% [markdown]
# ## Check 1: receipt handles and delete
#
# Three messages; consumer A receives one, B receives the rest. A's message must stay hidden from
# B, `counts()` must follow every step, and `delete` must accept only receipt handles.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import ex02

ex02.check_receipt_handles(MyQueue)

# %% [markdown]
# ## Check 2: many producers and consumers at once
#
# Producers and consumers on threads. Each message must reach exactly one consumer and be deleted.

# %%
# NBVAL_CHECK_OUTPUT
ex02.check_many_at_once(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 03 · visibility timeout](03_visibility_timeout.ipynb).
