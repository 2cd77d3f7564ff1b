"""Memory follows the live messages: what is deleted, expired or forgotten by SQS's own rules
does not stay referenced by an index, a table or a record."""

import gc

import pytest

from toyqueue import errors as E
from toyqueue.message import Message

ROUNDS = 2_000     # of 10 messages each


def messages_alive():
    gc.collect()
    return sum(1 for o in gc.get_objects() if type(o) is Message)


def churn(svc, url, visibility_timeout=30, show_again=False):
    """Send, receive and delete ROUNDS * 10 messages, ten at a time."""
    for i in range(ROUNDS):
        svc.send_message_batch(QueueUrl=url, Entries=[
            {"Id": str(k), "MessageBody": f"m{i}-{k}"} for k in range(10)])
        got = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                                  VisibilityTimeout=visibility_timeout)["Messages"]
        if show_again:
            svc.queue(url).counts()           # visible again; deleted with the old handle below
        r = svc.delete_message_batch(QueueUrl=url, Entries=[
            {"Id": str(k), "ReceiptHandle": m["ReceiptHandle"]} for k, m in enumerate(got)])
        assert not r.get("Failed")            # (no Failed list when none failed, as AWS)


def test_deleted_messages_are_let_go_while_an_old_one_stays_in_flight(svc, url):
    """The age index was trimmed only from its front: one message in flight there kept every
    later (deleted) message in memory until retention ended (130 MB per 100,000)."""
    svc.send_message(QueueUrl=url, MessageBody="stuck")
    svc.receive_message(QueueUrl=url, VisibilityTimeout=43_200)
    before = messages_alive()
    churn(svc, url)
    q = svc.queue(url)
    assert q.counts() == {"visible": 0, "inflight": 1, "delayed": 0}
    assert messages_alive() - before < 2_100          # not 20,000
    assert len(q.age) < 2_100 and len(q.timers) < 2_100


def test_visible_messages_deleted_with_an_old_handle_are_let_go(svc, url):
    svc.send_message(QueueUrl=url, MessageBody="stuck")
    svc.receive_message(QueueUrl=url, VisibilityTimeout=43_200)
    before = messages_alive()
    churn(svc, url, visibility_timeout=0, show_again=True)
    q = svc.queue(url)
    assert q.counts() == {"visible": 0, "inflight": 1, "delayed": 0}
    assert messages_alive() - before < 2_100
    assert len(q.ready) < 2_100


def test_fifo_deduplication_keeps_ids_not_messages_and_forgets_after_5_minutes(svc, clock):
    url = svc.create_queue(QueueName="d.fifo", Attributes={
        "FifoQueue": "true", "ContentBasedDeduplication": "true"})["QueueUrl"]
    before = messages_alive()
    churn_fifo = [{"Id": str(k), "MessageBody": "x" * 1000 + str(k), "MessageGroupId": "g"}
                  for k in range(10)]
    for i in range(200):
        for e in churn_fifo:
            e["MessageBody"] = f"{i}-{e['Id']}-" + "x" * 1000
        svc.send_message_batch(QueueUrl=url, Entries=churn_fifo)
        got = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
        svc.delete_message_batch(QueueUrl=url, Entries=[
            {"Id": str(k), "ReceiptHandle": m["ReceiptHandle"]} for k, m in enumerate(got)])
    # Deleted: their bodies are gone, though their deduplication ids still count for 5 minutes.
    clock.advance(31)
    svc.queue(url).counts()                       # their visibility timers have run out too
    assert messages_alive() - before < 100
    again = svc.send_message(QueueUrl=url, MessageBody=f"0-0-" + "x" * 1000, MessageGroupId="g")
    assert svc.receive_message(QueueUrl=url) == {}                    # still a duplicate
    assert again["MessageId"]
    clock.advance(301)
    svc.send_message(QueueUrl=url, MessageBody="after the window", MessageGroupId="g")
    assert len(svc.queue(url).dedup) == 1


def test_receive_attempt_ids_are_forgotten_after_5_minutes(svc, clock):
    url = svc.create_queue(QueueName="a.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    for i in range(2_000):
        svc.send_message(QueueUrl=url, MessageBody="m", MessageGroupId=str(i),
                         MessageDeduplicationId=str(i))
        svc.receive_message(QueueUrl=url, ReceiveRequestAttemptId=f"attempt-{i}")
    clock.advance(301)
    svc.send_message(QueueUrl=url, MessageBody="m", MessageGroupId="g", MessageDeduplicationId="g")
    svc.receive_message(QueueUrl=url, ReceiveRequestAttemptId="one-more")
    assert len(svc.queue(url).attempts) == 1


def test_deleted_queue_names_are_forgotten_after_60_seconds(svc, clock):
    for i in range(2_000):
        url = svc.create_queue(QueueName=f"gone-{i}")["QueueUrl"]
        svc.delete_queue(QueueUrl=url)
    clock.advance(61)
    svc.delete_queue(QueueUrl=svc.create_queue(QueueName="last")["QueueUrl"])
    assert len(svc._deleted) == 1
    svc.create_queue(QueueName="gone-0")                              # free again


def test_move_tasks_keep_the_ten_most_recent_per_source(svc):
    dlq = svc.create_queue(QueueName="dlq")["QueueUrl"]
    arn = svc.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    svc.create_queue(QueueName="src", Attributes={
        "RedrivePolicy": f'{{"deadLetterTargetArn": "{arn}", "maxReceiveCount": "1"}}'})
    handles = [svc.start_message_move_task(SourceArn=arn)["TaskHandle"] for _ in range(200)]
    assert len(svc._moves.tasks) == 10
    results = svc.list_message_move_tasks(SourceArn=arn, MaxResults=10)["Results"]
    assert len(results) == 10
    # the newest is still known by its handle (it completed: it cannot be cancelled), the oldest not
    with pytest.raises(E.UnsupportedOperation):
        svc.cancel_message_move_task(TaskHandle=handles[-1])
    with pytest.raises(E.ResourceNotFoundException, match="Task does not exist."):
        svc.cancel_message_move_task(TaskHandle=handles[0])
