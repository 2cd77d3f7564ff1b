"""Lesson 08's simulation: two tiers scale on their own; the queue between them absorbs a spike."""

import pytest

from toyqueue.sim.tiers import simulate


@pytest.fixture(scope="module")
def run():
    return simulate()


def test_every_accepted_upload_ends_up_encoded_in_the_bucket(run):
    accepted = round(sum(run.accepted) * run.params["dt"] / 60)
    assert accepted > 5000
    assert len(run.bucket) == accepted
    assert run.depth[-1] == 0
    assert run.bucket["encoded/video-1.mp4"] == "video-1.mp4 encoded to 1080p"
    assert f"encoded/video-{accepted}.mp4" in run.bucket


def test_the_queue_absorbs_the_spike_while_the_gpus_catch_up(run):
    p = run.params
    end = p["spike_start"] + p["spike_duration"]
    peak = run.depth.index(max(run.depth))
    assert max(run.depth) > 1000
    assert p["spike_start"] < run.t[peak] <= end + p["dt"]
    # The GPU tier is still at its minimum when the queue is deepest ...
    assert run.gpu_in_service[peak] == p["gpu_min"]
    # ... and grows later, then shrinks back once the queue is empty.
    assert max(run.gpu_in_service) > p["gpu_min"] and run.gpu_in_service[-1] == p["gpu_min"]


def test_the_tiers_scale_independently(run):
    web = [a for a in run.actions if a[1] == "web"]
    gpu = [a for a in run.actions if a[1] == "gpu"]
    assert web and gpu
    assert max(run.web_in_service) != max(run.gpu_in_service)
    # The web tier is back to its minimum while the GPU tier is still working off the queue.
    web_peak = run.web_in_service.index(max(run.web_in_service))
    back = next(i for i in range(web_peak, len(run.t))
                if run.web_in_service[i] == run.params["web_min"])
    assert run.gpu_in_service[back] > run.params["gpu_min"] and run.depth[back] > 0


def test_a_small_web_tier_rejects_uploads_but_the_queue_never_loses_one():
    run = simulate(web_capacity=200, web_max=3, duration=2400)
    assert sum(run.rejected) > 0
    for r, a, n in zip(run.requests, run.accepted, run.rejected):
        assert r == a + n
    assert len(run.bucket) == round(sum(run.accepted) * run.params["dt"] / 60)
