"""Inputs that used to crash an action (HTTP 500) get the 4xx SQS answers with instead."""

import json
from urllib.parse import urlencode

import pytest
from botocore.exceptions import ClientError

HUGE = "1" * 5_000          # Python refuses int() of more than 4,300 digits
ARABIC_30 = "٣٠"            # Arabic-Indic digits: int() reads them as 30, SQS does not


def error_of(call, **kw):
    with pytest.raises(ClientError) as info:
        call(**kw)
    r = info.value.response
    return r["ResponseMetadata"]["HTTPStatusCode"], r["Error"]["Code"]


@pytest.mark.parametrize("value", [HUGE, "-" + HUGE, ARABIC_30])
def test_queue_attribute_numbers_that_are_not_plain_numbers(sqs, value):
    assert error_of(sqs.create_queue, QueueName="bad-number",
                    Attributes={"VisibilityTimeout": value}) == (400, "InvalidAttributeValue")
    url = sqs.create_queue(QueueName="good-number")["QueueUrl"]
    assert error_of(sqs.set_queue_attributes, QueueUrl=url,
                    Attributes={"DelaySeconds": value}) == (400, "InvalidAttributeValue")


@pytest.mark.parametrize("count", [HUGE, ARABIC_30])
def test_a_max_receive_count_that_is_not_a_plain_number(sqs, count):
    dlq = sqs.create_queue(QueueName="dlq-for-count")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    policy = json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": count})
    assert error_of(sqs.create_queue, QueueName="src-for-count",
                    Attributes={"RedrivePolicy": policy}) == (400, "InvalidParameterValue")


@pytest.mark.parametrize("digits", ["²", ARABIC_30, HUGE])
def test_receipt_handles_with_odd_digits_are_invalid_handles(endpoint, sqs, digits):
    url = sqs.create_queue(QueueName="handles")["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="m")
    handle = sqs.receive_message(QueueUrl=url, VisibilityTimeout=0)["Messages"][0]["ReceiptHandle"]
    prefix = endpoint.service.queue(url).rh_prefix          # the toy's handles: prefix + number
    assert handle.startswith(prefix)
    forged = prefix + digits
    assert error_of(sqs.delete_message, QueueUrl=url, ReceiptHandle=forged) == \
        (400, "ReceiptHandleIsInvalid")
    status, code = error_of(sqs.change_message_visibility, QueueUrl=url, ReceiptHandle=forged,
                            VisibilityTimeout=5)
    assert status == 400


@pytest.mark.parametrize("policy", ["{}", "[]", "1", '{"Statement": []}', '"text"'])
def test_a_policy_that_is_not_a_policy_is_refused(sqs, policy):
    """AddPermission used to fail with a 500 on such a stored policy; SQS refuses it up front."""
    url = sqs.create_queue(QueueName=f"policy-junk-{len(policy)}-{policy.count('[')}")["QueueUrl"]
    assert error_of(sqs.set_queue_attributes, QueueUrl=url, Attributes={"Policy": policy}) == \
        (400, "InvalidAttributeValue")
    sqs.add_permission(QueueUrl=url, Label="first", AWSAccountIds=["111111111111"],
                       Actions=["SendMessage"])


def test_permissions_work_on_a_policy_with_a_single_statement_object(sqs):
    url = sqs.create_queue(QueueName="policy-object")["QueueUrl"]
    statement = {"Sid": "one", "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage",
                 "Resource": "*"}
    sqs.set_queue_attributes(QueueUrl=url, Attributes={"Policy": json.dumps(
        {"Version": "2012-10-17", "Statement": statement})})
    sqs.add_permission(QueueUrl=url, Label="two", AWSAccountIds=["111111111111"],
                       Actions=["ReceiveMessage"])
    sqs.remove_permission(QueueUrl=url, Label="one")
    policy = json.loads(sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])
                        ["Attributes"]["Policy"])
    assert [s["Sid"] for s in policy["Statement"]] == ["two"]
    sqs.remove_permission(QueueUrl=url, Label="two")         # the last one: the policy goes
    assert "Attributes" not in sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])


def test_a_query_message_attribute_with_a_name_and_no_value(raw, sqs):
    url = sqs.create_queue(QueueName="query-attr")["QueueUrl"]
    form = urlencode({"Action": "SendMessage", "QueueUrl": url, "MessageBody": "m",
                      "MessageAttribute.1.Name": "color"}).encode()
    status, _, body = raw.request(form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and b"<Code>InvalidParameterValue</Code>" in body, body
    form = urlencode({"Action": "SendMessage", "QueueUrl": url, "MessageBody": "m",
                      "MessageSystemAttribute.1.Name": "AWSTraceHeader"}).encode()
    status, _, body = raw.request(form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and b"<Code>InvalidParameterValue</Code>" in body, body


def test_json_nested_too_deep_for_the_parser(raw):
    status, _, body = raw.json("ListQueues", b"[" * 100_000 + b"]" * 100_000)
    assert status == 400 and body["__type"].endswith("#SerializationException")


@pytest.mark.parametrize("attribute", ["Policy", "RedrivePolicy", "RedriveAllowPolicy"])
def test_a_json_attribute_nested_too_deep_for_the_parser(sqs, attribute):
    url = sqs.create_queue(QueueName="deep-json")["QueueUrl"]
    status, _ = error_of(sqs.set_queue_attributes, QueueUrl=url,
                         Attributes={attribute: "[" * 100_000 + "]" * 100_000})
    assert status == 400
