"""Lesson 01's simulation: a direct call fails under a spike, a queue loses nothing."""

import pytest

from toyqueue.sim.sync_async import simulate


def test_sync_fails_under_the_spike_and_async_loses_nothing():
    r = simulate(base=10, spike=1000, capacity=100)
    assert r.sync.failed_total > 0
    # Failures happen during the spike, not before it.
    start = r.params["spike_start"]
    assert sum(r.sync.failed[:start]) == 0 and max(r.sync.failed[start:]) > 0
    assert r.asynchronous.failed_total == 0
    assert r.asynchronous.served_total == r.asynchronous.arrivals_total
    assert r.asynchronous.depth[-1] == 0


def test_every_purchase_is_accounted_for():
    r = simulate(spike=700, capacity=80, timeout=2, max_waiting=150)
    s = r.sync
    assert s.served_total + s.failed_total + s.depth[-1] == s.arrivals_total
    assert max(s.depth) <= 150                  # callers beyond max_waiting were refused
    assert max(s.served) <= 80 and max(r.asynchronous.served) <= 80


def test_no_spike_no_failures():
    r = simulate(base=10, spike=10, capacity=100)
    assert r.sync.failed_total == 0 and max(r.asynchronous.depth) == 0


def test_async_backlog_drains_at_the_spare_capacity():
    r = simulate(base=10, spike=1000, spike_length=5, capacity=100, ticks=200)
    a = r.asynchronous
    assert max(a.depth) == 5 * (1000 - 100)
    # The spike's last second leaves 4,500 waiting; they drain at 100 - 10 = 90 a second.
    last_spike_second = r.params["spike_start"] + 5 - 1
    assert a.depth[last_spike_second] == 4500
    assert a.drained_at == last_spike_second + 50
    assert a.max_latency > r.sync.max_latency   # the price: shipping happens later


def test_the_queue_side_agrees_with_a_real_toy_queue():
    model = simulate(spike=300, capacity=60, ticks=40, spike_length=3)
    toy = simulate(spike=300, capacity=60, ticks=40, spike_length=3, queue="toy")
    assert toy.asynchronous.served == model.asynchronous.served
    assert toy.asynchronous.depth == model.asynchronous.depth
    assert toy.sync == model.sync


def test_bad_parameters_are_refused():
    with pytest.raises(ValueError):
        simulate(capacity=0)
    with pytest.raises(ValueError):
        simulate(queue="kafka")
