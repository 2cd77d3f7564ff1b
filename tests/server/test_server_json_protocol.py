"""AWS JSON 1.0 on the wire: the exact bytes botocore sends and parses."""

import base64
import http.client
import json
import socket
import threading
import time

import pytest
from botocore.exceptions import BotoCoreError

from toyqueue import server, transport


def test_error_shape_matches_sqs(raw):
    status, headers, body = raw.json("GetQueueUrl", {"QueueName": "nobody-here"})
    assert status == 400
    assert body == {"__type": "com.amazonaws.sqs#QueueDoesNotExist",
                    "message": "The specified queue does not exist."}
    assert headers["x-amzn-query-error"] == "AWS.SimpleQueueService.NonExistentQueue;Sender"
    assert headers["content-type"] == "application/x-amz-json-1.0"
    assert headers["x-amzn-requestid"]


def test_generic_error_uses_the_aws_framework_type(raw, sqs):
    url = sqs.create_queue(QueueName="generic-errors")["QueueUrl"]
    status, headers, body = raw.json("ReceiveMessage", {"QueueUrl": url,
                                                        "MaxNumberOfMessages": 11})
    assert status == 400
    assert body["__type"] == "com.amazon.coral.service#InvalidParameterValueException"
    assert headers["x-amzn-query-error"] == "InvalidParameterValue;Sender"


def test_boto3_sees_legacy_code_and_modeled_exception(sqs):
    with pytest.raises(sqs.exceptions.QueueDoesNotExist) as info:
        sqs.get_queue_url(QueueName="nobody-here")
    err = info.value.response["Error"]
    assert (err["Code"], err["QueryErrorCode"], err["Type"]) == (
        "AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist", "Sender")


def test_purge_in_progress_is_403(sqs):
    url = sqs.create_queue(QueueName="purge-403")["QueueUrl"]
    sqs.purge_queue(QueueUrl=url)
    with pytest.raises(sqs.exceptions.PurgeQueueInProgress) as info:
        sqs.purge_queue(QueueUrl=url)
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_binary_attributes_travel_as_base64(raw, sqs):
    url = sqs.create_queue(QueueName="blobs")["QueueUrl"]
    blob = bytes(range(256))
    encoded = base64.b64encode(blob).decode()
    status, _, _ = raw.json("SendMessage", {
        "QueueUrl": url, "MessageBody": "b",
        "MessageAttributes": {"bin": {"DataType": "Binary", "BinaryValue": encoded}}})
    assert status == 200
    status, _, body = raw.json("ReceiveMessage", {"QueueUrl": url,
                                                  "MessageAttributeNames": ["All"]})
    assert body["Messages"][0]["MessageAttributes"]["bin"] == {
        "DataType": "Binary", "BinaryValue": encoded}


def test_invalid_base64_is_a_serialization_error(raw, sqs):
    url = sqs.create_queue(QueueName="bad-blobs")["QueueUrl"]
    status, _, body = raw.json("SendMessage", {
        "QueueUrl": url, "MessageBody": "b",
        "MessageAttributes": {"bin": {"DataType": "Binary", "BinaryValue": "***"}}})
    assert status == 400 and body["__type"].endswith("#SerializationException")


def still_serving(sqs):
    return sqs.list_queues()["ResponseMetadata"]["HTTPStatusCode"] == 200


@pytest.mark.parametrize("action, payload, code", [
    ("ListQueues", b"{not json", "SerializationException"),
    ("ListQueues", b"[1, 2]", "SerializationException"),
    ("ListQueues", b"\xff\xfe", "SerializationException"),
    ("CreateQueue", {"QueueName": 5}, "SerializationException"),
    ("CreateQueue", {"QueueName": "q", "Attributes": ["x"]}, "SerializationException"),
    ("ReceiveMessage", {"QueueUrl": "x", "MaxNumberOfMessages": "ten"}, "SerializationException"),
    ("ReceiveMessage", {"QueueUrl": "x", "MaxNumberOfMessages": True}, "SerializationException"),
    ("CreateQueue", {}, "MissingRequiredParameterException"),
    ("SendMessage", {"QueueUrl": "http://nowhere/000000000000/nope", "MessageBody": "x"},
     "QueueDoesNotExist"),
    ("SendMessage", {"QueueUrl": "!!nonsense!!", "MessageBody": "x"}, "QueueDoesNotExist"),
    ("BogusAction", {}, "UnknownOperationException"),
    (None, {}, "UnknownOperationException"),
])
def test_bad_input_gets_an_sqs_shaped_400(raw, sqs, action, payload, code):
    status, headers, body = raw.json(action, payload)
    assert status == 400
    assert body["__type"].rsplit("#", 1)[1] == code
    assert body["message"]
    assert still_serving(sqs)


def test_unknown_action_tells_botocore_invalid_action(raw):
    _, headers, _ = raw.json("BogusAction", {})
    assert headers["x-amzn-query-error"] == "InvalidAction;Sender"


def test_wrong_target_prefix(raw):
    status, _, body = raw.json("ListQueues", {}, target_prefix="DynamoDB_20120810.")
    assert status == 400 and body["__type"].endswith("#UnknownOperationException")


def test_oversize_body_is_refused_and_server_lives(raw, sqs):
    big = b'{"QueueName": "' + b"a" * (transport.MAX_BODY + 10) + b'"}'
    status, headers, body = raw.json("CreateQueue", big)
    assert status == 400
    assert body["__type"] == "com.amazon.coral.service#InvalidParameterValueException"
    assert still_serving(sqs)


def test_unknown_members_are_ignored(raw):
    status, _, body = raw.json("ListQueues", {"QueueNamePrefix": "zz-none", "Extra": 1})
    assert (status, body) == (200, {})


def test_keep_alive_serves_many_requests_on_one_connection(endpoint):
    conn = http.client.HTTPConnection(endpoint.host, endpoint.port, timeout=10)
    sockets = set()
    for _ in range(5):
        conn.request("POST", "/", body=b'{"QueueNamePrefix":"zz-none"}', headers={
            "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AmazonSQS.ListQueues"})
        r = conn.getresponse()
        assert r.status == 200 and r.read() == b"{}"
        sockets.add(id(conn.sock))
    assert len(sockets) == 1
    conn.close()


class _CountingWriter:
    """Wraps a handler's wfile and records the size of every write."""

    def __init__(self, real, log):
        self._real, self._log = real, log

    def write(self, data):
        self._log.append(len(data))
        return self._real.write(data)

    def __getattr__(self, name):
        return getattr(self._real, name)


def test_each_response_is_one_write(new_client):
    """Headers and body leave in one write (two writes stall 40 ms on kept-alive connections)."""
    ep = server.make()
    handler = ep._httpd.RequestHandlerClass
    writes, original_setup = [], handler.setup

    def setup(self):
        original_setup(self)
        self.wfile = _CountingWriter(self.wfile, writes)

    handler.setup = setup
    ep._thread.start()
    try:
        c = new_client(ep.url)
        url = c.create_queue(QueueName="one-write")["QueueUrl"]
        c.send_message(QueueUrl=url, MessageBody="x" * 5000)
        c.receive_message(QueueUrl=url)
        with pytest.raises(c.exceptions.QueueDoesNotExist):
            c.get_queue_url(QueueName="nope")
    finally:
        ep.stop()
    assert len(writes) == 4 and min(writes) > 100


def test_long_poll_does_not_block_other_clients(endpoint, sqs, new_client):
    url = sqs.create_queue(QueueName="long-poll-block")["QueueUrl"]
    other = sqs.create_queue(QueueName="long-poll-other")["QueueUrl"]
    pollers = [threading.Thread(target=new_client(endpoint.url, read_timeout=30).receive_message,
                                kwargs={"QueueUrl": url, "WaitTimeSeconds": 3})
               for _ in range(4)]
    for p in pollers:
        p.start()
    time.sleep(0.2)
    start = time.monotonic()
    for i in range(20):
        sqs.send_message(QueueUrl=other, MessageBody=str(i))
    took = time.monotonic() - start
    assert all(p.is_alive() for p in pollers)   # the polls are still waiting...
    assert took < 2.5                           # ...and the sends did not wait for them
    for p in pollers:
        p.join()


def test_queue_urls_use_the_endpoint_address(endpoint, sqs):
    url = sqs.create_queue(QueueName="where-am-i")["QueueUrl"]
    assert url == f"{endpoint.url}/000000000000/where-am-i"


def test_start_with_a_given_service_and_stop(new_client):
    from toyqueue.service import QueueService

    svc = QueueService()
    ep = server.start(service=svc)
    try:
        c = new_client(ep.url)
        url = c.create_queue(QueueName="given")["QueueUrl"]
        assert url == f"{ep.url}/000000000000/given"   # the default base_url now points here
        assert svc.get_queue_url(QueueName="given")["QueueUrl"] == url
    finally:
        ep.stop()
    with pytest.raises(OSError):
        socket.create_connection((ep.host, ep.port), timeout=1)
    with pytest.raises(BotoCoreError):   # the kept-alive connection is closed too
        c.list_queues()


def test_json_body_encodes_bytes():
    assert json.loads(server.json_body({"b": b"\x00\x01"})) == {"b": "AAE="}


def test_403_only_for_clients_in_query_mode(raw, sqs):
    """botocore sends x-amzn-query-mode: true and gets 403; other JSON clients get 400."""
    url = sqs.create_queue(QueueName="purge-modes")["QueueUrl"]
    sqs.purge_queue(QueueUrl=url)
    status, headers, body = raw.json("PurgeQueue", {"QueueUrl": url})
    assert status == 400 and body["__type"] == "com.amazonaws.sqs#PurgeQueueInProgress"
    assert headers["x-amzn-query-error"] == "AWS.SimpleQueueService.PurgeQueueInProgress;Sender"


def test_chunked_request_body(endpoint):
    conn = http.client.HTTPConnection(endpoint.host, endpoint.port, timeout=10)
    body = iter([b'{"QueueNamePrefix"', b':"zz-none"}'])
    conn.request("POST", "/", body=body, encode_chunked=True, headers={
        "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AmazonSQS.ListQueues"})
    r = conn.getresponse()
    assert (r.status, r.read()) == (200, b"{}")
    conn.close()


@pytest.mark.parametrize("method", ["PUT", "DELETE"])
def test_other_methods_get_an_sqs_shaped_error(raw, sqs, method):
    status, headers, body = raw.request(b"{}", {"Content-Type": "application/x-amz-json-1.0"},
                                        method=method)
    assert status == 400 and json.loads(body)["__type"].endswith("#UnknownOperationException")
    assert still_serving(sqs)


def test_garbage_on_the_socket_does_not_kill_the_server(endpoint, sqs):
    for junk in [b"\x00\x01\x02 garbage\r\n\r\n", b"POST / HTTP/1.1\r\nContent-Length: zz\r\n\r\n",
                 b"POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n{"]:
        s = socket.create_connection((endpoint.host, endpoint.port))
        s.sendall(junk)
        s.shutdown(socket.SHUT_WR)
        s.settimeout(5)
        try:
            while s.recv(4096):
                pass
        except OSError:
            pass
        s.close()
    assert still_serving(sqs)


def test_a_bug_in_the_service_is_a_500_not_a_dead_server(new_client, capsys):
    class Broken:
        base_url = "http://elsewhere"

        def dispatch(self, action, params):
            if action == "ListQueues":
                return {}
            raise RuntimeError("oops")

    ep = server.start(service=Broken())
    try:
        c = new_client(ep.url)
        with pytest.raises(c.exceptions.ClientError) as info:
            c.get_queue_url(QueueName="x")
        r = info.value.response
        assert (r["ResponseMetadata"]["HTTPStatusCode"], r["Error"]["Code"],
                r["Error"]["Type"]) == (500, "InternalError", "Receiver")
        assert c.list_queues()["ResponseMetadata"]["HTTPStatusCode"] == 200
    finally:
        ep.stop()
    assert "RuntimeError: oops" in capsys.readouterr().err
