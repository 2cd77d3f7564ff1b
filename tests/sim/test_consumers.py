"""Lesson 06's simulation: consumers on a real toy queue; when duplicates appear, and when not."""

from collections import Counter

import pytest

from toyqueue import QueueService, VirtualClock
from toyqueue.sim.consumers import LANES, simulate


def test_every_message_is_deleted_exactly_once_when_consumers_are_fast_enough():
    run = simulate(messages=30, consumers=3, processing_time=2, visibility_timeout=10, batch=1,
                   jitter=0.2, seed=3)
    assert run.stats["deleted"] == 30 and run.stats["duplicates"] == 0
    assert run.stats["redelivered"] == 0
    assert sorted(run.processed) == sorted(run.labels)
    assert set(run.processed.values()) == {1}
    last = run.frames[-1].counts
    assert last == {"delayed": 0, "visible": 0, "inflight": 0, "deleted": 30, "dead": 0}


@pytest.mark.parametrize("processing_time, visibility_timeout, expect_duplicates", [
    (3, 10, False), (9.5, 10, False), (11, 10, True), (30, 10, True)])
def test_duplicates_appear_only_when_processing_outlasts_the_visibility_timeout(
        processing_time, visibility_timeout, expect_duplicates):
    # More consumers than messages: idle ones keep polling, so a message that shows again
    # while its first consumer is still busy is picked up at once.
    run = simulate(messages=6, consumers=9, processing_time=processing_time,
                   visibility_timeout=visibility_timeout, batch=1, jitter=0, seed=1,
                   max_time=400)
    assert (run.stats["duplicates"] > 0) == expect_duplicates
    assert (run.stats["redelivered"] > 0) == expect_duplicates
    receives = [e for e in run.events if e.action == "receive"]
    assert bool([e for e in receives if e.detail.startswith("receive #")]) == expect_duplicates
    # Each message is removed by exactly one delete; a delete with a receipt handle from an
    # earlier receive (someone else received it since) removes nothing.
    deletes = [e for e in run.events if e.action == "delete"]
    removed = [e.message for e in deletes if e.deleted]
    assert len(removed) == len(set(removed)) == run.stats["deleted"]
    assert any(e.deleted is False for e in deletes) == expect_duplicates
    if not expect_duplicates:
        assert sorted(removed) == sorted(run.labels)


def test_always_too_slow_consumers_churn_until_a_dead_letter_queue_takes_the_message():
    # Every consumer outlasts the timeout and idle ones grab each message as it reappears: each
    # delete carries an old receipt handle, so the message is never deleted...
    kw = dict(messages=6, consumers=9, processing_time=11, visibility_timeout=10, batch=1,
              jitter=0, seed=1, max_time=300)
    churn = simulate(**kw)
    assert churn.stats["deleted"] < 6 and churn.stats["redelivered"] > 20
    # ... until maxReceiveCount moves it to the dead-letter queue.
    dlq = simulate(max_receive_count=3, **kw)
    assert dlq.stats["deleted"] + dlq.stats["dead"] == 6 and dlq.stats["dead"] > 0
    assert dlq.stats["end"] < 300


def test_a_slow_consumer_with_a_big_batch_causes_duplicates_the_fast_ones_do_not():
    fast = simulate(messages=20, consumers=3, processing_time=2, visibility_timeout=10, batch=2,
                    slow_consumers=0, jitter=0, seed=2)
    slow = simulate(messages=20, consumers=3, processing_time=2, visibility_timeout=10, batch=2,
                    slow_consumers=1, slow_factor=8, jitter=0, seed=2)
    assert fast.stats["redelivered"] == 0
    assert slow.stats["redelivered"] > 0
    # The redelivered ones had first gone to the slow consumer (number 3).
    first_taker = {}
    for e in slow.events:
        if e.action == "receive":
            first_taker.setdefault(e.message, e.consumer)
    again = {e.message for e in slow.events if e.action == "receive" and e.detail}
    assert again and all(first_taker[m] == 3 for m in again)


def test_crashes_with_a_dead_letter_queue_lose_nothing():
    svc = QueueService(clock=VirtualClock())
    run = simulate(messages=40, consumers=4, processing_time=1, visibility_timeout=5,
                   failure_rate=0.3, max_receive_count=2, seed=5, service=svc)
    assert run.stats["crashes"] > 0
    assert run.stats["dead"] > 0
    assert run.stats["deleted"] + run.stats["dead"] == 40
    # The count comes from the real dead-letter queue.
    dlq = svc.get_queue_attributes(QueueUrl=svc.get_queue_url(QueueName="orders-dlq")["QueueUrl"],
                                   AttributeNames=["ApproximateNumberOfMessages"])
    assert int(dlq["Attributes"]["ApproximateNumberOfMessages"]) == run.stats["dead"]
    states = Counter(m.state for m in run.frames[-1].messages)
    assert states == Counter({"deleted": run.stats["deleted"], "dead": run.stats["dead"]})


def test_crashes_without_a_dead_letter_queue_are_retried_until_deleted():
    run = simulate(messages=25, consumers=3, processing_time=1, visibility_timeout=4,
                   failure_rate=0.25, seed=11)
    assert run.stats["crashes"] > 0 and run.stats["redelivered"] > 0
    assert run.stats["deleted"] == 25


def test_frames_agree_with_the_queue_and_with_themselves():
    run = simulate(messages=24, consumers=3, processing_time=3, visibility_timeout=8, batch=2,
                   slow_consumers=1, delayed_share=0.5, delay_seconds=5, seed=7)
    assert run.frames[0].counts["delayed"] > 0
    for f in run.frames:
        states = Counter(m.state for m in f.messages)
        assert {lane: states.get(lane, 0) for lane in LANES} == f.counts
        for m in f.messages:
            assert 0 <= m.countdown <= max(8, 5)
            assert m.duplicate == (m.receive_count > 1)
    # Every event belongs to exactly one frame, in order.
    assert run.frames[0].events[0] == 0 and run.frames[-1].events[1] == len(run.events)
    assert all(a.events[1] == b.events[0] for a, b in zip(run.frames, run.frames[1:]))
    assert [f.t for f in run.frames] == sorted(f.t for f in run.frames)


def test_same_seed_same_run_other_seed_other_run():
    kw = dict(messages=30, consumers=4, processing_time=3, visibility_timeout=6, batch=3,
              failure_rate=0.1, slow_consumers=1)
    a, b, c = simulate(seed=4, **kw), simulate(seed=4, **kw), simulate(seed=5, **kw)
    assert a.events == b.events and a.frames == b.frames and a.stats == b.stats
    assert a.events != c.events


def test_ten_thousand_messages_draw_as_lane_totals_in_few_frames():
    run = simulate(messages=10_000, consumers=20, processing_time=0.2, visibility_timeout=30,
                   batch=10, seed=1, max_frames=200)
    assert run.stats["deleted"] == 10_000
    assert len(run.frames) <= 200
    assert all(f.messages is None for f in run.frames)     # no per-message detail to draw
    assert run.frames[-1].counts["deleted"] == 10_000
    assert run.frames[-1].events[1] == len(run.events)


def test_bad_parameters_are_refused():
    with pytest.raises(ValueError):
        simulate(batch=11)
    with pytest.raises(ValueError):
        simulate(failure_rate=1.0)
