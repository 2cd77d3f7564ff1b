"""Checks for exercise 09: a scaling policy on backlog per instance (AWS's target tracking).

AWS's recipe: backlog per instance = ApproximateNumberOfMessagesVisible / instances in service;
the target is acceptable latency / seconds to process one message (10 s / 0.1 s = 100); target
tracking then asks for ceil(in_service * backlog_per_instance / target) instances, within the
group's min and max. The checks use a table of cases, invariants over seeded random inputs, and
a minute-by-minute simulation of a spike.
"""
from __future__ import annotations

import math
import random

from ..i18n import mark, tr
from .common import check, fail, learner_functions, passed
from .failures import learner_code

TARGET_RULE = mark("the backlog target is acceptable latency / seconds per message")
CEIL = mark("desired = ceil(visible messages / target backlog per instance), kept within min_size..max_size")

CASES = [  # visible, in_service, target, min, max, expected, what it shows
    (1500, 3, 100, 1, 20, 15, mark("1,500 messages at 100 per instance need 15 instances")),
    (1501, 3, 100, 1, 20, 16, mark("round up: 15.01 instances' worth of work needs 16")),
    (450, 7, 30, 1, 20, 15, mark("450 messages at 30 per instance need exactly 15 (mind floating point: "
                                 "7 * (450 / 7) / 30 is 15.000000000000002)")),
    (0, 3, 100, 1, 10, 1, mark("an empty queue scales in to min_size")),
    (50, 1, 100, 2, 10, 2, mark("never below min_size")),
    (100_000, 5, 100, 1, 25, 25, mark("never above max_size")),
    (250, 0, 100, 0, 10, 3, mark("with no instance in service yet, the backlog alone decides")),
    (99, 2, 100, 0, 10, 1, mark("99 messages fit on one instance")),
    (0, 0, 100, 0, 10, 0, mark("nothing to do, nothing running: zero instances")),
    (250, 4, 12.5, 1, 30, 20, mark("a target of 12.5 messages per instance (10 s / 0.8 s) is not a whole number: "
                                   "250 / 12.5 is exactly 20")),
    (251, 4, 12.5, 1, 30, 21, mark("251 messages at 12.5 per instance need 20.08 instances' worth: 21")),
    (3, 1, 0.5, 0, 10, 6, mark("an instance that takes 2 s per message within 1 s of latency has a target of 0.5: "
                               "3 messages need 6 instances")),
    (1_000, 8, 120.0, 1, 20, 9, mark("a target given as a float (120.0) still gives a whole number of instances")),
]
TARGETS = [  # acceptable latency, seconds per message, expected target
    (10, 0.1, 100), (60, 2, 30), (7, 2, 3.5), (10, 0.8, 12.5), (1, 2, 0.5)]


def _call(desired_instances, *args):
    __tracebackhide__ = True
    visible, in_service, target, lo, hi = args
    with learner_code(mark("calling {call}"), call=f"desired_instances(visible_messages={visible}, "
                      f"in_service={in_service}, target_backlog_per_instance={target}, min_size={lo}, max_size={hi})"):
        got = desired_instances(visible, in_service, target, min_size=lo, max_size=hi)
    if isinstance(got, bool) or not isinstance(got, int):
        fail(mark("desired_instances returns a whole number of instances (an int)"), mark("{call} returned {got!r}."),
             call=f"desired_instances({visible}, {in_service}, {target}, min_size={lo}, max_size={hi})", got=got)
    return got


@check
def check_scaling_policy(backlog_target, desired_instances):
    __tracebackhide__ = True
    backlog_target, desired_instances = learner_functions(
        {"backlog_target": backlog_target, "desired_instances": desired_instances},
        {"desired_instances": ["min_size", "max_size"]})
    for latency, per_message, want in TARGETS:
        with learner_code(mark("calling {call}"), call=f"backlog_target({latency}, {per_message})"):
            got = backlog_target(latency, per_message)
        if not isinstance(got, (int, float)) or not math.isclose(got, want):
            fail(TARGET_RULE, mark("backlog_target({latency}, {per_message}) returned {got!r}; expected {want} "
                                   "({latency} s / {per_message} s per message)."), latency=latency,
                 per_message=per_message, got=got, want=want)
    for *args, want, why in CASES:
        got = _call(desired_instances, *args)
        if got != want:
            visible, in_service, target, lo, hi = args
            fail(CEIL, mark("{call} returned {got}; expected {want}: {why}."),
                 call=f"desired_instances(visible_messages={visible:,}, in_service={in_service}, "
                      f"target_backlog_per_instance={target}, min_size={lo}, max_size={hi})",
                 got=got, want=want, why=tr(why))
    rng = random.Random(9)
    for _ in range(300):
        target = rng.choice([10, 30, 100, 250, 12.5, 0.5, 7.5])
        lo = rng.randint(0, 3)
        hi = rng.randint(max(lo, 1), 40)
        visible = rng.choice([0, rng.randint(1, 50), rng.randint(0, 20_000)])
        in_service = rng.randint(0, hi)
        got = _call(desired_instances, visible, in_service, target, lo, hi)
        args = f"visible_messages={visible:,}, in_service={in_service}, target={target}, min_size={lo}, max_size={hi}"
        if not lo <= got <= hi:
            fail(CEIL, mark("with {args}, desired_instances returned {got}, outside {lo}..{hi}."), args=args, got=got,
                 lo=lo, hi=hi)
        if got < hi and visible > got * target:
            fail(mark("after scaling, no instance has more than the target backlog (unless at max_size)"),
                 mark("with {args}, {got} instances would each have {each:,.1f} messages, over the target of "
                      "{target}."), args=args, got=got, each=visible / max(got, 1), target=target)
        if got > lo and visible <= (got - 1) * target:
            fail(mark("scale to what the backlog needs, no more (unless min_size asks for more)"),
                 mark("with {args}, desired_instances returned {got}, but {fewer} instances already keep the "
                      "backlog per instance within {target}."), args=args, got=got, fewer=got - 1, target=target)
    peak, worst, drained = simulate(backlog_target, desired_instances)
    return passed(mark("scaling policy"), [
        mark("backlog_target(10 s, 0.1 s) = 100 messages per instance, as in AWS's example; 3.5, 12.5 and 0.5 too"),
        tr("{cases} cases and 300 random ones, with whole and fractional targets: a whole number of instances, "
           "rounded up, within min_size..max_size", cases=len(CASES)),
        tr("spike simulation: peak backlog {worst:,} messages, peak {peak} instances, backlog back under the target "
           "by minute {drained}", worst=worst, peak=peak, drained=drained)])


def simulate(backlog_target, desired_instances, minutes=60, seconds_per_message=0.5, acceptable_latency=60,
             min_size=1, max_size=30):
    """A spike of orders against a group scaled by the learner's policy, one step per minute.

    New instances start working the minute after they are asked for (a warm-up), as in EC2.
    Returns (peak instances, peak backlog, first minute after the spike with the backlog at or
    under the target for every instance).
    """
    __tracebackhide__ = True
    with learner_code(mark("calling {call}"), call=f"backlog_target({acceptable_latency}, {seconds_per_message})"):
        target = backlog_target(acceptable_latency, seconds_per_message)
    per_instance = int(60 / seconds_per_message)        # messages one instance handles per minute
    backlog, running, peak, worst, drained = 0, min_size, min_size, 0, None
    for minute in range(minutes):
        arriving = 5_000 if 10 <= minute < 15 else 150
        backlog += arriving
        worst = max(worst, backlog)
        desired = _call(desired_instances, backlog, running, target, min_size, max_size)
        backlog = max(0, backlog - running * per_instance)
        running = desired
        peak = max(peak, running)
        if minute >= 15 and drained is None and backlog <= target * max(running, 1):
            drained = minute
    if drained is None:
        fail(mark("the policy keeps up with a spike"),
             mark("with {per_instance} messages per instance per minute, a spike of 5,000 messages a minute for 5 "
                  "minutes was still not worked off after {minutes} minutes (backlog {backlog:,})."),
             per_instance=per_instance, minutes=minutes, backlog=backlog)
    return peak, worst, drained
