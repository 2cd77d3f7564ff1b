# Exercise 09 source: tools/nbbuild.py makes exercises/ and solutions/09_dead_letter.ipynb.
# The [solution] cell is the reference myqueue.py after this step; the step's code is between markers.

# %% [markdown]
# # Exercise 09 · Dead-letter queues and redrive
#
# **Goal:** a message that keeps failing stops clogging the queue: after `max_receive_count`
# receives without a delete, it moves to a **dead-letter queue** (DLQ). Once the bug is fixed,
# `move_messages` sends it back (a **redrive**).
#
# Lesson: [10 · Beyond the lecture](../notebooks/10_beyond_the_lecture.ipynb) (dead-letter queues).
# Your queue from exercise 08 is the starting point.
#
# **Why.** With at-least-once delivery, a "poison" message that crashes every consumer (a
# malformed order, say) comes back after every visibility timeout, forever, costing a receive
# each time. SQS's `RedrivePolicy` (`deadLetterTargetArn`, `maxReceiveCount` from 1 to 1,000)
# moves it aside instead, and `StartMessageMoveTask` moves it back.

# %% [markdown] ko en=a3407d4c
# # 실습 09 · 배달 못한 편지 대기열과 리드라이브
#
# **목표:** 계속 실패하는 메시지가 대기열을 막지 않게 합니다. 삭제되지 않은 채
# `max_receive_count`번 수신된 메시지는 **배달 못한 편지 대기열**(dead-letter queue, DLQ)로
# 옮겨집니다. 버그를 고친 뒤에는 `move_messages`로 그 메시지를 되돌려 보냅니다(**리드라이브**,
# redrive).
#
# 레슨: [10 · 강의 너머](../notebooks/10_beyond_the_lecture.ipynb)(배달 못한 편지 대기열). 실습
# 08에서 만든 대기열에서 시작합니다.
#
# **왜 필요할까요?** 최소 1회 전송(at-least-once delivery)에서는 모든 소비자를 죽게 만드는
# "포이즌" 메시지(poison message, 예를 들면 형식이 잘못된 주문)가 가시성 제한 시간이 끝날 때마다
# 끝없이 돌아옵니다. 그때마다 수신 한 번의 요금도 듭니다. SQS의 `RedrivePolicy`(리드라이브 정책:
# `deadLetterTargetArn`, 1~1,000인 **최대 수신 횟수** `maxReceiveCount`)는 그런 메시지를 따로
# 치워 두고, `StartMessageMoveTask`는 다시 되돌려 놓습니다.

# %% [markdown]
# ## The interface
#
# ```python
# dlq = MyQueue(clock)
# q = MyQueue(clock, visibility_timeout=30, dead_letter_queue=dlq, max_receive_count=3)
# dlq.move_messages(q)     # -> how many messages moved back
# ```
#
# Rules, as in SQS:
# - A message is delivered at most `max_receive_count` times. When a receive finds a visible
#   message that was already received that many times, it moves it to the DLQ instead of
#   returning it (and goes on looking for others to return).
# - A moved message keeps its id, body and send time; in its new queue it is visible at once and
#   has not been received yet (receive count 0). It is moved once, never copied.
# - `max_receive_count` must be a whole number from 1 to 1,000 when a DLQ is given (`ValueError`
#   otherwise, also for `2.5`).

# %% [markdown] ko en=361cb5b1
# ## 인터페이스
#
# ```python
# dlq = MyQueue(clock)
# q = MyQueue(clock, visibility_timeout=30, dead_letter_queue=dlq, max_receive_count=3)
# dlq.move_messages(q)     # -> 되돌아간 메시지 수
# ```
#
# SQS와 같은 규칙입니다:
# - 메시지는 최대 `max_receive_count`번까지만 전달됩니다. `receive`가 찾은 보이는 메시지가 이미
#   그만큼 수신된 메시지라면, 그 메시지는 돌려주지 않고 DLQ로 옮깁니다(그리고 돌려줄 다른 메시지를
#   계속 찾습니다).
# - 옮겨진 메시지는 ID, 본문, 보낸 시각을 그대로 가집니다. 새 대기열에서는 곧바로 보이고, 아직
#   수신되지 않은 상태입니다(수신 횟수 0). 메시지는 한 번만 옮겨지고, 절대 복사되지 않습니다.
# - DLQ가 주어지면 `max_receive_count`는 1부터 1,000까지의 정수여야 합니다(아니면 `ValueError`이고,
#   `2.5`도 마찬가지입니다).

# %% [markdown]
# ## What to add to `myqueue.py`
#
# ```python
# MAX_RECEIVE_COUNT = 1000
#
#
# class MyQueue:
#     def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0,
#                  dead_letter_queue=None, max_receive_count=None):
#         # check max_receive_count when a dead_letter_queue is given; keep both on self
#
#     def receive(self, max_messages=1, visibility_timeout=None):
#         # collect the messages to move in a list `dead` while you hold the lock, take them out of
#         # self._messages, and hand each to self.dead_letter_queue._accept(m) AFTER releasing your
#         # lock: holding two queues' locks at once is how deadlocks start
#
#     def _accept(self, message):
#         raise NotImplementedError("TODO: store a new Message with the same message_id, body and sent_at, "
#                                   "visible now, receive_count 0")
#
#     def move_messages(self, destination):
#         raise NotImplementedError("TODO: with the lock, take every visible message out; then (without "
#                                   "your lock) destination._accept(m) each; return the count")
# ```

# %% [markdown] ko en=6c9a78a8
# ## `myqueue.py`에 더할 것
#
# ```python
# MAX_RECEIVE_COUNT = 1000
#
#
# class MyQueue:
#     def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0,
#                  dead_letter_queue=None, max_receive_count=None):
#         # dead_letter_queue가 주어지면 max_receive_count를 검사합니다. 둘 다 self에 저장합니다
#
#     def receive(self, max_messages=1, visibility_timeout=None):
#         # 락을 잡은 동안 옮길 메시지를 리스트 `dead`에 모으고 self._messages에서 빼냅니다.
#         # 각 메시지를 self.dead_letter_queue._accept(m)에 넘기는 것은 반드시 내 락을 놓은 뒤에
#         # 하세요. 두 대기열의 락을 한꺼번에 잡는 것이 교착 상태(deadlock)의 시작입니다
#
#     def _accept(self, message):
#         raise NotImplementedError("TODO: message_id, body, sent_at이 같은 새 Message를 저장하기. "
#                                   "지금 바로 보이고, receive_count는 0")
#
#     def move_messages(self, destination):
#         raise NotImplementedError("TODO: 락을 잡고 보이는 메시지를 모두 빼낸 다음, (내 락 없이) "
#                                   "각각 destination._accept(m)를 호출하기. 옮긴 개수를 돌려주기")
# ```

# %% [solution]
# myqueue.py after exercise 09 (the course's reference)
import threading
import uuid
from dataclasses import dataclass

MAX_VISIBILITY_TIMEOUT = 43_200     # 12 hours
MAX_DELAY = 900                     # 15 minutes
MIN_RETENTION, MAX_RETENTION = 60, 1_209_600
DEFAULT_RETENTION = 345_600         # 4 days
MAX_BATCH_ENTRIES, MAX_BATCH_BYTES = 10, 1_048_576
MAX_RECEIVE_COUNT = 1000


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
    """A queue with a visibility timeout, a retention period, delays, batches and a dead-letter queue."""

    def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0,
                 dead_letter_queue=None, max_receive_count=None):
        check_range("visibility_timeout", visibility_timeout, 0, MAX_VISIBILITY_TIMEOUT)
        check_range("delay_seconds", delay_seconds, 0, MAX_DELAY)
        check_range("retention_period", retention_period, MIN_RETENTION, MAX_RETENTION)
        if dead_letter_queue is not None:
            # BEGIN SOLUTION
            # A whole number from 1 to 1,000, as SQS's RedrivePolicy takes it: 2.5 receives means nothing.
            if not isinstance(max_receive_count, int) or not 1 <= max_receive_count <= MAX_RECEIVE_COUNT:
                raise ValueError(f"max_receive_count must be a whole number from 1 to {MAX_RECEIVE_COUNT}")
            # END SOLUTION
        self.dead_letter_queue = dead_letter_queue
        self.max_receive_count = max_receive_count
        self.clock = clock
        self.visibility_timeout = visibility_timeout
        self.retention_period = retention_period
        self.delay_seconds = delay_seconds
        self._messages = {}     # message_id -> Message, oldest first
        self._handles = {}      # every receipt handle ever given out -> message_id
        self._lock = threading.Lock()

    def send(self, body, delay=None):
        delay = self.delay_seconds if delay is None else delay
        check_range("delay", delay, 0, MAX_DELAY)
        now = self.clock.now()
        message_id = str(uuid.uuid4())
        with self._lock:
            self._messages[message_id] = Message(message_id, body, sent_at=now, visible_at=now + delay)
        return message_id

    def send_batch(self, bodies):
        check_range("number of entries", len(bodies), 1, MAX_BATCH_ENTRIES)
        size = sum(len(body.encode("utf-8")) for body in bodies)
        if size > MAX_BATCH_BYTES:
            raise ValueError(f"BatchRequestTooLong: the batch is {size} bytes, at most {MAX_BATCH_BYTES}")
        return [self.send(body) for body in bodies]

    def _drop_expired(self, now):
        """Forget messages older than the retention period. Call it with the lock held."""
        expired = [mid for mid, m in self._messages.items() if now >= m.sent_at + self.retention_period]
        for mid in expired:
            del self._messages[mid]

    def receive(self, max_messages=1, visibility_timeout=None):
        check_range("max_messages", max_messages, 1, 10)
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        check_range("visibility_timeout", timeout, 0, MAX_VISIBILITY_TIMEOUT)
        now = self.clock.now()
        got, dead = [], []
        with self._lock:
            self._drop_expired(now)
            for m in self._messages.values():
                if len(got) == max_messages:
                    break
                if m.visible_at > now:
                    continue
                # BEGIN SOLUTION
                # Checked when the message would be received once more: it was delivered
                # max_receive_count times and never deleted, so it moves instead of coming back, and the
                # receive goes on looking for a message it can return.
                if self.dead_letter_queue is not None and m.receive_count >= self.max_receive_count:
                    dead.append(m)
                    continue
                # END SOLUTION
                got.append(self._hand_out(m, now, timeout))
            for m in dead:
                del self._messages[m.message_id]
        for m in dead:      # outside our lock: the other queue takes its own
            self.dead_letter_queue._accept(m)
        return got

    def _accept(self, message):
        """Take in a message moved from another queue: same id, body and send time, visible now,
        never received here."""
        # BEGIN SOLUTION
        # Same id, body and send time (retention keeps counting from the send, as on a standard
        # queue); a fresh record, visible now and never received here, so it is not moved on again.
        with self._lock:
            self._messages[message.message_id] = Message(message.message_id, message.body,
                                                         sent_at=message.sent_at, visible_at=self.clock.now())
        # END SOLUTION

    def move_messages(self, destination):
        """Redrive: move every visible message to `destination`; return how many moved."""
        # BEGIN SOLUTION
        now = self.clock.now()
        with self._lock:
            self._drop_expired(now)
            # Only visible messages: one in flight is someone's work in progress.
            moving = [m for m in self._messages.values() if m.visible_at <= now]
            for m in moving:
                del self._messages[m.message_id]
        # Handed over after our lock is released: holding two queues' locks at once invites a deadlock.
        for m in moving:
            destination._accept(m)
        return len(moving)
        # END SOLUTION

    def _hand_out(self, m, now, timeout):
        """Put m in flight under a new receipt handle. Call it with the lock held."""
        m.visible_at = now + timeout
        m.received_at = now
        m.receipt_handle = str(uuid.uuid4())
        m.receive_count += 1
        self._handles[m.receipt_handle] = m.message_id
        return (m.message_id, m.body, m.receipt_handle)

    def delete(self, receipt_handle):
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            m = self._messages.get(self._handles[receipt_handle])
            if m is not None and m.receipt_handle == receipt_handle:
                del self._messages[m.message_id]

    def delete_batch(self, receipt_handles):
        check_range("number of entries", len(receipt_handles), 1, MAX_BATCH_ENTRIES)
        failed = []
        for handle in receipt_handles:
            try:
                self.delete(handle)
            except ValueError:
                failed.append(handle)
        return failed

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
            self._drop_expired(now)
            visible = sum(1 for m in self._messages.values() if m.visible_at <= now)
            delayed = sum(1 for m in self._messages.values() if m.visible_at > now and m.receive_count == 0)
            return {"visible": visible, "inflight": len(self._messages) - visible - delayed, "delayed": delayed}



# %% [exercise]
from toyqueue.grading import mycode

# Stuck on an earlier exercise? Uncomment the next line once: it puts the course's version of
# exercise 08 in myqueue.py (yours is kept as myqueue.mine.py).
# mycode.use_reference("08")
MyQueue = mycode.load("MyQueue")    # your class, from myqueue.py (read again each time this cell runs)

# %% [markdown]
# ## Check 1: poison message, dead-letter queue, redrive
#
# A poison message and a good one. A consumer deletes the good one and fails on the poison one,
# every 31 s. After three failed receives it must be in the DLQ; then it is redriven back.

# %% [markdown] ko en=ec25e958
# ## 확인 1: 포이즌 메시지, 배달 못한 편지 대기열, 리드라이브
#
# 포이즌 메시지 하나와 정상 메시지 하나가 있습니다. 소비자는 31초마다 메시지를 받아서, 정상
# 메시지는 삭제하고 포이즌 메시지에서는 실패합니다. 수신에 세 번 실패하고 나면 포이즌 메시지는
# DLQ에 있어야 합니다. 그다음 리드라이브로 되돌립니다.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import dead_letter

dead_letter.check_dead_letter(MyQueue)

# %% [markdown]
# ## Check 2: two consumers at the same time
#
# Two consumers find the same worn-out message at the same moment, in every way two calls can
# overlap: it must reach the dead-letter queue once, never twice and never be lost.

# %% [markdown] ko en=a7a0bb7b
# ## 확인 2: 동시에 받는 두 소비자
#
# 수신 횟수를 다 쓴 같은 메시지를 두 소비자가 같은 순간에 찾습니다. 두 호출이 겹칠 수 있는 모든
# 방식으로 겹쳐 봅니다. 메시지는 배달 못한 편지 대기열에 딱 한 번 들어가야 합니다. 두 번 들어가도,
# 사라져도 안 됩니다.

# %%
# NBVAL_CHECK_OUTPUT
dead_letter.check_at_once(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 10 · FIFO queues](10_fifo.ipynb).

# %% [markdown] ko en=d8ef0851
# **다 했나요?** 다음: [실습 10 · FIFO 대기열](10_fifo.ipynb).
