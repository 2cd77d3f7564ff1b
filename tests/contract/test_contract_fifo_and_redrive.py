"""FIFO queues (deduplication, order, group blocking, sequence numbers) and dead-letter queues."""

import json
import time

import pytest


def arn_of(sqs, url):
    return sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])[
        "Attributes"]["QueueArn"]


def counts(sqs, url):
    a = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    return a["ApproximateNumberOfMessages"], a["ApproximateNumberOfMessagesNotVisible"]


# ---------------------------------------------------------------- FIFO

def test_fifo_needs_a_group_id(sqs, queue, error_of):
    code, status, message = error_of(sqs.send_message, QueueUrl=queue(fifo=True),
                                     MessageBody="x", MessageDeduplicationId="d")
    assert (code, status) == ("MissingParameter", 400)
    assert message == "The request must contain the parameter MessageGroupId."


def test_fifo_needs_a_dedup_id_or_content_based_dedup(sqs, queue, error_of):
    code, _, _ = error_of(sqs.send_message, QueueUrl=queue(fifo=True), MessageBody="x",
                          MessageGroupId="g")
    assert code == "InvalidParameterValue"


def test_fifo_rejects_per_message_delay(sqs, queue, error_of):
    code, _, _ = error_of(sqs.send_message, QueueUrl=queue(fifo=True), MessageBody="x",
                          MessageGroupId="g", MessageDeduplicationId="d", DelaySeconds=5)
    assert code == "InvalidParameterValue"


def test_fifo_deduplicates_by_id(sqs, queue, receive_within):
    url = queue(fifo=True)
    first = sqs.send_message(QueueUrl=url, MessageBody="pay", MessageGroupId="g",
                             MessageDeduplicationId="pay-1")
    again = sqs.send_message(QueueUrl=url, MessageBody="pay", MessageGroupId="g",
                             MessageDeduplicationId="pay-1")
    assert again["MessageId"] == first["MessageId"]
    got = receive_within(url, 1.5, n=2)
    assert [m["Body"] for m in got] == ["pay"]


def test_fifo_content_based_deduplication(sqs, queue, receive_within):
    url = queue(fifo=True, ContentBasedDeduplication="true")
    for body in ["a", "a", "b"]:
        sqs.send_message(QueueUrl=url, MessageBody=body, MessageGroupId="g")
    got = receive_within(url, 1.5, n=3, MessageSystemAttributeNames=["All"])
    assert [m["Body"] for m in got] == ["a", "b"]
    import hashlib
    assert got[0]["Attributes"]["MessageDeduplicationId"] == hashlib.sha256(b"a").hexdigest()


def test_fifo_keeps_order_within_a_group_and_sequence_numbers_grow(sqs, queue):
    url = queue(fifo=True, ContentBasedDeduplication="true")
    seqs = [int(sqs.send_message(QueueUrl=url, MessageBody=str(i), MessageGroupId="g")[
        "SequenceNumber"]) for i in range(5)]
    assert seqs == sorted(seqs) and len(set(seqs)) == 5
    r = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                            MessageSystemAttributeNames=["All"])
    assert [m["Body"] for m in r["Messages"]] == ["0", "1", "2", "3", "4"]
    assert [int(m["Attributes"]["SequenceNumber"]) for m in r["Messages"]] == seqs
    assert {m["Attributes"]["MessageGroupId"] for m in r["Messages"]} == {"g"}


def test_fifo_group_is_blocked_while_a_message_is_in_flight(sqs, queue):
    url = queue(fifo=True, ContentBasedDeduplication="true")
    for body, group in [("a1", "A"), ("a2", "A"), ("b1", "B")]:
        sqs.send_message(QueueUrl=url, MessageBody=body, MessageGroupId=group)
    (a1,) = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=1)["Messages"]
    assert a1["Body"] == "a1"
    (b1,) = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=1)["Messages"]
    assert b1["Body"] == "b1"
    assert "Messages" not in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)
    sqs.delete_message(QueueUrl=url, ReceiptHandle=a1["ReceiptHandle"])
    (a2,) = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
    assert a2["Body"] == "a2"


def test_fifo_group_opens_as_soon_as_its_first_message_is_visible_again(sqs, queue):
    # test_fifo_message_group_visibility_after_terminate_visibility_timeout
    url = queue(fifo=True, ContentBasedDeduplication="true", VisibilityTimeout=30)
    for body, group in [("g1-m1", "group-1"), ("g1-m2", "group-1"), ("g2-m1", "group-2")]:
        sqs.send_message(QueueUrl=url, MessageBody=body, MessageGroupId=group)
    got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=2)["Messages"]
    assert [m["Body"] for m in got] == ["g1-m1", "g1-m2"]
    sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=got[0]["ReceiptHandle"],
                                  VisibilityTimeout=0)
    again = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=3, WaitTimeSeconds=2)["Messages"]
    assert [m["Body"] for m in again] == ["g2-m1", "g1-m1"]     # g1-m2 is still in flight


def test_fifo_a_message_in_flight_holds_back_the_rest_of_its_group(sqs, queue):
    # test_fifo_group_visibility_extends_with_change_message_visibility[1-visible]: foo and baz
    # time out, bar's timeout was extended, so only foo comes back
    url = queue(fifo=True, ContentBasedDeduplication="true", VisibilityTimeout=1)
    for body in ("foo", "bar", "baz"):
        sqs.send_message(QueueUrl=url, MessageBody=body, MessageGroupId="1")
    got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=5)["Messages"]
    assert [m["Body"] for m in got] == ["foo", "bar", "baz"]
    sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=got[1]["ReceiptHandle"],
                                  VisibilityTimeout=30)
    deadline, again = time.monotonic() + 10, []
    while not again and time.monotonic() < deadline:          # the first answer once foo is back
        again = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=5,
                                    WaitTimeSeconds=1).get("Messages", [])
    assert [m["Body"] for m in again] == ["foo"]


def test_fifo_purge_clears_the_deduplication_cache(sqs, queue, receive_within):
    # test_purge_queue_clears_fifo_deduplication_cache
    url = queue(fifo=True)
    sqs.send_message(QueueUrl=url, MessageBody="message-1", MessageGroupId="g",
                     MessageDeduplicationId="d")
    sqs.purge_queue(QueueUrl=url)
    sqs.send_message(QueueUrl=url, MessageBody="message-2", MessageGroupId="g",
                     MessageDeduplicationId="d")
    assert [m["Body"] for m in receive_within(url, 3)] == ["message-2"]


def test_fifo_changing_the_deduplication_scope_later_keeps_the_old_one(sqs, queue):
    # test_fifo_change_to_high_throughput_after_creation: after the change to messageGroup AWS
    # still treats the same deduplication id in another group as a duplicate
    url = queue(fifo=True, DeduplicationScope="queue")

    def send_and_receive(body, group, dedup):
        sqs.send_message(QueueUrl=url, MessageBody=body, MessageGroupId=group,
                         MessageDeduplicationId=dedup)
        got = sqs.receive_message(QueueUrl=url).get("Messages", [])
        for m in got:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
        return [m["Body"] for m in got]

    assert send_and_receive("Test1", "group1", "same") == ["Test1"]
    assert send_and_receive("Test2", "group2", "same") == []
    sqs.set_queue_attributes(QueueUrl=url, Attributes={"DeduplicationScope": "messageGroup",
                                                       "FifoThroughputLimit": "perMessageGroupId"})
    attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert attrs["DeduplicationScope"] == "messageGroup"
    assert send_and_receive("Test3", "group3", "same") == []
    assert send_and_receive("Test4", "group4", "new") == ["Test4"]
    assert send_and_receive("Test5", "group5", "new") == []


@pytest.mark.parametrize("missing, message", [
    ("MessageGroupId", "The request must contain the parameter MessageGroupId."),
    ("MessageDeduplicationId", "The queue should either have ContentBasedDeduplication enabled "
                               "or MessageDeduplicationId provided explicitly")])
def test_fifo_batch_entry_without_group_or_dedup_fails_the_whole_batch(sqs, queue, error_of,
                                                                       missing, message):
    # test_send_batch_missing_{message_group,deduplication}_id_for_fifo_queue
    url = queue(fifo=True)
    batch = [{"Id": f"e{i}", "MessageBody": "body", "MessageGroupId": "g",
              "MessageDeduplicationId": f"d{i}"} for i in range(2)]
    del batch[1][missing]
    assert error_of(sqs.send_message_batch, QueueUrl=url, Entries=batch) == (
        "InvalidParameterValue", 400, message)
    assert "Messages" not in sqs.receive_message(QueueUrl=url)


def test_fifo_batch_keeps_order(sqs, queue):
    url = queue(fifo=True)
    batch = [{"Id": f"e{i}", "MessageBody": str(i), "MessageGroupId": "g",
              "MessageDeduplicationId": f"d{i}"} for i in range(4)]
    r = sqs.send_message_batch(QueueUrl=url, Entries=batch)
    assert all("SequenceNumber" in e for e in r["Successful"])
    got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
    assert [m["Body"] for m in got] == ["0", "1", "2", "3"]


# ---------------------------------------------------------------- dead-letter queues

def test_message_moves_to_dead_letter_queue_after_max_receives(sqs, queue, receive_within):
    dlq = queue("-dlq")
    src = queue(RedrivePolicy=json.dumps({"deadLetterTargetArn": arn_of(sqs, dlq),
                                          "maxReceiveCount": 2}))
    sqs.send_message(QueueUrl=src, MessageBody="poison")
    for _ in range(2):
        (m,) = receive_within(src, 3, VisibilityTimeout=0)
        assert m["Body"] == "poison"
    assert receive_within(src, 1.5) == []
    (dead,) = receive_within(dlq, 3, MessageSystemAttributeNames=["All"])
    assert dead["Body"] == "poison" and dead["MessageId"] == m["MessageId"]


@pytest.mark.sqs_difference(
    sqs="rejects a RedrivePolicy whose dead-letter queue does not exist",
    localstack="accepts it")
def test_dead_letter_target_must_exist(sqs, unique, error_of):
    policy = {"deadLetterTargetArn": "arn:aws:sqs:us-east-1:000000000000:" + unique("none"),
              "maxReceiveCount": 1}
    code, _, _ = error_of(sqs.create_queue, QueueName=unique(),
                          Attributes={"RedrivePolicy": json.dumps(policy)})
    assert code == "InvalidParameterValue"


def test_message_move_task_redrives_back_to_source(sqs, queue, receive_within):
    dlq = queue("-dlq")
    src = queue(RedrivePolicy=json.dumps({"deadLetterTargetArn": arn_of(sqs, dlq),
                                          "maxReceiveCount": 1}))
    sqs.send_message(QueueUrl=src, MessageBody="retry me")
    assert len(receive_within(src, 3, VisibilityTimeout=0)) == 1
    assert "Messages" not in sqs.receive_message(QueueUrl=src)  # moved to the dead-letter queue
    assert counts(sqs, dlq) == ("1", "0")
    task = sqs.start_message_move_task(SourceArn=arn_of(sqs, dlq))
    assert task["TaskHandle"]
    deadline = time.monotonic() + 5   # LocalStack moves in a background thread
    while counts(sqs, src)[0] != "1" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert (counts(sqs, src), counts(sqs, dlq)) == (("1", "0"), ("0", "0"))
    tasks = sqs.list_message_move_tasks(SourceArn=arn_of(sqs, dlq))["Results"]
    assert tasks and tasks[0]["SourceArn"] == arn_of(sqs, dlq)
