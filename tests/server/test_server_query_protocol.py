"""The Query protocol (form fields in, XML out) that old SDKs and CLIs speak.

The client is botocore with SQS's last Query-protocol model (`query_client` in
tests/conftest.py), so the requests and the XML parsing are a real SDK's, not ours.
"""

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest


@pytest.fixture(scope="module")
def query_sqs(endpoint, query_client):
    return query_client(endpoint.url)


def test_round_trip_over_query(query_sqs):
    url = query_sqs.create_queue(QueueName="q-round", Attributes={"VisibilityTimeout": "5"},
                                 tags={"team": "x"})["QueueUrl"]
    assert url.endswith("/000000000000/q-round")
    attrs = {"s": {"DataType": "String", "StringValue": 'quote " and\r\nnewline'},
             "b": {"DataType": "Binary", "BinaryValue": b"\x00\x01\xff"}}
    sent = query_sqs.send_message(QueueUrl=url, MessageBody="a <b> & \"c\"\r\n",
                                  MessageAttributes=attrs)
    (m,) = query_sqs.receive_message(QueueUrl=url, MessageAttributeNames=["All"],
                                     AttributeNames=["All"])["Messages"]
    assert m["Body"] == "a <b> & \"c\"\r\n" and m["MessageId"] == sent["MessageId"]
    assert m["MessageAttributes"] == attrs
    assert m["MD5OfMessageAttributes"] == sent["MD5OfMessageAttributes"]
    assert m["Attributes"]["ApproximateReceiveCount"] == "1"
    got = query_sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert got["VisibilityTimeout"] == "5"
    assert query_sqs.list_queue_tags(QueueUrl=url)["Tags"] == {"team": "x"}
    assert url in query_sqs.list_queues(QueueNamePrefix="q-round")["QueueUrls"]
    query_sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])


def test_batches_over_query(query_sqs):
    url = query_sqs.create_queue(QueueName="q-batch")["QueueUrl"]
    r = query_sqs.send_message_batch(QueueUrl=url, Entries=[
        {"Id": "a", "MessageBody": "1"}, {"Id": "b", "MessageBody": "bad \x00"}])
    assert [e["Id"] for e in r["Successful"]] == ["a"]
    assert r["Failed"][0]["Code"] == "InvalidMessageContents"
    (m,) = query_sqs.receive_message(QueueUrl=url)["Messages"]
    r = query_sqs.delete_message_batch(QueueUrl=url, Entries=[
        {"Id": "x", "ReceiptHandle": m["ReceiptHandle"]}])
    assert [e["Id"] for e in r["Successful"]] == ["x"]


def test_errors_over_query(query_sqs):
    with pytest.raises(query_sqs.exceptions.ClientError) as info:
        query_sqs.get_queue_url(QueueName="q-nobody")
    r = info.value.response
    assert r["Error"]["Code"] == "AWS.SimpleQueueService.NonExistentQueue"
    assert r["Error"]["Message"] == "The specified queue does not exist for this wsdl version."
    assert r["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_unknown_action_and_bad_numbers_over_query(raw):
    status, _, body = raw.request(urlencode({"Action": "Bogus"}).encode(),
                                  {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and b"<Code>InvalidAction</Code>" in body
    status, _, body = raw.request(
        urlencode({"Action": "ReceiveMessage", "QueueUrl": "x",
                   "MaxNumberOfMessages": "ten"}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and b"<Code>InvalidParameterValue</Code>" in body


@pytest.mark.parametrize("number", [" 5", "5 ", "1_0", "\u0665", "0x5", "5.0", "1" * 20])
def test_query_integers_are_ascii_digits(raw, sqs, number):
    """Python's int() takes all of these; a form field that is not plain digits is no integer."""
    url = sqs.create_queue(QueueName="q-numbers")["QueueUrl"]
    status, _, body = raw.request(
        urlencode({"Action": "ReceiveMessage", "QueueUrl": url, "MaxNumberOfMessages": number}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and b"Reason: Must be an integer." in body, body
    status, _, body = raw.request(
        urlencode({"Action": "ReceiveMessage", "QueueUrl": url, "MaxNumberOfMessages": "+5"}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200, body


def test_old_sdks_post_to_the_queue_url(raw, sqs):
    url = sqs.create_queue(QueueName="q-path")["QueueUrl"]
    path = "/" + url.split("/", 3)[3]
    status, _, body = raw.request(urlencode({"Action": "SendMessage", "MessageBody": "hi"}).encode(),
                                  {"Content-Type": "application/x-www-form-urlencoded"}, path=path)
    assert status == 200 and b"<MD5OfMessageBody>" in body
    assert sqs.receive_message(QueueUrl=url)["Messages"][0]["Body"] == "hi"


def test_query_over_get(raw, sqs):
    sqs.create_queue(QueueName="q-get")
    status, _, body = raw.request(method="GET",
                                  path="/?" + urlencode({"Action": "GetQueueUrl",
                                                         "QueueName": "q-get"}))
    assert status == 200 and b"/000000000000/q-get</QueueUrl>" in body


def test_aws_cli_v1_talks_to_the_toy(endpoint, tmp_path):
    aws = Path(sys.executable).parent / "aws"
    env = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
           "AWS_DEFAULT_REGION": "us-east-1", "PATH": str(aws.parent),
           "AWS_CONFIG_FILE": str(tmp_path / "none"), "HOME": str(tmp_path)}

    def cli(*args):
        done = subprocess.run([sys.executable, str(aws), "--endpoint-url", endpoint.url,
                               "--output", "json", "sqs", *args],
                              capture_output=True, text=True, env=env, timeout=60)
        return done.returncode, done.stdout + done.stderr

    code, out = cli("create-queue", "--queue-name", "from-cli")
    assert code == 0 and "/000000000000/from-cli" in out
    code, out = cli("get-queue-url", "--queue-name", "not-there")
    assert code != 0 and "AWS.SimpleQueueService.NonExistentQueue" in out
