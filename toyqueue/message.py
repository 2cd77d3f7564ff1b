"""The Message record: what a queue holds for each message.

A message is in one of four places: ``DELAYED`` (sent with a delay, not yet visible),
``VISIBLE`` (waiting to be received), ``INFLIGHT`` (received, hidden until its visibility
timeout ends) or ``GONE`` (deleted, expired, purged or moved to a dead-letter queue).
Queues keep lazy indexes (a deque, a heap) that may still point at a message after it
moved on; the ``status`` field is the truth, and stale index entries are skipped.
"""

DELAYED, VISIBLE, INFLIGHT, GONE = "delayed", "visible", "inflight", "gone"


class Message:
    __slots__ = ("message_id", "body", "sent_at", "visible_at", "status", "receive_count",
                 "first_received_at", "received_at", "receipt", "group_id", "attributes",
                 "info")

    def __init__(self, message_id, body, sent_at, visible_at, status,
                 group_id=None, attributes=None, info=None):
        self.message_id = message_id
        self.body = body
        self.sent_at = sent_at              # epoch seconds from the queue's clock
        self.visible_at = visible_at        # when a delayed or in-flight message shows again
        self.status = status
        self.receive_count = 0              # ApproximateReceiveCount
        self.first_received_at = None       # ApproximateFirstReceiveTimestamp
        self.received_at = None             # latest receive (the 12 h visibility limit)
        self.receipt = None                 # the receipt handle of the latest receive
        self.group_id = group_id            # MessageGroupId (FIFO, or fair standard queues)
        self.attributes = attributes        # MessageAttributes as sent (dict) or None
        self.info = info                    # rarer system attributes (trace, FIFO sequence number and
                                            # dedup id, dead-letter source ARN): None when none, to stay small

    def state(self, now):
        """Where the message is at time ``now``: "delayed", "visible", "inflight" or "gone"."""
        if self.status in (DELAYED, INFLIGHT) and self.visible_at <= now:
            return VISIBLE
        return self.status

    def __repr__(self):
        return (f"Message({self.message_id!r}, body={self.body[:30]!r}, status={self.status!r}, "
                f"receive_count={self.receive_count})")
