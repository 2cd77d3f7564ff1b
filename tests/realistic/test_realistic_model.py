"""Realistic mode (toyqueue/realistic.py): each documented effect shows with a fixed seed,
nothing is ever lost, the same seed and calls give the same answers, FIFO stays exact."""

import random

import pytest

from toyqueue import History, QueueService, VirtualClock, check
from toyqueue.queue import FifoQueue, StandardQueue
from toyqueue.realistic import Realism, RealisticQueue


def realistic(seed=7, **knobs):
    clock = VirtualClock()
    svc = QueueService(clock=clock, realistic=knobs or True, seed=seed)
    url = svc.create_queue(QueueName="orders")["QueueUrl"]
    return clock, svc, url


def bodies(response):
    return [m["Body"] for m in response.get("Messages", [])]


def send(svc, url, n, start=1):
    for i in range(start, start + n):
        svc.send_message(QueueUrl=url, MessageBody=f"m{i}")


def lesson_run(seed, wait, messages=200, until=240):
    """A lesson-sized run with the default knobs: send `messages`, then one consumer polls
    every second (short polls, or long polls of `wait` s), deleting each message it gets."""
    clock = VirtualClock()
    svc = QueueService(clock=clock, realistic=True, seed=seed)
    history = History(clock)
    sqs = history.wrap(svc, process="consumer")
    url = sqs.create_queue(QueueName="orders")["QueueUrl"]
    for i in range(0, messages, 10):
        sqs.send_message_batch(QueueUrl=url, Entries=[
            {"Id": str(j), "MessageBody": f"m{j + 1}"} for j in range(i, min(messages, i + 10))])
    order, start = [], clock.now()
    while clock.now() - start < until:
        for m in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                                     WaitTimeSeconds=wait).get("Messages", []):
            order.append(int(m["Body"][1:]))
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
        clock.advance(1)
    return svc.queue(url), check(history), order


def test_exact_mode_is_the_default_and_has_no_servers():
    svc = QueueService(clock=VirtualClock())
    url = svc.create_queue(QueueName="orders")["QueueUrl"]
    assert type(svc.queue(url)) is StandardQueue and svc.realism is None
    send(svc, url, 3)
    assert bodies(svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10)) == ["m1", "m2", "m3"]
    a = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessagesNotVisible"])
    assert a["Attributes"]["ApproximateNumberOfMessagesNotVisible"] == "3"


def test_knobs_come_from_true_a_dict_or_a_realism_and_are_checked():
    assert Realism.of(True) == Realism() and Realism.of(None) is None and Realism.of(False) is None
    assert Realism.of({"servers": 8, "sample": 3}) == Realism(servers=8, sample=3)
    with pytest.raises(TypeError):
        Realism.of("yes")
    for bad in ({"copies": 6}, {"sample": 0}, {"reorder": 1.5}, {"duplicate_rate": -0.1},
                {"counter_lag": -1}):
        with pytest.raises(ValueError):
            Realism(**bad)


def test_a_short_poll_samples_servers_and_returns_fewer_or_none_while_messages_wait():
    clock, svc, url = realistic(seed=7)
    q = svc.queue(url)
    send(svc, url, 5)
    where = {m.body: q.copies(m) for m in q.messages()}
    assert all(len(servers) == 2 for servers in where.values())
    r = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0)
    sampled = q.last_sample
    assert len(sampled) == 2
    # Exactly the messages with a copy on a sampled server came back, oldest first.
    assert bodies(r) == [b for b, servers in where.items() if set(servers) & set(sampled)]
    assert len(bodies(r)) < 5 and q.counts()["visible"] == 5

    # With a single message the queue often answers nothing at all: repeat the request.
    clock, svc, url = realistic(seed=7)
    send(svc, url, 1)
    answers = [len(bodies(svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                                              VisibilityTimeout=0))) for _ in range(20)]
    assert answers.count(0) >= 3 and answers.count(1) >= 3
    assert svc.queue(url).effects["short_empty"] == answers.count(0)


def test_fewer_messages_mean_emptier_short_polls():
    def empty_share(n, seeds=range(30)):
        empty = 0
        for seed in seeds:
            clock, svc, url = realistic(seed=seed)
            send(svc, url, n)
            empty += not bodies(svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10))
        return empty / len(seeds)
    one, three, twenty = empty_share(1), empty_share(3), empty_share(20)
    assert one >= 0.2 and three < one and twenty == 0


def test_repeated_short_polls_see_every_message():
    clock, svc, url = realistic(seed=3)
    send(svc, url, 40)
    seen, polls = set(), 0
    while len(seen) < 40:
        polls += 1
        for m in svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
            seen.add(m["Body"])
            svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
        assert polls < 100
    assert polls > 4                      # a perfect queue would need exactly 4


def test_a_long_poll_asks_every_server_and_returns_whenever_a_message_is_visible():
    for seed in range(20):
        clock, svc, url = realistic(seed=seed, reorder=0)
        q = svc.queue(url)
        send(svc, url, 1)
        r = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        assert bodies(r) == ["m1"] and q.last_sample is None
        assert clock.now() == VirtualClock().now()          # it answered at once
    # A message that shows up later (a delay) ends the wait the moment it is visible.
    clock, svc, url = realistic(seed=1)
    t0 = clock.now()
    svc.send_message(QueueUrl=url, MessageBody="late", DelaySeconds=7)
    assert bodies(svc.receive_message(QueueUrl=url, WaitTimeSeconds=20)) == ["late"]
    assert clock.now() - t0 == 7
    # Every long poll of a lesson-sized run that found messages waiting got some.
    clock, svc, url = realistic(seed=5)
    send(svc, url, 60)
    while svc.queue(url).counts()["visible"]:
        got = bodies(svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=5,
                                         VisibilityTimeout=600))
        assert len(got) == min(10, len(got) + svc.queue(url).counts()["visible"])


@pytest.mark.parametrize("wait", [0, 20])
def test_a_lesson_sized_run_shows_reordering_and_a_duplicate_after_delete(wait):
    q, report, order = lesson_run(seed=7, wait=wait)
    inversions = [(a, b) for a, b in zip(order, order[1:]) if b < a]
    assert inversions and q.effects["overtaken"] >= 1
    assert q.effects["missed_deletes"] >= 1 and report.after_delete
    assert report.lost == [] and report.unexpected == [] and report.early == []
    assert report.duplicated == q.effects["after_delete"] == len(report.after_delete)
    assert sorted(set(order)) == list(range(1, 201))
    assert q.counts() == {"visible": 0, "inflight": 0, "delayed": 0}


def test_a_missed_delete_redelivers_until_the_server_catches_up():
    # Every delete misses a copy; the copy comes back when the visibility timeout ends.
    clock, svc, url = realistic(seed=2, duplicate_rate=1.0, catch_up=100)
    q = svc.queue(url)
    t0 = clock.now()
    send(svc, url, 1)
    m = svc.receive_message(QueueUrl=url, VisibilityTimeout=30, WaitTimeSeconds=1)["Messages"][0]
    svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])   # twice: still fine
    assert q.counts()["inflight"] == 1 and len(q.copies(q.messages()[0])) == 1
    clock.advance(25)
    again = svc.receive_message(QueueUrl=url, WaitTimeSeconds=20, VisibilityTimeout=50,
                                MessageSystemAttributeNames=["ApproximateReceiveCount"])["Messages"][0]
    assert clock.now() - t0 == 30 and again["MessageId"] == m["MessageId"]
    assert again["Attributes"]["ApproximateReceiveCount"] == "2"
    # Not deleted this time; when the server catches up (t = 100) the copy is gone for good.
    clock.advance(200)
    assert q.counts() == {"visible": 0, "inflight": 0, "delayed": 0}
    assert not svc.receive_message(QueueUrl=url, WaitTimeSeconds=20).get("Messages")
    assert q.effects == dict(q.effects, missed_deletes=1, after_delete=1, caught_up=1)


def test_a_server_that_catches_up_before_the_timeout_ends_delivers_nothing_again():
    clock, svc, url = realistic(seed=2, duplicate_rate=1.0, catch_up=10)
    send(svc, url, 1)
    m = svc.receive_message(QueueUrl=url, VisibilityTimeout=30, WaitTimeSeconds=1)["Messages"][0]
    svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    assert not svc.receive_message(QueueUrl=url, WaitTimeSeconds=20).get("Messages")
    clock.advance(60)
    assert not svc.receive_message(QueueUrl=url, WaitTimeSeconds=20).get("Messages")
    assert svc.queue(url).effects["caught_up"] == 1


def test_approximate_counters_lag_a_minute_behind_the_truth():
    clock, svc, url = realistic(seed=1)
    q = svc.queue(url)

    def approximate():
        a = svc.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        return [int(a[f"ApproximateNumberOfMessages{s}"]) for s in ("", "NotVisible", "Delayed")]
    send(svc, url, 5)
    svc.send_message(QueueUrl=url, MessageBody="later", DelaySeconds=30)
    assert q.counts() == {"visible": 5, "inflight": 0, "delayed": 1}
    assert approximate() == [0, 0, 0]
    clock.advance(59)
    assert approximate() == [0, 0, 0]
    clock.advance(2)                                        # 61 s after the sends
    assert approximate() == [5, 0, 1]                       # the queue as it was at 1 s
    clock.advance(30)
    assert approximate() == [6, 0, 0]                       # at 31 s: the delay was over
    svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=20, VisibilityTimeout=600)
    assert approximate() == [6, 0, 0] and q.counts()["inflight"] == 6
    clock.advance(61)
    assert approximate() == [0, 6, 0]
    exact_counters = realistic(seed=1, counter_lag=0)
    send(exact_counters[1], exact_counters[2], 2)
    a = exact_counters[1].get_queue_attributes(QueueUrl=exact_counters[2],
                                               AttributeNames=["ApproximateNumberOfMessages"])
    assert a["Attributes"]["ApproximateNumberOfMessages"] == "2"


def _random_workload(seed, svc, clock, url, steps=1500):
    """Producers and consumers doing random things, then a consumer draining the queue."""
    rng = random.Random(seed)
    history = History(clock)
    sqs = history.wrap(svc, process="worker")
    held = []
    sent = 0
    for _ in range(steps):
        op = rng.random()
        if op < 0.3:
            n = rng.randint(1, 10)
            sqs.send_message_batch(QueueUrl=url, Entries=[
                {"Id": str(k), "MessageBody": f"b{sent + k}",
                 **({"DelaySeconds": rng.choice([1, 5, 20])} if rng.random() < 0.2 else {})}
                for k in range(n)])
            sent += n
        elif op < 0.65:
            r = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=rng.randint(1, 10),
                                    WaitTimeSeconds=rng.choice([0, 0, 0, 2]),
                                    VisibilityTimeout=rng.choice([5, 10, 30]))
            held += [m["ReceiptHandle"] for m in r.get("Messages", [])]
        elif op < 0.9 and held:
            handle = held.pop(rng.randrange(len(held)))
            if rng.random() < 0.9:
                sqs.delete_message(QueueUrl=url, ReceiptHandle=handle)
            else:
                try:
                    sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=handle,
                                                  VisibilityTimeout=rng.choice([0, 15]))
                except Exception:                     # the message showed again meanwhile
                    pass
        else:
            clock.advance(rng.choice([0.5, 1, 3, 10]))
    quiet = 0
    while quiet < 200:                                  # drain: delete everything, wait for stragglers
        r = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for m in r.get("Messages", []):
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
        quiet = 0 if r.get("Messages") else quiet + 20
    return check(history), history


@pytest.mark.parametrize("seed", range(8))
def test_nothing_is_lost_over_long_random_runs(seed):
    clock = VirtualClock()
    svc = QueueService(clock=clock, realistic=True, seed=seed)
    url = svc.create_queue(QueueName="orders", Attributes={"VisibilityTimeout": "10"})["QueueUrl"]
    report, _ = _random_workload(seed, svc, clock, url)
    assert report.sent > 1000
    assert report.lost == [] and report.unexpected == [] and report.early == []
    assert report.order == [] and report.dedup == []
    assert report.duplicated > 0                        # reported, not failed
    assert svc.queue(url).counts() == {"visible": 0, "inflight": 0, "delayed": 0}


def test_the_same_seed_and_calls_give_the_same_answers():
    def transcript(seed):
        clock = VirtualClock()
        svc = QueueService(clock=clock, realistic=True, seed=seed)
        url = svc.create_queue(QueueName="orders")["QueueUrl"]
        _, history = _random_workload(seed, svc, clock, url, steps=300)
        return svc.queue(url).effects, [(o.kind, o.body, o.start) for o in history.ops]
    assert transcript(11) == transcript(11)
    assert transcript(11) != transcript(12)


def test_fifo_queues_keep_their_guarantees_in_realistic_mode():
    clock = VirtualClock()
    svc = QueueService(clock=clock, realistic=True, seed=3)
    url = svc.create_queue(QueueName="orders.fifo", Attributes={
        "FifoQueue": "true", "ContentBasedDeduplication": "true"})["QueueUrl"]
    assert type(svc.queue(url)) is FifoQueue
    history = History(clock)
    sqs = history.wrap(svc, process="p")
    rng = random.Random(3)
    for i in range(300):
        sqs.send_message(QueueUrl=url, MessageBody=f"f{i % 250}", MessageGroupId=f"g{i % 4}")
    got = []
    while True:
        r = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=5)
        if not r.get("Messages"):
            if svc.queue(url).counts()["inflight"] == 0:
                break
            clock.advance(5)
            continue
        for m in r["Messages"]:
            got.append(m["Body"])
            if rng.random() < 0.9:
                sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    report = check(history, content_based=True)
    assert report.valid and report.order == [] and report.dedup == [] and report.lost == []
    assert len(set(got)) == 250                         # 50 sends were duplicates inside 5 min


def test_a_realistic_queue_can_be_made_directly():
    q = RealisticQueue("direct", realism=Realism(servers=3, copies=3, sample=1), seed=1)
    msg = q.send("hello", now=0.0)
    assert q.copies(msg) == (1, 2, 3)
    assert [m.body for m in q.receive(0.0, 10)] == ["hello"]   # every server holds a copy
    assert q.servers(0.0) == {1: [msg], 2: [msg], 3: [msg]}
