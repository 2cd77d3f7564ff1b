# Exercise 07 source: tools/nbbuild.py makes exercises/ and solutions/07_retention_and_delay.ipynb.
# The [solution] cell is the reference myqueue.py after this step; the step's code is between markers.

# %% [markdown]
# # Exercise 07 · Retention and delay
#
# **Goal:** messages that nobody deletes do not live forever (the **retention period**), and a
# producer can ask for a message to stay hidden for a while after it is sent (**delay**).
#
# Lessons: [03 · The standard queue](../notebooks/03_standard_queue.ipynb) (retention: 4 days by
# default, 14 days at most) and [10 · Beyond the lecture](../notebooks/10_beyond_the_lecture.ipynb)
# (delay queues). Your queue from exercise 03 is the starting point.
#
# **Why.** A queue is a buffer, not a database: SQS deletes a message once it is older than the
# queue's `MessageRetentionPeriod` (60 s to 1,209,600 s = 14 days, default 345,600 s = 4 days),
# whether or not anyone received it. A **delay** (`DelaySeconds`, 0 to 900 s) keeps a new message
# hidden before its first delivery, for the whole queue or per message.

# %% [markdown] ko en=114ca0a4
# # 실습 07 · 보존 기간과 지연
#
# **목표:** 아무도 삭제하지 않은 메시지가 영원히 남지 않게 합니다(**메시지 보존 기간**, message
# retention period). 그리고 생산자가 보낸 메시지를 한동안 숨겨 두라고 요청할 수 있게
# 합니다(**전송 지연**, delivery delay).
#
# 레슨: [03 · 표준 대기열](../notebooks/03_standard_queue.ipynb)(메시지 보존 기간: 기본 4일, 최대
# 14일)과 [10 · 강의 너머](../notebooks/10_beyond_the_lecture.ipynb)(지연 대기열). 실습 03에서 만든
# 대기열에서 시작합니다.
#
# **왜 필요할까요?** 대기열은 데이터베이스가 아니라 버퍼입니다. SQS는 대기열의
# `MessageRetentionPeriod`(60초~1,209,600초 = 14일, 기본값 345,600초 = 4일)보다 오래된 메시지를
# 삭제합니다. 누가 받았든 아무도 받지 않았든 상관없습니다. **지연**(`DelaySeconds`, 0~900초)은 새
# 메시지를 처음 전달하기 전에 숨겨 둡니다. 대기열 전체에 줄 수도 있고, 메시지마다 줄 수도 있습니다.

# %% [markdown]
# ## The interface
#
# ```python
# q = MyQueue(clock, visibility_timeout=30, retention_period=345_600, delay_seconds=0)
# q.send(body, delay=None)        # None: use the queue's delay_seconds
# q.counts()                      # -> {"visible": ..., "inflight": ..., "delayed": ...}
# ```
#
# Rules, as in SQS:
# - A message sent at time `t` with delay `d` is hidden while `now < t + d` and visible from
#   `t + d` on. Until its first receive it counts as `"delayed"`, not `"inflight"`.
# - Retention counts from each message's own send time, never from a receive: a message is gone
#   once `now >= sent_at + retention_period`, even if it is in flight or still delayed; no
#   receive may return it again. (Removing expired messages when `receive` or `counts` runs is
#   enough: nobody can tell the difference.)
# - `delay` outside 0..900 and `retention_period` outside 60..1,209,600 raise `ValueError`;
#   both ends are allowed.

# %% [markdown] ko en=27792039
# ## 인터페이스
#
# ```python
# q = MyQueue(clock, visibility_timeout=30, retention_period=345_600, delay_seconds=0)
# q.send(body, delay=None)        # None: 대기열의 delay_seconds를 씁니다
# q.counts()                      # -> {"visible": ..., "inflight": ..., "delayed": ...}
# ```
#
# SQS와 같은 규칙입니다:
# - 시각 `t`에 지연 `d`로 보낸 메시지는 `now < t + d`인 동안 숨어 있고, `t + d`부터 보입니다.
#   처음 수신되기 전까지는 `"inflight"`가 아니라 `"delayed"`로 셉니다.
# - 보존 기간은 메시지마다 자기가 보내진 시각부터 셉니다. 수신한 시각부터 다시 세지 않습니다.
#   `now >= sent_at + retention_period`가 되면 메시지는 사라집니다. 처리 중(in flight)이든 아직
#   지연 중이든 마찬가지이고, 어떤 수신도 그 메시지를 다시 돌려주면 안 됩니다. (만료된 메시지는
#   `receive`나 `counts`가 실행될 때 지우면 충분합니다. 바깥에서는 그 차이를 알 수 없습니다.)
# - 0..900 밖의 `delay`와 60..1,209,600 밖의 `retention_period`는 `ValueError`를 일으킵니다. 양
#   끝값은 허용됩니다.

# %% [markdown]
# ## What to change in `myqueue.py`
#
# ```python
# MAX_DELAY = 900                     # 15 minutes
# MIN_RETENTION, MAX_RETENTION = 60, 1_209_600
# DEFAULT_RETENTION = 345_600         # 4 days
#
#
# @dataclass
# class Message:
#     message_id: str
#     body: str
#     sent_at: float                      # new: when the message was sent
#     visible_at: float                   # hidden until this time (a delay, or in flight)
#     receipt_handle: str | None = None
#     received_at: float = 0.0
#     receive_count: int = 0              # new: how many times it was received (0: still delayed)
#
#
# class MyQueue:
#     def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0):
#         # check all three, keep them on self
#
#     def send(self, body, delay=None):
#         raise NotImplementedError("TODO: the queue's delay when delay is None; check it; store the message "
#                                   "with sent_at = now and visible_at = now + delay")
#
#     def _drop_expired(self, now):
#         """Forget messages older than the retention period. Call it with the lock held."""
#         raise NotImplementedError("TODO: delete every message with now >= sent_at + retention_period")
#
#     # receive() and counts() call self._drop_expired(now) first (with the lock held);
#     # receive() adds 1 to m.receive_count of each message it returns;
#     # counts() also reports "delayed": hidden and never received yet
# ```

# %% [markdown] ko en=f31efa65
# ## `myqueue.py`에서 바꿀 것
#
# ```python
# MAX_DELAY = 900                     # 15분
# MIN_RETENTION, MAX_RETENTION = 60, 1_209_600
# DEFAULT_RETENTION = 345_600         # 4일
#
#
# @dataclass
# class Message:
#     message_id: str
#     body: str
#     sent_at: float                      # 새 필드: 메시지를 보낸 시각
#     visible_at: float                   # 이 시각까지 숨어 있습니다(지연 중이거나 처리 중)
#     receipt_handle: str | None = None
#     received_at: float = 0.0
#     receive_count: int = 0              # 새 필드: 수신된 횟수(0: 아직 한 번도 수신되지 않음)
#
#
# class MyQueue:
#     def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0):
#         # 세 값을 모두 검사하고 self에 저장합니다
#
#     def send(self, body, delay=None):
#         raise NotImplementedError("TODO: delay가 None이면 대기열의 지연을 쓰고, 검사한 뒤 "
#                                   "sent_at = now, visible_at = now + delay로 메시지를 저장하기")
#
#     def _drop_expired(self, now):
#         """보존 기간보다 오래된 메시지를 지웁니다. 락을 잡은 채로 호출하세요."""
#         raise NotImplementedError("TODO: now >= sent_at + retention_period인 메시지를 모두 지우기")
#
#     # receive()와 counts()는 먼저 self._drop_expired(now)를 호출합니다(락을 잡은 채로).
#     # receive()는 돌려주는 메시지마다 m.receive_count에 1을 더합니다.
#     # counts()는 "delayed"도 알려 줍니다: 숨어 있고 아직 한 번도 수신되지 않은 메시지의 수
# ```

# %% [solution]
# myqueue.py after exercise 07 (the course's reference)
import threading
import uuid
from dataclasses import dataclass

MAX_VISIBILITY_TIMEOUT = 43_200     # 12 hours
MAX_DELAY = 900                     # 15 minutes
MIN_RETENTION, MAX_RETENTION = 60, 1_209_600
DEFAULT_RETENTION = 345_600         # 4 days


@dataclass
class Message:
    message_id: str
    body: str
    sent_at: float
    visible_at: float                   # hidden until this time (a delay, or in flight)
    receipt_handle: str | None = None   # the newest handle
    received_at: float = 0.0            # when the newest receive handed it out
    receive_count: int = 0


def check_range(name, value, low, high):
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")


class MyQueue:
    """A queue with a visibility timeout, a retention period and delays."""

    def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0):
        check_range("visibility_timeout", visibility_timeout, 0, MAX_VISIBILITY_TIMEOUT)
        # BEGIN SOLUTION
        # SQS's ranges, both ends included: a queue made with a wrong setting fails at once, not later.
        check_range("delay_seconds", delay_seconds, 0, MAX_DELAY)
        check_range("retention_period", retention_period, MIN_RETENTION, MAX_RETENTION)
        # END SOLUTION
        self.clock = clock
        self.visibility_timeout = visibility_timeout
        self.retention_period = retention_period
        self.delay_seconds = delay_seconds
        self._messages = {}     # message_id -> Message, oldest first
        self._handles = {}      # every receipt handle ever given out -> message_id
        self._lock = threading.Lock()

    def send(self, body, delay=None):
        # BEGIN SOLUTION
        # A per-message delay wins over the queue's (DelaySeconds on SendMessage); None means "the queue's".
        delay = self.delay_seconds if delay is None else delay
        check_range("delay", delay, 0, MAX_DELAY)
        now = self.clock.now()
        message_id = str(uuid.uuid4())
        with self._lock:
            # sent_at is when the retention period starts: at the send, not at the end of the delay.
            # A delayed message is simply hidden until visible_at; never received, so it counts as delayed.
            self._messages[message_id] = Message(message_id, body, sent_at=now, visible_at=now + delay)
        return message_id
        # END SOLUTION

    def _drop_expired(self, now):
        """Forget messages older than the retention period. Call it with the lock held."""
        # BEGIN SOLUTION
        # Gone exactly at sent_at + retention, in flight or not: SQS deletes old messages whoever holds
        # them. Collected first, deleted after: a dict must not change while it is being walked.
        expired = [mid for mid, m in self._messages.items() if now >= m.sent_at + self.retention_period]
        for mid in expired:
            del self._messages[mid]
        # END SOLUTION

    def receive(self, max_messages=1, visibility_timeout=None):
        check_range("max_messages", max_messages, 1, 10)
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        check_range("visibility_timeout", timeout, 0, MAX_VISIBILITY_TIMEOUT)
        now = self.clock.now()
        got = []
        with self._lock:
            # BEGIN SOLUTION
            # Expire lazily, before choosing: nobody can tell a message removed on time from one removed
            # at the next call, as long as no call ever returns it.
            self._drop_expired(now)
            # END SOLUTION
            for m in self._messages.values():
                if len(got) == max_messages:
                    break
                if m.visible_at <= now:
                    got.append(self._hand_out(m, now, timeout))
        return got

    def _hand_out(self, m, now, timeout):
        """Put m in flight under a new receipt handle. Call it with the lock held."""
        m.visible_at = now + timeout
        m.received_at = now
        m.receipt_handle = str(uuid.uuid4())
        # BEGIN SOLUTION
        # Counting receives tells "delayed" (never received) from "in flight" (hidden after a receive).
        m.receive_count += 1
        # END SOLUTION
        self._handles[m.receipt_handle] = m.message_id
        return (m.message_id, m.body, m.receipt_handle)

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
            if m is None:
                raise ValueError("InvalidParameterValue: the message does not exist (it was deleted)")
            if m.visible_at <= now:
                return
            if now + timeout > m.received_at + MAX_VISIBILITY_TIMEOUT:
                raise ValueError(f"InvalidParameterValue: a message stays hidden at most {MAX_VISIBILITY_TIMEOUT} s "
                                 "after its receive")
            m.visible_at = now + timeout

    def counts(self):
        now = self.clock.now()
        with self._lock:
            # BEGIN SOLUTION
            # counts() must not report messages that are already gone.
            self._drop_expired(now)
            visible = sum(1 for m in self._messages.values() if m.visible_at <= now)
            # Hidden and never received is delayed (ApproximateNumberOfMessagesDelayed), not in flight.
            delayed = sum(1 for m in self._messages.values() if m.visible_at > now and m.receive_count == 0)
            return {"visible": visible, "inflight": len(self._messages) - visible - delayed, "delayed": delayed}
            # END SOLUTION

# %% [exercise]
from toyqueue.grading import mycode

# Stuck on an earlier exercise? Uncomment the next line once: it puts the course's version of
# exercise 03 in myqueue.py (yours is kept as myqueue.mine.py).
# mycode.use_reference("03")
MyQueue = mycode.load("MyQueue")    # your class, from myqueue.py (read again each time this cell runs)

# %% [markdown]
# ## Check 1: delay
#
# A queue with `delay_seconds=5` and messages with their own delays: each one must appear exactly
# when its delay ends, not a moment before.

# %% [markdown] ko en=e72f522a
# ## 확인 1: 지연
#
# `delay_seconds=5`인 대기열에, 지연을 따로 준 메시지들도 보냅니다. 메시지는 저마다 지연이 끝나는
# 바로 그 순간에 나타나야 합니다. 조금이라도 먼저 나타나면 안 됩니다.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import retention_and_delay

retention_and_delay.check_delay(MyQueue)

# %% [markdown]
# ## Check 2: retention
#
# A queue that keeps messages 60 s, then one with the default 4 days, fast-forwarded on the
# virtual clock.

# %% [markdown] ko en=42640a6c
# ## 확인 2: 보존 기간
#
# 메시지를 60초 동안 보관하는 대기열, 이어서 기본값인 4일 동안 보관하는 대기열입니다. 가상 시계로
# 시간을 빨리 감습니다.

# %%
# NBVAL_CHECK_OUTPUT
retention_and_delay.check_retention(MyQueue)

# %% [markdown]
# ## Check 3: expiring while calls overlap
#
# Two calls that both drop expired messages, overlapped in every way two calls can: a message
# must expire once, and nothing else may go with it.

# %% [markdown] ko en=2629cab5
# ## 확인 3: 호출이 겹칠 때의 만료
#
# 두 호출이 모두 만료된 메시지를 지웁니다. 두 호출이 겹칠 수 있는 모든 방식으로 겹쳐 봅니다.
# 메시지는 한 번만 만료되어야 하고, 다른 메시지가 함께 사라지면 안 됩니다.

# %%
# NBVAL_CHECK_OUTPUT
retention_and_delay.check_at_once(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 08 · batches](08_batches.ipynb).

# %% [markdown] ko en=c7dcaa24
# **다 했나요?** 다음: [실습 08 · 배치](08_batches.ipynb).
