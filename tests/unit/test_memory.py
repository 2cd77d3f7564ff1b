"""Memory follows the live messages: what is deleted, expired or forgotten by SQS's own rules
does not stay referenced by an index, a table or a record."""

import gc

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
        assert not r["Failed"]


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
