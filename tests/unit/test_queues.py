"""Queue lifecycle, attributes and tags, with SQS's errors and messages."""
import json

import pytest

from toyqueue import QueueService, VirtualClock
from toyqueue import errors as E


def test_create_returns_path_style_url_and_arn(svc):
    url = svc.create_queue(QueueName="orders")["QueueUrl"]
    assert url == "http://127.0.0.1:9324/000000000000/orders"
    attrs = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]
    assert attrs == {"QueueArn": "arn:aws:sqs:us-east-1:000000000000:orders"}


def test_url_resolves_whatever_host_it_was_minted_with(svc, url):
    svc.send_message(QueueUrl="http://localhost:4566/000000000000/orders", MessageBody="x")
    assert svc.queue("orders") is svc.queue(url)
    assert svc.get_queue_url(QueueName="orders") == {"QueueUrl": url}


def test_default_attributes(svc, url, clock):
    attrs = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert attrs == {
        "QueueArn": "arn:aws:sqs:us-east-1:000000000000:orders",
        "ApproximateNumberOfMessages": "0", "ApproximateNumberOfMessagesNotVisible": "0",
        "ApproximateNumberOfMessagesDelayed": "0",
        "CreatedTimestamp": str(int(clock.now())), "LastModifiedTimestamp": str(int(clock.now())),
        "DelaySeconds": "0", "MaximumMessageSize": "1048576", "MessageRetentionPeriod": "345600",
        "ReceiveMessageWaitTimeSeconds": "0", "SqsManagedSseEnabled": "true", "VisibilityTimeout": "30"}


def test_fifo_default_attributes(svc, fifo):
    attrs = svc.get_queue_attributes(QueueUrl=fifo, AttributeNames=["All"])["Attributes"]
    assert attrs["FifoQueue"] == "true"
    assert attrs["ContentBasedDeduplication"] == "false"
    assert attrs["DeduplicationScope"] == "queue"
    assert attrs["FifoThroughputLimit"] == "perQueue"


def test_get_attributes_without_names_returns_nothing(svc, url):
    assert svc.get_queue_attributes(QueueUrl=url) == {}


def test_unknown_attribute_name(svc, url):
    with pytest.raises(E.InvalidAttributeName) as e:
        svc.get_queue_attributes(QueueUrl=url, AttributeNames=["Colour"])
    assert e.value.message == "Unknown Attribute Colour."
    with pytest.raises(E.InvalidAttributeName, match="Unknown Attribute Colour."):
        svc.create_queue(QueueName="q2", Attributes={"Colour": "red"})


@pytest.mark.parametrize("name,bad", [
    ("VisibilityTimeout", "43201"), ("VisibilityTimeout", "-1"), ("VisibilityTimeout", "abc"),
    ("DelaySeconds", "901"), ("MessageRetentionPeriod", "59"), ("MessageRetentionPeriod", "1209601"),
    ("MaximumMessageSize", "1023"), ("MaximumMessageSize", "1048577"),
    ("ReceiveMessageWaitTimeSeconds", "21"), ("SqsManagedSseEnabled", "maybe"),
])
def test_attribute_bounds(svc, url, name, bad):
    with pytest.raises(E.InvalidAttributeValue) as e:
        svc.create_queue(QueueName="bounds", Attributes={name: bad})
    assert e.value.message == f"Invalid value for the parameter {name}."
    assert e.value.code == "InvalidAttributeValue"
    with pytest.raises(E.InvalidAttributeValue):
        svc.set_queue_attributes(QueueUrl=url, Attributes={name: bad})


@pytest.mark.parametrize("name,edge", [
    ("VisibilityTimeout", "0"), ("VisibilityTimeout", "43200"), ("DelaySeconds", "900"),
    ("MessageRetentionPeriod", "60"), ("MessageRetentionPeriod", "1209600"),
    ("MaximumMessageSize", "1024"), ("ReceiveMessageWaitTimeSeconds", "20")])
def test_attribute_edges_are_accepted(svc, url, name, edge):
    svc.set_queue_attributes(QueueUrl=url, Attributes={name: edge})
    assert svc.get_queue_attributes(QueueUrl=url, AttributeNames=[name])["Attributes"] == {name: edge}


def test_set_attributes_updates_last_modified(svc, url, clock):
    clock.advance(100)
    svc.set_queue_attributes(QueueUrl=url, Attributes={"VisibilityTimeout": "60"})
    attrs = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    assert int(attrs["LastModifiedTimestamp"]) == int(attrs["CreatedTimestamp"]) + 100
    assert attrs["VisibilityTimeout"] == "60"


def test_read_only_attributes_cannot_be_set(svc, url):
    with pytest.raises(E.InvalidAttributeName, match="Unknown Attribute QueueArn."):
        svc.set_queue_attributes(QueueUrl=url, Attributes={"QueueArn": "x"})


def test_fifo_attributes_on_standard_queue(svc):
    with pytest.raises(E.InvalidAttributeName, match="Unknown Attribute ContentBasedDeduplication."):
        svc.create_queue(QueueName="std", Attributes={"ContentBasedDeduplication": "true"})
    with pytest.raises(E.InvalidAttributeName,
                       match="You can specify the DeduplicationScope only when FifoQueue is set to true."):
        svc.create_queue(QueueName="std", Attributes={"DeduplicationScope": "messageGroup"})


def test_queue_type_cannot_change(svc, fifo, url):
    with pytest.raises(E.InvalidAttributeValue,
                       match="Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported."):
        svc.set_queue_attributes(QueueUrl=fifo, Attributes={"FifoQueue": "false"})
    svc.set_queue_attributes(QueueUrl=fifo, Attributes={"FifoQueue": "true"})     # allowed: no change
    for creating in (True, False):                      # FifoQueue on a standard queue: even "false"
        with pytest.raises(E.InvalidAttributeName, match="Unknown Attribute FifoQueue."):
            if creating:
                svc.create_queue(QueueName="plain", Attributes={"FifoQueue": "false"})
            else:
                svc.set_queue_attributes(QueueUrl=url, Attributes={"FifoQueue": "true"})


@pytest.mark.parametrize("name", ["", "a" * 81, "with space", "dots.are.bad", "x.fifo", "ünïcode"])
def test_bad_standard_queue_names(svc, name):
    with pytest.raises(E.InvalidParameterValue) as e:
        svc.create_queue(QueueName=name)
    assert e.value.message == "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length"


def test_names_up_to_80_including_fifo_suffix(svc):
    svc.create_queue(QueueName="a" * 80)
    svc.create_queue(QueueName="b" * 75 + ".fifo", Attributes={"FifoQueue": "true"})
    with pytest.raises(E.InvalidParameterValue) as e:
        svc.create_queue(QueueName="c" * 76 + ".fifo", Attributes={"FifoQueue": "true"})
    assert "must end with .fifo suffix and be 1 to 80 in length" in e.value.message
    with pytest.raises(E.InvalidParameterValue, match="The name of a FIFO queue can only include"):
        svc.create_queue(QueueName="nofifo", Attributes={"FifoQueue": "true"})


def test_create_twice_same_attributes_is_idempotent(svc):
    a = svc.create_queue(QueueName="q", Attributes={"VisibilityTimeout": "10"})
    assert svc.create_queue(QueueName="q", Attributes={"VisibilityTimeout": "10"}) == a
    assert svc.create_queue(QueueName="q") == a


def test_create_twice_different_attributes(svc):
    svc.create_queue(QueueName="q", Attributes={"VisibilityTimeout": "10"})
    with pytest.raises(E.QueueNameExists) as e:
        svc.create_queue(QueueName="q", Attributes={"VisibilityTimeout": "20"})
    assert e.value.message == ("A queue already exists with the same name and a different value for "
                               "attribute VisibilityTimeout")
    assert e.value.query_code == "QueueAlreadyExists"


def test_unknown_queue(svc):
    for call in (lambda: svc.get_queue_url(QueueName="nope"),
                 lambda: svc.send_message(QueueUrl="http://x/000000000000/nope", MessageBody="a"),
                 lambda: svc.delete_queue(QueueUrl="nope")):
        with pytest.raises(E.QueueDoesNotExist) as e:
            call()
        assert e.value.message == "The specified queue does not exist."
        assert e.value.query_code == "AWS.SimpleQueueService.NonExistentQueue"


def test_list_queues_by_prefix_and_pages(svc):
    assert svc.list_queues() == {}
    for n in ["b1", "a1", "a2", "a3"]:
        svc.create_queue(QueueName=n)
    urls = svc.list_queues()["QueueUrls"]
    assert [u.rsplit("/", 1)[1] for u in urls] == ["a1", "a2", "a3", "b1"]
    assert [u.rsplit("/", 1)[1] for u in svc.list_queues(QueueNamePrefix="a")["QueueUrls"]] == ["a1", "a2", "a3"]
    page = svc.list_queues(MaxResults=2)
    assert len(page["QueueUrls"]) == 2 and "NextToken" in page
    rest = svc.list_queues(MaxResults=2, NextToken=page["NextToken"])
    assert [u.rsplit("/", 1)[1] for u in rest["QueueUrls"]] == ["a3", "b1"] and "NextToken" not in rest
    with pytest.raises(E.InvalidParameterValue, match="MaxResults must be an integer between 1 and 1000"):
        svc.list_queues(MaxResults=1001)


def test_deleted_queue_name_is_blocked_for_60_seconds(svc, url, clock):
    svc.delete_queue(QueueUrl=url)
    with pytest.raises(E.QueueDoesNotExist):
        svc.get_queue_url(QueueName="orders")
    clock.advance(59)
    with pytest.raises(E.QueueDeletedRecently) as e:
        svc.create_queue(QueueName="orders")
    assert e.value.message == ("You must wait 60 seconds after deleting a queue before you can create "
                               "another with the same name.")
    clock.advance(1)
    assert svc.create_queue(QueueName="orders")["QueueUrl"] == url


def test_purge_once_per_60_seconds(svc, url, clock):
    for i in range(3):
        svc.send_message(QueueUrl=url, MessageBody=str(i))
    svc.purge_queue(QueueUrl=url)
    assert svc.receive_message(QueueUrl=url) == {}
    clock.advance(59)
    with pytest.raises(E.PurgeQueueInProgress) as e:
        svc.purge_queue(QueueUrl=url)
    assert e.value.status == 403
    assert e.value.message == "Only one PurgeQueue operation on orders is allowed every 60 seconds."
    clock.advance(1)
    svc.purge_queue(QueueUrl=url)


def test_purge_makes_old_receipt_handles_harmless(svc, url):
    svc.send_message(QueueUrl=url, MessageBody="a")
    rh = svc.receive_message(QueueUrl=url)["Messages"][0]["ReceiptHandle"]
    svc.purge_queue(QueueUrl=url)
    assert svc.delete_message(QueueUrl=url, ReceiptHandle=rh) == {}


def test_tags(svc):
    url = svc.create_queue(QueueName="t", tags={"team": "a"})["QueueUrl"]
    assert svc.list_queue_tags(QueueUrl=url) == {"Tags": {"team": "a"}}
    svc.tag_queue(QueueUrl=url, Tags={"env": "dev", "team": "b"})
    assert svc.list_queue_tags(QueueUrl=url) == {"Tags": {"team": "b", "env": "dev"}}
    svc.untag_queue(QueueUrl=url, TagKeys=["team", "absent"])
    assert svc.list_queue_tags(QueueUrl=url) == {"Tags": {"env": "dev"}}
    svc.untag_queue(QueueUrl=url, TagKeys=["env"])
    assert svc.list_queue_tags(QueueUrl=url) == {}
    with pytest.raises(E.InvalidParameterValue, match="Too many tags"):
        svc.tag_queue(QueueUrl=url, Tags={f"k{i}": "v" for i in range(51)})


def test_permissions_edit_the_policy(svc, url):
    svc.add_permission(QueueUrl=url, Label="p1", AWSAccountIds=["111122223333"], Actions=["SendMessage"])
    policy = json.loads(svc.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])["Attributes"]["Policy"])
    arn = svc.queue(url).arn
    assert policy == {"Version": "2008-10-17", "Id": f"{arn}/SQSDefaultPolicy", "Statement": [
        {"Sid": "p1", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
         "Action": "SQS:SendMessage", "Resource": arn}]}
    with pytest.raises(E.InvalidParameterValue, match="Reason: Already exists."):
        svc.add_permission(QueueUrl=url, Label="p1", AWSAccountIds=["1"], Actions=["*"])
    svc.add_permission(QueueUrl=url, Label="p2", AWSAccountIds=["1", "2"], Actions=["SendMessage", "*"])
    policy = json.loads(svc.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])["Attributes"]["Policy"])
    assert policy["Statement"][1]["Principal"] == {"AWS": ["arn:aws:iam::1:root", "arn:aws:iam::2:root"]}
    assert policy["Statement"][1]["Action"] == ["SQS:SendMessage", "SQS:*"]
    with pytest.raises(E.InvalidParameterValue, match="Value SQS:Explode for parameter ActionName is invalid"):
        svc.add_permission(QueueUrl=url, Label="p3", AWSAccountIds=["1"], Actions=["Explode"])
    svc.remove_permission(QueueUrl=url, Label="p1")
    svc.remove_permission(QueueUrl=url, Label="p2")
    assert svc.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"]) == {}   # gone with the last
    with pytest.raises(E.InvalidParameterValue, match="can't find label"):
        svc.remove_permission(QueueUrl=url, Label="p1")


def test_dispatch_by_sqs_action_name(svc):
    url = svc.dispatch("CreateQueue", {"QueueName": "d"})["QueueUrl"]
    assert "MessageId" in svc.dispatch("SendMessage", {"QueueUrl": url, "MessageBody": "hi"})
    with pytest.raises(E.InvalidAction, match="The action Explode is not valid for this endpoint."):
        svc.dispatch("Explode", {})
    with pytest.raises(E.MissingParameter, match="The request must contain the parameter QueueUrl."):
        svc.dispatch("SendMessage", {"MessageBody": "x"})
    with pytest.raises(E.InvalidParameterValue):
        svc.dispatch("SendMessage", {"QueueUrl": url, "MessageBody": "x", "Bogus": 1})


def test_region_account_and_base_url():
    svc = QueueService(clock=VirtualClock(), region="eu-west-1", account_id="123456789012",
                       base_url="http://localhost:9999/")
    url = svc.create_queue(QueueName="q")["QueueUrl"]
    assert url == "http://localhost:9999/123456789012/q"
    arn = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    assert arn == "arn:aws:sqs:eu-west-1:123456789012:q"


def test_each_region_has_its_own_queues(svc):
    home = svc.create_queue(QueueName="orders")["QueueUrl"]
    frankfurt = svc.in_region("eu-central-1")
    there = frankfurt.create_queue(QueueName="orders")["QueueUrl"]
    assert (home, there) == ("http://127.0.0.1:9324/000000000000/orders",
                             "http://127.0.0.1:9324/eu-central-1/000000000000/orders")
    assert frankfurt.get_queue_url(QueueName="orders")["QueueUrl"] == there
    assert svc.get_queue_url(QueueName="orders")["QueueUrl"] == home
    assert svc.list_queues()["QueueUrls"] == [home]
    assert frankfurt.list_queues()["QueueUrls"] == [there]
    arn = svc.get_queue_attributes(QueueUrl=there, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    assert arn == "arn:aws:sqs:eu-central-1:000000000000:orders"
    svc.send_message(QueueUrl=there, MessageBody="to Frankfurt")   # the URL names the region
    assert svc.receive_message(QueueUrl=home) == {}
    assert frankfurt.receive_message(QueueUrl="orders")["Messages"][0]["Body"] == "to Frankfurt"
    with pytest.raises(E.QueueDoesNotExist):
        svc.in_region("ap-northeast-2").get_queue_url(QueueName="orders")
    # LocalStack's path-style URLs and AWS host names name their region too
    assert svc.queue("http://localhost:4566/queue/eu-central-1/000000000000/orders") is svc.queue(there)
    assert svc.queue("https://sqs.eu-central-1.amazonaws.com/000000000000/orders") is svc.queue(there)


def test_integer_parameters_may_arrive_as_text(svc, url):
    """The Query protocol sends numbers as text; the service reads them as SQS does."""
    svc.dispatch("SendMessage", {"QueueUrl": url, "MessageBody": "x", "DelaySeconds": "0"})
    r = svc.dispatch("ReceiveMessage", {"QueueUrl": url, "MaxNumberOfMessages": "10", "WaitTimeSeconds": "0"})
    assert len(r["Messages"]) == 1
    with pytest.raises(E.InvalidParameterValue, match="Value ten for parameter MaxNumberOfMessages is invalid"):
        svc.dispatch("ReceiveMessage", {"QueueUrl": url, "MaxNumberOfMessages": "ten"})


def test_encryption_sse_sqs_by_default_sse_kms_on_request(svc):
    url = svc.create_queue(QueueName="enc")["QueueUrl"]
    get = lambda: svc.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]  # noqa: E731
    assert get()["SqsManagedSseEnabled"] == "true" and "KmsMasterKeyId" not in get()
    svc.set_queue_attributes(QueueUrl=url, Attributes={"KmsMasterKeyId": "alias/aws/sqs"})
    assert get()["SqsManagedSseEnabled"] == "false"
    assert get()["KmsMasterKeyId"] == "alias/aws/sqs" and get()["KmsDataKeyReusePeriodSeconds"] == "300"
    svc.set_queue_attributes(QueueUrl=url, Attributes={"SqsManagedSseEnabled": "true"})
    assert get()["SqsManagedSseEnabled"] == "true" and "KmsMasterKeyId" not in get()
    with pytest.raises(E.InvalidAttributeValue, match="Invalid value for the parameter KmsDataKeyReusePeriodSeconds."):
        svc.set_queue_attributes(QueueUrl=url, Attributes={"KmsDataKeyReusePeriodSeconds": "59"})


@pytest.mark.parametrize("authorization, credential, region", [
    ("AWS4-HMAC-SHA256 Credential=test/20260101/eu-central-1/sqs/aws4_request, "
     "SignedHeaders=host, Signature=abc", None, "eu-central-1"),
    (None, "test/20260101/ap-northeast-2/sqs/aws4_request", "ap-northeast-2"),   # presigned URL
    ("AWS4-HMAC-SHA256 Credential=broken", None, None), (None, None, None)])
def test_region_of_a_signed_request(authorization, credential, region):
    from toyqueue.addresses import region_of_request
    assert region_of_request(authorization, credential) == region
