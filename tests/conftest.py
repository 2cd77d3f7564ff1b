"""Fixtures any test under tests/ may use (the LocalStack plumbing itself is in ../conftest.py).

- `localstack_url` (session, from the root conftest): the run's LocalStack, SQS ready;
- `localstack_sqs` / `toy_sqs`: boto3 SQS clients from toyqueue.clients, pointed at them;
- `unique_name`: queue names that never collide between tests or xdist workers.
"""

import uuid

import pytest

from toyqueue import clients


@pytest.fixture(scope="session")
def localstack_sqs(localstack_url):
    return clients.client("localstack", endpoint_url=localstack_url)


@pytest.fixture(scope="session")
def toy_sqs():
    """A client for a toy endpoint of this test session's own (not the process-wide shared one)."""
    from toyqueue import server

    endpoint = server.start(port=0)
    yield clients.client("toy", endpoint_url=endpoint.url)
    endpoint.stop()


@pytest.fixture
def unique_name():
    return lambda prefix="q": f"{prefix}-{uuid.uuid4().hex[:12]}"
