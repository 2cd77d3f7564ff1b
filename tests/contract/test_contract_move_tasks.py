"""Message move tasks (dead-letter queue redrive) as AWS runs them: in the background, at a
given rate, with a status, counts, a handle to cancel by, one task per source at a time.

The recordings are LocalStack's test_sqs_move_task.py (run against AWS); the test named in
each comment is the one a scenario follows.
"""

import base64
import json
import time
import uuid

import pytest


def arn_of(sqs, url):
    return sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]


@pytest.fixture
def dead_letters(sqs, queue, receive_within):
    """`dead_letters(n)`: a source queue whose n messages went to its dead-letter queue;
    returns (source url, dead-letter queue url, dead-letter queue ARN)."""
    def make(n):
        dlq = queue("-dlq")
        dlq_arn = arn_of(sqs, dlq)
        src = queue(RedrivePolicy=json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 1}))
        sqs.send_message_batch(QueueUrl=src, Entries=[
            {"Id": str(i), "MessageBody": f"message-{i}"} for i in range(n)])
        got = 0
        while got < n:                        # each message received once, then it moves
            got += len(receive_within(src, 3, n=n - got, VisibilityTimeout=0))
        deadline = time.monotonic() + 10
        while visible(sqs, dlq) < n and time.monotonic() < deadline:
            sqs.receive_message(QueueUrl=src, VisibilityTimeout=0, MaxNumberOfMessages=10)
        assert visible(sqs, dlq) == n
        return src, dlq, dlq_arn
    return make


def visible(sqs, url):
    attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"])
    return int(attrs["Attributes"]["ApproximateNumberOfMessages"])


def latest_task(sqs, arn, until, seconds=15):
    """The newest task of a source, polled until `until(task)` holds (AWS and LocalStack report
    progress a little later than it happens)."""
    deadline = time.monotonic() + seconds
    while True:
        (task,) = sqs.list_message_move_tasks(SourceArn=arn)["Results"]
        if until(task) or time.monotonic() > deadline:
            return task


def test_move_task_moves_every_message_and_completes(sqs, queue, dead_letters, receive_within):
    # test_basic_move_task_workflow
    _, dlq, arn = dead_letters(2)
    target = queue("-target")
    handle = sqs.start_message_move_task(SourceArn=arn, DestinationArn=arn_of(sqs, target))["TaskHandle"]
    decoded = json.loads(base64.b64decode(handle))          # the handle names task and source
    assert uuid.UUID(decoded["taskId"]) and decoded["sourceArn"] == arn
    assert {m["Body"] for m in receive_within(target, 10, n=2)} == {"message-0", "message-1"}
    task = latest_task(sqs, arn, lambda t: t["Status"] == "COMPLETED")
    assert {k: task[k] for k in ("Status", "ApproximateNumberOfMessagesMoved",
                                 "ApproximateNumberOfMessagesToMove", "SourceArn", "DestinationArn")} == {
        "Status": "COMPLETED", "ApproximateNumberOfMessagesMoved": 2,
        "ApproximateNumberOfMessagesToMove": 2, "SourceArn": arn, "DestinationArn": arn_of(sqs, target)}
    assert "TaskHandle" not in task and "MaxNumberOfMessagesPerSecond" not in task
    assert visible(sqs, dlq) == 0


def test_without_a_destination_messages_go_back_where_they_came_from(sqs, dead_letters,
                                                                     receive_within):
    # test_move_task_workflow_with_default_destination
    src, _, arn = dead_letters(2)
    sqs.start_message_move_task(SourceArn=arn)
    assert {m["Body"] for m in receive_within(src, 10, n=2)} == {"message-0", "message-1"}
    task = latest_task(sqs, arn, lambda t: t["Status"] == "COMPLETED")
    assert "DestinationArn" not in task and task["ApproximateNumberOfMessagesMoved"] == 2


def test_a_rate_limited_task_runs_and_can_be_cancelled(sqs, queue, dead_letters, receive_within):
    # test_move_task_with_throughput_limit, test_move_task_cancel, test_start_multiple_move_tasks
    _, dlq, arn = dead_letters(6)
    target = queue("-target")
    start = time.monotonic()
    handle = sqs.start_message_move_task(SourceArn=arn, DestinationArn=arn_of(sqs, target),
                                         MaxNumberOfMessagesPerSecond=1)["TaskHandle"]
    assert len(receive_within(target, 10, n=2)) == 2
    assert time.monotonic() - start >= 0.9               # one at once, the next a second later
    running = sqs.list_message_move_tasks(SourceArn=arn)["Results"][0]
    assert (running["Status"], running["TaskHandle"], running["MaxNumberOfMessagesPerSecond"],
            running["ApproximateNumberOfMessagesToMove"]) == ("RUNNING", handle, 1, 6)
    with pytest.raises(sqs.exceptions.ClientError) as info:   # one running task per source
        sqs.start_message_move_task(SourceArn=arn, DestinationArn=arn_of(sqs, target))
    assert info.value.response["Error"]["Message"] == (
        "There is already a task running. Only one active task is allowed for a source queue "
        "arn at a given time.")
    moved = sqs.cancel_message_move_task(TaskHandle=handle)["ApproximateNumberOfMessagesMoved"]
    assert 2 <= moved < 6
    task = latest_task(sqs, arn, lambda t: t["Status"] == "CANCELLED")
    assert task["Status"] == "CANCELLED" and "TaskHandle" not in task
    assert visible(sqs, dlq) > 0                           # the rest stays where it was


def failed_task(sqs, unique, dead_letters):
    """A task whose destination was deleted while it ran; returns (task, dead-letter queue)."""
    _, dlq, arn = dead_letters(4)
    target = sqs.create_queue(QueueName=unique("gone"))["QueueUrl"]
    sqs.start_message_move_task(SourceArn=arn, DestinationArn=arn_of(sqs, target),
                                MaxNumberOfMessagesPerSecond=1)
    sqs.delete_queue(QueueUrl=target)
    return latest_task(sqs, arn, lambda t: t["Status"] != "RUNNING"), dlq


def test_deleting_the_destination_fails_the_task(sqs, unique, dead_letters):
    # test_move_task_delete_destination_queue_while_running
    task, dlq = failed_task(sqs, unique, dead_letters)
    assert task["Status"] == "FAILED" and task["FailureReason"]
    assert visible(sqs, dlq) > 0


@pytest.mark.sqs_difference(
    sqs="gives a task whose destination was deleted the FailureReason "
        "AWS.SimpleQueueService.NonExistentQueue",
    localstack="gives QueueDoesNotExist")
def test_move_task_failure_reason_is_the_legacy_error_code(sqs, unique, dead_letters):
    # test_move_task_delete_destination_queue_while_running (LocalStack skips this path)
    task, _ = failed_task(sqs, unique, dead_letters)
    assert task["FailureReason"] == "AWS.SimpleQueueService.NonExistentQueue"


def test_move_task_errors(sqs, queue, dead_letters, error_of):
    # test_cancel_with_invalid_task_handle, ..._invalid_source_arn_in_task_handle,
    # ..._invalid_task_id_in_task_handle, test_destination_needs_to_exist,
    # test_source_needs_redrive_policy
    _, _, arn = dead_letters(1)
    plain = queue()

    def handle(task_id, source):
        return base64.b64encode(json.dumps({"taskId": task_id, "sourceArn": source}).encode()).decode()

    assert error_of(sqs.cancel_message_move_task, TaskHandle="foobared") == (
        "InvalidParameterValue", 400, "Value for parameter TaskHandle is invalid.")
    gone = "arn:aws:sqs:us-east-1:878966065785:test-queue-doesnt-exist-123456"
    assert error_of(sqs.cancel_message_move_task, TaskHandle=handle(str(uuid.uuid4()), gone)) == (
        "ResourceNotFoundException", 404,
        "The resource that you specified for the SourceArn parameter doesn't exist.")
    assert error_of(sqs.cancel_message_move_task, TaskHandle=handle(str(uuid.uuid4()), arn)) == (
        "ResourceNotFoundException", 404, "Task does not exist.")
    assert error_of(sqs.start_message_move_task, SourceArn=arn,
                    DestinationArn=arn_of(sqs, plain) + "doesntexist") == (
        "ResourceNotFoundException", 404,
        "The resource that you specified for the DestinationArn parameter doesn't exist.")
    assert error_of(sqs.start_message_move_task, SourceArn=arn_of(sqs, plain)) == (
        "InvalidParameterValue", 400, "Source queue must be configured as a Dead Letter Queue.")
