"""Many producers and consumers on a RealClock, some consumers crashing (never deleting),
short visibility timeouts. The history checker must find nothing wrong; duplicates are
expected (at-least-once delivery) and printed."""
import random
import threading
import time

import pytest

from toyqueue import History, QueueService, RealClock, check

PRODUCERS, CONSUMERS, PER_PRODUCER = 3, 4, 200


def run(fifo, seed):
    clock = RealClock()
    svc = QueueService(clock=clock)
    h = History(clock)
    attrs = {"VisibilityTimeout": "1"}
    name = "stress"
    if fifo:
        attrs.update(FifoQueue="true", ContentBasedDeduplication="true")
        name += ".fifo"
    url = svc.create_queue(QueueName=name, Attributes=attrs)["QueueUrl"]
    producing = threading.Event()
    stop = threading.Event()
    errors = []

    def producer(p):
        c = h.wrap(svc, process=f"producer-{p}")
        rnd = random.Random(seed * 100 + p)
        i = 0
        while i < PER_PRODUCER:
            n = rnd.randint(1, 10)
            entries = [{"Id": str(k), "MessageBody": f"p{p}-{i + k}"} for k in range(min(n, PER_PRODUCER - i))]
            if fifo:
                for e in entries:
                    e["MessageGroupId"] = f"g{rnd.randrange(5)}"
            if len(entries) == 1:
                c.send_message(QueueUrl=url, **{k: v for k, v in entries[0].items() if k != "Id"})
            else:
                c.send_message_batch(QueueUrl=url, Entries=entries)
            i += len(entries)

    def consumer(k):
        c = h.wrap(svc, process=f"consumer-{k}")
        rnd = random.Random(seed * 1000 + k)
        crashy = k % 2 == 0                     # half the consumers "crash" now and then
        try:
            while not stop.is_set():
                msgs = c.receive_message(QueueUrl=url, MaxNumberOfMessages=rnd.randint(1, 10),
                                         WaitTimeSeconds=1).get("Messages", [])
                for m in msgs:
                    if crashy and rnd.random() < 0.3:
                        break                   # crashed: the rest of the batch is never deleted
                    if rnd.random() < 0.5:
                        c.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
                    else:
                        c.delete_message_batch(QueueUrl=url, Entries=[{"Id": "0", "ReceiptHandle": m["ReceiptHandle"]}])
        except Exception as e:                  # a failure must fail the test, not vanish
            errors.append(e)

    producers = [threading.Thread(target=producer, args=(p,)) for p in range(PRODUCERS)]
    consumers = [threading.Thread(target=consumer, args=(k,)) for k in range(CONSUMERS)]
    for t in producers + consumers:
        t.start()
    for t in producers:
        t.join()
    producing.set()
    q = svc.queue(url)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(q.counts(clock.now()).values()):
        time.sleep(0.05)
    stop.set()
    for t in consumers:
        t.join()
    assert not errors
    assert not any(q.counts(clock.now()).values())
    return check(h, slack=0.001)


@pytest.mark.slow
@pytest.mark.parametrize("fifo", [False, True], ids=["standard", "fifo"])
def test_stress_every_message_arrives_nothing_unknown_nothing_after_delete(fifo):
    report = run(fifo, seed=1)
    print(f"\n[{'fifo' if fifo else 'standard'}] {report}")
    assert report.sent == PRODUCERS * PER_PRODUCER
    assert report.lost == [] and report.unexpected == []
    assert report.after_delete == [] and report.early == []
    assert report.order == [] and report.dedup == []
    assert report.valid
    assert report.duplicated > 0                # crashing consumers caused redeliveries
