"""QueueService: many queues and the SQS actions, shaped like a boto3 SQS client.

Method names are boto3's (``send_message``), keyword arguments are SQS's PascalCase names
(``QueueUrl=``, ``MessageBody=``) and the return values are the dicts boto3 returns (without
``ResponseMetadata``). So a learner's line runs unchanged against the toy and LocalStack.

This file holds the SQS *rules*: validation with SQS's error messages, queue attributes,
system attributes, MD5s, batches, dead-letter queues. The data structures live in queue.py.
Read ``send_message``, ``receive_message`` and ``delete_message`` first.
"""
import decimal
import functools
import hashlib
import inspect
import itertools
import json
import re
import threading

from . import errors as E
from . import limits as L
from .clock import RealClock
from .md5 import md5_of_attributes, md5_of_body
from .message import INFLIGHT
from .queue import FifoQueue, StandardQueue
from .realistic import Realism, RealisticQueue

ACTIONS = ["create_queue", "get_queue_url", "list_queues", "delete_queue", "get_queue_attributes",
           "set_queue_attributes", "tag_queue", "untag_queue", "list_queue_tags", "send_message",
           "send_message_batch", "receive_message", "delete_message", "delete_message_batch",
           "change_message_visibility", "change_message_visibility_batch", "purge_queue",
           "list_dead_letter_source_queues", "start_message_move_task", "list_message_move_tasks",
           "cancel_message_move_task", "add_permission", "remove_permission"]

# Queue attributes: defaults (as GetQueueAttributes shows them) and numeric bounds.
DEFAULTS = {"DelaySeconds": "0", "MaximumMessageSize": str(L.MAX_MESSAGE_SIZE),
            "MessageRetentionPeriod": str(L.DEFAULT_RETENTION), "ReceiveMessageWaitTimeSeconds": "0",
            "VisibilityTimeout": str(L.DEFAULT_VISIBILITY_TIMEOUT), "SqsManagedSseEnabled": "true"}
FIFO_DEFAULTS = {"FifoQueue": "true", "ContentBasedDeduplication": "false",
                 "DeduplicationScope": "queue", "FifoThroughputLimit": "perQueue"}
BOUNDS = {"DelaySeconds": (0, L.MAX_DELAY),
          "MaximumMessageSize": (L.MIN_MAXIMUM_MESSAGE_SIZE, L.MAX_MESSAGE_SIZE),
          "MessageRetentionPeriod": (L.MIN_RETENTION, L.MAX_RETENTION),
          "ReceiveMessageWaitTimeSeconds": (0, L.MAX_WAIT),
          "VisibilityTimeout": (0, L.MAX_VISIBILITY_TIMEOUT),
          "KmsDataKeyReusePeriodSeconds": (60, 86_400)}
CHOICES = {"SqsManagedSseEnabled": ("true", "false"), "FifoQueue": ("true", "false"),
           "ContentBasedDeduplication": ("true", "false"),
           "DeduplicationScope": ("queue", "messageGroup"),
           "FifoThroughputLimit": ("perQueue", "perMessageGroupId")}
SETTABLE = set(BOUNDS) | {"Policy", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId",
                          "SqsManagedSseEnabled"}
FIFO_ONLY = {"FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit"}
COMPUTED = ["QueueArn", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp"]
ALL_ATTRIBUTES = set(SETTABLE) | FIFO_ONLY | set(COMPUTED)

SYSTEM_ATTRIBUTES = ["SenderId", "SentTimestamp", "ApproximateReceiveCount",
                     "ApproximateFirstReceiveTimestamp", "SequenceNumber", "MessageDeduplicationId",
                     "MessageGroupId", "AWSTraceHeader", "DeadLetterQueueSourceArn"]

_NAME = re.compile(r"[A-Za-z0-9_-]{1,80}")
_BATCH_ID = re.compile(r"[A-Za-z0-9_-]{1,80}")
_FIFO_ID = re.compile(r"[!-~]{1,128}")                          # letters, digits, punctuation
_BAD_CHARS = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z0-9_.\-]+")


def _ms(t):
    return str(int(t * 1000))


@functools.lru_cache(maxsize=1024)
def _queue_name(url):
    """The last path segment of a QueueUrl: the queue's name. Every message action starts
    here, so each URL is split once, not on every call."""
    return url.rstrip("/").rsplit("/", 1)[-1]


_INTEGER = re.compile(r"-?[0-9]+")       # ASCII digits only: int() would also read "٣٠" as 30


def _int(value, name):
    """An integer parameter (the Query protocol sends them as text); None stays None."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()) and len(value) <= 4_000:
        return int(value)                   # (Python refuses int() of over 4,300 digits)
    raise E.InvalidParameterValue(f"Value {value} for parameter {name} is invalid. Reason: Must be an integer.")


def _in_range(text, lo, hi):
    """Is ``text`` a plain integer (ASCII digits) from lo to hi? No SQS bound has 20 digits,
    so a longer text is out of range without being converted."""
    return bool(_INTEGER.fullmatch(text)) and len(text) <= 20 and lo <= int(text) <= hi


_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,9})?")
_SMALLEST, _LARGEST = decimal.Decimal("1e-128"), decimal.Decimal("1e126")


def _is_number(text):
    """SQS's Number: decimal digits (an exponent allowed), up to 38 significant digits, zero
    or between 10^-128 and 10^+126. Not recorded against AWS: these are the Developer Guide's
    words (sqs-message-metadata). float() would also take nan, inf, 1e400 and 1_000."""
    if not _NUMBER.fullmatch(text):
        return False
    n = decimal.Decimal(text)
    digits = "".join(map(str, n.as_tuple().digits)).strip("0")   # (normalize() would round)
    return n.is_zero() or (len(digits) <= 38 and _SMALLEST <= abs(n) <= _LARGEST)


def _json_document(text):
    """A JSON attribute value (Policy, RedrivePolicy, ...); ValueError when it is not JSON,
    also when it is nested too deeply for Python's parser (a RecursionError, else a 500)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def _statements(policy):
    """A policy's statements as a list (a policy may give a single statement object)."""
    statements = policy.get("Statement")
    return statements if isinstance(statements, list) else [statements]


DEFAULT_BASE_URL = "http://127.0.0.1:9324"   # where `python -m toyqueue serve` listens by default


class QueueService:
    def __init__(self, clock=None, region="us-east-1", account_id="000000000000",
                 base_url=DEFAULT_BASE_URL, realistic=False, seed=None):
        self.clock = clock or RealClock()
        # realistic=True (or a dict of knobs, or a realistic.Realism): standard queues behave
        # like distributed SQS (realistic.py), seeded by `seed`. Default: the exact queue.
        self.realism, self.seed = Realism.of(realistic), seed
        self.region = region
        self.account_id = account_id
        self.base_url = base_url.rstrip("/")
        self._queues = {}              # name -> queue object
        self._deleted = {}             # name -> when it was deleted (the 60 s rule)
        self._tasks = {}               # move task handle -> task dict
        self._lock = threading.RLock()
        self._created = 0

    # ------------------------------------------------------------------ plumbing
    def dispatch(self, action, params):
        """Call an action by its SQS name ("SendMessage") with a dict of parameters."""
        name, required, allowed = _signature(action)
        params = dict(params or {})
        for p in required:
            if p not in params:
                raise E.MissingParameter(f"The request must contain the parameter {p}.")
        unknown = [k for k in params if k not in allowed]
        if unknown:
            raise E.InvalidParameterValue(f"Unknown parameter {unknown[0]} for action {action}.")
        return getattr(self, name)(**params)

    def queue(self, url_or_name):
        """The queue object behind a URL or name (for lessons, widgets and graders)."""
        if not url_or_name:
            raise E.MissingParameter("The request must contain the parameter QueueUrl.")
        q = self._queues.get(_queue_name(str(url_or_name)))
        if q is None:
            raise E.QueueDoesNotExist()
        return q

    def _by_arn(self, arn):
        parts = str(arn).split(":")
        q = self._queues.get(parts[-1]) if len(parts) == 6 and parts[2] == "sqs" else None
        return q if q is not None and q.arn == arn else None

    def url_of(self, name):
        return f"{self.base_url}/{self.account_id}/{name}"

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
        with self._lock:
            existing = self._queues.get(QueueName)
            if existing is not None:
                current = self._attribute_values(existing, ALL_ATTRIBUTES)
                for k, v in attrs.items():
                    if current.get(k, "").lower() != v.lower() if k in CHOICES else current.get(k) != v:
                        raise E.QueueNameExists("A queue already exists with the same name and a "
                                                f"different value for attribute {k}")
                return {"QueueUrl": existing.url}
            gone = self._deleted.get(QueueName)
            if gone is not None and now - gone < L.RECREATE_DELAY:
                raise E.QueueDeletedRecently()
            self._check_attributes(attrs, fifo, creating=True)
            self._created += 1
            token = hashlib.md5(f"{QueueName}|{now}|{self._created}".encode()).hexdigest()[:24]
            if self.realism and not fifo:
                q = RealisticQueue(QueueName, token=token, clock=self.clock, realism=self.realism,
                                   seed=self.seed)
            else:
                q = (FifoQueue if fifo else StandardQueue)(QueueName, token=token, clock=self.clock)
            q.url = self.url_of(QueueName)
            q.arn = f"arn:aws:sqs:{self.region}:{self.account_id}:{QueueName}"
            q.attributes = dict(DEFAULTS, **(FIFO_DEFAULTS if fifo else {}))
            q.tags = {}
            q.created_at = q.modified_at = now
            q.purged_at = None
            q.redrive_arn = None
            self._store_attributes(q, attrs)
            if tags:
                self._set_tags(q, tags)
            self._queues[QueueName] = q
        return {"QueueUrl": q.url}

    def get_queue_url(self, QueueName, QueueOwnerAWSAccountId=None):
        q = self._queues.get(QueueName)
        if q is None:
            raise E.QueueDoesNotExist()
        return {"QueueUrl": q.url}

    def list_queues(self, QueueNamePrefix=None, NextToken=None, MaxResults=None):
        MaxResults = _int(MaxResults, "MaxResults")
        if MaxResults is not None and not 1 <= MaxResults <= L.MAX_LIST_RESULTS:
            raise E.InvalidParameterValue(f"Value {MaxResults} for parameter MaxResults is invalid. "
                                          "Reason: MaxResults must be an integer between 1 and 1000.")
        names = sorted(n for n in self._queues if n.startswith(QueueNamePrefix or ""))
        if NextToken:
            names = [n for n in names if n > NextToken]
        limit = int(MaxResults) if MaxResults is not None else L.MAX_LIST_RESULTS
        out = {}
        if names[:limit]:
            out["QueueUrls"] = [self._queues[n].url for n in names[:limit]]
        if MaxResults is not None and len(names) > limit:
            out["NextToken"] = names[limit - 1]
        return out

    def delete_queue(self, QueueUrl):
        q = self.queue(QueueUrl)
        with self._lock:
            if self._queues.get(q.name) is q:
                del self._queues[q.name]
                now, deleted = self.clock.now(), self._deleted
                deleted.pop(q.name, None)            # kept in deletion order, oldest first
                deleted[q.name] = now
                for name in list(itertools.takewhile(
                        lambda n: now - deleted[n] >= L.RECREATE_DELAY, deleted)):
                    del deleted[name]                # its name is free again: forget it
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
            if n != "All" and n not in ALL_ATTRIBUTES:
                raise E.InvalidAttributeName(f"Unknown Attribute {n}.")
        values = self._attribute_values(q, ALL_ATTRIBUTES if "All" in names else set(names))
        return {"Attributes": values} if values else {}

    def set_queue_attributes(self, QueueUrl, Attributes):
        q = self.queue(QueueUrl)
        attrs = {k: str(v) for k, v in (Attributes or {}).items()}
        self._check_attributes(attrs, q.fifo, creating=False, queue=q)
        with q.lock:
            self._store_attributes(q, attrs)
            q.modified_at = self.clock.now()
        return {}

    def _attribute_values(self, q, names):
        counts = q.approximate_counts(self.clock.now())
        computed = {"QueueArn": q.arn,
                    "ApproximateNumberOfMessages": str(counts["visible"]),
                    "ApproximateNumberOfMessagesNotVisible": str(counts["inflight"]),
                    "ApproximateNumberOfMessagesDelayed": str(counts["delayed"]),
                    "CreatedTimestamp": str(int(q.created_at)),
                    "LastModifiedTimestamp": str(int(q.modified_at))}
        out = {}
        for n in COMPUTED + sorted(q.attributes):
            if n in names:
                out[n] = computed[n] if n in computed else q.attributes[n]
        return out

    def _check_attributes(self, attrs, fifo, creating, queue=None):
        """SQS's rules for queue attributes, with its error codes and messages."""
        for k, v in attrs.items():
            if k not in SETTABLE and k not in FIFO_ONLY:
                raise E.InvalidAttributeName(f"Unknown Attribute {k}.")
            if k in FIFO_ONLY and not fifo and not (k == "FifoQueue" and v.lower() == "false" and creating):
                if k in ("DeduplicationScope", "FifoThroughputLimit"):
                    raise E.InvalidAttributeName(f"You can specify the {k} only when FifoQueue is set to true.")
                raise E.InvalidAttributeName(f"Unknown Attribute {k}.")
            if k == "FifoQueue" and not creating:
                raise E.InvalidAttributeValue(
                    "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.")
            if k in BOUNDS:
                lo, hi = BOUNDS[k]
                if not _in_range(v, lo, hi):
                    raise E.InvalidAttributeValue(f"Invalid value for the parameter {k}.")
            if k in CHOICES and (v.lower() if k in ("SqsManagedSseEnabled", "FifoQueue", "ContentBasedDeduplication") else v) not in CHOICES[k]:
                raise E.InvalidAttributeValue(f"Invalid value for the parameter {k}.")
            if k == "Policy" and v:
                # SQS takes a policy document only: an object with one statement object or a
                # non-empty list of them (it refuses the list emptied of its last statement).
                try:
                    policy = _json_document(v)
                except ValueError:
                    policy = None
                if not (isinstance(policy, dict) and "Statement" in policy
                        and _statements(policy) and all(isinstance(x, dict) for x in _statements(policy))):
                    raise E.InvalidAttributeValue("Invalid value for the parameter Policy.")
        if attrs.get("RedrivePolicy"):
            self._check_redrive(attrs["RedrivePolicy"], fifo, queue)
        if attrs.get("RedriveAllowPolicy"):
            self._check_redrive_allow(attrs["RedriveAllowPolicy"])

    def _check_redrive(self, text, fifo, source):
        def bad(reason):
            return E.InvalidParameterValue(f"Value {text} for parameter RedrivePolicy is invalid. Reason: {reason}")
        try:
            policy = _json_document(text)
        except ValueError:
            raise bad("Redrive policy is not a valid JSON map.") from None
        if not isinstance(policy, dict):
            raise bad("Redrive policy is not a valid JSON map.")
        for field in ("deadLetterTargetArn", "maxReceiveCount"):
            if field not in policy:
                raise bad(f"Redrive policy does not contain mandatory attribute: {field}.")
        count = policy["maxReceiveCount"]
        if isinstance(count, bool) or not _in_range(str(count), L.MIN_MAX_RECEIVE_COUNT, L.MAX_MAX_RECEIVE_COUNT):
            raise bad(f"Invalid value for maxReceiveCount: {count}, valid values are from 1 to 1000 both inclusive.")
        dlq = self._by_arn(policy["deadLetterTargetArn"])
        if dlq is None:
            raise bad("Dead letter target does not exist.")
        if dlq.fifo != fifo:
            raise bad("Dead-letter queue must be same type of queue as the source..")
        allow = json.loads(dlq.attributes.get("RedriveAllowPolicy") or '{"redrivePermission": "allowAll"}')
        permission = allow.get("redrivePermission")
        if source is not None and (permission == "denyAll" or (
                permission == "byQueue" and source.arn not in allow.get("sourceQueueArns", []))):
            raise bad(f"Queue {dlq.arn} does not allow this queue to use it as a dead-letter queue.")

    def _check_redrive_allow(self, text):
        def bad(reason):
            return E.InvalidParameterValue(
                f"Value {text} for parameter RedriveAllowPolicy is invalid. Reason: {reason}")
        try:
            policy = _json_document(text)
        except ValueError:
            raise bad("Amazon SQS can't parse the RedriveAllowPolicy value.") from None
        permission = policy.get("redrivePermission") if isinstance(policy, dict) else None
        if permission not in ("allowAll", "denyAll", "byQueue"):
            raise bad("redrivePermission must be one of allowAll, denyAll, byQueue.")
        arns = policy.get("sourceQueueArns")
        if permission == "byQueue" and not (isinstance(arns, list) and 1 <= len(arns) <= 10):
            raise bad("sourceQueueArns must contain 1 to 10 queue ARNs when redrivePermission is byQueue.")
        if permission != "byQueue" and arns:
            raise bad("sourceQueueArns is allowed only when redrivePermission is byQueue.")

    def _store_attributes(self, q, attrs):
        """Keep the attribute strings and hand the numbers the queue needs to the queue."""
        for k, v in attrs.items():
            if k in ("RedrivePolicy", "Policy", "KmsMasterKeyId", "RedriveAllowPolicy") and v == "":
                q.attributes.pop(k, None)
            else:
                q.attributes[k] = v.lower() if k in ("SqsManagedSseEnabled", "FifoQueue", "ContentBasedDeduplication") else v
        a = q.attributes
        if attrs.get("KmsMasterKeyId"):                  # SSE-KMS replaces SSE-SQS
            a["SqsManagedSseEnabled"] = "false"
            a.setdefault("KmsDataKeyReusePeriodSeconds", "300")
        elif attrs.get("SqsManagedSseEnabled", "").lower() == "true" or attrs.get("KmsMasterKeyId") == "":
            a.pop("KmsMasterKeyId", None)
            a.pop("KmsDataKeyReusePeriodSeconds", None)
        q.visibility_timeout = int(a["VisibilityTimeout"])
        q.delay = int(a["DelaySeconds"])
        q.retention = int(a["MessageRetentionPeriod"])
        q.max_message_size = int(a["MaximumMessageSize"])
        q.receive_wait = int(a["ReceiveMessageWaitTimeSeconds"])
        if "RedrivePolicy" in a:
            policy = json.loads(a["RedrivePolicy"])
            q.redrive_arn, q.max_receives = policy["deadLetterTargetArn"], int(policy["maxReceiveCount"])
        else:
            q.redrive_arn, q.max_receives, q.dlq = None, 0, None
        if q.fifo:
            q.dedup_by_group = a["DeduplicationScope"] == "messageGroup"

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
        return self._send(q, entry, self.clock.now())

    def _send(self, q, entry, now):
        return self._store(q, self._checked(q, entry), now)

    def _checked(self, q, entry):
        """Check one message to send and work out its answer; raise its SQS error. Everything
        that can fail happens here, before anything is stored: a batch whose second entry
        fails unexpectedly has not stored the first (a retried 500 would duplicate it)."""
        body = entry.get("MessageBody")
        delay = _int(entry.get("DelaySeconds"), "DelaySeconds")
        attrs = entry.get("MessageAttributes") or None
        system = entry.get("MessageSystemAttributes") or None
        group, dedup = entry.get("MessageGroupId"), entry.get("MessageDeduplicationId")
        if body is None or body == "":
            raise E.MissingParameter("The request must contain the parameter MessageBody.")
        if delay is not None:
            if not 0 <= delay <= L.MAX_DELAY:
                raise E.InvalidParameterValue(f"Value {delay} for parameter DelaySeconds is invalid. "
                                              "Reason: DelaySeconds must be >= 0 and <= 900.")
            if q.fifo and delay != 0:
                raise E.InvalidParameterValue(
                    f"Value {delay} for parameter DelaySeconds is invalid. Reason: The request include "
                    "parameter that is not valid for this queue type.")
        # Printable characters are all allowed, so most bodies skip the (slower) full check.
        if not body.isprintable() and _BAD_CHARS.search(body):
            raise E.InvalidMessageContents()
        size = len(body.encode("utf-8")) + self._check_message_attributes(attrs)
        if size > q.max_message_size:
            raise E.InvalidParameterValue("One or more parameters are invalid. Reason: Message must "
                                          f"be shorter than {q.max_message_size} bytes.")
        if system:
            for k, v in system.items():
                if k != "AWSTraceHeader":
                    raise E.InvalidParameterValue(f"Message system attribute name '{k}' is invalid.")
                if not isinstance(v, dict) or v.get("DataType") != "String":
                    raise E.InvalidParameterValue(
                        "The message system attribute AWSTraceHeader must be of type String.")
                trace = v.get("StringValue")
                if not isinstance(trace, str) or not trace or _BAD_CHARS.search(trace):
                    raise E.InvalidParameterValue("The message system attribute 'AWSTraceHeader' with "
                                                  "type 'String' must use field 'String'.")
        for value, pname in ((group, "MessageGroupId"), (dedup, "MessageDeduplicationId")):
            if value is not None and not _FIFO_ID.fullmatch(value):
                raise E.InvalidParameterValue(
                    f"Value {value} for parameter {pname} is invalid. Reason: {pname} can only include "
                    "alphanumeric and punctuation characters. 1 to 128 in length.")
        info = None                              # extra metadata, kept only when there is some
        if system:
            info = {"trace": system["AWSTraceHeader"]["StringValue"]}
        if q.fifo:
            if not group:
                raise E.MissingParameter("The request must contain the parameter MessageGroupId.")
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

    def _check_message_attributes(self, attrs):
        """Validate MessageAttributes; return the bytes they add to the message size."""
        if not attrs:
            return 0
        if len(attrs) > L.MAX_MESSAGE_ATTRIBUTES:
            raise E.InvalidParameterValue(f"Number of message attributes [{len(attrs)}] exceeds the "
                                          f"allowed maximum [{L.MAX_MESSAGE_ATTRIBUTES}].")
        size = 0
        for name, attr in attrs.items():
            if not isinstance(attr, dict):          # a Query attribute with a name and no value
                attr = {}
            if len(name) > L.MAX_ATTRIBUTE_NAME:
                raise E.InvalidParameterValue("Message (user) attribute names must be shorter than 256 Bytes")
            if not _ATTRIBUTE_NAME.fullmatch(name):
                raise E.InvalidParameterValue("Message (user) attributes name can only contain upper and "
                                              "lower score characters, digits, periods, hyphens and underscores. ")
            if name.lower().startswith(("aws.", "amazon.")) or name.startswith(".") or name.endswith(".") or ".." in name:
                raise E.InvalidParameterValue(
                    "You can't use message attribute names beginning with 'AWS.' or 'Amazon.'. These "
                    "strings are reserved for internal use. Additionally, they cannot start or end with '.'.")
            dtype = attr.get("DataType")
            if not dtype:
                raise E.InvalidParameterValue(f"The message attribute '{name}' must contain non-empty "
                                              "message attribute type.")
            # Not recorded against AWS; the Developer Guide (sqs-message-metadata) says a type
            # is up to 256 characters, with the characters a body may have (spaces included).
            if len(dtype) > L.MAX_ATTRIBUTE_TYPE:
                raise E.InvalidParameterValue("Message (user) attribute types must be shorter than 256 Bytes")
            if _BAD_CHARS.search(dtype):
                raise E.InvalidParameterValue(E.InvalidMessageContents.default_message)
            base = dtype.split(".", 1)[0]
            if base not in ("String", "Number", "Binary"):
                raise E.InvalidParameterValue(f"The type of message (user) attribute '{name}' is invalid. "
                                              "You must use only the following supported type prefixes: "
                                              "Binary, Number, String.")
            if base == "Binary":
                value = attr.get("BinaryValue")
                if not value:
                    raise E.InvalidParameterValue(f"The message attribute '{name}' with type 'Binary' must "
                                                  "use field 'Binary'.")
                vsize = len(value)
            else:
                value = attr.get("StringValue")
                if value is None or value == "":
                    raise E.InvalidParameterValue(f"The message attribute '{name}' with type '{base}' must "
                                                  "use field 'String'.")
                if _BAD_CHARS.search(value):
                    raise E.InvalidParameterValue(E.InvalidMessageContents.default_message)
                if base == "Number" and not _is_number(value):
                    raise E.InvalidParameterValue(f"Can't cast the value of message (user) attribute "
                                                  f"'{name}' to a number.")
                vsize = len(value.encode("utf-8"))
            size += len(name.encode("utf-8")) + len(dtype.encode("utf-8")) + vsize
        return size

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
        if VisibilityTimeout is not None and not 0 <= VisibilityTimeout <= L.MAX_VISIBILITY_TIMEOUT:
            raise E.InvalidParameterValue(f"Value {VisibilityTimeout} for parameter VisibilityTimeout is "
                                          "invalid. Reason: Must be >= 0 and <= 43200, if provided.")
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
            if not all(m is not None and m.status is INFLIGHT and m.visible_at > now for m in msgs):
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
            chosen = {k: v for k, v in m.attributes.items() if _attribute_wanted(k, wanted)}
            if chosen:
                out["MD5OfMessageAttributes"] = md5_of_attributes(chosen)
                out["MessageAttributes"] = {k: dict(v) for k, v in chosen.items()}
        return out

    # ------------------------------------------------------------- delete, visibility
    def delete_message(self, QueueUrl, ReceiptHandle):
        q = self.queue(QueueUrl)
        if not ReceiptHandle:
            raise E.MissingParameter("The request must contain the parameter ReceiptHandle.")
        q.delete(ReceiptHandle, self.clock.now())
        return {}

    def change_message_visibility(self, QueueUrl, ReceiptHandle, VisibilityTimeout):
        q = self.queue(QueueUrl)
        if not ReceiptHandle:
            raise E.MissingParameter("The request must contain the parameter ReceiptHandle.")
        VisibilityTimeout = _int(VisibilityTimeout, "VisibilityTimeout")
        if not 0 <= VisibilityTimeout <= L.MAX_VISIBILITY_TIMEOUT:
            raise E.InvalidParameterValue(f"Value {VisibilityTimeout} for parameter VisibilityTimeout is "
                                          "invalid. Reason: Must be >= 0 and <= 43200, if provided.")
        q.change_visibility(ReceiptHandle, self.clock.now(), VisibilityTimeout)
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
        return {"Successful": ok, "Failed": failed}

    def send_message_batch(self, QueueUrl, Entries):
        q = self.queue(QueueUrl)
        self._check_batch(Entries, "SendMessageBatch")
        total = sum(len(str(e.get("MessageBody") or "").encode("utf-8", "surrogatepass"))
                    + _attributes_size(e.get("MessageAttributes")) for e in Entries)
        if total > L.MAX_BATCH_SIZE:
            raise E.BatchRequestTooLong(f"Batch requests cannot be longer than {L.MAX_BATCH_SIZE} bytes. "
                                        f"You have sent {total} bytes.")
        checked, failed = {}, []
        for e in Entries:                        # check all, then store: see _checked
            try:
                checked[e["Id"]] = self._checked(q, e)
            except E.SQSError as err:
                failed.append(_failed(e, err))
        now = self.clock.now()
        ok = [dict({"Id": i}, **self._store(q, c, now)) for i, c in checked.items()]
        return {"Successful": ok, "Failed": failed}

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

    def start_message_move_task(self, SourceArn, DestinationArn=None, MaxNumberOfMessagesPerSecond=None):
        """Redrive: move the messages of a dead-letter queue back (the toy moves them at once)."""
        source = self._by_arn(SourceArn)
        if source is None:
            raise E.ResourceNotFoundException(
                "The resource that you specified for the SourceArn parameter doesn't exist.")
        if not any(s.redrive_arn == SourceArn for s in list(self._queues.values())):
            raise E.InvalidParameterValue("Source queue must be configured as a Dead Letter Queue.")
        target = None
        if DestinationArn:
            target = self._by_arn(DestinationArn)
            if target is None:
                raise E.ResourceNotFoundException(
                    "The resource that you specified for the DestinationArn parameter doesn't exist.")
        now = self.clock.now()
        moved = source.take_visible(now)
        for msg in moved:
            dest = target or self._by_arn((msg.info or {}).get("dead_letter_source_arn")) or source
            info = dict(msg.info or {})
            info.pop("dead_letter_source_arn", None)
            msg.info = info
            dest.accept([msg], now, None, fresh=True)
        self._created += 1
        handle = hashlib.md5(f"task|{SourceArn}|{now}|{self._created}".encode()).hexdigest()
        task = {"Status": "COMPLETED", "SourceArn": SourceArn,
                "ApproximateNumberOfMessagesMoved": len(moved),
                "ApproximateNumberOfMessagesToMove": len(moved), "StartedTimestamp": int(now * 1000)}
        if DestinationArn:
            task["DestinationArn"] = DestinationArn
        if MaxNumberOfMessagesPerSecond is not None:
            task["MaxNumberOfMessagesPerSecond"] = MaxNumberOfMessagesPerSecond
        self._tasks[handle] = task
        mine = [h for h, t in self._tasks.items() if t["SourceArn"] == SourceArn]
        for h in mine[:-L.MAX_MOVE_TASKS]:       # ListMessageMoveTasks shows the 10 most recent
            del self._tasks[h]
        return {"TaskHandle": handle}

    def list_message_move_tasks(self, SourceArn, MaxResults=None):
        if self._by_arn(SourceArn) is None:
            raise E.ResourceNotFoundException(
                "The resource that you specified for the SourceArn parameter doesn't exist.")
        tasks = [dict(t) for t in reversed(list(self._tasks.values())) if t["SourceArn"] == SourceArn]
        return {"Results": tasks[:_int(MaxResults, "MaxResults") or 1]}

    def cancel_message_move_task(self, TaskHandle):
        task = self._tasks.get(TaskHandle)
        if task is None:
            raise E.ResourceNotFoundException("Task does not exist.")
        raise E.UnsupportedOperation("Only a running task can be cancelled; this task has completed.")

    # ---------------------------------------------------------------- permissions
    def add_permission(self, QueueUrl, Label, AWSAccountIds, Actions):
        q = self.queue(QueueUrl)
        policy = json.loads(q.attributes.get("Policy") or '{"Version": "2012-10-17", "Statement": []}')
        policy["Statement"] = _statements(policy)
        if any(s.get("Sid") == Label for s in policy["Statement"]):
            raise E.InvalidParameterValue(f"Value {Label} for parameter Label is invalid. Reason: Already exists.")
        policy["Statement"].append({
            "Sid": Label, "Effect": "Allow",
            "Principal": {"AWS": [f"arn:aws:iam::{a}:root" for a in AWSAccountIds]},
            "Action": [f"SQS:{a}" for a in Actions], "Resource": q.arn})
        q.attributes["Policy"] = json.dumps(policy)
        return {}

    def remove_permission(self, QueueUrl, Label):
        q = self.queue(QueueUrl)
        policy = json.loads(q.attributes.get("Policy") or '{"Statement": []}')
        policy["Statement"] = _statements(policy)
        if not any(s.get("Sid") == Label for s in policy["Statement"]):
            raise E.InvalidParameterValue(f"Value {Label} for parameter Label is invalid. Reason: can't find label.")
        policy["Statement"] = [s for s in policy["Statement"] if s.get("Sid") != Label]
        if policy["Statement"]:
            q.attributes["Policy"] = json.dumps(policy)
        else:                                # no statement left: no policy (as SQS records)
            q.attributes.pop("Policy", None)
        return {}


def _failed(entry, err):
    """A batch entry's failure, as SQS lists it."""
    return {"Id": entry["Id"], "SenderFault": True,
            "Code": err.query_code.replace("AWS.SimpleQueueService.", ""), "Message": err.message}


def _attribute_wanted(name, wanted):
    for w in wanted:
        if w in ("All", ".*") or w == name or (w.endswith(".*") and name.startswith(w[:-1])):
            return True
    return False


def _attributes_size(attrs):
    size = 0
    for name, a in (attrs or {}).items():
        value = a.get("StringValue") if a.get("StringValue") is not None else a.get("BinaryValue") or b""
        size += len(name.encode("utf-8", "surrogatepass")) + len(str(a.get("DataType", "")).encode()) + \
            len(value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value)
    return size


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
