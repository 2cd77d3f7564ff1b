# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Exercise 02 source: tools/nbbuild.py makes exercises/ and solutions/02_receipt_handles.ipynb.
# The learner changes their own myqueue.py; the [solution] cell is the reference file after this
# step (what mycode.use_reference("02") writes), with the step's own code between the markers.

# %% [markdown]
# # Exercise 02 · Receipt handles and delete
#
# **Goal:** make `receive` *hide* a message instead of removing it, and let the consumer remove it
# with `delete` once the work is done, using the **receipt handle** it got from `receive`.
#
# Lesson: [02 · What is a queue](../notebooks/02_what_is_a_queue.ipynb) (in flight, receipt handles,
# delete). Lesson 05 comes back to them with a real consumer loop.
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
# q.send("order 1")                    # -> message_id, as in exercise 01
# q.receive(max_messages=1)            # -> [(message_id, body, receipt_handle), ...]
# q.delete(receipt_handle)             # removes the message for good
# q.counts()                           # -> {"visible": 2, "inflight": 1}
# ```
#
# Rules, as in SQS:
# - `receive` returns only visible messages and puts each one in flight, with a **new receipt
#   handle**: a fresh random string, never the message id and never made from the body.
# - `delete` takes a receipt handle. A handle the queue never gave out (a message id, a typo)
#   raises `ValueError` (SQS answers `ReceiptHandleIsInvalid`), even when the queue is empty.
#   Deleting the same message twice is fine: the second call does nothing.
# - For now an in-flight message stays hidden until it is deleted. (Exercise 03 adds the
#   visibility timeout that brings it back if its consumer dies.)

# %% [markdown]
# ## What to change in `myqueue.py`
#
# Each message now needs a little state, so keep it in a small record, in a dict (Python dicts
# keep insertion order, so walking it goes oldest first). Put this above your class:
#
# ```python
# from dataclasses import dataclass
#
#
# @dataclass
# class Message:
#     message_id: str
#     body: str
#     receipt_handle: str | None = None   # set while the message is in flight
# ```
#
# Then, in `MyQueue`:
#
# ```python
#     def __init__(self, clock):
#         self.clock = clock
#         self._messages = {}     # message_id -> Message, oldest first
#         self._handles = {}      # every receipt handle ever given out -> message_id
#         self._lock = threading.Lock()
#
#     def send(self, body):
#         # as before, but store Message(message_id, body) in self._messages[message_id]
#
#     def receive(self, max_messages=1):
#         # keep your check of max_messages, then:
#         raise NotImplementedError("TODO: pick up to max_messages visible messages (receipt_handle is None), "
#                                   "give each a new handle, remember it in self._handles, return "
#                                   "(id, body, handle) tuples")
#
#     def delete(self, receipt_handle):
#         raise NotImplementedError("TODO: raise ValueError for a handle not in self._handles; otherwise "
#                                   "remove its message from self._messages (if it is still there)")
#
#     def counts(self):
#         raise NotImplementedError("TODO: return {'visible': ..., 'inflight': ...}")
# ```

# %% [solution]
# myqueue.py after exercise 02 (the course's reference)
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
        # BEGIN SOLUTION
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
        # BEGIN SOLUTION
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            self._messages.pop(self._handles[receipt_handle], None)
        # END SOLUTION

    def counts(self):
        # BEGIN SOLUTION
        with self._lock:
            inflight = sum(1 for m in self._messages.values() if m.receipt_handle is not None)
            return {"visible": len(self._messages) - inflight, "inflight": inflight}
        # END SOLUTION

# %% [exercise]
from toyqueue.grading import mycode

# Stuck on exercise 01? Uncomment the next line once: it puts the course's version of exercise 01
# in myqueue.py (yours is kept as myqueue.mine.py).
# mycode.use_reference("01")
MyQueue = mycode.load("MyQueue")    # your class, from myqueue.py (read again each time this cell runs)

# %% [markdown]
# ## Check 1: receipt handles and delete
#
# Three messages; consumer A receives one, B receives the rest. A's message must stay hidden from
# B, `counts()` must follow every step, and `delete` must accept only receipt handles.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import receipt_handles

receipt_handles.check_receipt_handles(MyQueue)

# %% [markdown]
# ## Check 2: two calls at the same time
#
# Sends, receives and deletes overlapped in every way two calls can overlap. Each message must
# reach exactly one consumer, and a delete must never make another message disappear.

# %%
# NBVAL_CHECK_OUTPUT
receipt_handles.check_many_at_once(MyQueue)

# %% [markdown]
# **Done?** Exercise 03 needs lesson [06 · Visibility, duplicates, ordering](../notebooks/06_visibility_duplicates.ipynb)
# first. Lessons [03](../notebooks/03_standard_queue.ipynb), [04](../notebooks/04_producing_messages.ipynb)
# and [05](../notebooks/05_consuming_messages.ipynb) come before it.
