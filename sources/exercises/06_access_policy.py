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

# %% [markdown] ko en=4a1aabfa
# # 실습 06 · 주문 대기열의 액세스 정책
#
# **목표:** 주문 대기열에 메시지를 보내도 되는 쪽만, 그것도 HTTPS로만 들어오게 하는 SQS 액세스
# 정책(access policy)을 작성합니다.
#
# 레슨: [09 · 보안](../notebooks/09_security.ipynb)(IAM 정책과 SQS 액세스 정책)
#
# **왜 필요할까요?** 대기열 정책은 누가 무엇을 할 수 있는지 적어 둔 대기열 자신의 목록입니다.
# 너무 적게 허용하면 파트너의 주문이나 S3의 업로드 이벤트가 도착하지 않습니다. 너무 많이 허용하면
# 낯선 사람의 버킷이 내 대기열을 채울 수 있고("혼동된 대리자(confused deputy)" 문제), 파트너가 내
# 주문을 읽고 삭제할 수도 있습니다. 확인 셀은 이 과정의 정책 평가기(`toyqueue.policy`, 레슨 09에서
# 만든 것으로 AWS 문서대로 판단합니다)에 요청들을 하나씩 물어보고, 내 정책이 어느 요청을 잘못
# 판단하는지 알려 줍니다.

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

# %% [markdown] ko en=03e65222
# ## 정책에 담을 내용
#
# 주문 대기열은 계정 `000000000000`의 것입니다. 다음을 허용하세요.
#
# 1. **파트너 계정** `111122223333`은 메시지를 **보내기**(`sqs:SendMessage`)만 할 수 있고, 다른
#    것은 할 수 없습니다. 내 주문을 받거나, 삭제하거나, 대기열을 비우면(purge) 안 됩니다.
# 2. **S3**(`s3.amazonaws.com`)는 *내* 버킷 `video-uploads`의 이벤트 알림을 보낼 수 있습니다. 단,
#    `aws:SourceArn`이 그 버킷의 ARN(Amazon 리소스 이름)이고 **동시에** `aws:SourceAccount`가 내
#    계정일 때만입니다. (버킷 이름은 모든 계정을 통틀어 하나뿐입니다. 내가 버킷을 지우면 다른
#    누군가가 같은 이름으로 버킷을 만들 수 있습니다.)
# 3. **SNS**(`sns.amazonaws.com`)는 내 토픽 `new-orders`의 메시지를 전달할 수 있습니다. 다른 토픽의
#    메시지는 안 됩니다(`aws:SourceArn`).
#
# 그리고 **HTTPS를 쓰지 않는 요청은 모두 거부하세요**(`aws:SecureTransport`가 `"false"`). 누가
# 보냈든 거부합니다. IAM 정책이 허용하는 내 역할이 보냈더라도 마찬가지입니다. 다른 정책의 `Allow`를
# 뒤집을 수 있는 것은 명시적 `Deny`(명시적 거부, explicit deny)뿐입니다.
#
# `queue_policy(queue_arn)`을 작성하세요. 이 함수는 정책을 dict로 돌려줍니다(SQS는 정책을 JSON으로
# 바꿔 대기열의 `Policy` 속성에 저장합니다). `Resource`에는 `queue_arn`을 쓰세요. 확인 셀은 대기열
# 두 개에 대해 묻습니다. 각 문(statement)에는 `Sid`, `Effect`, `Principal`, `Action`, `Resource`가
# 있고, 필요하면 `Condition`도 있습니다. 조건 연산자는 레슨 09에서처럼 `StringEquals`, `StringLike`,
# `ArnEquals`, `ArnLike`, `Bool`과 그 `Not` 형태를 쓸 수 있습니다.

# %%
OUR_ACCOUNT = "000000000000"
PARTNER_ACCOUNT = "111122223333"
UPLOADS_BUCKET = "arn:aws:s3:::video-uploads"
NEW_ORDERS_TOPIC = "arn:aws:sns:us-east-1:000000000000:new-orders"


def queue_policy(queue_arn):
    """The access policy of the queue `queue_arn`."""
    # BEGIN SOLUTION TODO: return {"Version": "2012-10-17", "Statement": [...]}, one statement per rule above.
    # Anything not allowed here is denied by default, so each writer gets exactly one Allow.
    return {
        # Without a Version, AWS reads the policy with the old 2008-10-17 rules.
        "Version": "2012-10-17",
        "Statement": [
            # The partner's account as the principal: any of its users or roles it lets send, and
            # only SendMessage (never receive or delete our orders).
            {"Sid": "PartnerMaySend",
             "Effect": "Allow",
             "Principal": {"AWS": f"arn:aws:iam::{PARTNER_ACCOUNT}:root"},
             "Action": "sqs:SendMessage",
             "Resource": queue_arn},
            # A service principal is S3 acting for anyone: aws:SourceArn narrows it to our bucket and
            # aws:SourceAccount to our account (a deleted bucket's name can be taken by someone else).
            # Without both, anyone's bucket could send here through S3: the confused deputy.
            {"Sid": "UploadEvents",
             "Effect": "Allow",
             "Principal": {"Service": "s3.amazonaws.com"},
             "Action": "sqs:SendMessage",
             "Resource": queue_arn,
             "Condition": {"ArnEquals": {"aws:SourceArn": UPLOADS_BUCKET},
                           "StringEquals": {"aws:SourceAccount": OUR_ACCOUNT}}},
            # The same for SNS: only our topic may publish here.
            {"Sid": "NewOrdersTopic",
             "Effect": "Allow",
             "Principal": {"Service": "sns.amazonaws.com"},
             "Action": "sqs:SendMessage",
             "Resource": queue_arn,
             "Condition": {"ArnEquals": {"aws:SourceArn": NEW_ORDERS_TOPIC}}},
            # An explicit Deny beats every Allow: no request over plain HTTP, whoever makes it.
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

# %% [markdown] ko en=580a5fd3
# ## 확인 1: 메시지를 보내는 쪽
#
# 파트너, 그리고 나를 대신하는 S3와 SNS는 보낼 수 있어야 합니다. 낯선 계정, 남의 버킷, 다른 계정에
# 있는 내 버킷과 같은 이름의 버킷, 다른 토픽, 그리고 내 주문을 읽으려는 파트너는 허용되면 안 됩니다.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import access_policy

access_policy.check_writers(queue_policy)

# %% [markdown]
# ## Check 2: HTTPS only
#
# The same requests over plain HTTP, including your own consumer role, whose IAM policy allows it
# to receive: every one must be denied.

# %% [markdown] ko en=e7b40bd4
# ## 확인 2: HTTPS 전용
#
# 같은 요청들을 평범한 HTTP로 보냅니다. IAM 정책이 메시지 받기를 허용하는 내 소비자 역할의 요청도
# 들어 있습니다. 모두 거부되어야 합니다.

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

# %% [markdown] ko en=34ab52e8
# **생각해 보세요.** S3 문은 이미 버킷을 지정하는데, 왜 `aws:SourceAccount`도 필요할까요? 그리고
# HTTPS만 받으려면 왜 `aws:SecureTransport`가 `"true"`일 때 허용하는 `Allow`로는 충분하지 않을까요?
#
# **다 했나요?** 실습 07부터 10까지는 레슨
# [10 · 강의 너머](../notebooks/10_beyond_the_lecture.ipynb)를 마친 뒤에 하세요.
