# Exercise 01 source: tools/nbbuild.py makes exercises/01_store_and_receive.ipynb (the learner's),
# solutions/01_store_and_receive.ipynb (completed) and exercises/myqueue.py (the learner's file,
# with TODOs) from this one file.

# %% [markdown]
# # Exercise 01 · Store and receive
#
# **Goal:** build the smallest useful queue (대기열): producers (생산자) `send` messages into it,
# consumers (소비자) `receive` them. Exercise by exercise, this class grows into a small SQS.
#
# Lesson: [02 · What is a queue?](../notebooks/02_what_is_a_queue.ipynb).
#
# **How exercises work.** Your queue lives in one file, **`myqueue.py`**, next to this notebook
# (open it from the file browser on the left; drag its tab to the right to see both). This
# exercise starts it; exercises 02, 03, 07, 08, 09 and 10 each add a little to the same file, so
# you always build on your own code. Fill in every `raise NotImplementedError(...)`, save the
# file, then run the cells below. A check either prints `PASS ...` or tells you which rule your
# queue broke, with the message and the moment it happened. Checks drive your queue on a virtual
# clock (time moves only when the check says so) and, in the last check, from several threads.

# %% [markdown] ko en=a825cfa4
# # 실습 01 · 저장과 수신
#
# **목표:** 쓸모 있는 가장 작은 대기열(queue)을 만듭니다. 생산자(producer)는 메시지를 대기열에
# `send`하고, 소비자(consumer)는 메시지를 `receive`합니다. 이 클래스(`MyQueue`)는 실습을 하나씩
# 거치며 작은 SQS로 자랍니다.
#
# 레슨: [02 · 대기열이란?](../notebooks/02_what_is_a_queue.ipynb)
#
# **실습은 이렇게 진행합니다.** 여러분의 대기열은 이 노트북 옆에 있는 파일 하나,
# **`myqueue.py`** 안에 있습니다(한국어판의 파일이라 안의 힌트도 한국어입니다). 왼쪽 파일
# 브라우저에서 여세요. 탭을 오른쪽으로 끌어 놓으면 노트북과 나란히 볼 수 있습니다. 이 실습에서 이
# 파일을 시작하고, 실습 02, 03, 07, 08, 09, 10에서 같은 파일에 조금씩 더합니다. 그래서 언제나 직접
# 쓴 코드 위에 쌓아 갑니다. `raise NotImplementedError(...)`를 모두 채우고, 파일을 저장한 다음, 아래
# 셀들을 실행하세요. 확인 셀(check cell)은 `PASS ...`를 출력하거나, 대기열이 어떤 규칙을 어겼는지
# 메시지와 그 일이 일어난 순간까지 알려 줍니다. 확인 셀은 가상 시계(virtual clock) 위에서 대기열을
# 움직입니다. 시간은 확인 셀이 정할 때만 흐릅니다. 마지막 확인에서는 여러 스레드(thread)에서
# 대기열을 호출합니다.

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

# %% [markdown] ko en=e92a2a68
# ## 인터페이스
#
# ```python
# q = MyQueue(clock)
# message_id = q.send("order 1")          # 새로운 고유 ID(문자열)를 돌려줍니다
# q.receive(max_messages=1)               # -> [(message_id, body), ...], 최대 max_messages개
# ```
#
# - 빈 대기열에서 `receive`는 `[]`를 돌려줍니다.
# - 이 첫 버전에서는 `receive`가 메시지를 대기열에서 **꺼냅니다**. 그래서 메시지마다 한 번씩
#   전달됩니다. (SQS가 왜 이렇게 하지 않는지는 실습 02에서 봅니다.)
# - SQS의 `MaxNumberOfMessages`처럼 `max_messages`는 1에서 10 사이여야 합니다. 그 밖의 값이면
#   `ValueError`를 일으키세요.
# - 가장 오래된 메시지부터 내주세요. (SQS 표준 대기열은 *최선의 노력* 순서 지정(best-effort
#   ordering)만 약속하므로, 확인 셀이 순서를 따지지는 않습니다.)
# - 여러 생산자와 소비자가 스레드에서 동시에 대기열을 호출합니다. `self._messages`를 읽거나 바꾸는
#   코드는 모두 `with self._lock:` 안에 두세요.
#
# `clock`은 아직 쓰지 않습니다. 다음 실습들에서 씁니다(`clock.now()`는 현재 시각이고, 단위는
# 초입니다).

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
        # A fresh random id, never made from the body: two sends of the same text are two messages.
        message_id = str(uuid.uuid4())
        # At the end, under the lock: the queue keeps send order, and no receive sees it half stored.
        with self._lock:
            self._messages.append((message_id, body))
        return message_id
        # END SOLUTION

    def receive(self, max_messages=1):
        # BEGIN SOLUTION TODO: check 1 <= max_messages <= 10, then take up to max_messages of the oldest messages out and return them as a list.
        # SQS takes MaxNumberOfMessages from 1 to 10 and refuses anything else (an error, not a guess).
        if not 1 <= max_messages <= 10:
            raise ValueError(f"max_messages must be between 1 and 10, got {max_messages}")
        # Counting and taking under one lock: otherwise two consumers can both take the same message,
        # or one pops from a deque the other just emptied.
        with self._lock:
            # Fewer than asked is a normal answer (an empty list when the queue is empty).
            count = min(max_messages, len(self._messages))
            # Oldest first, and out of the queue: each message goes to one consumer.
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

# %% [markdown] ko en=f90953e8
# ## 확인 1: 저장과 수신
#
# 생산자 하나가 메시지를 보냅니다. 그중 하나는 본문에 ASCII가 아닌 문자가 있고, 하나는 공백
# 하나뿐이라 비어 보이는 본문입니다. 소비자 둘이 메시지를 받습니다. 모든 메시지는 정확히 한 번,
# 본문이 바뀌지 않은 채로 돌아와야 합니다.

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

# %% [markdown] ko en=a9d3958a
# ## 확인 2: 동시에 두 호출
#
# 여러분의 메서드는 스레드에서 실행됩니다. 확인 셀은 여러분의 코드가 대기열을 읽거나 바꾸는 지점마다
# 스레드를 바꿉니다. 그래서 두 호출이 겹칠 수 있는 모든 경우를 시험하고, 실행할 때마다 똑같이
# 시험합니다. 락(lock)이 없으면 두 소비자가 같은 메시지를 가져가거나, 메시지 하나가 사라집니다.

# %%
# NBVAL_CHECK_OUTPUT
store_and_receive.check_many_at_once(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 02 · receipt handles](02_receipt_handles.ipynb), which builds on what
# lesson 02 showed: a received message is in flight until it is deleted.

# %% [markdown] ko en=8292f47e
# **다 했나요?** 다음: [실습 02 · 수신 핸들](02_receipt_handles.ipynb). 레슨 02에서 본 것, 곧 받은
# 메시지는 삭제될 때까지 처리 중(in flight)이라는 사실을 바탕으로 합니다.
