"""toyqueue.counts: the lessons' one way to read a queue's message counts."""
from toyqueue.counts import counts


def test_counts_follow_a_message_through_delay_visible_in_flight_and_delete(svc, url, clock):
    svc.send_message(QueueUrl=url, MessageBody="later", DelaySeconds=5)
    svc.send_message(QueueUrl=url, MessageBody="now")
    assert counts(svc, url) == {"visible": 1, "in flight": 0, "delayed": 1}
    [m] = svc.receive_message(QueueUrl=url)["Messages"]
    assert counts(svc, url) == {"visible": 0, "in flight": 1, "delayed": 1}
    clock.advance(5)
    assert counts(svc, url) == {"visible": 1, "in flight": 1, "delayed": 0}
    svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    assert counts(svc, url) == {"visible": 1, "in flight": 0, "delayed": 0}


def test_counts_ask_only_for_the_three_attributes(url, svc):
    asked = []

    class Spy:
        def get_queue_attributes(self, **kw):
            asked.append(kw["AttributeNames"])
            return svc.get_queue_attributes(**kw)

    counts(Spy(), url)
    assert asked == [["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
                      "ApproximateNumberOfMessagesDelayed"]]
