# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Exercise 01 source: tools/nbbuild.py makes exercises/01_store_and_receive.ipynb (TODOs) and
# solutions/01_store_and_receive.ipynb (completed) from this one file.

# %% [markdown]
# # Exercise 01 · Store and receive
#
# **Goal:** build the smallest useful queue (대기열): producers (생산자) `send` messages into it,
# consumers (소비자) `receive` them. Over the next six exercises this class grows, piece by piece,
# into a small SQS.
#
# Lesson: [02 · What is a queue](../notebooks/02_what_is_a_queue.ipynb).
#
# **How exercises work.** Fill in every `raise NotImplementedError(...)` in the code cell below,
# run it, then run the check cells at the bottom. A check either prints `PASS ...` or tells you
# which rule your queue broke, with the message and the time it happened. Checks drive your queue
# through scenarios on a virtual clock (time moves only when the check says so) and, in the last
# check, from several threads at once.

# %% [markdown]
# ## The interface
#
# ```python
# q = MyQueue(clock)
# message_id = q.send("order 1")          # returns a new, unique id (a string)
# q.receive(max_messages=1)               # -> [(message_id, body), ...], at most max_messages
# ```
#
# - `receive` on an empty queue returns `[]`.
# - In this first version, `receive` **takes** the messages out of the queue: each message is
#   delivered once. (Exercise 02 shows why SQS does not do that.)
# - Like SQS's `MaxNumberOfMessages`, `max_messages` must be between 1 and 10: raise
#   `ValueError` otherwise.
# - Try to hand out the oldest messages first. SQS standard queues only promise *best-effort*
#   ordering, so the checks do not insist.
# - Several producers and consumers will call your queue at the same time from threads. Keep
#   every change of `self._messages` inside `with self._lock:`.
#
# `clock` is unused for now; later exercises need it (`clock.now()` is the time in seconds).

# %%
import threading
import uuid
from collections import deque


class MyQueue:
    """A first queue: a list of messages, oldest first."""

    def __init__(self, clock):
        self.clock = clock
        self._messages = deque()          # (message_id, body), oldest on the left
        self._lock = threading.Lock()

    def send(self, body):
        # BEGIN SOLUTION TODO: store (new id, body) at the end of self._messages and return the id. Tip: str(uuid.uuid4()) makes an id.
        message_id = str(uuid.uuid4())
        with self._lock:
            self._messages.append((message_id, body))
        return message_id
        # END SOLUTION

    def receive(self, max_messages=1):
        # BEGIN SOLUTION TODO: check 1 <= max_messages <= 10, then take up to max_messages of the oldest messages out and return them as a list.
        if not 1 <= max_messages <= 10:
            raise ValueError(f"max_messages must be between 1 and 10, got {max_messages}")
        with self._lock:
            count = min(max_messages, len(self._messages))
            return [self._messages.popleft() for _ in range(count)]
        # END SOLUTION

# %% [markdown]
# ## Check 1: store and receive
#
# One producer sends five messages; two consumers receive them. Every message must come back
# exactly once, with its body unchanged.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import ex01

ex01.check_store_and_receive(MyQueue)

# %% [markdown]
# ## Check 2: many producers and consumers at once
#
# Three producers and three consumers on threads, all at the same time. Without the lock, two
# threads can read and change `self._messages` at the same moment, and messages get lost or
# delivered twice.

# %%
# NBVAL_CHECK_OUTPUT
ex01.check_many_at_once(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 02 · receipt handles](02_receipt_handles.ipynb).
