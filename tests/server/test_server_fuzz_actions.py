"""Every action, both protocols, built from the SQS service model: never a 5xx.

Each request starts as a well-formed call of the action (every member from botocore's input
shape that a working client would send) and then hypothesis breaks it in one to three places:
a member replaced by an odd value (a number out of range or of thousands of digits, a name
that breaks a rule, a junk JSON document, a forged receipt handle, any text), left out, or
added to a map or a list; in JSON, sometimes given a value of the wrong type. Query requests
are serialized by botocore itself, from SQS's Query-protocol model. Whatever comes in, the
answer is a 200 or a 4xx with an SQS error body. The service runs on a VirtualClock, so a
generated long poll costs no real time.

TOYQUEUE_FUZZ_EXAMPLES sets the examples per action and protocol (benchmarks/fuzz.py: many).
"""

import base64
import copy
import json
import os
from pathlib import Path
from urllib.parse import urlencode

import localstack
import pytest
from botocore.model import ServiceModel
from botocore.serialize import create_serializer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toyqueue import server
from toyqueue.clock import VirtualClock
from toyqueue.service import QueueService

EXAMPLES = int(os.environ.get("TOYQUEUE_FUZZ_EXAMPLES", "25"))
QUERY_MODEL = ServiceModel(json.loads(
    (Path(list(localstack.__path__)[0]) / "aws" / "data" / "sqs-query" / "2012-11-05"
     / "service-2.json").read_text()), "sqs")
QUERY = create_serializer("query", include_validation=False)

HUGE = "9" * 5_000                          # Python refuses int() of over 4,300 digits
ARN = "arn:aws:sqs:us-east-1:000000000000:"
NUMBERS = ["0", "-1", "21", "43201", "1e400", "nan", "1_000", "٣٠", " 5", HUGE, "-" + HUGE]
DOCUMENTS = ["{}", "[]", "1", '"s"', '{"Statement": []}', '{"Statement": {"Sid": "s"}}',
             "[" * 5_000 + "]" * 5_000,
             json.dumps({"deadLetterTargetArn": ARN + "dead", "maxReceiveCount": HUGE}),
             json.dumps({"deadLetterTargetArn": ARN + "dead", "maxReceiveCount": "٣"}),
             json.dumps({"deadLetterTargetArn": [1], "maxReceiveCount": True}),
             json.dumps({"redrivePermission": "byQueue", "sourceQueueArns": 5}),
             json.dumps({"redrivePermission": "byQueue", "sourceQueueArns": [ARN + "plain"]})]
QUEUE_ATTRIBUTES = ["VisibilityTimeout", "DelaySeconds", "MaximumMessageSize",
                    "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "Policy",
                    "RedrivePolicy", "RedriveAllowPolicy", "FifoQueue", "ContentBasedDeduplication",
                    "DeduplicationScope", "FifoThroughputLimit", "KmsMasterKeyId",
                    "KmsDataKeyReusePeriodSeconds", "SqsManagedSseEnabled", "QueueArn", "Bogus"]
BOUNDED = {"VisibilityTimeout", "DelaySeconds", "MaximumMessageSize", "MessageRetentionPeriod",
           "ReceiveMessageWaitTimeSeconds", "KmsDataKeyReusePeriodSeconds"}
NAMES = ["All", "SequenceNumber", "AWSTraceHeader", "SenderId", ".*", "a.*", "", "AWS.x",
         "a..b", "x" * 300] + QUEUE_ATTRIBUTES
TYPES = ["String", "Number", "Binary", "Number.n", "String.with space", "String." + "x" * 300,
         "Bogus", "", "String.\x00"]
INTEGERS = [0, -1, 11, 21, 901, 43_201, 2**31, -2**63, 10**30]


@pytest.fixture(scope="module")
def world(raw_for):
    """An endpoint on a VirtualClock with a standard and a FIFO queue, a dead-letter pair,
    and a real receipt handle to forge others from."""
    svc = QueueService(clock=VirtualClock())
    ep = server.start(service=svc)
    urls = {n: svc.create_queue(QueueName=n, Attributes=a)["QueueUrl"] for n, a in [
        ("plain", {}), ("ordered.fifo", {"FifoQueue": "true"}), ("dead", {})]}
    svc.set_queue_attributes(QueueUrl=urls["plain"], Attributes={"RedrivePolicy": json.dumps(
        {"deadLetterTargetArn": ARN + "dead", "maxReceiveCount": "2"})})
    svc.send_message(QueueUrl=urls["plain"], MessageBody="m")
    handle = svc.receive_message(QueueUrl=urls["plain"])["Messages"][0]["ReceiptHandle"]
    yield ep, raw_for(ep.url), Values(urls, handle)
    ep.stop()


class Values:
    """What a working client sends for a member (``good``), and what breaks it (``odd``),
    by the member's name; map keys by the map's shape."""

    def __init__(self, urls, handle):
        self.good = {
            "QueueUrl": urls["plain"], "ReceiptHandle": handle, "QueueName": "new",
            "SourceArn": ARN + "dead", "DestinationArn": ARN + "plain", "MessageBody": "m",
            "Id": "a", "Label": "l", "AWSAccountIds": ["111111111111"],
            "Actions": ["SendMessage"], "TagKeys": ["k"], "Tags": {"k": "v"}, "TaskHandle": "x",
            "DataType": "String", "StringValue": "v", "VisibilityTimeout": 5,
            "Attributes": {"DelaySeconds": "0"}, "AttributeNames": ["All"],
        }
        forged = [handle + "0", handle[:-1] + "²", handle[:-1] + "٣", handle[:-1] + HUGE, "AQEB"]
        self.odd = {
            "QueueUrl": list(urls.values()) + [urls["plain"] + "x", "http://h/1/2/3/", ""],
            "ReceiptHandle": forged + [""],
            "QueueName": ["x" * 81, "bad name!", "dead", "plain", "a.fifo", ""],
            "SourceArn": [ARN + "plain", ARN + "nothing", "arn:aws:sqs", ""],
            "DestinationArn": [ARN + "nothing", "arn:aws:sqs", ""],
            "DataType": TYPES, "StringValue": NUMBERS + ["\x00", "", "\ud800"],
            "MessageBody": ["\x00", "\ud800", "", "x" * 1_100_000],
            "MessageGroupId": ["g", "", "x" * 200, "\x00"],
            "MessageDeduplicationId": ["d", "", "x" * 200], "Id": ["a", "", "x" * 81, "a b"],
            "ReceiveRequestAttemptId": ["r", "", "x" * 200], "value": NUMBERS + DOCUMENTS,
            "item": NAMES, "string": NUMBERS + DOCUMENTS + NAMES,
        }
        self.keys = {
            "QueueAttributeMap": QUEUE_ATTRIBUTES + NAMES,
            "MessageBodyAttributeMap": ["a", "b.c", "AWS.x", ".a", "a..b", "x" * 300, ""],
            "MessageBodySystemAttributeMap": ["AWSTraceHeader", "SenderId", ""],
            "TagMap": ["k", "", "x" * 200],
        }

    def baseline(self, shape, name=None):
        """A value a working client sends: required members, filled in."""
        if name in self.good:
            return copy.deepcopy(self.good[name])
        t = shape.type_name
        if t == "structure":
            return {n: self.baseline(m, n) for n, m in shape.members.items()
                    if n in shape.required_members}
        if t == "list":
            return [self.baseline(shape.member)]
        if t == "map":
            return {}
        if t in ("integer", "long"):
            return 1
        return "x"

    def odd_value(self, shape, name):
        """A strategy for a value that may break a rule."""
        t = shape.type_name
        if t == "structure":
            return st.fixed_dictionaries(
                {n: st.just(self.baseline(m, n)) for n, m in shape.members.items()
                 if n in shape.required_members},
                optional={n: self.odd_value(m, n) for n, m in shape.members.items()
                          if n not in shape.required_members})
        if t == "list":
            return st.lists(self.odd_value(shape.member, "item"), max_size=11)
        if t == "map":
            def entry(key):   # a queue attribute's value is a number or a document, by its name
                pool = NUMBERS if key in BOUNDED else DOCUMENTS if key.endswith("Policy") else None
                value = st.sampled_from(pool) if pool else self.odd_value(shape.value, "value")
                return st.tuples(st.just(key), value)
            pairs = st.sampled_from(self.keys.get(shape.name, NAMES)).flatmap(entry)
            return st.lists(pairs, max_size=2).map(dict)
        if t in ("integer", "long"):
            return st.one_of(st.sampled_from(INTEGERS), st.integers())
        if t == "boolean":
            return st.booleans()
        if t == "blob":
            return st.binary(max_size=8)
        return st.one_of(st.sampled_from(self.odd.get(name, self.odd["string"])),
                         st.text(max_size=8))

    def sites(self, shape, path=()):
        """Every place a request of `shape` can be broken: (path, member name, member shape)."""
        out = []
        for n, m in shape.members.items():
            out.append((path + (n,), n, m))
            if m.type_name == "list" and m.member.type_name == "structure":
                out += self.sites(m.member, path + (n, 0))
        return out


def wrong_types():
    return st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5),
                     st.lists(st.integers(), max_size=2),
                     st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


@st.composite
def requests(draw, values, shape, protocol):
    params = values.baseline(shape)
    sites = values.sites(shape)
    for _ in range(draw(st.integers(1, 3))):
        path, name, member = draw(st.sampled_from(sites))
        parent = params
        for key in path[:-1]:                     # an earlier change may have removed it
            inside = isinstance(parent, dict) and key in parent or \
                isinstance(parent, list) and isinstance(key, int) and key < len(parent)
            parent = parent[key] if inside else None
        if not isinstance(parent, dict):
            continue
        how = draw(st.sampled_from(["odd", "odd", "odd", "drop", "mistype"]))
        if how == "drop":
            parent.pop(path[-1], None)
        elif how == "mistype" and protocol == "json":
            parent[path[-1]] = draw(wrong_types())
        else:
            parent[path[-1]] = draw(values.odd_value(member, name))
    return params


def _b64(value):
    return base64.b64encode(value).decode()


def json_request(action, params):
    body = json.dumps(params, default=_b64).encode()
    return body, {"Content-Type": "application/x-amz-json-1.0",
                  "X-Amz-Target": "AmazonSQS." + action}


def query_request(action, params):
    request = QUERY.serialize_to_request(params, QUERY_MODEL.operation_model(action))
    form = urlencode(request["body"], encoding="utf-8", errors="surrogatepass").encode()
    return form, {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}


@pytest.mark.parametrize("protocol", ["json", "query"])
@pytest.mark.parametrize("action", sorted(server.OPERATIONS))
def test_no_action_answers_5xx_on_any_input(world, action, protocol):
    ep, raw, values = world
    shape = server._MODEL.operation_model(action).input_shape
    make = json_request if protocol == "json" else query_request

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(requests(values, shape, protocol))
    def throw(params):
        status, _, answer = raw.request(*make(action, params))
        # 404: a move task's ResourceNotFoundException, as AWS answers it (recorded)
        assert status in (200, 400, 403, 404), (status, answer[:300])
        if status != 200 and protocol == "json":
            assert set(json.loads(answer)) == {"__type", "message"}
        elif status != 200:
            assert answer.startswith(b'<?xml version="1.0"?><ErrorResponse'), answer[:300]

    throw()
    assert raw.request(*json_request("ListQueues", {}))[0] == 200
