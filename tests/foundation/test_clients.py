"""toyqueue.clients: one SQS client per backend, and no way to reach real AWS by accident."""

import socket
import threading
import urllib.request

import boto3
import localstack_client.session
import pytest

from toyqueue import clients, localstack
from toyqueue.clients import AWSNotAllowed, client

AWS_VARS = ("TOYQUEUE_ALLOW_AWS", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SQS", "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_CONFIG_FILE")


@pytest.fixture
def hostile_env(monkeypatch, tmp_path):
    """A learner's shell that points boto3 at real AWS in every way it can."""
    for var in AWS_VARS:
        monkeypatch.delenv(var, raising=False)
    config = tmp_path / "aws-config"
    config.write_text("[default]\nendpoint_url = https://sqs.eu-west-1.amazonaws.com\n"
                      "region = eu-west-1\n[profile real]\nregion = eu-west-1\n")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    monkeypatch.setenv("AWS_PROFILE", "real")
    monkeypatch.setenv("AWS_ENDPOINT_URL", "https://sqs.us-east-1.amazonaws.com")
    monkeypatch.setenv("AWS_ENDPOINT_URL_SQS", "https://sqs.us-east-1.amazonaws.com")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALKEY")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-secret")


@pytest.fixture
def trap_proxy(monkeypatch):
    """Every proxy variable points at a listener on loopback that counts who connects to it."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    seen, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            seen.append(conn.recv(200))
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    proxy = f"http://127.0.0.1:{server.getsockname()[1]}"
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(var, proxy)
        monkeypatch.setenv(var.lower(), proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.setattr(urllib.request, "_opener", None)  # urlopen reads the variables once
    yield seen
    stop.set()
    thread.join()
    server.close()


def test_aws_is_refused_without_opt_in(monkeypatch):
    monkeypatch.delenv("TOYQUEUE_ALLOW_AWS", raising=False)
    with pytest.raises(AWSNotAllowed) as e:
        client("aws")
    assert "TOYQUEUE_ALLOW_AWS=1" in str(e.value) and "costs" in str(e.value)
    monkeypatch.setenv("TOYQUEUE_ALLOW_AWS", "0")
    with pytest.raises(AWSNotAllowed):
        client("aws")


def test_aws_opt_in_builds_a_real_client_without_calling_it(monkeypatch):
    monkeypatch.delenv("TOYQUEUE_ALLOW_AWS", raising=False)
    for var in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SQS", "AWS_PROFILE"):
        monkeypatch.delenv(var, raising=False)
    assert "amazonaws.com" in client("aws", allow_aws=True).meta.endpoint_url
    monkeypatch.setenv("TOYQUEUE_ALLOW_AWS", "1")
    assert "amazonaws.com" in client("aws").meta.endpoint_url


def test_localstack_client_ignores_the_learners_aws_settings(hostile_env, monkeypatch):
    monkeypatch.setenv("TOYQUEUE_LOCALSTACK_URL", "http://127.0.0.1:4599")
    sqs = client("localstack")
    assert sqs.meta.endpoint_url == "http://127.0.0.1:4599"
    assert sqs.meta.region_name == "us-east-1"
    creds = sqs._request_signer._credentials
    assert (creds.access_key, creds.secret_key) == ("test", "test")


def test_the_localstack_client_is_localstack_clients_session(monkeypatch):
    """Built the way LocalStack users build theirs, with the course's host and port."""
    monkeypatch.setenv("TOYQUEUE_LOCALSTACK_URL", "http://127.0.0.1:4599")
    session = clients.LocalStackSession()
    assert isinstance(session, localstack_client.session.Session)
    assert session.url == "http://127.0.0.1:4599"
    assert clients.localstack_host() == "127.0.0.1:4599"


def test_localstack_clients_own_session_follows_the_environment(hostile_env, monkeypatch):
    """Why LocalStackSession wraps it: the plain drop-in obeys AWS_ENDPOINT_URL (to AWS, here)."""
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)   # it builds boto3's default session anew
    plain = localstack_client.session.Session(localstack_host="127.0.0.1:4599").client("sqs")
    assert plain.meta.endpoint_url == "https://sqs.us-east-1.amazonaws.com"
    assert client("localstack", endpoint_url="http://127.0.0.1:4599").meta.endpoint_url \
        == "http://127.0.0.1:4599"


def test_localstack_client_works_in_a_hostile_shell(hostile_env, trap_proxy, localstack_url,
                                                    unique_name, monkeypatch):
    """A real round trip on the run's LocalStack (never on 4566) through localstack-client, with
    every AWS setting, a profile that does not exist, LocalStack's own variables and all proxies
    pointing elsewhere, and boto3's default session replaced."""
    assert not localstack_url.endswith(":4566")
    monkeypatch.setenv("TOYQUEUE_LOCALSTACK_URL", localstack_url)
    monkeypatch.setenv("AWS_PROFILE", "no-such-profile")
    monkeypatch.setenv("LOCALSTACK_HOST", "localhost.invalid:4566")
    monkeypatch.setenv("USE_SSL", "1")
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    sqs = client("localstack")
    assert sqs.meta.endpoint_url == localstack_url
    url = sqs.create_queue(QueueName=unique_name("hostile"))["QueueUrl"]
    try:
        sqs.send_message(QueueUrl=url, MessageBody="still local")
        got = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=2)["Messages"]
        assert [m["Body"] for m in got] == ["still local"]
        assert ":000000000000/" in url or "/000000000000/" in url
    finally:
        sqs.delete_queue(QueueUrl=url)
    assert trap_proxy == []


@pytest.mark.parametrize("backend", ["toy", "localstack"])
def test_local_clients_never_use_a_proxy(backend, trap_proxy, localstack_url, monkeypatch):
    monkeypatch.setenv("TOYQUEUE_LOCALSTACK_URL", localstack_url)
    assert "QueueUrls" not in client(backend).list_queues(QueueNamePrefix="no-such-queue-x")
    assert trap_proxy == []


def test_the_localstack_health_probe_never_uses_a_proxy(trap_proxy, localstack_url):
    assert localstack.sqs_ready(localstack_url)
    assert trap_proxy == []


AWS_LOOKALIKES = [
    "https://sqs.us-east-1.amazonaws.com./",           # a trailing dot is the same host in DNS
    "https://SQS.US-EAST-1.AMAZONAWS.COM",
    "https://sqs.cn-north-1.amazonaws.com.cn",          # China
    "https://sqs.us-iso-east-1.c2s.ic.gov",             # the isolated partitions
    "https://sqs.us-isob-east-1.sc2s.sgov.gov",
    "https://sqs.eu-isoe-west-1.cloud.adc-e.uk",
    "https://sqs.us-isof-south-1.csp.hci.ic.gov",
    "https://sqs.eusc-de-east-1.amazonaws.eu",          # European Sovereign Cloud
    "https://sqs.us-east-1.api.aws",                    # dual-stack
    "https://sqs.cn-north-1.api.amazonwebservices.com.cn",
    "https://sqs.us-east-1.amazonaws\u3002com",          # IDNA turns U+3002 into a dot
    "http://52.94.0.1",                                 # raw public addresses (AWS's, for all we know)
    "http://872415233",                                 # 52.0.0.1 written as one number
    "http://0x34.0.0.1",
    "http://[2600:1f18::1]",
    "http://[::ffff:52.94.0.1]",
]
LOCAL_ENDPOINTS = ["http://127.0.0.1:4566", "http://localhost:4566", "http://127.8.9.10:1",
                   "http://[::1]:4566", "http://10.0.0.5:4566", "http://172.17.0.2:4566",
                   "http://192.168.1.20:4566", "http://localstack:4566",
                   "http://localhost.localstack.cloud:4566", "http://host.docker.internal:4566"]


@pytest.mark.parametrize("url", AWS_LOOKALIKES)
@pytest.mark.parametrize("backend", ["toy", "localstack"])
def test_local_backends_refuse_anything_that_may_be_aws(backend, url):
    with pytest.raises(AWSNotAllowed, match="real AWS endpoint"):
        client(backend, endpoint_url=url)


@pytest.mark.parametrize("url", LOCAL_ENDPOINTS)
def test_local_and_private_endpoints_are_allowed(url):
    assert client("toy", endpoint_url=url).meta.endpoint_url == url
    assert client("localstack", endpoint_url=url).meta.endpoint_url == url


def test_local_backends_refuse_an_aws_endpoint(monkeypatch):
    monkeypatch.setenv("TOYQUEUE_LOCALSTACK_URL", "https://sqs.us-east-1.amazonaws.com")
    with pytest.raises(AWSNotAllowed, match="real AWS endpoint"):
        client("localstack")
    with pytest.raises(AWSNotAllowed):
        client("toy", endpoint_url="https://sqs.eu-west-1.amazonaws.com")


def test_unknown_backend():
    with pytest.raises(ValueError, match="toy, localstack, aws"):
        client("sqs")


def test_default_localstack_url(monkeypatch):
    monkeypatch.delenv("TOYQUEUE_LOCALSTACK_URL", raising=False)
    assert client("localstack").meta.endpoint_url == "http://127.0.0.1:4566"


@pytest.mark.parametrize("backend", ["toy", "localstack"])
def test_the_same_code_runs_on_both_backends(backend, localstack_url, unique_name, monkeypatch):
    monkeypatch.setenv("TOYQUEUE_LOCALSTACK_URL", localstack_url)
    sqs = client(backend)
    url = sqs.create_queue(QueueName=unique_name("clients"))["QueueUrl"]
    try:
        sqs.send_message(QueueUrl=url, MessageBody="hello")
        got = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=2)["Messages"]
        assert [m["Body"] for m in got] == ["hello"]
        assert got[0]["MD5OfBody"] == "5d41402abc4b2a76b9719d911017c592"
    finally:
        sqs.delete_queue(QueueUrl=url)


def test_the_shared_toy_endpoint_is_started_once():
    a, b = clients.toy_endpoint(), clients.toy_endpoint()
    assert a is b and a.url.startswith("http://127.0.0.1:")
    assert client("toy").meta.endpoint_url == a.url
