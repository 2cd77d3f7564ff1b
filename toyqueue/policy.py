"""SQS access policies and IAM policies, decided the way AWS decides a request (a subset).

Neither the toy nor LocalStack enforces the queue attribute `Policy`; real SQS does. This module
lets lesson 09 and the security exercise ask "would SQS let this caller do this?" offline.

The rules, from AWS's "Policy evaluation logic" pages:
- everything is denied unless a statement allows it (implicit deny);
- a matching `Deny` beats any `Allow` (explicit deny);
- a statement matches when its principal, action, resource and every condition match;
- within one account an Allow in *either* the identity (IAM) policy or the queue policy is
  enough; across accounts *both* must allow; a service principal (S3, SNS) has no IAM policy,
  so the queue policy alone decides for it.

The subset: `Effect`, `Principal` (`"*"`, `{"AWS": ...}`, `{"Service": ...}`), `Action`,
`Resource` (with `*`/`?` wildcards) and the condition operators in `OPERATORS`. Anything else
(`NotAction`, `NumericLessThan`, ...) raises PolicyError rather than being silently ignored, so
a policy this module cannot judge is never judged wrong.
"""
import json
import re
from typing import NamedTuple

from toyqueue.i18n import tr

ALLOW, DENY, IMPLICIT_DENY = "Allow", "Deny", "implicit deny"
STATEMENT_KEYS = {"Sid", "Effect", "Principal", "Action", "Resource", "Condition"}


class PolicyError(ValueError):
    """A policy this evaluator cannot read (malformed, or outside the subset it knows)."""


class Decision(NamedTuple):
    effect: str        # ALLOW, DENY or IMPLICIT_DENY
    sid: str           # the deciding statement's Sid (or why nothing decided)


def as_list(x):
    """Policy fields take one value or a list of them."""
    return x if isinstance(x, list) else [x]


def wildcard(pattern, text, ignore_case=False):
    """IAM's `*` and `?`; unlike fnmatch, `[` is an ordinary character."""
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.fullmatch(regex, text, re.IGNORECASE if ignore_case else 0) is not None


def arn_like(pattern, arn):
    """ArnLike compares the six colon-separated parts of an ARN one by one."""
    want, have = pattern.split(":", 5), arn.split(":", 5)
    return len(want) == len(have) == 6 and all(map(wildcard, want, have))


def account_of(arn):
    """The 12-digit account in an ARN (arn:aws:iam::111122223333:role/x -> 111122223333)."""
    parts = arn.split(":")
    return parts[4] if len(parts) > 4 else None


# operator -> (test of one policy value against the request's value, negated?)
OPERATORS = {
    "StringEquals":           (lambda have, want: str(have) == want, False),
    "StringNotEquals":        (lambda have, want: str(have) == want, True),
    "StringEqualsIgnoreCase": (lambda have, want: str(have).lower() == want.lower(), False),
    "StringLike":             (lambda have, want: wildcard(want, str(have)), False),
    "StringNotLike":          (lambda have, want: wildcard(want, str(have)), True),
    "ArnEquals":              (lambda have, want: have == want, False),
    "ArnNotEquals":           (lambda have, want: have == want, True),
    "ArnLike":                (lambda have, want: arn_like(want, have), False),
    "ArnNotLike":             (lambda have, want: arn_like(want, have), True),
    "Bool":                   (lambda have, want: str(have).lower() == str(want).lower(), False),
}


def principal_matches(principal, caller):
    """caller is {"AWS": "<user or role ARN>"} or {"Service": "<name>.amazonaws.com"}.

    An account id, or its `:root` ARN, in a policy names the whole account: anyone in it.
    """
    if principal == "*":
        return True
    for kind, names in principal.items():
        who = caller.get(kind)
        for name in as_list(names):
            if who is None:
                continue
            if name in ("*", who):
                return True
            if kind == "AWS" and name in (account_of(who), f"arn:aws:iam::{account_of(who)}:root"):
                return True
    return False


def conditions_match(condition, context):
    """Every operator, every key must hold. Condition keys are case-insensitive in AWS.

    A key missing from the request makes a positive operator false and a negated one true
    (AWS: "If the key ... is not present in the request context, the values do not match").
    """
    present = {k.lower(): v for k, v in context.items()}
    for operator, tests in condition.items():
        test, negated = OPERATORS[operator]
        for key, wanted in tests.items():
            if key.lower() not in present:
                hit = False
            else:
                hit = any(test(present[key.lower()], w) for w in as_list(wanted))
            if hit == negated:
                return False
    return True


def check_statement(st):
    """Refuse what this evaluator cannot judge, before matching: a statement that does not
    apply to one caller must not hide an error that would matter for another."""
    if not isinstance(st, dict):
        raise PolicyError(f"a statement is a mapping, not {st!r}")
    sid = st.get("Sid", "")
    if set(st) - STATEMENT_KEYS:
        raise PolicyError(f"statement {sid!r} has elements this evaluator does not know: "
                          f"{sorted(set(st) - STATEMENT_KEYS)}")
    if st.get("Effect") not in (ALLOW, DENY):
        raise PolicyError(f"statement {sid!r}: Effect must be Allow or Deny, not {st.get('Effect')!r}")
    for needed in ("Action", "Resource"):
        if needed not in st:
            raise PolicyError(f"statement {sid!r} has no {needed}")
    if "Principal" in st and st["Principal"] != "*" and not isinstance(st["Principal"], dict):
        raise PolicyError(f'statement {sid!r}: Principal must be "*" or a mapping, not {st["Principal"]!r}')
    for operator in st.get("Condition", {}):
        if operator not in OPERATORS:
            raise PolicyError(f"statement {sid!r}: condition operator {operator} is not supported "
                              f"here (known: {', '.join(OPERATORS)})")


def statement_matches(st, caller, action, resource, context):
    return (("Principal" not in st or principal_matches(st["Principal"], caller))  # IAM: no Principal
            and any(wildcard(a, action, ignore_case=True) for a in as_list(st["Action"]))
            and any(wildcard(r, resource) for r in as_list(st["Resource"]))
            and conditions_match(st.get("Condition", {}), context))


def evaluate(policy, caller, action, resource, context=None):
    """One policy's answer: Decision(ALLOW | DENY | IMPLICIT_DENY, deciding Sid).

    `policy` is a dict or the JSON string SQS stores in the `Policy` attribute. The request
    context defaults to `aws:SecureTransport` true, because SDK calls to SQS use HTTPS; pass
    `{"aws:SecureTransport": False}` to ask about a plain-http request.
    """
    if isinstance(policy, str):
        policy = json.loads(policy)
    context = {"aws:SecureTransport": True, **(context or {})}
    statements = as_list(policy.get("Statement", []))
    for st in statements:
        check_statement(st)
    matching = [st for st in statements if statement_matches(st, caller, action, resource, context)]
    for st in matching:
        if st["Effect"] == DENY:
            return Decision(DENY, st.get("Sid", ""))
    for st in matching:
        return Decision(ALLOW, st.get("Sid", ""))
    return Decision(IMPLICIT_DENY, tr("(no statement allows it)"))


def decide(caller, action, resource, queue_policy=None, iam_policy=None, context=None):
    """The whole answer for a request on a queue: the caller's IAM policy and the queue policy.

    Returns a Decision whose sid says which policy decided ("queue: HttpsOnly", "iam: ...").
    """
    answers = {}
    if queue_policy is not None:
        answers["queue"] = evaluate(queue_policy, caller, action, resource, context)
    if iam_policy is not None and "AWS" in caller:       # services have no IAM policy
        answers["iam"] = evaluate(iam_policy, caller, action, resource, context)
    for where, d in answers.items():
        if d.effect == DENY:
            return Decision(DENY, f"{where}: {d.sid}")
    allowed = [f"{where}: {d.sid}" for where, d in answers.items() if d.effect == ALLOW]
    if "AWS" in caller and account_of(caller["AWS"]) != account_of(resource):
        if len(allowed) == 2:
            return Decision(ALLOW, tr("{queue} and {iam}", queue=allowed[0], iam=allowed[1]))
        missing = [w for w in ("iam", "queue") if answers.get(w, Decision(IMPLICIT_DENY, "")).effect != ALLOW]
        return Decision(IMPLICIT_DENY, tr("cross-account needs both; not allowed by: {missing}",
                                          missing=", ".join(missing)))
    if allowed:
        return Decision(ALLOW, allowed[0])
    return Decision(IMPLICIT_DENY, tr("(no statement allows it)"))
