"""Batches: up to ten entries, their ids, their total size, and partial failure."""

import hashlib

import pytest


def entries(n, body="m"):
    return [{"Id": f"e{i}", "MessageBody": f"{body}{i}"} for i in range(n)]


def test_send_batch(sqs, queue, receive_within):
    url = queue()
    r = sqs.send_message_batch(QueueUrl=url, Entries=entries(3))
    assert sorted(e["Id"] for e in r["Successful"]) == ["e0", "e1", "e2"]
    assert "Failed" not in r        # AWS leaves the empty list out (test_send_message_batch_with_
    #                                 oversized_contents_with_updated_maximum_message_size)
    for e in r["Successful"]:
        assert e["MD5OfMessageBody"] == hashlib.md5(f"m{e['Id'][1:]}".encode()).hexdigest()
    assert sorted(m["Body"] for m in receive_within(url, 3, n=3)) == ["m0", "m1", "m2"]


def test_too_many_entries(sqs, queue, error_of):
    code, status, message = error_of(sqs.send_message_batch, QueueUrl=queue(),
                                     Entries=entries(11))
    assert (code, status) == ("AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400)
    assert message == "Maximum number of entries per request are 10. You have sent 11."


def test_ids_must_be_distinct(sqs, queue, error_of):
    batch = [{"Id": "same", "MessageBody": "a"}, {"Id": "same", "MessageBody": "b"}]
    code, _, _ = error_of(sqs.send_message_batch, QueueUrl=queue(), Entries=batch)
    assert code == "AWS.SimpleQueueService.BatchEntryIdsNotDistinct"


@pytest.mark.parametrize("bad_id", ["has space", "x" * 81, "dot.id"])
def test_ids_must_be_simple(sqs, queue, error_of, bad_id):
    code, _, message = error_of(sqs.send_message_batch, QueueUrl=queue(),
                                Entries=[{"Id": bad_id, "MessageBody": "a"}])
    assert code == "AWS.SimpleQueueService.InvalidBatchEntryId"
    assert message == ("A batch entry id can only contain alphanumeric characters, hyphens and "
                       "underscores. It can be at most 80 letters long.")


def test_empty_batch(sqs, queue, error_of):
    code, _, _ = error_of(sqs.delete_message_batch, QueueUrl=queue(), Entries=[])
    assert code == "AWS.SimpleQueueService.EmptyBatchRequest"


def test_batch_over_one_mib_in_all(sqs, queue, error_of):
    batch = [{"Id": f"e{i}", "MessageBody": "a" * 600_000} for i in range(2)]
    code, _, _ = error_of(sqs.send_message_batch, QueueUrl=queue(), Entries=batch)
    assert code == "AWS.SimpleQueueService.BatchRequestTooLong"


def test_partial_failure_is_http_200_with_failed_entries(sqs, queue, receive_within):
    url = queue()
    batch = [{"Id": "ok", "MessageBody": "fine"}, {"Id": "bad", "MessageBody": "nul \x00"}]
    r = sqs.send_message_batch(QueueUrl=url, Entries=batch)
    assert r["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert [e["Id"] for e in r["Successful"]] == ["ok"]
    (failed,) = r["Failed"]
    assert (failed["Id"], failed["Code"]) == ("bad", "InvalidMessageContents")
    assert isinstance(failed["SenderFault"], bool)
    assert [m["Body"] for m in receive_within(url, 2)] == ["fine"]


@pytest.mark.sqs_difference(
    sqs="fails a too long batch entry alone: Code InvalidParameterValue, \"One or more parameters "
        "cannot be validated. Reason: Message must be shorter than 1024 bytes.\"",
    localstack="answers Code InvalidParameterValueException and \"are invalid\"")
def test_too_long_batch_entry_fails_alone(sqs, queue):
    # test_send_batch_message_size (LocalStack skips these two fields)
    url = queue(MaximumMessageSize=1024)
    r = sqs.send_message_batch(QueueUrl=url, Entries=[{"Id": "fits", "MessageBody": "a" * 1024},
                                                      {"Id": "long", "MessageBody": "a" * 1025}])
    assert [e["Id"] for e in r["Successful"]] == ["fits"]
    assert r["Failed"] == [{"Id": "long", "SenderFault": True, "Code": "InvalidParameterValue",
                            "Message": "One or more parameters cannot be validated. Reason: "
                                       "Message must be shorter than 1024 bytes."}]


def test_delete_batch_with_a_bad_handle(sqs, queue):
    url = queue()
    sqs.send_message_batch(QueueUrl=url, Entries=entries(2))
    got = []
    while len(got) < 2:
        got += sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                                   WaitTimeSeconds=1).get("Messages", [])
    batch = [{"Id": f"d{i}", "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(got)]
    batch.append({"Id": "junk", "ReceiptHandle": "not-a-receipt-handle"})
    r = sqs.delete_message_batch(QueueUrl=url, Entries=batch)
    assert sorted(e["Id"] for e in r["Successful"]) == ["d0", "d1"]
    (failed,) = r["Failed"]
    assert (failed["Id"], failed["Code"]) == ("junk", "ReceiptHandleIsInvalid")
    a = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert (a["ApproximateNumberOfMessages"], a["ApproximateNumberOfMessagesNotVisible"]) == (
        "0", "0")


def test_change_visibility_batch(sqs, queue):
    url = queue()
    sqs.send_message_batch(QueueUrl=url, Entries=entries(2))
    got = []
    while len(got) < 2:
        got += sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=60,
                                   WaitTimeSeconds=1).get("Messages", [])
    batch = [{"Id": f"c{i}", "ReceiptHandle": m["ReceiptHandle"], "VisibilityTimeout": 0}
             for i, m in enumerate(got)]
    r = sqs.change_message_visibility_batch(QueueUrl=url, Entries=batch)
    assert sorted(e["Id"] for e in r["Successful"]) == ["c0", "c1"]
    again = []
    while len(again) < 2:
        again += sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                                     WaitTimeSeconds=1).get("Messages", [])
    assert sorted(m["MessageId"] for m in again) == sorted(m["MessageId"] for m in got)
