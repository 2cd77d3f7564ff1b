"""The endpoint's HTTP plumbing under misuse: bodies it cannot frame, idle and trickling
clients, more connections than it will hold. Each answer is a 4xx or a closed connection,
never unbounded memory, a stuck thread or a client locked out."""

import socket
import threading
import time

import pytest

from toyqueue import server

HEAD = (b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
        b"X-Amz-Target: AmazonSQS.ListQueues\r\n")


def connect(ep, timeout=10):
    s = socket.create_connection((ep.host, ep.port), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def read_until_closed(s):
    """Everything the server sends until it closes; socket.timeout if it never does."""
    out = b""
    while True:
        data = s.recv(65536)
        if not data:
            return out
        out += data


def closed_within(s, seconds):
    s.settimeout(seconds)
    try:
        read_until_closed(s)
    except (TimeoutError, socket.timeout):
        return False
    except ConnectionResetError:
        pass
    return True


@pytest.mark.parametrize("size", [b"-1", b"-0", b"0x10", b"+5", b" ", b"zz",
                                  b"FFFFFFFFFFFFFFFF", b"800001"])
def test_a_chunk_size_that_is_not_plain_hex_or_too_big_is_refused(endpoint, sqs, size):
    """Chunk size -1 used to read the connection into memory without end."""
    with connect(endpoint) as s:
        s.sendall(HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + size + b"\r\n" + b"{}" * 100)
        s.settimeout(10)
        answer = read_until_closed(s)         # the server answers, then closes
    assert answer.startswith(b"HTTP/1.1 400 "), answer[:200]
    assert b"Connection: close" in answer
    assert sqs.list_queues()["ResponseMetadata"]["HTTPStatusCode"] == 200


def test_chunked_bodies_still_work(endpoint):
    with connect(endpoint) as s:
        s.sendall(HEAD + b"Transfer-Encoding: chunked\r\n\r\n"
                  b"1;ext=1\r\n{\r\n1\r\n}\r\n0\r\nX-Trailer: 1\r\n\r\n")
        s.settimeout(10)
        answer = s.recv(65536)
    assert answer.startswith(b"HTTP/1.1 200 "), answer[:200]


@pytest.mark.parametrize("framing", [
    b"Content-Length: 2\r\nContent-Length: 40\r\n",
    b"Content-Length: 2, 40\r\n",
    b"Content-Length: 2\r\nTransfer-Encoding: chunked\r\n",
    b"Transfer-Encoding: gzip\r\n",
    b"Content-Length: +2\r\n",
    b"Content-Length: 0_2\r\n",
    b"Content-Length: 2.0\r\n",
])
def test_a_body_length_that_cannot_be_trusted_is_refused(endpoint, framing):
    """Two lengths (or a length and chunked) let a request hide another one inside it."""
    with connect(endpoint) as s:
        s.sendall(HEAD + framing + b"\r\n{}" + b" " * 38)
        s.settimeout(10)
        answer = read_until_closed(s)
    assert answer.startswith(b"HTTP/1.1 400 "), answer[:200]
    assert answer.count(b"HTTP/1.1") == 1


def test_repeating_the_same_content_length_is_fine(endpoint):
    with connect(endpoint) as s:
        s.sendall(HEAD + b"Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}")
        assert s.recv(65536).startswith(b"HTTP/1.1 200 ")


def test_a_body_cut_short_is_not_run(endpoint, sqs):
    """Half a form can be a valid, shorter request: it must not be executed."""
    form = b"Action=CreateQueue&QueueName=cut-short-queue-name"
    with connect(endpoint) as s:
        s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
                  b"\r\nContent-Length: %d\r\n\r\n" % len(form) + form[:-5])
        s.shutdown(socket.SHUT_WR)            # the client is gone before the last 5 bytes
        s.settimeout(10)
        read_until_closed(s)
    assert "QueueUrls" not in sqs.list_queues(QueueNamePrefix="cut-short")


def test_an_idle_connection_is_closed_after_the_idle_timeout(new_client):
    ep = server.start(idle_timeout=0.5)
    try:
        with connect(ep) as s:
            assert closed_within(s, 30), "an idle connection was kept open"
        assert new_client(ep.url).list_queues()["ResponseMetadata"]["HTTPStatusCode"] == 200
    finally:
        ep.stop()


def test_a_request_trickled_a_byte_at_a_time_is_cut_off():
    """Each byte comes before any read timeout, so only a deadline for the whole request works."""
    ep = server.start(idle_timeout=1.0)
    request = HEAD + b"Content-Length: 2\r\n" + b"X-Padding: " + b"p" * 300 + b"\r\n\r\n{}"
    try:
        with connect(ep) as s:
            sent = 0
            try:
                for byte in request:
                    s.sendall(bytes([byte]))
                    sent += 1
                    time.sleep(0.05)
                    if closed_within(s, 0.001):
                        break
            except OSError:
                pass
        assert sent < len(request), "the whole trickled request was read"
    finally:
        ep.stop()


def test_a_flood_of_idle_connections_does_not_lock_a_client_out(new_client):
    ep = server.start(max_connections=8)
    flood = []
    try:
        for _ in range(40):
            flood.append(connect(ep))
        sqs = new_client(ep.url)
        for _ in range(5):
            assert sqs.list_queues()["ResponseMetadata"]["HTTPStatusCode"] == 200
        assert ep._httpd.open_connections() <= 8
    finally:
        for s in flood:
            s.close()
        ep.stop()


def test_a_full_server_never_cuts_a_request_it_is_working_on(new_client):
    """Room is made by closing waiting connections, never a long poll in progress."""
    ep = server.start(max_connections=2)
    try:
        poller = new_client(ep.url, read_timeout=30)
        url = poller.create_queue(QueueName="waiting-room")["QueueUrl"]
        got = {}
        t = threading.Thread(target=lambda: got.update(poller.receive_message(
            QueueUrl=url, WaitTimeSeconds=2)))
        t.start()
        deadline = time.monotonic() + 10
        while not ep.service.queue(url).waiters and time.monotonic() < deadline:
            time.sleep(0.01)
        flood = [connect(ep) for _ in range(10)]
        other = new_client(ep.url)
        other.send_message(QueueUrl=url, MessageBody="for the poller")
        t.join(30)
        for s in flood:
            s.close()
        assert [m["Body"] for m in got["Messages"]] == ["for the poller"]
    finally:
        ep.stop()
