"""FIFO queues: groups, order, what an in-flight message holds back, deduplication, sequence numbers."""
import hashlib

import pytest

from unit_helpers import receive_all
from toyqueue import errors as E


def send(svc, url, body, group="g", dedup=None, **kw):
    return svc.send_message(QueueUrl=url, MessageBody=body, MessageGroupId=group,
                            MessageDeduplicationId=dedup or body, **kw)


def bodies(msgs):
    return [m["Body"] for m in msgs]


def test_group_id_required(svc, fifo):
    with pytest.raises(E.MissingParameter) as e:
        svc.send_message(QueueUrl=fifo, MessageBody="x", MessageDeduplicationId="d")
    assert e.value.message == "The request must contain the parameter MessageGroupId."


def test_dedup_id_or_content_based_required(svc, fifo):
    with pytest.raises(E.InvalidParameterValue) as e:
        svc.send_message(QueueUrl=fifo, MessageBody="x", MessageGroupId="g")
    assert e.value.message == ("The queue should either have ContentBasedDeduplication enabled or "
                               "MessageDeduplicationId provided explicitly")


def test_per_message_delay_not_allowed(svc, fifo):
    with pytest.raises(E.InvalidParameterValue, match="Value 5 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type."):
        send(svc, fifo, "x", DelaySeconds=5)
    send(svc, fifo, "y", DelaySeconds=0)


def test_bad_group_and_dedup_ids(svc, fifo):
    with pytest.raises(E.InvalidParameterValue, match="MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length."):
        send(svc, fifo, "x", group="has space")
    with pytest.raises(E.InvalidParameterValue, match="MessageDeduplicationId can only include"):
        send(svc, fifo, "x", dedup="d" * 129)


def test_sequence_numbers_grow(svc, fifo):
    seqs = [int(send(svc, fifo, f"m{i}")["SequenceNumber"]) for i in range(5)]
    assert seqs == sorted(seqs) and len(set(seqs)) == 5
    assert all(len(str(s)) == 20 for s in seqs)
    # no run of twelve zeros: a sequence number never contains the account id 000000000000
    assert not any(svc.account_id in str(s) for s in seqs)


def test_order_within_group_and_group_locked_while_in_flight(svc, fifo, clock):
    for i in range(4):
        send(svc, fifo, f"a{i}", group="A")
    first = receive_all(svc, fifo, MaxNumberOfMessages=2)
    assert bodies(first) == ["a0", "a1"]
    assert receive_all(svc, fifo, MaxNumberOfMessages=10) == []        # A is locked
    svc.delete_message(QueueUrl=fifo, ReceiptHandle=first[0]["ReceiptHandle"])
    assert receive_all(svc, fifo) == []                                  # a1 still in flight
    svc.delete_message(QueueUrl=fifo, ReceiptHandle=first[1]["ReceiptHandle"])
    assert bodies(receive_all(svc, fifo, MaxNumberOfMessages=10)) == ["a2", "a3"]


def test_other_groups_flow_while_one_is_locked(svc, fifo):
    send(svc, fifo, "a0", group="A")
    send(svc, fifo, "a1", group="A")
    send(svc, fifo, "b0", group="B")
    assert bodies(receive_all(svc, fifo)) == ["a0"]
    assert bodies(receive_all(svc, fifo)) == ["b0"]
    assert receive_all(svc, fifo) == []


def test_timed_out_message_comes_back_first(svc, fifo, clock):
    for i in range(3):
        send(svc, fifo, f"a{i}")
    got = receive_all(svc, fifo, VisibilityTimeout=10)
    assert bodies(got) == ["a0"]
    clock.advance(10)
    again = receive_all(svc, fifo, MaxNumberOfMessages=10, AttributeNames=["ApproximateReceiveCount"])
    assert bodies(again) == ["a0", "a1", "a2"]
    assert again[0]["Attributes"]["ApproximateReceiveCount"] == "2"


def test_deduplication_within_5_minutes(svc, fifo, clock):
    a = send(svc, fifo, "one", dedup="d1")
    b = send(svc, fifo, "one again", dedup="d1")
    assert a["MessageId"] == b["MessageId"] and a["SequenceNumber"] == b["SequenceNumber"]
    clock.advance(299)
    assert send(svc, fifo, "x", dedup="d1")["MessageId"] == a["MessageId"]
    clock.advance(1)
    c = send(svc, fifo, "later", dedup="d1")
    assert c["MessageId"] != a["MessageId"]
    assert bodies(receive_all(svc, fifo, MaxNumberOfMessages=10)) == ["one", "later"]


def test_dedup_applies_even_after_delete(svc, fifo):
    send(svc, fifo, "x", dedup="d")
    m = receive_all(svc, fifo)[0]
    svc.delete_message(QueueUrl=fifo, ReceiptHandle=m["ReceiptHandle"])
    send(svc, fifo, "x", dedup="d")
    assert receive_all(svc, fifo) == []


def test_content_based_deduplication(svc):
    url = svc.create_queue(QueueName="cb.fifo", Attributes={"FifoQueue": "true",
                                                            "ContentBasedDeduplication": "true"})["QueueUrl"]
    a = svc.send_message(QueueUrl=url, MessageBody="same", MessageGroupId="g")
    b = svc.send_message(QueueUrl=url, MessageBody="same", MessageGroupId="g2")
    assert a["MessageId"] == b["MessageId"]
    m = receive_all(svc, url, AttributeNames=["MessageDeduplicationId"])[0]
    assert m["Attributes"]["MessageDeduplicationId"] == hashlib.sha256(b"same").hexdigest()


def test_dedup_scope_message_group(svc):
    url = svc.create_queue(QueueName="s.fifo", Attributes={"FifoQueue": "true",
                                                           "DeduplicationScope": "messageGroup",
                                                           "FifoThroughputLimit": "perMessageGroupId"})["QueueUrl"]
    a = send(svc, url, "x", group="A", dedup="d")
    b = send(svc, url, "x", group="B", dedup="d")
    assert a["MessageId"] != b["MessageId"]


def test_dedup_scope_changed_later_keeps_deduplicating_queue_wide(svc, fifo):
    # AWS: LocalStack's recording of test_fifo_change_to_high_throughput_after_creation
    send(svc, fifo, "Test1", group="group1", dedup="same")
    svc.set_queue_attributes(QueueUrl=fifo, Attributes={"DeduplicationScope": "messageGroup",
                                                        "FifoThroughputLimit": "perMessageGroupId"})
    attrs = svc.get_queue_attributes(QueueUrl=fifo, AttributeNames=["DeduplicationScope"])
    assert attrs["Attributes"] == {"DeduplicationScope": "messageGroup"}
    assert send(svc, fifo, "Test3", group="group3", dedup="same")["MessageId"] == \
        send(svc, fifo, "Test1 again", group="group1", dedup="same")["MessageId"]
    send(svc, fifo, "Test4", group="group4", dedup="new")
    send(svc, fifo, "Test5", group="group5", dedup="new")
    assert bodies(receive_all(svc, fifo, MaxNumberOfMessages=10)) == ["Test1", "Test4"]


def test_fifo_system_attributes(svc, fifo):
    r = send(svc, fifo, "x", group="G", dedup="D")
    m = receive_all(svc, fifo, MessageSystemAttributeNames=["All"])[0]
    assert m["Attributes"]["MessageGroupId"] == "G"
    assert m["Attributes"]["MessageDeduplicationId"] == "D"
    assert m["Attributes"]["SequenceNumber"] == r["SequenceNumber"]


def test_expired_receipt_handle_is_an_error(svc, fifo, clock):
    send(svc, fifo, "x")
    rh = receive_all(svc, fifo, VisibilityTimeout=5)[0]["ReceiptHandle"]
    clock.advance(5)
    with pytest.raises(E.InvalidParameterValue) as e:
        svc.delete_message(QueueUrl=fifo, ReceiptHandle=rh)
    assert e.value.message == f"Value {rh} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired."
    with pytest.raises(E.InvalidParameterValue, match="The receipt handle has expired."):
        svc.change_message_visibility(QueueUrl=fifo, ReceiptHandle=rh, VisibilityTimeout=10)
    rh2 = receive_all(svc, fifo)[0]["ReceiptHandle"]
    svc.delete_message(QueueUrl=fifo, ReceiptHandle=rh2)
    assert receive_all(svc, fifo) == []


def test_queue_delay_keeps_order(svc, fifo, clock):
    svc.set_queue_attributes(QueueUrl=fifo, Attributes={"DelaySeconds": "10"})
    send(svc, fifo, "a0")
    svc.set_queue_attributes(QueueUrl=fifo, Attributes={"DelaySeconds": "0"})
    send(svc, fifo, "a1")
    assert receive_all(svc, fifo) == []                       # a1 waits behind a0
    clock.advance(10)
    assert bodies(receive_all(svc, fifo, MaxNumberOfMessages=10)) == ["a0", "a1"]


def test_change_visibility_to_zero_unlocks_group(svc, fifo):
    send(svc, fifo, "a0")
    send(svc, fifo, "a1")
    rh = receive_all(svc, fifo)[0]["ReceiptHandle"]
    svc.change_message_visibility(QueueUrl=fifo, ReceiptHandle=rh, VisibilityTimeout=0)
    assert bodies(receive_all(svc, fifo, MaxNumberOfMessages=10)) == ["a0", "a1"]


def test_many_groups_interleave_but_each_stays_in_order(svc, fifo):
    import random
    rnd = random.Random(7)
    expected = {}
    for i in range(200):
        g = f"g{rnd.randrange(8)}"
        expected.setdefault(g, []).append(f"{g}-{i}")
        send(svc, fifo, f"{g}-{i}", group=g)
    got = {}
    while True:
        msgs = receive_all(svc, fifo, MaxNumberOfMessages=rnd.randint(1, 10))
        if not msgs:
            break
        for m in msgs:
            got.setdefault(m["Body"].split("-")[0], []).append(m["Body"])
            svc.delete_message(QueueUrl=fifo, ReceiptHandle=m["ReceiptHandle"])
    assert got == expected


def test_receive_request_attempt_id_retry_returns_the_same_messages(svc, fifo, clock):
    for i in range(3):
        send(svc, fifo, f"a{i}")
    first = svc.receive_message(QueueUrl=fifo, MaxNumberOfMessages=2, ReceiveRequestAttemptId="try-1")
    retry = svc.receive_message(QueueUrl=fifo, MaxNumberOfMessages=2, ReceiveRequestAttemptId="try-1")
    assert retry == first and bodies(first["Messages"]) == ["a0", "a1"]
    svc.delete_message(QueueUrl=fifo, ReceiptHandle=first["Messages"][0]["ReceiptHandle"])
    # something changed: the retry is an ordinary receive again (the group is still locked)
    assert svc.receive_message(QueueUrl=fifo, ReceiveRequestAttemptId="try-1") == {}
    with pytest.raises(E.InvalidParameterValue, match="ReceiveRequestAttemptId can only include"):
        svc.receive_message(QueueUrl=fifo, ReceiveRequestAttemptId="bad id")


def test_receive_attempt_ids_expiring_under_concurrent_receives_never_fail(svc, clock):
    """Expired attempt ids were pruned without the queue's lock: two receives pruning the
    same entries at once failed with KeyError (an HTTP 500)."""
    import sys
    import threading
    url = svc.create_queue(QueueName="race.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    failures = []
    start = threading.Barrier(8)

    def receive(k):
        start.wait()
        try:
            svc.receive_message(QueueUrl=url, ReceiveRequestAttemptId=f"new-{k}")
        except Exception as e:                      # noqa: BLE001 - the test counts them
            failures.append(repr(e))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)                     # switch threads as often as possible
    try:
        for round in range(10):
            for i in range(2_000):
                svc.send_message(QueueUrl=url, MessageBody="m", MessageGroupId=str(i),
                                 MessageDeduplicationId=f"{round}-{i}")
                svc.receive_message(QueueUrl=url, ReceiveRequestAttemptId=f"old-{round}-{i}")
            clock.advance(301)                      # every one of them has expired
            threads = [threading.Thread(target=receive, args=(k,)) for k in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
    finally:
        sys.setswitchinterval(interval)
    assert failures == []


def test_group_opens_as_soon_as_its_first_message_is_visible_again(svc, fifo):
    # AWS: LocalStack's test_fifo_message_group_visibility_after_terminate_visibility_timeout
    send(svc, fifo, "g1-m1", group="g1")
    send(svc, fifo, "g1-m2", group="g1")
    send(svc, fifo, "g2-m1", group="g2")
    first = receive_all(svc, fifo, MaxNumberOfMessages=2, VisibilityTimeout=30)
    assert bodies(first) == ["g1-m1", "g1-m2"]
    svc.change_message_visibility(QueueUrl=fifo, ReceiptHandle=first[0]["ReceiptHandle"],
                                  VisibilityTimeout=0)
    # g1 waits behind g2 now; of g1 only the visible first message comes, g1-m2 is in flight
    assert bodies(receive_all(svc, fifo, MaxNumberOfMessages=3)) == ["g2-m1", "g1-m1"]


@pytest.mark.parametrize("extended, expected", [(0, []), (1, ["foo"]), (2, ["foo", "bar"])])
def test_a_message_still_in_flight_holds_back_the_rest_of_its_group(svc, fifo, clock, extended,
                                                                     expected):
    # AWS: LocalStack's test_fifo_group_visibility_extends_with_change_message_visibility
    for body in ("foo", "bar", "baz"):
        send(svc, fifo, body, group="1")
    got = receive_all(svc, fifo, MaxNumberOfMessages=5, VisibilityTimeout=1)
    svc.change_message_visibility(QueueUrl=fifo, ReceiptHandle=got[extended]["ReceiptHandle"],
                                  VisibilityTimeout=4)
    clock.advance(2.5)
    assert bodies(receive_all(svc, fifo, MaxNumberOfMessages=5)) == expected


def test_purge_clears_the_deduplication_cache(svc, fifo):
    send(svc, fifo, "message-1", dedup="d")
    svc.purge_queue(QueueUrl=fifo)
    send(svc, fifo, "message-2", dedup="d")
    assert bodies(receive_all(svc, fifo)) == ["message-2"]
