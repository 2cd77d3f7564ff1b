"""One place that hands out an SQS client, by backend name.

The lessons run the *same* boto3 lines against three backends, so the only thing that changes is
where the client points:

    from toyqueue.clients import client
    sqs = client("toy")          # the toy's HTTP endpoint, started on demand in this process
    sqs = client("toy", realistic=True, seed=7)   # the toy behaving like distributed SQS
    sqs = client("localstack")   # LocalStack at $TOYQUEUE_LOCALSTACK_URL (default 127.0.0.1:4566)
    sqs = client("aws")          # real AWS: refused unless you opt in, because it costs money

Why the care below: a boto3 client that is not told where to go goes to AWS, with whatever
credentials the machine has. The toy and LocalStack clients therefore always get an explicit
loopback/local `endpoint_url`, dummy credentials (`test`/`test`), a botocore session that
ignores the learner's AWS profile, config files and `AWS_ENDPOINT_URL*` variables, and no proxy.

The LocalStack client is built the way LocalStack users build theirs, through localstack-client's
`Session` (`import localstack_client.session as boto3`); `LocalStackSession` below says what it
adds so that the course's promises hold.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import re
import socket
import threading
from urllib.parse import urlsplit

import boto3
import botocore.loaders
import botocore.session
import localstack_client.session
from botocore.config import Config

BACKENDS = ("toy", "localstack", "aws")
DEFAULT_LOCALSTACK_URL = "http://127.0.0.1:4566"
REGION = "us-east-1"
DUMMY_CREDENTIALS = {"aws_access_key_id": "test", "aws_secret_access_key": "test"}


class AWSNotAllowed(RuntimeError):
    """Raised instead of building a client that could reach (and bill) a real AWS account."""


def localstack_url() -> str:
    return (os.environ.get("TOYQUEUE_LOCALSTACK_URL") or DEFAULT_LOCALSTACK_URL).rstrip("/")


def localstack_host(url: str | None = None) -> str:
    """`host:port` of the course's LocalStack, the form localstack-client's `localstack_host` takes."""
    parts = urlsplit(url or localstack_url())
    port = parts.port or (443 if parts.scheme == "https" else 80)
    # localstack-client splits at the first colon, so it cannot take an IPv6 host; the endpoint
    # mapping LocalStackSession sets carries the real URL anyway.
    return f"{parts.hostname}:{port}" if ":" not in (parts.hostname or ":") else f":{port}"


def localstack_account() -> str | None:
    """The learner's own LocalStack account on a shared classroom LocalStack, or None.

    LocalStack keeps a separate set of queues per account id and takes the id from a 12-digit
    access key id; a classroom hub sets $TOYQUEUE_LOCALSTACK_ACCOUNT for each learner's kernels
    (toyqueue.classroom.account_id), so two learners' `orders` queues never meet. Anything but
    12 digits is ignored: LocalStack would quietly use its shared default account for it.
    """
    account = os.environ.get("TOYQUEUE_LOCALSTACK_ACCOUNT", "").strip()
    return account if re.fullmatch(r"[0-9]{12}", account) else None


def aws_allowed() -> bool:
    return os.environ.get("TOYQUEUE_ALLOW_AWS", "").strip().lower() in ("1", "true", "yes")


def _aws_dns_suffixes() -> frozenset[str]:
    """Every AWS partition's domains (aws, aws-cn, aws-iso*, aws-eusc, ...), from botocore's own
    partitions.json, so a partition AWS adds is refused as soon as botocore knows it."""
    data = botocore.loaders.create_loader().load_data("partitions")
    return frozenset({"amazonaws.com", "api.aws"} | {
        p["outputs"][key] for p in data["partitions"]
        for key in ("dnsSuffix", "dualStackDnsSuffix") if p["outputs"].get(key)})


AWS_DNS_SUFFIXES = _aws_dns_suffixes()


def _ip_of(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a raw-IP host names, including the shorthands the C resolver still accepts
    (`872415233`, `0x34.0.0.1`), so that none of them slips past as a "name"."""
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        if not re.fullmatch(r"[0-9a-fx.]+", host):
            return None
        try:
            ip = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    mapped = getattr(ip, "ipv4_mapped", None)
    return mapped or ip


def _is_aws_host(url: str) -> bool:
    """True for anything that may be a real AWS endpoint: a name in any AWS partition (also with a
    trailing dot or in Unicode that IDNA folds into one), or a raw IP that is not loopback or
    private (an emulator never runs on a public address; AWS's are public)."""
    host = (urlsplit(url).hostname or "").lower()
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")
    host = host.rstrip(".")
    ip = _ip_of(host)
    if ip is not None:
        return not (ip.is_loopback or ip.is_private)
    return any(host == suffix or host.endswith("." + suffix) for suffix in AWS_DNS_SUFFIXES)


def _isolated_session(region: str) -> boto3.session.Session:
    """A boto3 session that reads nothing from ~/.aws or AWS_* variables (no profile, no endpoint)."""
    core = botocore.session.Session(session_vars={
        "profile": (None, None, None, None),
        "config_file": (None, None, os.devnull, None),
        "credentials_file": (None, None, os.devnull, None),
        "ignore_configured_endpoint_urls": (None, None, True, None),
    })
    return boto3.session.Session(botocore_session=core, region_name=region, **DUMMY_CREDENTIALS)


def _refuse_aws(endpoint_url: str) -> None:
    if _is_aws_host(endpoint_url):
        raise AWSNotAllowed(
            f"{endpoint_url} is a real AWS endpoint; the toy and LocalStack backends only talk to "
            f"local emulators. Use client('aws', allow_aws=True) if you really mean AWS.")


def _local_config(config: Config | None) -> Config:
    base = Config(retries={"max_attempts": 2, "mode": "standard"}, connect_timeout=5,
                  read_timeout=70)  # > 20 s, the longest long poll
    config = base.merge(config) if config is not None else base
    # botocore sends through $HTTP_PROXY/$HTTPS_PROXY unless given a proxies dict: an empty one
    # keeps traffic to a local emulator off any proxy (which could not reach our loopback anyway).
    return config.merge(Config(proxies={}))


def _local_client(endpoint_url: str, region: str, config: Config | None, **kw):
    _refuse_aws(endpoint_url)
    return _isolated_session(region).client("sqs", endpoint_url=endpoint_url,
                                            config=_local_config(config), **kw)


class LocalStackSession(localstack_client.session.Session):
    """localstack-client's boto3 drop-in, held to the course's LocalStack and nothing else.

    `localstack_client.session.Session(localstack_host="127.0.0.1:4566")` is what LocalStack
    users write: it points every service at LocalStack and supplies credentials LocalStack
    accepts. By itself it cannot keep three of the course's promises, so this subclass adds them:

    - it lets `$AWS_ENDPOINT_URL` (and `$USE_SSL`) win over `localstack_host`, which is right for
      a LocalStack user but here would let a variable meant for some other project redirect the
      course, even to AWS: the course's URL wins (and is refused if it is an AWS host);
    - its `client()` goes through `boto3.client`, boto3's process-wide default session, which
      reads the learner's `AWS_PROFILE` and config files (a profile that does not exist stops
      it) and which any notebook may replace with `boto3.setup_default_session`: here the same
      arguments go to a session of our own that reads no profile and no file;
    - botocore sends through `$HTTP_PROXY`/`$HTTPS_PROXY`: here never.
    """

    def __init__(self, url: str | None = None, *, region: str = REGION,
                 access_key: str | None = None):
        url = (url or localstack_url()).rstrip("/")
        access_key = access_key or localstack_account() or DUMMY_CREDENTIALS["aws_access_key_id"]
        _refuse_aws(url)
        super().__init__(aws_access_key_id=access_key,
                         aws_secret_access_key=DUMMY_CREDENTIALS["aws_secret_access_key"],
                         aws_session_token=None, region_name=region,
                         localstack_host=localstack_host(url))
        self.url = url
        self._service_endpoint_mapping = dict.fromkeys(self._service_endpoint_mapping, url)

    def client(self, service_name, config: Config | None = None, **kwargs):
        protected = {**self.common_protected_kwargs, "service_name": service_name,
                     "endpoint_url": self._service_endpoint_mapping[service_name]}
        return _isolated_session(self.region_name).client(
            **{**kwargs, "config": _local_config(config), **protected})


# --------------------------------------------------------------------------- the toy endpoint

_TOY_LOCK = threading.Lock()
_TOY_ENDPOINTS: dict[int, object] = {}   # id(service) (0 = the shared default) -> Endpoint
_REALISTIC: dict[object, object] = {}    # seed -> the shared realistic QueueService


def toy_endpoint(service=None):
    """The toy's HTTP endpoint for `service` (a QueueService), started once in a background thread.

    With no service, every caller in the process shares one endpoint and its queues, the way
    every client of one LocalStack shares its queues. Pass your own QueueService (one on a
    VirtualClock, say) to get an endpoint in front of it.
    """
    from toyqueue import server

    key = 0 if service is None else id(service)
    with _TOY_LOCK:
        ep = _TOY_ENDPOINTS.get(key)
        if ep is None or getattr(ep, "_stopped", False):
            ep = server.start(port=0, service=service, host="127.0.0.1")
            _TOY_ENDPOINTS[key] = ep
        return ep


def stop_toy_endpoints() -> None:
    with _TOY_LOCK:
        for ep in _TOY_ENDPOINTS.values():
            ep.stop()
        _TOY_ENDPOINTS.clear()
        _REALISTIC.clear()


# --------------------------------------------------------------------------- the factory

def _realistic_service(seed):
    """The realistic QueueService for `seed`: shared by every client asking for that seed."""
    from toyqueue.service import QueueService

    with _TOY_LOCK:
        if seed not in _REALISTIC:
            _REALISTIC[seed] = QueueService(realistic=True, seed=seed)
        return _REALISTIC[seed]


def client(backend: str = "toy", *, region: str = REGION, endpoint_url: str | None = None,
           service=None, allow_aws: bool = False, config: Config | None = None,
           realistic: bool = False, seed=None, **kw):
    """A boto3 SQS client for `backend` ("toy", "localstack" or "aws").

    toy: `service=` puts the endpoint in front of your own QueueService; `endpoint_url=` points
    at a toy you started yourself (`python -m toyqueue serve`). `realistic=True` (with a
    `seed`) gives a toy whose standard queues behave like distributed SQS
    (toyqueue/realistic.py); clients asking for the same seed share its queues.
    localstack: built through localstack-client (see LocalStackSession); `endpoint_url=`
    overrides $TOYQUEUE_LOCALSTACK_URL; queues live in $TOYQUEUE_LOCALSTACK_ACCOUNT's account
    when a classroom hub set one.
    aws: needs `allow_aws=True` or TOYQUEUE_ALLOW_AWS=1; then boto3's usual credentials apply.
    Extra keyword arguments go to `boto3.client`.
    """
    if seed is not None and not realistic:
        raise ValueError("seed= only matters with realistic=True (the exact toy has no randomness)")
    if realistic and (backend != "toy" or service is not None or endpoint_url):
        raise ValueError("realistic=True starts the toy's own realistic endpoint; for your own "
                         "service or server use QueueService(realistic=True, seed=...) or "
                         "`python -m toyqueue serve --realistic`")
    if backend == "toy":
        if realistic:
            service = _realistic_service(seed)
        url = endpoint_url or toy_endpoint(service).url
        return _local_client(url, region, config, **kw)
    if backend == "localstack":
        return LocalStackSession(endpoint_url, region=region).client("sqs", config=config, **kw)
    if backend == "aws":
        if not (allow_aws or aws_allowed()):
            raise AWSNotAllowed(
                "client('aws') talks to real Amazon SQS, which needs an AWS account and costs "
                "money, so it is off by default. Everything in this course runs on 'toy' or "
                "'localstack'. To opt in, set TOYQUEUE_ALLOW_AWS=1 in the environment (or pass "
                "allow_aws=True) and make sure your AWS credentials are configured.")
        return boto3.session.Session(region_name=region).client(
            "sqs", endpoint_url=endpoint_url, config=config, **kw)
    raise ValueError(f"unknown backend {backend!r}: choose one of {', '.join(BACKENDS)}")
