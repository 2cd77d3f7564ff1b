"""Exercise 06's wrong policies: each is rejected, naming the request it answers wrong."""
import copy

import pytest

from toyqueue.grading import access_policy as ex
from wrong import namespace, rejected

NS = namespace("06_access_policy")
RIGHT = NS["queue_policy"]


def edited(change):
    """The reference policy with one change a learner makes."""
    def queue_policy(queue_arn):
        doc = copy.deepcopy(RIGHT(queue_arn))
        by_sid = {st["Sid"]: st for st in doc["Statement"]}
        change(doc, by_sid)
        return doc
    return queue_policy


def no_source_arn(doc, st):
    del st["UploadEvents"]["Condition"]["ArnEquals"]


def no_source_account(doc, st):
    del st["UploadEvents"]["Condition"]["StringEquals"]


def s3_unconditional(doc, st):
    del st["UploadEvents"]["Condition"]


def partner_everything(doc, st):
    st["PartnerMaySend"]["Action"] = "sqs:*"


def anyone_sends(doc, st):
    st["PartnerMaySend"]["Principal"] = "*"


def any_topic_named_new_orders(doc, st):
    st["NewOrdersTopic"]["Condition"] = {"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:*:new-orders"}}


def sns_unconditional(doc, st):
    del st["NewOrdersTopic"]["Condition"]


def https_by_allow(doc, st):
    """HTTPS-only written as a condition on each Allow instead of a Deny."""
    doc["Statement"].remove(st["HttpsOnly"])
    for s in doc["Statement"]:
        s.setdefault("Condition", {})["Bool"] = {"aws:SecureTransport": "true"}


def https_deny_for_partner_only(doc, st):
    st["HttpsOnly"]["Principal"] = {"AWS": "arn:aws:iam::111122223333:root"}


def https_deny_inverted(doc, st):
    st["HttpsOnly"]["Condition"] = {"Bool": {"aws:SecureTransport": "true"}}


def orders_by_heart(doc, st):
    for s in doc["Statement"]:
        s["Resource"] = "arn:aws:sqs:us-east-1:000000000000:orders"


def no_principal(doc, st):
    del st["NewOrdersTopic"]["Principal"]


def unknown_operator(doc, st):
    st["NewOrdersTopic"]["Condition"] = {"ArnEqualsIgnoreCase": {"aws:SourceArn": NS["NEW_ORDERS_TOPIC"]}}


def deny_receiving(doc, st):
    doc["Statement"].append({"Sid": "NoReading", "Effect": "Deny", "Principal": "*", "Action": "sqs:ReceiveMessage",
                             "Resource": doc["Statement"][0]["Resource"]})


@pytest.mark.parametrize("change, check, words", [
    (no_source_arn, ex.check_writers, ["case 'S3 sends an event of another bucket of your own account'",
                                       "your policy lets it through (queue: UploadEvents)"]),
    (no_source_account, ex.check_writers, ["bucket names are global", "a bucket named video-uploads in another "
                                           "account"]),
    (s3_unconditional, ex.check_writers, ["limit it with aws:SourceArn", "someone else's bucket"]),
    (partner_everything, ex.check_writers, ["the partner may send, and nothing else",
                                            "'the partner account receives your orders'"]),
    (anyone_sends, ex.check_writers, ["only the partner account may send from outside", "an unknown account"]),
    (any_topic_named_new_orders, ex.check_writers, ["another account's topic new-orders", "the whole topic ARN"]),
    (sns_unconditional, ex.check_writers, ["SNS"]),
    (https_by_allow, ex.check_https_only, ["your consumer role receives over plain HTTP",
                                           "(iam: ConsumerRoleIamPolicy)", "only an explicit Deny in the queue policy "
                                           "stops that"]),
    (https_deny_for_partner_only, ex.check_https_only, ["S3 sends an event of your bucket video-uploads over "
                                                        "plain HTTP", "your policy lets it through"]),
    (https_deny_inverted, ex.check_writers, ["case 'the partner account sends'", "answers Deny (queue: HttpsOnly)",
                                             "it must allow it"]),
    (orders_by_heart, ex.check_writers, ["(queue invoices)", "Does Resource name the queue_arn you are given"]),
    (no_principal, ex.check_writers, ["every statement of a queue policy names its Principal", "NewOrdersTopic"]),
    (unknown_operator, ex.check_writers, ["a policy is made of statements SQS can read", "ArnEqualsIgnoreCase"]),
    (deny_receiving, ex.check_writers, ["must not take away what your own roles' IAM policies allow",
                                        "'your consumer role receives'"]),
], ids=lambda x: getattr(x, "__name__", "words"))
def test_access_policy_rejects(change, check, words):
    text = rejected(check, edited(change))
    for w in words:
        assert w in text, text


def test_not_a_policy():
    text = rejected(ex.check_writers, lambda queue_arn: [{"Effect": "Allow"}])
    assert "queue_policy returns a policy" in text
