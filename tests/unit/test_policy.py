"""toyqueue.policy: the access-policy evaluator lesson 09 and the security exercise use."""
import json

import pytest

from toyqueue.policy import (ALLOW, DENY, IMPLICIT_DENY, Decision, PolicyError, arn_like,
                             decide, evaluate, wildcard)

OURS = "000000000000"
QUEUE = f"arn:aws:sqs:us-east-1:{OURS}:orders"
PARTNER = {"AWS": "arn:aws:iam::111122223333:role/order-importer"}
STRANGER = {"AWS": "arn:aws:iam::444455556666:user/mallory"}
CONSUMER = {"AWS": f"arn:aws:iam::{OURS}:role/order-consumer"}
S3 = {"Service": "s3.amazonaws.com"}
SNS = {"Service": "sns.amazonaws.com"}

QUEUE_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {"Sid": "PartnerAccountMaySend", "Effect": "Allow",
         "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
         "Action": ["sqs:SendMessage", "sqs:GetQueueUrl"], "Resource": QUEUE},
        {"Sid": "UploadsBucketEvents", "Effect": "Allow",
         "Principal": {"Service": "s3.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": QUEUE,
         "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:s3:::video-uploads"},
                       "StringEquals": {"aws:SourceAccount": OURS}}},
        {"Sid": "NewOrdersTopic", "Effect": "Allow",
         "Principal": {"Service": "sns.amazonaws.com"}, "Action": "sqs:SendMessage", "Resource": QUEUE,
         "Condition": {"ArnEquals": {"aws:SourceArn": f"arn:aws:sns:us-east-1:{OURS}:new-orders"}}},
        {"Sid": "HttpsOnly", "Effect": "Deny", "Principal": "*", "Action": "sqs:*", "Resource": QUEUE,
         "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
    ],
}
CONSUMER_IAM = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"], "Resource": QUEUE}]}
PARTNER_IAM = {"Version": "2012-10-17", "Statement": [
    {"Sid": "SendAnywhere", "Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]}


@pytest.mark.parametrize("caller, action, context, expected", [
    (PARTNER, "sqs:SendMessage", {}, Decision(ALLOW, "PartnerAccountMaySend")),
    (PARTNER, "sqs:DeleteMessage", {}, Decision(IMPLICIT_DENY, "(no statement allows it)")),
    (PARTNER, "sqs:SendMessage", {"aws:SecureTransport": False}, Decision(DENY, "HttpsOnly")),
    (STRANGER, "sqs:SendMessage", {}, Decision(IMPLICIT_DENY, "(no statement allows it)")),
    (S3, "sqs:SendMessage", {"aws:SourceArn": "arn:aws:s3:::video-uploads", "aws:SourceAccount": OURS},
     Decision(ALLOW, "UploadsBucketEvents")),
    (S3, "sqs:SendMessage", {"aws:SourceArn": "arn:aws:s3:::evil-bucket", "aws:SourceAccount": OURS},
     Decision(IMPLICIT_DENY, "(no statement allows it)")),
    (SNS, "sqs:SendMessage", {"aws:SourceArn": f"arn:aws:sns:us-east-1:{OURS}:new-orders"},
     Decision(ALLOW, "NewOrdersTopic")),
    (SNS, "sqs:SendMessage", {}, Decision(IMPLICIT_DENY, "(no statement allows it)")),
])
def test_queue_policy_answers_like_aws(caller, action, context, expected):
    assert evaluate(QUEUE_POLICY, caller, action, QUEUE, context) == expected


def test_the_policy_attribute_json_string_is_accepted():
    assert evaluate(json.dumps(QUEUE_POLICY), PARTNER, "sqs:SendMessage", QUEUE).effect == ALLOW


def test_explicit_deny_wins_whatever_the_order():
    allow_all = {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Sid": "All"}
    deny = {"Effect": "Deny", "Principal": "*", "Action": "sqs:DeleteMessage", "Resource": "*", "Sid": "NoDelete"}
    for statements in ([allow_all, deny], [deny, allow_all]):
        policy = {"Statement": statements}
        assert evaluate(policy, STRANGER, "sqs:DeleteMessage", QUEUE) == Decision(DENY, "NoDelete")
        assert evaluate(policy, STRANGER, "sqs:SendMessage", QUEUE) == Decision(ALLOW, "All")


def test_actions_ignore_case_and_take_wildcards_resources_do_not_ignore_case():
    st = {"Effect": "Allow", "Principal": "*", "Action": "SQS:Send*", "Resource": "arn:aws:sqs:*:*:orders"}
    policy = {"Statement": st}                            # a single statement, not a list
    assert evaluate(policy, STRANGER, "sqs:SendMessageBatch", QUEUE).effect == ALLOW
    assert evaluate(policy, STRANGER, "sqs:ReceiveMessage", QUEUE).effect == IMPLICIT_DENY
    assert evaluate(policy, STRANGER, "sqs:SendMessage", QUEUE.replace("orders", "Orders")).effect == IMPLICIT_DENY


def test_wildcards_are_iams_not_fnmatchs():
    assert wildcard("a?c*", "abcdef")
    assert not wildcard("[ab]", "a")                      # fnmatch would say yes
    assert wildcard("[ab]", "[ab]")
    assert arn_like("arn:aws:s3:::video-*", "arn:aws:s3:::video-uploads")
    assert not arn_like("arn:aws:s3:::video-*", "arn:aws:sqs:us-east-1:1:video-x")
    assert not arn_like("arn:aws:*", "arn:aws:s3:::b")    # ArnLike needs all six parts


def test_principal_by_account_id_or_root_names_everyone_in_that_account():
    for principal in ("111122223333", "arn:aws:iam::111122223333:root"):
        policy = {"Statement": [{"Effect": "Allow", "Principal": {"AWS": principal},
                                 "Action": "sqs:*", "Resource": QUEUE}]}
        assert evaluate(policy, PARTNER, "sqs:SendMessage", QUEUE).effect == ALLOW
        assert evaluate(policy, STRANGER, "sqs:SendMessage", QUEUE).effect == IMPLICIT_DENY
        assert evaluate(policy, S3, "sqs:SendMessage", QUEUE).effect == IMPLICIT_DENY


def test_a_specific_role_principal_is_only_that_role():
    policy = {"Statement": [{"Effect": "Allow", "Principal": {"AWS": PARTNER["AWS"]},
                             "Action": "sqs:SendMessage", "Resource": QUEUE}]}
    other_role = {"AWS": "arn:aws:iam::111122223333:role/someone-else"}
    assert evaluate(policy, PARTNER, "sqs:SendMessage", QUEUE).effect == ALLOW
    assert evaluate(policy, other_role, "sqs:SendMessage", QUEUE).effect == IMPLICIT_DENY


def test_missing_condition_key_fails_positive_operators_and_passes_negated_ones():
    def policy(operator):
        return {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Resource": "*",
                               "Condition": {operator: {"aws:SourceAccount": OURS}}}]}
    assert evaluate(policy("StringEquals"), S3, "sqs:SendMessage", QUEUE).effect == IMPLICIT_DENY
    assert evaluate(policy("StringNotEquals"), S3, "sqs:SendMessage", QUEUE).effect == ALLOW
    assert evaluate(policy("StringNotEquals"), S3, "sqs:SendMessage", QUEUE,
                    {"aws:SourceAccount": OURS}).effect == IMPLICIT_DENY


def test_condition_keys_ignore_case_and_several_values_are_alternatives():
    policy = {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Resource": "*",
                             "Condition": {"StringEquals": {"AWS:SourceAccount": ["1", OURS]}}}]}
    assert evaluate(policy, S3, "sqs:SendMessage", QUEUE, {"aws:sourceaccount": OURS}).effect == ALLOW
    assert evaluate(policy, S3, "sqs:SendMessage", QUEUE, {"aws:SourceAccount": "2"}).effect == IMPLICIT_DENY


def test_requests_are_https_unless_said_otherwise():
    assert evaluate(QUEUE_POLICY, PARTNER, "sqs:SendMessage", QUEUE).effect == ALLOW
    assert evaluate(QUEUE_POLICY, PARTNER, "sqs:SendMessage", QUEUE,
                    {"aws:SecureTransport": "false"}).effect == DENY


@pytest.mark.parametrize("caller, action, iam, expected", [
    (CONSUMER, "sqs:ReceiveMessage", CONSUMER_IAM, ALLOW),     # same account: IAM alone is enough
    (CONSUMER, "sqs:SendMessage", CONSUMER_IAM, IMPLICIT_DENY),
    (PARTNER, "sqs:SendMessage", PARTNER_IAM, ALLOW),          # cross-account: both allow
    (PARTNER, "sqs:SendMessage", None, IMPLICIT_DENY),         # ... queue alone is not enough
    (PARTNER, "sqs:ReceiveMessage", PARTNER_IAM, IMPLICIT_DENY),
    (S3, "sqs:SendMessage", None, IMPLICIT_DENY),              # no source ARN in the context
])
def test_decide_combines_iam_and_queue_policies(caller, action, iam, expected):
    assert decide(caller, action, QUEUE, queue_policy=QUEUE_POLICY, iam_policy=iam).effect == expected


def test_decide_names_the_deciding_policy():
    assert decide(PARTNER, "sqs:SendMessage", QUEUE, QUEUE_POLICY, PARTNER_IAM) == \
        Decision(ALLOW, "queue: PartnerAccountMaySend and iam: SendAnywhere")
    assert decide(PARTNER, "sqs:SendMessage", QUEUE, QUEUE_POLICY, PARTNER_IAM,
                  {"aws:SecureTransport": False}) == Decision(DENY, "queue: HttpsOnly")
    assert decide(PARTNER, "sqs:SendMessage", QUEUE, QUEUE_POLICY, None) == \
        Decision(IMPLICIT_DENY, "cross-account needs both; not allowed by: iam")


def test_same_account_queue_policy_alone_is_enough():
    policy = {"Statement": [{"Sid": "Consumers", "Effect": "Allow", "Principal": {"AWS": OURS},
                             "Action": "sqs:SendMessage", "Resource": QUEUE}]}
    assert decide(CONSUMER, "sqs:SendMessage", QUEUE, queue_policy=policy) == Decision(ALLOW, "queue: Consumers")


def test_a_service_principal_is_decided_by_the_queue_policy_alone():
    ctx = {"aws:SourceArn": f"arn:aws:sns:us-east-1:{OURS}:new-orders"}
    assert decide(SNS, "sqs:SendMessage", QUEUE, QUEUE_POLICY, PARTNER_IAM, ctx) == \
        Decision(ALLOW, "queue: NewOrdersTopic")


@pytest.mark.parametrize("statement, words", [
    ({"Effect": "Allow", "NotAction": "sqs:*", "Resource": "*"}, "NotAction"),
    ({"Effect": "Permit", "Action": "sqs:*", "Resource": "*"}, "Effect"),
    ({"Effect": "Allow", "Resource": "*"}, "no Action"),
    ({"Effect": "Allow", "Action": "sqs:*"}, "no Resource"),
    ({"Effect": "Allow", "Action": "sqs:*", "Resource": "*",
      "Condition": {"NumericLessThan": {"aws:EpochTime": "1"}}}, "NumericLessThan"),
    ({"Effect": "Allow", "Principal": ["*"], "Action": "sqs:*", "Resource": "*"}, "Principal"),
    ("Allow everything", "mapping"),
])
def test_what_it_cannot_judge_is_an_error_not_a_silent_answer(statement, words):
    with pytest.raises(PolicyError, match=words):
        evaluate({"Statement": [statement]}, PARTNER, "sqs:SendMessage", QUEUE)


def test_an_unreadable_statement_is_refused_even_when_it_would_not_apply():
    policy = {"Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "999999999999"}, "Action": "sqs:*", "Resource": "*",
         "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}
    with pytest.raises(PolicyError, match="IpAddress"):
        evaluate(policy, PARTNER, "sqs:SendMessage", QUEUE)
