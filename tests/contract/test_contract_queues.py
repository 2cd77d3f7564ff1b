"""Queues: create, find, list, delete, and the rules for their attributes."""

import json

import pytest


def test_create_then_get_queue_url(sqs, unique):
    name = unique("orders")
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    assert url.endswith("/000000000000/" + name)
    assert sqs.get_queue_url(QueueName=name)["QueueUrl"] == url
    sqs.delete_queue(QueueUrl=url)


def test_create_is_idempotent_with_same_attributes(sqs, unique):
    name = unique()
    a = sqs.create_queue(QueueName=name, Attributes={"VisibilityTimeout": "7"})["QueueUrl"]
    b = sqs.create_queue(QueueName=name, Attributes={"VisibilityTimeout": "7"})["QueueUrl"]
    assert a == b
    sqs.delete_queue(QueueUrl=a)


def test_create_with_different_attributes_is_queue_name_exists(sqs, unique, error_of):
    name = unique()
    url = sqs.create_queue(QueueName=name, Attributes={"VisibilityTimeout": "7"})["QueueUrl"]
    code, status, _ = error_of(sqs.create_queue, QueueName=name,
                               Attributes={"VisibilityTimeout": "8"})
    assert (code, status) == ("QueueAlreadyExists", 400)
    with pytest.raises(sqs.exceptions.QueueNameExists):
        sqs.create_queue(QueueName=name, Attributes={"VisibilityTimeout": "8"})
    sqs.delete_queue(QueueUrl=url)


def test_unknown_queue_is_queue_does_not_exist(sqs, unique, error_of):
    code, status, message = error_of(sqs.get_queue_url, QueueName=unique("nobody"))
    assert (code, status) == ("AWS.SimpleQueueService.NonExistentQueue", 400)
    assert message == "The specified queue does not exist."
    with pytest.raises(sqs.exceptions.QueueDoesNotExist):
        sqs.get_queue_url(QueueName=unique("nobody"))


def test_nonsense_queue_url_is_queue_does_not_exist(sqs, queue, error_of):
    url = queue()
    missing = url.rsplit("/", 1)[0] + "/no-such-queue-here"
    code, status, _ = error_of(sqs.send_message, QueueUrl=missing, MessageBody="x")
    assert (code, status) == ("AWS.SimpleQueueService.NonExistentQueue", 400)


def test_list_queues_by_prefix(sqs, unique):
    prefix = unique("lst")
    urls = sorted(sqs.create_queue(QueueName=f"{prefix}-{i}")["QueueUrl"] for i in range(3))
    assert sorted(sqs.list_queues(QueueNamePrefix=prefix)["QueueUrls"]) == urls
    assert "QueueUrls" not in sqs.list_queues(QueueNamePrefix=prefix + "-none")
    for url in urls:
        sqs.delete_queue(QueueUrl=url)


def test_list_queues_pages_with_max_results(sqs, unique):
    prefix = unique("page")
    urls = sorted(sqs.create_queue(QueueName=f"{prefix}-{i}")["QueueUrl"] for i in range(3))
    first = sqs.list_queues(QueueNamePrefix=prefix, MaxResults=2)
    assert len(first["QueueUrls"]) == 2 and "NextToken" in first
    rest = sqs.list_queues(QueueNamePrefix=prefix, MaxResults=2, NextToken=first["NextToken"])
    assert sorted(first["QueueUrls"] + rest["QueueUrls"]) == urls
    for url in urls:
        sqs.delete_queue(QueueUrl=url)


def test_deleted_queue_is_gone(sqs, unique, error_of):
    """SQS says deletion can take up to 60 s; both emulators delete at once."""
    name = unique()
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    sqs.delete_queue(QueueUrl=url)
    assert url not in sqs.list_queues(QueueNamePrefix=name).get("QueueUrls", [])
    code, _, _ = error_of(sqs.get_queue_url, QueueName=name)
    assert code == "AWS.SimpleQueueService.NonExistentQueue"


@pytest.mark.parametrize("name", ["has space", "a" * 81, "dot.name", "", "std.fifo"])
def test_bad_queue_names_are_rejected(sqs, name, error_of):
    code, status, _ = error_of(sqs.create_queue, QueueName=name)
    assert (code, status) == ("InvalidParameterValue", 400)


def test_longest_queue_name_is_80(sqs):
    name = "n" * 80
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    assert url.endswith("/" + name)
    sqs.delete_queue(QueueUrl=url)


def test_default_attributes(sqs, queue):
    url = queue()
    a = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert {k: a[k] for k in ("VisibilityTimeout", "MaximumMessageSize", "MessageRetentionPeriod",
                              "DelaySeconds", "ReceiveMessageWaitTimeSeconds",
                              "ApproximateNumberOfMessages",
                              "ApproximateNumberOfMessagesNotVisible",
                              "ApproximateNumberOfMessagesDelayed")} == {
        "VisibilityTimeout": "30", "MaximumMessageSize": "1048576",
        "MessageRetentionPeriod": "345600", "DelaySeconds": "0",
        "ReceiveMessageWaitTimeSeconds": "0", "ApproximateNumberOfMessages": "0",
        "ApproximateNumberOfMessagesNotVisible": "0", "ApproximateNumberOfMessagesDelayed": "0"}
    assert a["QueueArn"] == "arn:aws:sqs:us-east-1:000000000000:" + url.rsplit("/", 1)[1]
    assert a["SqsManagedSseEnabled"] == "true"
    assert int(a["CreatedTimestamp"]) > 1_600_000_000


def test_get_selected_attributes_only(sqs, queue):
    url = queue(VisibilityTimeout=12)
    a = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["VisibilityTimeout"])
    assert a["Attributes"] == {"VisibilityTimeout": "12"}


def test_set_queue_attributes(sqs, queue):
    url = queue()
    sqs.set_queue_attributes(QueueUrl=url, Attributes={"VisibilityTimeout": "45",
                                                       "DelaySeconds": "3"})
    a = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert (a["VisibilityTimeout"], a["DelaySeconds"]) == ("45", "3")


@pytest.mark.parametrize("attribute, value", [
    ("VisibilityTimeout", "43201"), ("VisibilityTimeout", "-1"),
    ("DelaySeconds", "901"), ("MessageRetentionPeriod", "59"),
    ("MessageRetentionPeriod", "1209601"), ("MaximumMessageSize", "1023"),
    ("MaximumMessageSize", "1048577"), ("ReceiveMessageWaitTimeSeconds", "21"),
])
@pytest.mark.sqs_difference(
    sqs="rejects out-of-range queue attributes (InvalidAttributeValue)",
    localstack="accepts them")
def test_out_of_range_queue_attribute_is_rejected(sqs, unique, error_of, attribute, value):
    code, status, _ = error_of(sqs.create_queue, QueueName=unique(),
                               Attributes={attribute: value})
    assert (code, status) == ("InvalidAttributeValue", 400)


@pytest.mark.parametrize("attribute, value", [
    ("VisibilityTimeout", "43200"), ("DelaySeconds", "900"), ("MessageRetentionPeriod", "60"),
    ("MessageRetentionPeriod", "1209600"), ("MaximumMessageSize", "1024"),
    ("ReceiveMessageWaitTimeSeconds", "20"),
])
def test_queue_attribute_limits_are_inclusive(sqs, queue, attribute, value):
    url = queue(**{attribute: value})
    got = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=[attribute])["Attributes"]
    assert got == {attribute: value}


def test_unknown_queue_attribute_is_invalid_attribute_name(sqs, unique, error_of):
    code, status, _ = error_of(sqs.create_queue, QueueName=unique(),
                               Attributes={"Colour": "blue"})
    assert (code, status) == ("InvalidAttributeName", 400)


def test_fifo_queue_needs_fifo_suffix(sqs, unique, error_of):
    code, _, _ = error_of(sqs.create_queue, QueueName=unique(), Attributes={"FifoQueue": "true"})
    assert code == "InvalidParameterValue"


def test_fifo_queue_attributes(sqs, queue):
    url = queue(fifo=True, ContentBasedDeduplication="true")
    a = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert a["FifoQueue"] == "true" and a["ContentBasedDeduplication"] == "true"
    assert url.endswith(".fifo")


def test_redrive_policy_round_trips(sqs, queue):
    dlq = queue("-dlq")
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])[
        "Attributes"]["QueueArn"]
    policy = {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 3}
    src = queue(RedrivePolicy=json.dumps(policy))
    got = sqs.get_queue_attributes(QueueUrl=src, AttributeNames=["RedrivePolicy"])
    assert json.loads(got["Attributes"]["RedrivePolicy"]) == policy
    assert sqs.list_dead_letter_source_queues(QueueUrl=dlq)["queueUrls"] == [src]


def test_tags(sqs, unique):
    name = unique()
    url = sqs.create_queue(QueueName=name, tags={"team": "orders"})["QueueUrl"]
    assert sqs.list_queue_tags(QueueUrl=url)["Tags"] == {"team": "orders"}
    sqs.tag_queue(QueueUrl=url, Tags={"env": "dev", "team": "billing"})
    assert sqs.list_queue_tags(QueueUrl=url)["Tags"] == {"team": "billing", "env": "dev"}
    sqs.untag_queue(QueueUrl=url, TagKeys=["team"])
    assert sqs.list_queue_tags(QueueUrl=url)["Tags"] == {"env": "dev"}
    sqs.untag_queue(QueueUrl=url, TagKeys=["env"])
    assert "Tags" not in sqs.list_queue_tags(QueueUrl=url)
    sqs.delete_queue(QueueUrl=url)


@pytest.mark.parametrize("attribute, value, message", [
    ("FifoQueue", "false", "Unknown Attribute FifoQueue."),
    ("ContentBasedDeduplication", "false", "Unknown Attribute ContentBasedDeduplication."),
    ("DeduplicationScope", "queue",
     "You can specify the DeduplicationScope only when FifoQueue is set to true."),
    ("FifoThroughputLimit", "perQueue",
     "You can specify the FifoThroughputLimit only when FifoQueue is set to true.")])
def test_fifo_only_attribute_on_standard_queue_is_unknown(sqs, unique, error_of, attribute, value,
                                                          message):
    # test_create_standard_queue_with_fifo_attribute_raises_error: even FifoQueue=false
    assert error_of(sqs.create_queue, QueueName=unique(), Attributes={attribute: value}) == (
        "InvalidAttributeName", 400, message)


def test_queue_type_cannot_change_after_creation(sqs, queue, error_of):
    # test_set_unsupported_attribute_fifo: FifoQueue=true again on a FIFO queue is fine
    code, _, message = error_of(sqs.set_queue_attributes, QueueUrl=queue(),
                                Attributes={"FifoQueue": "true"})
    assert (code, message) == ("InvalidAttributeName", "Unknown Attribute FifoQueue.")
    fifo = queue(fifo=True)
    sqs.set_queue_attributes(QueueUrl=fifo, Attributes={"FifoQueue": "true"})
    assert error_of(sqs.set_queue_attributes, QueueUrl=fifo, Attributes={"FifoQueue": "false"}) == (
        "InvalidAttributeValue", 400,
        "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.")


def test_add_permission_writes_the_policy_as_aws_does(sqs, queue, error_of):
    # test_sqs_permission_lifecycle
    url = queue()
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]

    def policy():
        attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])
        return json.loads(attrs["Attributes"]["Policy"]) if "Attributes" in attrs else None

    sqs.add_permission(QueueUrl=url, Label="crossaccountpermission",
                       AWSAccountIds=["000000000000", "668614515564"], Actions=["ReceiveMessage"])
    p = policy()
    assert (p["Version"], p["Id"]) == ("2008-10-17", f"{arn}/SQSDefaultPolicy")
    (statement,) = p["Statement"]
    assert sorted(statement["Principal"]["AWS"]) == ["arn:aws:iam::000000000000:root",
                                                     "arn:aws:iam::668614515564:root"]
    assert statement["Action"] == "SQS:ReceiveMessage" and statement["Resource"] == arn
    sqs.remove_permission(QueueUrl=url, Label="crossaccountpermission")
    assert policy() is None                           # gone with its last statement
    sqs.add_permission(QueueUrl=url, Label="one", AWSAccountIds=["000000000000"],
                       Actions=["ReceiveMessage"])
    assert policy()["Statement"][0]["Principal"] == {"AWS": "arn:aws:iam::000000000000:root"}
    assert error_of(sqs.add_permission, QueueUrl=url, Label="one", AWSAccountIds=["668614515564"],
                    Actions=["ReceiveMessage"]) == (
        "InvalidParameterValue", 400, "Value one for parameter Label is invalid. Reason: Already exists.")
    sqs.remove_permission(QueueUrl=url, Label="one")
    assert error_of(sqs.remove_permission, QueueUrl=url, Label="one") == (
        "InvalidParameterValue", 400, "Value one for parameter Label is invalid. Reason: can't find label.")


def test_get_unknown_attribute_is_invalid_attribute_name(sqs, queue, error_of):
    code, _, message = error_of(sqs.get_queue_attributes, QueueUrl=queue(),
                                AttributeNames=["Colour"])
    assert (code, message) == ("InvalidAttributeName", "Unknown Attribute Colour.")


@pytest.mark.sqs_difference(sqs="refuses a dead-letter queue of the other type (InvalidParameterValue)",
                            localstack="accepts a FIFO dead-letter queue for a standard queue")
def test_dead_letter_queue_must_be_the_same_type(sqs, queue, unique, error_of):
    dlq = queue("-dlq", fifo=True)
    arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"]
    policy = {"deadLetterTargetArn": arn, "maxReceiveCount": 1}
    code, _, _ = error_of(sqs.create_queue, QueueName=unique(),
                          Attributes={"RedrivePolicy": json.dumps(policy)})
    assert code == "InvalidParameterValue"


@pytest.mark.parametrize("count", [0, 1001])
@pytest.mark.sqs_difference(sqs="takes maxReceiveCount 1..1000 only (InvalidParameterValue)",
                            localstack="accepts any maxReceiveCount on CreateQueue")
def test_max_receive_count_range(sqs, queue, unique, error_of, count):
    dlq = queue("-dlq")
    arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"]
    policy = {"deadLetterTargetArn": arn, "maxReceiveCount": count}
    code, _, _ = error_of(sqs.create_queue, QueueName=unique(),
                          Attributes={"RedrivePolicy": json.dumps(policy)})
    assert code == "InvalidParameterValue"


@pytest.mark.sqs_difference(sqs="allows at most 50 tags per queue (InvalidParameterValue)",
                            localstack="accepts any number")
def test_at_most_50_tags(sqs, queue, error_of):
    url = queue()
    sqs.tag_queue(QueueUrl=url, Tags={f"k{i}": "v" for i in range(50)})
    code, _, _ = error_of(sqs.tag_queue, QueueUrl=url, Tags={"one-more": "v"})
    assert code == "InvalidParameterValue"
