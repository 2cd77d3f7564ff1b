"""Checks for exercise 06: the orders queue's access policy, judged by toyqueue.policy.

A table of requests, each named the way the lesson speaks of it ("S3 for someone else's
bucket"), each with the answer SQS would have to give. Both sides of every rule are asked: the
writers that must get in, and the near misses that must not (another bucket, the same bucket
name in another account, another topic, the partner reading). The same table is asked again
about a second queue, so a policy that names one queue's ARN by heart is caught.
"""
from __future__ import annotations

from typing import NamedTuple

from .. import policy as iam
from ..i18n import mark, tr
from .common import check, fail, learner_functions, passed
from .failures import learner_code, raised

OUR, PARTNER, STRANGER = "000000000000", "111122223333", "444455556666"
QUEUES = (f"arn:aws:sqs:us-east-1:{OUR}:orders", f"arn:aws:sqs:eu-west-1:{OUR}:invoices")
BUCKET = "arn:aws:s3:::video-uploads"
TOPIC = f"arn:aws:sns:us-east-1:{OUR}:new-orders"

PARTNER_ROLE = {"AWS": f"arn:aws:iam::{PARTNER}:role/order-importer"}
STRANGER_USER = {"AWS": f"arn:aws:iam::{STRANGER}:user/mallory"}
CONSUMER_ROLE = {"AWS": f"arn:aws:iam::{OUR}:role/order-consumer"}
S3, SNS = {"Service": "s3.amazonaws.com"}, {"Service": "sns.amazonaws.com"}
ANY_SQS = {"Version": "2012-10-17", "Statement": [{"Sid": "CallerIamPolicy", "Effect": "Allow", "Action": "sqs:*",
                                                   "Resource": "*"}]}
CONSUMER_IAM = {"Version": "2012-10-17", "Statement": [{
    "Sid": "ConsumerRoleIamPolicy", "Effect": "Allow", "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"],
    "Resource": "*"}]}
OUR_BUCKET = {"aws:SourceArn": BUCKET, "aws:SourceAccount": OUR}
OUR_TOPIC = {"aws:SourceArn": TOPIC}
READABLE = mark("a policy is made of statements SQS can read")


class Case(NamedTuple):
    words: str
    caller: dict
    action: str
    context: dict
    iam: dict | None          # the caller's own IAM policy (services have none)
    allowed: bool
    why: str                  # what the rule is, for a policy that answers wrong
    plain_http: bool = False  # the same request over plain HTTP (aws:SecureTransport false)

    def said(self) -> str:
        """The request in the course language ("the partner account sends over plain HTTP")."""
        return tr("{case} over plain HTTP", case=tr(self.words)) if self.plain_http else tr(self.words)


WRITERS = [
    Case(mark("the partner account sends"), PARTNER_ROLE, "sqs:SendMessage", {}, ANY_SQS, True,
         mark("the partner account may send")),
    Case(mark("S3 sends an event of your bucket video-uploads"), S3, "sqs:SendMessage", OUR_BUCKET, None, True,
         mark("S3 may send your bucket's events (aws:SourceArn is the bucket, aws:SourceAccount is yours)")),
    Case(mark("SNS delivers a message of your topic new-orders"), SNS, "sqs:SendMessage", OUR_TOPIC, None, True,
         mark("SNS may deliver your topic's messages")),
    Case(mark("your consumer role receives"), CONSUMER_ROLE, "sqs:ReceiveMessage", {}, CONSUMER_IAM, True,
         mark("the queue policy must not take away what your own roles' IAM policies allow")),
    Case(mark("the partner account receives your orders"), PARTNER_ROLE, "sqs:ReceiveMessage", {}, ANY_SQS, False,
         mark("the partner may send, and nothing else")),
    Case(mark("the partner account deletes a message"), PARTNER_ROLE, "sqs:DeleteMessage", {}, ANY_SQS, False,
         mark("the partner may send, and nothing else")),
    Case(mark("the partner account purges the queue"), PARTNER_ROLE, "sqs:PurgeQueue", {}, ANY_SQS, False,
         mark("the partner may send, and nothing else")),
    Case(mark("an unknown account sends"), STRANGER_USER, "sqs:SendMessage", {}, ANY_SQS, False,
         mark("only the partner account may send from outside")),
    Case(mark("S3 sends an event of someone else's bucket"), S3, "sqs:SendMessage",
         {"aws:SourceArn": "arn:aws:s3:::evil-uploads", "aws:SourceAccount": STRANGER}, None, False,
         mark("s3.amazonaws.com acts for every S3 customer: limit it with aws:SourceArn")),
    Case(mark("S3 sends an event of another bucket of your own account"), S3, "sqs:SendMessage",
         {"aws:SourceArn": "arn:aws:s3:::video-thumbnails", "aws:SourceAccount": OUR}, None, False,
         mark("S3 may send the events of video-uploads only: aws:SourceArn names that bucket")),
    Case(mark("S3 sends an event of a bucket named video-uploads in another account"), S3, "sqs:SendMessage",
         {"aws:SourceArn": BUCKET, "aws:SourceAccount": STRANGER}, None, False,
         mark("bucket names are global: also require aws:SourceAccount to be your account")),
    Case(mark("S3 asks to receive messages"), S3, "sqs:ReceiveMessage", OUR_BUCKET, None, False,
         mark("S3 may only send")),
    Case(mark("SNS delivers a message of another account's topic new-orders"), SNS, "sqs:SendMessage",
         {"aws:SourceArn": f"arn:aws:sns:us-east-1:{STRANGER}:new-orders"}, None, False,
         mark("sns.amazonaws.com acts for every SNS customer: limit it with aws:SourceArn, the whole topic ARN")),
    Case(mark("SNS sends without saying for which topic"), SNS, "sqs:SendMessage", {}, None, False,
         mark("a request without aws:SourceArn cannot be one of your topic's")),
]
PLAIN = {"aws:SecureTransport": False}
HTTPS = [c._replace(plain_http=True, context={**c.context, **PLAIN}, allowed=False,
                    why=mark("every request over plain HTTP is denied, whoever makes it"))
         for c in WRITERS if c.allowed]


def _policy(queue_policy, queue_arn):
    __tracebackhide__ = True
    with learner_code(mark("calling {call}"), call=f"queue_policy({queue_arn!r})"):
        doc = queue_policy(queue_arn)
    if not isinstance(doc, dict) or not isinstance(doc.get("Statement"), (list, dict)):
        fail(mark("queue_policy returns a policy: a dict with a list of statements under 'Statement'"),
             mark("{call} returned {doc!r}."), call=f"queue_policy({queue_arn!r})", doc=doc)
    for st in iam.as_list(doc["Statement"]):
        if isinstance(st, dict) and "Principal" not in st:
            fail(mark("every statement of a queue policy names its Principal (SQS refuses a queue policy without "
                      "one)"),
                 mark("statement {sid!r} has no Principal: on a queue, a statement must say who it is about."),
                 sid=st.get("Sid", st))
    return doc


def _ask(doc, case: Case, queue_arn: str) -> iam.Decision:
    __tracebackhide__ = True
    try:
        return iam.decide(case.caller, case.action, queue_arn, queue_policy=doc, iam_policy=case.iam,
                          context=case.context)
    except iam.PolicyError as exc:
        fail(READABLE, mark("your policy could not be read: {why}."), why=exc)
    except Exception as exc:  # noqa: BLE001 - a shape the evaluator did not expect
        fail(READABLE, mark("your policy could not be read ({error})."), error=raised(exc))


def _judge(queue_policy, cases: list[Case], explicit: bool = False) -> int:
    """Ask every case on both queues; with `explicit`, a caller of your own account must meet an
    explicit Deny (an implicit one would leave the decision to their IAM policy)."""
    __tracebackhide__ = True
    asked = 0
    for queue_arn in QUEUES:
        doc = _policy(queue_policy, queue_arn)
        for case in cases:
            d = _ask(doc, case, queue_arn)
            asked += 1
            asking = (tr("case '{case}' (queue {queue})", case=case.said(), queue=queue_arn.rsplit(":", 1)[1])
                      if queue_arn != QUEUES[0] else tr("case '{case}'", case=case.said()))
            if case.allowed and d.effect != iam.ALLOW:
                extra = (" " + tr("Does Resource name the queue_arn you are given, not one queue by heart?")
                         if queue_arn != QUEUES[0] else "")
                fail(case.why, mark("{case}: your policy answers {effect} ({sid}); it must allow it.{extra}"),
                     case=asking, effect=d.effect, sid=d.sid, extra=extra)
            ours = iam.account_of(case.caller.get("AWS", "")) == OUR     # only their IAM policy could let them in
            if not case.allowed and d.effect == iam.ALLOW:
                extra = (" " + tr("The role's own IAM policy allows it, and only an explicit Deny in the queue policy "
                                  "stops that.") if explicit and ours else "")
                fail(case.why, mark("{case}: your policy lets it through ({sid}); it must not.{extra}"), case=asking,
                     sid=d.sid, extra=extra)
            if explicit and ours and d.effect != iam.DENY:
                fail(case.why, mark("{case}: your policy answers {effect} ({sid}), which lets the caller's own IAM "
                                    "policy decide. Only an explicit Deny stops it."), case=asking, effect=d.effect,
                     sid=d.sid)
    return asked


@check
def check_writers(queue_policy):
    __tracebackhide__ = True
    (queue_policy,) = learner_functions({"queue_policy": queue_policy})
    asked = _judge(queue_policy, WRITERS)
    yes = sum(c.allowed for c in WRITERS)
    return passed(mark("the writers"), [
        tr("{n} requests allowed: the partner sends, S3 for your bucket, SNS for your topic, your consumer role", n=yes),
        tr("{n} refused: a stranger, someone else's bucket, another bucket of yours, your bucket's name in another "
           "account, another topic, no topic, the partner reading, deleting or purging, S3 receiving",
           n=len(WRITERS) - yes),
        tr("{n} answers in all, on two queues", n=asked)])


@check
def check_https_only(queue_policy):
    __tracebackhide__ = True
    (queue_policy,) = learner_functions({"queue_policy": queue_policy})
    asked = _judge(queue_policy, HTTPS, explicit=True)
    _judge(queue_policy, [c for c in WRITERS if c.allowed])
    return passed(mark("HTTPS only"), [
        tr("the {n} requests allowed over HTTPS are denied over plain HTTP ({asked} answers, on two queues)",
           n=len(HTTPS), asked=asked),
        mark("your own consumer role, whose IAM policy allows it, meets an explicit Deny")])
