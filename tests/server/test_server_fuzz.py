"""Throw generated requests at the endpoint; it must keep answering and lose no message.

The service runs on a VirtualClock, so a generated long poll or a 12-hour visibility timeout
costs no real time, and at the end the clock can jump past every timer to count what is left.
"""

import json
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toyqueue import server
from toyqueue.clock import VirtualClock
from toyqueue.service import QueueService

# Generated calls may name the witness queue, but not with the actions that remove messages
# on purpose; everything else (bad handles, junk attributes, sends, receives) is fair game.
DESTRUCTIVE = {"DeleteQueue", "PurgeQueue", "SetQueueAttributes", "StartMessageMoveTask",
               "CreateQueue"}
ACTIONS = sorted(server.OPERATIONS - DESTRUCTIVE) + ["Bogus", ""]
WITNESS_BODIES = [f"witness {i}" for i in range(5)]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**40), 2**40), st.floats(allow_nan=False),
    st.text(max_size=30), st.text(string.ascii_letters + string.digits + "-_.", max_size=12))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=12)
param_names = st.sampled_from([
    "QueueUrl", "QueueName", "MessageBody", "ReceiptHandle", "MaxNumberOfMessages",
    "WaitTimeSeconds", "VisibilityTimeout", "DelaySeconds", "Attributes", "MessageAttributes",
    "Entries", "AttributeNames", "MessageAttributeNames", "MessageGroupId", "Tags", "TagKeys",
    "MessageDeduplicationId", "QueueNamePrefix", "SourceArn", "TaskHandle", "Label"])


@st.composite
def requests(draw, witness_url):
    action = draw(st.sampled_from(ACTIONS))
    params = draw(st.dictionaries(param_names, json_values, max_size=5))
    if draw(st.booleans()):
        params["QueueUrl"] = draw(st.sampled_from([witness_url, witness_url + "x", "junk", ""]))
    if action in ("ReceiveMessage",) and isinstance(params.get("WaitTimeSeconds"), int):
        params["WaitTimeSeconds"] = params["WaitTimeSeconds"] % 3
    kind = draw(st.sampled_from(["json", "json", "json", "garbage", "form", "no-target"]))
    if kind == "json":
        body = json.dumps(params).encode()
    elif kind == "garbage":
        body = draw(st.binary(max_size=64))
    elif kind == "form":
        body = "&".join(f"{k}={v}" for k, v in params.items()).encode() + b"&Action=" + \
            action.encode()
    else:
        body = json.dumps(params).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded" if kind == "form"
               else "application/x-amz-json-1.0"}
    if kind in ("json", "garbage"):
        headers["X-Amz-Target"] = "AmazonSQS." + action
    return body, headers


def test_generated_requests_never_break_the_server(new_client, raw_for):
    clock = VirtualClock()
    svc = QueueService(clock=clock)
    ep = server.start(service=svc)
    try:
        sqs, raw = new_client(ep.url), raw_for(ep.url)
        witness = sqs.create_queue(QueueName="witness")["QueueUrl"]
        sent = {sqs.send_message(QueueUrl=witness, MessageBody=b)["MessageId"]
                for b in WITNESS_BODIES}

        @settings(max_examples=100, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(st.data())
        def throw(data):
            body, headers = data.draw(requests(witness))
            status, answer_headers, answer = raw.request(body, headers)
            assert status in (200, 400, 403), (status, answer[:300])
            if status != 200 and "json" in answer_headers.get("content-type", ""):
                assert set(json.loads(answer)) == {"__type", "message"}
            elif status != 200:
                assert answer.startswith(b'<?xml version="1.0"?><ErrorResponse')

        throw()
        assert sqs.list_queues(QueueNamePrefix="witness")["QueueUrls"] == [witness]
        clock.advance(43_200 + 901)      # past every visibility timeout and delay
        seen = set()
        while True:
            r = svc.receive_message(QueueUrl=witness, MaxNumberOfMessages=10,
                                    VisibilityTimeout=43_200)
            if not r.get("Messages"):
                break
            seen.update(m["MessageId"] for m in r["Messages"])
        assert sent <= seen
    finally:
        ep.stop()
