# ko: pending (no Korean edition yet; to translate this source, see docs/translating.md)
# Lesson 08 source (percent format). Build: .venv/bin/python tools/nbbuild.py sources/lessons/08_decoupling_tiers.py

# %% [markdown]
# [← 07 Scaling consumers](07_scaling_consumers.ipynb) | [09 Security →](09_security.ipynb)
#
# # 08 · Decoupling application tiers
#
# **Goal:** build the lecture's video-processing app in two tiers with SQS between them, and see
# the tiers scale **independently** (분리, decoupling) while the queue absorbs a spike.
#
# The lecture's story: a front end takes requests, and when a video must be processed it used to
# process it itself and put the result in an S3 bucket. Processing is slow, so the website gets
# slow. Instead, the front end only **sends a message** to an SQS queue; a separate back-end tier
# (its own Auto Scaling group, on **GPU** instances: EC2 instances with graphics processing units,
# chips built for the arithmetic of graphics and video; the lecture's 그래픽 처리 장치) receives the
# messages, processes the videos and stores them in S3.

# %% [markdown]
# ## Why not process in the front end?
#
# Encoding one video takes, say, 6 seconds. We use the toy queue on a virtual clock, so "6
# seconds" passes instantly, and compare what a user waits for in each design. The S3 bucket is a
# plain dict here. **Predict:** how long does the user wait in each design?

# %%
# NBVAL_CHECK_OUTPUT
import json
from toyqueue import QueueService, VirtualClock

ENCODE_SECONDS = 6
clock = VirtualClock()
svc = QueueService(clock=clock)
queue_url = svc.create_queue(QueueName="videos-to-encode")["QueueUrl"]
bucket = {}                                    # stands in for the S3 bucket

def encode(key):
    clock.advance(ENCODE_SECONDS)              # the slow part (virtual seconds)
    bucket[f"encoded/{key}"] = f"{key} encoded to 1080p"

def upload_coupled(key):
    """Front end does the work itself: the user waits for the encoding."""
    start = clock.now()
    encode(key)
    return clock.now() - start

def upload_decoupled(key):
    """Front end only records the request in the queue and answers."""
    start = clock.now()
    svc.send_message(QueueUrl=queue_url, MessageBody=json.dumps({"key": key}))
    return clock.now() - start

print(f"coupled  : the user waits {upload_coupled('video-1.mp4'):g} s")
print(f"decoupled: the user waits {upload_decoupled('video-2.mp4'):g} s")

# %% [markdown]
# (On the virtual clock a send takes no time at all; on SQS it takes a few milliseconds.)
#
# With the coupled design, a web server is busy for 6 s per upload, so a spike of uploads makes
# every page slow (and eventually time out). With the queue, the web request ends as soon as the
# message is stored; the video is encoded later by someone else.
#
# ## The back-end tier
#
# Four more uploads arrive; with video-2 from above, five wait in the queue.
#
# The back end is an ordinary consumer (소비자): receive, encode, store in the bucket, delete.
# It never talks to the front end; the queue is the only thing they share.

# %%
# NBVAL_CHECK_OUTPUT
def backend_worker():
    """One polling round of a back-end instance: up to 10 videos per receive."""
    got = svc.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", [])
    for m in got:
        encode(json.loads(m["Body"])["key"])
        svc.delete_message(QueueUrl=queue_url, ReceiptHandle=m["ReceiptHandle"])
    return len(got)

from toyqueue.counts import counts

for n in range(3, 7):
    upload_decoupled(f"video-{n}.mp4")
print("in the queue:", counts(svc, queue_url))
print("encoded this round:", backend_worker())
print("bucket:", sorted(bucket))            # video-1 was encoded by the coupled front end above

# %% [markdown]
# ## The same with boto3 on LocalStack
#
# Now the real API, with a folder on disk standing in for the S3 bucket. The front end and the back
# end are two separate functions that only share the queue URL, as two separate fleets would.

# %%
# NBVAL_CHECK_OUTPUT
import tempfile, uuid
from pathlib import Path
from toyqueue.clients import client

ls = client("localstack")
RUN = uuid.uuid4().hex[:8]           # keeps queue names unique between runs (never printed)
videos_queue = ls.create_queue(QueueName=f"l08-videos-{RUN}")["QueueUrl"]
s3_folder = Path(tempfile.mkdtemp(prefix="l08-bucket-"))

def front_end(key, user):
    ls.send_message(QueueUrl=videos_queue, MessageBody=json.dumps({"key": key}),
                    MessageAttributes={"user": {"DataType": "String", "StringValue": user}})
    return {"status": 202, "message": "upload received, encoding soon"}

def back_end():
    done = 0
    while True:
        got = ls.receive_message(QueueUrl=videos_queue, MaxNumberOfMessages=10,
                                 MessageAttributeNames=["All"]).get("Messages", [])
        if not got:
            return done
        for m in got:
            key = json.loads(m["Body"])["key"]
            out = s3_folder / "encoded" / key
            out.parent.mkdir(exist_ok=True)
            out.write_text(f"{key} for {m['MessageAttributes']['user']['StringValue']}, encoded to 1080p")
            ls.delete_message(QueueUrl=videos_queue, ReceiptHandle=m["ReceiptHandle"])
            done += 1

for i, user in enumerate(["ana", "bo", "chen"], start=1):
    print(front_end(f"video-{i}.mp4", user))
print("encoded:", back_end())
for path in sorted(s3_folder.rglob("*.mp4")):
    print(path.relative_to(s3_folder), "->", path.read_text())

# %% [markdown]
# ## Two tiers, two Auto Scaling groups
#
# In production each tier is its own **Auto Scaling group** (lesson 07) and picks its own
# instance type: the web tier general-purpose instances, the encoding tier **GPU instances**
# (the best fit for video work). Each scales on its own metric:
#
# - web tier: requests per instance (target 400 uploads/min each; an instance takes at most 600);
# - GPU tier: backlog per instance, AWS's rule for queue workers: acceptable wait (600 s) /
#   encode time (6 s) = 100 videos per instance.
#
# `toyqueue.sim.tiers` runs an hour of it through a toy queue: 10 uploads/min, then from minute 10
# a spike of **1,000 uploads/min** for 5 minutes (the lecture's "10 videos, then suddenly 1,000").
# The web tier starts with 2 instances, the GPU tier with 1.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.sim.tiers import simulate

run = simulate()
for t, tier, change, reason in run.actions:
    print(f"minute {t / 60:>4.0f}  {tier:<3} {change:+d}  ({reason})")
print(run.summary())

# %%
import matplotlib.pyplot as plt

def plot_tiers(run, title):
    minutes = [t / 60 for t in run.t]
    fig, axes = plt.subplots(4, 1, figsize=(9, 8), sharex=True)
    axes[0].plot(minutes, run.requests, label="uploads/min requested")
    axes[0].plot(minutes, run.accepted, label="accepted by the web tier")
    axes[1].step(minutes, run.web_in_service, where="post", label="web instances", color="tab:green")
    axes[1].step(minutes, run.gpu_in_service, where="post", label="GPU instances", color="tab:purple")
    axes[2].plot(minutes, run.depth, label="queue depth (ApproximateNumberOfMessages)", color="tab:orange")
    axes[3].plot(minutes, run.stored, label="videos in the bucket", color="tab:brown")
    for ax in axes:
        ax.legend(loc="best")
    axes[0].set_title(title)
    axes[-1].set_xlabel("minutes")
    plt.tight_layout()
    plt.show()

plot_tiers(run, "The spike: web tier, queue, GPU tier")

# %% [markdown]
# Read the plot from top to bottom:
#
# 1. The spike hits the web tier. Each web instance can take 600 uploads/min, so one extra
#    instance (requests per instance above the target of 400) is all the front end needs, and it
#    boots in a minute.
# 2. The web tier sends every upload to the queue at once and answers the user. The **queue absorbs
#    the spike**: its depth climbs to about 5,000. Nothing is lost: SQS has no limit on the number
#    of messages, and they stay for the retention period (4 days by default).
# 3. The GPU tier sees a backlog of thousands per instance and scales out on its own schedule (GPU
#    instances take 3 minutes to start), drains the queue, and later shrinks back to 1.
# 4. Every accepted video ends up in the bucket.
#
# The queue protects the **back end**, not the front end: if the spike is bigger than the web tier
# can take, or grow to in time, uploads are turned away before they reach the queue.
# **Predict:** with three times the spike, does anything get lost, and where?

# %%
# NBVAL_CHECK_OUTPUT
print(simulate(spike_rate=3000).summary())

# %% [markdown]
# Thousands of uploads rejected, although the queue had room for all of them: the web tier only
# scaled out at minute 13, and its new instances needed a minute to boot, so most of the 5-minute
# spike was over. Only what reaches the queue is safe.
#
# ## Independent scaling
#
# Because the tiers only share the queue, we can change one without touching the other. Cap the
# GPU tier at 5 instances (a tighter budget) and watch three hours. **Predict:** what changes for
# the web tier, and what for the queue?

# %%
# NBVAL_CHECK_OUTPUT
big = simulate(duration=3 * 3600)
small = simulate(duration=3 * 3600, gpu_max=5)
print("gpu_max=20:", big.summary())
print("gpu_max=5 :", small.summary())
print("web tier identical:", small.web_in_service == big.web_in_service and small.accepted == big.accepted)

def empty_again(r):
    """Minute at which the spike's backlog was gone."""
    return next(t for t, d in zip(r.t, r.depth) if t > r.params["spike_start"] and d == 0) / 60

print(f"queue empty again at minute {empty_again(big):.0f} (20 GPUs) vs {empty_again(small):.0f} (5 GPUs)")

# %% [markdown]
# The front end did not notice at all; the queue held the work longer, and every video was still
# encoded.

# %%
plot_tiers(small, "Same spike, GPU tier capped at 5 instances")

# %%
import shutil

ls.delete_queue(QueueUrl=videos_queue)
shutil.rmtree(s3_folder)                     # our stand-in bucket

# %% [markdown]
# ## Recap
#
# - **Decoupling** (분리): the front end sends a message per job and answers at once; a back-end
#   tier does the slow work. The queue is their only contact.
# - Each tier has its **own Auto Scaling group**, its own instance type (GPU for encoding) and its
#   own scaling metric, so they **scale independently**.
# - The **queue absorbs spikes**: unlimited throughput and backlog, messages kept for the
#   retention period, drained when the back end catches up. It does not protect the front end.
# - This front end / SQS / back-end worker pattern is a classic exam architecture.

# %%
from toyqueue.widgets import quiz

quiz("08")

# %% [markdown]
# **Exercise:** the GPU tier scales on backlog per instance; write such a policy in
# [09 · Scaling policy](../exercises/09_scaling_policy.ipynb).
#
# Next: [09 Security →](09_security.ipynb)
