# Exercise 03 source: tools/nbbuild.py makes exercises/ and solutions/03_visibility_timeout.ipynb.
# The [solution] cell is the reference myqueue.py after this step; the step's code is between markers.

# %% [markdown]
# # Exercise 03 · Visibility timeout and redelivery
#
# **Goal:** an in-flight message comes back by itself when its consumer takes too long, and a
# consumer can ask for more time (`change_visibility`).
#
# Lesson: [06 · Visibility, duplicates and ordering](../notebooks/06_visibility_duplicates.ipynb).
#
# **Why.** In exercise 02 a consumer that crashed before `delete` left its message in flight
# forever. SQS hides a received message only for the **visibility timeout** (30 s by default,
# 0 to 12 hours). If nobody deletes it by then, it becomes visible again and another consumer
# gets it: **at-least-once delivery**. The price: a slow consumer's message can be delivered
# twice, so consumers must be idempotent (exercise 04).

# %% [markdown] ko en=e646a3c0
# # 실습 03 · 가시성 제한 시간과 재전송
#
# **목표:** 소비자가 너무 오래 걸리면 처리 중인 메시지가 저절로 돌아오게 합니다. 그리고 소비자가
# 시간을 더 달라고 할 수 있게 합니다(`change_visibility`).
#
# 레슨: [06 · 가시성, 중복, 순서](../notebooks/06_visibility_duplicates.ipynb)
#
# **왜 필요할까요?** 실습 02에서는 소비자가 `delete` 전에 죽으면 그 메시지가 영원히 처리 중으로
# 남았습니다. SQS는 받은 메시지를 **가시성 제한 시간**(visibility timeout) 동안만 숨깁니다(기본
# 30초, 0초~12시간). 그때까지 아무도 삭제하지 않으면 메시지는 다시 보이게 되고, 다른 소비자가
# 받습니다. 이것이 **최소 1회 전송**(at-least-once delivery, 강의: 적어도 한 번의 전송)입니다.
# 대가도 있습니다. 느린 소비자의 메시지는 두 번 전달될 수 있습니다. 그래서 소비자는 멱등해야
# 합니다(실습 04).

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
# - A message received at time `t` with timeout `v` is hidden while `now < t + v` and visible
#   again from `t + v` on, exactly then. Times are floats: `0.5` s is a timeout too.
# - Each receive gives a **new** receipt handle. Only the newest handle deletes: a handle from
#   an older receive does nothing (SQS: "the message might not be deleted"). An unknown handle
#   raises `ValueError`.
# - `change_visibility(handle, t)` hides the message until `now + t` (counted from the call, not
#   from the receive); `0` makes it visible at once. Any handle the queue gave out for the
#   message works, also one from an older receive. A message that is no longer in flight (its
#   timeout has ended) is left as it is, without an error. An unknown handle, or a message that
#   was deleted, raises `ValueError`.
# - Timeouts must be between 0 and 43,200 s (12 hours), both included: raise `ValueError`
#   otherwise. A message stays hidden at most 12 hours after the receive that hid it: a
#   `change_visibility` that would hide it longer raises `ValueError` too.
#
# Time comes from `self.clock.now()` (seconds). The checks use a virtual clock, so "30 s later"
# takes no time at all.
#
# **If you know the API reference.** It lists a `MessageNotInflight` error for
# `ChangeMessageVisibility` on a message that is not in flight, so you may expect an error for a
# late change, and for an old handle. Real SQS answers otherwise: in LocalStack's test suite,
# whose answers were recorded against AWS, a change after the timeout ended succeeded
# (`test_change_message_visibility_after_visibility_timeout_expiration`), and a change with the
# handle of an earlier receive made the message visible again
# (`test_terminate_visibility_timeout_after_receive`). This course follows what AWS does. (A FIFO
# queue is stricter; exercise 10.)

# %% [markdown] ko en=d3b6681d
# ## 인터페이스
#
# ```python
# q = MyQueue(clock, visibility_timeout=30)
# q.receive(max_messages=1, visibility_timeout=None)   # None: 대기열의 제한 시간을 씁니다
# q.change_visibility(receipt_handle, timeout)         # 지금부터 `timeout`초 동안 숨깁니다
# ```
#
# SQS와 같은 규칙입니다:
# - 시각 `t`에 제한 시간 `v`로 받은 메시지는 `now < t + v`인 동안 숨겨지고, `t + v`부터 다시
#   보입니다. 정확히 그 순간부터입니다. 시각은 float입니다. `0.5`초도 제한 시간이 될 수 있습니다.
# - 수신할 때마다 **새** 수신 핸들을 줍니다. 메시지를 지우는 것은 가장 최근의 핸들뿐입니다. 그 전
#   수신에서 받은 핸들로 삭제하면 아무 일도 일어나지 않습니다(SQS 문서: "메시지가 삭제되지 않을
#   수도 있습니다"). 모르는 핸들이면 `ValueError`를 일으키세요.
# - `change_visibility(handle, t)`는 메시지를 `now + t`까지 숨깁니다(수신한 때가 아니라 호출한
#   때부터 셉니다). `0`이면 메시지가 곧바로 보입니다. 대기열이 그 메시지에 내준 핸들이면 무엇이든
#   쓸 수 있고, 그 전 수신의 핸들도 됩니다. 더는 처리 중이 아닌 메시지(제한 시간이 끝난 메시지)는
#   그대로 두고, 오류도 내지 않습니다. 모르는 핸들이거나 삭제된 메시지면 `ValueError`를
#   일으키세요.
# - 제한 시간은 0초부터 43,200초(12시간)까지이고, 양 끝도 포함합니다. 그 밖의 값이면
#   `ValueError`를 일으키세요. 메시지는 자신을 숨긴 수신 때부터 최대 12시간까지만 숨어 있을 수
#   있습니다. 그보다 오래 숨기게 될 `change_visibility`도 `ValueError`를 일으킵니다.
#
# 시각은 `self.clock.now()`(초 단위)에서 얻습니다. 확인 셀은 가상 시계를 쓰므로 "30초 뒤"도 시간이
# 전혀 걸리지 않습니다.
#
# **API 참조를 읽어 보았다면.** API 참조(API Reference)에는 처리 중이 아닌 메시지에
# `ChangeMessageVisibility`를 호출할 때의 오류로 `MessageNotInflight`가 나옵니다. 그래서 늦은
# 변경이나 예전 핸들로 한 변경은 오류가 나리라고 예상할 수 있습니다. 실제 SQS는 다르게 답합니다. LocalStack의 테스트 모음에는 AWS에서 받은
# 응답이 기록되어 있는데, 거기서 제한 시간이 끝난 뒤의 변경은 성공했고
# (`test_change_message_visibility_after_visibility_timeout_expiration`), 그 전 수신의 핸들로 한
# 변경은 메시지를 다시 보이게 했습니다(`test_terminate_visibility_timeout_after_receive`). 이 과정은
# AWS가 실제로 하는 대로 따릅니다. (FIFO 대기열은 더 엄격합니다. 실습 10에서 봅니다.)

# %% [markdown]
# ## What to change in `myqueue.py`
#
# A message is now visible when `visible_at <= now`, so `Message` gets a field for it, and one for
# when it was received (for the 12-hour limit):
#
# ```python
# @dataclass
# class Message:
#     message_id: str
#     body: str
#     visible_at: float = 0.0             # hidden until this time
#     receipt_handle: str | None = None   # the newest handle
#     received_at: float = 0.0            # when the newest receive handed it out
#
#
# MAX_VISIBILITY_TIMEOUT = 43_200   # 12 hours
#
#
# def check_timeout(seconds):
#     if not 0 <= seconds <= MAX_VISIBILITY_TIMEOUT:
#         raise ValueError(f"visibility timeout must be between 0 and {MAX_VISIBILITY_TIMEOUT} s, got {seconds}")
# ```
#
# and `MyQueue` changes like this:
#
# ```python
#     def __init__(self, clock, visibility_timeout=30):
#         check_timeout(visibility_timeout)
#         self.visibility_timeout = visibility_timeout
#         ...                                   # the rest as before
#
#     def send(self, body):                     # store Message(message_id, body, visible_at=self.clock.now())
#
#     def receive(self, max_messages=1, visibility_timeout=None):
#         # check max_messages; timeout = the queue's when visibility_timeout is None; check_timeout(timeout)
#         raise NotImplementedError("TODO: as in exercise 02, but a message is visible when m.visible_at <= now; "
#                                   "hide each one you return until now + timeout, with a new handle, and note "
#                                   "received_at = now")
#
#     def delete(self, receipt_handle):
#         raise NotImplementedError("TODO: unknown handle -> ValueError; delete the message only if this is its "
#                                   "newest handle")
#
#     def change_visibility(self, receipt_handle, timeout):
#         raise NotImplementedError("TODO: check the timeout; unknown handle or deleted message -> ValueError; "
#                                   "no longer in flight -> change nothing; now + timeout past received_at + "
#                                   "12 hours -> ValueError; else hide it until now + timeout")
#
#     def counts(self):                         # visible: m.visible_at <= now; the others are in flight
# ```

# %% [markdown] ko en=8bbe269e
# ## `myqueue.py`에서 바꿀 것
#
# 이제 메시지는 `visible_at <= now`일 때 보입니다. 그래서 `Message`에 그 시각을 담을 필드를
# 더하고, 받은 시각을 담을 필드도 더합니다(12시간 한도에 씁니다):
#
# ```python
# @dataclass
# class Message:
#     message_id: str
#     body: str
#     visible_at: float = 0.0             # 이 시각까지 숨겨집니다
#     receipt_handle: str | None = None   # 가장 최근의 핸들
#     received_at: float = 0.0            # 가장 최근의 수신이 메시지를 내준 시각
#
#
# MAX_VISIBILITY_TIMEOUT = 43_200   # 12시간
#
#
# def check_timeout(seconds):
#     if not 0 <= seconds <= MAX_VISIBILITY_TIMEOUT:
#         raise ValueError(f"visibility timeout must be between 0 and {MAX_VISIBILITY_TIMEOUT} s, got {seconds}")
# ```
#
# 그리고 `MyQueue`는 이렇게 바뀝니다:
#
# ```python
#     def __init__(self, clock, visibility_timeout=30):
#         check_timeout(visibility_timeout)
#         self.visibility_timeout = visibility_timeout
#         ...                                   # 나머지는 전과 같습니다
#
#     def send(self, body):                     # Message(message_id, body, visible_at=self.clock.now())를 저장합니다
#
#     def receive(self, max_messages=1, visibility_timeout=None):
#         # max_messages 검사. visibility_timeout이 None이면 timeout은 대기열의 값. check_timeout(timeout)
#         raise NotImplementedError("TODO: 실습 02처럼 하되, 보이는 메시지는 m.visible_at <= now인 메시지. "
#                                   "돌려주는 메시지마다 새 핸들을 주어 now + timeout까지 숨기고, "
#                                   "received_at = now를 기록하기")
#
#     def delete(self, receipt_handle):
#         raise NotImplementedError("TODO: 모르는 핸들 -> ValueError. 그 메시지의 가장 최근 핸들일 때만 "
#                                   "메시지를 삭제하기")
#
#     def change_visibility(self, receipt_handle, timeout):
#         raise NotImplementedError("TODO: timeout 검사. 모르는 핸들이나 삭제된 메시지 -> ValueError. "
#                                   "더는 처리 중이 아님 -> 아무것도 바꾸지 않기. now + timeout이 "
#                                   "received_at + 12시간을 넘음 -> ValueError. 아니면 now + timeout까지 숨기기")
#
#     def counts(self):                         # visible: m.visible_at <= now, 나머지는 처리 중
# ```

# %% [solution]
# myqueue.py after exercise 03 (the course's reference)
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
    received_at: float = 0.0            # when the newest receive handed it out


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
        # BEGIN SOLUTION
        # One reading of the clock for the whole receive, as a float: rounding it would show a
        # message a fraction of a second early.
        now = self.clock.now()
        got = []
        with self._lock:
            for m in self._messages.values():
                if len(got) == max_messages:
                    break
                # Visible from visible_at on, that moment included: SQS's timeout ends exactly then.
                # A message nobody deleted comes back this way: at-least-once delivery.
                if m.visible_at <= now:
                    got.append(self._hand_out(m, now, timeout))
        return got
        # END SOLUTION

    def _hand_out(self, m, now, timeout):
        """Put m in flight under a new receipt handle. Call it with the lock held."""
        # BEGIN SOLUTION
        m.visible_at = now + timeout
        m.received_at = now
        # A new handle for every receive: whoever held the message before (a consumer that was
        # too slow) must not be able to delete it from under the one who holds it now.
        m.receipt_handle = str(uuid.uuid4())
        # Older handles stay known: they are not invalid (SQS accepts them), only no longer newest.
        self._handles[m.receipt_handle] = m.message_id
        return (m.message_id, m.body, m.receipt_handle)
        # END SOLUTION

    def delete(self, receipt_handle):
        # BEGIN SOLUTION
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            m = self._messages.get(self._handles[receipt_handle])
            # Only the newest handle deletes; an older one is accepted and does nothing, as in SQS,
            # so a slow consumer finishing late cannot remove the message another consumer now works on.
            if m is not None and m.receipt_handle == receipt_handle:
                del self._messages[m.message_id]
        # END SOLUTION

    def change_visibility(self, receipt_handle, timeout):
        check_timeout(timeout)
        # BEGIN SOLUTION
        now = self.clock.now()
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            # Any handle of the message, older ones too, finds it: AWS acts on the message
            # (recorded: test_terminate_visibility_timeout_after_receive).
            m = self._messages.get(self._handles[receipt_handle])
            if m is None:
                raise ValueError("InvalidParameterValue: the message does not exist (it was deleted)")
            # No longer in flight: AWS answers success, not MessageNotInflight (recorded:
            # test_change_message_visibility_after_visibility_timeout_expiration). Leave it visible:
            # hiding it again would keep it from the consumer about to receive it.
            if m.visible_at <= now:
                return
            # 12 hours at most from the receive, however many changes: SQS rejects a longer one.
            if now + timeout > m.received_at + MAX_VISIBILITY_TIMEOUT:
                raise ValueError(f"InvalidParameterValue: a message stays hidden at most {MAX_VISIBILITY_TIMEOUT} s "
                                 "after its receive")
            # Counted from the call, not added to the old timeout, and not kept for later receives.
            m.visible_at = now + timeout
        # END SOLUTION

    def counts(self):
        now = self.clock.now()
        with self._lock:
            visible = sum(1 for m in self._messages.values() if m.visible_at <= now)
            return {"visible": visible, "inflight": len(self._messages) - visible}

# %% [exercise]
from toyqueue.grading import mycode

# Stuck on exercise 02? Uncomment the next line once: it puts the course's version of exercise 02
# in myqueue.py (yours is kept as myqueue.mine.py).
# mycode.use_reference("02")
MyQueue = mycode.load("MyQueue")    # your class, from myqueue.py (read again each time this cell runs)

# %% [markdown]
# ## Check 1: the visibility timeout, step by step
#
# A receives a message and never deletes it. It must stay hidden for exactly 30 s, come back at
# 30 s and not a moment before, and obey `change_visibility`. A's old receipt handle must no
# longer delete, but it still changes the visibility; a change that comes too late changes
# nothing.

# %% [markdown] ko en=160d9833
# ## 확인 1: 가시성 제한 시간, 한 단계씩
#
# A가 메시지를 받고 끝내 삭제하지 않습니다. 메시지는 정확히 30초 동안 숨어 있다가 30초에 돌아와야
# 합니다. 한순간이라도 일찍 돌아오면 안 됩니다. 또 `change_visibility`를 따라야 합니다. A의 예전
# 수신 핸들로는 더 이상 삭제할 수 없어야 하지만, 가시성은 여전히 바꿀 수 있어야 합니다. 너무 늦게
# 온 변경은 아무것도 바꾸지 않습니다.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import visibility_timeout

visibility_timeout.check_visibility_timeout(MyQueue)

# %% [markdown]
# ## Check 2: consumers that crash, and calls at the same time
#
# Consumers "crash" before deleting some messages; after the visibility timeout exactly those
# must come back. Then every way two calls can overlap is tried.

# %% [markdown] ko en=a7bbcd94
# ## 확인 2: 죽는 소비자와 동시에 오는 호출
#
# 소비자들이 메시지 몇 개를 삭제하기 전에 "죽습니다". 가시성 제한 시간이 지나면 정확히 그
# 메시지들이 돌아와야 합니다. 그다음 두 호출이 겹칠 수 있는 모든 방식을 시험합니다.

# %%
# NBVAL_CHECK_OUTPUT
visibility_timeout.check_slow_consumers(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 04 · an idempotent consumer](04_idempotent_consumer.ipynb), the other
# half of lesson 06.

# %% [markdown] ko en=18f09d1e
# **다 했나요?** 다음: [실습 04 · 멱등 소비자](04_idempotent_consumer.ipynb). 레슨 06의 나머지
# 절반입니다.
