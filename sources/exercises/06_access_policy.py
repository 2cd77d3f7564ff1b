# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Exercise 06 source: tools/nbbuild.py makes exercises/ and solutions/06_access_policy.ipynb.

# %% [markdown]
# # Exercise 06 · An access policy for the orders queue
#
# **Goal:** write the SQS access policy that lets exactly the right writers into the orders queue,
# and only over HTTPS.
#
# Lesson: [09 · Security](../notebooks/09_security.ipynb) (IAM policies and SQS access policies).
#
# **Why.** A queue policy is the queue's own list of who may do what. Too little, and the partner's
# orders or S3's upload events never arrive; too much, and a stranger's bucket can fill your queue
# (the "confused deputy"), or a partner can read and delete your orders. The checks ask the
# course's policy evaluator (`toyqueue.policy`, the one lesson 09 built, which decides the way AWS
# documents) a list of requests, and tell you which one your policy gets wrong.

# %% [markdown]
# ## What the policy must say
#
# The orders queue belongs to account `000000000000`. Allow:
#
# 1. **The partner account** `111122223333` to **send** messages (`sqs:SendMessage`), and nothing
#    else: it must not receive, delete or purge your orders.
# 2. **S3** (`s3.amazonaws.com`) to send the event notifications of *your* bucket `video-uploads`:
#    only when `aws:SourceArn` is the bucket's ARN **and** `aws:SourceAccount` is your account
#    (bucket names are global: if you ever delete the bucket, someone else may create one with
#    the same name).
# 3. **SNS** (`sns.amazonaws.com`) to deliver the messages of your topic `new-orders`, and of no
#    other topic (`aws:SourceArn`).
#
# And **deny every request that does not use HTTPS** (`aws:SecureTransport` is `"false"`), from
# anyone, even from your own roles whose IAM policies allow them. Only an explicit `Deny` can
# overrule another policy's `Allow`.
#
# Write `queue_policy(queue_arn)`: it returns the policy as a dict (SQS stores it as JSON in the
# queue's `Policy` attribute). Use `queue_arn` for `Resource`: the checks ask about two queues.
# Statements have `Sid`, `Effect`, `Principal`, `Action`, `Resource` and optionally `Condition`
# with the operators `StringEquals`, `StringLike`, `ArnEquals`, `ArnLike`, `Bool` and their `Not`
# forms, as in lesson 09.

# %%
OUR_ACCOUNT = "000000000000"
PARTNER_ACCOUNT = "111122223333"
UPLOADS_BUCKET = "arn:aws:s3:::video-uploads"
NEW_ORDERS_TOPIC = "arn:aws:sns:us-east-1:000000000000:new-orders"


def queue_policy(queue_arn):
    """The access policy of the queue `queue_arn`."""
    # BEGIN SOLUTION TODO: return {"Version": "2012-10-17", "Statement": [...]}, one statement per rule above.
    return {
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "PartnerMaySend",
             "Effect": "Allow",
             "Principal": {"AWS": f"arn:aws:iam::{PARTNER_ACCOUNT}:root"},
             "Action": "sqs:SendMessage",
             "Resource": queue_arn},
            {"Sid": "UploadEvents",
             "Effect": "Allow",
             "Principal": {"Service": "s3.amazonaws.com"},
             "Action": "sqs:SendMessage",
             "Resource": queue_arn,
             "Condition": {"ArnEquals": {"aws:SourceArn": UPLOADS_BUCKET},
                           "StringEquals": {"aws:SourceAccount": OUR_ACCOUNT}}},
            {"Sid": "NewOrdersTopic",
             "Effect": "Allow",
             "Principal": {"Service": "sns.amazonaws.com"},
             "Action": "sqs:SendMessage",
             "Resource": queue_arn,
             "Condition": {"ArnEquals": {"aws:SourceArn": NEW_ORDERS_TOPIC}}},
            {"Sid": "HttpsOnly",
             "Effect": "Deny",
             "Principal": "*",
             "Action": "sqs:*",
             "Resource": queue_arn,
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
        ],
    }
    # END SOLUTION

# %% [markdown]
# ## Check 1: the writers
#
# The partner, S3 and SNS on your behalf may send; a stranger, someone else's bucket, a bucket of
# your name in another account, another topic, and the partner reading your orders may not.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import access_policy

access_policy.check_writers(queue_policy)

# %% [markdown]
# ## Check 2: HTTPS only
#
# The same requests over plain HTTP, including your own consumer role, whose IAM policy allows it
# to receive: every one must be denied.

# %%
# NBVAL_CHECK_OUTPUT
access_policy.check_https_only(queue_policy)

# %% [markdown]
# **Think about it.** Why does the S3 statement need `aws:SourceAccount` when it already names
# the bucket, and why would an `Allow` with `aws:SecureTransport` `"true"` not be enough for
# HTTPS only?
#
# **Done?** Exercises 07 to 10 come with lesson
# [10 · Beyond the lecture](../notebooks/10_beyond_the_lecture.ipynb).
