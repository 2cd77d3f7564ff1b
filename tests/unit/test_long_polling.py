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


def _wait_for_waiters(q, n, seconds=10):
    deadline = time.monotonic() + seconds
    while q.waiters < n and time.monotonic() < deadline:
        time.sleep(0.01)
    assert q.waiters >= n, "the long poll never started waiting"


def _poll_in_thread(svc, url, out, key, wait=20):
    def run():
        t = time.monotonic()
        out[key] = svc.receive_message(QueueUrl=url, WaitTimeSeconds=wait, VisibilityTimeout=1)
        out[key + " waited"] = time.monotonic() - t
    th = threading.Thread(target=run)
    th.start()
    return th


def test_real_long_poll_already_waiting_wakes_when_a_delay_ends():
    """The poll started before the delayed message existed: it must not sleep its whole wait."""
    svc = QueueService(clock=RealClock())
    url = svc.create_queue(QueueName="lp")["QueueUrl"]
    out = {}
    th = _poll_in_thread(svc, url, out, "poll")
    _wait_for_waiters(svc.queue(url), 1)
    svc.send_message(QueueUrl=url, MessageBody="later", DelaySeconds=1)
    th.join(30)
    assert out["poll"]["Messages"][0]["Body"] == "later"
    assert out["poll waited"] < 10               # about 1 s; it was the full 20 s


def test_real_long_poll_already_waiting_wakes_when_another_consumers_timeout_ends():
    """Two polls wait; the first takes the message (1 s visibility timeout) and never deletes
    it; the second must get it when that timeout ends, not at the end of its own wait."""
    svc = QueueService(clock=RealClock())
    url = svc.create_queue(QueueName="lp")["QueueUrl"]
    out = {}
    first = _poll_in_thread(svc, url, out, "first")
    _wait_for_waiters(svc.queue(url), 1)
    second = _poll_in_thread(svc, url, out, "second")
    _wait_for_waiters(svc.queue(url), 2)
    svc.send_message(QueueUrl=url, MessageBody="m")
    first.join(30)
    second.join(30)
    assert [m["Body"] for m in out["first"]["Messages"]] == ["m"]
    assert [m["Body"] for m in out["second"]["Messages"]] == ["m"]
    assert out["second waited"] < 10             # about 1 s; it was the full 20 s
