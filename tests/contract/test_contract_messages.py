"""Messages: send, receive, delete; MD5s; attributes; size and character limits; delays."""

import hashlib
import time

import pytest

ONE_MIB = 1_048_576


def test_send_receive_delete(sqs, queue):
    url = queue()
    sent = sqs.send_message(QueueUrl=url, MessageBody="order 1")
    assert sent["MD5OfMessageBody"] == hashlib.md5(b"order 1").hexdigest()
    (m,) = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=1)["Messages"]
    assert (m["MessageId"], m["Body"]) == (sent["MessageId"], "order 1")
    assert m["MD5OfBody"] == sent["MD5OfMessageBody"]
    sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    assert "Messages" not in sqs.receive_message(QueueUrl=url, VisibilityTimeout=0)


def test_empty_receive_has_no_messages_key(sqs, queue):
    assert "Messages" not in sqs.receive_message(QueueUrl=queue())


def test_md5_of_unicode_body_is_of_utf8_bytes(sqs, queue):
    body = "대기열 🚀 queue"
    sent = sqs.send_message(QueueUrl=queue(), MessageBody=body)
    assert sent["MD5OfMessageBody"] == hashlib.md5(body.encode()).hexdigest()


def test_md5_of_message_attributes_matches_aws_example(sqs, queue):
    """The example AWS recorded: three String attributes give this exact digest."""
    attrs = {name: {"DataType": "String", "StringValue": value}
             for name, value in [("Help.Me", "Me"), ("Hello", "There"), ("General", "Kenobi")]}
    url = queue()
    sent = sqs.send_message(QueueUrl=url, MessageBody="x", MessageAttributes=attrs)
    assert sent["MD5OfMessageAttributes"] == "4c360f3fdafd970e05fae2f149d997f5"
    (m,) = sqs.receive_message(QueueUrl=url, MessageAttributeNames=["All"])["Messages"]
    assert m["MD5OfMessageAttributes"] == "4c360f3fdafd970e05fae2f149d997f5"
    assert m["MessageAttributes"] == attrs


def test_message_attribute_types_round_trip(sqs, queue):
    attrs = {"s": {"DataType": "String", "StringValue": "text"},
             "n": {"DataType": "Number", "StringValue": "-1.5e3"},
             "b": {"DataType": "Binary", "BinaryValue": bytes(range(256))},
             "c": {"DataType": "Number.int", "StringValue": "7"}}
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="x", MessageAttributes=attrs)
    (m,) = sqs.receive_message(QueueUrl=url, MessageAttributeNames=["All"])["Messages"]
    assert m["MessageAttributes"] == attrs


def test_message_attribute_names_filter(sqs, queue):
    attrs = {name: {"DataType": "String", "StringValue": name}
             for name in ("order.id", "order.kind", "customer")}
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="x", MessageAttributes=attrs)
    (m,) = sqs.receive_message(QueueUrl=url, VisibilityTimeout=0,
                               MessageAttributeNames=["order.*"])["Messages"]
    assert set(m["MessageAttributes"]) == {"order.id", "order.kind"}
    (m,) = sqs.receive_message(QueueUrl=url, VisibilityTimeout=0,
                               MessageAttributeNames=["customer"])["Messages"]
    assert set(m["MessageAttributes"]) == {"customer"}
    (m,) = sqs.receive_message(QueueUrl=url)["Messages"]
    assert "MessageAttributes" not in m and "MD5OfMessageAttributes" not in m


@pytest.mark.parametrize("names, expected", [
    (["All"], {"Help.Me", "Hello", "General"}), (["*"], {"Help.Me", "Hello", "General"}),
    ([".*"], {"Help.Me", "Hello", "General"}), (["Hel.*"], {"Help.Me", "Hello"}),
    (["Foo", "Hello"], {"Hello"}), (["Foo", "Help"], set()), (["AWS."], set()), (["..foo"], set())])
def test_message_attribute_names_wildcards_and_prefixes(sqs, queue, names, expected):
    # test_receive_message_message_attribute_names_filters: "*" is everything too, and
    # "Hel.*" is every name starting with "Hel"
    attrs = {"Help.Me": {"DataType": "String", "StringValue": "Me"},
             "Hello": {"DataType": "String", "StringValue": "There"},
             "General": {"DataType": "String", "StringValue": "Kenobi"}}
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="msg", MessageAttributes=attrs)
    (m,) = sqs.receive_message(QueueUrl=url, MessageAttributeNames=names)["Messages"]
    assert set(m.get("MessageAttributes", {})) == expected


def test_system_attributes(sqs, queue):
    url = queue()
    before = int(time.time() * 1000) - 5000
    sqs.send_message(QueueUrl=url, MessageBody="x")
    (m,) = sqs.receive_message(QueueUrl=url, MessageSystemAttributeNames=["All"])["Messages"]
    a = m["Attributes"]
    assert a["ApproximateReceiveCount"] == "1"
    assert before <= int(a["SentTimestamp"]) <= int(a["ApproximateFirstReceiveTimestamp"])
    assert "SenderId" in a
    sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"],
                                  VisibilityTimeout=0)
    (again,) = sqs.receive_message(QueueUrl=url, MessageSystemAttributeNames=[
        "ApproximateReceiveCount"])["Messages"]
    assert again["Attributes"] == {"ApproximateReceiveCount": "2"}


def test_largest_message_is_one_mib(sqs, queue):
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="a" * ONE_MIB)
    (m,) = sqs.receive_message(QueueUrl=url)["Messages"]
    assert len(m["Body"]) == ONE_MIB


def test_message_over_one_mib_is_rejected(sqs, queue, error_of):
    code, status, message = error_of(sqs.send_message, QueueUrl=queue(),
                                     MessageBody="a" * (ONE_MIB + 1))
    assert (code, status) == ("InvalidParameterValue", 400)
    assert message == ("One or more parameters are invalid. Reason: Message must be shorter "
                       "than 1048576 bytes.")


def test_attributes_count_toward_the_size(sqs, queue, error_of):
    attrs = {"pad": {"DataType": "String", "StringValue": "p" * 100}}
    code, _, _ = error_of(sqs.send_message, QueueUrl=queue(), MessageBody="a" * (ONE_MIB - 50),
                          MessageAttributes=attrs)
    assert code == "InvalidParameterValue"


def test_queue_maximum_message_size_applies(sqs, queue, error_of):
    url = queue(MaximumMessageSize=1024)
    sqs.send_message(QueueUrl=url, MessageBody="a" * 1024)
    code, _, _ = error_of(sqs.send_message, QueueUrl=url, MessageBody="a" * 1025)
    assert code == "InvalidParameterValue"


def test_empty_body_is_missing_parameter(sqs, queue, error_of):
    code, status, _ = error_of(sqs.send_message, QueueUrl=queue(), MessageBody="")
    assert (code, status) == ("MissingParameter", 400)


@pytest.mark.parametrize("body", ["nul \x00", "bell \x07", "\ufffe"])
def test_characters_outside_the_allowed_set_are_rejected(sqs, queue, error_of, body):
    code, status, _ = error_of(sqs.send_message, QueueUrl=queue(), MessageBody=body)
    assert (code, status) == ("InvalidMessageContents", 400)


@pytest.mark.sqs_difference(sqs="rejects a lone surrogate (\\ud800) as InvalidMessageContents",
                            localstack="fails with InternalError (HTTP 500)")
def test_lone_surrogate_is_invalid_message_contents(sqs, queue, error_of):
    code, status, _ = error_of(sqs.send_message, QueueUrl=queue(), MessageBody="x \ud800")
    assert (code, status) == ("InvalidMessageContents", 400)


def test_allowed_characters_round_trip(sqs, queue):
    body = "tab\t newline\n cr\r 한글 \ue000 \ufffd 😀 \U0010fffd"
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody=body)
    (m,) = sqs.receive_message(QueueUrl=url)["Messages"]
    assert m["Body"] == body


@pytest.mark.sqs_difference(sqs="rejects an 11th message attribute (InvalidParameterValue)",
                            localstack="accepts any number")
def test_at_most_ten_message_attributes(sqs, queue, error_of):
    attrs = {f"a{i}": {"DataType": "String", "StringValue": "v"} for i in range(11)}
    code, _, _ = error_of(sqs.send_message, QueueUrl=queue(), MessageBody="x",
                          MessageAttributes=attrs)
    assert code == "InvalidParameterValue"


@pytest.mark.parametrize("name", ["AWS.reserved", "Amazon.reserved", "bad name", ".dot"])
def test_bad_message_attribute_names(sqs, queue, error_of, name):
    code, _, _ = error_of(sqs.send_message, QueueUrl=queue(), MessageBody="x",
                          MessageAttributes={name: {"DataType": "String", "StringValue": "v"}})
    assert code == "InvalidParameterValue"


def test_message_attribute_needs_a_value(sqs, queue, error_of):
    code, _, _ = error_of(sqs.send_message, QueueUrl=queue(), MessageBody="x",
                          MessageAttributes={"a": {"DataType": "String"}})
    assert code == "InvalidParameterValue"


def test_empty_string_attribute_value(sqs, queue, error_of):
    # test_send_message_with_empty_string_attribute: AWS's wording
    assert error_of(sqs.send_message, QueueUrl=queue(), MessageBody="test",
                    MessageAttributes={"ErrorDetails": {"StringValue": "", "DataType": "String"}}) == (
        "InvalidParameterValue", 400,
        "Message (user) attribute 'ErrorDetails' must contain a non-empty value of type 'String'.")


def test_attribute_names_may_use_letters_beyond_ascii(sqs, queue):
    # test_send_message_with_invalid_string_attributes: "attr.1\u00f8\u00df\u00e4" is valid
    name = "attr.1\u00f8\u00df\u00e4"
    url = queue()
    sqs.send_message(QueueUrl=url, MessageBody="x",
                     MessageAttributes={name: {"DataType": "String", "StringValue": "v"}})
    (m,) = sqs.receive_message(QueueUrl=url, MessageAttributeNames=["All"])["Messages"]
    assert list(m["MessageAttributes"]) == [name]


@pytest.mark.parametrize("char", ["!", '"', "\u00a7", "(", "?"])
def test_attribute_names_refuse_other_characters(sqs, queue, error_of, char):
    # test_send_message_with_invalid_string_attributes
    code, _, _ = error_of(sqs.send_message, QueueUrl=queue(), MessageBody="x",
                          MessageAttributes={f"Invalid-{char}-attr": {"DataType": "String",
                                                                      "StringValue": "v"}})
    assert code == "InvalidParameterValue"


def test_delay_seconds_hides_a_message(sqs, queue, receive_within):
    url = queue()
    start = time.monotonic()
    sqs.send_message(QueueUrl=url, MessageBody="later", DelaySeconds=1)
    assert "Messages" not in sqs.receive_message(QueueUrl=url)
    (m,) = receive_within(url, 4)
    assert m["Body"] == "later" and time.monotonic() - start >= 0.9


def test_queue_delay_applies_to_every_message(sqs, queue, receive_within):
    url = queue(DelaySeconds=1)
    sqs.send_message(QueueUrl=url, MessageBody="later")
    a = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert (a["ApproximateNumberOfMessagesDelayed"], a["ApproximateNumberOfMessages"]) == ("1", "0")
    assert "Messages" not in sqs.receive_message(QueueUrl=url)
    assert [m["Body"] for m in receive_within(url, 4)] == ["later"]


@pytest.mark.sqs_difference(sqs="rejects DelaySeconds=901 (InvalidParameterValue)",
                            localstack="accepts it")
def test_delay_over_900_is_rejected(sqs, queue, error_of):
    code, _, _ = error_of(sqs.send_message, QueueUrl=queue(), MessageBody="x", DelaySeconds=901)
    assert code == "InvalidParameterValue"


def test_max_number_of_messages_over_10(sqs, queue, error_of):
    code, status, message = error_of(sqs.receive_message, QueueUrl=queue(),
                                     MaxNumberOfMessages=11)
    assert (code, status) == ("InvalidParameterValue", 400)
    assert message == ("Value 11 for parameter MaxNumberOfMessages is invalid. "
                       "Reason: Must be between 1 and 10, if provided.")


@pytest.mark.parametrize("value", [0, -1])
@pytest.mark.sqs_difference(sqs="rejects MaxNumberOfMessages below 1 (InvalidParameterValue)",
                            localstack="accepts 0 and -1")
def test_max_number_of_messages_below_1(sqs, queue, error_of, value):
    code, status, message = error_of(sqs.receive_message, QueueUrl=queue(),
                                     MaxNumberOfMessages=value)
    assert (code, status) == ("InvalidParameterValue", 400)
    assert message == (f"Value {value} for parameter MaxNumberOfMessages is invalid. "
                       "Reason: Must be between 1 and 10, if provided.")


def test_receive_returns_at_most_max_number(sqs, queue):
    url = queue()
    for i in range(15):
        sqs.send_message(QueueUrl=url, MessageBody=str(i))
    got = []
    for _ in range(10):
        r = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)
        assert len(r.get("Messages", [])) <= 10
        got += [m["Body"] for m in r.get("Messages", [])]
        if len(got) == 15:
            break
    assert sorted(got, key=int) == [str(i) for i in range(15)]


def test_purge_removes_everything(sqs, queue, receive_within):
    url = queue()
    for i in range(3):
        sqs.send_message(QueueUrl=url, MessageBody=str(i))
    sqs.purge_queue(QueueUrl=url)
    assert receive_within(url, 1) == []


@pytest.mark.sqs_difference(
    sqs="allows one PurgeQueue per 60 s; a second is PurgeQueueInProgress (HTTP 403)",
    localstack="allows any number (unless SQS_DELAY_PURGE_RETRY=1)")
def test_second_purge_within_60s_is_rejected(sqs, queue, error_of):
    url = queue()
    sqs.purge_queue(QueueUrl=url)
    code, status, _ = error_of(sqs.purge_queue, QueueUrl=url)
    assert (code, status) == ("AWS.SimpleQueueService.PurgeQueueInProgress", 403)
    with pytest.raises(sqs.exceptions.PurgeQueueInProgress):
        sqs.purge_queue(QueueUrl=url)


@pytest.mark.sqs_difference(
    sqs="keeps a deleted queue's name for 60 s (QueueDeletedRecently)",
    localstack="frees it at once (unless SQS_DELAY_RECENTLY_DELETED=1)")
def test_recreate_within_60s_is_rejected(sqs, unique, error_of):
    name = unique()
    sqs.delete_queue(QueueUrl=sqs.create_queue(QueueName=name)["QueueUrl"])
    code, _, _ = error_of(sqs.create_queue, QueueName=name)
    assert code == "AWS.SimpleQueueService.QueueDeletedRecently"


@pytest.mark.sqs_difference(sqs="rejects a receive VisibilityTimeout over 43,200 s (12 h)",
                            localstack="accepts it")
def test_receive_visibility_over_12_hours_is_rejected(sqs, queue, error_of):
    code, _, _ = error_of(sqs.receive_message, QueueUrl=queue(), VisibilityTimeout=43201)
    assert code == "InvalidParameterValue"


@pytest.mark.parametrize("value", [-1, 21])
def test_wait_time_out_of_range_message(sqs, queue, error_of, value):
    code, _, message = error_of(sqs.receive_message, QueueUrl=queue(), WaitTimeSeconds=value)
    assert (code, message) == ("InvalidParameterValue", f"Value {value} for parameter "
                               "WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, "
                               "if provided.")


def test_fifo_group_id_longer_than_128_is_rejected(sqs, queue, error_of):
    code, _, _ = error_of(sqs.send_message, QueueUrl=queue(fifo=True), MessageBody="x",
                          MessageGroupId="g" * 129, MessageDeduplicationId="d")
    assert code == "InvalidParameterValue"
