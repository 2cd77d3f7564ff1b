"""Exercise 05's wrong policies: each is rejected, by the rule it breaks, in the learner's words."""
import math

import pytest

from toyqueue.grading import scaling_policy as ex
from wrong import namespace, rejected

NS = namespace("05_scaling_policy")


def policy(fn):
    def desired_instances(visible, in_service, target, min_size=1, max_size=10):
        return fn(visible, in_service, target, min_size, max_size)
    return desired_instances


@pytest.mark.parametrize("wrong, words", [
    (lambda v, n, t, lo, hi: max(lo, min(hi, v // t)), [ex.CEIL, "round up"]),
    (lambda v, n, t, lo, hi: max(lo, min(hi, round(v / t))), [ex.CEIL, "round up"]),
    (lambda v, n, t, lo, hi: math.ceil(v / t), [ex.CEIL, "scales in to min_size"]),
    (lambda v, n, t, lo, hi: max(lo, min(hi, n + 1 if v > n * t else n - 1)), [ex.CEIL, "expected 15"]),
    (lambda v, n, t, lo, hi: max(lo, min(hi, math.ceil(n * (v / n) / t) if n else math.ceil(v / t))),
     [ex.CEIL, "returned 16; expected 15: 450 messages"]),
    (lambda v, n, t, lo, hi: (v / n, max(lo, min(hi, math.ceil(v / t))))[1], ["ZeroDivisionError", "in_service=0"]),
    (lambda v, n, t, lo, hi: max(lo, min(hi, math.ceil(v / int(t)))), [ex.CEIL, "target_backlog_per_instance=12.5",
                                                                        "returned 21; expected 20"]),
    (lambda v, n, t, lo, hi: max(lo, min(hi, -(-v // t))), ["returns a whole number of instances (an int)",
                                                             "returned 20.0"]),
    (lambda v, n, t, lo, hi: float(max(lo, min(hi, math.ceil(v / t)))), ["returns a whole number of instances"]),
], ids=["floor", "round", "no-clamp", "step-policy", "float-detour", "no-instances", "int-target", "float-floor-div",
        "float-answer"])
def test_desired_instances_rejects(wrong, words):
    text = rejected(ex.check_scaling_policy, NS["backlog_target"], policy(wrong))
    for w in words:
        assert w in text, text


@pytest.mark.parametrize("wrong, words", [
    (lambda latency, per: per / latency, [ex.TARGET_RULE, "expected 100"]),
    (lambda latency, per: latency // per, [ex.TARGET_RULE, "returned 99.0; expected 100"]),
    (lambda latency, per: int(latency / per), [ex.TARGET_RULE, "backlog_target(7, 2) returned 3; expected 3.5"]),
], ids=["upside-down", "floor-division", "whole-number"])
def test_backlog_target_rejects(wrong, words):
    text = rejected(ex.check_scaling_policy, wrong, NS["desired_instances"])
    for w in words:
        assert w in text, text


def test_a_renamed_parameter():
    def desired_instances(visible_messages, in_service, target_backlog_per_instance, min_sz=1, max_size=10):
        return NS["desired_instances"](visible_messages, in_service, target_backlog_per_instance, min_sz, max_size)

    text = rejected(ex.check_scaling_policy, NS["backlog_target"], desired_instances)
    assert "desired_instances() calls its parameter 'min_sz'" in text and "rename it to min_size" in text
