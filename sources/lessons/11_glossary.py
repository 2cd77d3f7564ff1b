# Lesson 11 source (percent format). Build: .venv/bin/python tools/nbbuild.py sources/lessons/11_glossary.py

# %% [markdown]
# [← 10 Beyond the lecture](10_beyond_the_lecture.ipynb) | [00 Setup and tour ↺](00_setup.ipynb)
#
# # 11 · Glossary: key terms, English and 한국어
#
# The lecture this course follows is in Korean. Here are its key terms with the English names the
# AWS documentation and the exam use, a one-line meaning, and the lesson where you see each one
# running. The Korean is the lecture's word where it has one, otherwise the one AWS's Korean
# documentation uses. A cell at the end checks that every lesson named here exists and really uses the term.

# %% [markdown]
# The glossary is a small Python table, so that the notebook can check itself; the next cell
# draws it.

# %%
GLOSSARY = {   # section -> [(English, 한국어, meaning, lesson), ...]
    'Talking between applications': [
        ('synchronous communication', '동기 커뮤니케이션', 'one service calls another directly and waits for it', '01_sync_vs_async'),
        ('asynchronous (event-based) communication', '비동기 (이벤트 기반)', 'services talk through middleware such as a queue, never directly', '01_sync_vs_async'),
        ('spike', '급증', 'traffic suddenly much higher than usual (10 → 1,000 videos)', '01_sync_vs_async'),
        ('decoupling', '분리', 'putting a queue between parts so each runs and scales on its own', '08_decoupling_tiers'),
        ('SNS', 'pub/sub 모델', 'publish/subscribe: one message to many subscribers', '01_sync_vs_async'),
        ('Kinesis', '실시간 스트리밍', 'real-time streaming of large data volumes', '01_sync_vs_async'),
    ],
    'The queue and its users': [
        ('queue', '대기열', 'a buffer holding messages between producers and consumers', '02_what_is_a_queue'),
        ('message', '메시지', 'one piece of work or information, up to 1 MiB (the lecture: 256 KB)', '02_what_is_a_queue'),
        ('producer', '생산자', 'whatever sends messages to the queue', '02_what_is_a_queue'),
        ('consumer', '소비자', 'whatever receives, processes and deletes messages', '02_what_is_a_queue'),
        ('poll (polling)', '폴링', 'a consumer asking the queue whether messages are waiting for it', '02_what_is_a_queue'),
        ('buffer', '버퍼', "the queue's role: it holds work until consumers are ready", '02_what_is_a_queue'),
    ],
    'The standard queue': [
        ('standard queue', '표준 대기열', "SQS's original queue type: unlimited throughput, at-least-once, best-effort order", '03_standard_queue'),
        ('fully managed', '완전 관리형', 'AWS runs the servers; you only use the API', '03_standard_queue'),
        ('throughput', '처리량', 'messages per second; unlimited for standard queues', '03_standard_queue'),
        ('retention period', '보존 기간', 'how long an undeleted message is kept: 4 days default, 14 days max', '03_standard_queue'),
        ('latency', '지연 시간', 'time for one send or receive: under 10 ms on SQS', '03_standard_queue'),
        ('SendMessage', '메시지 전송', 'the API call a producer uses, through the SDK', '04_producing_messages'),
        ('message attributes', '속성', 'typed name/value pairs sent beside the body (order id, customer id, address)', '04_producing_messages'),
        ('DeleteMessage', '메시지 삭제', 'the call that tells SQS a message is processed', '05_consuming_messages'),
        ('receipt handle', '수신 핸들', 'the token a receive returns, needed to delete; new on every receive', '05_consuming_messages'),
    ],
    'Many consumers': [
        ('visibility timeout', '가시성 제한 시간', 'how long a received message stays hidden from other consumers (default 30 s, at most 12 h)', '06_visibility_duplicates'),
        ('ChangeMessageVisibility', '가시성 제한 시간 변경', 'sets a new timeout for one received message, counted from the call', '06_visibility_duplicates'),
        ('at-least-once delivery', '적어도 한 번 전송', 'every message is delivered, possibly more than once', '06_visibility_duplicates'),
        ('duplicate message', '중복 메시지', 'the same message received twice', '06_visibility_duplicates'),
        ('best-effort ordering', '최선의 노력으로 메시지 순서 지정', 'a standard queue tries, but does not promise, to keep the send order', '06_visibility_duplicates'),
        ('idempotent consumer', '멱등 소비자', 'a consumer for which processing a message twice does no harm', '06_visibility_duplicates'),
        ('horizontal scaling', '수평 확장', 'adding more consumers (instances) rather than bigger ones', '07_scaling_consumers'),
        ('Auto Scaling group', '오토 스케일링 그룹 (ASG)', 'a fleet of EC2 instances that grows and shrinks by policy', '07_scaling_consumers'),
        ('ApproximateNumberOfMessages', '대기열의 길이', 'the queue length, a CloudWatch metric for every SQS queue', '07_scaling_consumers'),
        ('CloudWatch alarm', 'CloudWatch 알람', 'fires when a metric crosses a threshold, and can scale a group', '07_scaling_consumers'),
        ('backlog per instance', '인스턴스당 백로그', "queue length / instances: AWS's recommended scaling metric for queue workers", '07_scaling_consumers'),
        ('target tracking', '대상 추적 조정', 'a scaling policy that keeps a metric near a target by choosing the group size', '07_scaling_consumers'),
        ('tier', '계층', 'one layer of an application (web front end, processing back end)', '08_decoupling_tiers'),
        ('GPU instances', '그래픽 처리 장치 (GPU)', 'EC2 instances with graphics processors, suited to video work', '08_decoupling_tiers'),
    ],
    'Security': [
        ('encryption in flight', '비행 중 암호화', 'HTTPS between clients and the SQS API', '09_security'),
        ('encryption at rest', '미사용 암호화', 'stored messages encrypted with KMS keys (SSE-SQS, SSE-KMS)', '09_security'),
        ('KMS', 'KMS 키', 'AWS Key Management Service: creates and guards encryption keys', '09_security'),
        ('client-side encryption', '클라이언트 측 암호화', 'the client encrypts before sending and decrypts after receiving', '09_security'),
        ('IAM policy', 'IAM 정책', 'what an identity (user, role) may do with the SQS API', '09_security'),
        ('SQS access policy', 'SQS 액세스 정책', 'a policy on the queue itself, like an S3 bucket policy', '09_security'),
        ('cross-account access', '교차 계정 액세스', 'letting another AWS account use your queue', '09_security'),
    ],
    'Beyond the lecture': [
        ('FIFO queue', 'FIFO 대기열', 'ordered, deduplicated queue: "the other type of product"', '10_beyond_the_lecture'),
        ('MessageGroupId', '메시지 그룹 ID', 'FIFO: messages of one group are delivered in order, one group at a time', '10_beyond_the_lecture'),
        ('deduplication', '중복 제거', 'FIFO: a second send with the same deduplication id within 5 minutes is dropped', '10_beyond_the_lecture'),
        ('dead-letter queue', '배달 못한 편지 대기열 (DLQ)', 'where messages go after too many failed receives', '10_beyond_the_lecture'),
        ('redrive', '재드라이브', 'moving messages from a DLQ back to their source (StartMessageMoveTask)', '10_beyond_the_lecture'),
        ('long polling', '긴 폴링', 'a receive that waits up to 20 s for messages', '10_beyond_the_lecture'),
        ('delay queue', '지연 대기열', 'messages stay invisible for up to 15 minutes after sending', '10_beyond_the_lecture'),
        ('batch', '배치', 'up to 10 messages in one send, delete or visibility call', '10_beyond_the_lecture'),
    ],
}

# %%
from IPython.display import Markdown

def as_markdown(glossary):
    lines = []
    for section, rows in glossary.items():
        lines += [f"### {section}", "", "| English | 한국어 | meaning | lesson |", "|---|---|---|---|"]
        lines += [f"| **{en}** | {ko} | {meaning} | [{lesson[:2]}]({lesson}.ipynb) |"
                  for en, ko, meaning, lesson in rows]
        lines.append("")
    return Markdown("\n".join(lines))

as_markdown(GLOSSARY)

# %% [markdown]
# ## Check: every term is taught where the glossary says
#
# This cell opens each lesson named in the glossary and looks for the English term in it.

# %%
# NBVAL_CHECK_OUTPUT
import json
from pathlib import Path

def text_of(notebook):
    cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells).lower()

rows = [row for rows in GLOSSARY.values() for row in rows]
lessons = sorted({lesson for *_, lesson in rows})
missing = [name for name in lessons if not Path(f"{name}.ipynb").exists()]
untaught = [(en, lesson) for en, _, _, lesson in rows if lesson not in missing
            and en.split(" (")[0].lower() not in text_of(f"{lesson}.ipynb")]
print(f"{len(rows)} terms in {len(lessons)} lessons")
print("missing lessons:", missing or "none")
print("terms not found in their lesson:", untaught or "none")

# %% [markdown]
# ## The whole course
#
# Every lesson notebook in this folder, in order, with its title:

# %%
for path in sorted(Path(".").glob("[0-9][0-9]_*.ipynb")):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "?")
    print(f"{path.name:<32} {title}")

# %% [markdown]
# Back to the start: [00 Setup and tour](00_setup.ipynb). The exercises are in
# [../exercises/](../exercises/), starting with [01 · Store and receive](../exercises/01_store_and_receive.ipynb).
