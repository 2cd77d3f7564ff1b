# Exercise 10 source: tools/nbbuild.py makes exercises/ and solutions/10_fifo.ipynb.
# The [solution] cell is the reference myqueue.py after this step; the step's code is between markers.

# %% [markdown]
# # Exercise 10 · FIFO queues: message groups and deduplication
#
# **Goal:** a queue that keeps order within a **message group** and drops **duplicate** sends:
# SQS's FIFO queue, "the other type of product" the lecture mentions.
#
# Lesson: [10 · Beyond the lecture](../notebooks/10_beyond_the_lecture.ipynb) (FIFO queues), after
# [06 · Visibility, duplicates and ordering](../notebooks/06_visibility_duplicates.ipynb). Your queue
# from exercise 09 is the starting point: `MyFifoQueue` is a `MyQueue` with two methods changed,
# and `MyQueue` learns that a FIFO queue is stricter with receipt handles.
#
# **Why.** A standard queue may reorder and duplicate. Some work cannot take that: the payments of
# one account must be applied in order, and a payment sent twice (a producer retrying after a
# timeout) must be charged once. A FIFO queue promises both, per group.

# %% [markdown] ko en=a2cb83ec
# # 실습 10 · FIFO 대기열: 메시지 그룹과 중복 제거
#
# **목표:** **메시지 그룹**(message group) 안에서 순서를 지키고 **중복** 전송은 버리는 대기열을
# 만듭니다. SQS의 FIFO 대기열(FIFO queue), 곧 강의가 말한 "SQS의 또 다른 유형의 제품"입니다.
#
# 레슨: [10 · 강의 너머](../notebooks/10_beyond_the_lecture.ipynb)(FIFO 대기열). 그 전에
# [06 · 가시성, 중복, 순서](../notebooks/06_visibility_duplicates.ipynb)를 먼저 보세요. 실습 09에서
# 만든 대기열에서 시작합니다. `MyFifoQueue`는 메서드 두 개를 바꾼 `MyQueue`입니다. 그리고
# `MyQueue`에는 FIFO 대기열이 수신 핸들을 더 엄격하게 다루는 규칙이 더해집니다.
#
# **왜 필요할까요?** 표준 대기열은 순서를 바꾸기도 하고 중복을 만들기도 합니다. 이를 받아들일 수
# 없는 일도 있습니다. 한 계좌의 결제는 순서대로 반영해야 하고, 두 번 보낸 결제(시간 초과 뒤에
# 생산자가 재시도한 경우)는 한 번만 이루어져야 합니다. FIFO 대기열은 그룹마다 이 둘을 모두
# 약속합니다.

# %% [markdown]
# ## The interface
#
# ```python
# q = MyFifoQueue(clock, visibility_timeout=30, content_based_deduplication=False)
# q.send(body, group_id, deduplication_id=None)   # -> message_id
# q.receive(max_messages=1, visibility_timeout=None), q.delete(handle), q.change_visibility(handle, t)
# ```
#
# Rules, as in SQS:
# - **Order within a group.** A receive returns a group's messages in send order, oldest
#   undeleted first, as many as `max_messages` allows. Different groups are independent; a group
#   is named by its exact string (`"Alice"` and `"alice"` are two groups).
# - **A receive stops at the first message that is not visible.** While a message is in flight,
#   no later message of its group is returned: the group waits, so a crashed consumer's message
#   comes back first. A group opens again as soon as its first (oldest undeleted) message is
#   visible again, even while later ones are still in flight: if a consumer holds m1, m2 and m3
#   and sets the timeout of m1 and m2 to 0, the next receive returns m1 and m2 and stops at m3.
#   (AWS recorded it in LocalStack's `test_fifo_message_group_visibility_after_*` tests: a
#   consumer received g1-m1 and g1-m2, set the timeout of g1-m1 to 0, and the next receive
#   returned g1-m1 but not g1-m2. "While a message of a group is in flight, nothing of that group
#   is delivered" is a common simplification, but it is not what SQS does.)
# - **Receipt handles expire.** A FIFO queue is stricter than the standard queue of exercise 03:
#   `change_visibility` takes only the newest handle of a message still in flight, and `delete`
#   with the newest handle raises once its visibility timeout has ended (an older handle still
#   does nothing). Both raise `ValueError` (SQS: `InvalidParameterValue`, "The receipt handle has
#   expired"; recorded for delete in `test_fifo_delete_after_visibility_timeout`). Once a timeout
#   ends, the message is back at the head of its group and the next consumer may already hold it.
# - **Deduplication.** Each send has a deduplication id: `deduplication_id`, or with
#   `content_based_deduplication=True` and no explicit id, the SHA-256 hex digest of the body's
#   UTF-8 bytes. Without either, raise `ValueError`. A send whose id was first accepted less than
#   300 s (5 minutes) ago stores nothing and returns the first message's id, even if that message
#   was already deleted, and even if it was sent to another group. From 300 s on, the same id is a
#   new message. Deduplication ids are compared exactly, too.
# - `group_id` is required (`ValueError` if missing or empty).

# %% [markdown] ko en=4f72a599
# ## 인터페이스
#
# ```python
# q = MyFifoQueue(clock, visibility_timeout=30, content_based_deduplication=False)
# q.send(body, group_id, deduplication_id=None)   # -> message_id
# q.receive(max_messages=1, visibility_timeout=None), q.delete(handle), q.change_visibility(handle, t)
# ```
#
# SQS와 같은 규칙입니다:
# - **그룹 안의 순서.** 수신은 한 그룹의 메시지를 보낸 순서대로 돌려줍니다. 삭제되지 않은 가장
#   오래된 메시지부터, `max_messages`가 허락하는 만큼입니다. 서로 다른 그룹은 독립적입니다. 그룹은
#   문자열 그대로 구별합니다(`"Alice"`와 `"alice"`는 서로 다른 그룹입니다).
# - **수신은 보이지 않는 첫 메시지에서 멈춥니다.** 어떤 메시지가 처리 중인 동안에는 그 그룹의 뒤
#   메시지를 돌려주지 않습니다. 그룹이 기다리는 것입니다. 그래야 죽은 소비자의 메시지가 먼저
#   돌아옵니다. 그룹의 첫 메시지(삭제되지 않은 가장 오래된 메시지)가 다시 보이면, 뒤 메시지가 아직
#   처리 중이어도 그룹은 곧바로 다시 열립니다. 예를 들어 소비자가 m1, m2, m3을 가지고 있다가 m1과
#   m2의 제한 시간을 0으로 바꾸면, 다음 수신은 m1과 m2를 돌려주고 m3에서 멈춥니다. (LocalStack의
#   `test_fifo_message_group_visibility_after_*` 테스트에 AWS의 응답이 기록되어 있습니다. 소비자가
#   g1-m1과 g1-m2를 받은 뒤 g1-m1의 제한 시간을 0으로 바꾸자, 다음 수신은 g1-m1을 돌려주었고
#   g1-m2는 돌려주지 않았습니다. "그룹의 메시지 하나가 처리 중인 동안에는 그 그룹의 어떤 메시지도
#   전달되지 않는다"는 흔히 하는 단순화된 설명이지만, SQS가 실제로 하는 일은 아닙니다.)
# - **수신 핸들은 만료됩니다.** FIFO 대기열은 실습 03의 표준 대기열보다 엄격합니다.
#   `change_visibility`는 아직 처리 중인 메시지의 가장 최근 핸들만 받습니다. 그리고 가장 최근의
#   핸들이라도 가시성 제한 시간이 끝난 뒤에 `delete`하면 오류를 일으킵니다(예전 핸들로는 여전히
#   아무 일도 일어나지 않습니다). 두 경우 모두 `ValueError`를 일으키세요(SQS:
#   `InvalidParameterValue`, "The receipt handle has expired". 삭제에 대해서는
#   `test_fifo_delete_after_visibility_timeout`에 기록되어 있습니다). 제한 시간이 끝나면 메시지는
#   그룹의 맨 앞으로 돌아가고, 다음 소비자가 이미 그 메시지를 가지고 있을 수 있습니다.
# - **중복 제거.** 보내는 메시지마다 중복 제거 ID(deduplication ID)가 있습니다. `deduplication_id`로
#   준 값이거나, **콘텐츠 기반 중복 제거**(content-based deduplication,
#   `content_based_deduplication=True`)를 쓰고 ID를 따로 주지 않았다면 본문의 UTF-8 바이트로 구한
#   SHA-256 16진수 다이제스트입니다. 둘 다 없으면 `ValueError`를 일으키세요. 어떤 ID가 처음 받아들여진 지 300초(5분)가 안 되어 같은 ID로 다시
#   보내면, 아무것도 저장하지 않고 처음 메시지의 ID를 돌려줍니다. 그 메시지가 이미 삭제되었어도,
#   다른 그룹으로 보냈어도 마찬가지입니다. 300초부터는 같은 ID라도 새 메시지입니다. 중복 제거 ID도
#   글자 그대로 정확히 비교합니다.
# - `group_id`(메시지 그룹 ID)는 꼭 있어야 합니다(없거나 비어 있으면 `ValueError`).

# %% [markdown]
# ## What to add to `myqueue.py`
#
# ```python
# import hashlib
#
# DEDUP_WINDOW = 300                  # seconds (5 minutes)
#
# # Message gets one more field, last:   group_id: str | None = None   (FIFO queues only)
#
#
# class MyQueue:
#     fifo = False                    # new: MyFifoQueue says True
#     ...
#     def delete(self, receipt_handle):
#         # new: on a FIFO queue, the newest handle of a message no longer in flight -> ValueError
#
#     def change_visibility(self, receipt_handle, timeout):
#         # new: on a FIFO queue, an older handle or a message no longer in flight -> ValueError
#
#
# class MyFifoQueue(MyQueue):
#     """A FIFO queue: order within a group, a group waits while its first message is in flight,
#     deduplication."""
#
#     fifo = True
#
#     def __init__(self, clock, visibility_timeout=30, content_based_deduplication=False):
#         super().__init__(clock, visibility_timeout=visibility_timeout)
#         self.content_based_deduplication = content_based_deduplication
#         self._dedup = {}        # deduplication id -> (message_id, when it was first accepted)
#
#     def send(self, body, group_id, deduplication_id=None):
#         if not group_id:
#             raise ValueError("MissingParameter: a FIFO message needs a group_id")
#         raise NotImplementedError("TODO: find the deduplication id (explicit, or sha256 of the body, or "
#                                   "ValueError); if it was accepted less than DEDUP_WINDOW s ago return that "
#                                   "message's id; else store a new message with its group_id and remember "
#                                   "the id and time in self._dedup")
#
#     def receive(self, max_messages=1, visibility_timeout=None):
#         raise NotImplementedError("TODO: as MyQueue.receive, but once you meet a message that is not visible, "
#                                   "its group is closed for this receive: skip the group's later messages")
# ```
#
# Everything else (counts, retention, batches) comes from your `MyQueue`.

# %% [markdown] ko en=04a0fed9
# ## `myqueue.py`에 더할 것
#
# ```python
# import hashlib
#
# DEDUP_WINDOW = 300                  # 초 (5분)
#
# # Message의 맨 끝에 필드 하나를 더합니다:   group_id: str | None = None   (FIFO 대기열에서만)
#
#
# class MyQueue:
#     fifo = False                    # 새로 추가: MyFifoQueue는 True
#     ...
#     def delete(self, receipt_handle):
#         # 새로 추가: FIFO 대기열에서 더는 처리 중이 아닌 메시지의 가장 최근 핸들 -> ValueError
#
#     def change_visibility(self, receipt_handle, timeout):
#         # 새로 추가: FIFO 대기열에서 예전 핸들이거나 더는 처리 중이 아닌 메시지 -> ValueError
#
#
# class MyFifoQueue(MyQueue):
#     """FIFO 대기열: 그룹 안의 순서, 그룹의 첫 메시지가 처리 중인 동안 기다리는 그룹,
#     중복 제거."""
#
#     fifo = True
#
#     def __init__(self, clock, visibility_timeout=30, content_based_deduplication=False):
#         super().__init__(clock, visibility_timeout=visibility_timeout)
#         self.content_based_deduplication = content_based_deduplication
#         self._dedup = {}        # 중복 제거 ID -> (message_id, 처음 받아들인 시각)
#
#     def send(self, body, group_id, deduplication_id=None):
#         if not group_id:
#             raise ValueError("MissingParameter: a FIFO message needs a group_id")
#         raise NotImplementedError("TODO: 중복 제거 ID를 정하기(직접 준 ID, 아니면 본문의 sha256, 둘 다 "
#                                   "아니면 ValueError). 받아들인 지 DEDUP_WINDOW초가 안 되었으면 그 "
#                                   "메시지의 ID를 돌려주기. 아니면 group_id를 붙인 새 메시지를 저장하고 "
#                                   "ID와 시각을 self._dedup에 기억하기")
#
#     def receive(self, max_messages=1, visibility_timeout=None):
#         raise NotImplementedError("TODO: MyQueue.receive처럼 하되, 보이지 않는 메시지를 만나면 이번 "
#                                   "수신에서는 그 그룹을 닫기: 그 그룹의 뒤 메시지는 건너뛰기")
# ```
#
# 나머지(counts, 보존 기간, 배치)는 모두 여러분의 `MyQueue`에서 그대로 물려받습니다.

# %% [solution]
# myqueue.py after exercise 10 (the course's reference)
import hashlib
import threading
import uuid
from dataclasses import dataclass

MAX_VISIBILITY_TIMEOUT = 43_200     # 12 hours
MAX_DELAY = 900                     # 15 minutes
MIN_RETENTION, MAX_RETENTION = 60, 1_209_600
DEFAULT_RETENTION = 345_600         # 4 days
MAX_BATCH_ENTRIES, MAX_BATCH_BYTES = 10, 1_048_576
MAX_RECEIVE_COUNT = 1000
DEDUP_WINDOW = 300                  # seconds (5 minutes)


@dataclass
class Message:
    message_id: str
    body: str
    sent_at: float
    visible_at: float                   # hidden until this time (a delay, or in flight)
    receipt_handle: str | None = None   # the newest handle
    received_at: float = 0.0            # when the newest receive handed it out
    receive_count: int = 0
    group_id: str | None = None         # FIFO queues only


def check_range(name, value, low, high):
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value}")


class MyQueue:
    """A queue with a visibility timeout, a retention period, delays, batches and a dead-letter queue."""

    fifo = False            # MyFifoQueue says True: its receipt handles expire

    def __init__(self, clock, visibility_timeout=30, retention_period=DEFAULT_RETENTION, delay_seconds=0,
                 dead_letter_queue=None, max_receive_count=None):
        check_range("visibility_timeout", visibility_timeout, 0, MAX_VISIBILITY_TIMEOUT)
        check_range("delay_seconds", delay_seconds, 0, MAX_DELAY)
        check_range("retention_period", retention_period, MIN_RETENTION, MAX_RETENTION)
        if dead_letter_queue is not None:
            if not isinstance(max_receive_count, int) or not 1 <= max_receive_count <= MAX_RECEIVE_COUNT:
                raise ValueError(f"max_receive_count must be a whole number from 1 to {MAX_RECEIVE_COUNT}")
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
                if self.dead_letter_queue is not None and m.receive_count >= self.max_receive_count:
                    dead.append(m)
                    continue
                got.append(self._hand_out(m, now, timeout))
            for m in dead:
                del self._messages[m.message_id]
        for m in dead:      # outside our lock: the other queue takes its own
            self.dead_letter_queue._accept(m)
        return got

    def _accept(self, message):
        """Take in a message moved from another queue: same id, body and send time, visible now,
        never received here."""
        with self._lock:
            self._messages[message.message_id] = Message(message.message_id, message.body,
                                                         sent_at=message.sent_at, visible_at=self.clock.now())

    def move_messages(self, destination):
        """Redrive: move every visible message to `destination`; return how many moved."""
        now = self.clock.now()
        with self._lock:
            self._drop_expired(now)
            moving = [m for m in self._messages.values() if m.visible_at <= now]
            for m in moving:
                del self._messages[m.message_id]
        for m in moving:
            destination._accept(m)
        return len(moving)

    def _hand_out(self, m, now, timeout):
        """Put m in flight under a new receipt handle. Call it with the lock held."""
        m.visible_at = now + timeout
        m.received_at = now
        m.receipt_handle = str(uuid.uuid4())
        m.receive_count += 1
        self._handles[m.receipt_handle] = m.message_id
        return (m.message_id, m.body, m.receipt_handle)

    def delete(self, receipt_handle):
        now = self.clock.now()
        with self._lock:
            if receipt_handle not in self._handles:
                raise ValueError(f"ReceiptHandleIsInvalid: {receipt_handle!r} is not a valid receipt handle")
            m = self._messages.get(self._handles[receipt_handle])
            if m is not None and m.receipt_handle == receipt_handle:
                # BEGIN SOLUTION
                # FIFO: once the timeout ends the message is back at the head of its group and the next
                # consumer may be working on it; SQS refuses the late delete ("The receipt handle has
                # expired", recorded in test_fifo_delete_after_visibility_timeout).
                if self.fifo and m.visible_at <= now:
                    raise ValueError("InvalidParameterValue: the receipt handle has expired")
                # END SOLUTION
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
            # BEGIN SOLUTION
            # FIFO: only the holder of the newest handle, while it still holds the message, may hide it
            # longer or give it back; a late or older holder would disturb the group's order.
            if self.fifo and (m.receipt_handle != receipt_handle or m.visible_at <= now):
                raise ValueError("InvalidParameterValue: the receipt handle has expired")
            # END SOLUTION
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


class MyFifoQueue(MyQueue):
    """A FIFO queue: order within a group, a group waits while its first message is in flight,
    deduplication."""

    # BEGIN SOLUTION
    # Receipt handles expire here: MyQueue.delete and change_visibility ask this.
    fifo = True
    # END SOLUTION

    def __init__(self, clock, visibility_timeout=30, content_based_deduplication=False):
        super().__init__(clock, visibility_timeout=visibility_timeout)
        self.content_based_deduplication = content_based_deduplication
        self._dedup = {}        # deduplication id -> (message_id, when it was first accepted)

    def send(self, body, group_id, deduplication_id=None):
        if not group_id:
            raise ValueError("MissingParameter: a FIFO message needs a group_id")
        # BEGIN SOLUTION
        # The deduplication id names the message, whatever its group: a producer that retries (its
        # first send timed out) must not enqueue the order twice.
        if deduplication_id is None:
            if not self.content_based_deduplication:
                raise ValueError("InvalidParameterValue: the queue has no content-based deduplication, "
                                 "so a deduplication_id is required")
            # SQS hashes the body's bytes: in UTF-8, so '주문' gives the same id on every machine.
            deduplication_id = hashlib.sha256(body.encode("utf-8")).hexdigest()
        now = self.clock.now()
        # Looked up and remembered under one lock: two sends of the same id at once must be one message.
        with self._lock:
            seen = self._dedup.get(deduplication_id)
            # The window counts from the first send and a duplicate does not restart it; a deleted
            # message still counts (the retry came after the work was done).
            if seen is not None and now - seen[1] < DEDUP_WINDOW:
                return seen[0]
            message_id = str(uuid.uuid4())
            self._messages[message_id] = Message(message_id, body, sent_at=now, visible_at=now, group_id=group_id)
            self._dedup[deduplication_id] = (message_id, now)
        return message_id
        # END SOLUTION

    def receive(self, max_messages=1, visibility_timeout=None):
        check_range("max_messages", max_messages, 1, 10)
        timeout = self.visibility_timeout if visibility_timeout is None else visibility_timeout
        check_range("visibility_timeout", timeout, 0, MAX_VISIBILITY_TIMEOUT)
        now = self.clock.now()
        got, blocked = [], set()
        with self._lock:
            self._drop_expired(now)
            # BEGIN SOLUTION
            # Oldest first, so each group's messages come in send order, as many as allowed.
            for m in self._messages.values():
                if len(got) == max_messages:
                    break
                if m.group_id in blocked:
                    continue
                # The first message of a group that is not visible closes the group for this receive:
                # nothing may overtake a message in flight (its consumer may crash and it comes back
                # first). Only messages before it count, so a group whose first message is visible
                # again opens at once, as AWS does, even while later ones are in flight.
                if m.visible_at > now:
                    blocked.add(m.group_id)
                    continue
                got.append(self._hand_out(m, now, timeout))
            # END SOLUTION
        return got

# %% [exercise]
from toyqueue.grading import mycode

# Stuck on an earlier exercise? Uncomment the next line once: it puts the course's version of
# exercise 09 in myqueue.py (yours is kept as myqueue.mine.py).
# mycode.use_reference("09")
MyFifoQueue = mycode.load("MyFifoQueue")    # your class, from myqueue.py (read again each time this cell runs)

# %% [markdown]
# ## Check 1: order within groups
#
# Three groups (two of them differ only in upper and lower case), a consumer that crashes, and
# another that keeps going.

# %% [markdown] ko en=a36ba889
# ## 확인 1: 그룹 안의 순서
#
# 그룹이 셋 있습니다(그중 둘은 대문자와 소문자만 다릅니다). 죽는 소비자 하나와 계속 일하는 소비자
# 하나가 있습니다.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import fifo

fifo.check_fifo_order(MyFifoQueue)

# %% [markdown]
# ## Check 2: when a group opens again, and receipt handles that expire
#
# A consumer holds m1, m2 and m3 of one group and gives m2, then m1, back: the group must stay
# closed while m1 is in flight, then open with m1 and m2 and stop at m3. Then handles are tried
# half a second before and exactly at the end of their timeouts.

# %% [markdown] ko en=e64a3938
# ## 확인 2: 그룹이 다시 열리는 때와 만료되는 수신 핸들
#
# 소비자가 한 그룹의 m1, m2, m3을 가지고 있다가 m2를, 그다음 m1을 돌려놓습니다. m1이 처리 중인
# 동안 그룹은 닫혀 있어야 하고, 그다음에는 열려서 m1과 m2를 내주고 m3에서 멈춰야 합니다. 이어서
# 제한 시간이 끝나기 0.5초 전과 정확히 끝나는 순간에 핸들을 써 봅니다.

# %%
# NBVAL_CHECK_OUTPUT
fifo.check_group_visibility(MyFifoQueue)

# %% [markdown]
# ## Check 3: deduplication
#
# The same payment sent again 100 s later (dropped), at exactly 300 s (a new message), then a
# queue that deduplicates by content, with non-ASCII bodies.

# %% [markdown] ko en=2adccbbd
# ## 확인 3: 중복 제거
#
# 같은 결제를 100초 뒤에 다시 보내고(버려집니다), 정확히 300초에 또 보냅니다(새 메시지). 그다음
# 콘텐츠 기반 중복 제거를 쓰는 대기열에 ASCII가 아닌 본문을 보냅니다.

# %%
# NBVAL_CHECK_OUTPUT
fifo.check_deduplication(MyFifoQueue)

# %% [markdown]
# ## Check 4: calls at the same time
#
# Sends and receives of one group overlapped in every way two calls can: the group must stay in
# order, wait while its first message is in flight, and a duplicate send must still be dropped.

# %% [markdown] ko en=765c7ccf
# ## 확인 4: 동시에 오는 호출
#
# 한 그룹의 보내기와 받기를 두 호출이 겹칠 수 있는 모든 방식으로 겹쳐 봅니다. 그룹은 순서를 지켜야
# 하고, 첫 메시지가 처리 중인 동안에는 기다려야 합니다. 중복 전송은 이때도 버려져야 합니다.

# %%
# NBVAL_CHECK_OUTPUT
fifo.check_fifo_threads(MyFifoQueue)

# %% [markdown]
# **You have built a small SQS.** Back to the [course map](../notebooks/00_setup.ipynb), or on to
# the [glossary](../notebooks/11_glossary.ipynb).

# %% [markdown] ko en=e28d9c8e
# **작은 SQS를 완성했습니다.** [과정 안내](../notebooks/00_setup.ipynb)로 돌아가거나,
# [용어집](../notebooks/11_glossary.ipynb)으로 넘어가세요.
