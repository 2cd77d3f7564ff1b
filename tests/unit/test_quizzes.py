"""The end-of-lesson quizzes: well formed, the widget tells right from wrong, and every answer
that is behaviour is what the toy really does (so a quiz cannot drift from the lessons)."""
import json
import sqlite3
from pathlib import Path

import pytest

from toyqueue import QueueService, VirtualClock
from toyqueue.counts import counts
from toyqueue.errors import SQSError
from toyqueue.quizzes import QUIZZES
from toyqueue.widgets.quiz import RIGHT, WRONG, Quiz, quiz

ROOT = Path(__file__).resolve().parents[2]
ALL = [(lesson, q) for lesson, qs in QUIZZES.items() for q in qs]


def answer(lesson, qid):
    """The choice text the quiz marks right."""
    q = next(q for q in QUIZZES[lesson] if q.id == qid)
    return q.choices[q.answer][0]


@pytest.mark.parametrize("lesson, q", ALL, ids=[f"{l}-{q.id}" for l, q in ALL])
def test_question_is_well_formed(lesson, q):
    assert q.text.endswith("?"), "a question asks"
    assert 2 <= len(q.choices) <= 4
    assert 0 <= q.answer < len(q.choices)
    for choice, why in q.choices:
        assert choice.strip() and len(why) > 15, f"every choice says why: {choice!r}"
    assert len({c for c, _ in q.choices}) == len(q.choices)


def test_ids_are_unique_per_lesson_and_each_taught_lesson_has_a_quiz():
    for lesson, qs in QUIZZES.items():
        assert len({q.id for q in qs}) == len(qs)
    lessons = {p.name[:2] for p in (ROOT / "sources" / "lessons").glob("[0-9][0-9]_*.py")}
    assert set(QUIZZES) == lessons - {"00", "11"}


@pytest.mark.parametrize("lesson", sorted(QUIZZES))
def test_each_lesson_shows_its_quiz_at_the_end(lesson):
    [source] = (ROOT / "sources" / "lessons").glob(f"{lesson}_*.py")
    assert f'quiz("{lesson}")' in source.read_text(encoding="utf-8")


def test_the_widget_tells_right_from_wrong_with_the_reason():
    view = quiz("06")
    q = view.questions[0]
    wrong = next(i for i in range(len(q.choices)) if i != q.answer)
    said = view.choose(0, wrong)
    assert said == f"{WRONG} {q.choices[wrong][1]}"
    assert "#b42318" in view.feedback[0].value          # shown in red, with its reason
    said = view.choose(0, q.answer)
    assert said == f"{RIGHT} {q.choices[q.answer][1]}"
    assert "#1a7f37" in view.feedback[0].value
    assert view.said[1:] == [""] * (len(view.questions) - 1), "other questions are untouched"


def test_the_widget_repr_is_one_stable_line():
    assert repr(quiz("06")) == f"Quiz('06', {len(QUIZZES['06'])} questions)"
    assert repr(quiz("06")) == repr(quiz("06"))
    view = Quiz(QUIZZES["01"], lesson="01")
    assert view.buttons[0].index is None and view.said == ["", "", ""], "nothing is chosen at first"


def test_feedback_escapes_html():
    from toyqueue.quizzes import Question
    view = Quiz([Question("x", "Is <b> bold?", (("<b>", "tags are <escaped> here"), ("no", "it is text, really")), 0)])
    view.choose(0, 0)
    assert "&lt;escaped&gt;" in view.feedback[0].value


# --- the answers, checked against the toy --------------------------------------------------

@pytest.fixture
def svc():
    return QueueService(clock=VirtualClock())


def test_01_async_purchase_waits_and_spike_costs_only_waiting(svc):
    url = svc.create_queue(QueueName="purchases")["QueueUrl"]
    svc.send_message(QueueUrl=url, MessageBody="order 1")       # shipping is down: nobody receives
    assert counts(svc, url)["visible"] == 1
    assert answer("01", "shipping-down").startswith("It succeeds; the order waits")
    from toyqueue.sim.sync_async import simulate
    r = simulate(base=10, spike=1000, spike_start=10, spike_length=5, ticks=120,
                 capacity=100, timeout=3, max_waiting=200, queue="toy")
    assert r.asynchronous.failed_total == 0 and r.asynchronous.max_latency == 46
    assert "46 s" in answer("01", "spike-price")


def test_02_counts_empty_poll_and_buffer_peak():
    clock = VirtualClock()
    svc = QueueService(clock=clock)
    url = svc.create_queue(QueueName="orders")["QueueUrl"]
    for n in range(3):
        svc.send_message(QueueUrl=url, MessageBody=f"order {n}")
    assert len(svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]) == 3
    c = counts(svc, url)
    assert answer("02", "counts-after-receive") == f"visible {c['visible']}, in flight {c['in flight']}"
    empty = svc.create_queue(QueueName="empty")["QueueUrl"]
    assert "Messages" not in svc.receive_message(QueueUrl=empty)
    assert answer("02", "empty-poll").startswith("A reply without")
    clock.advance(31)                                              # the crashed consumer's message
    assert counts(svc, url)["visible"] == 3
    buffer = svc.create_queue(QueueName="sale")["QueueUrl"]
    peak = 0
    for sends in [50, 50, 50, 50, 0, 0]:
        for n in range(sends):
            svc.send_message(QueueUrl=buffer, MessageBody="o")
        for _ in range(2):
            for m in svc.receive_message(QueueUrl=buffer, MaxNumberOfMessages=10).get("Messages", []):
                svc.delete_message(QueueUrl=buffer, ReceiptHandle=m["ReceiptHandle"])
        peak = max(peak, counts(svc, buffer)["visible"])
        clock.advance(1)
    assert answer("02", "buffer-peak") == f"{peak} orders"


def test_03_retention_and_sizes():
    clock = VirtualClock()
    svc = QueueService(clock=clock)
    url = svc.create_queue(QueueName="orders")["QueueUrl"]
    svc.send_message(QueueUrl=url, MessageBody="order")
    clock.advance(4 * 86400 + 1)
    assert sum(counts(svc, url).values()) == 0
    assert answer("03", "retention-default").startswith("Gone")
    with pytest.raises(SQSError) as e:
        svc.create_queue(QueueName="long", Attributes={"MessageRetentionPeriod": str(14 * 86400 + 1)})
    assert e.value.code == "InvalidAttributeValue"
    svc.create_queue(QueueName="long", Attributes={"MessageRetentionPeriod": str(14 * 86400)})
    assert answer("03", "retention-max").startswith("14 days")
    attr = {"OrderId": {"DataType": "String", "StringValue": "o-1"}}
    with pytest.raises(SQSError) as e:
        svc.send_message(QueueUrl=url, MessageBody="x" * 1_048_570, MessageAttributes=attr)
    assert answer("03", "size-with-attribute").startswith(f"Refused with {e.value.query_code}")
    svc.send_message(QueueUrl=url, MessageBody="x" * 1_048_560, MessageAttributes=attr)


def test_04_attributes_only_when_asked_and_at_most_ten(svc):
    url = svc.create_queue(QueueName="orders")["QueueUrl"]
    svc.send_message(QueueUrl=url, MessageBody="b", MessageAttributes={
        "OrderId": {"DataType": "String", "StringValue": "o-1"}})
    [m] = svc.receive_message(QueueUrl=url, VisibilityTimeout=0)["Messages"]
    assert "MessageAttributes" not in m
    assert answer("04", "attributes-unasked").startswith("No")
    eleven = {f"F{n}": {"DataType": "String", "StringValue": "x"} for n in range(11)}
    with pytest.raises(SQSError) as e:
        svc.send_message(QueueUrl=url, MessageBody="b", MessageAttributes=eleven)
    assert answer("04", "eleven-attributes") == e.value.query_code
    assert sum(counts(svc, url).values()) == 1, "the refused send stored nothing"


def test_05_max_eleven_three_polls_and_no_delete(svc):
    url = svc.create_queue(QueueName="orders")["QueueUrl"]
    with pytest.raises(SQSError) as e:
        svc.receive_message(QueueUrl=url, MaxNumberOfMessages=11)
    assert answer("05", "max-eleven") == e.value.query_code
    for n in range(25):
        svc.send_message(QueueUrl=url, MessageBody=json.dumps({"order_id": f"o-{n}"}))
    sizes = [len(svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []))
             for _ in range(3)]
    assert answer("05", "three-polls") == f"{sizes[0]}, {sizes[1]} and {sizes[2]} messages"


def test_05_forgotten_delete_doubles_the_rows():
    clock = VirtualClock()
    svc = QueueService(clock=clock)
    url = svc.create_queue(QueueName="orders")["QueueUrl"]
    for n in range(5):
        svc.send_message(QueueUrl=url, MessageBody=f"o-{n}")
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE orders (order_id TEXT)")
    for _ in range(2):
        for m in svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
            db.execute("INSERT INTO orders VALUES (?)", (m["Body"],))
        clock.advance(31)
    rows = db.execute("SELECT COUNT(*) FROM orders").fetchone()[0]
    assert answer("05", "no-delete") == str(rows)


def test_06_slow_consumer_old_handle_and_change_visibility():
    clock = VirtualClock()
    svc = QueueService(clock=clock)
    url = svc.create_queue(QueueName="orders")["QueueUrl"]
    svc.send_message(QueueUrl=url, MessageBody="order-3")
    [b] = svc.receive_message(QueueUrl=url)["Messages"]
    clock.advance(31)
    [c] = svc.receive_message(QueueUrl=url)["Messages"]               # visible again: C gets it
    assert answer("06", "slow-consumer").startswith("The message is visible again")
    svc.delete_message(QueueUrl=url, ReceiptHandle=b["ReceiptHandle"])  # B's old handle: no error
    assert counts(svc, url)["in flight"] == 1
    assert answer("06", "old-handle").startswith("The call succeeds and removes nothing")
    svc.delete_message(QueueUrl=url, ReceiptHandle=c["ReceiptHandle"])
    assert sum(counts(svc, url).values()) == 0

    svc.send_message(QueueUrl=url, MessageBody="order-7")
    start = clock.now()
    [m] = svc.receive_message(QueueUrl=url)["Messages"]
    clock.advance(20)
    svc.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"], VisibilityTimeout=60)
    while not svc.receive_message(QueueUrl=url).get("Messages"):
        clock.advance(1)
    assert answer("06", "change-visibility") == f"At t = {clock.now() - start:.0f} s"


def test_06_idempotent_rows():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE shipments (order_id TEXT PRIMARY KEY)")
    deliveries = ["order-1", "order-2", "order-5", "order-6", "order-3", "order-4", "order-3", "order-4"]
    for body in deliveries:
        db.execute("INSERT OR IGNORE INTO shipments VALUES (?)", (body,))
    assert answer("06", "idempotent-rows") == str(db.execute("SELECT COUNT(*) FROM shipments").fetchone()[0])


def test_07_alarm_target_and_consumers():
    from toyqueue.sim.asg import Alarm
    alarm = Alarm(threshold=1000, evaluation_periods=2)
    first = next(v for v in [200, 1200, 1500, 2500, 900] if alarm.observe(v))
    assert answer("07", "alarm-datapoints") == str(first)
    assert answer("07", "backlog-target") == f"{10 / 0.1:.0f}"
    assert answer("07", "metric-name") == "ApproximateNumberOfMessagesVisible"

    clock = VirtualClock()
    svc = QueueService(clock=clock)
    url = svc.create_queue(QueueName="orders")["QueueUrl"]
    for n in range(120):
        svc.send_message(QueueUrl=url, MessageBody=f"order-{n}")
    start = clock.now()
    while in_hand := [svc.receive_message(QueueUrl=url).get("Messages", []) for _ in range(8)]:
        if not any(in_hand):
            break
        clock.advance(2)
        for got in in_hand:
            for m in got:
                svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    assert answer("07", "eight-consumers") == f"{clock.now() - start:.0f} s"


def test_08_tiers():
    from toyqueue.sim.tiers import simulate
    big, small = simulate(duration=3 * 3600), simulate(duration=3 * 3600, gpu_max=5)
    assert small.web_in_service == big.web_in_service and small.accepted == big.accepted
    assert answer("08", "cap-gpu").startswith("Nothing")
    tripled = simulate(spike_rate=3000)
    assert sum(tripled.rejected) > 1000 and max(tripled.depth) > 0
    assert answer("08", "lost-where").startswith("The web tier")


def test_09_policies():
    from toyqueue.policy import decide, evaluate
    arn = "arn:aws:sqs:us-east-1:000000000000:payments"
    rule = "arn:aws:events:us-east-1:000000000000:rule/nightly-settlement"
    policy = {"Statement": [
        {"Sid": "Fraud", "Effect": "Allow", "Principal": {"AWS": "999988887777"},
         "Action": "sqs:ReceiveMessage", "Resource": arn},
        {"Sid": "Rule", "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
         "Action": "sqs:SendMessage", "Resource": arn, "Condition": {"ArnEquals": {"aws:SourceArn": rule}}},
        {"Sid": "NobodyPurges", "Effect": "Deny", "Principal": "*", "Action": "sqs:PurgeQueue", "Resource": arn}]}
    admin = {"AWS": "arn:aws:iam::000000000000:role/admin"}
    allow_all = {"Statement": [{"Effect": "Allow", "Action": "sqs:*", "Resource": "*"}]}
    got = decide(admin, "sqs:PurgeQueue", arn, queue_policy=policy, iam_policy=allow_all)
    assert answer("09", "explicit-deny") == f"{got.effect} ({got.sid.removeprefix('queue: ')})."
    fraud = {"AWS": "arn:aws:iam::999988887777:role/fraud-checker"}
    assert decide(fraud, "sqs:ReceiveMessage", arn, queue_policy=policy,
                  iam_policy={"Statement": []}).effect == "implicit deny"
    assert answer("09", "cross-account").startswith("No: implicit deny")
    events = {"Service": "events.amazonaws.com"}
    other_rule = {"aws:SourceArn": rule.replace("000000000000", "444455556666")}
    without = {"Statement": [dict(policy["Statement"][1], Condition={})]}
    assert evaluate(policy, events, "sqs:SendMessage", arn, other_rule).effect == "implicit deny"
    assert evaluate(without, events, "sqs:SendMessage", arn, other_rule).effect == "Allow"
    assert answer("09", "source-arn").startswith("Without it, anyone's EventBridge rule")


def test_10_fifo_dlq_long_poll_delay_and_batch():
    clock = VirtualClock()
    svc = QueueService(clock=clock)
    fifo = svc.create_queue(QueueName="o.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    for group, body in [("A", "A1"), ("A", "A2"), ("B", "B1")]:
        svc.send_message(QueueUrl=fifo, MessageBody=body, MessageGroupId=group, MessageDeduplicationId=body)
    assert [m["Body"] for m in svc.receive_message(QueueUrl=fifo)["Messages"]] == ["A1"]
    second = [m["Body"] for m in svc.receive_message(QueueUrl=fifo, MaxNumberOfMessages=10)["Messages"]]
    assert second == [answer("10", "fifo-blocking")]

    window = svc.create_queue(QueueName="w.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    for wait in (0, 301):
        clock.advance(wait)
        svc.send_message(QueueUrl=window, MessageBody="x", MessageGroupId="g", MessageDeduplicationId="same")
    assert answer("10", "dedup-window") == str(counts(svc, window)["visible"])

    dlq = svc.create_queue(QueueName="dlq")["QueueUrl"]
    dlq_arn = svc.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    src = svc.create_queue(QueueName="src", Attributes={"RedrivePolicy": json.dumps(
        {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 3})})["QueueUrl"]
    svc.send_message(QueueUrl=src, MessageBody="poison")
    returned = [bool(svc.receive_message(QueueUrl=src, VisibilityTimeout=0).get("Messages")) for _ in range(4)]
    assert returned == [True, True, True, False] and counts(svc, dlq)["visible"] == 1
    assert answer("10", "dlq-move").startswith("On the 4th receive")

    poll = svc.create_queue(QueueName="poll")["QueueUrl"]
    svc.send_message(QueueUrl=poll, MessageBody="late", DelaySeconds=5)
    start = clock.now()
    assert svc.receive_message(QueueUrl=poll, WaitTimeSeconds=20)["Messages"]
    assert answer("10", "long-poll") == f"After {clock.now() - start:.0f} s, with the message."

    with pytest.raises(SQSError) as e:
        svc.send_message(QueueUrl=poll, MessageBody="x", DelaySeconds=901)
    assert answer("10", "delay-901") == e.value.query_code

    entries = [{"Id": str(i), "MessageBody": "ok"} for i in range(9)] + [{"Id": "bad", "MessageBody": "\x00"}]
    r = svc.send_message_batch(QueueUrl=poll, Entries=entries)
    assert answer("10", "batch-partial") == \
        f"HTTP 200, with {len(r['Successful'])} entries under Successful and {len(r['Failed'])} under Failed."


# --- the realistic toy (toyqueue/realistic.py): answers checked with the lessons' seeds ------

def realistic_service(seed):
    return QueueService(clock=VirtualClock(), realistic=True, seed=seed)


def test_06_one_consumer_gets_a_later_order_first_on_the_realistic_toy():
    def one_at_a_time(svc):
        url = svc.create_queue(QueueName="orders-ordered")["QueueUrl"]
        for i in range(1, 7):
            svc.send_message(QueueUrl=url, MessageBody=f"order-{i}")
        out = []
        while got := svc.receive_message(QueueUrl=url).get("Messages"):
            out.append(int(got[0]["Body"].split("-")[1]))
            svc.delete_message(QueueUrl=url, ReceiptHandle=got[0]["ReceiptHandle"])
        return out

    assert one_at_a_time(QueueService(clock=VirtualClock())) == [1, 2, 3, 4, 5, 6]
    shuffled = one_at_a_time(realistic_service(seed=5))
    assert sorted(shuffled) == [1, 2, 3, 4, 5, 6] and shuffled != sorted(shuffled)
    assert shuffled.index(5) < shuffled.index(2)
    assert answer("06", "one-consumer-order").startswith("Usually, but not always")


def test_06_a_fast_consumer_still_receives_a_deleted_message_and_idempotence_absorbs_it():
    svc = realistic_service(seed=7)
    url = svc.create_queue(QueueName="orders")["QueueUrl"]
    for start in range(0, 200, 10):
        svc.send_message_batch(QueueUrl=url, Entries=[
            {"Id": str(i), "MessageBody": f"order-{start + i + 1}"} for i in range(10)])
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE shipments (order_id TEXT PRIMARY KEY)")
    deliveries, deleted_at, back = 0, {}, []
    for second in range(60):
        for m in svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", []):
            deliveries += 1
            if m["Body"] in deleted_at:
                back.append((m["Body"], second - deleted_at[m["Body"]]))
            db.execute("INSERT OR IGNORE INTO shipments VALUES (?)", (m["Body"],))
            svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])   # at once
            deleted_at.setdefault(m["Body"], second)
        svc.clock.advance(1)
    assert back and all(after >= 30 for _, after in back)     # back after the deleted receive's timeout
    assert deliveries == 200 + len(back) == 204
    assert sum(svc.queue(url).counts().values()) == 0
    assert db.execute("SELECT COUNT(*) FROM shipments").fetchone()[0] == 200
    q = next(q for q in QUIZZES["06"] if q.id == "fast-duplicate")
    right, why = q.choices[q.answer]
    assert right.startswith("Yes, rarely") and f"{deliveries} deliveries for 200 orders" in why


def test_07_the_alarm_on_a_lagging_count_fires_a_minute_late():
    from toyqueue.sim.asg import Alarm
    from toyqueue.sim.backlog import make_backlog

    def first_alarm(svc):
        backlog, alarm = make_backlog("toy", service=svc), Alarm(threshold=500, evaluation_periods=2)
        alarm.observe(backlog.visible(t=540))
        backlog.put(1000, t=570)
        return next(minute for minute in range(10, 20) if alarm.observe(backlog.visible(t=minute * 60)))

    assert first_alarm(QueueService(clock=VirtualClock())) == 11
    assert answer("07", "lagging-alarm") == f"From minute {first_alarm(realistic_service(seed=7))}."


def test_10_a_short_poll_comes_back_empty_from_a_non_empty_queue_and_long_polls_do_not():
    svc = realistic_service(seed=7)
    url = svc.create_queue(QueueName="greetings")["QueueUrl"]
    svc.send_message(QueueUrl=url, MessageBody="hello")
    q = svc.queue(url)
    [hello] = q.messages()
    short = []
    for _ in range(10):
        got = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0)
        short.append((bool(got.get("Messages")), set(q.last_sample) & set(q.copies(hello))))
    assert [n for n, (got, _) in enumerate(short, 1) if not got] == [4]
    assert all(got == bool(asked_a_copy) for got, asked_a_copy in short)
    assert q.counts()["visible"] == 1
    long = [svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0,
                                WaitTimeSeconds=20).get("Messages", []) for _ in range(10)]
    assert all(long)
    assert answer("10", "false-empty").startswith("The poll asked only servers that hold no copy")


def test_10_long_polls_make_a_tenth_of_the_requests_of_short_polls():
    def requests(wait):
        svc = realistic_service(seed=7)
        url = svc.create_queue(QueueName="trickle")["QueueUrl"]
        for k in range(60):
            svc.send_message(QueueUrl=url, MessageBody=f"order-{k + 1}", DelaySeconds=10 * k)
        start, n, received = svc.clock.now(), 0, set()
        while svc.clock.now() - start < 620:
            got = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                                      WaitTimeSeconds=wait).get("Messages", [])
            n += 1
            for m in got:
                received.add(m["Body"])
                svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
            if not wait:
                svc.clock.advance(1)
        assert len(received) == 60
        return n

    short, long = requests(0), requests(20)
    assert short == 620
    assert answer("10", "poll-cost").startswith(f"About {long}:")
