# Exercise 08 source: tools/nbbuild.py makes exercises/ and solutions/08_batches.ipynb.
# The [solution] cell is the reference myqueue.py after this step; the step's code is between markers.

# %% [markdown]
# # Exercise 08 · Batches
#
# **Goal:** send and delete up to ten messages in one call.
#
# Lessons: [04 · Producing messages](../notebooks/04_producing_messages.ipynb) (`SendMessage`)
# and [10 · Beyond the lecture](../notebooks/10_beyond_the_lecture.ipynb) (batches:
# `SendMessageBatch`, `DeleteMessageBatch`). Your queue from exercise 07 is the starting point.
#
# **Why.** Every SQS call is a network round trip and is billed as one request. `SendMessageBatch`,
# `ReceiveMessage` with `MaxNumberOfMessages=10` and `DeleteMessageBatch` move ten messages for
# the price of one call, which is how a consumer (소비자) keeps up with a busy queue.

# %% [markdown] ko en=7851bee1
# # 실습 08 · 배치
#
# **목표:** 호출 한 번으로 메시지를 최대 10개까지 보내고 삭제합니다(**배치**, batch).
#
# 레슨: [04 · 메시지 보내기](../notebooks/04_producing_messages.ipynb)(`SendMessage`)와
# [10 · 강의 너머](../notebooks/10_beyond_the_lecture.ipynb)(배치: `SendMessageBatch`,
# `DeleteMessageBatch`). 실습 07에서 만든 대기열에서 시작합니다.
#
# **왜 필요할까요?** SQS 호출은 하나하나가 네트워크 왕복이고, 요청 한 건으로 요금이 매겨집니다.
# `SendMessageBatch`, `MaxNumberOfMessages=10`을 준 `ReceiveMessage`, `DeleteMessageBatch`는 호출
# 한 번의 비용으로 메시지 10개를 옮깁니다. 소비자(consumer)가 바쁜 대기열을 따라잡는 방법이 바로
# 이것입니다.

# %% [markdown]
# ## The interface
#
# ```python
# ids = q.send_batch(["order 1", "order 2", ...])   # -> one message id per body, in order
# failed = q.delete_batch([handle1, handle2, ...])  # -> the handles it could not delete ([] if none)
# ```
#
# Rules, as in SQS:
# - A batch has 1 to 10 entries, else `ValueError` (`EmptyBatchRequest`,
#   `TooManyEntriesInBatchRequest`).
# - A `send_batch` whose bodies add up to more than 1,048,576 bytes (1 MiB) raises `ValueError`
#   (`BatchRequestTooLong`); exactly 1,048,576 is fine. Bytes, not characters: count each body
#   as UTF-8 (`len(body.encode())`), so `"é"` is 2 bytes and `"📦"` is 4.
# - A refused batch does **nothing**: no message of it is stored, not even the first few.
# - Inside a valid batch, entries succeed or fail one by one: `delete_batch` deletes every valid
#   handle and returns the others (unknown handles) instead of raising (SQS answers HTTP 200
#   with a `Failed` list).

# %% [markdown] ko en=c386b4c9
# ## 인터페이스
#
# ```python
# ids = q.send_batch(["order 1", "order 2", ...])   # -> 본문마다 메시지 ID 하나씩, 보낸 순서대로
# failed = q.delete_batch([handle1, handle2, ...])  # -> 삭제하지 못한 핸들들(없으면 [])
# ```
#
# SQS와 같은 규칙입니다:
# - 배치의 항목은 1~10개입니다. 그렇지 않으면 `ValueError`를 일으킵니다(`EmptyBatchRequest`,
#   `TooManyEntriesInBatchRequest`).
# - 본문을 모두 더해 1,048,576바이트(1MiB)가 넘는 `send_batch`는 `ValueError`를
#   일으킵니다(`BatchRequestTooLong`). 정확히 1,048,576바이트는 괜찮습니다. 글자 수가 아니라 바이트
#   수입니다. 각 본문을 UTF-8로 세세요(`len(body.encode())`). 그래서 `"é"`는 2바이트, `"📦"`는
#   4바이트입니다.
# - 거부된 배치는 **아무것도** 하지 않습니다. 그 배치의 메시지는 하나도 저장되지 않고, 앞쪽 몇
#   개만 저장되는 일도 없습니다.
# - 유효한 배치 안에서는 항목이 하나씩 따로 성공하거나 실패합니다. `delete_batch`는 유효한 핸들을
#   모두 삭제하고, 나머지(알 수 없는 핸들)는 예외를 일으키는 대신 돌려줍니다(SQS는 `Failed` 목록을
#   담아 HTTP 200으로 답합니다).

# %% [markdown]
# ## What to add to `myqueue.py`
#
# ```python
# MAX_BATCH_ENTRIES, MAX_BATCH_BYTES = 10, 1_048_576
#
#
# class MyQueue:
#     ...
#     def send_batch(self, bodies):
#         raise NotImplementedError("TODO: check 1..10 bodies and at most MAX_BATCH_BYTES in all (UTF-8), "
#                                   "then send each; return the ids")
#
#     def delete_batch(self, receipt_handles):
#         raise NotImplementedError("TODO: check 1..10 handles; delete each one, collecting the handles "
#                                   "whose delete raised ValueError; return that list")
# ```

# %% [markdown] ko en=53b36ec4
# ## `myqueue.py`에 더할 것
#
# ```python
# MAX_BATCH_ENTRIES, MAX_BATCH_BYTES = 10, 1_048_576
#
#
# class MyQueue:
#     ...
#     def send_batch(self, bodies):
#         raise NotImplementedError("TODO: 본문이 1~10개이고 모두 합쳐 MAX_BATCH_BYTES 이하(UTF-8)인지 "
#                                   "검사한 뒤, 하나씩 보내고 ID들을 돌려주기")
#
#     def delete_batch(self, receipt_handles):
#         raise NotImplementedError("TODO: 핸들이 1~10개인지 검사하기. 하나씩 삭제하면서 삭제가 "
#                                   "ValueError를 일으킨 핸들을 모아 그 리스트를 돌려주기")
# ```

# %% [solution]
# myqueue.py after exercise 08 (the course's reference)
import threading
import uuid
from dataclasses import dataclass

MAX_VISIBILITY_TIMEOUT = 43_200     # 12 hours
MAX_DELAY = 900                     # 15 minutes
MIN_RETENTION, MAX_RETENTION = 60, 1_209_600
DEFAULT_RETENTION = 345_600         # 4 days
MAX_BATCH_ENTRIES, MAX_BATCH_BYTES = 10, 1_048_576


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
    """A queue with a visibility timeout, a retention period, delays and batches."""

    def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0):
        check_range("visibility_timeout", visibility_timeout, 0, MAX_VISIBILITY_TIMEOUT)
        check_range("delay_seconds", delay_seconds, 0, MAX_DELAY)
        check_range("retention_period", retention_period, MIN_RETENTION, MAX_RETENTION)
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
        # BEGIN SOLUTION
        # Every check before the first send: SQS refuses a bad batch whole, storing nothing of it.
        check_range("number of entries", len(bodies), 1, MAX_BATCH_ENTRIES)
        # The limit is in bytes as sent, UTF-8: "주문" is 2 characters but 6 bytes.
        size = sum(len(body.encode("utf-8")) for body in bodies)
        if size > MAX_BATCH_BYTES:
            raise ValueError(f"BatchRequestTooLong: the batch is {size} bytes, at most {MAX_BATCH_BYTES}")
        return [self.send(body) for body in bodies]
        # END SOLUTION

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
        got = []
        with self._lock:
            self._drop_expired(now)
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
        # BEGIN SOLUTION
        # The batch's own rules (1 to 10 entries) fail the whole call ...
        check_range("number of entries", len(receipt_handles), 1, MAX_BATCH_ENTRIES)
        failed = []
        # ... but inside it each entry succeeds or fails alone: SQS answers 200 with a Failed list,
        # so one bad handle does not keep the good ones from being deleted.
        for handle in receipt_handles:
            try:
                self.delete(handle)
            except ValueError:
                failed.append(handle)
        return failed
        # END SOLUTION

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
# exercise 07 in myqueue.py (yours is kept as myqueue.mine.py).
# mycode.use_reference("07")
MyQueue = mycode.load("MyQueue")    # your class, from myqueue.py (read again each time this cell runs)

# %% [markdown]
# ## Check 1: batch rules
#
# Refused batches (empty, 11 entries, one byte over 1 MiB) must do nothing; a batch of exactly
# 1 MiB of non-ASCII text must go through; a `delete_batch` with bad handles must still delete
# the good ones.

# %% [markdown] ko en=a9dd8cf2
# ## 확인 1: 배치 규칙
#
# 거부되는 배치(빈 배치, 항목 11개, 1MiB보다 1바이트 큰 배치)는 아무것도 하지 않아야 합니다.
# ASCII가 아닌 글자로 정확히 1MiB를 채운 배치는 통과해야 합니다. 잘못된 핸들이 섞인
# `delete_batch`도 올바른 핸들은 삭제해야 합니다.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import batches

batches.check_batches(MyQueue)

# %% [markdown]
# ## Check 2: batches at the same time
#
# Batches sent, received and deleted while other calls overlap them in every way two calls can.

# %% [markdown] ko en=44c8184d
# ## 확인 2: 동시에 오가는 배치
#
# 배치를 보내고, 받고, 삭제하는 동안 다른 호출이 끼어듭니다. 두 호출이 겹칠 수 있는 모든 방식으로
# 겹쳐 봅니다.

# %%
# NBVAL_CHECK_OUTPUT
batches.check_batches_at_once(MyQueue)

# %% [markdown]
# **Done?** Next: [exercise 09 · dead-letter queues](09_dead_letter.ipynb).

# %% [markdown] ko en=89a328a1
# **다 했나요?** 다음: [실습 09 · 배달 못한 편지 대기열](09_dead_letter.ipynb).
