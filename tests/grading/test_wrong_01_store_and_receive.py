"""Exercise 01's wrong queues: each is rejected, by the rule it breaks, in the learner's words."""
import itertools
import time
import uuid
from collections import deque

import pytest

from toyqueue.grading import rules, store_and_receive as ex
from wrong import rejected, solution

S = solution("01_store_and_receive")


class Peeks(S):
    """receive hands out the oldest messages but leaves them in the queue."""
    def receive(self, max_messages=1):
        if not 1 <= max_messages <= 10:
            raise ValueError(max_messages)
        with self._lock:
            return list(itertools.islice(self._messages, max_messages))


class SameId(S):
    def send(self, body):
        with self._lock:
            self._messages.append(("id", body))
        return "id"


class IdFromBody(S):
    """An id made from the body: two orders with the same text become one message."""
    def send(self, body):
        message_id = f"msg-{abs(hash(body))}"
        with self._lock:
            self._messages.append((message_id, body))
        return message_id


class NoLimit(S):
    def receive(self, max_messages=1):
        with self._lock:
            return [self._messages.popleft() for _ in range(min(max(max_messages, 0), len(self._messages)))]


class EmptyFirst(S):
    """Answers [] on an empty queue before looking at the argument."""
    def receive(self, max_messages=1):
        if not self._messages:
            return []
        return super().receive(max_messages)


class TenRefused(S):
    def receive(self, max_messages=1):
        if max_messages == 10:
            raise ValueError("max_messages must be below 10")
        return super().receive(max_messages)


class Strips(S):
    """Cleans up bodies: a body of spaces comes back empty."""
    def send(self, body):
        return super().send(body.strip())


class AsciiOnly(S):
    def send(self, body):
        return super().send(body.encode("ascii", "replace").decode())


class NoLock(S):
    def send(self, body):
        message_id = str(uuid.uuid4())
        self._messages.append((message_id, body))
        return message_id

    def receive(self, max_messages=1):
        if not 1 <= max_messages <= 10:
            raise ValueError(max_messages)
        count = min(max_messages, len(self._messages))
        return [self._messages.popleft() for _ in range(count)]


class CopyOnWrite:
    """A list copied and written back, no lock: two senders overwrite each other."""
    def __init__(self, clock):
        self.clock = clock
        self._messages = []

    def send(self, body):
        message_id = str(uuid.uuid4())
        self._messages = self._messages + [(message_id, body)]
        return message_id

    def receive(self, max_messages=1):
        if not 1 <= max_messages <= 10:
            raise ValueError(max_messages)
        got = self._messages[:max_messages]
        self._messages = self._messages[len(got):]
        return got


class LockedSendOnly(CopyOnWrite):
    """The lock guards send, but receive reads and writes back outside it."""
    def __init__(self, clock):
        super().__init__(clock)
        import threading
        self._lock = threading.Lock()

    def send(self, body):
        with self._lock:
            return super().send(body)


class SleepsWithoutLock(S):
    """Copies, appends and writes back with no lock, with some work in between (the old catalogue's)."""
    def send(self, body):
        message_id = str(uuid.uuid4())
        copy = deque(self._messages)
        time.sleep(0.0002)
        copy.append((message_id, body))
        self._messages = copy
        return message_id


@pytest.mark.parametrize("wrong, words", [
    (Peeks, [rules.TAKEN, "delivered twice"]),
    (SameId, ["every message gets its own id"]),
    (IdFromBody, ["every message gets its own id, even when two bodies are the same"]),
    (NoLimit, [ex.MAX_RULE, "receive(max_messages=0) on an empty queue was accepted"]),
    (EmptyFirst, [ex.MAX_RULE, "on an empty queue was accepted"]),
    (TenRefused, [ex.MAX_RULE, "TenRefused.receive raised ValueError", "C3 called receive(max_messages=10)",
                  "that value is allowed"]),
    (Strips, [rules.BODY, "was sent with body ' ' but consumer"]),
    (AsciiOnly, [rules.BODY, "'주문 2 📦'"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_store_and_receive_rejects(wrong, words):
    text = rejected(ex.check_store_and_receive, wrong)
    for w in words:
        assert w in text, text


@pytest.mark.parametrize("wrong, words", [
    (NoLock, ["IndexError", "Your queue takes no lock at all", "Thread A called receive(max_messages=2) and thread "
              "B called receive(max_messages=2)", "A was stopped at line"]),
    (CopyOnWrite, ["Your queue takes no lock at all"]),
    (LockedSendOnly, ["while holding a lock", "A held the lock there, so B's receive() went ahead without "
                      "taking it"]),
    (SleepsWithoutLock, ["Your queue takes no lock at all", "send('new')"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_races_are_found_every_time(wrong, words):
    first = rejected(ex.check_many_at_once, wrong)
    for w in words:
        assert w in first, first
    assert "hint: two threads must never" in first
    assert rejected(ex.check_many_at_once, wrong) == first     # the same verdict, word for word


def test_a_lock_free_queue_that_is_still_right_passes(capsys):
    """deque.append and a popleft that never races: no lock needed, and the check says so."""
    class Atomic(S):
        def send(self, body):
            message_id = str(uuid.uuid4())
            self._messages.append((message_id, body))
            return message_id

        def receive(self, max_messages=1):
            if not 1 <= max_messages <= 10:
                raise ValueError(max_messages)
            got = []
            for _ in range(max_messages):
                try:
                    got.append(self._messages.popleft())
                except IndexError:
                    break
            return got

    ex.check_many_at_once(Atomic)
    out = capsys.readouterr().out
    assert "your queue takes no lock, and every overlap tried was still correct" in out
    assert "hint" not in out


def test_the_class_passed_as_a_queue():
    from toyqueue.clock import VirtualClock
    text = rejected(ex.check_store_and_receive, S(VirtualClock()))
    assert "a check takes your class, MyQueue, not a queue made from it" in text
    assert "write MyQueue without the parentheses" in text


def test_a_renamed_parameter():
    class Renamed(S):
        def receive(self, max_msgs=1):
            return super().receive(max_msgs)

    text = rejected(ex.check_store_and_receive, Renamed)
    assert "Renamed.receive() calls its parameter 'max_msgs'" in text and "rename it to max_messages" in text


def test_a_missing_method():
    class NoReceive:
        def __init__(self, clock):
            self.clock = clock

        def send(self, body):
            return "x"

    text = rejected(ex.check_store_and_receive, NoReceive)
    assert text.startswith("not implemented yet: NoReceive has no method receive() yet")
