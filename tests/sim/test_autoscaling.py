"""Lesson 07's simulation: the group grows on the spike and shrinks after; two policies compared."""

import math

import pytest

from toyqueue.sim.autoscaling import DEFAULTS, compare, simulate


@pytest.fixture(scope="module")
def runs():
    return compare()


@pytest.mark.parametrize("policy", ["step", "target"])
def test_scales_out_on_the_spike_and_back_in(runs, policy):
    r = runs[policy]
    p = r.params
    before = [n for t, n in zip(r.t, r.in_service) if t < p["spike_start"]]
    assert set(before) == {p["min_size"]}
    assert r.peak_instances > p["min_size"]
    grow = [a for a in r.actions if a[1] > 0]
    assert grow and grow[0][0] > p["spike_start"]          # only after the spike began
    assert r.drained_at is not None                          # the backlog is worked off
    assert r.in_service[-1] == p["min_size"]                 # and the group shrinks again
    assert any(a[1] < 0 for a in r.actions)


def test_messages_are_conserved(runs):
    for r in runs.values():
        arrived = sum(rate * r.params["dt"] for rate in r.incoming)
        consumed = sum(rate * r.params["dt"] for rate in r.served)
        assert arrived == consumed + r.visible[-1]


def test_new_instances_serve_only_after_their_start_up_time():
    r = simulate("step", startup=300)
    first_add = r.actions[0][0]
    p = r.params
    for t, n in zip(r.t, r.in_service):
        if first_add <= t < first_add + 300:
            assert n == p["min_size"]
    assert max(n for t, n in zip(r.t, r.in_service) if t >= first_add + 300) > p["min_size"]


def test_step_policy_adds_fixed_steps_no_faster_than_the_cooldown():
    r = simulate("step", step_add=3, cooldown=240)
    grow = [a for a in r.actions if a[1] > 0]
    assert len(grow) >= 2
    assert {change for _, change, _ in grow} == {3}
    times = [t for t, *_ in r.actions]
    assert all(b - a >= 240 for a, b in zip(times, times[1:]))


def test_alarm_needs_the_depth_above_threshold_for_the_evaluation_periods():
    r = simulate("step", alarm_threshold=5000, evaluation_periods=3)
    minute = [i for i, t in enumerate(r.t) if (t + r.params["dt"]) % 60 == 0]
    for k, i in enumerate(minute):
        recent = [r.visible[j] > 5000 for j in minute[max(0, k - 2):k + 1]]
        assert r.alarm[i] == (len(recent) == 3 and all(recent))
    assert any(r.alarm)


def test_target_tracking_sizes_the_group_from_the_backlog(runs):
    r = runs["target"]
    target = r.params["acceptable_latency"] / r.params["processing_time"]
    assert target == 100                                     # 10 s / 0.1 s, as AWS's example
    t, change, reason = r.actions[0]
    i = r.t.index(t - r.params["dt"])
    assert r.params["min_size"] + change == min(r.params["max_size"],
                                                math.ceil(r.visible[i] / target))


def test_target_tracking_reacts_harder_and_drains_sooner_than_the_lectures_step(runs):
    step, target = runs["step"], runs["target"]
    assert target.peak_instances > step.peak_instances
    assert target.drained_at < step.drained_at
    assert target.max_wait < step.max_wait
    assert target.back_to_min_at < step.back_to_min_at
    assert len(target.actions) < len(step.actions)          # one big move vs many small steps


def test_a_bigger_spike_needs_more_instances():
    small, big = compare(spike_rate=60), compare(spike_rate=200)
    for policy in ("step", "target"):
        assert big[policy].peak_instances >= small[policy].peak_instances
        assert max(big[policy].visible) > max(small[policy].visible)


def test_the_counting_model_agrees_with_a_real_toy_queue():
    small = dict(base_rate=1, spike_rate=8, processing_time=1.0, acceptable_latency=20,
                 alarm_threshold=40, low_threshold=5, duration=1800, max_size=8, step_add=2)
    for policy in ("step", "target"):
        model = simulate(policy, **small)
        toy = simulate(policy, queue="toy", **small)
        assert max(model.visible) > 0
        assert toy.visible == model.visible
        assert toy.in_service == model.in_service
        assert toy.actions == model.actions


def test_runs_are_deterministic():
    assert compare(spike_rate=150)["step"].visible == compare(spike_rate=150)["step"].visible


def test_bad_parameters_are_refused():
    with pytest.raises(ValueError):
        simulate("lambda")
    with pytest.raises(TypeError):
        simulate("step", spike=3)
    assert "spike_rate" in DEFAULTS
