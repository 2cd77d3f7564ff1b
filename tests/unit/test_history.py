"""The history checker: it passes correct histories and catches each kind of fault."""
from toyqueue import History, QueueService, VirtualClock, check
from toyqueue.history import Op


def h_with(*ops):
    h = History(VirtualClock(start=0))
    for op in ops:
        h.add(op)
    return h


def send(mid, body, t, **kw):
    return Op("send", t, t + 0.1, True, message_id=mid, body=body, **kw)


def recv(mid, body, t, rh, vt=30, batch=None, index=0):
    return Op("receive", t, t + 0.1, True, message_id=mid, body=body, receipt_handle=rh,
              visibility_timeout=vt, batch=batch if batch is not None else hash(rh), index=index)


def delete(rh, t, ok=True):
    return Op("delete", t, t + 0.1, ok, receipt_handle=rh)


def test_clean_history_is_valid():
    r = check(h_with(send("m1", "a", 0), recv("m1", "a", 1, "r1"), delete("r1", 2)))
    assert r.valid and r.sent == 1 and r.received == 1 and not r.duplicates
    assert "VALID" in str(r)


def test_lost_message():
    r = check(h_with(send("m1", "a", 0), send("m2", "b", 0), recv("m1", "a", 1, "r1")))
    assert not r.valid and r.lost == ["m2"]
    assert check(h_with(send("m1", "a", 0)), complete=False).valid


def test_unexpected_and_recovered():
    r = check(h_with(send("m1", "a", 0), recv("m1", "a", 1, "r1"), recv("zz", "ghost", 1, "r2")))
    assert not r.valid and r.unexpected[0]["message_id"] == "zz"
    unknown = Op("send", 0, 1, None, body="maybe")
    r = check(h_with(unknown, recv("m9", "maybe", 2, "r9")))
    assert r.valid and r.recovered == ["m9"]
    failed = Op("send", 0, 1, False, body="refused")
    r = check(h_with(failed, recv("m8", "refused", 2, "r8")))
    assert not r.valid and r.unexpected


def test_duplicates_are_counted_not_failed():
    r = check(h_with(send("m1", "a", 0), recv("m1", "a", 1, "r1", vt=5), recv("m1", "a", 7, "r2"),
                     recv("m1", "a", 40, "r3"), delete("r3", 41)))
    assert r.valid and r.duplicates == {"m1": 3} and r.duplicated == 2 and r.deliveries == 3


def test_early_redelivery():
    r = check(h_with(send("m1", "a", 0), recv("m1", "a", 1, "r1", vt=30), recv("m1", "a", 10, "r2")))
    assert not r.valid and r.early[0]["message_id"] == "m1"


def test_overlapping_receives_may_deliver_in_either_order():
    # A long poll that started first may hand the message out last: not early.
    poll = Op("receive", 1, 2.2, True, message_id="m1", body="a", receipt_handle="r1",
              visibility_timeout=1, batch=1, index=0)
    quick = Op("receive", 1.1, 1.15, True, message_id="m1", body="a", receipt_handle="r2",
               visibility_timeout=1, batch=2, index=0)
    assert check(h_with(send("m1", "a", 0), poll, quick), complete=False).valid
    slow = Op("receive", 1, 1.5, True, message_id="m1", body="a", receipt_handle="r3",
              visibility_timeout=1, batch=3, index=0)
    assert check(h_with(send("m1", "a", 0), slow, quick), complete=False).early   # early both ways


def test_visibility_change_counts():
    change = Op("visibility", 5, 5.1, True, receipt_handle="r1", visibility_timeout=100)
    r = check(h_with(send("m1", "a", 0), recv("m1", "a", 1, "r1", vt=30), change, recv("m1", "a", 50, "r2")))
    assert r.early
    zero = Op("visibility", 5, 5.1, True, receipt_handle="r1", visibility_timeout=0)
    r = check(h_with(send("m1", "a", 0), recv("m1", "a", 1, "r1", vt=30), zero, recv("m1", "a", 6, "r2")))
    assert r.valid
    # a change made after the timeout ended leaves the message visible (SQS answers 200)
    late = Op("visibility", 40, 40.1, True, receipt_handle="r1", visibility_timeout=100)
    r = check(h_with(send("m1", "a", 0), recv("m1", "a", 1, "r1", vt=30), late, recv("m1", "a", 50, "r2")))
    assert r.valid
    # an older handle acts on the message too (standard queues)
    old = Op("visibility", 12, 12.1, True, receipt_handle="r1", visibility_timeout=0)
    r = check(h_with(send("m1", "a", 0), recv("m1", "a", 1, "r1", vt=0), recv("m1", "a", 10, "r2", vt=30),
                     old, recv("m1", "a", 13, "r3")))
    assert r.valid


def test_delivery_after_delete():
    r = check(h_with(send("m1", "a", 0), recv("m1", "a", 1, "r1", vt=5), delete("r1", 2), recv("m1", "a", 10, "r2")))
    assert not r.valid and r.after_delete[0]["message_id"] == "m1"
    # a delete with a superseded handle proves nothing
    r = check(h_with(send("m1", "a", 0), recv("m1", "a", 1, "r1", vt=5), recv("m1", "a", 7, "r2", vt=5),
                     delete("r1", 8), recv("m1", "a", 20, "r3")))
    assert r.valid
    # a failed delete proves nothing either
    r = check(h_with(send("m1", "a", 0), recv("m1", "a", 1, "r1", vt=5), delete("r1", 2, ok=False),
                     recv("m1", "a", 10, "r2")))
    assert r.valid


def test_fifo_order_violation():
    s1 = send("m1", "a", 0, group_id="g", sequence_number="1")
    s2 = send("m2", "b", 0.5, group_id="g", sequence_number="2")
    bad = check(h_with(s1, s2, recv("m2", "b", 1, "r2"), recv("m1", "a", 2, "r1")), complete=False)
    assert bad.order and bad.order[0]["before"] == "m1"
    same_batch = check(h_with(s1, s2, recv("m1", "a", 1, "r1", batch=1, index=0),
                              recv("m2", "b", 1, "r2", batch=1, index=1)))
    assert same_batch.valid
    after_delete = check(h_with(s1, s2, recv("m1", "a", 1, "r1"), delete("r1", 2), recv("m2", "b", 3, "r2")))
    assert after_delete.valid


def test_dedup_violation():
    a = send("m1", "x", 0, group_id="g", sequence_number="1", dedup_id="d")
    b = send("m2", "x", 10, group_id="g", sequence_number="2", dedup_id="d")
    r = check(h_with(a, b), complete=False)
    assert r.dedup and r.dedup[0]["first"] == "m1"
    late = send("m3", "x", 400, group_id="g", sequence_number="3", dedup_id="d")
    assert check(h_with(a, late), complete=False).valid
    same = send("m1", "x", 10, group_id="g", sequence_number="1", dedup_id="d")
    assert check(h_with(a, same), complete=False).valid
    cb = send("m4", "x", 20, group_id="g", sequence_number="4")
    assert check(h_with(a, cb), complete=False).valid
    cb1 = send("m5", "same", 0, group_id="g", sequence_number="5")
    cb2 = send("m6", "same", 1, group_id="g", sequence_number="6")
    assert check(h_with(cb1, cb2), complete=False, content_based=True).dedup


def test_wrapped_service_records_everything():
    clock = VirtualClock()
    svc = QueueService(clock=clock)
    h = History(clock)
    c = h.wrap(svc, process="p1")
    url = c.create_queue(QueueName="q.fifo", Attributes={"FifoQueue": "true",
                                                         "ContentBasedDeduplication": "true"})["QueueUrl"]
    c.send_message(QueueUrl=url, MessageBody="a", MessageGroupId="g")
    c.send_message_batch(QueueUrl=url, Entries=[{"Id": "1", "MessageBody": "b", "MessageGroupId": "g"},
                                                {"Id": "2", "MessageBody": "\x00", "MessageGroupId": "g"}])
    msgs = c.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
    c.change_message_visibility(QueueUrl=url, ReceiptHandle=msgs[0]["ReceiptHandle"], VisibilityTimeout=60)
    c.delete_message_batch(QueueUrl=url, Entries=[{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]}
                                                  for i, m in enumerate(msgs)])
    kinds = [op.kind for op in h.ops]
    assert kinds == ["send", "send", "send", "receive", "receive", "visibility", "delete", "delete"]
    assert [op.ok for op in h.ops if op.kind == "send"] == [True, True, False]
    assert all(op.process == "p1" for op in h.ops)
    assert h.ops[3].visibility_timeout == 30.0
    r = check(h, content_based=True)
    assert r.valid and r.sent == 2 and r.received == 2


def test_checker_catches_a_broken_queue():
    """A queue that ignores visibility timeouts must be caught."""
    clock = VirtualClock()
    svc = QueueService(clock=clock)
    h = History(clock)
    c = h.wrap(svc)
    url = c.create_queue(QueueName="broken")["QueueUrl"]
    c.send_message(QueueUrl=url, MessageBody="x")
    q = svc.queue(url)
    c.receive_message(QueueUrl=url)
    clock.advance(1)
    with q.lock:                              # sabotage: release the in-flight message early
        q._unhide(q.age[0])
    c.receive_message(QueueUrl=url)
    r = check(h, complete=False)
    assert not r.valid and r.early


def test_recorder_notices_a_new_queue_visibility_timeout():
    clock = VirtualClock()
    svc = QueueService(clock=clock)
    h = History(clock)
    c = h.wrap(svc)
    url = c.create_queue(QueueName="q")["QueueUrl"]
    c.send_message(QueueUrl=url, MessageBody="x")
    c.receive_message(QueueUrl=url)
    c.set_queue_attributes(QueueUrl=url, Attributes={"VisibilityTimeout": "5"})
    clock.advance(30)
    c.receive_message(QueueUrl=url)
    clock.advance(5)
    m = c.receive_message(QueueUrl=url)["Messages"][0]
    c.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    assert [op.visibility_timeout for op in h.ops if op.kind == "receive"] == [30.0, 5.0, 5.0]
    assert check(h).valid
