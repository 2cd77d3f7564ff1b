"""QueueService: many queues and the SQS actions, shaped like a boto3 SQS client.

Method names are boto3's (``send_message``), keyword arguments are SQS's PascalCase names
(``QueueUrl=``, ``MessageBody=``) and the return values are the dicts boto3 returns (without
``ResponseMetadata``). So a learner's line runs unchanged against the toy and LocalStack.

This file holds the SQS *actions*: validation with SQS's error messages, system attributes,
MD5s, batches, dead-letter queues. The data structures live in queue.py; the rules for queue
attributes in queue_attributes.py, for message attributes in message_attributes.py; URLs and
ARNs in addresses.py; message move tasks in move_tasks.py.
Read ``send_message``, ``receive_message`` and ``delete_message`` first.
"""
import copy
import functools
import hashlib
import inspect
import itertools
import re
import threading

from . import addresses
from . import errors as E
from . import limits as L
from . import message_attributes as MA
from . import queue_attributes as QA
from .clock import RealClock
from .md5 import md5_of_attributes, md5_of_body
from .message import INFLIGHT
from .move_tasks import MoveTasks
from .queue import FifoQueue, StandardQueue
from .realistic import Realism, RealisticQueue

ACTIONS = ["create_queue", "get_queue_url", "list_queues", "delete_queue", "get_queue_attributes",
           "set_queue_attributes", "tag_queue", "untag_queue", "list_queue_tags", "send_message",
           "send_message_batch", "receive_message", "delete_message", "delete_message_batch",
           "change_message_visibility", "change_message_visibility_batch", "purge_queue",
           "list_dead_letter_source_queues", "start_message_move_task", "list_message_move_tasks",
           "cancel_message_move_task", "add_permission", "remove_permission"]
SQS_ACTIONS = {"".join(w.title() for w in a.split("_")) for a in ACTIONS}

SYSTEM_ATTRIBUTES = ["SenderId", "SentTimestamp", "ApproximateReceiveCount",
                     "ApproximateFirstReceiveTimestamp", "SequenceNumber", "MessageDeduplicationId",
                     "MessageGroupId", "AWSTraceHeader", "DeadLetterQueueSourceArn"]

_NAME = re.compile(rf"[A-Za-z0-9_-]{{1,{L.MAX_QUEUE_NAME}}}")
_BATCH_ID = re.compile(rf"[A-Za-z0-9_-]{{1,{L.MAX_BATCH_ENTRY_ID}}}")
_FIFO_ID = re.compile(rf"[!-~]{{1,{L.MAX_FIFO_ID}}}")           # letters, digits, punctuation


def _ms(t):
    return str(int(t * 1000))


_INTEGER = re.compile(r"-?[0-9]+")       # ASCII digits only: int() would also read "٣٠" as 30


def _int(value, name):
    """An integer parameter (the Query protocol sends them as text); None stays None."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()) and len(value) <= 4_000:
        return int(value)                   # (Python refuses int() of over 4,300 digits)
    raise E.InvalidParameterValue(f"Value {value} for parameter {name} is invalid. Reason: Must be an integer.")


def _visibility_timeout(value):
    """A VisibilityTimeout parameter: ReceiveMessage and ChangeMessageVisibility take the same
    range, with the same words. None (not given) stays None."""
    value = _int(value, "VisibilityTimeout")
    if value is not None and not 0 <= value <= L.MAX_VISIBILITY_TIMEOUT:
        raise E.InvalidParameterValue(f"Value {value} for parameter VisibilityTimeout is "
                                      "invalid. Reason: Must be >= 0 and <= 43200, if provided.")
    return value


DEFAULT_BASE_URL = "http://127.0.0.1:9324"   # where `python -m toyqueue serve` listens by default


class QueueService:
    def __init__(self, clock=None, region="us-east-1", account_id="000000000000",
                 base_url=DEFAULT_BASE_URL, realistic=False, seed=None):
        self.clock = clock or RealClock()
        # realistic=True (or a dict of knobs, or a realistic.Realism): standard queues behave
        # like distributed SQS (realistic.py), seeded by `seed`. Default: the exact queue.
        self.realism, self.seed = Realism.of(realistic), seed
        self.region = self.home_region = region
        self.account_id = account_id
        self.base_url = base_url.rstrip("/")
        self.trace_header = None       # X-Amzn-Trace-Id of the request (see in_region)
        self._queues = {}              # (region, name) -> queue object
        self._deleted = {}             # (region, name) -> when it was deleted (the 60 s rule)
        self._lock = threading.RLock()
        self._created = itertools.count(1)
        self._moves = MoveTasks(self._by_arn, self.clock)

    def in_region(self, region=None, trace_header=None):
        """This service as one request sees it: the region its SigV4 signature names (CreateQueue,
        GetQueueUrl and ListQueues work in that region) and its X-Amzn-Trace-Id header (sent
        messages get it as AWSTraceHeader). The queues are shared; the server calls this."""
        if (region or self.region) == self.region and trace_header is None:
            return self
        view = copy.copy(self)
        view.region = region or self.region
        view.trace_header = trace_header
        return view

    # ------------------------------------------------------------------ plumbing
    def dispatch(self, action, params):
        """Call an action by its SQS name ("SendMessage") with a dict of parameters."""
        name, required, allowed = _signature(action)
        params = dict(params or {})
        for p in required:
            if p not in params:
                raise E.MissingParameter.named(p)
        unknown = [k for k in params if k not in allowed]
        if unknown:
            raise E.InvalidParameterValue(f"Unknown parameter {unknown[0]} for action {action}.")
        return getattr(self, name)(**params)

    def queue(self, url_or_name):
        """The queue object behind a URL or name (for lessons, widgets and graders).

        A URL names its region (addresses.py); a URL without one is the home region's, a bare
        name is looked up in the request's region."""
        if not url_or_name:
            raise E.MissingParameter.named("QueueUrl")
        text = str(url_or_name)
        region, name = addresses.parse_queue_url(text)
        q = self._queues.get((region or (self.home_region if "/" in text else self.region), name))
        if q is None:
            raise E.QueueDoesNotExist()
        if self._moves.running:
            self._moves.catch_up(self.clock.now())
        return q

    def _by_arn(self, arn):
        parts = addresses.parse_queue_arn(arn)
        q = self._queues.get((parts[0], parts[2])) if parts else None
        return q if q is not None and q.arn == arn else None

    def url_of(self, name):
        return addresses.queue_url(self.base_url, self.region, self.home_region, self.account_id, name)

    # ------------------------------------------------------------ queue lifecycle
    def create_queue(self, QueueName, Attributes=None, tags=None):
        attrs = {k: str(v) for k, v in (Attributes or {}).items()}
        fifo = attrs.get("FifoQueue", "false").lower() == "true"
        if fifo and not (QueueName.endswith(".fifo") and _NAME.fullmatch(QueueName[:-5] + "_fifo")):
            raise E.InvalidParameterValue(
                "The name of a FIFO queue can only include alphanumeric characters, hyphens, or "
                "underscores, must end with .fifo suffix and be 1 to 80 in length")
        if not fifo and not _NAME.fullmatch(QueueName or ""):
            raise E.InvalidParameterValue(
                "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
        now = self.clock.now()
        key = (self.region, QueueName)
        with self._lock:
            existing = self._queues.get(key)
            if existing is not None:
                different = QA.same(QA.values(existing, QA.ALL_ATTRIBUTES, now), attrs)
                if different:
                    raise E.QueueNameExists("A queue already exists with the same name and a "
                                            f"different value for attribute {different}")
                return {"QueueUrl": existing.url}
            gone = self._deleted.get(key)
            if gone is not None and now - gone < L.RECREATE_DELAY:
                raise E.QueueDeletedRecently()
            QA.check(attrs, fifo, creating=True, by_arn=self._by_arn)
            token = hashlib.md5(f"{QueueName}|{now}|{next(self._created)}".encode()).hexdigest()[:24]
            if self.realism and not fifo:
                q = RealisticQueue(QueueName, token=token, clock=self.clock, realism=self.realism,
                                   seed=self.seed)
            else:
                q = (FifoQueue if fifo else StandardQueue)(QueueName, token=token, clock=self.clock)
            q.key = key
            q.url = self.url_of(QueueName)
            q.arn = addresses.queue_arn(self.region, self.account_id, QueueName)
            q.attributes = dict(QA.DEFAULTS, **(QA.FIFO_DEFAULTS if fifo else {}))
            q.tags = {}
            q.created_at = q.modified_at = now
            q.purged_at = None
            q.redrive_arn = None
            QA.store(q, attrs, creating=True)
            if tags:
                self._set_tags(q, tags)
            self._queues[key] = q
        return {"QueueUrl": q.url}

    def get_queue_url(self, QueueName, QueueOwnerAWSAccountId=None):
        q = self._queues.get((self.region, QueueName))
        if q is None:
            raise E.QueueDoesNotExist()
        return {"QueueUrl": q.url}

    def list_queues(self, QueueNamePrefix=None, NextToken=None, MaxResults=None):
        MaxResults = _int(MaxResults, "MaxResults")
        if MaxResults is not None and not 1 <= MaxResults <= L.MAX_LIST_RESULTS:
            raise E.InvalidParameterValue(f"Value {MaxResults} for parameter MaxResults is invalid. "
                                          "Reason: MaxResults must be an integer between 1 and 1000.")
        names = sorted(n for r, n in list(self._queues)
                       if r == self.region and n.startswith(QueueNamePrefix or ""))
        if NextToken:
            names = [n for n in names if n > NextToken]
        limit = MaxResults if MaxResults is not None else L.MAX_LIST_RESULTS
        out = {}
        if names[:limit]:
            out["QueueUrls"] = [self._queues[(self.region, n)].url for n in names[:limit]]
        if MaxResults is not None and len(names) > limit:
            out["NextToken"] = names[limit - 1]
        return out

    def delete_queue(self, QueueUrl):
        q = self.queue(QueueUrl)
        with self._lock:
            if self._queues.get(q.key) is q:
                del self._queues[q.key]
                now, deleted = self.clock.now(), self._deleted
                deleted.pop(q.key, None)             # kept in deletion order, oldest first
                deleted[q.key] = now
                for key in list(itertools.takewhile(
                        lambda k: now - deleted[k] >= L.RECREATE_DELAY, deleted)):
                    del deleted[key]                 # its name is free again: forget it
        q.deleted = True
        q.purge()
        return {}

    def purge_queue(self, QueueUrl):
        q = self.queue(QueueUrl)
        now = self.clock.now()
        with self._lock:
            if q.purged_at is not None and now - q.purged_at < L.PURGE_INTERVAL:
                raise E.PurgeQueueInProgress(
                    f"Only one PurgeQueue operation on {q.name} is allowed every 60 seconds.")
            q.purged_at = now
        q.purge()
        return {}

    # ----------------------------------------------------------- queue attributes
    def get_queue_attributes(self, QueueUrl, AttributeNames=None):
        q = self.queue(QueueUrl)
        names = list(AttributeNames or [])
        for n in names:
            if n != "All" and n not in QA.ALL_ATTRIBUTES:
                raise E.InvalidAttributeName(f"Unknown Attribute {n}.")
        values = QA.values(q, QA.ALL_ATTRIBUTES if "All" in names else set(names), self.clock.now())
        return {"Attributes": values} if values else {}

    def set_queue_attributes(self, QueueUrl, Attributes):
        q = self.queue(QueueUrl)
        attrs = {k: str(v) for k, v in (Attributes or {}).items()}
        QA.check(attrs, q.fifo, creating=False, queue=q, by_arn=self._by_arn)
        with q.lock:
            QA.store(q, attrs, creating=False)
            q.modified_at = self.clock.now()
        return {}

    # ----------------------------------------------------------------------- tags
    def tag_queue(self, QueueUrl, Tags):
        self._set_tags(self.queue(QueueUrl), Tags)
        return {}

    def _set_tags(self, q, tags):
        for k, v in tags.items():
            if not 1 <= len(k) <= 128 or len(str(v)) > 256:
                raise E.InvalidParameterValue(f"Tag {k} is invalid: keys are 1 to 128 characters, "
                                              "values at most 256.")
        if len(set(q.tags) | set(tags)) > L.MAX_TAGS:
            raise E.InvalidParameterValue(f"Too many tags added for queue {q.name}.")
        q.tags.update({k: str(v) for k, v in tags.items()})

    def untag_queue(self, QueueUrl, TagKeys):
        q = self.queue(QueueUrl)
        for k in TagKeys:
            q.tags.pop(k, None)
        return {}

    def list_queue_tags(self, QueueUrl):
        q = self.queue(QueueUrl)
        return {"Tags": dict(q.tags)} if q.tags else {}

    # --------------------------------------------------------------------- sending
    def send_message(self, QueueUrl, MessageBody=None, DelaySeconds=None, MessageAttributes=None,
                     MessageSystemAttributes=None, MessageDeduplicationId=None, MessageGroupId=None):
        q = self.queue(QueueUrl)
        entry = {"MessageBody": MessageBody, "DelaySeconds": DelaySeconds,
                 "MessageAttributes": MessageAttributes, "MessageSystemAttributes": MessageSystemAttributes,
                 "MessageDeduplicationId": MessageDeduplicationId, "MessageGroupId": MessageGroupId}
        return self._store(q, self._checked(q, entry), self.clock.now())

    def _checked(self, q, entry, in_batch=False):
        """Check one message to send and work out its answer; raise its SQS error. Everything
        that can fail happens here, before anything is stored: a batch whose second entry
        fails unexpectedly has not stored the first (a retried 500 would duplicate it)."""
        body = entry.get("MessageBody")
        delay = _int(entry.get("DelaySeconds"), "DelaySeconds")
        attrs = entry.get("MessageAttributes") or None
        system = entry.get("MessageSystemAttributes") or None
        group, dedup = entry.get("MessageGroupId"), entry.get("MessageDeduplicationId")
        if body is None or body == "":
            raise E.MissingParameter.named("MessageBody")
        if delay is not None:
            if not 0 <= delay <= L.MAX_DELAY:
                raise E.InvalidParameterValue(f"Value {delay} for parameter DelaySeconds is invalid. "
                                              "Reason: DelaySeconds must be >= 0 and <= 900.")
            if q.fifo and delay != 0:
                raise E.InvalidParameterValue(
                    f"Value {delay} for parameter DelaySeconds is invalid. Reason: The request include "
                    "parameter that is not valid for this queue type.")
        # Printable characters are all allowed, so most bodies skip the (slower) full check.
        if not body.isprintable() and MA.BAD_CHARS.search(body):
            raise E.InvalidMessageContents()
        size = len(body.encode("utf-8")) + MA.check(attrs)
        if size > q.max_message_size:
            # AWS words it differently for a batch entry (LocalStack's recording of
            # test_send_batch_message_size)
            raise E.InvalidParameterValue(
                f"One or more parameters {'cannot be validated' if in_batch else 'are invalid'}. "
                f"Reason: Message must be shorter than {q.max_message_size} bytes.")
        if system:
            for k, v in system.items():
                if k != "AWSTraceHeader":
                    raise E.InvalidParameterValue(f"Message system attribute name '{k}' is invalid.")
                if not isinstance(v, dict) or v.get("DataType") != "String":
                    raise E.InvalidParameterValue(
                        "The message system attribute AWSTraceHeader must be of type String.")
                trace = v.get("StringValue")
                if not isinstance(trace, str) or not trace or MA.BAD_CHARS.search(trace):
                    raise E.InvalidParameterValue("The message system attribute 'AWSTraceHeader' with "
                                                  "type 'String' must use field 'String'.")
        for value, pname in ((group, "MessageGroupId"), (dedup, "MessageDeduplicationId")):
            if value is not None and not _FIFO_ID.fullmatch(value):
                raise E.InvalidParameterValue(
                    f"Value {value} for parameter {pname} is invalid. Reason: {pname} can only include "
                    "alphanumeric and punctuation characters. 1 to 128 in length.")
        # The X-Ray trace: the AWSTraceHeader system attribute, else the request's X-Amzn-Trace-Id
        # header (the attribute wins when both are there, AWS X-Ray developer guide).
        trace = system["AWSTraceHeader"]["StringValue"] if system else self.trace_header
        info = {"trace": trace} if trace else None     # extra metadata, kept only when there is some
        if q.fifo:
            if not group:
                raise E.MissingParameter.named("MessageGroupId")
            if dedup is None:
                if q.attributes["ContentBasedDeduplication"] != "true":
                    raise E.InvalidParameterValue("The queue should either have ContentBasedDeduplication "
                                                  "enabled or MessageDeduplicationId provided explicitly")
                dedup = hashlib.sha256(body.encode("utf-8")).hexdigest()
        elif dedup is not None:
            raise E.InvalidParameterValue(
                f"Value {dedup} for parameter MessageDeduplicationId is invalid. Reason: The request "
                "includes a parameter that is not valid for this queue type.")
        out = {"MD5OfMessageBody": md5_of_body(body)}
        if attrs:
            out["MD5OfMessageAttributes"] = md5_of_attributes(attrs)
        if system:
            out["MD5OfMessageSystemAttributes"] = md5_of_attributes(system)
        return body, delay, group, dedup, attrs, info, out

    @staticmethod
    def _store(q, checked, now):
        """Store a checked message (this cannot fail); return SendMessage's answer."""
        body, delay, group, dedup, attrs, info, out = checked
        if q.fifo:
            msg = q.send(body, now, group, dedup, attrs, info)
        else:
            msg = q.send(body, now, delay, group, attrs, info)
        out["MessageId"] = msg.message_id
        if q.fifo:
            out["SequenceNumber"] = msg.info["sequence_number"]
        return out

    # ------------------------------------------------------------------- receiving
    def receive_message(self, QueueUrl, AttributeNames=None, MessageSystemAttributeNames=None,
                        MessageAttributeNames=None, MaxNumberOfMessages=None, VisibilityTimeout=None,
                        WaitTimeSeconds=None, ReceiveRequestAttemptId=None):
        q = self.queue(QueueUrl)
        n = 1 if MaxNumberOfMessages is None else _int(MaxNumberOfMessages, "MaxNumberOfMessages")
        WaitTimeSeconds = _int(WaitTimeSeconds, "WaitTimeSeconds")
        VisibilityTimeout = _int(VisibilityTimeout, "VisibilityTimeout")
        if not 1 <= n <= L.MAX_RECEIVE:
            raise E.InvalidParameterValue(f"Value {n} for parameter MaxNumberOfMessages is invalid. "
                                          "Reason: Must be between 1 and 10, if provided.")
        wait = q.receive_wait if WaitTimeSeconds is None else WaitTimeSeconds
        if not 0 <= wait <= L.MAX_WAIT:
            raise E.InvalidParameterValue(f"Value {wait} for parameter WaitTimeSeconds is invalid. "
                                          "Reason: Must be >= 0 and <= 20, if provided.")
        VisibilityTimeout = _visibility_timeout(VisibilityTimeout)
        if q.redrive_arn:
            q.dlq = self._by_arn(q.redrive_arn)
        attempt = ReceiveRequestAttemptId if q.fifo else None
        if attempt is not None:
            if not _FIFO_ID.fullmatch(attempt):
                raise E.InvalidParameterValue(
                    f"Value {attempt} for parameter ReceiveRequestAttemptId is invalid. Reason: "
                    "ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. "
                    "1 to 128 in length.")
            again = self._retried_receive(q, attempt)
            if again is not None:
                return again
        msgs = q.poll(self.clock, n, VisibilityTimeout, wait)
        system = set(AttributeNames or []) | set(MessageSystemAttributeNames or [])
        if "All" in system:
            system = set(SYSTEM_ATTRIBUTES)
        wanted = list(MessageAttributeNames or [])
        out = {"Messages": [self._message_dict(q, m, system, wanted) for m in msgs]} if msgs else {}
        if attempt is not None and msgs:
            with q.lock:   # handles, not the answer: a deleted message's body is not kept
                q.attempts.put(attempt, ([m.receipt for m in msgs], system, wanted), self.clock.now())
        return out

    def _retried_receive(self, q, attempt):
        """FIFO: a receive retried with the same ReceiveRequestAttemptId within 5 minutes gets
        the same messages and receipt handles, as long as none was deleted or changed."""
        now = self.clock.now()
        with q.lock:
            hit = q.attempts.get(attempt, now)
            if hit is None:
                return None
            handles, system, wanted = hit
            msgs = [q.receipts.get(h) for h in handles]
            if not all(m is not None and m.receipt == h and m.status is INFLIGHT and m.visible_at > now
                       for m, h in zip(msgs, handles)):
                return None
        return {"Messages": [self._message_dict(q, m, system, wanted) for m in msgs]}

    def _message_dict(self, q, m, system, wanted):
        info = m.info or {}
        out = {"MessageId": m.message_id, "ReceiptHandle": m.receipt,
               "MD5OfBody": md5_of_body(m.body), "Body": m.body}
        if system:
            values = {"SenderId": self.account_id,
                      "SentTimestamp": _ms(m.sent_at),
                      "ApproximateReceiveCount": str(m.receive_count),
                      "ApproximateFirstReceiveTimestamp": _ms(m.first_received_at),
                      "SequenceNumber": info.get("sequence_number"),
                      "MessageDeduplicationId": info.get("dedup_id"),
                      "MessageGroupId": m.group_id,
                      "AWSTraceHeader": info.get("trace"),
                      "DeadLetterQueueSourceArn": info.get("dead_letter_source_arn")}
            attrs = {k: values[k] for k in SYSTEM_ATTRIBUTES if k in system and values[k] is not None}
            if attrs:
                out["Attributes"] = attrs
        if wanted and m.attributes:
            chosen = {k: v for k, v in m.attributes.items() if MA.wanted(k, wanted)}
            if chosen:
                out["MD5OfMessageAttributes"] = md5_of_attributes(chosen)
                out["MessageAttributes"] = {k: dict(v) for k, v in chosen.items()}
        return out

    # ------------------------------------------------------------- delete, visibility
    def delete_message(self, QueueUrl, ReceiptHandle):
        q = self.queue(QueueUrl)
        if not ReceiptHandle:
            raise E.MissingParameter.named("ReceiptHandle")
        q.delete(ReceiptHandle, self.clock.now())
        return {}

    def change_message_visibility(self, QueueUrl, ReceiptHandle, VisibilityTimeout):
        q = self.queue(QueueUrl)
        if not ReceiptHandle:
            raise E.MissingParameter.named("ReceiptHandle")
        if VisibilityTimeout is None:            # required here, unlike ReceiveMessage's
            raise E.MissingParameter.named("VisibilityTimeout")
        q.change_visibility(ReceiptHandle, self.clock.now(), _visibility_timeout(VisibilityTimeout))
        return {}

    # --------------------------------------------------------------------- batches
    def _check_batch(self, entries, kind):
        if not entries:
            raise E.EmptyBatchRequest(f"There should be at least one {kind}RequestEntry in the request.")
        if len(entries) > L.MAX_BATCH_ENTRIES:
            raise E.TooManyEntriesInBatchRequest(
                f"Maximum number of entries per request are {L.MAX_BATCH_ENTRIES}. You have sent {len(entries)}.")
        seen = set()
        for e in entries:
            if not _BATCH_ID.fullmatch(str(e.get("Id", ""))):
                raise E.InvalidBatchEntryId()
            if e["Id"] in seen:
                raise E.BatchEntryIdsNotDistinct(f"Id {e['Id']} repeated.")
            seen.add(e["Id"])

    def _batch(self, entries, kind, one):
        """Run ``one(entry)`` per entry: a failing entry fails alone (HTTP 200, ``Failed``)."""
        self._check_batch(entries, kind)
        ok, failed = [], []
        for e in entries:
            try:
                ok.append(dict({"Id": e["Id"]}, **(one(e) or {})))
            except E.SQSError as err:
                failed.append(_failed(e, err))
        return _batch_answer(ok, failed)

    def send_message_batch(self, QueueUrl, Entries):
        q = self.queue(QueueUrl)
        self._check_batch(Entries, "SendMessageBatch")
        total = sum(len(str(e.get("MessageBody") or "").encode("utf-8", "surrogatepass"))
                    + MA.size(e.get("MessageAttributes")) for e in Entries)
        if total > L.MAX_BATCH_SIZE:
            raise E.BatchRequestTooLong(f"Batch requests cannot be longer than {L.MAX_BATCH_SIZE} bytes. "
                                        f"You have sent {total} bytes.")
        if q.fifo:
            # On a FIFO queue an entry without a group (or a deduplication id the queue needs)
            # fails the whole batch, not just itself (AWS: LocalStack's
            # test_send_batch_missing_{message_group,deduplication}_id_for_fifo_queue).
            for e in Entries:
                if not e.get("MessageGroupId"):
                    raise E.InvalidParameterValue("The request must contain the parameter MessageGroupId.")
                if e.get("MessageDeduplicationId") is None and q.attributes["ContentBasedDeduplication"] != "true":
                    raise E.InvalidParameterValue("The queue should either have ContentBasedDeduplication "
                                                  "enabled or MessageDeduplicationId provided explicitly")
        checked, failed = {}, []
        for e in Entries:                        # check all, then store: see _checked
            try:
                checked[e["Id"]] = self._checked(q, e, in_batch=True)
            except E.SQSError as err:
                failed.append(_failed(e, err))
        now = self.clock.now()
        ok = [dict({"Id": i}, **self._store(q, c, now)) for i, c in checked.items()]
        return _batch_answer(ok, failed)

    def delete_message_batch(self, QueueUrl, Entries):
        q = self.queue(QueueUrl)
        now = self.clock.now()
        return self._batch(Entries, "DeleteMessageBatch",
                           lambda e: q.delete(e.get("ReceiptHandle", ""), now) and None)

    def change_message_visibility_batch(self, QueueUrl, Entries):
        q = self.queue(QueueUrl)
        return self._batch(Entries, "ChangeMessageVisibilityBatch", lambda e: self.change_message_visibility(
            q.url, e.get("ReceiptHandle"), e.get("VisibilityTimeout", 0)) and None)

    # ------------------------------------------------------------ dead-letter queues
    def list_dead_letter_source_queues(self, QueueUrl, NextToken=None, MaxResults=None):
        q = self.queue(QueueUrl)
        urls = sorted(s.url for s in list(self._queues.values()) if s.redrive_arn == q.arn)
        return {"queueUrls": urls}

    def _is_dead_letter_queue(self, arn):
        return any(s.redrive_arn == arn for s in list(self._queues.values()))

    def start_message_move_task(self, SourceArn, DestinationArn=None, MaxNumberOfMessagesPerSecond=None):
        """Redrive: move the messages of a dead-letter queue back, in the background
        (move_tasks.py)."""
        rate = _int(MaxNumberOfMessagesPerSecond, "MaxNumberOfMessagesPerSecond")
        return {"TaskHandle": self._moves.start(SourceArn, DestinationArn, rate, self._is_dead_letter_queue)}

    def list_message_move_tasks(self, SourceArn, MaxResults=None):
        n = _int(MaxResults, "MaxResults")
        if n is not None and not 1 <= n <= L.MAX_MOVE_TASKS:
            raise E.InvalidParameterValue(f"Value {n} for parameter MaxResults is invalid. "
                                          f"Reason: Must be between 1 and {L.MAX_MOVE_TASKS}.")
        return {"Results": self._moves.list(SourceArn, n or 1)}

    def cancel_message_move_task(self, TaskHandle):
        return {"ApproximateNumberOfMessagesMoved": self._moves.cancel(TaskHandle)}

    # ---------------------------------------------------------------- permissions
    def add_permission(self, QueueUrl, Label, AWSAccountIds, Actions):
        q = self.queue(QueueUrl)
        for name, values in (("AWSAccountIds", AWSAccountIds), ("Actions", Actions)):
            if not values:
                raise E.MissingParameter.named(name)
        for action in Actions:
            if action != "*" and action not in SQS_ACTIONS:
                raise E.InvalidParameterValue(
                    f"Value SQS:{action} for parameter ActionName is invalid. Reason: Please refer "
                    "to the appropriate WSDL for a list of valid actions. ")
        with q.lock:
            QA.add_permission(q, Label, AWSAccountIds, Actions)
        return {}

    def remove_permission(self, QueueUrl, Label):
        q = self.queue(QueueUrl)
        with q.lock:
            QA.remove_permission(q, Label)
        return {}


def _failed(entry, err):
    """A batch entry's failure, as SQS lists it."""
    return {"Id": entry["Id"], "SenderFault": True,
            "Code": err.query_code.replace("AWS.SimpleQueueService.", ""), "Message": err.message}


def _batch_answer(ok, failed):
    """No ``Failed`` key when none failed, as AWS answers (LocalStack's recording of
    test_send_message_batch_with_oversized_contents_with_updated_maximum_message_size)."""
    return {"Successful": ok, "Failed": failed} if failed else {"Successful": ok}


@functools.lru_cache(maxsize=None)
def _signature(action):
    """(method name, required parameters, allowed parameters) of an action, worked out once:
    reading a signature on every request was most of the endpoint's time per call."""
    name = re.sub(r"(?<!^)(?=[A-Z])", "_", action or "").lower()
    if name not in ACTIONS:
        raise E.InvalidAction(f"The action {action} is not valid for this endpoint.")
    params = inspect.signature(getattr(QueueService, name)).parameters
    required = tuple(p.name for p in params.values()
                     if p.name != "self" and p.default is inspect.Parameter.empty)
    return name, required, frozenset(params) - {"self"}
