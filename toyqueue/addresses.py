"""Queue URLs and ARNs: how a queue's region, account and name become an address, and back.

SQS keeps a separate set of queues per region: the same name in us-east-1 and eu-central-1
is two queues, with two URLs and two ARNs. A request's region is the one its SigV4 signature
names (``Credential=<key>/<date>/<region>/sqs/aws4_request``), so a boto3 client made with
``region_name="eu-central-1"`` creates and lists the queues of that region.

Real queue URLs carry the region in the host name (``https://sqs.eu-central-1.amazonaws.com/
123456789012/orders``). The toy listens on one address, so it carries the region in the path
instead, except for its home region (us-east-1 unless told otherwise), whose URLs stay short
(``http://127.0.0.1:9324/000000000000/orders``), the way AWS's legacy us-east-1 endpoint
``queue.amazonaws.com`` has no region in it either:

    http://127.0.0.1:9324/000000000000/orders                  home region
    http://127.0.0.1:9324/eu-central-1/000000000000/orders     any other region

Reading a URL, the toy looks for a region anywhere in it, so LocalStack's path-style URLs
(``/queue/us-east-1/000000000000/orders``) and AWS-style host names resolve too.
"""
import functools
import re

_REGION = re.compile(r"[a-z]{2}(?:-[a-z]+)+-\d{1,2}")
_HOST_REGION = re.compile(r"(?:^|\.)(?:sqs\.)?([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.")


def queue_url(base_url, region, home_region, account_id, name):
    """The URL the toy gives a queue (see the module docstring for the shape)."""
    if region == home_region:
        return f"{base_url}/{account_id}/{name}"
    return f"{base_url}/{region}/{account_id}/{name}"


def queue_arn(region, account_id, name):
    return f"arn:aws:sqs:{region}:{account_id}:{name}"


@functools.lru_cache(maxsize=1024)
def parse_queue_url(url):
    """(region or None, name) of a QueueUrl: the name is its last path segment; the region is
    a region-shaped path segment before it or a region in the host name, if there is one.
    A bare name (no slash) is accepted as SQS accepts it. Cached: every message action
    starts here."""
    url = url.rstrip("/")
    if "/" not in url:
        return None, url
    rest = url.split("://", 1)[-1]
    host, _, path = rest.partition("/")
    segments = path.split("/")
    for segment in segments[:-1]:
        if _REGION.fullmatch(segment):
            return segment, segments[-1]
    found = _HOST_REGION.search(host)
    return (found.group(1) if found else None), segments[-1]


def parse_queue_arn(arn):
    """(region, account, name) of an SQS queue ARN, or None if it is not one."""
    parts = str(arn).split(":")
    if len(parts) != 6 or parts[0] != "arn" or parts[2] != "sqs":
        return None
    return parts[3], parts[4], parts[5]


def region_of_request(authorization, query_credential=None):
    """The region a SigV4-signed request names: from the Authorization header
    (``... Credential=AKID/20260101/eu-central-1/sqs/aws4_request, ...``) or, for a presigned
    URL, the X-Amz-Credential query parameter. None when the request names none."""
    for text in (authorization, query_credential):
        if not text:
            continue
        credential = text.split("Credential=", 1)[-1].split(",", 1)[0].strip()
        parts = credential.split("/")
        if len(parts) >= 5 and _REGION.fullmatch(parts[2]):
            return parts[2]
    return None
