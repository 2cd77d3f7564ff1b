"""Long polling: on a VirtualClock time jumps; on a RealClock a send wakes the waiter."""
import threading
import time

from toyqueue import QueueService, RealClock


def test_virtual_long_poll_on_empty_queue_waits_the_whole_time(svc, url, clock):
    t0 = clock.now()
    assert svc.receive_message(QueueUrl=url, WaitTimeSeconds=20) == {}
    assert clock.now() == t0 + 20


def test_virtual_long_poll_wakes_when_a_delayed_message_shows(svc, url, clock):
    t0 = clock.now()
    svc.send_message(QueueUrl=url, MessageBody="soon", DelaySeconds=5)
    r = svc.receive_message(QueueUrl=url, WaitTimeSeconds=20)
    assert r["Messages"][0]["Body"] == "soon"
    assert clock.now() == t0 + 5


def test_virtual_long_poll_wakes_when_a_timeout_ends(svc, url, clock):
    t0 = clock.now()
    svc.send_message(QueueUrl=url, MessageBody="m")
    svc.receive_message(QueueUrl=url, VisibilityTimeout=3)
    r = svc.receive_message(QueueUrl=url, WaitTimeSeconds=10)
    assert r["Messages"][0]["Body"] == "m" and clock.now() == t0 + 3


def test_virtual_long_poll_stops_at_wait_even_if_message_later(svc, url, clock):
    t0 = clock.now()
    svc.send_message(QueueUrl=url, MessageBody="late", DelaySeconds=30)
    assert svc.receive_message(QueueUrl=url, WaitTimeSeconds=20) == {}
    assert clock.now() == t0 + 20


def test_queue_default_wait_time(svc, clock):
    url = svc.create_queue(QueueName="lp", Attributes={"ReceiveMessageWaitTimeSeconds": "7"})["QueueUrl"]
    t0 = clock.now()
    assert svc.receive_message(QueueUrl=url) == {}
    assert clock.now() == t0 + 7
    assert svc.receive_message(QueueUrl=url, WaitTimeSeconds=0) == {}
    assert clock.now() == t0 + 7


def test_short_poll_returns_at_once(svc, url, clock):
    t0 = clock.now()
    assert svc.receive_message(QueueUrl=url) == {}
    assert clock.now() == t0


def test_real_long_poll_wakes_on_send():
    svc = QueueService(clock=RealClock())
    url = svc.create_queue(QueueName="lp")["QueueUrl"]
    out = {}

    def consumer():
        t = time.monotonic()
        out["r"] = svc.receive_message(QueueUrl=url, WaitTimeSeconds=10)
        out["waited"] = time.monotonic() - t

    th = threading.Thread(target=consumer)
    th.start()
    time.sleep(0.2)
    assert th.is_alive()                      # really waiting
    svc.send_message(QueueUrl=url, MessageBody="wake up")
    th.join(timeout=10)
    assert out["r"]["Messages"][0]["Body"] == "wake up"
    assert out["waited"] < 5                  # woke on the send, not at the end of the 10 s wait


def test_real_long_poll_wakes_when_visibility_timeout_ends():
    svc = QueueService(clock=RealClock())
    url = svc.create_queue(QueueName="lp")["QueueUrl"]
    svc.send_message(QueueUrl=url, MessageBody="m")
    svc.receive_message(QueueUrl=url, VisibilityTimeout=1)
    t = time.monotonic()
    r = svc.receive_message(QueueUrl=url, WaitTimeSeconds=10)
    assert r["Messages"][0]["Body"] == "m"
    assert 0.5 < time.monotonic() - t < 5


def test_real_long_poll_does_not_block_other_threads():
    svc = QueueService(clock=RealClock())
    a = svc.create_queue(QueueName="a")["QueueUrl"]
    b = svc.create_queue(QueueName="b")["QueueUrl"]
    th = threading.Thread(target=lambda: svc.receive_message(QueueUrl=a, WaitTimeSeconds=1))
    th.start()
    time.sleep(0.1)
    svc.send_message(QueueUrl=b, MessageBody="x")
    assert svc.receive_message(QueueUrl=b)["Messages"][0]["Body"] == "x"
    assert th.is_alive()
    th.join()
