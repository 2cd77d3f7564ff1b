# myqueue.py: your queue. Exercise 01 starts it; exercises 02, 03, 07, 08, 09 and 10 add to it.
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
        raise NotImplementedError('TODO: store (new id, body) at the end of self._messages and return the id. Tip: str(uuid.uuid4()) makes an id.')

    def receive(self, max_messages=1):
        raise NotImplementedError('TODO: check 1 <= max_messages <= 10, then take up to max_messages of the oldest messages out and return them as a list.')
