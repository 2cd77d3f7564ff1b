"""Message move tasks: moving the messages of a dead-letter queue back (DLQ redrive).

``StartMessageMoveTask`` moves the visible messages of a dead-letter queue, oldest first, to a
destination queue, or, without one, each back to the queue it came from. AWS runs the task in
the background and reports on it through ``ListMessageMoveTasks``; what the toy does follows
LocalStack's tests recorded against AWS (test_sqs_move_task.py):

- With ``MaxNumberOfMessagesPerSecond=r`` the first message moves at once and one more every
  1/r seconds (4 messages at 1/s take at least 3 s). Without it the toy moves them all at once.
- Status is RUNNING, then COMPLETED when the source has no visible message left, CANCELLED
  after ``CancelMessageMoveTask``, or FAILED (with ``FailureReason``) when a queue it moves
  from or to is deleted. A source has at most one running task.
- A moved message starts over in its new queue (receive count 0).
- The task handle is base64 of ``{"taskId": <uuid>, "sourceArn": <arn>}``, as AWS makes it.

Time is the service's clock. A task never looks at the clock by itself: ``catch_up(now)``
does the moves due by ``now``. The service calls it before every action, so on a
VirtualClock a task advances exactly when the lesson's time does (deterministic), and on a
RealClock a background thread also calls it when the next move is due, so messages arrive
even while nobody asks.
"""
import base64
import binascii
import hashlib
import json
import math
import threading
import uuid

from . import errors as E
from . import limits as L

RUNNING, COMPLETED, CANCELLED, FAILED = "RUNNING", "COMPLETED", "CANCELLED", "FAILED"


def encode_handle(task_id, source_arn):
    doc = json.dumps({"taskId": task_id, "sourceArn": source_arn}, separators=(",", ":"))
    return base64.b64encode(doc.encode()).decode()


def decode_handle(handle):
    """(task id, source ARN) of a task handle; InvalidParameterValue if it is not one."""
    try:
        doc = json.loads(base64.b64decode(str(handle), validate=True))
        return str(doc["taskId"]), str(doc["sourceArn"])
    except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
        raise E.InvalidParameterValue("Value for parameter TaskHandle is invalid.") from None


class MoveTask:
    def __init__(self, tasks, task_id, source_arn, destination_arn, rate, now, to_move):
        self._tasks = tasks
        self.task_id = task_id
        self.handle = encode_handle(task_id, source_arn)
        self.source_arn, self.destination_arn, self.rate = source_arn, destination_arn, rate
        self.started = now
        self.to_move = to_move
        self.moved = 0
        self.status = RUNNING
        self.failure = None
        self.lock = threading.Lock()
        self.stopped = threading.Event()   # wakes the RealClock thread on cancel

    def due(self, now):
        """How many moves are due by ``now`` (unbounded without a rate)."""
        if self.rate is None:
            return math.inf
        return 1 + math.floor((now - self.started) * self.rate + 1e-9)

    def next_move_at(self):
        return self.started + self.moved / self.rate if self.rate else self.started

    def catch_up(self, now):
        """Do the moves due by ``now``; finish the task when the source is empty."""
        with self.lock:
            while self.status == RUNNING and self.moved < self.due(now):
                self._move_one(now)

    def _move_one(self, now):
        source = self._tasks.by_arn(self.source_arn)
        if source is None or (self.destination_arn and self._tasks.by_arn(self.destination_arn) is None):
            return self._fail()
        (msg,) = source.take_visible(now, limit=1) or (None,)
        if msg is None:
            self.status = COMPLETED
            return
        back_to = self.destination_arn or (msg.info or {}).get("dead_letter_source_arn")
        target = self._tasks.by_arn(back_to) if back_to else None
        if target is None:              # its original queue is gone: it stays in the source
            source.accept([msg], now, None)
            return self._fail()
        info = dict(msg.info or {})
        info.pop("dead_letter_source_arn", None)
        msg.info = info or None
        target.accept([msg], now, None, fresh=True)
        self.moved += 1

    def _fail(self):
        self.status, self.failure = FAILED, E.QueueDoesNotExist.query_code

    def cancel(self):
        with self.lock:
            if self.status != RUNNING:
                raise E.UnsupportedOperation(
                    f"Only a running task can be cancelled; this task is {self.status}.")
            self.status = CANCELLED
            self.stopped.set()
            return self.moved

    def entry(self):
        """The task as ListMessageMoveTasks shows it."""
        out = {"SourceArn": self.source_arn, "Status": self.status,
               "ApproximateNumberOfMessagesMoved": self.moved,
               "ApproximateNumberOfMessagesToMove": self.to_move,
               "StartedTimestamp": int(self.started * 1000)}
        if self.status == RUNNING:
            out["TaskHandle"] = self.handle
        if self.destination_arn:
            out["DestinationArn"] = self.destination_arn
        if self.rate is not None:
            out["MaxNumberOfMessagesPerSecond"] = self.rate
        if self.failure:
            out["FailureReason"] = self.failure
        return out

    def run_in_background(self, clock):
        """On a real clock: wake when the next move is due until the task ends."""
        def loop():
            while self.status == RUNNING:
                if self.stopped.wait(max(0.0, self.next_move_at() - clock.now())):
                    return
                self.catch_up(clock.now())
        threading.Thread(target=loop, name=f"toyqueue-move-task-{self.task_id[:8]}",
                         daemon=True).start()


class MoveTasks:
    """Every move task of a service, newest last. ``by_arn`` finds a live queue by its ARN."""

    def __init__(self, by_arn, clock):
        self.by_arn = by_arn
        self.clock = clock
        self.tasks = {}               # task id -> MoveTask
        self.running = {}             # source ARN -> its running MoveTask
        self.lock = threading.Lock()
        self.count = 0

    def _queue(self, arn, parameter):
        """The live queue an ARN parameter names; all three actions refuse a missing one alike."""
        q = self.by_arn(arn)
        if q is None:
            raise E.ResourceNotFoundException(
                f"The resource that you specified for the {parameter} parameter doesn't exist.")
        return q

    def catch_up(self, now):
        for task in list(self.running.values()):
            task.catch_up(now)
            if task.status != RUNNING:
                self.running.pop(task.source_arn, None)

    def start(self, source_arn, destination_arn, rate, is_dead_letter_queue):
        if rate is not None and not 1 <= rate <= L.MAX_MOVE_RATE:
            raise E.InvalidParameterValue(
                f"Value {rate} for parameter MaxNumberOfMessagesPerSecond is invalid. "
                f"Reason: Must be between 1 and {L.MAX_MOVE_RATE}.")
        source = self._queue(source_arn, "SourceArn")
        if not is_dead_letter_queue(source_arn):
            raise E.InvalidParameterValue("Source queue must be configured as a Dead Letter Queue.")
        if destination_arn:
            self._queue(destination_arn, "DestinationArn")
        now = self.clock.now()
        self.catch_up(now)
        with self.lock:
            if source_arn in self.running:
                raise E.InvalidParameterValue(
                    "There is already a task running. Only one active task is allowed for a "
                    "source queue arn at a given time.")
            self.count += 1
            digest = hashlib.md5(f"{source_arn}|{now}|{self.count}".encode()).hexdigest()
            task = MoveTask(self, str(uuid.UUID(hex=digest, version=4)), source_arn,
                            destination_arn, rate, now, source.counts(now)["visible"])
            self.tasks[task.task_id] = task
            self.running[source_arn] = task
            mine = [t for t in self.tasks.values() if t.source_arn == source_arn]
            for old in mine[:-L.MAX_MOVE_TASKS]:       # AWS lists the 10 most recent
                del self.tasks[old.task_id]
        task.catch_up(now)
        if task.status == RUNNING and not self.clock.virtual:
            task.run_in_background(self.clock)
        return task.handle

    def list(self, source_arn, max_results):
        self._queue(source_arn, "SourceArn")
        self.catch_up(self.clock.now())
        mine = [t.entry() for t in reversed(list(self.tasks.values())) if t.source_arn == source_arn]
        return mine[:max_results]

    def cancel(self, handle):
        task_id, source_arn = decode_handle(handle)
        self._queue(source_arn, "SourceArn")
        task = self.tasks.get(task_id)
        if task is None or task.source_arn != source_arn:
            raise E.ResourceNotFoundException("Task does not exist.")
        task.catch_up(self.clock.now())
        moved = task.cancel()
        self.running.pop(source_arn, None)
        return moved
