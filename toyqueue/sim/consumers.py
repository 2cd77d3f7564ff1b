"""Lesson 06: consumers (소비자) poll a real toy queue, process, delete - and sometimes get a duplicate.

    from toyqueue.sim.consumers import simulate
    run = simulate(messages=20, consumers=3, processing_time=4, visibility_timeout=10, seed=1)
    run.stats                  # {"deleted": 20, "duplicates": 0, "redelivered": 0, ...}
    run.events[:3]             # [Event(time=0.0, consumer=None, action='send', message='m1'), ...]
    run.frames[5].counts       # {"delayed": 0, "visible": 8, "inflight": 12, "deleted": 0, "dead": 0}
    run.frames[5].messages     # per-message state and visibility countdown (small runs only)

This is a discrete-event simulation on top of toyqueue.QueueService and a VirtualClock: every
receive, delete and redelivery really happens in the toy queue; the simulation only decides
when each consumer acts. A consumer polls for up to `batch` messages (ReceiveMessage,
MaxNumberOfMessages), works through them one by one for `processing_time` seconds each
(+/- `jitter`), and deletes each one when done. If it takes longer than the visibility timeout
the message becomes visible again and another consumer receives it too: a redelivered
duplicate (at-least-once delivery). With probability `failure_rate` a consumer crashes while
processing: it deletes nothing from that batch and restarts after `restart_time` seconds.
With `max_receive_count` set, the queue has a dead-letter queue (RedrivePolicy).
With `realistic=True` (or a dict of toyqueue.realistic.Realism knobs) the queue behaves like
distributed SQS: a short poll asks only some servers, order is best effort, and now and then a
delete misses a copy that comes back later. Each frame then also says which server holds a
copy of which message and which servers the latest short poll asked (`frame.servers`).

Consumers use short polls and wait `poll_interval` after an empty one: with a VirtualClock a
long poll would move the shared clock for everybody (see docs/design.md). Runs are
deterministic for a given `seed`. Big runs (10,000 messages) keep only lane counts per frame
(`messages` is None when there are more than `detail_limit` messages) and at most
`max_frames` frames, so a widget can step through them without drawing every message.
"""

import heapq
import json
import random
from dataclasses import dataclass, field

from toyqueue.i18n import tr   # what a consumer did is shown to the learner (QueueView)

LANES = ("delayed", "visible", "inflight", "deleted", "dead")


@dataclass(frozen=True)
class Event:
    time: float          # seconds since the start
    consumer: object     # consumer number (1..N), or None for the producer
    action: str          # send | poll | empty | receive | delete | crash | restart
    message: object      # "m7", or None
    detail: str = ""     # e.g. "receive #2" or "after its visibility timeout"
    deleted: object = None   # for a delete: did it remove the message? False when the receipt
                             # handle was an old one (another consumer received it since)
    servers: tuple = None    # realistic mode, poll/empty: the servers the short poll asked


@dataclass(frozen=True)
class MessageFrame:
    label: str
    state: str           # one of LANES
    countdown: float     # seconds until a delayed/in-flight message shows again (else 0)
    receive_count: int
    duplicate: bool      # received more than once
    ghost: bool = False  # realistic mode: deleted, but a copy on a server that was down lives on


@dataclass(frozen=True)
class ConsumerFrame:
    consumer: int
    state: str           # polling | processing | crashed | done
    message: object      # label being processed, or None
    progress: float      # 0..1 through the current message
    slow: bool
    last_action: str     # what it did since the previous frame, e.g. "deleted m3" (course language)


@dataclass(frozen=True)
class Frame:
    t: float
    counts: dict
    consumers: tuple
    messages: object     # tuple of MessageFrame, or None for an aggregated (big) run
    events: tuple        # (start, end) slice of ConsumerRun.events since the previous frame
    servers: object = None   # realistic mode: tuple of ServerFrame, one per server


@dataclass(frozen=True)
class ServerFrame:
    server: int          # numbered from 1
    copies: object       # labels of the messages it holds a copy of (None in a big run)
    count: int           # how many copies it holds
    sampled: bool        # asked by the latest short poll


@dataclass
class ConsumerRun:
    params: dict
    labels: list
    events: list = field(default_factory=list)
    frames: list = field(default_factory=list)
    stats: dict = field(default_factory=dict)
    processed: dict = field(default_factory=dict)   # label -> times its processing finished

    def summary(self):
        s = self.stats
        return tr("{messages} messages, {consumers} consumers: {deleted} deleted, {dead} dead-lettered, "
                  "{redelivered} redeliveries, {duplicates} processed twice or more, {crashes} crashes, "
                  "done at t = {end:g} s", consumers=self.params["consumers"],
                  **{k: s[k] for k in ("messages", "deleted", "dead", "redelivered", "duplicates",
                                       "crashes", "end")})


def simulate(messages=20, consumers=3, processing_time=4.0, visibility_timeout=30,
             failure_rate=0.0, slow_consumers=0, slow_factor=4.0, jitter=0.2, batch=10,
             poll_interval=1.0, restart_time=2.0, delay_seconds=0, delayed_share=0.0,
             send_rate=None, max_receive_count=None, seed=0, frame_dt=1.0, max_frames=600,
             detail_limit=120, max_time=3600.0, service=None, realistic=False):
    """Run the consumers until every message is deleted or dead-lettered (or `max_time`)."""
    from toyqueue import QueueService, VirtualClock

    if messages < 0 or consumers < 1 or not 1 <= batch <= 10:
        raise ValueError("need messages >= 0, consumers >= 1 and 1 <= batch <= 10")
    if not 0 <= failure_rate < 1:
        raise ValueError("failure_rate must be in [0, 1)")
    params = dict(messages=messages, consumers=consumers, processing_time=processing_time,
                  visibility_timeout=visibility_timeout, failure_rate=failure_rate,
                  slow_consumers=slow_consumers, slow_factor=slow_factor, jitter=jitter,
                  batch=batch, poll_interval=poll_interval, restart_time=restart_time,
                  delay_seconds=delay_seconds, delayed_share=delayed_share, send_rate=send_rate,
                  max_receive_count=max_receive_count, seed=seed, realistic=realistic)
    rng = random.Random(seed)
    clock = VirtualClock()
    svc = service or QueueService(clock=clock, realistic=realistic, seed=seed)
    clock = getattr(svc, "clock", clock)
    t0 = clock.now()

    attributes = {"VisibilityTimeout": str(visibility_timeout)}
    dlq_url = None
    if max_receive_count:
        dlq_url = svc.create_queue(QueueName="orders-dlq")["QueueUrl"]
        arn = svc.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])
        attributes["RedrivePolicy"] = json.dumps({
            "deadLetterTargetArn": arn["Attributes"]["QueueArn"],
            "maxReceiveCount": str(max_receive_count)})
    url = svc.create_queue(QueueName="orders", Attributes=attributes)["QueueUrl"]
    queue = svc.queue(url)
    dlq = svc.queue(dlq_url) if dlq_url else None
    servers = getattr(queue, "servers", None)     # a realistic queue shows its servers
    sampled = None                                # the latest short poll's servers

    labels = [f"m{i + 1}" for i in range(messages)]
    run = ConsumerRun(params=params, labels=labels)
    records = {}        # label -> the queue's Message record (to read its state for frames)
    label_of = {}       # message id -> label
    deleted = set()
    stats = dict(messages=messages, deleted=0, dead=0, receives=0, redelivered=0, duplicates=0,
                 polls=0, empty_polls=0, crashes=0, late_deletes=0, after_delete=0, end=0.0)

    heap, seq = [], 0

    def schedule(t, kind, who, payload=None):
        nonlocal seq
        heapq.heappush(heap, (t, seq, kind, who, payload))
        seq += 1

    def log(t, who, action, message=None, detail="", deleted=None):
        run.events.append(Event(round(t, 6), who, action, message, detail, deleted))

    # The producer (생산자): all at t = 0, or `send_rate` messages a second, in batches of 10.
    send_times = [0.0 if not send_rate else i / send_rate for i in range(messages)]
    delays = [delay_seconds if rng.random() < delayed_share else 0 for _ in range(messages)]
    i = 0
    while i < messages:
        j = i
        while j < messages and j - i < 10 and send_times[j] == send_times[i]:
            j += 1
        schedule(send_times[i], "send", None, (i, j))
        i = j

    slow = set(range(consumers - slow_consumers + 1, consumers + 1))
    workers = {c: dict(state="polling", message=None, start=0.0, end=0.0, batch=[], did=[])
               for c in range(1, consumers + 1)}
    for c in workers:
        schedule(0.0, "poll", c)

    def work_time(c):
        base = processing_time * (slow_factor if c in slow else 1.0)
        return base * (1 + rng.uniform(-jitter, jitter)) if jitter else base

    def start_next(c, t):
        w = workers[c]
        if w["batch"]:
            label = w["batch"][0][0]
            w.update(state="processing", message=label, start=t, end=t + work_time(c))
            schedule(w["end"], "done", c)
        else:
            w.update(state="polling", message=None)
            schedule(t, "poll", c)

    def lane_counts(now):
        c = queue.counts(now)
        counts = dict(delayed=c["delayed"], visible=c["visible"], inflight=c["inflight"],
                      deleted=len(deleted), dead=dlq_count())
        # Messages the producer has not sent yet are in no lane.
        return counts

    def dlq_count():
        if dlq is None:
            return 0
        c = dlq.counts(clock.now())
        return c["visible"] + c["inflight"] + c["delayed"]

    def message_frames(now):
        out = []
        for label in labels:
            m = records.get(label)
            if m is None:
                continue
            state = m.state(now)
            if state == "gone":
                state = "deleted" if label in deleted else "dead"
            countdown = max(0.0, m.visible_at - now) if state in ("delayed", "inflight") else 0.0
            out.append(MessageFrame(label, state, round(countdown, 3), m.receive_count,
                                    m.receive_count > 1, label in deleted and state != "deleted"))
        return tuple(out)

    def server_frames(now):
        asked = set(sampled or ())
        out = []
        for server, held in servers(now).items():
            labels = tuple(label_of.get(m.message_id, m.body) for m in held) if per_message else None
            out.append(ServerFrame(server, labels, len(held), server in asked))
        return tuple(out)

    per_message = messages <= detail_limit
    frame_dt_now = frame_dt
    next_frame = 0.0
    last_event_index = 0

    def snapshot(t):
        nonlocal last_event_index
        now = t0 + t
        clock.set(now)
        cons = []
        for c, w in workers.items():
            progress = 0.0
            if w["state"] == "processing" and w["end"] > w["start"]:
                progress = min(1.0, max(0.0, (t - w["start"]) / (w["end"] - w["start"])))
            cons.append(ConsumerFrame(c, w["state"], w["message"], round(progress, 3), c in slow,
                                      "; ".join(w["did"][-2:])))
            w["did"] = []
        run.frames.append(Frame(round(t, 6), lane_counts(now), tuple(cons),
                                message_frames(now) if per_message else None,
                                (last_event_index, len(run.events)),
                                server_frames(now) if servers else None))
        last_event_index = len(run.events)

    def finished():
        # (realistic mode: a copy that missed its delete may still come back)
        return stats["deleted"] + dlq_count() >= messages and sent_all and \
            not any(queue.counts(clock.now()).values())

    sent_all = messages == 0
    t = 0.0
    while heap:
        t, _, kind, who, payload = heapq.heappop(heap)
        if t > max_time:
            break
        while next_frame < t:
            snapshot(next_frame)
            next_frame += frame_dt_now
            if len(run.frames) >= max_frames:  # keep every other frame, twice the spacing
                run.frames = _thin(run.frames)
                frame_dt_now *= 2
                next_frame = run.frames[-1].t + frame_dt_now
                last_event_index = run.frames[-1].events[1]
        clock.set(t0 + t)
        if kind == "send":
            lo, hi = payload
            entries = [{"Id": str(k), "MessageBody": labels[k],
                        **({"DelaySeconds": delays[k]} if delays[k] else {})} for k in range(lo, hi)]
            r = svc.send_message_batch(QueueUrl=url, Entries=entries)
            for ok in r.get("Successful", []):
                label = labels[int(ok["Id"])]
                label_of[ok["MessageId"]] = label
                log(t, None, "send", label, "delayed" if delays[int(ok["Id"])] else "")
            if per_message:
                for m in queue.messages():
                    if m.message_id in label_of:
                        records.setdefault(label_of[m.message_id], m)
            sent_all = hi == messages
            continue
        w = workers[who]
        if kind == "poll":
            if finished():
                w.update(state="done", message=None)
                continue
            stats["polls"] += 1
            r = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=batch, WaitTimeSeconds=0,
                                    MessageSystemAttributeNames=["ApproximateReceiveCount"])
            got = r.get("Messages", [])
            if servers:
                sampled = queue.last_sample
            if not got:
                stats["empty_polls"] += 1
                run.events.append(Event(round(t, 6), who, "empty", None, servers=sampled))
                w.update(state="polling", message=None)
                schedule(t + poll_interval, "poll", who)
                continue
            run.events.append(Event(round(t, 6), who, "poll", None, f"{len(got)} received",
                                    servers=sampled))
            w["batch"] = []
            for m in got:
                label = label_of.get(m["MessageId"], m["Body"])
                count = int(m["Attributes"]["ApproximateReceiveCount"])
                stats["receives"] += 1
                if count > 1:
                    stats["redelivered"] += 1
                again = label in deleted                # delivered after a successful delete
                stats["after_delete"] += again
                log(t, who, "receive", label, f"receive #{count}" + (" after delete" if again else "")
                    if count > 1 else "")
                w["did"].append(tr("received {m}", m=label) + (tr(" (#{n})", n=count) if count > 1 else ""))
                w["batch"].append((label, m["ReceiptHandle"], t))
            start_next(who, t)
        elif kind == "done":
            label, handle, received_at = w["batch"].pop(0)
            if failure_rate and rng.random() < failure_rate:
                stats["crashes"] += 1
                log(t, who, "crash", label, f"{len(w['batch'])} more of its batch abandoned")
                w["did"].append(tr("crashed on {m}", m=label))
                w.update(state="crashed", message=label, batch=[])
                schedule(t + restart_time, "restart", who)
                continue
            late = t - received_at > visibility_timeout
            removed = queue.is_current(handle)         # only the newest receipt handle deletes
            svc.delete_message(QueueUrl=url, ReceiptHandle=handle)
            run.processed[label] = run.processed.get(label, 0) + 1
            if run.processed[label] == 2:
                stats["duplicates"] += 1
            if removed and label not in deleted:
                deleted.add(label)
                stats["deleted"] += 1
            if late:
                stats["late_deletes"] += 1
            log(t, who, "delete", label, "after its visibility timeout" if late else "",
                deleted=bool(removed))
            w["did"].append(tr("deleted {m}", m=label) if removed else tr("delete of {m} did nothing", m=label))
            start_next(who, t)
        elif kind == "restart":
            log(t, who, "restart")
            w.update(state="polling", message=None)
            schedule(t, "poll", who)
        if finished() and all(x["state"] in ("polling", "done") for x in workers.values()):
            break
    stats["dead"] = dlq_count()
    stats["end"] = round(t, 6)
    for w in workers.values():
        if not w["batch"]:
            w.update(state="done", message=None)
    snapshot(max(t, next_frame))
    run.stats = stats
    return run


def _thin(frames):
    """Halve the frame rate: keep frames 0, 2, 4, ...; a kept frame takes over the events of
    the dropped frame before it, so every event still belongs to exactly one frame."""
    kept = []
    for f in frames[::2]:
        start = kept[-1].events[1] if kept else f.events[0]
        kept.append(Frame(f.t, f.counts, f.consumers, f.messages, (start, f.events[1]), f.servers))
    return kept
