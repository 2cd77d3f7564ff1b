# Exercise 02 source: tools/nbbuild.py makes exercises/ and solutions/02_receipt_handles.ipynb.
# The learner changes their own myqueue.py; the [solution] cell is the reference file after this
# step (what mycode.use_reference("02") writes), with the step's own code between the markers.

# %% [markdown]
# # Exercise 02 · Receipt handles and delete
#
# **Goal:** make `receive` *hide* a message instead of removing it, and let the consumer remove it
# with `delete` once the work is done, using the **receipt handle** it got from `receive`.
#
# Lesson: [02 · What is a queue?](../notebooks/02_what_is_a_queue.ipynb) (in flight, receipt handles,
# delete). Lesson 05 comes back to them with a real consumer loop.
#
# **Why.** In exercise 01, `receive` took the message out. If the consumer (소비자) crashed right
# after, the order was gone for good. SQS never removes a message on receive: the message goes
# *in flight* (hidden from other consumers), and only `DeleteMessage` removes it. So a message is
# in one of two states: **visible** (waiting) or **in flight** (received, not yet deleted).

# %% [markdown] ko en=37c64067
# # 실습 02 · 수신 핸들과 삭제
#
# **목표:** `receive`가 메시지를 없애는 대신 *숨기게* 만듭니다. 그리고 소비자가 일을 마치면
# `delete`로 메시지를 지우게 합니다. 이때 `receive`에서 받은 **수신 핸들**(receipt handle)을 씁니다.
#
# 레슨: [02 · 대기열이란?](../notebooks/02_what_is_a_queue.ipynb)(처리 중, 수신 핸들, 삭제). 레슨
# 05에서 실제 소비자 루프와 함께 이 내용을 다시 다룹니다.
#
# **왜 필요할까요?** 실습 01에서는 `receive`가 메시지를 꺼내 갔습니다. 그 직후에
# 소비자(consumer)가 죽으면 그 주문은 영영 사라졌습니다. SQS는 메시지를 받을 때 절대 지우지
# 않습니다. 메시지는 *처리 중*(in flight) 상태가 되어 다른 소비자에게 보이지 않고, 메시지를 지우는
# 것은 `DeleteMessage`뿐입니다. 그래서 메시지는 두 상태 중 하나에 있습니다. **표시됨**(visible,
# 기다리는 중)이거나 **처리 중**(in flight, 받았지만 아직 삭제하지 않음)입니다.

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

# %% [markdown] ko en=3b8d2061
# ## 인터페이스
#
# ```python
# q = MyQueue(clock)
# q.send("order 1")                    # -> message_id, 실습 01과 같습니다
# q.receive(max_messages=1)            # -> [(message_id, body, receipt_handle), ...]
# q.delete(receipt_handle)             # 메시지를 완전히 지웁니다
# q.counts()                           # -> {"visible": 2, "inflight": 1}
# ```
#
# SQS와 같은 규칙입니다:
# - `receive`는 표시된 메시지만 돌려주고, 메시지마다 처리 중으로 바꾸면서 **새 수신 핸들**을
#   붙입니다. 수신 핸들은 새로 만든 무작위 문자열입니다. 메시지 ID를 그대로 쓰거나 본문으로 만들면
#   안 됩니다.
# - `delete`는 수신 핸들을 받습니다. 대기열이 내준 적이 없는 핸들(메시지 ID, 오타)이면 `ValueError`를
#   일으키세요(SQS는 `ReceiptHandleIsInvalid`로 답합니다). 대기열이 비어 있어도 마찬가지입니다.
#   같은 메시지를 두 번 삭제해도 괜찮습니다. 두 번째 호출은 아무 일도 하지 않습니다.
# - 지금은 처리 중인 메시지가 삭제될 때까지 계속 숨어 있습니다. (소비자가 죽으면 메시지를 다시
#   보이게 하는 가시성 제한 시간(visibility timeout)은 실습 03에서 더합니다.)

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

# %% [markdown] ko en=af30221d
# ## `myqueue.py`에서 바꿀 것
#
# 이제 메시지마다 약간의 상태가 필요합니다. 그러니 메시지를 작은 레코드로 만들어 dict에 보관하세요.
# Python의 dict는 넣은 순서를 지키므로, 차례로 훑으면 가장 오래된 메시지부터 나옵니다. 클래스 위에
# 다음 코드를 넣으세요.
#
# ```python
# from dataclasses import dataclass
#
#
# @dataclass
# class Message:
#     message_id: str
#     body: str
#     receipt_handle: str | None = None   # 메시지가 처리 중인 동안 값이 있습니다
# ```
#
# 그다음 `MyQueue`를 이렇게 바꾸세요.
#
# ```python
#     def __init__(self, clock):
#         self.clock = clock
#         self._messages = {}     # message_id -> Message, 오래된 것부터
#         self._handles = {}      # 지금까지 내준 모든 수신 핸들 -> message_id
#         self._lock = threading.Lock()
#
#     def send(self, body):
#         # 전과 같지만, Message(message_id, body)를 self._messages[message_id]에 저장합니다
#
#     def receive(self, max_messages=1):
#         # max_messages 검사는 그대로 두고, 그다음:
#         raise NotImplementedError("TODO: 표시된 메시지(receipt_handle이 None)를 최대 max_messages개 "
#                                   "고르고, 각각에 새 핸들을 주어 self._handles에 기억한 뒤, "
#                                   "(id, body, handle) 튜플들을 돌려주기")
#
#     def delete(self, receipt_handle):
#         raise NotImplementedError("TODO: self._handles에 없는 핸들이면 ValueError를 일으키고, "
#                                   "아니면 그 메시지를 self._messages에서 지우기(아직 있다면)")
#
#     def counts(self):
#         raise NotImplementedError("TODO: {'visible': ..., 'inflight': ...}를 돌려주기")
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
        # Choosing and marking a message under one lock: two receives must not hand out the same one.
        with self._lock:
            for m in self._messages.values():
                if len(got) == max_messages:
                    break
                # Only visible messages; the message stays stored (in flight) until someone deletes it,
                # so a consumer that dies before delete does not lose it.
                if m.receipt_handle is None:
                    # A random handle, not the message id: only whoever received it can delete it.
                    m.receipt_handle = str(uuid.uuid4())
                    self._handles[m.receipt_handle] = m.message_id
                    got.append((m.message_id, m.body, m.receipt_handle))
        return got
        # END SOLUTION

    def delete(self, receipt_handle):
        # BEGIN SOLUTION
        with self._lock:
            # A handle this queue never gave out is an error (SQS: ReceiptHandleIsInvalid), even on an
            # empty queue: a typo or a message id must not pass silently.
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            # pop(..., None): deleting twice is fine in SQS; the second delete finds nothing to do.
            self._messages.pop(self._handles[receipt_handle], None)
        # END SOLUTION

    def counts(self):
        # BEGIN SOLUTION
        # Counted under the lock, from the messages themselves: a count kept on the side drifts
        # when a delete comes twice or a receive and a delete overlap.
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

# %% [markdown] ko en=04bc4933
# ## 확인 1: 수신 핸들과 삭제
#
# 메시지가 세 개 있습니다. 소비자 A가 하나를 받고, B가 나머지를 받습니다. A의 메시지는 B에게 보이지
# 않아야 합니다. `counts()`는 단계마다 정확해야 하고, `delete`는 수신 핸들만 받아들여야 합니다.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import receipt_handles

receipt_handles.check_receipt_handles(MyQueue)

# %% [markdown]
# ## Check 2: two calls at the same time
#
# Sends, receives and deletes overlapped in every way two calls can overlap. Each message must
# reach exactly one consumer, and a delete must never make another message disappear.

# %% [markdown] ko en=a2285e21
# ## 확인 2: 동시에 두 호출
#
# 보내기, 받기, 삭제를 두 호출이 겹칠 수 있는 모든 방식으로 겹쳐서 실행합니다. 메시지마다 정확히 한
# 소비자에게만 가야 하고, 삭제 때문에 다른 메시지가 사라져서는 안 됩니다.

# %%
# NBVAL_CHECK_OUTPUT
receipt_handles.check_many_at_once(MyQueue)

# %% [markdown]
# **Done?** Exercise 03 needs lesson [06 · Visibility, duplicates and ordering](../notebooks/06_visibility_duplicates.ipynb)
# first. Lessons [03](../notebooks/03_standard_queue.ipynb), [04](../notebooks/04_producing_messages.ipynb)
# and [05](../notebooks/05_consuming_messages.ipynb) come before it.

# %% [markdown] ko en=7932033c
# **다 했나요?** 실습 03을 하려면 먼저 레슨
# [06 · 가시성, 중복, 순서](../notebooks/06_visibility_duplicates.ipynb)를 공부하세요. 그 앞에 레슨
# [03](../notebooks/03_standard_queue.ipynb), [04](../notebooks/04_producing_messages.ipynb),
# [05](../notebooks/05_consuming_messages.ipynb)가 있습니다.
