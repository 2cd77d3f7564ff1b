"""Record what producers and consumers did, then check it (like Jepsen's total-queue checker).

A queue promises things a test can only see from outside: every message sent is received
(at least once), nothing is received that was never sent, a deleted message stays deleted,
a message in flight stays hidden until its visibility timeout ends, and on FIFO queues order
holds within a group and duplicates are dropped inside the 5-minute window. A ``History``
collects operations with their start and end times; ``check`` reads them and reports.

    h = History(clock)                          # the clock the service uses (default: real)
    client = h.wrap(svc, process="consumer-1")  # records send/receive/delete/... calls
    ...
    report = check(h)                           # report.valid, report.lost, report.duplicates
    print(report)

Every operation has an interval [start, end]: a check only blames the queue when the
order of events is certain whatever happened inside those intervals.
Duplicates (a message received again after its timeout) are normal for SQS: they are
counted, not failed.
"""
import hashlib
import itertools
import threading
from dataclasses import dataclass, field

from .clock import RealClock
from .errors import SQSError

INF = float("inf")
NEVER = (INF, 0)


def _after(a, b, slack):
    """Is event key ``a`` certainly later than ``b`` (allowing ``slack`` seconds of jitter)?"""
    return a[0] - slack > b[0] or (a[0] - slack == b[0] and (a[1] or 0) > (b[1] or 0))


@dataclass
class Op:
    """One recorded operation. ``ok`` is True (done), False (definitely not done) or None
    (unknown, e.g. the connection dropped): Jepsen's ok / fail / info."""
    kind: str                          # "send" | "receive" | "delete" | "visibility"
    start: float
    end: float = None
    ok: bool = True
    process: str = None
    message_id: str = None
    body: str = None
    receipt_handle: str = None
    group_id: str = None
    dedup_id: str = None
    sequence_number: str = None
    visibility_timeout: float = None   # receive: the timeout in force; visibility: the new one
    batch: int = None                  # receives returned by the same call share a batch number
    index: int = None                  # position within that batch
    error: str = None
    start_seq: int = None              # tie-breakers: the order in which starts and ends were
    end_seq: int = None                # recorded, for events at the same (virtual) time

    def starts(self):
        return (self.start, self.start_seq)

    def ends(self):
        return (self.end, self.end_seq)


class History:
    """A thread-safe list of operations, each with a start and an end time."""

    def __init__(self, clock=None):
        self.clock = clock or RealClock()
        self.ops = []
        self._lock = threading.Lock()
        self._batches = 0
        self._seq = itertools.count()

    def tick(self):
        """A sequence number: taken when a call starts, so equal times still order events."""
        return next(self._seq)

    def __len__(self):
        return len(self.ops)

    def add(self, op):
        with self._lock:
            if op.start_seq is None:
                op.start_seq = next(self._seq)
            op.end_seq = next(self._seq)
            self.ops.append(op)
        return op

    def _times(self, start, end):
        now = self.clock.now()
        return (now if start is None else start), (now if end is None else end)

    # ------------------------------------------------------------- manual recording
    def send(self, message_id, body, *, ok=True, group_id=None, dedup_id=None,
             sequence_number=None, process=None, start=None, end=None, seq=None):
        s, e = self._times(start, end)
        return self.add(Op("send", s, e, ok, process, message_id, body, group_id=group_id,
                           dedup_id=dedup_id, sequence_number=sequence_number, start_seq=seq))

    def receive(self, message_id, body, receipt_handle, visibility_timeout, *, process=None,
                start=None, end=None, batch=None, index=0, seq=None):
        s, e = self._times(start, end)
        if batch is None:
            batch = self.new_batch()
        return self.add(Op("receive", s, e, True, process, message_id, body, receipt_handle,
                           visibility_timeout=visibility_timeout, batch=batch, index=index, start_seq=seq))

    def delete(self, receipt_handle, *, ok=True, process=None, start=None, end=None, seq=None):
        s, e = self._times(start, end)
        return self.add(Op("delete", s, e, ok, process, receipt_handle=receipt_handle, start_seq=seq))

    def change_visibility(self, receipt_handle, visibility_timeout, *, ok=True, process=None,
                          start=None, end=None, seq=None):
        s, e = self._times(start, end)
        return self.add(Op("visibility", s, e, ok, process, receipt_handle=receipt_handle,
                           visibility_timeout=visibility_timeout, start_seq=seq))

    def new_batch(self):
        with self._lock:
            self._batches += 1
            return self._batches

    # ------------------------------------------------------------ automatic recording
    def wrap(self, client, process=None):
        """A proxy for a QueueService or boto3 SQS client that records its calls here."""
        return Recorder(self, client, process)


def _outcome(exc):
    """False when the error proves the request was refused; None when it may have happened."""
    if isinstance(exc, SQSError) or type(exc).__name__ == "ClientError":
        return False
    return None


class Recorder:
    """Records send/receive/delete/visibility calls made through it; passes the rest on."""

    def __init__(self, history, client, process=None):
        self._h, self._client, self._process = history, client, process
        self._timeouts = {}

    def __getattr__(self, name):
        return getattr(self._client, name)

    def _now(self):
        return self._h.clock.now()

    def _start(self):
        return self._h.clock.now(), self._h.tick()

    def _queue_timeout(self, url):
        if url not in self._timeouts:
            try:
                a = self._client.get_queue_attributes(QueueUrl=url, AttributeNames=["VisibilityTimeout"])
                self._timeouts[url] = float(a["Attributes"]["VisibilityTimeout"])
            except Exception:
                self._timeouts[url] = 30.0
        return self._timeouts[url]

    def set_queue_attributes(self, **kw):
        self._timeouts.pop(kw.get("QueueUrl"), None)     # the queue's timeout may change
        return self._client.set_queue_attributes(**kw)

    def _sent(self, entry, message_id, start, end, seq, ok=True, sequence_number=None):
        """Record one send; `entry` is the call's keywords or one batch entry (same keys)."""
        self._h.send(message_id, entry.get("MessageBody"), ok=ok, group_id=entry.get("MessageGroupId"),
                     dedup_id=entry.get("MessageDeduplicationId"), sequence_number=sequence_number,
                     process=self._process, start=start, end=end, seq=seq)

    def _deleted(self, receipt_handle, start, end, seq, ok=True):
        self._h.delete(receipt_handle, ok=ok, process=self._process, start=start, end=end, seq=seq)

    def send_message(self, **kw):
        start, seq = self._start()
        try:
            r = self._client.send_message(**kw)
        except Exception as e:
            self._sent(kw, None, start, self._now(), seq, ok=_outcome(e))
            raise
        self._sent(kw, r["MessageId"], start, self._now(), seq, sequence_number=r.get("SequenceNumber"))
        return r

    def send_message_batch(self, **kw):
        start, seq = self._start()
        entries = {e["Id"]: e for e in kw.get("Entries", [])}
        try:
            r = self._client.send_message_batch(**kw)
        except Exception as e:
            for entry in entries.values():
                self._sent(entry, None, start, self._now(), seq, ok=_outcome(e))
            raise
        end = self._now()
        for s in r.get("Successful", []):
            self._sent(entries[s["Id"]], s["MessageId"], start, end, seq,
                       sequence_number=s.get("SequenceNumber"))
        for f in r.get("Failed", []):
            self._sent(entries[f["Id"]], None, start, end, seq, ok=False)
        return r

    def receive_message(self, **kw):
        vt = kw.get("VisibilityTimeout")
        if vt is None:
            vt = self._queue_timeout(kw.get("QueueUrl"))
        start, seq = self._start()
        r = self._client.receive_message(**kw)
        end = self._now()
        batch = self._h.new_batch()
        for i, m in enumerate(r.get("Messages", [])):
            self._h.receive(m["MessageId"], m["Body"], m["ReceiptHandle"], vt, process=self._process,
                            start=start, end=end, batch=batch, index=i, seq=seq)
        return r

    def delete_message(self, **kw):
        start, seq = self._start()
        try:
            r = self._client.delete_message(**kw)
        except Exception as e:
            self._deleted(kw.get("ReceiptHandle"), start, self._now(), seq, ok=_outcome(e))
            raise
        self._deleted(kw.get("ReceiptHandle"), start, self._now(), seq)
        return r

    def delete_message_batch(self, **kw):
        start, seq = self._start()
        entries = {e["Id"]: e for e in kw.get("Entries", [])}
        try:
            r = self._client.delete_message_batch(**kw)
        except Exception as e:
            for entry in entries.values():
                self._deleted(entry.get("ReceiptHandle"), start, self._now(), seq, ok=_outcome(e))
            raise
        end = self._now()
        for s in r.get("Successful", []):
            self._deleted(entries[s["Id"]]["ReceiptHandle"], start, end, seq)
        for f in r.get("Failed", []):
            self._deleted(entries[f["Id"]]["ReceiptHandle"], start, end, seq, ok=False)
        return r

    def change_message_visibility(self, **kw):
        start, seq = self._start()
        try:
            r = self._client.change_message_visibility(**kw)
        except Exception as e:
            self._h.change_visibility(kw.get("ReceiptHandle"), kw.get("VisibilityTimeout"), ok=_outcome(e),
                                      process=self._process, start=start, end=self._now(), seq=seq)
            raise
        self._h.change_visibility(kw.get("ReceiptHandle"), kw.get("VisibilityTimeout"),
                                  process=self._process, start=start, end=self._now(), seq=seq)
        return r

    def change_message_visibility_batch(self, **kw):
        start, seq = self._start()
        entries = {e["Id"]: e for e in kw.get("Entries", [])}
        r = self._client.change_message_visibility_batch(**kw)
        end = self._now()
        failed = {f["Id"] for f in r.get("Failed", [])}
        for i, e in entries.items():
            self._h.change_visibility(e["ReceiptHandle"], e.get("VisibilityTimeout"), ok=i not in failed,
                                      process=self._process, start=start, end=end, seq=seq)
        return r


# ----------------------------------------------------------------------------- check
@dataclass
class Report:
    """What ``check`` found. ``valid`` is False if anything but duplicates went wrong."""
    attempted: int = 0                 # send operations (ok, failed or unknown)
    sent: int = 0                      # distinct message ids acknowledged by a send
    received: int = 0                  # distinct message ids received
    deliveries: int = 0                # receive records (one per message per receive)
    lost: list = field(default_factory=list)          # ids sent, never received
    unexpected: list = field(default_factory=list)    # receives of something never sent
    duplicates: dict = field(default_factory=dict)    # id -> times received (when > 1)
    recovered: list = field(default_factory=list)     # sends of unknown outcome that arrived
    early: list = field(default_factory=list)         # received again while still in flight
    after_delete: list = field(default_factory=list)  # received after a successful delete
    order: list = field(default_factory=list)         # FIFO order broken within a group
    dedup: list = field(default_factory=list)         # a duplicate send inside the window got through

    @property
    def valid(self):
        return not (self.lost or self.unexpected or self.early or self.after_delete
                    or self.order or self.dedup)

    @property
    def duplicated(self):
        """How many deliveries were extra (a message delivered 3 times counts 2)."""
        return sum(n - 1 for n in self.duplicates.values())

    def summary(self):
        lines = [f"{'VALID' if self.valid else 'INVALID'}: {self.sent} sent, {self.received} received "
                 f"({self.deliveries} deliveries, {len(self.duplicates)} messages duplicated, "
                 f"{self.duplicated} extra deliveries)"]
        for name in ("lost", "unexpected", "recovered", "early", "after_delete", "order", "dedup"):
            items = getattr(self, name)
            if items:
                lines.append(f"  {name}: {len(items)}  e.g. {items[0]}")
        return "\n".join(lines)

    __str__ = summary


def check(history, *, complete=True, dedup_window=300.0, content_based=False,
          dedup_scope="queue", slack=0.0):
    """Check a History (or a list of Op).

    complete: the consumers drained the queue at the end, so an acknowledged message that
      was never received is *lost*. Pass False for a history cut off mid-way.
    dedup_window, content_based, dedup_scope: the FIFO queue's deduplication settings
      (content_based: a send without MessageDeduplicationId uses SHA-256 of the body).
    slack: seconds of tolerance for timing checks (clock jitter between client and queue).
    The FIFO order check runs for messages whose send recorded a SequenceNumber.
    """
    ops = list(history.ops if isinstance(history, History) else history)
    r = Report()
    sends = [o for o in ops if o.kind == "send"]
    receives = sorted((o for o in ops if o.kind == "receive"),
                      key=lambda o: (o.start, o.start_seq or 0, o.index or 0))
    r.attempted = len(sends)

    sent = {}                                  # message id -> first ok send
    unknown_bodies, failed_bodies = {}, {}
    for s in sends:
        if s.ok and s.message_id is not None:
            sent.setdefault(s.message_id, s)
        elif s.ok is None:
            unknown_bodies.setdefault(s.body, s)
        else:
            failed_bodies.setdefault(s.body, s)
    r.sent = len(sent)

    by_message, by_handle = {}, {}
    for rec in receives:
        by_message.setdefault(rec.message_id, []).append(rec)
        by_handle[rec.receipt_handle] = rec
    r.deliveries = len(receives)
    r.received = len(by_message)
    for mid, recs in by_message.items():
        if len(recs) > 1:
            r.duplicates[mid] = len(recs)
        if mid not in sent:
            if recs[0].body in unknown_bodies:
                r.recovered.append(mid)
            else:
                r.unexpected.append({"message_id": mid, "body": recs[0].body, "at": recs[0].end})
    if complete:
        r.lost = [mid for mid in sent if mid not in by_message]

    # Visibility changes, by the message whose handle (latest or older) they used.
    changes = {}
    for o in ops:
        if o.kind == "visibility" and o.ok and o.receipt_handle in by_handle:
            changes.setdefault(by_handle[o.receipt_handle].message_id, []).append(o)

    # Deletes that certainly removed the message: made with the newest handle, and no other
    # receive of that message could have slipped in between.
    # (Events are compared as (time, sequence) pairs, so equal virtual times still order.)
    deleted_at = {}                            # message id -> earliest certain delete end
    delete_start = {}                          # message id -> earliest successful delete start
    for o in ops:
        if o.kind != "delete" or not o.ok or o.receipt_handle not in by_handle:
            continue
        rec = by_handle[o.receipt_handle]
        mid = rec.message_id
        delete_start[mid] = min(delete_start.get(mid, NEVER), o.starts())
        rivals = [x for x in by_message[mid]
                  if x is not rec and x.starts() < o.ends() and x.ends() > rec.starts()]
        if not rivals:
            deleted_at[mid] = min(deleted_at.get(mid, NEVER), o.ends())

    for mid, recs in by_message.items():
        done = deleted_at.get(mid)
        for i, rec in enumerate(recs):
            if done is not None and _after(rec.starts(), done, slack):
                r.after_delete.append({"message_id": mid, "deleted_by": done[0], "received_at": rec.start})
            if i == 0:
                continue
            prev = recs[i - 1]
            if prev.visibility_timeout is None:
                continue
            # A successful change hides the message again only while it is still hidden:
            # SQS accepts a change after the timeout ended and leaves the message visible.
            hidden_until = prev.start + prev.visibility_timeout
            for c in sorted(changes.get(mid, []), key=Op.starts):
                if (_after(c.starts(), prev.starts(), 0) and _after(rec.starts(), c.ends(), 0)
                        and c.start < hidden_until):
                    hidden_until = c.start + c.visibility_timeout
            # Receives that overlap in time may have handed the message out in either order;
            # early only if it is early both ways round.
            overlap = _after(prev.ends(), rec.starts(), 0) and rec.visibility_timeout is not None
            if rec.end + slack < hidden_until and not (
                    overlap and prev.end + slack >= rec.start + rec.visibility_timeout):
                r.early.append({"message_id": mid, "hidden_until": hidden_until, "received_at": rec.end})

    _check_fifo_order(r, sent, receives, delete_start)
    _check_dedup(r, sends, dedup_window, content_based, dedup_scope)
    return r


def _check_fifo_order(r, sent, receives, delete_start):
    """Within a group, a message may be handed out only when every earlier message of the
    group is deleted, or comes earlier in the same receive."""
    groups = {}
    for mid, s in sent.items():
        if s.group_id is not None and s.sequence_number is not None:
            groups.setdefault(s.group_id, []).append((int(s.sequence_number), mid))
    position = {}
    for gid, members in groups.items():
        members.sort()
        ids = [mid for _, mid in members]
        prefix, worst = [], (-INF, 0)
        for mid in ids:
            worst = max(worst, delete_start.get(mid, NEVER))
            prefix.append(worst)
        for k, mid in enumerate(ids):
            position[mid] = (gid, k, ids, prefix)
    batches = {}
    for rec in receives:
        batches.setdefault(rec.batch, []).append(rec)
    for rec in receives:
        if rec.message_id not in position:
            continue
        gid, k, ids, prefix = position[rec.message_id]
        if k == 0 or prefix[k - 1] < rec.ends():
            continue
        earlier_in_batch = {x.message_id for x in batches[rec.batch] if (x.index or 0) < (rec.index or 0)}
        for j in range(k - 1, -1, -1):
            if prefix[j] < rec.ends():
                break
            if ids[j] not in earlier_in_batch and delete_start.get(ids[j], NEVER) >= rec.ends():
                r.order.append({"group_id": gid, "message_id": rec.message_id,
                                "before": ids[j], "received_at": rec.end})
                break


def _check_dedup(r, sends, window, content_based, scope):
    """Two sends with the same deduplication id inside the window must give one message."""
    keyed = {}
    for s in sends:
        if not s.ok or s.message_id is None or s.group_id is None or s.sequence_number is None:
            continue
        dedup = s.dedup_id
        if dedup is None and content_based:
            dedup = hashlib.sha256((s.body or "").encode("utf-8")).hexdigest()
        if dedup is None:
            continue
        key = (s.group_id, dedup) if scope == "messageGroup" else dedup
        keyed.setdefault(key, []).append(s)
    for key, group in keyed.items():
        group.sort(key=lambda s: s.start)
        first = group[0]
        for s in group[1:]:
            if s.start >= first.end + window:
                first = s                      # the window had certainly closed: a new message
            elif s.end <= first.start + window and s.message_id != first.message_id:
                r.dedup.append({"dedup_id": key, "first": first.message_id, "second": s.message_id,
                                "seconds_apart": s.start - first.start})
