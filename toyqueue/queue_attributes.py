"""Queue attributes: their defaults, SQS's rules for setting them, and the access policy that
AddPermission and RemovePermission edit.

A queue keeps its attributes as the strings GetQueueAttributes shows; ``store`` also hands the
numbers the data structure needs (visibility timeout, delay, retention, ...) to the queue.
Error codes and messages are SQS's, as recorded against AWS in LocalStack's tests.
"""
import json
import re

from . import errors as E
from . import limits as L

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
BOOLEANS = ("SqsManagedSseEnabled", "FifoQueue", "ContentBasedDeduplication")
SETTABLE = set(BOUNDS) | {"Policy", "RedrivePolicy", "RedriveAllowPolicy", "KmsMasterKeyId",
                          "SqsManagedSseEnabled"}
FIFO_ONLY = {"FifoQueue", "ContentBasedDeduplication", "DeduplicationScope", "FifoThroughputLimit"}
COMPUTED = ["QueueArn", "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
            "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp", "LastModifiedTimestamp"]
ALL_ATTRIBUTES = set(SETTABLE) | FIFO_ONLY | set(COMPUTED)

_INTEGER = re.compile(r"-?[0-9]+")       # ASCII digits only: int() would also read "٣٠" as 30


def _in_range(text, lo, hi):
    """Is ``text`` a plain integer (ASCII digits) from lo to hi? No SQS bound has 20 digits,
    so a longer text is out of range without being converted."""
    return bool(_INTEGER.fullmatch(text)) and len(text) <= 20 and lo <= int(text) <= hi


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


def values(q, names, now):
    """The attributes named in ``names`` as GetQueueAttributes shows them."""
    counts = q.approximate_counts(now)
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


def same(current, attrs):
    """The first attribute in ``attrs`` whose value differs from ``current`` (CreateQueue on an
    existing name), or None."""
    for k, v in attrs.items():
        if current.get(k, "").lower() != v.lower() if k in CHOICES else current.get(k) != v:
            return k
    return None


def check(attrs, fifo, creating, queue=None, by_arn=None):
    """SQS's rules for queue attributes, with its error codes and messages.

    FIFO-only attributes on a standard queue are unknown there, FifoQueue=false included
    (AWS: test_create_standard_queue_with_fifo_attribute_raises_error); setting FifoQueue=true
    again on a FIFO queue is allowed, false is not (test_set_unsupported_attribute_fifo).
    """
    for k, v in attrs.items():
        if k not in SETTABLE and k not in FIFO_ONLY:
            raise E.InvalidAttributeName(f"Unknown Attribute {k}.")
        if k in FIFO_ONLY and not fifo:
            if k in ("DeduplicationScope", "FifoThroughputLimit"):
                raise E.InvalidAttributeName(f"You can specify the {k} only when FifoQueue is set to true.")
            raise E.InvalidAttributeName(f"Unknown Attribute {k}.")
        if k == "FifoQueue" and not creating and v.lower() != "true":
            raise E.InvalidAttributeValue(
                "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.")
        if k in BOUNDS:
            lo, hi = BOUNDS[k]
            if not _in_range(v, lo, hi):
                raise E.InvalidAttributeValue(f"Invalid value for the parameter {k}.")
        if k in CHOICES and (v.lower() if k in BOOLEANS else v) not in CHOICES[k]:
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
        _check_redrive(attrs["RedrivePolicy"], fifo, queue, by_arn)
    if attrs.get("RedriveAllowPolicy"):
        _check_redrive_allow(attrs["RedriveAllowPolicy"])


def _check_redrive(text, fifo, source, by_arn):
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
    dlq = by_arn(policy["deadLetterTargetArn"])
    if dlq is None:
        raise bad("Dead letter target does not exist.")
    if dlq.fifo != fifo:
        raise bad("Dead-letter queue must be same type of queue as the source..")
    allow = json.loads(dlq.attributes.get("RedriveAllowPolicy") or '{"redrivePermission": "allowAll"}')
    permission = allow.get("redrivePermission")
    if source is not None and (permission == "denyAll" or (
            permission == "byQueue" and source.arn not in allow.get("sourceQueueArns", []))):
        raise bad(f"Queue {dlq.arn} does not allow this queue to use it as a dead-letter queue.")


def _check_redrive_allow(text):
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


def store(q, attrs, creating):
    """Keep the attribute strings and hand the numbers the queue needs to the queue.

    DeduplicationScope is read once, when the queue is created: AWS kept deduplicating
    across groups after it was changed to messageGroup (LocalStack's recording of
    test_fifo_change_to_high_throughput_after_creation); the attribute itself does change.
    """
    for k, v in attrs.items():
        if k in ("RedrivePolicy", "Policy", "KmsMasterKeyId", "RedriveAllowPolicy") and v == "":
            q.attributes.pop(k, None)
        else:
            q.attributes[k] = v.lower() if k in BOOLEANS else v
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
    if q.fifo and creating:
        q.dedup_by_group = a["DeduplicationScope"] == "messageGroup"


# ------------------------------------------------------------------ AddPermission's policy

def add_permission(q, label, account_ids, actions):
    """Add a statement to the queue's Policy in the shape AWS writes it (Version 2008-10-17,
    an Id, a single principal or action as a string, several as a list), as recorded in
    LocalStack's test_sqs_permission_lifecycle."""
    policy = json.loads(q.attributes.get("Policy") or "{}") or {
        "Version": "2008-10-17", "Id": f"{q.arn}/SQSDefaultPolicy", "Statement": []}
    statements = policy["Statement"] = _statements(policy) if "Statement" in policy else []
    if any(s.get("Sid") == label for s in statements):
        raise E.InvalidParameterValue(f"Value {label} for parameter Label is invalid. Reason: Already exists.")
    principals = [f"arn:aws:iam::{a}:root" for a in account_ids]
    names = [f"SQS:{a}" for a in actions]
    statements.append({"Sid": label, "Effect": "Allow",
                       "Principal": {"AWS": principals if len(principals) > 1 else principals[0]},
                       "Action": names if len(names) > 1 else names[0], "Resource": q.arn})
    q.attributes["Policy"] = json.dumps(policy)


def remove_permission(q, label):
    """Remove a statement by its label; the Policy attribute goes once no statement is left."""
    policy = json.loads(q.attributes.get("Policy") or "{}")
    statements = _statements(policy) if "Statement" in policy else []
    if not any(s.get("Sid") == label for s in statements):
        raise E.InvalidParameterValue(f"Value {label} for parameter Label is invalid. Reason: can't find label.")
    policy["Statement"] = [s for s in statements if s.get("Sid") != label]
    if policy["Statement"]:
        q.attributes["Policy"] = json.dumps(policy)
    else:
        q.attributes.pop("Policy", None)
