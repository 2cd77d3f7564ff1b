import gzip
import json
import pathlib
import threading

import botocore
import pytest

from toyqueue import RealClock, VirtualClock, errors
from toyqueue.clock import EPOCH_2026
from toyqueue.md5 import md5_of_attributes, md5_of_body


def test_virtual_clock_starts_2026_and_moves_only_when_told():
    c = VirtualClock()
    assert c.now() == EPOCH_2026 == 1767225600.0
    assert c.now() == c.now()
    c.advance(4 * 86400)
    assert c.now() == EPOCH_2026 + 345600
    c.sleep(1.5)
    assert c.now() == EPOCH_2026 + 345601.5
    c.set(10)
    assert c.now() == 10
    c.advance_to(5)            # never backwards
    assert c.now() == 10
    with pytest.raises(ValueError):
        c.advance(-1)


def test_virtual_clock_is_thread_safe():
    c = VirtualClock(start=0)
    threads = [threading.Thread(target=lambda: [c.advance(1) for _ in range(1000)]) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert c.now() == 4000


def test_real_clock_is_wall_time():
    import time
    assert abs(RealClock().now() - time.time()) < 1
    assert not RealClock.virtual and VirtualClock.virtual


def test_md5_of_body_is_md5_of_utf8():
    assert md5_of_body("hello") == "5d41402abc4b2a76b9719d911017c592"
    import hashlib
    assert md5_of_body("안녕") == hashlib.md5("안녕".encode("utf-8")).hexdigest()
    assert md5_of_body("안녕") != hashlib.md5("안녕".encode("utf-16")).hexdigest()


def test_md5_of_attributes_matches_the_recorded_aws_example():
    attrs = {"Help.Me": {"DataType": "String", "StringValue": "Me"},
             "Hello": {"DataType": "String", "StringValue": "There"},
             "General": {"DataType": "String", "StringValue": "Kenobi"}}
    assert md5_of_attributes(attrs) == "4c360f3fdafd970e05fae2f149d997f5"
    assert md5_of_attributes({}) is None


def test_md5_of_binary_attribute_uses_transport_byte_2():
    import hashlib
    import struct
    got = md5_of_attributes({"b": {"DataType": "Binary", "BinaryValue": b"\x00\x01"}})
    raw = struct.pack(">I", 1) + b"b" + struct.pack(">I", 6) + b"Binary" + b"\x02" + struct.pack(">I", 2) + b"\x00\x01"
    assert got == hashlib.md5(raw).hexdigest()


def _model():
    path = pathlib.Path(botocore.__file__).parent / "data/sqs/2012-11-05/service-2.json.gz"
    return json.loads(gzip.open(path).read())


def test_every_error_in_botocores_model_has_a_class():
    model = _model()
    names = {n for n, s in model["shapes"].items() if s.get("exception")}
    ours = {cls.__name__ for cls in errors.BY_CODE.values()}
    missing = {n for n in names if not n.startswith("Kms")} - ours
    assert not missing


@pytest.mark.parametrize("cls,code,query_code,status", [
    (errors.QueueDoesNotExist, "QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", 400),
    (errors.QueueNameExists, "QueueNameExists", "QueueAlreadyExists", 400),
    (errors.InvalidParameterValue, "InvalidParameterValueException", "InvalidParameterValue", 400),
    (errors.MissingParameter, "MissingRequiredParameterException", "MissingParameter", 400),
    (errors.PurgeQueueInProgress, "PurgeQueueInProgress", "AWS.SimpleQueueService.PurgeQueueInProgress", 403),
    (errors.OverLimit, "OverLimit", "OverLimit", 403),
    (errors.MessageNotInflight, "MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight", 400),
    (errors.TooManyEntriesInBatchRequest, "TooManyEntriesInBatchRequest",
     "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", 400),
    (errors.BatchEntryIdsNotDistinct, "BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct", 400),
    (errors.InvalidBatchEntryId, "InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId", 400),
    (errors.EmptyBatchRequest, "EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest", 400),
    (errors.BatchRequestTooLong, "BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong", 400),
    (errors.QueueDeletedRecently, "QueueDeletedRecently", "AWS.SimpleQueueService.QueueDeletedRecently", 400),
    (errors.UnsupportedOperation, "UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", 400),
    (errors.ReceiptHandleIsInvalid, "ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", 400),
    (errors.InvalidMessageContents, "InvalidMessageContents", "InvalidMessageContents", 400),
    (errors.InvalidAttributeName, "InvalidAttributeName", "InvalidAttributeName", 400),
    (errors.InvalidAttributeValue, "InvalidAttributeValue", "InvalidAttributeValue", 400),
    (errors.ResourceNotFoundException, "ResourceNotFoundException", "ResourceNotFoundException", 404),
])
def test_error_codes_and_statuses(cls, code, query_code, status):
    e = cls("boom")
    assert (e.code, e.query_code, e.status, e.message) == (code, query_code, status, "boom")
    assert isinstance(e, errors.SQSError)
    assert errors.BY_CODE[code] is cls and errors.BY_CODE[query_code] is cls
    assert str(e) == f"{code}: boom"


def test_json_type_names():
    assert errors.QueueDoesNotExist().json_type == "com.amazonaws.sqs#QueueDoesNotExist"
    assert errors.InvalidParameterValue("x").json_type == "com.amazon.coral.service#InvalidParameterValueException"
    assert errors.QueueDoesNotExist().message == "The specified queue does not exist."


def test_errors_pickle():
    import pickle
    e = pickle.loads(pickle.dumps(errors.OverLimit("too many")))
    assert isinstance(e, errors.OverLimit) and e.message == "too many"


def test_response_looks_like_a_boto3_client_error():
    e = errors.QueueDoesNotExist()
    assert e.response["Error"]["Code"] == "AWS.SimpleQueueService.NonExistentQueue"
    assert e.response["Error"]["QueryErrorCode"] == "QueueDoesNotExist"
    assert e.response["Error"]["Message"] == "The specified queue does not exist."
    assert errors.OverLimit("x").response["ResponseMetadata"]["HTTPStatusCode"] == 403
