"""One set of boto3 scenarios, run against two queues: the toy endpoint and LocalStack.

Every contract test takes the `sqs` fixture (a boto3 SQS client) and is collected twice,
`[toy]` and `[localstack]`. A test states what real SQS does. Where LocalStack does something
else, the test carries

    @pytest.mark.sqs_difference(sqs="rejects MaxNumberOfMessages=0", localstack="accepts it")

which turns the LocalStack run into xfail(strict=True): the difference is proven every run (if
LocalStack starts behaving like SQS the test fails, and the marker must go), and
`python -m toyqueue differences` builds the README's table from these markers.

LocalStack comes from the root conftest's `localstack_url` fixture (its own LocalStack per run,
or the one $TOYQUEUE_LOCALSTACK_URL points at); the toy is started in this process.
`pytest tests/contract -k toy` runs one side only.
"""

import os
import uuid

import boto3
import pytest
from botocore.config import Config

BACKENDS = ("toy", "localstack")
MARKER = "sqs_difference"



def pytest_collection_modifyitems(config, items):
    for item in items:
        mark = item.get_closest_marker(MARKER)
        backend = getattr(getattr(item, "callspec", None), "params", {}).get("backend")
        if mark is not None and backend == "localstack":
            reason = f"LocalStack {describe(mark)['localstack']}; SQS {describe(mark)['sqs']}"
            item.add_marker(pytest.mark.xfail(strict=True, reason=reason))


def describe(mark):
    """The marker as {'sqs': ..., 'localstack': ...}; a single string is the LocalStack side."""
    kw = dict(mark.kwargs)
    if mark.args:
        kw.setdefault("localstack", mark.args[0])
    return {"sqs": kw.get("sqs", ""), "localstack": kw.get("localstack", "")}


# ---------------------------------------------------------------- the two backends

@pytest.fixture(scope="session")
def toy_url():
    from toyqueue import server

    endpoint = server.start()
    yield endpoint.url
    endpoint.stop()


@pytest.fixture(scope="session")
def contract_localstack_url(request):
    """The root conftest's `localstack_url` when there is one; else our own LocalStack."""
    try:
        return request.getfixturevalue("localstack_url")
    except pytest.FixtureLookupError:
        pass
    if os.environ.get("TOYQUEUE_LOCALSTACK_URL"):
        return os.environ["TOYQUEUE_LOCALSTACK_URL"].rstrip("/")
    from toyqueue import localstack

    ls = localstack.start(port=0)
    request.addfinalizer(ls.stop)
    return ls.url


def make_client(url, region="us-east-1"):
    # Retries would hide errors (and double-send); long polls need a read timeout past 20 s.
    return boto3.client(
        "sqs", endpoint_url=url, region_name=region,
        aws_access_key_id="test", aws_secret_access_key="test",
        config=Config(retries={"max_attempts": 1, "mode": "standard"}, read_timeout=30,
                      connect_timeout=5))


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request):
    return request.param


@pytest.fixture(scope="session")
def _clients(request):
    return {}


@pytest.fixture
def sqs(backend, _clients, request):
    """A boto3 SQS client for the backend this run of the test is about."""
    if backend not in _clients:
        url = (request.getfixturevalue("toy_url") if backend == "toy"
               else request.getfixturevalue("contract_localstack_url"))
        _clients[backend] = make_client(url)
    return _clients[backend]


@pytest.fixture
def endpoint_url(sqs):
    return sqs.meta.endpoint_url


@pytest.fixture
def sqs_in(endpoint_url):
    """`sqs_in(region)`: a boto3 client for the same backend, signing for another region."""
    return lambda region: make_client(endpoint_url, region)


@pytest.fixture
def sqs_query(endpoint_url, query_client):
    """A client of the same backend that speaks the old Query protocol (tests/conftest.py)."""
    return query_client(endpoint_url)


@pytest.fixture
def http_get():
    """`http_get(url, params=None, headers=None, region="us-east-1")` -> (status, text): a
    SigV4-signed GET, as an old SDK sends a Query request to a queue URL."""
    import urllib.error
    import urllib.request

    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    def run(url, params=None, headers=None, region="us-east-1"):
        request = AWSRequest(method="GET", url=url, params=params or {}, headers=headers or {})
        SigV4Auth(Credentials("test", "test"), "sqs", region).add_auth(request)
        prepared = request.prepare()
        try:
            with urllib.request.urlopen(urllib.request.Request(
                    prepared.url, headers=dict(prepared.headers)), timeout=30) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    return run


@pytest.fixture
def queue(sqs, request):
    """`queue(suffix="", **attributes)` creates a queue with a unique name, deleted afterwards."""
    made = []
    base = request.node.originalname.replace("test_", "")[:40]

    def create(suffix="", fifo=False, **attributes):
        name = f"{base}-{uuid.uuid4().hex[:8]}{suffix}"
        if fifo:
            name += ".fifo"
            attributes.setdefault("FifoQueue", "true")
        attrs = {k: str(v) for k, v in attributes.items()}
        url = sqs.create_queue(QueueName=name, Attributes=attrs)["QueueUrl"]
        made.append(url)
        return url

    yield create
    for url in made:
        try:
            sqs.delete_queue(QueueUrl=url)
        except sqs.exceptions.QueueDoesNotExist:
            pass


@pytest.fixture
def unique():
    """A fresh name fragment, so tests never see each other's queues."""
    return lambda prefix="q": f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def error_of():
    """`error_of(call, **kw)` runs a boto3 call that must fail; returns (code, status, message).

    `code` is botocore's `Error.Code`: the legacy Query code SQS sends in x-amzn-query-error
    (e.g. AWS.SimpleQueueService.NonExistentQueue), which is what learners' code compares.
    """
    from botocore.exceptions import ClientError

    def run(call, **kwargs):
        with pytest.raises(ClientError) as info:
            call(**kwargs)
        r = info.value.response
        return r["Error"]["Code"], r["ResponseMetadata"]["HTTPStatusCode"], r["Error"].get("Message")

    return run


@pytest.fixture
def receive_within(sqs):
    """Long-poll until `n` messages came back or `seconds` passed; returns the messages.

    Waiting this way (instead of sleeping) keeps tests fast on the toy and tolerant of
    LocalStack, which sweeps its timers about once a second.
    """
    import time

    def run(url, seconds, n=1, **kwargs):
        got, deadline = [], time.monotonic() + seconds
        while len(got) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            r = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=min(10, n - len(got)),
                                    WaitTimeSeconds=max(1, min(20, int(left + 0.999))), **kwargs)
            got.extend(r.get("Messages", []))
        return got

    return run
