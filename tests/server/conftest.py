"""Fixtures for the protocol tests: a toy endpoint per module and raw HTTP helpers."""

import http.client
import json
from urllib.parse import urlsplit

import boto3
import pytest
from botocore.config import Config

from toyqueue import server


@pytest.fixture(scope="module")
def endpoint():
    ep = server.start()
    yield ep
    ep.stop()


def client_for(url, **config):
    return boto3.client("sqs", endpoint_url=url, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test",
                        config=Config(retries={"max_attempts": 1}, **config))


@pytest.fixture(scope="module")
def new_client():
    """`new_client(url, **botocore_config)`: a separate boto3 client (its own connections)."""
    return client_for


@pytest.fixture(scope="module")
def sqs(endpoint):
    return client_for(endpoint.url)


class Raw:
    """Hand-made HTTP requests, for what boto3 would never send."""

    def __init__(self, url):
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port

    def request(self, body=b"", headers=None, method="POST", path="/"):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            conn.close()

    def json(self, action, payload, target_prefix="AmazonSQS."):
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        headers = {"Content-Type": "application/x-amz-json-1.0"}
        if action is not None:
            headers["X-Amz-Target"] = target_prefix + action
        status, headers, data = self.request(body, headers)
        return status, headers, json.loads(data) if data else None


@pytest.fixture(scope="module")
def raw_for():
    """`raw_for(url)`: a Raw helper for another endpoint."""
    return Raw


@pytest.fixture(scope="module")
def raw(endpoint):
    return Raw(endpoint.url)
