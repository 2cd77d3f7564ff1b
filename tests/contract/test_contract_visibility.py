"""Visibility timeout, redelivery, changing visibility, receipt handles, long polling."""

import threading
import time

import pytest


def test_received_message_is_hidden_then_comes_back(sqs, queue, receive_within):
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="job")
    (first,) = sqs.receive_message(QueueUrl=url, VisibilityTimeout=1,
                                   MessageSystemAttributeNames=["All"])["Messages"]
    assert "Messages" not in sqs.receive_message(QueueUrl=url)
    (again,) = receive_within(url, 4, MessageSystemAttributeNames=["All"])
    assert again["MessageId"] == first["MessageId"]
    assert again["ReceiptHandle"] != first["ReceiptHandle"]
    assert again["Attributes"]["ApproximateReceiveCount"] == "2"


def test_queue_visibility_timeout_is_the_default(sqs, queue, receive_within):
    url = queue(VisibilityTimeout=1)
    sqs.send_message(QueueUrl=url, MessageBody="job")
    sqs.receive_message(QueueUrl=url)
    assert "Messages" not in sqs.receive_message(QueueUrl=url)
    assert [m["Body"] for m in receive_within(url, 4)] == ["job"]


def test_in_flight_counts(sqs, queue):
    url = queue()
    for i in range(3):
        sqs.send_message(QueueUrl=url, MessageBody=str(i))
    sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=1)
    a = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert (a["ApproximateNumberOfMessages"], a["ApproximateNumberOfMessagesNotVisible"]) == (
        "2", "1")


def test_change_visibility_to_zero_releases_at_once(sqs, queue):
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="job")
    (m,) = sqs.receive_message(QueueUrl=url, VisibilityTimeout=60)["Messages"]
    sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"],
                                  VisibilityTimeout=0)
    (again,) = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=2)["Messages"]
    assert again["MessageId"] == m["MessageId"]


def test_change_visibility_extends_the_timeout(sqs, queue, receive_within):
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="job")
    (m,) = sqs.receive_message(QueueUrl=url, VisibilityTimeout=1)["Messages"]
    sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"],
                                  VisibilityTimeout=30)
    assert receive_within(url, 2.5) == []


@pytest.mark.sqs_difference(
    sqs="rejects a visibility change that makes the total beyond 12 h (InvalidParameterValue)",
    localstack="accepts it")
def test_change_visibility_beyond_12_hours_is_rejected(sqs, queue, error_of):
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="job")
    (m,) = sqs.receive_message(QueueUrl=url)["Messages"]
    code, _, _ = error_of(sqs.change_message_visibility, QueueUrl=url,
                          ReceiptHandle=m["ReceiptHandle"], VisibilityTimeout=43201)
    assert code == "InvalidParameterValue"


def test_change_visibility_after_the_timeout_ended_is_accepted(sqs, queue):
    # The API reference lists MessageNotInflight, but AWS answered 200 (LocalStack's recording of
    # test_change_message_visibility_after_visibility_timeout_expiration).
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="job")
    (m,) = sqs.receive_message(QueueUrl=url, VisibilityTimeout=60)["Messages"]
    sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"],
                                  VisibilityTimeout=0)               # no longer in flight
    r = sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"],
                                      VisibilityTimeout=10)
    assert r["ResponseMetadata"]["HTTPStatusCode"] == 200


def test_an_older_receipt_handle_still_changes_visibility(sqs, queue, receive_within):
    # test_terminate_visibility_timeout_after_receive
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="job")
    (first,) = receive_within(url, 3, VisibilityTimeout=0)
    (second,) = receive_within(url, 3, VisibilityTimeout=30)
    assert first["ReceiptHandle"] != second["ReceiptHandle"]
    sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=first["ReceiptHandle"],
                                  VisibilityTimeout=0)
    assert [m["Body"] for m in receive_within(url, 3)] == ["job"]


def test_a_message_visible_again_comes_before_newer_ones(sqs, queue):
    # test_inflight_message_requeue
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="test1")
    (m,) = sqs.receive_message(QueueUrl=url, VisibilityTimeout=30)["Messages"]
    sqs.send_message(QueueUrl=url, MessageBody="test2")
    sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"],
                                  VisibilityTimeout=0)
    (again,) = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=2)["Messages"]
    assert again["Body"] == "test1"


@pytest.mark.parametrize("call", ["delete_message", "change_message_visibility"])
def test_malformed_receipt_handle(sqs, queue, error_of, call):
    kwargs = {"VisibilityTimeout": 5} if call == "change_message_visibility" else {}
    code, status, _ = error_of(getattr(sqs, call), QueueUrl=queue(),
                               ReceiptHandle="not-a-receipt-handle", **kwargs)
    assert (code, status) == ("ReceiptHandleIsInvalid", 400)


def test_deleting_twice_succeeds(sqs, queue):
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="job")
    (m,) = sqs.receive_message(QueueUrl=url)["Messages"]
    sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])


def test_delete_with_an_older_receipt_handle_succeeds_on_standard(sqs, queue):
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="job")
    (old,) = sqs.receive_message(QueueUrl=url, VisibilityTimeout=0)["Messages"]
    (new,) = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=2)["Messages"]
    assert old["ReceiptHandle"] != new["ReceiptHandle"]
    sqs.delete_message(QueueUrl=url, ReceiptHandle=old["ReceiptHandle"])


# ---------------------------------------------------------------- long polling

def test_long_poll_waits_when_empty(sqs, queue):
    url = queue()
    start = time.monotonic()
    assert "Messages" not in sqs.receive_message(QueueUrl=url, WaitTimeSeconds=1)
    assert time.monotonic() - start >= 0.9


def test_queue_wait_time_is_the_default(sqs, queue):
    url = queue(ReceiveMessageWaitTimeSeconds=1)
    start = time.monotonic()
    assert "Messages" not in sqs.receive_message(QueueUrl=url)
    assert time.monotonic() - start >= 0.9


def test_long_poll_returns_as_soon_as_a_message_arrives(sqs, queue):
    url = queue()
    result = {}

    def consumer():
        t = time.monotonic()
        result["r"] = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=10)
        result["took"] = time.monotonic() - t

    thread = threading.Thread(target=consumer)
    thread.start()
    time.sleep(0.5)
    sqs.send_message(QueueUrl=url, MessageBody="wake up")
    thread.join(15)
    assert [m["Body"] for m in result["r"]["Messages"]] == ["wake up"]
    assert result["took"] < 5
