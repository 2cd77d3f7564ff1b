"""Fixtures any test under tests/ may use (the LocalStack plumbing itself is in ../conftest.py).

- `localstack_url` (session, from the root conftest): the run's LocalStack, SQS ready;
- `localstack_sqs` / `toy_sqs`: boto3 SQS clients from toyqueue.clients, pointed at them;
- `unique_name`: queue names that never collide between tests or xdist workers;
- `query_client`: `query_client(url, region="us-east-1")`, a botocore SQS client that speaks the
  old Query protocol (form fields in, XML out), as old SDKs and CLIs do.
"""

import shutil
import uuid
from pathlib import Path

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


@pytest.fixture(scope="session")
def query_client(tmp_path_factory):
    """The client is botocore itself, loaded with SQS's last Query-protocol service model (kept
    by LocalStack in localstack/aws/data/sqs-query, from botocore before April 2024), so the
    requests and the XML parsing are a real SDK's, not ours."""
    import botocore.session
    import localstack
    from botocore.config import Config

    model = (Path(list(localstack.__path__)[0]) / "aws" / "data" / "sqs-query" / "2012-11-05"
             / "service-2.json")
    data = tmp_path_factory.mktemp("models")
    target = data / "sqs" / "2012-11-05"
    target.mkdir(parents=True)
    shutil.copy(model, target / "service-2.json")

    def make(url, region="us-east-1"):
        session = botocore.session.get_session()
        session.get_component("data_loader").search_paths.insert(0, str(data))
        client = session.create_client(
            "sqs", endpoint_url=url, region_name=region, aws_access_key_id="test",
            aws_secret_access_key="test", config=Config(retries={"max_attempts": 1}))
        assert client.meta.service_model.protocol == "query"
        return client

    return make
