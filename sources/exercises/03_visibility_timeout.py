# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Exercise 03 source: tools/nbbuild.py makes exercises/ and solutions/03_visibility_timeout.ipynb.

# %% [markdown]
# # Exercise 03 · Visibility timeout and redelivery
#
# **Goal:** an in-flight message comes back by itself when its consumer takes too long, and a
# consumer can ask for more time (`change_visibility`).
#
# Lesson: [06 · Visibility, duplicates, ordering](../notebooks/06_visibility_duplicates.ipynb).
#
# **Why.** In exercise 02 a consumer that crashed before `delete` left its message in flight
# forever. SQS hides a received message only for the **visibility timeout** (30 s by default,
# 0 to 12 hours). If nobody deletes it by then, it becomes visible again and another consumer
# gets it: **at-least-once delivery**. The price: a slow consumer's message can be delivered
# twice, so consumers must be idempotent (exercise 08).

# %% [markdown]
# ## The interface
#
# ```python
# q = MyQueue(clock, visibility_timeout=30)
# q.receive(max_messages=1, visibility_timeout=None)   # None: use the queue's timeout
# q.change_visibility(receipt_handle, timeout)         # hidden for `timeout` s from now
# ```
#
# Rules, as in SQS:
# - A received message is hidden until `clock.now() + timeout`; after that, `receive` may return
#   it again, with a **new** receipt handle and `receive_count` one higher.
# - Only the newest receipt handle deletes: a handle from an older receive does nothing
#   (SQS: "the message might not be deleted"). An unknown handle raises `ValueError`.
# - `change_visibility` counts from *now*, works only while the message is in flight with that
#   handle (else `ValueError`, SQS's `MessageNotInflight`); `0` makes it visible at once.
# - Timeouts must be between 0 and 43,200 s (12 hours): raise `ValueError` otherwise.
#
# Time comes from `self.clock.now()` (seconds). The checks use a virtual clock, so "30 s later"
# takes no time at all. Exercise 02's solution is the starting code: a message is now visible
# when `visible_at <= now`.

# %%
import threading
import uuid
from dataclasses import dataclass

MAX_VISIBILITY_TIMEOUT = 43_200   # 12 hours


@dataclass
class Message:
    message_id: str
    body: str
    visible_at: float = 0.0             # hidden until this time
    receipt_handle: str | None = None   # the newest handle
    receive_count: int = 0


def check_timeout(seconds):
    if not 0 <= seconds <= MAX_VISIBILITY_TIMEOUT:
        raise ValueError(f"visibility timeout must be between 0 and {MAX_VISIBILITY_TIMEOUT} s, got {seconds}")


class MyQueue:
    """A queue whose in-flight messages come back after the visibility timeout."""

    def __init__(self, clock, visibility_timeout=30):
        check_timeout(visibility_timeout)
        self.clock = clock
        self.visibility_timeout = visibility_timeout
        self._messages = {}     # message_id -> Message, oldest first
        self._handles = {}      # every receipt handle ever given out -> message_id
        self._lock = threading.Lock()

    def send(self, body):
        message_id = str(uuid.uuid4())
        with self._lock:
            self._messages[message_id] = Message(message_id, body, visible_at=self.clock.now())
        return message_id

    def receive(self, max_messages=1, visibility_timeout=None):
        if not 1 <= max_messages <= 10:
            raise ValueError(f"max_messages must be between 1 and 10, got {max_messages}")
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        check_timeout(timeout)
        # BEGIN SOLUTION TODO: like exercise 02, but a message is visible when m.visible_at <= now; hide each one you return until now + timeout (and count the receive).
        now = self.clock.now()
        got = []
        with self._lock:
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
        # END SOLUTION

    def delete(self, receipt_handle):
        # BEGIN SOLUTION TODO: unknown handle -> ValueError; delete the message only if this is its newest handle.
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            m = self._messages.get(self._handles[receipt_handle])
            if m is not None and m.receipt_handle == receipt_handle:
                del self._messages[m.message_id]
        # END SOLUTION

    def change_visibility(self, receipt_handle, timeout):
        check_timeout(timeout)
        # BEGIN SOLUTION TODO: unknown handle -> ValueError; if the message is gone, has a newer handle, or is no longer in flight -> ValueError; else hide it until now + timeout.
        now = self.clock.now()
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            m = self._messages.get(self._handles[receipt_handle])
            if m is None or m.receipt_handle != receipt_handle or m.visible_at <= now:
                raise ValueError("MessageNotInflight: the message is not in flight")
            m.visible_at = now + timeout
        # END SOLUTION

    def counts(self):
        now = self.clock.now()
        with self._lock:
            visible = sum(1 for m in self._messages.values() if m.visible_at <= now)
            return {"visible": visible, "inflight": len(self._messages) - visible}

# %% [markdown]
# ## Check 1: the visibility timeout, step by step
#
# A receives a message and never deletes it. It must stay hidden for 30 s, come back after, and
# obey `change_visibility`.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import ex03

ex03.check_visibility_timeout(MyQueue)

# %% [markdown]
# ## Check 2: consumers that crash
#
# Four consumers on threads; they "crash" before deleting every fifth message. After the
# visibility timeout, exactly those messages must come back, and nothing may be lost.

# %%
# NBVAL_CHECK_OUTPUT
ex03.check_slow_consumers(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 04 · retention and delay](04_retention_and_delay.ipynb).
