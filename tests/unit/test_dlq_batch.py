"""Dead-letter queues, redrive, and the three batch actions."""
import json

import pytest

from unit_helpers import receive_all
from toyqueue import errors as E


def make_pair(svc, max_receives=2, fifo=False):
    extra = {"FifoQueue": "true"} if fifo else {}
    sfx = ".fifo" if fifo else ""
    dlq = svc.create_queue(QueueName="dead" + sfx, Attributes=dict(extra))["QueueUrl"]
    arn = svc.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    policy = json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": str(max_receives)})
    src = svc.create_queue(QueueName="work" + sfx, Attributes=dict(extra, RedrivePolicy=policy,
                                                                   VisibilityTimeout="10"))["QueueUrl"]
    return src, dlq, arn


def test_message_moves_after_max_receive_count(svc, clock):
    src, dlq, arn = make_pair(svc, max_receives=2)
    sent = svc.send_message(QueueUrl=src, MessageBody="poison")
    for _ in range(2):
        assert len(receive_all(svc, src)) == 1
        clock.advance(10)
    assert receive_all(svc, src) == []                       # third receive: moved instead
    m = receive_all(svc, dlq, MessageSystemAttributeNames=["All"])[0]
    assert m["MessageId"] == sent["MessageId"] and m["Body"] == "poison"
    assert m["Attributes"]["DeadLetterQueueSourceArn"] == svc.queue(src).arn
    assert m["Attributes"]["ApproximateReceiveCount"] == "3"


def test_fifo_dead_letter_keeps_the_group_moving(svc, clock):
    src, dlq, arn = make_pair(svc, max_receives=1, fifo=True)
    for b in ("bad", "good"):
        svc.send_message(QueueUrl=src, MessageBody=b, MessageGroupId="g", MessageDeduplicationId=b)
    assert [m["Body"] for m in receive_all(svc, src)] == ["bad"]
    clock.advance(10)
    assert [m["Body"] for m in receive_all(svc, src)] == ["good"]
    assert [m["Body"] for m in receive_all(svc, dlq)] == ["bad"]


def test_redrive_policy_validation(svc):
    src = svc.create_queue(QueueName="src")["QueueUrl"]
    dlq = svc.create_queue(QueueName="dlq")["QueueUrl"]
    fifo_dlq = svc.create_queue(QueueName="dlq.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    arn = svc.queue(dlq).arn

    def set_policy(p):
        text = p if isinstance(p, str) else json.dumps(p)
        svc.set_queue_attributes(QueueUrl=src, Attributes={"RedrivePolicy": text})
        return text

    with pytest.raises(E.InvalidParameterValue) as e:
        set_policy({"maxReceiveCount": 3})
    assert e.value.message.endswith("for parameter RedrivePolicy is invalid. Reason: Redrive policy does "
                                    "not contain mandatory attribute: deadLetterTargetArn.")
    with pytest.raises(E.InvalidParameterValue, match="Invalid value for maxReceiveCount: 0, valid values are from 1 to 1000 both inclusive."):
        set_policy({"deadLetterTargetArn": arn, "maxReceiveCount": 0})
    with pytest.raises(E.InvalidParameterValue, match="Dead letter target does not exist."):
        set_policy({"deadLetterTargetArn": arn + "x", "maxReceiveCount": 3})
    with pytest.raises(E.InvalidParameterValue, match="Dead-letter queue must be same type of queue as the source"):
        set_policy({"deadLetterTargetArn": svc.queue(fifo_dlq).arn, "maxReceiveCount": 3})
    text = set_policy({"deadLetterTargetArn": arn, "maxReceiveCount": 1000})
    assert svc.get_queue_attributes(QueueUrl=src, AttributeNames=["RedrivePolicy"])["Attributes"] == {"RedrivePolicy": text}
    assert svc.list_dead_letter_source_queues(QueueUrl=dlq) == {"queueUrls": [src]}
    set_policy("")
    assert svc.get_queue_attributes(QueueUrl=src, AttributeNames=["RedrivePolicy"]) == {}
    assert svc.list_dead_letter_source_queues(QueueUrl=dlq) == {"queueUrls": []}


def test_redrive_allow_policy(svc):
    dlq = svc.create_queue(QueueName="dlq", Attributes={"RedriveAllowPolicy": json.dumps({"redrivePermission": "denyAll"})})["QueueUrl"]
    src = svc.create_queue(QueueName="src")["QueueUrl"]
    policy = json.dumps({"deadLetterTargetArn": svc.queue(dlq).arn, "maxReceiveCount": 3})
    with pytest.raises(E.InvalidParameterValue, match="does not allow this queue to use it as a dead-letter queue"):
        svc.set_queue_attributes(QueueUrl=src, Attributes={"RedrivePolicy": policy})
    svc.set_queue_attributes(QueueUrl=dlq, Attributes={"RedriveAllowPolicy": json.dumps(
        {"redrivePermission": "byQueue", "sourceQueueArns": [svc.queue(src).arn]})})
    svc.set_queue_attributes(QueueUrl=src, Attributes={"RedrivePolicy": policy})
    with pytest.raises(E.InvalidParameterValue, match="redrivePermission must be one of"):
        svc.set_queue_attributes(QueueUrl=dlq, Attributes={"RedriveAllowPolicy": '{"redrivePermission": "some"}'})


def test_move_task_sends_messages_back(svc, clock):
    src, dlq, arn = make_pair(svc, max_receives=1)
    svc.send_message(QueueUrl=src, MessageBody="retry me")
    receive_all(svc, src)
    clock.advance(10)
    assert receive_all(svc, src) == []
    task = svc.start_message_move_task(SourceArn=arn)
    assert set(task) == {"TaskHandle"}
    assert [m["Body"] for m in receive_all(svc, src)] == ["retry me"]
    results = svc.list_message_move_tasks(SourceArn=arn)["Results"]
    assert results[0]["Status"] == "COMPLETED" and results[0]["ApproximateNumberOfMessagesMoved"] == 1
    with pytest.raises(E.UnsupportedOperation):
        svc.cancel_message_move_task(TaskHandle=task["TaskHandle"])
    with pytest.raises(E.InvalidParameterValue, match="Value for parameter TaskHandle is invalid."):
        svc.cancel_message_move_task(TaskHandle="nope")
    with pytest.raises(E.InvalidParameterValue, match="Source queue must be configured as a Dead Letter Queue."):
        svc.start_message_move_task(SourceArn=svc.queue(src).arn)
    with pytest.raises(E.ResourceNotFoundException, match="SourceArn parameter doesn't exist"):
        svc.start_message_move_task(SourceArn=arn + "x")


def dead_letters(svc, clock, n):
    """A source queue whose n messages moved to its dead-letter queue, and a target queue."""
    src, dlq, arn = make_pair(svc, max_receives=1)
    for i in range(n):
        svc.send_message(QueueUrl=src, MessageBody=f"m{i}")
    assert len(receive_all(svc, src, MaxNumberOfMessages=10)) == n
    clock.advance(10)
    assert receive_all(svc, src) == []                       # all moved on the second receive
    target = svc.create_queue(QueueName="target")["QueueUrl"]
    return src, dlq, arn, target


def test_move_task_at_a_rate_runs_on_the_clock(svc, clock):
    # AWS: LocalStack's test_move_task_with_throughput_limit and test_move_task_cancel
    src, dlq, arn, target = dead_letters(svc, clock, 4)
    target_arn = svc.queue(target).arn
    handle = svc.start_message_move_task(SourceArn=arn, DestinationArn=target_arn,
                                         MaxNumberOfMessagesPerSecond=1)["TaskHandle"]

    def task():
        (t,) = svc.list_message_move_tasks(SourceArn=arn)["Results"]
        return t

    assert (task()["Status"], task()["ApproximateNumberOfMessagesMoved"]) == ("RUNNING", 1)
    assert task() == {"SourceArn": arn, "DestinationArn": target_arn, "Status": "RUNNING",
                      "TaskHandle": handle, "MaxNumberOfMessagesPerSecond": 1,
                      "ApproximateNumberOfMessagesMoved": 1, "ApproximateNumberOfMessagesToMove": 4,
                      "StartedTimestamp": int(clock.now() * 1000)}
    clock.advance(0.999)
    assert task()["ApproximateNumberOfMessagesMoved"] == 1
    clock.advance(0.001)                                     # one more every second
    assert task()["ApproximateNumberOfMessagesMoved"] == 2
    with pytest.raises(E.InvalidParameterValue, match="There is already a task running."):
        svc.start_message_move_task(SourceArn=arn, DestinationArn=target_arn)
    assert svc.cancel_message_move_task(TaskHandle=handle) == {"ApproximateNumberOfMessagesMoved": 2}
    clock.advance(10)
    assert (task()["Status"], task()["ApproximateNumberOfMessagesMoved"]) == ("CANCELLED", 2)
    assert "TaskHandle" not in task()
    assert sorted(m["Body"] for m in receive_all(svc, target, MaxNumberOfMessages=10)) == ["m0", "m1"]
    assert len(receive_all(svc, dlq, MaxNumberOfMessages=10)) == 2
    with pytest.raises(E.UnsupportedOperation):
        svc.cancel_message_move_task(TaskHandle=handle)


def test_move_task_fails_when_its_destination_is_deleted(svc, clock):
    src, dlq, arn, target = dead_letters(svc, clock, 3)
    svc.start_message_move_task(SourceArn=arn, DestinationArn=svc.queue(target).arn,
                                MaxNumberOfMessagesPerSecond=2)
    svc.delete_queue(QueueUrl=target)
    clock.advance(5)
    (t,) = svc.list_message_move_tasks(SourceArn=arn)["Results"]
    assert (t["Status"], t["FailureReason"], t["ApproximateNumberOfMessagesMoved"]) == (
        "FAILED", "AWS.SimpleQueueService.NonExistentQueue", 1)
    assert len(receive_all(svc, dlq, MaxNumberOfMessages=10)) == 2     # the rest stays


def test_move_task_handle_and_errors(svc, clock):
    import base64
    src, dlq, arn, target = dead_letters(svc, clock, 1)
    handle = svc.start_message_move_task(SourceArn=arn)["TaskHandle"]
    doc = json.loads(base64.b64decode(handle))
    assert set(doc) == {"taskId", "sourceArn"} and doc["sourceArn"] == arn
    other = base64.b64encode(json.dumps({"taskId": "x", "sourceArn": arn}).encode()).decode()
    with pytest.raises(E.ResourceNotFoundException, match="Task does not exist.") as e:
        svc.cancel_message_move_task(TaskHandle=other)
    assert e.value.status == 404
    with pytest.raises(E.ResourceNotFoundException, match="DestinationArn parameter doesn't exist"):
        svc.start_message_move_task(SourceArn=arn, DestinationArn=svc.queue(target).arn + "x")
    for rate in (0, 501):
        with pytest.raises(E.InvalidParameterValue, match="MaxNumberOfMessagesPerSecond"):
            svc.start_message_move_task(SourceArn=arn, MaxNumberOfMessagesPerSecond=rate)
    with pytest.raises(E.InvalidParameterValue, match="MaxResults"):
        svc.list_message_move_tasks(SourceArn=arn, MaxResults=11)


def test_deleted_dlq_stops_redrive(svc, clock):
    src, dlq, arn = make_pair(svc, max_receives=1)
    svc.send_message(QueueUrl=src, MessageBody="x")
    receive_all(svc, src)
    svc.delete_queue(QueueUrl=dlq)
    clock.advance(10)
    assert len(receive_all(svc, src)) == 1


# ---------------------------------------------------------------------------- batches
def entries(n, **extra):
    return [dict({"Id": f"e{i}", "MessageBody": f"m{i}"}, **extra) for i in range(n)]


def test_send_batch(svc, url):
    r = svc.send_message_batch(QueueUrl=url, Entries=entries(10))
    assert [s["Id"] for s in r["Successful"]] == [f"e{i}" for i in range(10)]
    assert "Failed" not in r                              # AWS leaves the empty list out
    assert set(r["Successful"][0]) == {"Id", "MessageId", "MD5OfMessageBody"}
    assert len(receive_all(svc, url, MaxNumberOfMessages=10)) == 10


def test_batch_partial_failure(svc, url):
    es = entries(3)
    es[1]["MessageBody"] = "\x00"
    es[2]["DelaySeconds"] = 901
    r = svc.send_message_batch(QueueUrl=url, Entries=es)
    assert [s["Id"] for s in r["Successful"]] == ["e0"]
    assert r["Failed"] == [
        {"Id": "e1", "SenderFault": True, "Code": "InvalidMessageContents",
         "Message": "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF"},
        {"Id": "e2", "SenderFault": True, "Code": "InvalidParameterValue",
         "Message": "Value 901 for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900."}]


def test_batch_rules(svc, url):
    with pytest.raises(E.TooManyEntriesInBatchRequest) as e:
        svc.send_message_batch(QueueUrl=url, Entries=entries(20))
    assert e.value.message == "Maximum number of entries per request are 10. You have sent 20."
    with pytest.raises(E.EmptyBatchRequest, match="There should be at least one SendMessageBatchRequestEntry in the request."):
        svc.send_message_batch(QueueUrl=url, Entries=[])
    with pytest.raises(E.EmptyBatchRequest, match="DeleteMessageBatchRequestEntry"):
        svc.delete_message_batch(QueueUrl=url, Entries=[])
    with pytest.raises(E.BatchEntryIdsNotDistinct, match="Id e0 repeated."):
        svc.send_message_batch(QueueUrl=url, Entries=entries(2) + entries(1))
    for bad in ("has space", "x" * 81, "dot.ted", ""):
        with pytest.raises(E.InvalidBatchEntryId) as e:
            svc.send_message_batch(QueueUrl=url, Entries=[{"Id": bad, "MessageBody": "x"}])
        assert e.value.message == ("A batch entry id can only contain alphanumeric characters, hyphens and "
                                   "underscores. It can be at most 80 letters long.")
    svc.send_message_batch(QueueUrl=url, Entries=[{"Id": "A-z_9" + "x" * 75, "MessageBody": "ok"}])


def test_batch_too_long(svc, url):
    es = [{"Id": "a", "MessageBody": "x" * 600_000}, {"Id": "b", "MessageBody": "y" * 600_000}]
    with pytest.raises(E.BatchRequestTooLong) as e:
        svc.send_message_batch(QueueUrl=url, Entries=es)
    assert e.value.message == "Batch requests cannot be longer than 1048576 bytes. You have sent 1200000 bytes."


def test_delete_and_change_visibility_batches(svc, url, clock):
    svc.send_message_batch(QueueUrl=url, Entries=entries(3))
    msgs = receive_all(svc, url, MaxNumberOfMessages=10)
    r = svc.change_message_visibility_batch(QueueUrl=url, Entries=[
        {"Id": "a", "ReceiptHandle": msgs[0]["ReceiptHandle"], "VisibilityTimeout": 0},
        {"Id": "b", "ReceiptHandle": "garbage", "VisibilityTimeout": 0}])
    assert r["Successful"] == [{"Id": "a"}]
    assert r["Failed"][0]["Id"] == "b" and r["Failed"][0]["Code"] == "ReceiptHandleIsInvalid"
    again = receive_all(svc, url)
    r = svc.delete_message_batch(QueueUrl=url, Entries=[
        {"Id": "x", "ReceiptHandle": again[0]["ReceiptHandle"]},
        {"Id": "y", "ReceiptHandle": msgs[1]["ReceiptHandle"]},
        {"Id": "z", "ReceiptHandle": "garbage"}])
    assert [s["Id"] for s in r["Successful"]] == ["x", "y"]
    assert r["Failed"] == [{"Id": "z", "SenderFault": True, "Code": "ReceiptHandleIsInvalid",
                            "Message": 'The input receipt handle "garbage" is not a valid receipt handle.'}]
    counts = svc.queue(url).counts(clock.now())
    assert counts == {"visible": 0, "inflight": 1, "delayed": 0}


def test_fifo_batch(svc, fifo):
    es = [{"Id": f"e{i}", "MessageBody": f"m{i}", "MessageGroupId": "g", "MessageDeduplicationId": f"d{i}"}
          for i in range(3)]
    r = svc.send_message_batch(QueueUrl=fifo, Entries=es)
    seqs = [int(s["SequenceNumber"]) for s in r["Successful"]]
    assert seqs == sorted(seqs) and len(seqs) == 3
    assert [m["Body"] for m in receive_all(svc, fifo, MaxNumberOfMessages=10)] == ["m0", "m1", "m2"]


def test_a_malformed_trace_header_fails_its_entry_alone(svc, url):
    """Entry 2's AWSTraceHeader had no StringValue: the first entry was stored, then a 500,
    and every retry stored it again."""
    r = svc.send_message_batch(QueueUrl=url, Entries=[
        {"Id": "1", "MessageBody": "first"},
        {"Id": "2", "MessageBody": "second",
         "MessageSystemAttributes": {"AWSTraceHeader": {"DataType": "String"}}}])
    assert [e["Id"] for e in r["Successful"]] == ["1"]
    assert [(f["Id"], f["Code"]) for f in r["Failed"]] == [("2", "InvalidParameterValue")]
    assert [m["Body"] for m in receive_all(svc, url, MaxNumberOfMessages=10)] == ["first"]


def test_an_unexpected_error_in_a_batch_stores_nothing(svc, url, monkeypatch):
    """A bug that fails entry 2 must not leave entry 1 stored (a retry would duplicate it)."""
    from toyqueue import service
    real = service.md5_of_body

    def md5_of_body(body):
        if body == "boom":
            raise RuntimeError("a bug")
        return real(body)

    monkeypatch.setattr(service, "md5_of_body", md5_of_body)
    with pytest.raises(RuntimeError):
        svc.send_message_batch(QueueUrl=url, Entries=[
            {"Id": "1", "MessageBody": "fine"}, {"Id": "2", "MessageBody": "boom"}])
    assert svc.queue(url).counts() == {"visible": 0, "inflight": 0, "delayed": 0}


@pytest.mark.parametrize("missing, message", [
    ("MessageGroupId", "The request must contain the parameter MessageGroupId."),
    ("MessageDeduplicationId", "The queue should either have ContentBasedDeduplication enabled or "
                               "MessageDeduplicationId provided explicitly")])
def test_fifo_batch_entry_without_group_or_dedup_fails_the_whole_batch(svc, fifo, missing, message):
    es = [{"Id": f"e{i}", "MessageBody": f"m{i}", "MessageGroupId": "g", "MessageDeduplicationId": f"d{i}"}
          for i in range(2)]
    del es[1][missing]
    with pytest.raises(E.InvalidParameterValue) as e:
        svc.send_message_batch(QueueUrl=fifo, Entries=es)
    assert e.value.message == message
    assert receive_all(svc, fifo) == []                   # not even the good entry was sent
