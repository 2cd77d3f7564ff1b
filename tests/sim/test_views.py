"""The views draw what the simulations return, redraw when a control moves, and print quietly."""

import re

from toyqueue import QueueService, VirtualClock
from toyqueue.widgets import AutoscalingView, QueueView, SyncAsyncView


def lane_counts(svg):
    return {lane: int(n) for lane, n in re.findall(r'data-lane="(\w+)" data-count="(\d+)"', svg)}


def test_queue_view_steps_through_the_frames_of_its_run():
    view = QueueView(messages=12, consumers=2, seed=3)
    assert len(view.data.frames) > 5
    first = view.svg
    assert lane_counts(first) == view.data.frames[0].counts
    view.step_button.click()
    assert view.frame.value == 1
    view.show(len(view.data.frames) - 1)
    assert lane_counts(view.svg) == view.data.frames[-1].counts
    assert lane_counts(view.svg)["deleted"] == 12
    assert view.svg != first
    view.reset_button.click()
    assert view.svg == first


def test_queue_view_reruns_when_a_parameter_moves_and_shows_duplicates():
    view = QueueView(messages=12, consumers=3, processing_time=2.0, visibility_timeout=30,
                     slow_consumers=0, batch=1, seed=1)
    assert view.data.stats["redelivered"] == 0
    view.visibility.value = 1           # far shorter than the processing time
    assert view.data.params["visibility_timeout"] == 1
    assert view.data.stats["redelivered"] > 0 and view.frame.value == 0
    dup = next(i for i, f in enumerate(view.data.frames) if any(m.duplicate for m in f.messages))
    view.show(dup)
    assert "×2" in view.svg
    assert view.play.max == len(view.data.frames) - 1


def test_queue_view_of_ten_thousand_messages_draws_totals_not_chips():
    view = QueueView(messages=10_000, consumers=12, processing_time=0.5, batch=10, seed=1)
    view.show(10)
    assert "data-message=" not in view.svg
    assert sum(lane_counts(view.svg).values()) <= 10_000
    assert len(view.svg) < 60_000


def test_speed_sets_the_play_interval():
    view = QueueView(messages=12)
    view.speed.value = 10.0
    assert view.play.interval == 100


def test_live_view_polls_the_counts_of_a_queue():
    svc = QueueService(clock=VirtualClock())     # has the same get_queue_attributes as boto3
    url = svc.create_queue(QueueName="watched")["QueueUrl"]
    live = QueueView.watch(svc, url)
    assert lane_counts(live.svg)["visible"] == 0
    for i in range(5):
        svc.send_message(QueueUrl=url, MessageBody=f"m{i}")
    svc.send_message(QueueUrl=url, MessageBody="later", DelaySeconds=60)
    svc.receive_message(QueueUrl=url, MaxNumberOfMessages=2)
    assert live.refresh() == {"visible": 3, "inflight": 2, "delayed": 1, "dead": 0}
    assert lane_counts(live.svg) == {"delayed": 1, "visible": 3, "inflight": 2, "dead": 0}
    assert len(live.history) == 2


def test_autoscaling_view_draws_the_chosen_policies_and_reruns_on_sliders():
    view = AutoscalingView()
    both = view.svg
    assert "step policy" in both and "target tracking" in both
    view.policy.value = "step (lecture)"
    assert "alarm threshold" in view.svg and "backlog per instance" not in view.svg
    peak = view.data["step"].peak_instances
    view.spike.value = 300
    assert view.data["step"].params["spike_rate"] == 300
    assert view.data["step"].peak_instances > peak
    view.frame.value = 10
    assert "t = 1.7 min" in view.svg


def test_sync_async_view_reruns_and_moves_its_cursor():
    view = SyncAsyncView()
    before = view.svg
    assert "failed" in before and "waiting" in before
    view.spike.value = 10
    assert view.data.sync.failed_total == 0
    assert view.svg != before
    view.frame.value = 3
    assert "t = 3 s" in view.svg


def test_reprs_are_one_deterministic_line():
    for make in (lambda: QueueView(messages=12), AutoscalingView, SyncAsyncView):
        a, b = repr(make()), repr(make())
        assert a == b and "\n" not in a and " at 0x" not in a and len(a) < 160


def test_live_view_watches_a_localstack_queue(localstack_sqs, unique_name):
    sqs = localstack_sqs
    url = sqs.create_queue(QueueName=unique_name("watched"))["QueueUrl"]
    try:
        live = QueueView.watch(sqs, url)
        for i in range(4):
            sqs.send_message(QueueUrl=url, MessageBody=f"m{i}")
        got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=1, VisibilityTimeout=60)
        assert len(got["Messages"]) == 1
        assert live.refresh() == {"visible": 3, "inflight": 1, "delayed": 0, "dead": 0}
        assert lane_counts(live.svg)["inflight"] == 1
        assert "LiveQueueView" in repr(live)
    finally:
        sqs.delete_queue(QueueUrl=url)
