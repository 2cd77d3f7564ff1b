"""The simulations' backlog on a realistic toy (lesson 07): its depth lags a minute, and take()
keeps asking after a short poll that came back empty from a queue that was not."""

import pytest

from toyqueue import QueueService, VirtualClock
from toyqueue.sim.backlog import CountingBacklog, ToyQueueBacklog, make_backlog


def realistic(seed=7):
    return QueueService(clock=VirtualClock(), realistic=True, seed=seed)


def test_take_drains_a_realistic_queue_although_a_short_poll_came_back_empty():
    backlog = make_backlog("toy", service=realistic(seed=7))
    queue = backlog.service.queue(backlog.url)
    backlog.put(6, t=0)
    assert backlog.take(6, t=1) == [(0.0, 6)]
    assert queue.effects["short_empty"] >= 1, "seed 7 must hit a false empty, or this proves nothing"
    assert queue.counts()["visible"] == 0


def test_take_stops_when_the_queue_is_really_empty():
    backlog = make_backlog("toy", service=realistic(seed=7))
    backlog.put(3, t=0)
    assert backlog.take(10, t=1) == [(0.0, 3)]
    assert backlog.take(10, t=2) == []


@pytest.mark.parametrize("seed", range(5))
def test_a_realistic_backlog_gives_what_the_counting_model_gives(seed):
    """Over many ticks the realistic toy hands out the same number of messages as the model
    (it may reorder within a tick, and its depth lags, but it loses and invents nothing)."""
    model, toy = CountingBacklog(), make_backlog("toy", service=realistic(seed))
    for tick in range(30):
        t = tick * 10.0
        for b in (model, toy):
            b.put(7 + tick % 5, t)
        taken = [sum(n for _, n in b.take(6 + tick % 3, t)) for b in (model, toy)]
        assert taken[0] == taken[1]
    assert toy.service.queue(toy.url).counts()["visible"] == model.visible()


def test_the_realistic_depth_is_the_queue_a_minute_ago():
    backlog = make_backlog("toy", service=realistic(seed=7))
    queue = backlog.service.queue(backlog.url)
    backlog.put(1000, t=600)
    assert [backlog.visible(t=t) for t in (601, 660, 661)] == [0, 0, 1000]
    assert backlog.take(500, t=700) == [(600.0, 500)]
    assert queue.counts()["visible"] == 500
    assert [backlog.visible(t=t) for t in (700, 760, 761)] == [1000, 1000, 500]


def test_the_exact_depth_does_not_lag_and_visible_at_t_moves_only_the_toys_clock():
    exact, model = make_backlog("toy"), make_backlog("model")
    for b in (exact, model):
        b.put(1000, t=600)
        assert b.visible(t=601) == 1000
    assert exact.clock.now() == exact.t0 + 601


def test_make_backlog_uses_the_service_and_its_clock():
    svc = realistic()
    backlog = make_backlog("toy", service=svc)
    assert isinstance(backlog, ToyQueueBacklog) and backlog.service is svc
    assert backlog.clock is svc.clock
    backlog.put(1, t=30)
    assert svc.clock.now() == backlog.t0 + 30
    with pytest.raises(ValueError):
        make_backlog("model", service=svc)
    with pytest.raises(ValueError):
        make_backlog("queue")


def test_oldest_ignores_the_copies_a_realistic_server_kept_after_a_delete():
    """A copy that missed the delete is in flight for 12 h: it is not waiting, so the age of the
    oldest waiting message must not grow with it."""
    backlog = make_backlog("toy", service=realistic(seed=7))
    queue = backlog.service.queue(backlog.url)
    backlog.put(300, t=0)
    assert backlog.oldest() == 0.0
    backlog.take(300, t=10)
    assert queue.effects["missed_deletes"] >= 1, "seed 7 must keep a copy, or this proves nothing"
    assert queue.messages(), "the kept copies are still in the queue"
    assert backlog.oldest() is None
    backlog.put(5, t=20)
    assert backlog.oldest() == 20.0
