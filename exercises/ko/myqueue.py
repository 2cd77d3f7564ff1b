# myqueue.py: 여러분의 대기열입니다. 실습 01에서 시작하고, 실습 02, 03, 07, 08, 09, 10에서 조금씩 더합니다.
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
        raise NotImplementedError('TODO: (새 ID, body)를 self._messages의 끝에 저장하고 그 ID를 돌려주기. 팁: str(uuid.uuid4())로 ID를 만들 수 있습니다.')

    def receive(self, max_messages=1):
        raise NotImplementedError('TODO: 1 <= max_messages <= 10인지 검사한 다음, 가장 오래된 메시지를 최대 max_messages개 꺼내 리스트로 돌려주기.')
