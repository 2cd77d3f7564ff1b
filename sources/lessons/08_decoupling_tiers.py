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

# %% [markdown] ko en=2dd0a21e
# [← 07 소비자 확장](07_scaling_consumers.ipynb) | [09 보안 →](09_security.ipynb)
#
# # 08 · 애플리케이션 계층 분리
#
# **목표:** 강의에 나오는 비디오 처리 앱을 두 계층(tier)으로 나누고 그 사이에 SQS를 둡니다. 그리고
# 대기열이 급증(spike)을 흡수하는 동안 두 계층이 **서로 독립적으로** 확장되는 모습(분리, decoupling)을
# 봅니다.
#
# 강의의 이야기는 이렇습니다. 프론트엔드가 요청을 받고, 비디오를 처리해야 하면 예전에는 직접 처리해서
# 결과를 S3 버킷에 넣었습니다. 처리는 오래 걸리고, 그래서 웹사이트가 느려집니다. 대신 프론트엔드는
# SQS 대기열에 **메시지를 보내기만** 합니다. 메시지를 받아 비디오를 처리하고 S3에 저장하는 일은 따로
# 있는 백엔드 계층이 맡습니다. 이 계층은 자체 Auto Scaling 그룹(강의: 오토 스케일링 그룹)을 가지고
# **GPU** 인스턴스에서 돌아갑니다. GPU 인스턴스는 GPU(graphics processing unit, 강의의 "그래픽 처리
# 장치")가 달린 EC2 인스턴스이고, GPU는 그래픽과 비디오 계산을 위해 만든 칩입니다.

# %% [markdown]
# ## Why not process in the front end?
#
# Encoding one video takes, say, 6 seconds. We use the toy queue on a virtual clock, so "6
# seconds" passes instantly, and compare what a user waits for in each design. The S3 bucket is a
# plain dict here. **Predict:** how long does the user wait in each design?

# %% [markdown] ko en=43e7266c
# ## 왜 프론트엔드에서 처리하지 않을까?
#
# 비디오 하나를 인코딩하는 데 6초가 걸린다고 합시다. 가상 시계로 돌아가는 토이 대기열을 쓰므로 "6초"는
# 순식간에 지나갑니다. 두 설계에서 사용자가 무엇을 기다리는지 비교합니다. 여기서 S3 버킷은 평범한
# dict입니다. **예측해 보세요:** 각 설계에서 사용자는 얼마나 기다릴까요?

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

# %% [markdown] ko en=2f85644f
# (가상 시계에서는 전송에 시간이 전혀 들지 않습니다. SQS에서는 몇 밀리초가 걸립니다.)
#
# 결합된(coupled) 설계에서는 업로드 하나마다 웹 서버가 6초씩 붙잡혀 있습니다. 그래서 업로드가 급증하면
# 모든 페이지가 느려지고, 결국 시간 초과가 납니다. 대기열을 두면 웹 요청은 메시지가 저장되자마자
# 끝납니다. 비디오는 나중에 다른 누군가가 인코딩합니다.
#
# ## 백엔드 계층
#
# 업로드가 네 건 더 들어옵니다. 위의 video-2까지 다섯 건이 대기열에서 기다립니다.
#
# 백엔드는 평범한 소비자(consumer)입니다: 받고, 인코딩하고, 버킷에 저장하고, 삭제합니다. 백엔드는
# 프론트엔드와 직접 주고받는 것이 없습니다. 둘이 함께 쓰는 것은 대기열뿐입니다.

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

# %% [markdown] ko en=ddad0eaf
# ## LocalStack에서 boto3로 똑같이
#
# 이번에는 실제 API를 쓰고, 디스크의 폴더가 S3 버킷을 대신합니다. 프론트엔드와 백엔드는 서로 다른 두
# 함수이고, 둘이 함께 아는 것은 대기열 URL뿐입니다. 따로 운영되는 두 서버 무리와 같습니다.

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

# %% [markdown] ko en=0b3ad886
# ## 두 계층, 두 Auto Scaling 그룹
#
# 운영 환경에서는 계층마다 자체 **Auto Scaling 그룹**(레슨 07)이 있고, 인스턴스 유형도 따로 고릅니다.
# 웹 계층은 범용 인스턴스를, 인코딩 계층은 **GPU 인스턴스**(비디오 작업에 가장 알맞은 유형)를 씁니다.
# 계층마다 자기 지표로 확장합니다:
#
# - 웹 계층: 인스턴스당 요청 수. 인스턴스마다 목표는 분당 업로드 400건이고, 인스턴스 하나가 받을 수
#   있는 최대는 600건입니다.
# - GPU 계층: 인스턴스당 백로그(backlog per instance). AWS가 대기열 작업자에게 권하는 규칙입니다:
#   허용할 수 있는 대기 시간(600초) / 인코딩 시간(6초) = 인스턴스당 비디오 100개.
#
# `toyqueue.sim.tiers`는 이 구성을 토이 대기열로 한 시간 동안 돌립니다. 분당 업로드 10건으로 시작해,
# 10분째부터 5분 동안 **분당 1,000건**으로 급증합니다(강의의 "평소에는 10개만 인코딩 해오고 있었다면
# 1,000개의 비디오를 인코딩해야 할 때"). 웹 계층은 인스턴스 2개, GPU 계층은 1개로 시작합니다.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.sim.tiers import simulate

run = simulate()
for t, tier, change, reason in run.actions:
    print(f"minute {t / 60:>4.0f}  {tier:<3} {change:+d}  ({reason})")
print(run.summary())

# %%
from toyqueue.i18n import tr                  # the title in the course language (English or Korean)
from toyqueue.widgets import plot_tiers

plot_tiers(run, tr("The spike: web tier, queue, GPU tier"))

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

# %% [markdown] ko en=06e250a8
# 그래프를 위에서 아래로 읽어 봅시다:
#
# 1. 급증이 웹 계층을 덮칩니다. 웹 인스턴스 하나는 분당 업로드 600건을 받을 수 있으므로, 프론트엔드에
#    필요한 것은 인스턴스 하나 더뿐입니다(인스턴스당 요청이 목표 400을 넘었기 때문입니다). 그 인스턴스는
#    1분 만에 부팅됩니다.
# 2. 웹 계층은 업로드를 모두 곧바로 대기열에 보내고 사용자에게 응답합니다. **대기열이 급증을
#    흡수합니다**: 대기열 길이가 약 5,000까지 올라갑니다. 잃어버리는 것은 없습니다. SQS는 메시지 수에
#    제한이 없고, 메시지는 메시지 보존 기간(기본 4일) 동안 남아 있습니다.
# 3. GPU 계층은 인스턴스당 수천 건의 백로그를 보고 자기 일정대로 확장합니다(GPU 인스턴스는 시작하는 데
#    3분이 걸립니다). 그리고 대기열을 비운 뒤, 나중에 다시 1개로 줄어듭니다.
# 4. 받아들인 비디오는 모두 결국 버킷에 들어갑니다.
#
# 대기열이 지켜 주는 것은 프론트엔드가 아니라 **백엔드**입니다. 급증이 웹 계층이 받을 수 있는 양보다,
# 또는 제때 늘어날 수 있는 양보다 크면 업로드는 대기열에 닿기도 전에 거부됩니다. **예측해 보세요:**
# 급증이 세 배라면 무언가를 잃을까요? 잃는다면 어디에서일까요?

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

# %% [markdown] ko en=e96d53ee
# 대기열에는 모두 담을 자리가 있었는데도 업로드 수천 건이 거부되었습니다. 웹 계층은 13분째에야
# 확장했고, 새 인스턴스가 부팅되는 데 1분이 걸렸기 때문에 5분짜리 급증은 이미 대부분 지나가
# 버렸습니다. 안전한 것은 대기열에 닿은 것뿐입니다.
#
# ## 독립적인 확장
#
# 계층들은 대기열만 함께 쓰므로, 한쪽을 바꿔도 다른 쪽은 건드리지 않습니다. GPU 계층을 인스턴스
# 5개로 제한하고(더 빠듯한 예산) 세 시간을 지켜봅니다. **예측해 보세요:** 웹 계층에는 무엇이
# 달라지고, 대기열에는 무엇이 달라질까요?

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

# %% [markdown] ko en=a0b5e561
# 프론트엔드는 전혀 알아채지 못했습니다. 대기열이 작업을 더 오래 들고 있었을 뿐이고, 비디오는
# 여전히 모두 인코딩되었습니다.

# %%
plot_tiers(small, tr("Same spike, GPU tier capped at 5 instances"))

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

# %% [markdown] ko en=6e1ec267
# ## 정리
#
# - **분리**(decoupling): 프론트엔드는 작업마다 메시지를 하나 보내고 곧바로 응답합니다. 느린 일은
#   백엔드 계층이 합니다. 둘의 접점은 대기열뿐입니다.
# - 계층마다 **자체 Auto Scaling 그룹**, 자체 인스턴스 유형(인코딩에는 GPU), 자체 확장 지표가 있습니다.
#   그래서 **독립적으로 확장**됩니다.
# - **대기열이 급증을 흡수합니다**: 처리량과 백로그에 제한이 없고, 메시지는 메시지 보존 기간 동안 남아
#   있다가 백엔드가 따라잡으면 비워집니다. 다만 프론트엔드를 지켜 주지는 않습니다.
# - 프론트엔드 / SQS / 백엔드 작업자로 이루어진 이 패턴은 시험에 자주 나오는 전형적인 아키텍처입니다.

# %%
from toyqueue.widgets import quiz

quiz("08")

# %% [markdown]
# **Exercise:** the GPU tier scales on backlog per instance; write such a policy in
# [05 · Scaling policy](../exercises/05_scaling_policy.ipynb).
#
# Next: [09 Security →](09_security.ipynb)

# %% [markdown] ko en=0082b5ec
# **실습:** GPU 계층은 인스턴스당 백로그로 확장합니다. 그런 정책을
# [05 · 조정 정책](../exercises/05_scaling_policy.ipynb)에서 직접 작성합니다.
#
# 다음: [09 보안 →](09_security.ipynb)
