# Lesson 11 source (percent format). Build: .venv/bin/python tools/nbbuild.py sources/lessons/11_glossary.py

# %% [markdown]
# [← 10 Beyond the lecture](10_beyond_the_lecture.ipynb) | [00 Setup and tour ↺](00_setup.ipynb)
#
# # 11 · Glossary: key terms, English and 한국어
#
# The lecture this course follows is in Korean. Here are its key terms with the English names the
# AWS documentation and the exam use, a one-line meaning, and the lesson where you see each one
# running. The cell at the end checks that every lesson linked here exists and really uses the term.

# %% [markdown]
# ## Talking between applications
#
# | English | 한국어 (lecture) | meaning | lesson |
# |---|---|---|---|
# | synchronous communication | 동기 커뮤니케이션 | one service calls another directly and waits for it | [01](01_sync_vs_async.ipynb) |
# | asynchronous (event-based) communication | 비동기 (이벤트 기반) | services talk through middleware such as a queue, never directly | [01](01_sync_vs_async.ipynb) |
# | spike | 급증 | traffic suddenly much higher than usual (10 → 1,000 videos) | [01](01_sync_vs_async.ipynb) |
# | decoupling | 분리 | putting a queue between parts so each runs and scales on its own | [08](08_decoupling_tiers.ipynb) |
# | SNS | pub/sub 모델 | publish/subscribe: one message to many subscribers | [01](01_sync_vs_async.ipynb) |
# | Kinesis | 실시간 스트리밍 | real-time streaming of large data volumes | [01](01_sync_vs_async.ipynb) |
#
# ## The queue and its users
#
# | English | 한국어 (lecture) | meaning | lesson |
# |---|---|---|---|
# | queue | 대기열 | a buffer holding messages between producers and consumers | [02](02_what_is_a_queue.ipynb) |
# | message | 메시지 | one piece of work or information, up to 1 MiB (the lecture: 256 KB) | [02](02_what_is_a_queue.ipynb) |
# | producer | 생산자 | whatever sends messages to the queue | [02](02_what_is_a_queue.ipynb) |
# | consumer | 소비자 | whatever receives, processes and deletes messages | [02](02_what_is_a_queue.ipynb) |
# | polling | 폴링 | a consumer asking the queue whether messages are waiting for it | [02](02_what_is_a_queue.ipynb) |
# | buffer | 버퍼 | the queue's role: it holds work until consumers are ready | [02](02_what_is_a_queue.ipynb) |
#
# ## The standard queue
#
# | English | 한국어 (lecture) | meaning | lesson |
# |---|---|---|---|
# | standard queue | 표준 대기열 | SQS's original queue type: unlimited throughput, at-least-once, best-effort order | [03](03_standard_queue.ipynb) |
# | fully managed | 완전 관리형 | AWS runs the servers; you only use the API | [03](03_standard_queue.ipynb) |
# | throughput | 처리량 | messages per second; unlimited for standard queues | [03](03_standard_queue.ipynb) |
# | retention period | 보존 기간 | how long an undeleted message is kept: 4 days default, 14 days max | [03](03_standard_queue.ipynb) |
# | latency | 지연 시간 | time for one send or receive: under 10 ms on SQS | [03](03_standard_queue.ipynb) |
# | SendMessage | 메시지 전송 | the API call a producer uses, through the SDK | [04](04_producing_messages.ipynb) |
# | message attributes | 속성 | typed name/value pairs sent beside the body (order id, customer id, address) | [04](04_producing_messages.ipynb) |
# | DeleteMessage | 메시지 삭제 | the call that tells SQS a message is processed | [05](05_consuming_messages.ipynb) |
#
# ## Many consumers
#
# | English | 한국어 (lecture) | meaning | lesson |
# |---|---|---|---|
# | visibility timeout | 가시성 시간 초과 | how long a received message stays hidden from other consumers (default 30 s) | [06](06_visibility_duplicates.ipynb) |
# | at-least-once delivery | 적어도 한 번 전송 | every message is delivered, possibly more than once | [06](06_visibility_duplicates.ipynb) |
# | duplicate message | 중복 메시지 | the same message received twice | [06](06_visibility_duplicates.ipynb) |
# | best-effort ordering | 최선의 노력으로 메시지 순서 지정 | a standard queue tries, but does not promise, to keep the send order | [06](06_visibility_duplicates.ipynb) |
# | idempotent consumer | 멱등 소비자 | a consumer for which processing a message twice does no harm | [06](06_visibility_duplicates.ipynb) |
# | horizontal scaling | 수평 확장 | adding more consumers (instances) rather than bigger ones | [07](07_scaling_consumers.ipynb) |
# | Auto Scaling group | 오토 스케일링 그룹 (ASG) | a fleet of EC2 instances that grows and shrinks by policy | [07](07_scaling_consumers.ipynb) |
# | ApproximateNumberOfMessages | 대기열의 길이 | the queue length, a CloudWatch metric for every SQS queue | [07](07_scaling_consumers.ipynb) |
# | CloudWatch alarm | CloudWatch 알람 | fires when a metric crosses a threshold, and can scale a group | [07](07_scaling_consumers.ipynb) |
# | backlog per instance | 인스턴스당 백로그 | queue length / instances: AWS's recommended scaling metric for queue workers | [07](07_scaling_consumers.ipynb) |
# | tier | 계층 | one layer of an application (web front end, processing back end) | [08](08_decoupling_tiers.ipynb) |
# | GPU instances | 그래픽 처리 장치 (GPU) | EC2 instances with graphics processors, suited to video work | [08](08_decoupling_tiers.ipynb) |
#
# ## Security
#
# | English | 한국어 (lecture) | meaning | lesson |
# |---|---|---|---|
# | encryption in flight | 비행 중 암호화 | HTTPS between clients and the SQS API | [09](09_security.ipynb) |
# | encryption at rest | 미사용 암호화 | stored messages encrypted with KMS keys (SSE-SQS, SSE-KMS) | [09](09_security.ipynb) |
# | client-side encryption | 클라이언트 측 암호화 | the client encrypts before sending and decrypts after receiving | [09](09_security.ipynb) |
# | IAM policy | IAM 정책 | what an identity (user, role) may do with the SQS API | [09](09_security.ipynb) |
# | SQS access policy | SQS 액세스 정책 | a policy on the queue itself, like an S3 bucket policy | [09](09_security.ipynb) |
# | cross-account access | 교차 계정 액세스 | letting another AWS account use your queue | [09](09_security.ipynb) |
#
# ## Beyond the lecture
#
# | English | 한국어 | meaning | lesson |
# |---|---|---|---|
# | FIFO queue | FIFO 대기열 | ordered, deduplicated queue: "the other type of product" | [10](10_beyond_the_lecture.ipynb) |
# | MessageGroupId | 메시지 그룹 ID | FIFO: messages of one group are delivered in order, one group at a time | [10](10_beyond_the_lecture.ipynb) |
# | dead-letter queue | 배달 못한 편지 대기열 (DLQ) | where messages go after too many failed receives | [10](10_beyond_the_lecture.ipynb) |
# | long polling | 긴 폴링 | a receive that waits up to 20 s for messages | [10](10_beyond_the_lecture.ipynb) |
# | delay queue | 지연 대기열 | messages stay invisible for up to 15 minutes after sending | [10](10_beyond_the_lecture.ipynb) |
# | batch | 배치 | up to 10 messages in one send, delete or visibility call | [10](10_beyond_the_lecture.ipynb) |

# %% [markdown]
# ## Check: every term is taught where the glossary says
#
# This cell reads the tables above (from this notebook's file), opens each linked lesson and
# looks for the English term in it.

# %%
# NBVAL_CHECK_OUTPUT
import json, re
from pathlib import Path

def text_of(notebook):
    cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells)

ROW = re.compile(r"^\| (?P<term>[^|]+?) \| (?P<korean>[^|]+?) \| [^|]+ \| \[\d+\]\((?P<lesson>[^)]+)\) \|$", re.M)
rows = list(ROW.finditer(text_of("11_glossary.ipynb")))
lessons = sorted({r["lesson"] for r in rows})
missing = [name for name in lessons if not Path(name).exists()]
untaught = [(r["term"], r["lesson"]) for r in rows if Path(r["lesson"]).exists()
            and re.sub(r" \(.*\)", "", r["term"]).lower() not in text_of(r["lesson"]).lower()]
print(f"{len(rows)} terms in {len(lessons)} lessons")
print("missing lessons:", missing or "none")
print("terms not found in their lesson:", untaught or "none")

# %% [markdown]
# ## The whole course
#
# Every lesson, in order, and whether its notebook is here:

# %%
for path in sorted(Path(".").glob("[0-9][0-9]_*.ipynb")):
    title = next((line.lstrip("# ").strip() for line in text_of(path).splitlines()
                  if line.startswith("# ")), "?")
    print(f"{path.name:<32} {title}")

# %% [markdown]
# Back to the start: [00 Setup and tour](00_setup.ipynb). The exercises are in
# [../exercises/](../exercises/), starting with [03 · Visibility timeout](../exercises/03_visibility_timeout.ipynb).
