"""Long polls over HTTP (RealClock): a poll already waiting gets a message as soon as it
becomes visible, whether its delay ends or another consumer's visibility timeout does."""

import threading
import time


def poll_in_thread(client, url, out, key):
    def run():
        t = time.monotonic()
        out[key] = client.receive_message(QueueUrl=url, WaitTimeSeconds=20, VisibilityTimeout=1)
        out[key + " waited"] = time.monotonic() - t
    th = threading.Thread(target=run)
    th.start()
    return th


def wait_for_waiters(endpoint, url, n):
    q = endpoint.service.queue(url)
    deadline = time.monotonic() + 10
    while q.waiters < n and time.monotonic() < deadline:
        time.sleep(0.01)
    assert q.waiters >= n


def test_a_waiting_poll_gets_a_delayed_message_when_its_delay_ends(endpoint, sqs, new_client):
    url = sqs.create_queue(QueueName="lp-delay")["QueueUrl"]
    out = {}
    th = poll_in_thread(new_client(endpoint.url, read_timeout=40), url, out, "poll")
    wait_for_waiters(endpoint, url, 1)
    sqs.send_message(QueueUrl=url, MessageBody="later", DelaySeconds=2)
    th.join(40)
    assert [m["Body"] for m in out["poll"]["Messages"]] == ["later"]
    assert out["poll waited"] < 12               # about 2 s; it was 19 s


def test_a_waiting_poll_gets_a_message_whose_timeout_ends(endpoint, sqs, new_client):
    url = sqs.create_queue(QueueName="lp-timeout")["QueueUrl"]
    out = {}
    first = poll_in_thread(new_client(endpoint.url, read_timeout=40), url, out, "first")
    wait_for_waiters(endpoint, url, 1)
    second = poll_in_thread(new_client(endpoint.url, read_timeout=40), url, out, "second")
    wait_for_waiters(endpoint, url, 2)
    sqs.send_message(QueueUrl=url, MessageBody="m")
    first.join(40)
    second.join(40)
    assert [m["Body"] for m in out["first"]["Messages"]] == ["m"]
    assert [m["Body"] for m in out["second"]["Messages"]] == ["m"]
    assert out["second waited"] < 12             # about 1 s; it was 19.5 s
