"""Lesson 08: a video app in two tiers that scale on their own, with a queue between them.

    from toyqueue.sim.tiers import simulate
    run = simulate()                          # 10 uploads/min, a spike of 1,000/min for 5 min
    run.t, run.web_in_service, run.depth, run.gpu_in_service, run.stored   # per 10 s tick
    len(run.bucket), run.bucket["encoded/video-1.mp4"]                    # the "S3 bucket"
    print(run.summary())

The front-end tier (web instances behind a load balancer, their own Auto Scaling group)
accepts uploads and sends one message per video to a real toy queue (QueueService on a
VirtualClock). The back-end tier (GPU instances, another group) receives a message, encodes
for `encode_time` seconds, writes the result to `bucket` (a dict standing in for S3) and
deletes the message. The web tier tracks requests per instance; the GPU tier tracks the
backlog per instance (AWS's recommendation for queue workers). Neither tier knows the other:
during the spike the web tier grows within a minute or two while the queue absorbs what the
GPUs cannot encode yet; GPUs arrive later and drain it. Uploads beyond what the web tier can
take are rejected (HTTP 503): the queue protects the back end, not the front end.
"""

import json
import math
from dataclasses import dataclass, field

from toyqueue.i18n import tr
from toyqueue.sim.asg import Group, TargetTracking

DEFAULTS = dict(
    duration=3600, dt=10, base_rate=10, spike_rate=1000, spike_start=600, spike_duration=300,
    web_capacity=600, web_target=400, web_min=2, web_max=10, web_startup=60,
    encode_time=6.0, acceptable_latency=600.0, gpu_min=1, gpu_max=20, gpu_startup=180,
    cooldown=300, period=60,
)


@dataclass
class TiersRun:
    """Per-tick series (`t` in seconds); rates are per minute, counts at the end of the tick."""

    params: dict
    t: list = field(default_factory=list)
    requests: list = field(default_factory=list)       # uploads/min arriving at the web tier
    accepted: list = field(default_factory=list)       # uploads/min the web tier took
    rejected: list = field(default_factory=list)       # uploads/min turned away (503)
    web_in_service: list = field(default_factory=list)
    depth: list = field(default_factory=list)          # ApproximateNumberOfMessages
    gpu_in_service: list = field(default_factory=list)
    gpu_pending: list = field(default_factory=list)
    encoded: list = field(default_factory=list)        # videos/min written to the bucket
    stored: list = field(default_factory=list)         # objects in the bucket so far
    actions: list = field(default_factory=list)        # (t, tier, change, reason)
    bucket: dict = field(default_factory=dict)

    def summary(self):
        dt = self.params["dt"]
        return tr("{accepted:,.0f} uploads accepted, {rejected:,.0f} rejected; web tier peak {web}, "
                  "GPU tier peak {gpu}; queue peak {depth:,}; {videos:,} videos in the bucket",
                  accepted=sum(self.accepted) * dt / 60, rejected=sum(self.rejected) * dt / 60,
                  web=max(self.web_in_service), gpu=max(self.gpu_in_service), depth=max(self.depth),
                  videos=len(self.bucket))


def _due(rate_per_min, dt, carry):
    """Whole events in this tick at a per-minute rate; `carry` keeps the fractions."""
    carry += rate_per_min * dt / 60
    n = math.floor(carry + 1e-9)
    return n, carry - n


def simulate(service=None, **params):
    from toyqueue import QueueService, VirtualClock

    unknown = set(params) - set(DEFAULTS)
    if unknown:
        raise TypeError(f"unknown parameters: {sorted(unknown)}")
    p = {**DEFAULTS, **params}
    dt, period = p["dt"], p["period"]
    clock = VirtualClock()
    svc = service or QueueService(clock=clock)
    clock = getattr(svc, "clock", clock)
    t0 = clock.now()
    url = svc.create_queue(QueueName="videos-to-encode")["QueueUrl"]

    run = TiersRun(params=p)
    web = Group(p["web_min"], p["web_max"], p["web_startup"])
    gpu = Group(p["gpu_min"], p["gpu_max"], p["gpu_startup"])
    web_policy = TargetTracking(p["web_target"], cooldown=p["cooldown"])
    gpu_policy = TargetTracking(p["acceptable_latency"] / p["encode_time"],
                                cooldown=p["cooldown"])
    arrive_carry = encode_carry = 0.0
    uploaded = 0
    minute_requests = 0

    for i in range(int(p["duration"] // dt)):
        t = i * dt
        clock.set(t0 + t)
        spike = p["spike_start"] <= t < p["spike_start"] + p["spike_duration"]
        rate = p["spike_rate"] if spike else p["base_rate"]
        n, arrive_carry = _due(rate, dt, arrive_carry)
        minute_requests += n

        # Front end: take what the web instances can, one message per video.
        web_n = web.in_service(t)
        take = min(n, math.floor(web_n * p["web_capacity"] * dt / 60))
        keys = [f"video-{uploaded + k + 1}.mp4" for k in range(take)]
        uploaded += take
        for start in range(0, take, 10):
            svc.send_message_batch(QueueUrl=url, Entries=[
                {"Id": str(k), "MessageBody": json.dumps({"key": key})}
                for k, key in enumerate(keys[start:start + 10])])

        # Back end: each GPU instance encodes one video per `encode_time` seconds.
        gpu_n = gpu.in_service(t)
        budget, encode_carry = _due(gpu_n * 60 / p["encode_time"], dt, encode_carry)
        encoded = 0
        while budget > 0:
            got = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=min(10, budget),
                                      WaitTimeSeconds=0, VisibilityTimeout=600).get("Messages", [])
            if not got:
                break
            for m in got:
                key = json.loads(m["Body"])["key"]
                run.bucket[f"encoded/{key}"] = f"{key} encoded to 1080p"
            svc.delete_message_batch(QueueUrl=url, Entries=[
                {"Id": str(k), "ReceiptHandle": m["ReceiptHandle"]} for k, m in enumerate(got)])
            budget -= len(got)
            encoded += len(got)
        if budget > 0:
            encode_carry = 0.0  # an idle GPU does not save up work for later

        depth = int(svc.get_queue_attributes(
            QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"]
        )["Attributes"]["ApproximateNumberOfMessages"])
        per_min = 60 / dt
        run.t.append(t)
        run.requests.append(n * per_min)
        run.accepted.append(take * per_min)
        run.rejected.append((n - take) * per_min)
        run.web_in_service.append(web_n)
        run.depth.append(depth)
        run.gpu_in_service.append(gpu_n)
        run.gpu_pending.append(gpu.pending(t))
        run.encoded.append(encoded * per_min)
        run.stored.append(len(run.bucket))

        end = t + dt
        if end % period == 0:  # each tier's own CloudWatch datapoint and policy
            for tier, group, policy, total in (("web", web, web_policy, minute_requests),
                                               ("gpu", gpu, gpu_policy, depth)):
                change, reason = policy.evaluate(total, group, end)
                if change:
                    run.actions.append((end, tier, change, reason))
            minute_requests = 0
    return run
