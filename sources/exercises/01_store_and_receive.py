# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Exercise 01 source: tools/nbbuild.py makes exercises/01_store_and_receive.ipynb (the learner's),
# solutions/01_store_and_receive.ipynb (completed) and exercises/myqueue.py (the learner's file,
# with TODOs) from this one file.

# %% [markdown]
# # Exercise 01 · Store and receive
#
# **Goal:** build the smallest useful queue (대기열): producers (생산자) `send` messages into it,
# consumers (소비자) `receive` them. Exercise by exercise, this class grows into a small SQS.
#
# Lesson: [02 · What is a queue](../notebooks/02_what_is_a_queue.ipynb).
#
# **How exercises work.** Your queue lives in one file, **`myqueue.py`**, next to this notebook
# (open it from the file browser on the left; drag its tab to the right to see both). This
# exercise starts it; exercises 02, 03, 07, 08, 09 and 10 each add a little to the same file, so
# you always build on your own code. Fill in every `raise NotImplementedError(...)`, save the
# file, then run the cells below. A check either prints `PASS ...` or tells you which rule your
# queue broke, with the message and the moment it happened. Checks drive your queue on a virtual
# clock (time moves only when the check says so) and, in the last check, from several threads.

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
# - Hand out the oldest messages first. (SQS standard queues only promise *best-effort*
#   ordering, so the checks do not insist.)
# - Several producers and consumers will call your queue at the same time from threads. Keep
#   every look at and change of `self._messages` inside `with self._lock:`.
#
# `clock` is unused for now; later exercises need it (`clock.now()` is the time in seconds).

# %% [solution] starter: myqueue.py
# BEGIN SOLUTION
# myqueue.py after exercise 01 (the course's reference)
# EXERCISE: # myqueue.py: your queue. Exercise 01 starts it; exercises 02, 03, 07, 08, 09 and 10 add to it.
# END SOLUTION
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

# %% [exercise]
from toyqueue.grading import mycode

MyQueue = mycode.load("MyQueue")    # your class, from myqueue.py (read again each time this cell runs)

# %% [markdown]
# ## Check 1: store and receive
#
# One producer sends messages (one with a non-ASCII body, one empty-looking); two consumers
# receive them. Every message must come back exactly once, with its body unchanged.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import store_and_receive

store_and_receive.check_store_and_receive(MyQueue)

# %% [markdown]
# ## Check 2: two calls at the same time
#
# Your methods run on threads that the check switches between at every point where your code
# looks at or changes the queue, so every way two calls can overlap is tried, the same way on
# every run. Without the lock, two consumers can take the same message, or a message is lost.

# %%
# NBVAL_CHECK_OUTPUT
store_and_receive.check_many_at_once(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 02 · receipt handles](02_receipt_handles.ipynb), which builds on what
# lesson 02 showed: a received message is in flight until it is deleted.
