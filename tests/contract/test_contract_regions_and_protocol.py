"""Regions, the old Query protocol over plain HTTP, and request headers.

Each scenario is one that AWS answered in LocalStack's own tests (their snapshots and
assertions were recorded against real AWS); the test named in each comment is the recording.
"""

import json
import xml.etree.ElementTree as ET

import pytest


@pytest.fixture
def regional(sqs_in, unique):
    """`regional(region, name)` creates a queue in that region (deleted afterwards) and
    returns (client, url)."""
    made = []

    def create(region, name):
        client = sqs_in(region)
        url = client.create_queue(QueueName=name)["QueueUrl"]
        made.append((client, url))
        return client, url

    yield create
    for client, url in made:
        client.delete_queue(QueueUrl=url)


# ---------------------------------------------------------------- regions

def test_the_same_name_in_two_regions_is_two_queues(regional, unique):
    # test_get_queue_url_multi_region, test_endpoint_strategy_with_multi_region
    name = unique()
    east, east_url = regional("us-east-1", name)
    west, west_url = regional("eu-central-1", name)
    assert east_url != west_url and "eu-central-1" in west_url
    assert east.get_queue_url(QueueName=name)["QueueUrl"] == east_url
    assert west.get_queue_url(QueueName=name)["QueueUrl"] == west_url
    arn = west.get_queue_attributes(QueueUrl=west_url, AttributeNames=["QueueArn"])
    assert arn["Attributes"]["QueueArn"].startswith("arn:aws:sqs:eu-central-1:")
    assert east_url in east.list_queues(QueueNamePrefix=name).get("QueueUrls", [])
    assert west_url not in east.list_queues(QueueNamePrefix=name).get("QueueUrls", [])
    assert west_url in west.list_queues(QueueNamePrefix=name).get("QueueUrls", [])
    west.send_message(QueueUrl=west_url, MessageBody="only in Frankfurt")
    assert "Messages" not in east.receive_message(QueueUrl=east_url, VisibilityTimeout=0)
    (m,) = west.receive_message(QueueUrl=west_url, WaitTimeSeconds=2)["Messages"]
    assert m["Body"] == "only in Frankfurt"


def test_a_queue_url_names_its_region_for_plain_http(regional, unique, http_get):
    # test_endpoint_strategy_with_multi_region: a GET to the queue URL, signed for its region
    name = unique()
    _, north = regional("eu-north-1", name)
    _, west = regional("us-west-1", name)
    status, _ = http_get(west, {"Action": "SendMessage", "MessageBody": "foobar"}, region="us-west-1")
    assert status == 200
    _, text = http_get(north, {"Action": "ReceiveMessage", "VisibilityTimeout": "0"}, region="eu-north-1")
    assert "foobar" not in text
    _, text = http_get(west, {"Action": "ReceiveMessage", "VisibilityTimeout": "0",
                              "WaitTimeSeconds": "2"}, region="us-west-1")
    assert "<Body>foobar</Body>" in text


# ---------------------------------------------------------------- the Query protocol over HTTP

def test_get_on_a_queue_url_without_an_action_is_unknown_operation(queue, http_get):
    # test_get_without_query_returns_unknown_operation (and ..._json_format_returns_returns_xml)
    url = queue()
    for headers in ({}, {"Accept": "application/json"}):
        status, text = http_get(url, headers=headers)
        assert status == 404 and "<UnknownOperationException" in text


@pytest.mark.parametrize("action", ["CreateQueue", "ListQueues"])
def test_queue_level_url_refuses_account_level_actions(queue, unique, http_get, action):
    # test_get_create_queue_fails, test_get_list_queues_fails
    status, text = http_get(queue(), {"Action": action, "QueueName": unique()})
    assert status == 400 and "<Code>InvalidAction</Code>" in text
    assert f"<Message>The action {action} is not valid for this endpoint" in text


def test_empty_receive_over_query_is_a_self_closing_result(queue, http_get):
    # test_get_send_and_receive_messages
    status, text = http_get(queue(), {"Action": "ReceiveMessage"})
    assert status == 200 and "<ReceiveMessageResult/>" in text.replace(" />", "/>")


def test_query_asked_for_json_answers_json(endpoint_url, http_get):
    # test_get_list_queues_with_query_auth
    status, text = http_get(endpoint_url + "/", {"Action": "ListQueues", "Version": "2012-11-05"},
                            headers={"Accept": "application/json"})
    assert status == 200 and "ListQueuesResponse" in json.loads(text)
    status, text = http_get(endpoint_url + "/", {"Action": "ListQueues", "Version": "2012-11-05"})
    assert status == 200 and ET.fromstring(text).tag.endswith("ListQueuesResponse")


def test_a_missing_queue_over_query_says_for_this_wsdl_version(sqs, sqs_query, unique, error_of):
    # test_non_existent_queue, test_get_on_deleted_queue_fails
    url = sqs.create_queue(QueueName=unique())["QueueUrl"]
    sqs.delete_queue(QueueUrl=url)
    code, status, message = error_of(sqs_query.get_queue_attributes, QueueUrl=url)
    assert (code, status) == ("AWS.SimpleQueueService.NonExistentQueue", 400)
    assert message == "The specified queue does not exist for this wsdl version."
    _, _, message = error_of(sqs.get_queue_attributes, QueueUrl=url)       # JSON: shorter
    assert message == "The specified queue does not exist."


def test_an_empty_batch_over_query_is_empty_batch_request(queue, sqs_query, error_of):
    # test_send_message_batch_with_empty_list[sqs_query]
    code, status, _ = error_of(sqs_query.send_message_batch, QueueUrl=queue(), Entries=[])
    assert (code, status) == ("AWS.SimpleQueueService.EmptyBatchRequest", 400)


# ---------------------------------------------------------------- request headers

def test_x_amzn_trace_id_becomes_the_aws_trace_header(sqs, queue):
    # test_aws_trace_header_propagation
    trace = "Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1"

    def add_header(request, **_):
        request.headers["X-Amzn-Trace-Id"] = trace

    url = queue()
    sqs.meta.events.register("before-send.sqs.SendMessage", add_header)
    try:
        sent = sqs.send_message(QueueUrl=url, MessageBody="traced")
    finally:
        sqs.meta.events.unregister("before-send.sqs.SendMessage", add_header)
    assert "MD5OfMessageSystemAttributes" not in sent      # a header, not a system attribute
    (m,) = sqs.receive_message(QueueUrl=url, MessageSystemAttributeNames=["AWSTraceHeader"],
                               WaitTimeSeconds=2)["Messages"]
    assert m["Attributes"] == {"AWSTraceHeader": trace}
