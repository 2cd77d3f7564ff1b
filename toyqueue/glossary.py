"""The course glossary, as data: lesson 11 draws it, tests check it against the lessons.

Each term has the English name AWS's documentation and the exam use, the lecture's Korean word
(where the lecture has one; its transcript is machine-translated, so some are literal), the word
AWS's Korean documentation uses, a one-line meaning, and the lesson that defines it.
tests/notebooks/test_lesson_terms.py checks that every term is taught in its lesson and that
jargon is defined where it is first used.
"""
from typing import NamedTuple


class Term(NamedTuple):
    en: str
    lecture: str      # the lecture's Korean, "" where it has none
    aws: str          # AWS's Korean documentation, "" where this glossary gives none
    meaning: str
    lesson: str       # the notebook that defines it, e.g. "06_visibility_duplicates"


T = Term

GLOSSARY = {
    "AWS and the tools of this course": [
        T("AWS", "", "AWS", "Amazon Web Services, Amazon's cloud", "00_setup"),
        T("API", "API", "API", "the calls a service offers to programs (SendMessage, ...)", "00_setup"),
        T("SDK", "SDK 소프트웨어 개발 키트", "SDK", "software development kit: the library a program calls AWS with", "00_setup"),
        T("boto3", "", "", "AWS's SDK for Python", "00_setup"),
        T("LocalStack", "", "", "an emulator of AWS services that runs on your machine", "00_setup"),
        T("MD5", "", "MD5", "a 32-hex-digit checksum; SQS returns one of the body and one of the attributes", "00_setup"),
        T("virtual clock", "", "", "the course's clock that moves only when told, so lessons never wait", "00_setup"),
        T("Region", "", "리전", "a geographic area of AWS data centres, such as us-east-1", "03_standard_queue"),
    ],
    "Talking between applications": [
        T("synchronous communication", "동기 커뮤니케이션", "동기식 통신", "one service calls another directly and waits for it", "01_sync_vs_async"),
        T("asynchronous (event-based) communication", "비동기 혹은 이벤트 기반", "비동기식 통신", "services talk through middleware such as a queue, never directly", "01_sync_vs_async"),
        T("spike", "급증", "", "traffic suddenly much higher than usual (10 → 1,000 videos)", "01_sync_vs_async"),
        T("decoupling", "분리", "분리", "putting a queue between parts so each runs and scales on its own", "08_decoupling_tiers"),
        T("SNS", "SNS (pub/sub 모델)", "Amazon SNS", "Simple Notification Service, publish/subscribe: a copy of each message to every subscriber", "01_sync_vs_async"),
        T("Kinesis", "Kinesis (실시간 스트리밍)", "Amazon Kinesis Data Streams", "real-time streaming of large data volumes through an ordered log", "01_sync_vs_async"),
    ],
    "The queue and its users": [
        T("queue", "대기열", "대기열", "a buffer holding messages between producers and consumers", "02_what_is_a_queue"),
        T("message", "메시지", "메시지", "one piece of work or information, up to 1 MiB (the lecture: 256 KB)", "02_what_is_a_queue"),
        T("producer", "생산자", "생산자", "whatever sends messages to the queue", "02_what_is_a_queue"),
        T("consumer", "소비자", "소비자", "whatever receives, processes and deletes messages", "02_what_is_a_queue"),
        T("poll (polling)", "폴링", "폴링", "a consumer asking the queue whether messages are waiting for it", "02_what_is_a_queue"),
        T("buffer", "버퍼", "버퍼", "the queue's role: it holds work until consumers are ready", "02_what_is_a_queue"),
        T("in flight", "", "", "received by a consumer, not yet deleted: hidden from other consumers", "02_what_is_a_queue"),
        T("receipt handle", "", "수신 핸들", "the token a receive returns, needed to delete; new on every receive", "02_what_is_a_queue"),
    ],
    "The standard queue": [
        T("standard queue", "표준 대기열", "표준 대기열", "SQS's original queue type: unlimited throughput, at-least-once, best-effort order", "03_standard_queue"),
        T("fully managed", "완전 관리형", "완전 관리형", "AWS runs the servers; you only use the API", "03_standard_queue"),
        T("throughput", "처리량", "처리량", "messages per second; unlimited for standard queues", "03_standard_queue"),
        T("retention period", "보존 기간", "메시지 보존 기간", "how long an undeleted message is kept: 4 days default, 14 days max", "03_standard_queue"),
        T("latency", "지연 시간", "지연 시간", "time for one send or receive; the lecture says under 10 ms", "03_standard_queue"),
        T("S3", "S3 버킷", "Amazon S3", "Simple Storage Service: AWS's storage for files of any size, in buckets", "03_standard_queue"),
        T("SendMessage", "SendMessage", "SendMessage", "the API call a producer uses, through the SDK", "04_producing_messages"),
        T("message attributes", "속성", "메시지 속성", "typed name/value pairs sent beside the body (order id, customer id, address)", "04_producing_messages"),
    ],
    "Consuming": [
        T("EC2", "EC2 인스턴스", "Amazon EC2 인스턴스", "Elastic Compute Cloud: virtual servers you rent in AWS", "05_consuming_messages"),
        T("on-premises", "온프레미스", "온프레미스", "in your own building, not in AWS", "05_consuming_messages"),
        T("Lambda", "람다 함수", "AWS Lambda", "functions AWS runs for you, without servers to manage", "05_consuming_messages"),
        T("RDS", "RDS 데이터베이스", "Amazon RDS", "Relational Database Service: SQL databases AWS runs for you", "05_consuming_messages"),
        T("SQLite", "", "", "a SQL database built into Python; our stand-in for RDS", "05_consuming_messages"),
        T("DeleteMessage", "DeleteMessage", "DeleteMessage", "the call that tells SQS a message is processed", "05_consuming_messages"),
            ],
    "Many consumers": [
        T("visibility timeout", "", "가시성 제한 시간", "how long a received message stays hidden from other consumers (default 30 s, at most 12 h)", "06_visibility_duplicates"),
        T("ApproximateReceiveCount", "", "", "how many times a message has been received", "06_visibility_duplicates"),
        T("ChangeMessageVisibility", "", "", "sets a new timeout for one received message, counted from the call", "06_visibility_duplicates"),
        T("at-least-once delivery", "적어도 한 번의 전송", "최소 1회 전송", "every message is delivered, possibly more than once", "06_visibility_duplicates"),
        T("duplicate message", "중복 메시지", "중복 메시지", "the same message received twice", "06_visibility_duplicates"),
        T("best-effort ordering", "최선의 오더 / 최선의 노력으로 메시지 순서 지정", "최선의 노력 순서 지정", "a standard queue tries, but does not promise, to keep the send order; \"품절 메시지\" in the lecture means out-of-order messages", "06_visibility_duplicates"),
        T("idempotent", "", "멱등성", "processing a message twice has the same effect as once", "06_visibility_duplicates"),
        T("poison message", "", "", "a message that fails every time it is processed", "06_visibility_duplicates"),
    ],
    "Scaling": [
        T("horizontal scaling", "수평 확장", "수평 확장", "adding more consumers (instances) rather than bigger ones", "07_scaling_consumers"),
        T("Auto Scaling group", "오토 스케일링 그룹 (ASG)", "Auto Scaling 그룹", "a fleet of EC2 instances that AWS grows and shrinks by rules", "07_scaling_consumers"),
        T("ApproximateNumberOfMessages", "대기열의 길이", "", "the queue attribute for the queue length (GetQueueAttributes); the lecture calls it a CloudWatch metric", "07_scaling_consumers"),
        T("ApproximateNumberOfMessagesVisible", "", "", "the CloudWatch metric for the queue length, sent once a minute: the one to alarm on", "07_scaling_consumers"),
        T("CloudWatch", "CloudWatch", "Amazon CloudWatch", "AWS's monitoring service: metrics over time, and alarms on them", "07_scaling_consumers"),
        T("CloudWatch alarm", "CloudWatch 알람", "CloudWatch 경보", "fires when a metric crosses a threshold, and can scale a group", "07_scaling_consumers"),
        T("datapoint", "", "데이터 포인트", "one value of a metric for one period (SQS: one a minute)", "07_scaling_consumers"),
        T("step scaling policy", "", "단계 조정 정책", "adds or removes a fixed number of instances when an alarm fires", "07_scaling_consumers"),
        T("cooldown", "", "휴지 기간", "a pause after a scaling action during which the policy does not act again", "07_scaling_consumers"),
        T("backlog per instance", "", "인스턴스당 백로그", "queue length / instances: AWS's recommended scaling metric for queue workers", "07_scaling_consumers"),
        T("target tracking", "", "대상 추적 조정", "a scaling policy that keeps a metric near a target by choosing the group size", "07_scaling_consumers"),
        T("tier", "계층", "계층", "one layer of an application (web front end, processing back end)", "08_decoupling_tiers"),
        T("GPU", "그래픽 처리 장치 (GPU)", "GPU 인스턴스", "EC2 instances with graphics processors, suited to video work", "08_decoupling_tiers"),
    ],
    "Security": [
        T("encryption in flight", "비행 중 암호화", "전송 중 암호화", "HTTPS (TLS) between clients and the SQS API", "09_security"),
        T("HTTPS", "HTTPS", "HTTPS", "HTTP inside TLS encryption", "09_security"),
        T("TLS", "", "TLS", "Transport Layer Security: encrypts a connection on the network", "09_security"),
        T("encryption at rest", "미사용 암호화", "저장 시 암호화", "stored messages encrypted (SSE-SQS, SSE-KMS)", "09_security"),
        T("SSE", "", "서버 측 암호화 (SSE)", "server-side encryption: SQS encrypts what it stores", "09_security"),
        T("KMS", "KMS", "AWS KMS (키 관리 서비스)", "AWS Key Management Service: creates and guards encryption keys (KMS keys, KMS 키)", "09_security"),
        T("client-side encryption", "클라이언트 측 암호화", "클라이언트 측 암호화", "the client encrypts before sending and decrypts after receiving", "09_security"),
        T("IAM", "IAM", "AWS IAM", "Identity and Access Management: the users, roles and permissions of an account", "09_security"),
        T("IAM policy", "IAM 정책", "IAM 정책", "what an identity (user, role) may do with the SQS API", "09_security"),
        T("SQS access policy", "SQS 액세스 정책", "Amazon SQS 액세스 정책", "a policy on the queue itself, like an S3 bucket policy", "09_security"),
        T("principal", "", "보안 주체", "who a policy statement is about: an account, user, role or AWS service", "09_security"),
        T("ARN", "", "Amazon 리소스 이름 (ARN)", "Amazon Resource Name, e.g. arn:aws:sqs:us-east-1:000000000000:orders", "09_security"),
        T("cross-account access", "교차 계정 액세스", "교차 계정 액세스", "letting another AWS account use your queue", "09_security"),
        T("EventBridge", "", "Amazon EventBridge", "AWS's event service: a rule sends an event to a target, such as a queue, on a schedule or when something happens", "09_security"),
    ],
    "Beyond the lecture": [
        T("FIFO queue", "또 다른 유형의 제품", "FIFO 대기열", "ordered, deduplicated queue: the lecture's \"other type of product\"", "10_beyond_the_lecture"),
        T("MessageGroupId", "", "메시지 그룹 ID", "FIFO: a group's messages come in send order; the group waits while its first message is in flight", "10_beyond_the_lecture"),
        T("deduplication", "", "중복 제거", "FIFO: a second send with the same deduplication id within 5 minutes is dropped", "10_beyond_the_lecture"),
        T("dead-letter queue", "", "배달 못한 편지 대기열 (DLQ)", "where messages go after too many failed receives", "10_beyond_the_lecture"),
        T("redrive", "", "리드라이브", "moving messages from a DLQ back to their source (StartMessageMoveTask)", "10_beyond_the_lecture"),
        T("long polling", "", "긴 폴링", "a receive that waits up to 20 s for messages to arrive", "10_beyond_the_lecture"),
        T("short polling", "", "짧은 폴링", "a receive that answers at once; on SQS it samples some servers", "10_beyond_the_lecture"),
        T("false empty response", "", "거짓 빈 응답", "a short poll that returns nothing although messages wait on servers it did not ask", "10_beyond_the_lecture"),
        T("delay queue", "", "지연 대기열", "messages stay invisible for up to 15 minutes after sending", "10_beyond_the_lecture"),
        T("batch", "", "배치", "up to 10 messages in one send, delete or visibility call", "10_beyond_the_lecture"),
    ],
}


def terms():
    """Every term, in glossary order."""
    return [t for rows in GLOSSARY.values() for t in rows]
