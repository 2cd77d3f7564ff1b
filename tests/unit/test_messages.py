"""Sending, receiving, deleting and hiding messages on a standard queue."""
import pytest

from unit_helpers import receive_all
from toyqueue import errors as E
from toyqueue.md5 import md5_of_body

ATTRS = {"Help.Me": {"DataType": "String", "StringValue": "Me"},
         "Hello": {"DataType": "String", "StringValue": "There"},
         "General": {"DataType": "String", "StringValue": "Kenobi"}}


def test_send_response_shape(svc, url):
    r = svc.send_message(QueueUrl=url, MessageBody="hello")
    assert set(r) == {"MD5OfMessageBody", "MessageId"}
    assert r["MD5OfMessageBody"] == "5d41402abc4b2a76b9719d911017c592"
    r = svc.send_message(QueueUrl=url, MessageBody="hello", MessageAttributes=ATTRS)
    assert r["MD5OfMessageAttributes"] == "4c360f3fdafd970e05fae2f149d997f5"


def test_receive_response_shape_and_md5s(svc, url):
    sent = svc.send_message(QueueUrl=url, MessageBody="hello", MessageAttributes=ATTRS)
    m = svc.receive_message(QueueUrl=url, MessageAttributeNames=["All"])["Messages"][0]
    assert m["MessageId"] == sent["MessageId"]
    assert m["Body"] == "hello" and m["MD5OfBody"] == md5_of_body("hello")
    assert m["MD5OfMessageAttributes"] == "4c360f3fdafd970e05fae2f149d997f5"
    assert m["MessageAttributes"] == ATTRS
    assert "Attributes" not in m


def test_message_attribute_name_filters(svc, url):
    svc.send_message(QueueUrl=url, MessageBody="x", MessageAttributes=ATTRS)
    svc.send_message(QueueUrl=url, MessageBody="y", MessageAttributes=ATTRS)
    svc.send_message(QueueUrl=url, MessageBody="z", MessageAttributes=ATTRS)
    m = svc.receive_message(QueueUrl=url, MessageAttributeNames=["Help.*"])["Messages"][0]
    assert list(m["MessageAttributes"]) == ["Help.Me"]
    m = svc.receive_message(QueueUrl=url, MessageAttributeNames=["Hello", "General"])["Messages"][0]
    assert set(m["MessageAttributes"]) == {"Hello", "General"}
    m = svc.receive_message(QueueUrl=url)["Messages"][0]
    assert "MessageAttributes" not in m and "MD5OfMessageAttributes" not in m


def test_empty_receive_has_no_messages_key(svc, url):
    assert svc.receive_message(QueueUrl=url) == {}


def test_system_attributes(svc, url, clock):
    svc.send_message(QueueUrl=url, MessageBody="a")
    clock.advance(2.5)
    m = svc.receive_message(QueueUrl=url, MessageSystemAttributeNames=["All"], VisibilityTimeout=0)["Messages"][0]
    sent_ms = str(int((clock.now() - 2.5) * 1000))
    first_ms = str(int(clock.now() * 1000))
    assert m["Attributes"] == {"SenderId": "000000000000", "SentTimestamp": sent_ms,
                               "ApproximateReceiveCount": "1", "ApproximateFirstReceiveTimestamp": first_ms}
    clock.advance(1)
    m = svc.receive_message(QueueUrl=url, AttributeNames=["ApproximateReceiveCount",
                                                           "ApproximateFirstReceiveTimestamp"])["Messages"][0]
    assert m["Attributes"] == {"ApproximateReceiveCount": "2", "ApproximateFirstReceiveTimestamp": first_ms}


def test_every_receive_gets_a_new_receipt_handle(svc, url):
    svc.send_message(QueueUrl=url, MessageBody="a")
    handles = {svc.receive_message(QueueUrl=url, VisibilityTimeout=0)["Messages"][0]["ReceiptHandle"]
               for _ in range(5)}
    assert len(handles) == 5


def test_visibility_timeout_hides_then_shows(svc, url, clock):
    svc.set_queue_attributes(QueueUrl=url, Attributes={"VisibilityTimeout": "10"})
    svc.send_message(QueueUrl=url, MessageBody="a")
    assert len(receive_all(svc, url)) == 1
    clock.advance(9.9)
    assert receive_all(svc, url) == []
    clock.advance(0.1)
    again = receive_all(svc, url, AttributeNames=["ApproximateReceiveCount"])
    assert again[0]["Attributes"]["ApproximateReceiveCount"] == "2"


def test_receive_visibility_override_is_not_remembered(svc, url, clock):
    svc.send_message(QueueUrl=url, MessageBody="a")
    receive_all(svc, url, VisibilityTimeout=100)
    clock.advance(99)
    assert receive_all(svc, url) == []
    clock.advance(1)
    assert receive_all(svc, url)             # hidden now for the queue's 30 s
    clock.advance(29)
    assert receive_all(svc, url) == []
    clock.advance(1)
    assert receive_all(svc, url)


def test_delete_removes_and_twice_is_fine(svc, url):
    svc.send_message(QueueUrl=url, MessageBody="a")
    rh = receive_all(svc, url, VisibilityTimeout=0)[0]["ReceiptHandle"]
    assert svc.delete_message(QueueUrl=url, ReceiptHandle=rh) == {}
    assert svc.delete_message(QueueUrl=url, ReceiptHandle=rh) == {}
    assert receive_all(svc, url) == []


def test_delete_with_older_handle_succeeds_but_deletes_nothing(svc, url):
    svc.send_message(QueueUrl=url, MessageBody="a")
    old = receive_all(svc, url, VisibilityTimeout=0)[0]["ReceiptHandle"]
    new = receive_all(svc, url, VisibilityTimeout=0)[0]["ReceiptHandle"]
    assert svc.delete_message(QueueUrl=url, ReceiptHandle=old) == {}
    assert len(receive_all(svc, url, VisibilityTimeout=0)) == 1
    new = receive_all(svc, url)[0]["ReceiptHandle"]
    svc.delete_message(QueueUrl=url, ReceiptHandle=new)
    assert svc.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"][
        "ApproximateNumberOfMessagesNotVisible"] == "0"


def test_delete_after_timeout_with_latest_handle_deletes(svc, url, clock):
    svc.send_message(QueueUrl=url, MessageBody="a")
    rh = receive_all(svc, url, VisibilityTimeout=5)[0]["ReceiptHandle"]
    clock.advance(10)
    svc.delete_message(QueueUrl=url, ReceiptHandle=rh)
    assert receive_all(svc, url) == []


@pytest.mark.parametrize("rh", ["garbage", "AQEBnotours", ""])
def test_malformed_receipt_handle(svc, url, rh):
    if rh == "":
        with pytest.raises(E.MissingParameter, match="The request must contain the parameter ReceiptHandle."):
            svc.delete_message(QueueUrl=url, ReceiptHandle=rh)
        return
    with pytest.raises(E.ReceiptHandleIsInvalid) as e:
        svc.delete_message(QueueUrl=url, ReceiptHandle=rh)
    assert e.value.message == f'The input receipt handle "{rh}" is not a valid receipt handle.'


def test_receipt_handle_of_another_queue_is_invalid(svc, url):
    other = svc.create_queue(QueueName="other")["QueueUrl"]
    svc.send_message(QueueUrl=other, MessageBody="a")
    rh = receive_all(svc, other)[0]["ReceiptHandle"]
    with pytest.raises(E.ReceiptHandleIsInvalid):
        svc.delete_message(QueueUrl=url, ReceiptHandle=rh)


def test_change_visibility(svc, url, clock):
    svc.send_message(QueueUrl=url, MessageBody="a")
    rh = receive_all(svc, url)[0]["ReceiptHandle"]
    svc.change_message_visibility(QueueUrl=url, ReceiptHandle=rh, VisibilityTimeout=100)
    clock.advance(99)
    assert receive_all(svc, url) == []
    svc.change_message_visibility(QueueUrl=url, ReceiptHandle=rh, VisibilityTimeout=0)
    assert len(receive_all(svc, url)) == 1


def test_change_visibility_counts_from_the_call(svc, url, clock):
    svc.send_message(QueueUrl=url, MessageBody="a")
    rh = receive_all(svc, url)[0]["ReceiptHandle"]
    clock.advance(20)
    svc.change_message_visibility(QueueUrl=url, ReceiptHandle=rh, VisibilityTimeout=15)
    clock.advance(14)
    assert receive_all(svc, url) == []
    clock.advance(1)
    assert receive_all(svc, url)


def test_change_visibility_total_beyond_12_hours(svc, url, clock):
    svc.send_message(QueueUrl=url, MessageBody="a")
    rh = receive_all(svc, url)[0]["ReceiptHandle"]
    clock.advance(10)
    svc.change_message_visibility(QueueUrl=url, ReceiptHandle=rh, VisibilityTimeout=43190)
    with pytest.raises(E.InvalidParameterValue) as e:
        svc.change_message_visibility(QueueUrl=url, ReceiptHandle=rh, VisibilityTimeout=43191)
    assert e.value.message == ("Value 43191 for parameter VisibilityTimeout is invalid. Reason: Total "
                               "VisibilityTimeout for the message is beyond the limit [43200 seconds]")
    with pytest.raises(E.InvalidParameterValue, match="Value 43201 for parameter VisibilityTimeout is invalid"):
        svc.change_message_visibility(QueueUrl=url, ReceiptHandle=rh, VisibilityTimeout=43201)


def test_change_visibility_after_the_timeout_ended_is_accepted(svc, url, clock):
    # AWS answers 200 (LocalStack's recording of
    # test_change_message_visibility_after_visibility_timeout_expiration); the toy leaves the
    # message visible.
    svc.send_message(QueueUrl=url, MessageBody="a")
    rh = receive_all(svc, url, VisibilityTimeout=5)[0]["ReceiptHandle"]
    clock.advance(6)
    assert svc.change_message_visibility(QueueUrl=url, ReceiptHandle=rh, VisibilityTimeout=10) == {}
    assert [m["Body"] for m in receive_all(svc, url)] == ["a"]


def test_an_older_receipt_handle_changes_visibility_on_a_standard_queue(svc, url):
    svc.send_message(QueueUrl=url, MessageBody="a")
    old = receive_all(svc, url, VisibilityTimeout=0)[0]["ReceiptHandle"]
    new = receive_all(svc, url, VisibilityTimeout=30)[0]["ReceiptHandle"]
    assert old != new and receive_all(svc, url) == []
    svc.change_message_visibility(QueueUrl=url, ReceiptHandle=old, VisibilityTimeout=0)
    assert [m["Body"] for m in receive_all(svc, url)] == ["a"]


def test_receipt_handles_are_never_a_prefix_of_another(svc, url):
    svc.send_message(QueueUrl=url, MessageBody="a")
    handles = [receive_all(svc, url, VisibilityTimeout=0)[0]["ReceiptHandle"] for _ in range(12)]
    assert len({len(h) for h in handles}) == 1 and len(set(handles)) == 12


def test_change_visibility_of_deleted_message(svc, url):
    svc.send_message(QueueUrl=url, MessageBody="a")
    rh = receive_all(svc, url)[0]["ReceiptHandle"]
    svc.delete_message(QueueUrl=url, ReceiptHandle=rh)
    with pytest.raises(E.InvalidParameterValue) as e:
        svc.change_message_visibility(QueueUrl=url, ReceiptHandle=rh, VisibilityTimeout=10)
    assert e.value.message == (f"Value {rh} for parameter ReceiptHandle is invalid. Reason: Message does "
                               "not exist or is not available for visibility timeout change.")


@pytest.mark.parametrize("n", [0, 11, -1])
def test_max_number_of_messages_bounds(svc, url, n):
    with pytest.raises(E.InvalidParameterValue) as e:
        svc.receive_message(QueueUrl=url, MaxNumberOfMessages=n)
    assert e.value.message == f"Value {n} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided."
    assert e.value.query_code == "InvalidParameterValue"


def test_receive_up_to_ten(svc, url):
    for i in range(15):
        svc.send_message(QueueUrl=url, MessageBody=str(i))
    assert len(receive_all(svc, url)) == 1
    assert len(receive_all(svc, url, MaxNumberOfMessages=10)) == 10
    assert len(receive_all(svc, url, MaxNumberOfMessages=10)) == 4


def test_wait_and_visibility_bounds(svc, url):
    with pytest.raises(E.InvalidParameterValue,
                       match="Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided."):
        svc.receive_message(QueueUrl=url, WaitTimeSeconds=21)
    with pytest.raises(E.InvalidParameterValue, match="Value 43201 for parameter VisibilityTimeout is invalid"):
        svc.receive_message(QueueUrl=url, VisibilityTimeout=43201)


def test_empty_body(svc, url):
    for body in ("", None):
        with pytest.raises(E.MissingParameter) as e:
            svc.send_message(QueueUrl=url, MessageBody=body)
        assert e.value.message == "The request must contain the parameter MessageBody."
        assert e.value.query_code == "MissingParameter"


def test_size_limit_1_mib_counts_attributes(svc, url):
    svc.send_message(QueueUrl=url, MessageBody="x" * 1_048_576)
    with pytest.raises(E.InvalidParameterValue) as e:
        svc.send_message(QueueUrl=url, MessageBody="x" * 1_048_577)
    assert e.value.message == "One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes."
    attr = {"k": {"DataType": "String", "StringValue": "v"}}       # 1 + 6 + 1 = 8 bytes
    svc.send_message(QueueUrl=url, MessageBody="x" * (1_048_576 - 8), MessageAttributes=attr)
    with pytest.raises(E.InvalidParameterValue):
        svc.send_message(QueueUrl=url, MessageBody="x" * (1_048_576 - 7), MessageAttributes=attr)
    with pytest.raises(E.InvalidParameterValue):                   # bytes, not characters
        svc.send_message(QueueUrl=url, MessageBody="가" * 349_526)


def test_size_limit_follows_maximum_message_size(svc, url):
    svc.set_queue_attributes(QueueUrl=url, Attributes={"MaximumMessageSize": "1024"})
    svc.send_message(QueueUrl=url, MessageBody="x" * 1024)
    with pytest.raises(E.InvalidParameterValue, match="Message must be shorter than 1024 bytes."):
        svc.send_message(QueueUrl=url, MessageBody="x" * 1025)


@pytest.mark.parametrize("body", ["\x00", "a\x08b", "\ufffe", "\ud800"])
def test_disallowed_characters(svc, url, body):
    with pytest.raises(E.InvalidMessageContents) as e:
        svc.send_message(QueueUrl=url, MessageBody=body)
    assert e.value.message.startswith("Invalid characters found. Valid unicode characters are #x9 | #xA | #xD")


@pytest.mark.parametrize("body", ["\t\n\r", " ~", "\ud7ff", "\ue000", "\ufffd", "\U00010000", "\U0010ffff", "주문 😀"])
def test_allowed_characters(svc, url, body):
    svc.send_message(QueueUrl=url, MessageBody=body)
    assert receive_all(svc, url)[0]["Body"] == body


def test_per_message_delay_and_queue_delay(svc, url, clock):
    svc.send_message(QueueUrl=url, MessageBody="late", DelaySeconds=10)
    counts = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessagesDelayed"])
    assert counts["Attributes"]["ApproximateNumberOfMessagesDelayed"] == "1"
    assert receive_all(svc, url) == []
    clock.advance(10)
    assert receive_all(svc, url)[0]["Body"] == "late"
    svc.set_queue_attributes(QueueUrl=url, Attributes={"DelaySeconds": "5"})
    svc.send_message(QueueUrl=url, MessageBody="queue-delay")
    svc.send_message(QueueUrl=url, MessageBody="no-delay", DelaySeconds=0)
    assert [m["Body"] for m in receive_all(svc, url, MaxNumberOfMessages=10)] == ["no-delay"]
    clock.advance(5)
    assert [m["Body"] for m in receive_all(svc, url, MaxNumberOfMessages=10)] == ["queue-delay"]


@pytest.mark.parametrize("d", [-1, 901])
def test_delay_bounds(svc, url, d):
    with pytest.raises(E.InvalidParameterValue) as e:
        svc.send_message(QueueUrl=url, MessageBody="x", DelaySeconds=d)
    assert e.value.message == f"Value {d} for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900."


def test_approximate_counts(svc, url, clock):
    for i in range(5):
        svc.send_message(QueueUrl=url, MessageBody=str(i))
    svc.send_message(QueueUrl=url, MessageBody="d", DelaySeconds=60)
    receive_all(svc, url, MaxNumberOfMessages=2)
    names = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
             "ApproximateNumberOfMessagesDelayed"]
    a = svc.get_queue_attributes(QueueUrl=url, AttributeNames=names)["Attributes"]
    assert [a[n] for n in names] == ["3", "2", "1"]
    assert svc.queue(url).counts(clock.now()) == {"visible": 3, "inflight": 2, "delayed": 1}
    clock.advance(60)
    a = svc.get_queue_attributes(QueueUrl=url, AttributeNames=names)["Attributes"]
    assert [a[n] for n in names] == ["6", "0", "0"]


def test_retention_drops_old_messages(svc, url, clock):
    svc.send_message(QueueUrl=url, MessageBody="old")
    clock.advance(3 * 86400)
    svc.send_message(QueueUrl=url, MessageBody="new")
    receive_all(svc, url, MaxNumberOfMessages=10, VisibilityTimeout=0)
    clock.advance(86400)                                     # "four days later..."
    assert [m["Body"] for m in receive_all(svc, url, MaxNumberOfMessages=10)] == ["new"]
    svc.set_queue_attributes(QueueUrl=url, Attributes={"MessageRetentionPeriod": "60"})
    a = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert a["ApproximateNumberOfMessages"] == a["ApproximateNumberOfMessagesNotVisible"] == "0"


def test_message_attributes_rules(svc, url):
    def send(attrs):
        return svc.send_message(QueueUrl=url, MessageBody="x", MessageAttributes=attrs)
    with pytest.raises(E.InvalidParameterValue, match=r"Number of message attributes \[11\] exceeds the allowed maximum \[10\]."):
        send({f"a{i}": {"DataType": "String", "StringValue": "v"} for i in range(11)})
    with pytest.raises(E.InvalidParameterValue, match="You can't use message attribute names beginning with 'AWS.' or 'Amazon.'"):
        send({"AWS.x": {"DataType": "String", "StringValue": "v"}})
    with pytest.raises(E.InvalidParameterValue, match="You can't use message attribute names beginning with 'AWS.'"):
        send({"amazon.y": {"DataType": "String", "StringValue": "v"}})
    with pytest.raises(E.InvalidParameterValue, match="must be shorter than 256 Bytes"):
        send({"a" * 257: {"DataType": "String", "StringValue": "v"}})
    with pytest.raises(E.InvalidParameterValue, match="supported type prefixes"):
        send({"a": {"DataType": "Text", "StringValue": "v"}})
    with pytest.raises(E.InvalidParameterValue, match="must use field 'String'"):
        send({"a": {"DataType": "String"}})
    with pytest.raises(E.InvalidParameterValue) as e:         # AWS's words, recorded
        send({"ErrorDetails": {"DataType": "String", "StringValue": ""}})
    assert e.value.message == ("Message (user) attribute 'ErrorDetails' must contain a non-empty "
                               "value of type 'String'.")
    with pytest.raises(E.InvalidParameterValue, match="attribute types must be shorter than 256 Bytes"):
        send({"a": {"DataType": "Number." + "L" * 256, "StringValue": "1"}})
    for bad in ("!", '"', "\u00a7", "(", "?"):
        with pytest.raises(E.InvalidParameterValue, match="attributes name can only contain"):
            send({f"Invalid-{bad}-attr": {"DataType": "String", "StringValue": "v"}})
    send({"attr.1\u00f8\u00df\u00e4": {"DataType": "String", "StringValue": "v"}})   # letters of any script
    with pytest.raises(E.InvalidParameterValue, match="to a number"):
        send({"a": {"DataType": "Number", "StringValue": "twelve"}})
    send({f"a{i}": {"DataType": "String", "StringValue": "v"} for i in range(10)})
    r = send({"n": {"DataType": "Number.int", "StringValue": "12"},
              "b": {"DataType": "Binary", "BinaryValue": b"\x00\xff"}})
    m = receive_all(svc, url, MaxNumberOfMessages=10, MessageAttributeNames=["All"])[-1]
    assert m["MessageAttributes"]["b"]["BinaryValue"] == b"\x00\xff"
    assert m["MD5OfMessageAttributes"] == r["MD5OfMessageAttributes"]


def test_dedup_id_rejected_on_standard_queue_but_group_id_accepted(svc, url):
    with pytest.raises(E.InvalidParameterValue, match="MessageDeduplicationId is invalid. Reason: The request includes a parameter that is not valid for this queue type."):
        svc.send_message(QueueUrl=url, MessageBody="x", MessageDeduplicationId="d")
    svc.send_message(QueueUrl=url, MessageBody="x", MessageGroupId="tenant-1")     # fair queues
    m = receive_all(svc, url, MessageSystemAttributeNames=["MessageGroupId"])[0]
    assert m["Attributes"] == {"MessageGroupId": "tenant-1"}


def test_trace_header_system_attribute(svc, url):
    r = svc.send_message(QueueUrl=url, MessageBody="x", MessageSystemAttributes={
        "AWSTraceHeader": {"DataType": "String", "StringValue": "Root=1-abc"}})
    assert len(r["MD5OfMessageSystemAttributes"]) == 32
    m = receive_all(svc, url, MessageSystemAttributeNames=["AWSTraceHeader"])[0]
    assert m["Attributes"] == {"AWSTraceHeader": "Root=1-abc"}


def test_in_flight_limit_over_limit_on_short_poll(svc, url):
    q = svc.queue(url)
    q.max_inflight = 3                        # SQS's is 120,000: too many for a unit test
    for i in range(5):
        svc.send_message(QueueUrl=url, MessageBody=str(i))
    assert len(receive_all(svc, url, MaxNumberOfMessages=10)) == 3
    with pytest.raises(E.OverLimit) as e:
        svc.receive_message(QueueUrl=url)
    assert e.value.status == 403


def test_in_flight_limit_default_is_120000(svc, url):
    assert svc.queue(url).max_inflight == 120_000


def test_looking_inside(svc, url, clock):
    svc.send_message(QueueUrl=url, MessageBody="a")
    svc.send_message(QueueUrl=url, MessageBody="b", DelaySeconds=5)
    receive_all(svc, url)
    msgs = svc.queue(url).messages()
    assert [(m.body, m.state(clock.now()), m.receive_count) for m in msgs] == [("a", "inflight", 1), ("b", "delayed", 0)]
    assert msgs[0].sent_at == clock.now() and msgs[0].group_id is None
    clock.advance(31)
    assert [m.state(clock.now()) for m in svc.queue(url).messages()] == ["visible", "visible"]


def test_counts_and_messages_default_to_the_service_clock(svc, url, clock):
    svc.send_message(QueueUrl=url, MessageBody="a", DelaySeconds=5)
    q = svc.queue(url)
    assert q.counts() == {"visible": 0, "inflight": 0, "delayed": 1}
    clock.advance(5)
    assert q.counts() == {"visible": 1, "inflight": 0, "delayed": 0}
    assert [m.status for m in q.messages()] == ["visible"]


# SQS's Number type, from the Developer Guide (sqs-message-metadata: "up to 38 digits of
# precision, between 10^-128 and 10^+126"); no AWS recording covers these edges. float() took
# all of the rejected ones.
@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-Infinity", "1e400", "-1e127", "1e-200",
                                   "1_000", " 5", "5 ", "0x10", "٣", "1" * 39, "1.2.3", "e5",
                                   "1e" + "9" * 50])
def test_number_attributes_that_are_not_sqs_numbers(svc, url, value):
    with pytest.raises(E.InvalidParameterValue, match="to a number"):
        svc.send_message(QueueUrl=url, MessageBody="m",
                         MessageAttributes={"n": {"DataType": "Number", "StringValue": value}})


@pytest.mark.parametrize("value", ["0", "-0", "+5", "1.5", ".5", "5.", "1e5", "1E-128", "-1e126",
                                   "9" * 38, "1" + "0" * 100, "0." + "0" * 200, "12.500"])
def test_number_attributes_sqs_takes(svc, url, value):
    svc.send_message(QueueUrl=url, MessageBody="m",
                     MessageAttributes={"n": {"DataType": "Number.custom", "StringValue": value}})


@pytest.mark.parametrize("data_type", ["String." + "x" * 250, "String.\x00", "Number.\x1f"])
def test_data_types_too_long_or_with_characters_a_body_may_not_have(svc, url, data_type):
    """The Developer Guide: a type is up to 256 characters, with the body's character rules."""
    with pytest.raises(E.InvalidParameterValue):
        svc.send_message(QueueUrl=url, MessageBody="m", MessageAttributes={
            "a": {"DataType": data_type, "StringValue": "1"}})


def test_a_custom_type_label_may_have_spaces_and_be_256_characters(svc, url):
    for data_type in ["String.with spaces", "String." + "x" * 249]:
        svc.send_message(QueueUrl=url, MessageBody="m", MessageAttributes={
            "a": {"DataType": data_type, "StringValue": "v"}})


def test_a_message_visible_again_comes_before_newer_ones(svc, url, clock):
    # AWS: LocalStack's test_inflight_message_requeue
    svc.send_message(QueueUrl=url, MessageBody="test1")
    assert [m["Body"] for m in receive_all(svc, url, VisibilityTimeout=3)] == ["test1"]
    clock.advance(1.5)
    svc.send_message(QueueUrl=url, MessageBody="test2")
    clock.advance(3)
    assert [m["Body"] for m in receive_all(svc, url, MaxNumberOfMessages=2)] == ["test1", "test2"]


def test_a_request_trace_header_becomes_aws_trace_header(svc, url):
    traced = svc.in_region(trace_header="Root=1-abc;Sampled=1")
    r = traced.send_message(QueueUrl=url, MessageBody="a")
    assert "MD5OfMessageSystemAttributes" not in r          # a header, not a system attribute
    explicit = {"AWSTraceHeader": {"DataType": "String", "StringValue": "Root=1-mine"}}
    traced.send_message(QueueUrl=url, MessageBody="b", MessageSystemAttributes=explicit)
    svc.send_message(QueueUrl=url, MessageBody="c")
    got = receive_all(svc, url, MaxNumberOfMessages=10, MessageSystemAttributeNames=["AWSTraceHeader"])
    # the attribute wins over the header (AWS X-Ray developer guide); no header, no attribute
    assert [m.get("Attributes") for m in got] == [{"AWSTraceHeader": "Root=1-abc;Sampled=1"},
                                                  {"AWSTraceHeader": "Root=1-mine"}, None]


@pytest.mark.parametrize("names, expected", [
    (["*"], ["General", "Hello", "Help.Me"]), (["Hel.*"], ["Hello", "Help.Me"]),
    (["Help.*"], ["Help.Me"]), (["AWS."], []), (["..foo"], [])])
def test_message_attribute_name_filters(svc, url, names, expected):
    attrs = {n: {"DataType": "String", "StringValue": "v"} for n in ("Help.Me", "Hello", "General")}
    svc.send_message(QueueUrl=url, MessageBody="x", MessageAttributes=attrs)
    m = receive_all(svc, url, MessageAttributeNames=names)[0]
    assert sorted(m.get("MessageAttributes", {})) == expected


def test_older_receipt_handles_do_not_pile_up(svc, url):
    # A message received again and again keeps its older handles for a while, not forever.
    svc.send_message(QueueUrl=url, MessageBody="a")
    first = receive_all(svc, url, VisibilityTimeout=0)[0]["ReceiptHandle"]
    for _ in range(3000):
        latest = receive_all(svc, url, VisibilityTimeout=0)[0]["ReceiptHandle"]
    q = svc.queue(url)
    assert len(q.receipts) <= 1024 + 2
    svc.change_message_visibility(QueueUrl=url, ReceiptHandle=latest, VisibilityTimeout=30)
    with pytest.raises(E.InvalidParameterValue, match="not available for visibility timeout change"):
        svc.change_message_visibility(QueueUrl=url, ReceiptHandle=first, VisibilityTimeout=0)


def test_change_visibility_without_a_timeout_is_refused_and_changes_nothing(svc, url):
    """A direct Python call can pass None where the wire always carries a value: SQS's
    MissingParameter, and the message stays in flight as it was."""
    svc.send_message(QueueUrl=url, MessageBody="a")
    handle = svc.receive_message(QueueUrl=url)["Messages"][0]["ReceiptHandle"]
    with pytest.raises(E.MissingParameter, match="The request must contain the parameter VisibilityTimeout."):
        svc.change_message_visibility(QueueUrl=url, ReceiptHandle=handle, VisibilityTimeout=None)
    assert svc.receive_message(QueueUrl=url).get("Messages", []) == []
