"""The Korean catalogue: every string toyqueue shows the learner, in Korean (toyqueue.i18n).

Keys are the English exactly as written in tr("...") or mark("...") calls; values keep the same
{fields}. `python tools/translate.py strings` lists what is missing or no longer used. Words follow the
terms list in docs/translating.md (AWS's Korean SQS documentation, the lecture's word beside it).
"""

MESSAGES = {
    # ---- lesson 00: the set-up check (sources/lessons/00_setup.py)
    "the kernel runs the project's .venv": "커널이 프로젝트의 .venv에서 실행됨",
    "this kernel runs Python {version}: pick the kernel 'Python 3 (ipykernel)' of the project's .venv "
    "(run `make lab`)":
        "이 커널은 Python {version}입니다: 프로젝트 .venv의 'Python 3 (ipykernel)' 커널을 고르세요 "
        "(`make lab`으로 여세요)",
    "this kernel runs {prefix}: start JupyterLab with `make lab`":
        "이 커널은 {prefix}에서 실행됩니다: JupyterLab을 `make lab`으로 여세요",
    "{name} installed": "{name} 설치됨",
    "run `make lab` (it installs requirements.txt)": "`make lab`을 실행하세요 (requirements.txt를 설치합니다)",
    "{name} installed as pinned": "{name}: requirements.txt에 고정된 버전으로 설치됨",
    "{name} is {have}, requirements.txt pins {want}: run `make lab` again":
        "{name}의 버전은 {have}, requirements.txt에 고정된 버전은 {want}입니다: `make lab`을 다시 실행하세요",
    "toyqueue importable": "toyqueue를 불러올 수 있음",
    "LocalStack answering, SQS ready": "LocalStack이 응답하고 SQS가 준비됨",
    "{url} says {state!r}: `make lab` starts LocalStack, or run `python -m toyqueue.localstack start` "
    "in a terminal":
        "{url}의 응답: {state!r}. `make lab`이 LocalStack을 시작합니다. 터미널에서 "
        "`python -m toyqueue.localstack start`를 실행해도 됩니다",
    "no answer": "응답 없음",
    "the message did not come back": "보낸 메시지가 돌아오지 않았습니다",
    "LocalStack: a message went round trip": "LocalStack: 메시지 한 건이 전송, 수신, 삭제를 거쳐 돌아옴",
    "toy endpoint: a message went round trip": "토이 엔드포인트: 메시지 한 건이 전송, 수신, 삭제를 거쳐 돌아옴",
    "All set!": "모두 준비되었습니다!",
    "Something is missing: see the FAIL lines.": "빠진 것이 있습니다: FAIL 줄을 보세요.",
    "(no exercises in this copy yet)": "(이 사본에는 아직 실습이 없습니다)",
    # ---- lesson 01: sync vs async (the simulation's summary, its figure in toyqueue/widgets/plots.py,
    # the quiz in toyqueue/quizzes.py)
    "{purchases:,} purchases; shipping handles {capacity:,}/s": "구매 {purchases:,}건, 배송 서비스는 초당 {capacity:,}건 처리",
    "sync  (direct call): {shipped:,} shipped, {failed:,} failed": "동기   (직접 호출): {shipped:,}건 배송, {failed:,}건 실패",
    "async (via a queue): {shipped:,} shipped, {failed:,} failed, longest wait {wait:.0f} s, backlog peak {peak:,}":
        "비동기 (대기열 경유): {shipped:,}건 배송, {failed:,}건 실패, 최장 대기 {wait:.0f}초, 밀린 요청 최대 {peak:,}건",
    "requests arriving": "도착하는 요청",
    "service capacity": "서비스 처리 용량",
    "sync: failed": "동기: 실패",
    "sync: handled": "동기: 처리",
    "per second": "초당",
    "Sync: the spike is far above capacity, and the overflow fails": "동기: 급증이 처리 용량을 크게 넘고, 넘친 요청은 실패",
    "async: waiting in the queue": "비동기: 대기열에서 기다리는 요청",
    "async: handled per second": "비동기: 초당 처리",
    "requests": "요청",
    "Async: the queue holds the spike, the service drains it at {capacity:,}/s":
        "비동기: 대기열이 급증을 담아 두고, 서비스가 초당 {capacity:,}건씩 비움",
    "The shipping service is down. With a queue between purchase and shipping, what happens to a new "
    "purchase?":
        "배송 서비스가 멈췄습니다. 구매와 배송 사이에 대기열이 있다면 새 구매는 어떻게 될까요?",
    "It fails: shipping cannot be reached.": "실패합니다: 배송 서비스에 연결할 수 없습니다.",
    "The purchase service never calls shipping; it only sends a message to the queue.":
        "구매 서비스는 배송 서비스를 호출하지 않습니다. 대기열에 메시지를 보낼 뿐입니다.",
    "It succeeds; the order waits in the queue until shipping is back.":
        "성공합니다. 주문은 배송 서비스가 돌아올 때까지 대기열에서 기다립니다.",
    "The queue holds the message until a consumer receives and deletes it.":
        "대기열은 소비자가 메시지를 받아 삭제할 때까지 메시지를 담아 둡니다.",
    "It succeeds, but the order is lost.": "성공하지만 주문은 사라집니다.",
    "Nothing is lost: the message stays in the queue (for the retention period, lesson 03) until "
    "shipping deletes it.":
        "사라지는 것은 없습니다: 배송 서비스가 삭제할 때까지 메시지는 대기열에 남아 있습니다"
        "(레슨 03의 메시지 보존 기간 안에서).",
    "In the spike simulation (capacity 100/s), what did the queue cost the async design?":
        "급증 시뮬레이션(처리 용량 초당 100건)에서 비동기식 설계는 대기열을 쓴 대가로 무엇을 치렀나요?",
    "Failed requests.": "실패한 요청.",
    "The async design failed none of the 6,150 requests.": "비동기식 설계에서는 6,150건 중 한 건도 실패하지 않았습니다.",
    "Waiting: a request from the end of the spike waited up to 46 s.":
        "기다림: 급증이 끝날 무렵 들어온 요청은 최대 46초를 기다렸습니다.",
    "The backlog is worked off at 100/s, so the last requests of the spike wait their turn.":
        "밀린 요청은 초당 100건씩 처리되므로, 급증의 마지막 요청들은 차례를 기다립니다.",
    "More capacity than the sync design.": "동기식 설계보다 많은 처리 용량.",
    "Both designs had the same capacity, 100 requests per second.": "두 설계의 처리 용량은 초당 100건으로 같았습니다.",
    "Which AWS service gives every subscriber its own copy of each message?":
        "메시지마다 모든 구독자에게 각자의 사본을 주는 AWS 서비스는 무엇일까요?",
    "SQS": "SQS",
    "An SQS message goes to one consumer, which deletes it when done.":
        "SQS 메시지는 소비자 하나에게 가고, 그 소비자가 처리를 마치면 메시지를 삭제합니다.",
    "SNS": "SNS",
    "Publish/subscribe: SNS delivers a copy to every subscriber.": "게시/구독: SNS는 모든 구독자에게 사본을 하나씩 전달합니다.",
    "Kinesis": "Kinesis",
    "Kinesis keeps one ordered log that readers read at their own pace; it does not push copies to "
    "subscribers.":
        "Kinesis는 순서가 있는 로그 하나를 보관하고, 읽는 쪽이 각자 자기 속도로 읽습니다. 구독자에게 사본을 "
        "보내 주지 않습니다.",
    # ---- lesson 02: what is a queue (its figure in toyqueue/widgets/plots.py, the quiz)
    "orders sent this second": "이번 초에 보낸 주문",
    "orders waiting in the queue": "대기열에서 기다리는 주문",
    "consumer capacity per second": "소비자의 초당 처리 용량",
    "orders": "주문",
    "The queue absorbs a burst; the consumer drains it at its own pace":
        "대기열이 몰려든 주문을 흡수하고, 소비자는 자기 속도로 대기열을 비움",
    "A consumer receives a message and crashes before deleting it. What does SQS do with the message?":
        "소비자가 메시지를 받은 뒤 삭제하기 전에 죽었습니다. SQS는 이 메시지를 어떻게 할까요?",
    "Nothing more: receiving removed it from the queue.": "아무것도 하지 않습니다: 받을 때 이미 대기열에서 없어졌습니다.",
    "Receiving never removes a message; only DeleteMessage does.":
        "메시지는 받는다고 없어지지 않습니다. 메시지를 없애는 것은 DeleteMessage뿐입니다.",
    "It stays hidden for the visibility timeout (30 s by default), then another consumer can receive it.":
        "가시성 제한 시간(기본 30초) 동안 숨겨져 있다가, 그 뒤에는 다른 소비자가 받을 수 있습니다.",
    "That is the visibility timeout: a received message is only hidden for a while.":
        "이것이 가시성 제한 시간입니다: 받은 메시지는 잠시 숨겨질 뿐입니다.",
    "It stays in flight forever, as in TinyQueue.": "TinyQueue에서처럼 영원히 처리 중(in flight)으로 남습니다.",
    "TinyQueue had no timeout; SQS's visibility timeout makes the message visible again.":
        "TinyQueue에는 제한 시간이 없었습니다. SQS에서는 가시성 제한 시간이 끝나면 메시지가 다시 보입니다.",
    "Three orders are sent, then one ReceiveMessage with MaxNumberOfMessages=10 returns all three. What "
    "are the counts right after it?":
        "주문 세 건을 보낸 뒤, MaxNumberOfMessages=10으로 ReceiveMessage를 한 번 호출해 세 건을 모두 "
        "받았습니다. 바로 그 뒤의 메시지 수는 어떨까요?",
    "visible 3, in flight 0": "표시됨(visible) 3, 처리 중(in flight) 0",
    "Received messages are hidden from other polls: they are no longer visible.":
        "받은 메시지는 다른 폴링에서 숨겨집니다: 더는 표시되지 않습니다.",
    "visible 0, in flight 3": "표시됨(visible) 0, 처리 중(in flight) 3",
    "All three were received and none deleted yet: they are in flight.":
        "세 건 모두 받았고 아직 아무것도 삭제하지 않았습니다: 처리 중입니다.",
    "visible 0, in flight 0": "표시됨(visible) 0, 처리 중(in flight) 0",
    "Nothing was deleted, so the messages are still in the queue, in flight.":
        "아무것도 삭제하지 않았으므로 메시지는 아직 대기열에 처리 중으로 남아 있습니다.",
    "What does receive_message return when the queue is empty?": "대기열이 비어 있으면 receive_message는 무엇을 돌려줄까요?",
    "An error, QueueIsEmpty.": "QueueIsEmpty 오류.",
    "An empty queue is not an error.": "대기열이 비어 있는 것은 오류가 아닙니다.",
    "A reply without a \"Messages\" key.": "\"Messages\" 키가 없는 응답.",
    "Hence reply.get(\"Messages\", []) in careful code.": "그래서 꼼꼼한 코드는 reply.get(\"Messages\", [])라고 씁니다.",
    "None.": "None.",
    "It is a dict, as always; only the \"Messages\" key is missing.":
        "언제나처럼 dict입니다. \"Messages\" 키만 없을 뿐입니다.",
    "The shop sends 50 orders a second for 4 seconds; the consumer handles 20 a second. How long does the "
    "queue get?":
        "쇼핑몰이 4초 동안 초당 주문 50건을 보내고, 소비자는 초당 20건을 처리합니다. 대기열은 얼마나 길어질까요?",
    "120 orders": "주문 120건",
    "Each second 30 more arrive than leave: 4 x 30 = 120.": "매초 나가는 것보다 30건씩 더 들어옵니다: 4 x 30 = 120.",
    "200 orders": "주문 200건",
    "That is everything sent; the consumer removed 80 meanwhile.": "보낸 주문 전체입니다. 그동안 소비자가 80건을 처리했습니다.",
    "20 orders": "주문 20건",
    "That is what the consumer handles per second, not the backlog.":
        "그것은 소비자가 초당 처리하는 양이지, 밀린 양이 아닙니다.",
    # ---- lesson 03: the standard queue (sources/lessons/03_standard_queue.py: the quiz)
    "A message is sent to a queue with default settings, and nobody ever receives it. Where is it 4 days "
    "and 1 second later?":
        "기본 설정의 대기열에 메시지를 보냈고, 아무도 받지 않았습니다. 4일 1초 뒤 이 메시지는 어디에 있을까요?",
    "Still waiting, visible.": "아직 표시된 채로 기다리고 있습니다.",
    "The default retention is 4 days (345,600 s); after that SQS deletes the message for you.":
        "기본 메시지 보존 기간은 4일(345,600초)입니다. 그 뒤에는 SQS가 메시지를 알아서 삭제합니다.",
    "Gone: SQS deleted it.": "없습니다: SQS가 삭제했습니다.",
    "Retention ran out: receive, process and delete within the retention period, or lose the message.":
        "보존 기간이 끝났습니다: 보존 기간 안에 받고, 처리하고, 삭제하지 않으면 메시지를 잃습니다.",
    "In a dead-letter queue.": "배달 못한 편지 대기열(dead-letter queue)에 있습니다.",
    "Dead-letter queues (lesson 10) catch messages received too often, not expired ones; this queue has "
    "none.":
        "배달 못한 편지 대기열(레슨 10)은 만료된 메시지가 아니라 너무 여러 번 받은 메시지를 모읍니다. 게다가 "
        "이 대기열에는 배달 못한 편지 대기열이 설정되어 있지도 않습니다.",
    "What is the longest MessageRetentionPeriod you can set?": "MessageRetentionPeriod로 정할 수 있는 가장 긴 값은 얼마일까요?",
    "4 days": "4일",
    "That is the default, not the maximum.": "그것은 기본값이지 최댓값이 아닙니다.",
    "14 days (1,209,600 s)": "14일(1,209,600초)",
    "One second more is refused with InvalidAttributeValue.": "1초만 더 길어도 InvalidAttributeValue로 거절됩니다.",
    "No limit": "제한 없음",
    "14 days is a hard ceiling on SQS (LocalStack accepts more, SQS does not).":
        "SQS에서 14일은 넘을 수 없는 상한입니다(LocalStack은 더 긴 값도 받아들이지만 SQS는 받아들이지 않습니다).",
    "A body of 1,048,570 bytes is sent with one attribute, OrderId (String, \"o-1\": 16 bytes). What "
    "happens?":
        "1,048,570바이트짜리 본문을 속성 하나, OrderId(String, \"o-1\": 16바이트)와 함께 보냅니다. 어떻게 될까요?",
    "Accepted: the body is under 1 MiB.": "받아들여집니다: 본문이 1MiB보다 작습니다.",
    "Attributes count toward the limit: 1,048,570 + 16 = 1,048,586 bytes.":
        "속성도 한도에 포함됩니다: 1,048,570 + 16 = 1,048,586바이트.",
    "Refused with InvalidParameterValue.": "InvalidParameterValue로 거절됩니다.",
    "Body and attributes together exceed 1,048,576 bytes.": "본문과 속성을 합치면 1,048,576바이트를 넘습니다.",
    "The lecture says a message must be smaller than 256 KB. What is the rule today?":
        "강의는 메시지가 256KB보다 작아야 한다고 말합니다. 지금의 규칙은 무엇일까요?",
    "Still 256 KB.": "여전히 256KB입니다.",
    "AWS raised the limit in August 2025.": "AWS는 2025년 8월에 한도를 올렸습니다.",
    "1 MiB (1,048,576 bytes), attributes included.": "속성을 포함해 1MiB(1,048,576바이트)입니다.",
    "256 KiB is now only what you get if you set MaximumMessageSize=262144.":
        "이제 256KiB는 MaximumMessageSize=262144로 정했을 때만 적용되는 한도입니다.",
    "No limit for standard queues.": "표준 대기열에는 제한이 없습니다.",
    "Throughput and backlog are unlimited; message size is not.": "처리량과 백로그는 무제한이지만 메시지 크기는 그렇지 않습니다.",
    # ---- lesson 04: producing messages (sources/lessons/04_producing_messages.py: the quiz)
    "What does MD5OfMessageBody in SendMessage's answer let a producer check?":
        "SendMessage의 응답에 있는 MD5OfMessageBody로 생산자는 무엇을 확인할 수 있을까요?",
    "That SQS stored exactly the body it sent.": "내가 보낸 본문을 SQS가 정확히 그대로 저장했는지.",
    "It is the MD5 of the body's UTF-8 bytes: compute your own and compare.":
        "본문의 UTF-8 바이트에 대한 MD5입니다: 직접 계산해서 비교하면 됩니다.",
    "That the message is encrypted.": "메시지가 암호화되었는지.",
    "A checksum is not encryption; anyone can compute it from the body (lesson 09 is about encryption).":
        "체크섬은 암호화가 아닙니다. 본문만 있으면 누구나 계산할 수 있습니다(암호화는 레슨 09에서 다룹니다).",
    "That the message will be delivered only once.": "메시지가 한 번만 전달될지.",
    "It says nothing about delivery; standard queues deliver at least once (lesson 06).":
        "전달에 대해서는 아무것도 알려 주지 않습니다. 표준 대기열은 최소 1회 전송입니다(레슨 06).",
    "A consumer calls receive_message without MessageAttributeNames. Does the message it gets carry the "
    "attributes?":
        "소비자가 MessageAttributeNames 없이 receive_message를 호출합니다. 받은 메시지에 속성이 들어 있을까요?",
    "Yes, always.": "네, 항상 들어 있습니다.",
    "Attributes come only when asked for, by name or with [\"All\"].":
        "속성은 이름으로, 또는 [\"All\"]로 요청할 때만 옵니다.",
    "No: it gets the body, its MD5, the MessageId and a ReceiptHandle.":
        "아니요: 본문, 본문의 MD5, MessageId, ReceiptHandle만 받습니다.",
    "Ask with MessageAttributeNames=[\"All\"] to get them.": "속성을 받으려면 MessageAttributeNames=[\"All\"]로 요청하세요.",
    "A producer sends a message with 11 message attributes. What does SQS answer?":
        "생산자가 메시지 속성 11개를 붙여 메시지를 보냅니다. SQS는 어떻게 답할까요?",
    "It accepts the message.": "메시지를 받아들입니다.",
    "That is LocalStack; SQS allows at most 10.": "그것은 LocalStack의 동작입니다. SQS는 최대 10개까지만 허용합니다.",
    # "InvalidParameterValue", a choice here too, is under lesson 05 (one key, one translation)
    "At most 10 attributes per message: the toy refuses the 11th as SQS does.":
        "메시지당 속성은 최대 10개입니다: 토이도 SQS처럼 11번째를 거절합니다.",
    "It keeps the first 10 and drops the rest.": "처음 10개만 남기고 나머지는 버립니다.",
    "SQS never half-does a call: the whole send is refused.": "SQS는 호출을 절반만 처리하지 않습니다: 전송 전체가 거절됩니다.",
    "A consumer receives a message and does not delete it. Is the message still in the queue?":
        "소비자가 메시지를 받고 삭제하지 않았습니다. 메시지는 아직 대기열에 있을까요?",
    "Yes: only DeleteMessage removes it (or the retention period running out).":
        "네: 메시지는 DeleteMessage로 삭제하거나 보존 기간이 끝나야만 없어집니다.",
    "Receiving hides a message for a while; it does not remove it.": "받으면 메시지가 잠시 숨겨질 뿐, 없어지지는 않습니다.",
    "No: receiving removed it.": "아니요: 받을 때 없어졌습니다.",
    "Receiving alone never removes a message.": "받기만 해서는 메시지가 없어지지 않습니다.",
    # ---- lesson 11: the glossary (sources/lessons/11_glossary.py)
    "{terms} terms in {lessons} lessons": "용어 {terms}개, 레슨 {lessons}개",
    "missing lessons: {names}": "없는 레슨: {names}",
    "terms not found in their lesson: {terms}": "레슨에서 찾지 못한 용어: {terms}",
    "none": "없음",
    # ---- lesson 11: the glossary's sections and meanings (toyqueue/glossary.py, shown through tr())
    "| English | 강의 (the lecture) | AWS 문서 (AWS docs) | meaning | lesson |":
        "| 영어 | 강의 | AWS 한국어 문서 | 뜻 | 레슨 |",
    "AWS and the tools of this course": "AWS와 이 과정의 도구",
    "Talking between applications": "애플리케이션 사이의 통신",
    "The queue and its users": "대기열과 그 사용자",
    "The standard queue": "표준 대기열",
    "Consuming": "메시지 받기",
    "Many consumers": "여러 소비자",
    "Scaling": "확장",
    "Security": "보안",
    "Beyond the lecture": "강의 너머",
    "Amazon Web Services, Amazon's cloud": "Amazon Web Services, Amazon의 클라우드",
    "the calls a service offers to programs (SendMessage, ...)":
        "서비스가 프로그램에 내놓는 호출들 (SendMessage, ...)",
    "software development kit: the library a program calls AWS with":
        "소프트웨어 개발 키트: 프로그램이 AWS를 호출할 때 쓰는 라이브러리",
    "AWS's SDK for Python": "Python용 AWS SDK",
    "an emulator of AWS services that runs on your machine": "내 컴퓨터에서 돌아가는 AWS 서비스 에뮬레이터",
    "a 32-hex-digit checksum; SQS returns one of the body and one of the attributes":
        "16진수 32자리 체크섬. SQS는 본문의 것과 속성의 것을 하나씩 돌려줌",
    "the course's clock that moves only when told, so lessons never wait":
        "시킬 때만 움직이는 이 과정의 시계. 그래서 레슨은 기다리지 않음",
    "a geographic area of AWS data centres, such as us-east-1": "AWS 데이터 센터가 모인 지리적 지역 (예: us-east-1)",
    "one service calls another directly and waits for it": "한 서비스가 다른 서비스를 직접 호출하고 응답을 기다림",
    "services talk through middleware such as a queue, never directly":
        "서비스가 직접 연결되지 않고 대기열 같은 미들웨어를 거쳐 주고받음",
    "traffic suddenly much higher than usual (10 → 1,000 videos)":
        "평소보다 갑자기 훨씬 많아진 트래픽 (비디오 10개 → 1,000개)",
    "putting a queue between parts so each runs and scales on its own":
        "부분 사이에 대기열을 두어 각자 따로 실행하고 확장하게 함",
    "Simple Notification Service, publish/subscribe: a copy of each message to every subscriber":
        "Simple Notification Service, 게시/구독: 메시지마다 모든 구독자에게 사본 하나씩",
    "real-time streaming of large data volumes through an ordered log":
        "순서가 있는 로그를 통한 대용량 데이터의 실시간 스트리밍",
    "a buffer holding messages between producers and consumers": "생산자와 소비자 사이에서 메시지를 담아 두는 버퍼",
    "one piece of work or information, up to 1 MiB (the lecture: 256 KB)": "작업이나 정보 한 건, 최대 1MiB (강의: 256KB)",
    "whatever sends messages to the queue": "대기열에 메시지를 보내는 쪽",
    "whatever receives, processes and deletes messages": "메시지를 받아 처리하고 삭제하는 쪽",
    "a consumer asking the queue whether messages are waiting for it":
        "소비자가 대기열에 자기 앞으로 온 메시지가 있는지 묻는 것",
    "the queue's role: it holds work until consumers are ready": "대기열의 역할: 소비자가 준비될 때까지 작업을 담아 둠",
    "received by a consumer, not yet deleted: hidden from other consumers":
        "소비자가 받았지만 아직 삭제하지 않은 상태: 다른 소비자에게는 보이지 않음",
    "the token a receive returns, needed to delete; new on every receive":
        "수신할 때 받는 토큰. 삭제에 필요하고, 받을 때마다 새로 나옴",
    "SQS's original queue type: unlimited throughput, at-least-once, best-effort order":
        "SQS의 원래 대기열 유형: 무제한 처리량, 최소 1회 전송, 최선의 노력 순서 지정",
    "AWS runs the servers; you only use the API": "서버는 AWS가 운영하고, 사용자는 API만 씀",
    "messages per second; unlimited for standard queues": "초당 메시지 수. 표준 대기열은 무제한",
    "how long an undeleted message is kept: 4 days default, 14 days max":
        "삭제되지 않은 메시지를 보관하는 기간: 기본 4일, 최대 14일",
    "time for one send or receive; the lecture says under 10 ms": "전송이나 수신 한 번에 걸리는 시간. 강의는 10ms 미만이라고 함",
    "Simple Storage Service: AWS's storage for files of any size, in buckets":
        "Simple Storage Service: 크기와 상관없이 파일을 버킷에 담는 AWS의 저장소",
    "the API call a producer uses, through the SDK": "생산자가 SDK로 호출하는 API",
    "typed name/value pairs sent beside the body (order id, customer id, address)":
        "본문과 함께 보내는, 데이터 유형이 있는 이름/값 쌍 (주문 ID, 고객 ID, 주소)",
    "Elastic Compute Cloud: virtual servers you rent in AWS": "Elastic Compute Cloud: AWS에서 빌려 쓰는 가상 서버",
    "in your own building, not in AWS": "AWS가 아닌 자기 건물 안에",
    "functions AWS runs for you, without servers to manage": "관리할 서버 없이 AWS가 대신 실행해 주는 함수",
    "Relational Database Service: SQL databases AWS runs for you":
        "Relational Database Service: AWS가 대신 운영해 주는 SQL 데이터베이스",
    "a SQL database built into Python; our stand-in for RDS": "Python에 들어 있는 SQL 데이터베이스. 이 과정에서 RDS 대신 씀",
    "the call that tells SQS a message is processed": "메시지 처리가 끝났다고 SQS에 알리는 호출",
    "how long a received message stays hidden from other consumers (default 30 s, at most 12 h)":
        "받은 메시지가 다른 소비자에게 보이지 않는 시간 (기본 30초, 최대 12시간)",
    "how many times a message has been received": "메시지를 받은 횟수",
    "sets a new timeout for one received message, counted from the call":
        "받은 메시지 하나의 가시성 제한 시간을 호출한 때부터 새로 정함",
    "every message is delivered, possibly more than once": "모든 메시지가 전달되지만, 두 번 이상 전달될 수도 있음",
    "the same message received twice": "같은 메시지를 두 번 받는 것",
    "a standard queue tries, but does not promise, to keep the send order; \"품절 메시지\" in the lecture means "
    "out-of-order messages":
        "표준 대기열은 보낸 순서를 지키려 하지만 약속하지는 않음. 강의의 \"품절 메시지\"는 순서가 바뀐 메시지를 뜻함",
    "processing a message twice has the same effect as once": "메시지를 두 번 처리해도 한 번 처리한 것과 결과가 같음",
    "a message that fails every time it is processed": "처리할 때마다 실패하는 메시지",
    "adding more consumers (instances) rather than bigger ones": "더 큰 인스턴스 대신 소비자(인스턴스)를 더 늘림",
    "a fleet of EC2 instances that AWS grows and shrinks by rules": "AWS가 규칙에 따라 늘리고 줄이는 EC2 인스턴스 무리",
    "the queue attribute for the queue length (GetQueueAttributes); the lecture calls it a CloudWatch metric":
        "대기열 길이를 나타내는 대기열 속성 (GetQueueAttributes). 강의는 CloudWatch 지표라고 부름",
    "the CloudWatch metric for the queue length, sent once a minute: the one to alarm on":
        "대기열 길이를 1분에 한 번 보내는 CloudWatch 지표: 경보는 이것에 건다",
    "AWS's monitoring service: metrics over time, and alarms on them": "AWS의 모니터링 서비스: 시간에 따른 지표와 그에 대한 경보",
    "fires when a metric crosses a threshold, and can scale a group": "지표가 임계값을 넘으면 울리고, 그룹을 확장할 수 있음",
    "one value of a metric for one period (SQS: one a minute)": "한 기간에 대한 지표 값 하나 (SQS: 1분에 하나)",
    "adds or removes a fixed number of instances when an alarm fires": "경보가 울리면 정해진 수만큼 인스턴스를 더하거나 뺌",
    "a pause after a scaling action during which the policy does not act again":
        "조정한 뒤 정책이 다시 움직이지 않고 쉬는 시간",
    "queue length / instances: AWS's recommended scaling metric for queue workers":
        "대기열 길이 / 인스턴스 수: 대기열 작업자를 확장할 때 AWS가 권하는 지표",
    "a scaling policy that keeps a metric near a target by choosing the group size":
        "그룹 크기를 골라 지표를 목표값 가까이 유지하는 조정 정책",
    "one layer of an application (web front end, processing back end)": "애플리케이션의 한 층 (웹 프론트엔드, 처리 백엔드)",
    "EC2 instances with graphics processors, suited to video work": "그래픽 처리 장치가 있는 EC2 인스턴스. 비디오 작업에 알맞음",
    "HTTPS (TLS) between clients and the SQS API": "클라이언트와 SQS API 사이의 HTTPS (TLS)",
    "HTTP inside TLS encryption": "TLS 암호화 안의 HTTP",
    "Transport Layer Security: encrypts a connection on the network": "Transport Layer Security: 네트워크 연결을 암호화함",
    "stored messages encrypted (SSE-SQS, SSE-KMS)": "저장된 메시지를 암호화 (SSE-SQS, SSE-KMS)",
    "server-side encryption: SQS encrypts what it stores": "서버 측 암호화: SQS가 저장하는 것을 암호화함",
    "AWS Key Management Service: creates and guards encryption keys (KMS keys, KMS 키)":
        "AWS Key Management Service: 암호화 키(KMS 키)를 만들고 지킴",
    "the client encrypts before sending and decrypts after receiving": "클라이언트가 보내기 전에 암호화하고 받은 뒤에 복호화함",
    "Identity and Access Management: the users, roles and permissions of an account":
        "Identity and Access Management: 계정의 사용자, 역할, 권한",
    "what an identity (user, role) may do with the SQS API": "자격 증명(사용자, 역할)이 SQS API로 할 수 있는 일",
    "a policy on the queue itself, like an S3 bucket policy": "대기열 자체에 붙는 정책. S3 버킷 정책과 비슷함",
    "who a policy statement is about: an account, user, role or AWS service":
        "정책 문이 가리키는 대상: 계정, 사용자, 역할 또는 AWS 서비스",
    "Amazon Resource Name, e.g. arn:aws:sqs:us-east-1:000000000000:orders":
        "Amazon 리소스 이름. 예: arn:aws:sqs:us-east-1:000000000000:orders",
    "letting another AWS account use your queue": "다른 AWS 계정이 내 대기열을 쓰게 함",
    "AWS's event service: a rule sends an event to a target, such as a queue, on a schedule or when something happens":
        "AWS의 이벤트 서비스: 규칙이 정해진 일정에 따라, 또는 무슨 일이 일어났을 때 대기열 같은 대상에 이벤트를 보냄",
    "ordered, deduplicated queue: the lecture's \"other type of product\"":
        "순서를 지키고 중복을 없애는 대기열: 강의의 \"또 다른 유형의 제품\"",
    "FIFO: a group's messages come in send order; the group waits while its first message is in flight":
        "FIFO: 한 그룹의 메시지는 보낸 순서대로 오고, 그룹의 첫 메시지가 처리 중인 동안 그 그룹은 기다림",
    "FIFO: a second send with the same deduplication id within 5 minutes is dropped":
        "FIFO: 5분 안에 같은 중복 제거 ID로 다시 보낸 메시지는 버려짐",
    "where messages go after too many failed receives": "수신이 너무 여러 번 실패한 메시지가 옮겨 가는 곳",
    "moving messages from a DLQ back to their source (StartMessageMoveTask)":
        "DLQ의 메시지를 원래 대기열로 되돌림 (StartMessageMoveTask)",
    "a receive that waits up to 20 s for messages to arrive": "메시지가 도착하기를 최대 20초까지 기다리는 수신",
    "a receive that answers at once; on SQS it samples some servers": "바로 답하는 수신. SQS에서는 서버 일부만 살펴봄",
    "a short poll that returns nothing although messages wait on servers it did not ask":
        "짧은 폴링이 묻지 않은 서버에 메시지가 기다리는데도 아무것도 돌려주지 않는 응답",
    "messages stay invisible for up to 15 minutes after sending": "보낸 뒤 최대 15분 동안 메시지가 보이지 않음",
    "up to 10 messages in one send, delete or visibility call": "전송, 삭제, 가시성 변경 한 번에 메시지 최대 10개",

    # ---- lesson 06: visibility, duplicates and ordering (sources/lessons/06_visibility_duplicates.py)
    # the consumers simulation's summary line (toyqueue/sim/consumers.py)
    "{messages} messages, {consumers} consumers: {deleted} deleted, {dead} dead-lettered, "
    "{redelivered} redeliveries, {duplicates} processed twice or more, {crashes} crashes, "
    "done at t = {end:g} s":
        "메시지 {messages}개, 소비자 {consumers}개: 삭제 {deleted}개, 배달 못한 편지 대기열로 이동 {dead}개, "
        "재전송 {redelivered}번, 두 번 이상 처리 {duplicates}개, 중단 {crashes}번, t = {end:g}초에 끝남",
    # its quiz (toyqueue/quizzes.py)
    "Consumer B is still working on a message when its 30 s visibility timeout ends. What happens?":
        "소비자 B가 아직 메시지를 처리하고 있는데 30초의 가시성 제한 시간이 끝납니다. 어떻게 될까요?",
    "The message stays hidden until B deletes it.": "B가 삭제할 때까지 메시지는 계속 숨겨져 있습니다.",
    "The queue cannot tell a slow consumer from a dead one; the timeout decides.":
        "대기열은 느린 소비자와 죽은 소비자를 구별하지 못합니다. 제한 시간이 결정합니다.",
    "The message is visible again; the next poll, by anyone, receives it.":
        "메시지가 다시 보이고, 누구든 다음에 폴링하는 소비자가 받습니다.",
    "That is how a duplicate happens: at-least-once delivery.": "이렇게 중복이 생깁니다. 최소 1회 전송입니다.",
    "SQS stops B's work.": "SQS가 B의 작업을 멈춥니다.",
    "SQS knows nothing about B's work; it only hides and shows messages.":
        "SQS는 B의 작업에 대해 아무것도 모릅니다. 메시지를 숨기고 보여 줄 뿐입니다.",
    "C has received the message again. Now B deletes it with its old receipt handle. On the toy, what "
    "happens?":
        "C가 메시지를 다시 받았습니다. 이제 B가 예전 수신 핸들로 메시지를 삭제합니다. 토이에서는 어떻게 "
        "될까요?",
    "The call fails with ReceiptHandleIsInvalid.": "호출이 ReceiptHandleIsInvalid로 실패합니다.",
    "The handle is well formed and was valid once: the call succeeds.":
        "핸들은 형식이 올바르고 한때는 유효했습니다. 호출은 성공합니다.",
    "The call succeeds and removes nothing; the message stays in flight with C.":
        "호출은 성공하지만 아무것도 지우지 않습니다. 메시지는 계속 C가 처리 중입니다.",
    "Only the newest handle is sure to delete (real SQS may or may not delete).":
        "확실히 삭제하는 것은 가장 최근의 핸들뿐입니다(실제 SQS는 삭제할 수도, 안 할 수도 있습니다).",
    "The call succeeds and removes the message.": "호출이 성공하고 메시지가 지워집니다.",
    "That is what LocalStack did; the toy does not, and SQS does not promise it.":
        "LocalStack은 그렇게 했습니다. 토이는 그러지 않고, SQS도 그렇게 약속하지 않습니다.",
    "The lecture's Korean says SQS \"may send 품절 메시지\". What does it mean?":
        "강의의 한국어는 SQS가 \"품절 메시지를 보낼 수도 있다\"고 말합니다. 무슨 뜻일까요?",
    "Messages for sold-out products.": "품절된 상품에 대한 메시지.",
    "That is the literal reading of a mistranslation.": "잘못 번역된 문장을 글자 그대로 읽은 것입니다.",
    "Out-of-order messages: ordering is best effort.": "순서가 바뀐 메시지. 순서 지정은 최선의 노력일 뿐입니다.",
    "\"Out of order\" was machine-translated as \"sold out\" (품절).":
        "\"out of order\"(순서가 바뀐)가 기계 번역에서 \"품절\"(sold out)이 되었습니다.",
    "Duplicate messages.": "중복 메시지.",
    "Those are 중복 메시지, the other property of standard queues.":
        "중복 메시지는 강의에 그 말 그대로 나옵니다. 표준 대기열의 또 다른 성질입니다.",
    "One consumer receives one message at a time from a standard queue and deletes each before its next "
    "receive. Do the messages come in the order they were sent?":
        "소비자 하나가 표준 대기열에서 메시지를 한 번에 하나씩 받고, 다음 수신 전에 받은 메시지를 "
        "삭제합니다. 메시지는 보낸 순서대로 올까요?",
    "Yes: with one consumer and no timeouts, nothing can reorder them.":
        "네. 소비자가 하나이고 제한 시간이 지나지 않으면 순서를 바꿀 것이 없습니다.",
    "The queue's own servers can: on the realistic toy one consumer got order-5 before order-2.":
        "대기열 자신의 서버가 바꿀 수 있습니다. 실제에 가까운 토이에서 소비자 하나가 order-2보다 order-5를 "
        "먼저 받았습니다.",
    "Usually, but not always: a receive may not find the oldest message.":
        "대체로 그렇지만 언제나는 아닙니다. 수신이 가장 오래된 메시지를 찾지 못할 수 있습니다.",
    "A receive asks only some of the servers, so a later message can come first: best-effort ordering.":
        "수신은 서버 일부에만 묻기 때문에 나중 메시지가 먼저 올 수 있습니다. 최선의 노력 순서 지정입니다.",
    "Never: a standard queue shuffles its messages.": "절대 아닙니다. 표준 대기열은 메시지를 뒤섞습니다.",
    "It tries to keep the send order and usually does; it only does not promise it.":
        "보낸 순서를 지키려 하고 대체로 지킵니다. 다만 약속하지 않을 뿐입니다.",
    "A consumer receives a message at t = 0 (timeout 30 s) and at t = 20 s calls ChangeMessageVisibility "
    "with 60. When is the message visible again?":
        "소비자가 t = 0에 메시지를 받고(제한 시간 30초), t = 20초에 ChangeMessageVisibility를 60으로 "
        "호출합니다. 메시지는 언제 다시 보일까요?",
    "At t = 30 s": "t = 30초에",
    "The change replaced the original timeout.": "변경이 원래 제한 시간을 대신했습니다.",
    "At t = 80 s": "t = 80초에",
    "The new timeout counts from the call: 20 + 60.": "새 제한 시간은 호출한 때부터 셉니다: 20 + 60.",
    "At t = 90 s": "t = 90초에",
    "The 60 s are not added to the original 30 s.": "60초는 원래의 30초에 더해지지 않습니다.",
    "Six orders, eight deliveries (two duplicates), each inserted with INSERT OR IGNORE into a table "
    "keyed by order id. How many rows?":
        "주문 6건, 전달 8번(중복 2번). 모두 주문 ID가 키인 테이블에 INSERT OR IGNORE로 넣습니다. "
        "행은 몇 개일까요?",
    "8": "8",
    "The primary key makes the second insert of an order a no-op.":
        "기본 키 때문에 같은 주문의 두 번째 입력은 아무 일도 하지 않습니다.",
    "6": "6",
    "One row per order, whichever copy came first.": "어느 사본이 먼저 왔든 주문마다 한 행입니다.",
    "4": "4",
    "Every order was shipped at least once.": "모든 주문이 적어도 한 번은 배송되었습니다.",
    "A consumer deletes every message within a second of receiving it, long before its visibility "
    "timeout ends, and every delete succeeds. Can it receive a message it has already deleted?":
        "소비자가 모든 메시지를 받은 지 1초 안에, 가시성 제한 시간이 끝나기 한참 전에 삭제하고, 삭제는 "
        "모두 성공합니다. 이미 삭제한 메시지를 다시 받을 수 있을까요?",
    "No: a successful delete is final.": "아니요. 삭제가 성공하면 그것으로 끝입니다.",
    "Not on a standard queue: a server holding a copy may miss the delete.":
        "표준 대기열에서는 아닙니다. 사본을 가진 서버가 삭제를 놓칠 수 있습니다.",
    "Yes, rarely: a server that was down during the delete still holds a copy.":
        "네, 드물게 받습니다. 삭제할 때 멈춰 있던 서버에 사본이 남아 있습니다.",
    "At-least-once delivery without any timeout: on the realistic toy, 204 deliveries for 200 orders, "
    "and the idempotent consumer still shipped 200.":
        "제한 시간과 상관없는 최소 1회 전송입니다. 실제에 가까운 토이에서 주문 200건에 전달 204번이었고, "
        "멱등 소비자는 그래도 200건만 배송했습니다.",
    "Only if the delete call returned an error.": "삭제 호출이 오류를 돌려준 경우에만 받습니다.",
    "The call succeeded; the copy on the server that was down survived it.":
        "호출은 성공했습니다. 멈춰 있던 서버의 사본이 살아남은 것입니다.",

    # ---- lesson 07: scaling consumers (sources/lessons/07_scaling_consumers.py: actions; its figure,
    # toyqueue/widgets/plots.py)
    "minute {minute:>4.0f}: {change:+d} instances  ({reason})": "{minute:>4.0f}분: 인스턴스 {change:+d}대  ({reason})",
    "step alarm threshold": "단계 조정 경보 임계값",
    "Step scaling: the alarm adds 4 instances at a time": "단계 조정: 경보가 인스턴스를 4대씩 추가",
    "Step scaling vs target tracking, same spike": "단계 조정 vs 대상 추적, 같은 급증",
    # the autoscaling simulation's summary and reasons (toyqueue/sim/autoscaling.py; the target-tracking
    # reasons of toyqueue/sim/asg.py are under lesson 08)
    "{policy:>6}: peak {peak} instances, longest wait {wait:.1f} min, backlog gone at {drained}, back to "
    "{min_size} at {back}, {cost:,.0f} instance-minutes":
        "{policy:>6}: 최대 {peak}대, 최장 대기 {wait:.1f}분, 백로그 해소 {drained}, {min_size}대로 복귀 {back}, "
        "{cost:,.0f} 인스턴스-분",
    "{minutes:.0f} min": "{minutes:.0f}분",
    "depth {depth:,} > {threshold:,}": "길이 {depth:,} > {threshold:,}",
    "depth {depth:,} < {threshold:,}": "길이 {depth:,} < {threshold:,}",
    "backlog {reason}": "백로그 {reason}",
    # its quiz (toyqueue/quizzes.py; "10" is lesson 05's too)
    "You build the lecture's alarm in CloudWatch. Which metric holds the queue length?":
        "강의의 경보를 CloudWatch에서 만듭니다. 대기열 길이가 들어 있는 지표는 무엇일까요?",
    "ApproximateNumberOfMessages": "ApproximateNumberOfMessages",
    "That is the queue attribute (GetQueueAttributes); CloudWatch has no metric of that name.":
        "그것은 대기열 속성(GetQueueAttributes)입니다. CloudWatch에는 그런 이름의 지표가 없습니다.",
    "ApproximateNumberOfMessagesVisible": "ApproximateNumberOfMessagesVisible",
    "The same number as the attribute, under its CloudWatch name, once a minute.":
        "속성과 같은 숫자를 CloudWatch의 이름으로 1분에 한 번 기록합니다.",
    "NumberOfMessagesSent": "NumberOfMessagesSent",
    "That counts sends per period, not what waits in the queue.":
        "기간마다 보낸 메시지 수를 셀 뿐, 대기열에서 기다리는 메시지 수가 아닙니다.",
    "An alarm fires when the queue length is above 1,000 for 2 datapoints in a row. The lengths, one a "
    "minute, are 200, 1200, 1500, 2500, 900. At which value is the alarm first in ALARM?":
        "경보는 대기열 길이가 데이터 포인트 2개 연속으로 1,000을 넘으면 울립니다. 1분에 하나씩 나온 길이는 "
        "200, 1200, 1500, 2500, 900입니다. 경보가 처음으로 ALARM 상태가 되는 것은 어느 값에서일까요?",
    "1200": "1200",
    "One datapoint above is not enough: it needs two in a row.":
        "넘는 데이터 포인트 하나로는 부족합니다. 두 개가 연속이어야 합니다.",
    "1500": "1500",
    "1200 and 1500: the second datapoint in a row above 1,000.":
        "1200과 1500: 1,000을 넘는 두 번째 연속 데이터 포인트입니다.",
    "2500": "2500",
    "It is already in ALARM one minute earlier.": "1분 전에 이미 ALARM 상태입니다.",
    "Orders may wait 10 s, and an instance processes one in 0.1 s. What backlog per instance should "
    "target tracking aim for?":
        "주문은 10초까지 기다려도 되고, 인스턴스 하나는 주문 하나를 0.1초에 처리합니다. 대상 추적이 "
        "목표로 삼을 인스턴스당 백로그는 얼마일까요?",
    "100": "100",
    "Acceptable latency / processing time = 10 / 0.1.": "허용할 수 있는 지연 시간 / 처리 시간 = 10 / 0.1.",
    "That is the latency, not a backlog.": "그것은 지연 시간이지 백로그가 아닙니다.",
    "1": "1",              # also a choice of lesson 10's quiz
    "An instance can work off 100 orders within the 10 s.": "인스턴스 하나는 10초 안에 주문 100건을 처리할 수 있습니다.",
    "120 orders take one consumer 2 s each (240 s in all). How long do 8 consumers polling the same "
    "queue take?":
        "소비자 하나가 주문 120건을 건마다 2초씩(모두 240초) 처리합니다. 같은 대기열을 폴링하는 소비자 "
        "8개는 얼마나 걸릴까요?",
    "240 s": "240초",
    "Each receive hands out different messages, so they work in parallel.":
        "수신할 때마다 서로 다른 메시지를 내주므로, 소비자들은 병렬로 일합니다.",
    "30 s": "30초",
    "8 times the consumers, an eighth of the time.": "소비자가 8배면 시간은 8분의 1입니다.",
    "2 s": "2초",
    "Each consumer still handles 15 orders, one after another.":
        "소비자마다 여전히 주문 15건을 하나씩 차례로 처리합니다.",
    "1,000 orders arrive at 9:30. The alarm needs 2 datapoints above 500, one a minute; on the exact toy "
    "it is in ALARM from minute 11. When is it, if the counts lag a minute as on the realistic toy?":
        "9:30에 주문 1,000건이 도착합니다. 경보에는 500을 넘는 데이터 포인트 2개가 필요하고, 데이터 "
        "포인트는 1분에 하나입니다. 정확한 토이에서는 11분부터 ALARM 상태입니다. 실제에 가까운 토이처럼 "
        "숫자가 1분 늦는다면 언제부터일까요?",
    "From minute 11 as well.": "똑같이 11분부터.",
    "The datapoint at minute 10 shows the queue of minute 9, before the burst: only one datapoint above "
    "500.":
        "10분의 데이터 포인트는 주문이 몰려들기 전인 9분의 대기열을 보여 줍니다. 500을 넘는 데이터 "
        "포인트는 하나뿐입니다.",
    "From minute 12.": "12분부터.",
    "Each datapoint is a minute old, so the alarm reacts a minute late (and stays a minute too long).":
        "데이터 포인트마다 1분 전의 값이라서 경보가 1분 늦게 반응합니다(그리고 1분 더 오래 머뭅니다).",
    "Never.": "울리지 않습니다.",
    "The counts are late, not wrong: a minute later they catch up.":
        "숫자는 늦을 뿐 틀리지 않습니다. 1분 뒤면 따라잡습니다.",

    # ---- lesson 10: beyond the lecture, its quiz (toyqueue/quizzes.py; "InvalidParameterValue" is
    # lessons 04 and 05's too)
    "In a FIFO queue, consumer 1 has received A1 (group A) and not deleted it. Group A also holds A2; "
    "group B holds B1. What can consumer 2 receive?":
        "FIFO 대기열에서 소비자 1이 A1(그룹 A)을 받고 아직 삭제하지 않았습니다. 그룹 A에는 A2도 있고, "
        "그룹 B에는 B1이 있습니다. 소비자 2는 무엇을 받을 수 있을까요?",
    "A2": "A2",
    "While a message of group A is in flight, no later message of A is delivered.":
        "그룹 A의 메시지가 처리 중인 동안에는 A의 다음 메시지가 전달되지 않습니다.",
    "B1": "B1",
    "Group B is independent of group A.": "그룹 B는 그룹 A와 상관없습니다.",
    "Nothing until A1 is deleted.": "A1이 삭제될 때까지 아무것도 받지 못합니다.",
    "Only group A is blocked.": "막힌 것은 그룹 A뿐입니다.",
    "A FIFO producer sends the same MessageDeduplicationId at t = 0 s and again at t = 301 s. How many "
    "messages are in the queue?":
        "FIFO 생산자가 같은 MessageDeduplicationId로 t = 0초에 한 번, t = 301초에 또 한 번 보냅니다. "
        "대기열에는 메시지가 몇 개 있을까요?",
    "SQS remembers a deduplication id for 5 minutes only.": "SQS는 중복 제거 ID를 5분 동안만 기억합니다.",
    "2": "2",
    "301 s is past the 5-minute window, so the second send counts.":
        "301초는 5분 간격이 지난 뒤라서 두 번째 전송도 대기열에 들어갑니다.",
    "A RedrivePolicy has maxReceiveCount 3, and a consumer never deletes. When does the message move to "
    "the dead-letter queue?":
        "RedrivePolicy의 maxReceiveCount가 3이고, 소비자는 한 번도 삭제하지 않습니다. 메시지는 언제 배달 "
        "못한 편지 대기열로 옮겨질까요?",
    "On the 3rd receive.": "3번째 수신 때.",
    "The 3rd receive still returns it (ApproximateReceiveCount 3).":
        "3번째 수신은 아직 메시지를 돌려줍니다(ApproximateReceiveCount 3).",
    "On the 4th receive: it is moved instead of returned.": "4번째 수신 때. 메시지를 돌려주는 대신 옮깁니다.",
    "Received more than maxReceiveCount times means the next receive moves it.":
        "받은 횟수가 maxReceiveCount에 이른 메시지는 다음 수신 때 옮겨집니다.",
    "After its retention period.": "보존 기간이 지난 뒤.",
    "Retention deletes messages; it never moves them.": "보존 기간은 메시지를 삭제할 뿐, 옮기지는 않습니다.",
    "On an empty queue, a message delayed by 5 s is sent, then a receive with WaitTimeSeconds=20 starts. "
    "When does the receive answer?":
        "빈 대기열에 5초 지연된 메시지를 보내고, 이어서 WaitTimeSeconds=20으로 수신을 시작합니다. 수신은 "
        "언제 답할까요?",
    "At once, empty.": "곧바로, 빈 응답으로.",
    "That is a short poll (WaitTimeSeconds=0).": "그것은 짧은 폴링(WaitTimeSeconds=0)입니다.",
    "After 5 s, with the message.": "5초 뒤에, 메시지와 함께.",
    "A long poll answers as soon as a message is there.": "긴 폴링은 메시지가 생기는 즉시 답합니다.",
    "After 20 s.": "20초 뒤에.",
    "Only if nothing arrives in the meantime.": "그동안 아무것도 도착하지 않을 때만 그렇습니다.",
    "A message is sent with DelaySeconds=901. What does SQS answer?":
        "DelaySeconds=901로 메시지를 보냅니다. SQS는 어떻게 답할까요?",
    "It delays the message 15 minutes and 1 second.": "메시지를 15분 1초 동안 지연합니다.",
    "900 s (15 minutes) is the maximum.": "900초(15분)가 최대입니다.",
    "DelaySeconds is 0 to 900; LocalStack accepts 901, SQS does not.":
        "DelaySeconds는 0부터 900까지입니다. LocalStack은 901을 받아들이지만 SQS는 거부합니다.",
    "A SendMessageBatch of 10 entries has one body with a character SQS does not allow. What comes back?":
        "항목 10개짜리 SendMessageBatch에 SQS가 허용하지 않는 문자가 든 본문이 하나 있습니다. 무엇이 "
        "돌아올까요?",
    "HTTP 400: the whole batch is refused.": "HTTP 400: 배치 전체가 거부됩니다.",
    "Entry problems do not fail the call.": "항목에 문제가 있어도 호출 자체는 실패하지 않습니다.",
    "HTTP 200, with 9 entries under Successful and 1 under Failed.": "HTTP 200, Successful에 항목 9개, Failed에 1개.",
    "A batch can partly fail: always check Failed.": "배치는 일부만 실패할 수 있습니다. 언제나 Failed를 확인하세요.",
    "HTTP 200, with all 10 Successful.": "HTTP 200, 10개 모두 Successful.",
    "The bad entry is reported, not sent.": "잘못된 항목은 보내지지 않고 Failed로 보고됩니다.",
    "A queue holds one visible message, yet a short poll returns nothing. Why?":
        "대기열에 보이는 메시지가 하나 있는데 짧은 폴링이 아무것도 돌려주지 않습니다. 왜일까요?",
    "Another consumer has received it.": "다른 소비자가 받았습니다.",
    "Then it would be in flight, not visible.": "그랬다면 보이는 상태가 아니라 처리 중이었을 것입니다.",
    "The poll asked only servers that hold no copy; ask again, or long poll.":
        "폴링이 사본이 없는 서버에만 물었습니다. 다시 묻거나 긴 폴링을 쓰세요.",
    "A false empty response: a short poll samples servers, a long poll asks all.":
        "거짓 빈 응답입니다. 짧은 폴링은 서버 일부만 고르고, 긴 폴링은 모든 서버에 묻습니다.",
    "The queue is broken.": "대기열이 고장 났습니다.",
    "This is how SQS short polling works: repeat the request.":
        "SQS의 짧은 폴링은 원래 이렇게 동작합니다. 요청을 다시 보내세요.",
    "Orders trickle in, one every 10 s. Polling for 620 s, short polls once a second make 620 requests. "
    "About how many do long polls of 20 s make?":
        "주문이 10초에 하나씩 드문드문 들어옵니다. 620초 동안 1초마다 짧은 폴링을 하면 요청이 620번입니다. "
        "20초짜리 긴 폴링은 대략 몇 번일까요?",
    "620: the same number of calls.": "620번: 호출 수가 같습니다.",
    "A long poll waits for a message instead of returning empty at once.":
        "긴 폴링은 곧바로 빈 응답을 돌려주지 않고 메시지를 기다립니다.",
    "About 62: a tenth of the requests, and of the bill for receiving.":
        "약 62번: 요청도, 수신 요금도 10분의 1입니다.",
    "SQS bills requests, empty ones too, and short polling is billed the same as long polling.":
        "SQS는 빈 요청까지 요청마다 요금을 매기고, 짧은 폴링과 긴 폴링의 요금 방식은 같습니다.",
    "None: long polls are free while they wait.": "없음: 긴 폴링은 기다리는 동안 무료입니다.",
    "Every ReceiveMessage is a request, however long it waited.":
        "ReceiveMessage는 얼마나 기다렸든 모두 요청 한 번입니다.",

    # ---- widgets: shared
    "play / pause": "재생 / 일시 정지",
    "spike": "급증",
    "time": "시간",
    "second": "초",
    "frame": "프레임",
    # ---- widgets: the end-of-lesson quiz (toyqueue/widgets/quiz.py; the questions are per lesson)
    "<b>Check yourself</b>: pick an answer; the reason appears below it.":
        "<b>스스로 확인하기</b>: 답을 하나 고르면 그 아래에 이유가 나옵니다.",
    "Right.": "맞습니다.",
    "Not quite.": "아닙니다.",
    # ---- widgets: lesson 01, sync vs async (toyqueue/widgets/sync_async.py)
    "spike (requests/s)": "급증 (요청/초)",
    "shipping capacity/s": "배송 처리 용량/초",
    "caller timeout (s)": "호출자 제한 시간 (초)",
    "Purchase → shipping under a spike of {spike:,} requests/s (normally {base:,}/s)":
        "구매 → 배송, 초당 {spike:,}건으로 급증할 때 (평소 초당 {base:,}건)",
    "동기 sync: purchase calls shipping directly": "동기: 구매 서비스가 배송 서비스를 직접 호출",
    "비동기 async: purchase → queue (대기열) → shipping": "비동기: 구매 → 대기열 → 배송",
    "purchase": "구매",
    "shipping": "배송",
    "{n:,} req/s": "초당 {n:,}건",
    "{n:,}/s max": "최대 초당 {n:,}건",
    "{n:,}/s": "초당 {n:,}건",
    "{n:,} shipped": "{n:,}건 배송",
    "✗ {n:,} failed": "✗ {n:,}건 실패",
    "all answered": "모두 응답함",
    "{n:,} waiting": "{n:,}건 대기 중",
    "so far: {failed:,} purchases failed, {waiting:,} callers waiting":
        "지금까지: 구매 {failed:,}건 실패, 호출자 {waiting:,}명 대기 중",
    "so far: {failed:,} failed, {shipped:,} shipped": "지금까지: {failed:,}건 실패, {shipped:,}건 배송",
    "sync: requests per second": "동기: 초당 요청",
    "async: requests per second": "비동기: 초당 요청",
    "arrived": "도착",
    "shipped": "배송",
    "failed": "실패",
    "callers waiting on shipping": "배송 서비스를 기다리는 호출자",
    "messages waiting in the queue": "대기열에서 기다리는 메시지",
    "sync: {shipped:,} shipped, {failed:,} of {arrived:,} purchases failed.   async: {a_shipped:,} "
    "shipped, {lost} lost; the last waited {wait:.0f} s.":
        "동기: {shipped:,}건 배송, 구매 {arrived:,}건 중 {failed:,}건 실패.   비동기: {a_shipped:,}건 배송, "
        "{lost}건 유실; 마지막 메시지는 {wait:.0f}초 기다림.",
    "sync vs async under a spike": "급증할 때의 동기와 비동기",
    # ---- widgets: lesson 06, the queue at work (toyqueue/widgets/queue_view.py)
    "messages": "메시지",
    "consumers": "소비자",
    "processing time (s)": "처리 시간 (초)",
    "visibility timeout (s)": "가시성 제한 시간 (초)",
    "failure rate": "실패율",
    "slow consumers": "느린 소비자",
    "messages per poll": "폴링당 메시지",
    "speed (steps/s)": "속도 (단계/초)",
    "step ▶|": "한 단계 ▶|",
    "|◀ start": "|◀ 처음으로",
    "delayed": "지연됨",
    "visible (waiting)": "표시됨 (대기 중)",
    "in flight (hidden)": "처리 중 (숨겨짐)",
    "deleted": "삭제됨",
    "dead-letter queue": "배달 못한 편지 대기열",
    "visible": "표시됨",
    "inflight": "처리 중",
    "dead": "DLQ",
    "{total:,} messages · {consumers} consumers · processing {processing:g} s · visibility timeout "
    "{vt:g} s":
        "메시지 {total:,}개 · 소비자 {consumers}개 · 처리 {processing:g}초 · 가시성 제한 시간 {vt:g}초",
    " · failure rate {rate:.0%}": " · 실패율 {rate:.0%}",
    "redelivered so far: {n}": "지금까지 재전송: {n}",
    "consumers (소비자)": "소비자 (consumers)",
    "consumer {n}": "소비자 {n}",
    " (slow)": " (느림)",
    "polling…": "폴링 중…",
    "processing {m}": "{m} 처리 중",
    "crashed on {m}": "{m} 처리 중 중단",
    "done": "완료",
    "{frac:.0%} of {total:,}": "{total:,}개 중 {frac:.0%}",
    "lanes over time": "시간에 따른 상태별 메시지 수",
    "latest events": "최근 이벤트",
    "received {m}": "{m} 수신",
    " again ({n})": " 다시 ({n})",
    "deleted {m}": "{m} 삭제",
    " (#{n})": " ({n}번째)",
    "delete of {m} did nothing": "{m} 삭제가 아무것도 지우지 않음",
    " (late)": " (늦게)",
    "restarted": "다시 시작",
    "delete {m} ignored: old handle": "{m} 삭제 무시됨: 오래된 수신 핸들",
    "(nothing received or deleted)": "(수신하거나 삭제한 메시지 없음)",
    "consumers polling a queue": "대기열을 폴링하는 소비자",
    "realistic SQS (servers)": "실제에 가까운 SQS (서버)",
    "got {m} after its delete ({n})": "{m}을(를) 삭제한 뒤에 또 받음 ({n})",
    "latest short poll (consumer {n}) asked servers {servers}": "최근 짧은 폴링(소비자 {n})이 물어본 서버: {servers}",
    "no short poll yet": "아직 짧은 폴링 없음",
    "servers (서버): where the copies are": "서버 (servers): 메시지 사본이 있는 곳",
    "server {n}": "서버 {n}",
    "{n} copy": "사본 {n}개",
    "{n} copies": "사본 {n}개",
    "watch": "지켜보기",
    "refresh": "새로 고침",
    "queue {name}": "대기열 {name}",
    "ApproximateNumberOf... from GetQueueAttributes (deleted messages are not counted by SQS)":
        "GetQueueAttributes의 ApproximateNumberOf... 값 (삭제된 메시지는 SQS가 세지 않습니다)",
    "over the last polls": "최근 폴링 동안",
    "live queue counts": "실제 대기열의 메시지 수",
    # ---- widgets: lesson 07, autoscaling (toyqueue/widgets/autoscaling_view.py, plots.py)
    "both": "둘 다",
    "step (lecture)": "단계 조정 (강의)",
    "target tracking (AWS)": "대상 추적 (AWS)",
    "step policy": "단계 조정 정책",
    "target tracking": "대상 추적 조정",
    "policy": "정책",
    "spike (messages/s)": "급증 (메시지/초)",
    "alarm threshold": "경보 임계값",
    "alarm adds": "경보가 추가하는 수",
    "latency target (s)": "지연 시간 목표 (초)",
    "cooldown (s)": "휴지 기간 (초)",
    "start-up time (s)": "시작 시간 (초)",
    "Scaling consumers on the queue's depth": "대기열 길이에 따른 소비자 확장",
    "t = {t:.1f} min": "t = {t:.1f}분",
    "{v:g} min": "{v:g}분",
    "each instance handles {rate:g} messages/s; new instances start in {startup} s; CloudWatch sees "
    "the queue once a minute":
        "인스턴스 하나가 초당 메시지 {rate:g}개 처리; 새 인스턴스는 {startup}초 뒤에 시작; "
        "CloudWatch는 1분에 한 번 대기열을 봄",
    "incoming messages per second": "초당 들어오는 메시지",
    "incoming": "들어옴",
    "queue depth (ApproximateNumberOfMessagesVisible)": "대기열 길이 (ApproximateNumberOfMessagesVisible)",
    "alarm threshold {n:,}": "경보 임계값 {n:,}",
    "instances in service (dashed: launched, starting up)": "서비스 중인 인스턴스 (점선: 시작 중 포함)",
    "alarm: depth > {threshold:,} for {periods} min -> +{add}, cooldown {cooldown} s":
        "경보: 길이 > {threshold:,}가 {periods}분 지속 -> +{add}, 휴지 기간 {cooldown}초",
    "backlog per instance -> {target:,.0f} ({latency:g} s / {processing:g} s per message)":
        "인스턴스당 백로그 -> {target:,.0f} ({latency:g}초 / 메시지당 {processing:g}초)",
    "now {serving} in service, {starting} starting, depth {depth:,}   |   whole run: peak {peak}, "
    "longest wait {wait:.1f} min, {minutes:,.0f} instance-minutes":
        "지금 서비스 중 {serving}, 시작 중 {starting}, 길이 {depth:,}   |   전체: 최대 {peak}대, "
        "최장 대기 {wait:.1f}분, {minutes:,.0f} 인스턴스-분",
    "autoscaling on queue depth": "대기열 길이에 따른 오토 스케일링",
    "queue length": "대기열 길이",
    "instances in service": "서비스 중인 인스턴스",
    "instances": "인스턴스",
    "minutes": "분",
    # ---- widgets: lesson 08, tiers (toyqueue/widgets/plots.py)
    "rejected (503)": "거부됨 (503)",
    "per minute": "분당",
    "the web tier takes the uploads": "웹 계층이 업로드를 받음",
    "the queue between the tiers absorbs the spike": "계층 사이의 대기열이 급증을 흡수",
    "web tier": "웹 계층",
    "GPU tier": "GPU 계층",
    "each tier scales on its own metric": "각 계층은 자기 지표로 확장",
    "encoded videos land in the bucket": "인코딩된 비디오가 버킷에 쌓임",
    "videos": "비디오",

    # ---- lesson 05: consuming messages, its quiz (toyqueue/quizzes.py)
    "A consumer asks for MaxNumberOfMessages=11. What happens?":
        "소비자가 MaxNumberOfMessages=11로 요청합니다. 어떻게 될까요?",
    "It gets up to 11 messages.": "메시지를 최대 11개 받습니다.",
    "10 is the most one ReceiveMessage returns.": "ReceiveMessage 한 번이 돌려주는 메시지는 최대 10개입니다.",
    "It gets up to 10; the rest wait.": "최대 10개를 받고, 나머지는 기다립니다.",
    "SQS does not trim the parameter; it refuses it.": "SQS는 값을 10으로 줄여 주지 않고, 요청을 거부합니다.",
    "InvalidParameterValue": "InvalidParameterValue 오류",
    "Must be between 1 and 10: the call is refused.": "값은 1에서 10 사이여야 합니다. 호출이 거부됩니다.",
    "On the toy, 25 messages wait. A consumer polls three times with MaxNumberOfMessages=10 and deletes "
    "nothing. What do the polls return?":
        "토이 대기열에 메시지 25개가 기다립니다. 소비자가 MaxNumberOfMessages=10으로 세 번 폴링하고 "
        "아무것도 삭제하지 않습니다. 세 번의 폴링은 각각 무엇을 돌려줄까요?",
    "10, 10 and 5 messages": "메시지 10개, 10개, 5개",
    "Each poll hides what it returns, so the next one gets other messages.":
        "폴링은 돌려준 메시지를 숨깁니다. 그래서 다음 폴링은 다른 메시지를 받습니다.",
    "10, 10 and 10 messages": "메시지 10개, 10개, 10개",
    "Only 25 are there, and received ones are hidden.": "메시지는 25개뿐이고, 받은 메시지는 숨겨집니다.",
    "10, then 0 and 0": "10개, 그다음 0개와 0개",
    "The first poll hides only the 10 it returned; 15 are still visible.":
        "첫 폴링은 자기가 돌려준 10개만 숨깁니다. 15개는 여전히 보입니다.",
    "A consumer inserts 5 orders into the database but never calls DeleteMessage. 31 s later it runs "
    "again. How many rows does the table hold?":
        "소비자가 주문 5건을 데이터베이스에 넣지만 DeleteMessage는 한 번도 호출하지 않습니다. 31초 뒤에 "
        "소비자가 다시 실행됩니다. 테이블에는 몇 행이 있을까요?",
    "5": "5",
    "The messages came back after the 30 s visibility timeout and were inserted again.":
        "메시지는 30초의 가시성 제한 시간이 지나 다시 돌아왔고, 한 번 더 입력되었습니다.",
    "10": "10",            # also a choice of lesson 07's quiz
    "Each order twice: without the delete, the queue hands every message out again.":
        "주문마다 두 번씩입니다. 삭제하지 않으면 대기열은 모든 메시지를 다시 내줍니다.",
    "0": "0",
    "The inserts happened; only the deletes were missing.": "입력은 이루어졌습니다. 빠진 것은 삭제뿐입니다.",
    "Where can an SQS consumer run?": "SQS 소비자는 어디에서 실행할 수 있을까요?",
    "Only on EC2 instances.": "EC2 인스턴스에서만.",
    "EC2 is one place; any code that can call the API will do.":
        "EC2는 그중 한 곳입니다. API를 호출할 수 있는 코드라면 어디서든 됩니다.",
    "On EC2, on your own servers, or in Lambda.": "EC2에서, 자체 서버에서, 또는 Lambda에서.",
    "A consumer is just code that calls ReceiveMessage and DeleteMessage.":
        "소비자는 ReceiveMessage와 DeleteMessage를 호출하는 코드일 뿐입니다.",
    "Only in Lambda.": "Lambda에서만.",
    "Lambda is one option, where AWS polls for you.": "Lambda는 선택지 중 하나입니다. 이때는 AWS가 대신 폴링합니다.",

    # ---- lesson 08: decoupling tiers (its figure, toyqueue/sim/tiers.py and asg.py, its quiz)
    "uploads/min requested": "요청된 업로드 (분당)",
    "accepted by the web tier": "웹 계층이 받은 업로드",
    "videos in the bucket": "버킷에 있는 비디오",
    "The spike: web tier, queue, GPU tier": "급증: 웹 계층, 대기열, GPU 계층",
    "Same spike, GPU tier capped at 5 instances": "같은 급증, GPU 계층은 인스턴스 5개까지",
    "{accepted:,.0f} uploads accepted, {rejected:,.0f} rejected; web tier peak {web}, GPU tier peak {gpu}; "
    "queue peak {depth:,}; {videos:,} videos in the bucket":
        "업로드 {accepted:,.0f}건 수락, {rejected:,.0f}건 거부; 웹 계층 최대 {web}대, GPU 계층 최대 {gpu}대; "
        "대기열 최대 {depth:,}개; 버킷의 비디오 {videos:,}개",
    "{metric:,.0f} per instance > target {target:,.0f}": "인스턴스당 {metric:,.0f} > 목표 {target:,.0f}",
    "{metric:,.0f} per instance < {low:,.0f}": "인스턴스당 {metric:,.0f} < {low:,.0f}",
    "The front end sends a message per upload instead of encoding the video itself. What does the user "
    "wait for?":
        "프론트엔드가 비디오를 직접 인코딩하지 않고 업로드마다 메시지를 보냅니다. 사용자는 무엇을 기다릴까요?",
    "The encoding, 6 s.": "인코딩, 6초.",
    "That is the coupled design: the front end does the work.": "그것은 결합된 설계입니다. 프론트엔드가 일을 직접 합니다.",
    "Only the SendMessage call.": "SendMessage 호출 하나만.",
    "The back-end tier encodes later, on its own schedule.": "인코딩은 백엔드 계층이 나중에, 자기 일정대로 합니다.",
    "The GPU tier to start.": "GPU 계층이 시작되기를.",
    "The front end never waits for the back end.": "프론트엔드는 백엔드를 기다리지 않습니다.",
    "The GPU tier is capped at 5 instances instead of 20. What changes for the web tier?":
        "GPU 계층을 인스턴스 20개가 아니라 5개로 제한합니다. 웹 계층에는 무엇이 달라질까요?",
    "Nothing: it scales exactly as before.": "아무것도 달라지지 않습니다. 전과 똑같이 확장합니다.",
    "The tiers share only the queue; the queue just holds the work longer.":
        "계층들은 대기열만 함께 씁니다. 대기열이 작업을 더 오래 들고 있을 뿐입니다.",
    "It rejects more uploads.": "업로드를 더 많이 거부합니다.",
    "Uploads are rejected only when the web tier itself is full.": "업로드는 웹 계층 자신이 가득 찼을 때만 거부됩니다.",
    "It slows down while the queue is long.": "대기열이 긴 동안 느려집니다.",
    "A long queue costs the front end nothing: sending is as fast as ever.":
        "대기열이 길어도 프론트엔드는 손해 볼 것이 없습니다. 전송은 여전히 빠릅니다.",
    "With three times the spike, thousands of uploads were rejected although the queue had room. Why?":
        "급증이 세 배일 때, 대기열에 자리가 있었는데도 업로드 수천 건이 거부되었습니다. 왜일까요?",
    "The queue was full.": "대기열이 가득 찼습니다.",
    "A standard queue has no limit on waiting messages.": "표준 대기열은 기다리는 메시지 수에 제한이 없습니다.",
    "The web tier could not take them, or grow in time.": "웹 계층이 받을 수 없었고, 제때 늘어나지도 못했습니다.",
    "The queue protects the back end; what never reaches it is not saved.":
        "대기열은 백엔드를 지켜 줍니다. 대기열에 닿지 못한 업로드는 지켜 주지 못합니다.",
    "The GPU tier was too slow.": "GPU 계층이 너무 느렸습니다.",
    "A slow back end only makes the queue longer.": "백엔드가 느리면 대기열이 길어질 뿐입니다.",

    # ---- lesson 09: security (the policy evaluator's explanations, toyqueue/policy.py; its quiz)
    "(no statement allows it)": "(허용하는 문 없음)",
    "{queue} and {iam}": "{queue} 및 {iam}",
    "cross-account needs both; not allowed by: {missing}":
        "교차 계정은 양쪽 모두 허용해야 함. 허용하지 않은 쪽: {missing}",
    "A queue uses server-side encryption (SSE). Who can no longer read the messages?":
        "대기열이 서버 측 암호화(SSE)를 씁니다. 이제 누가 메시지를 읽을 수 없을까요?",
    "Anyone allowed to call ReceiveMessage.": "ReceiveMessage를 호출할 권한이 있는 누구나.",
    "SSE is transparent: consumers receive plaintext.": "SSE는 투명합니다. 소비자는 평문을 받습니다.",
    "Someone who gets hold of the disks SQS stores them on.": "SQS가 메시지를 저장하는 디스크를 손에 넣은 사람.",
    "That is what encryption at rest (저장 시 암호화) protects.":
        "저장 시 암호화(encryption at rest)가 지키는 것이 바로 이것입니다.",
    "Someone listening on the network.": "네트워크를 엿듣는 사람.",
    "That is TLS, encryption in flight (전송 중 암호화).":
        "그것은 TLS, 곧 전송 중 암호화(encryption in flight)가 막습니다.",
    "With client-side encryption, who needs the key?": "클라이언트 측 암호화에서는 누구에게 키가 필요할까요?",
    "The producer and the consumer, never the queue.": "생산자와 소비자. 대기열에는 필요 없습니다.",
    "The queue only ever holds ciphertext.": "대기열에는 언제나 암호문만 있습니다.",
    "SQS, to decrypt for consumers.": "SQS. 소비자 대신 복호화해야 하니까.",
    "That would be server-side encryption.": "그것은 서버 측 암호화입니다.",
    "Nobody: GCM needs no key to decrypt.": "아무도. GCM은 복호화에 키가 필요 없습니다.",
    "AES-GCM needs the same key to decrypt and to check the message.":
        "AES-GCM은 복호화할 때도, 메시지를 검증할 때도 같은 키가 필요합니다.",
    "The queue policy denies sqs:PurgeQueue to everyone (NobodyPurges). Your admin role's IAM policy "
    "allows sqs:* on every queue. The admin purges the queue. The answer?":
        "대기열 정책은 모두에게 sqs:PurgeQueue를 거부합니다(NobodyPurges). 관리자 역할의 IAM 정책은 "
        "모든 대기열에서 sqs:*를 허용합니다. 관리자가 대기열을 비웁니다. 답은?",
    "Allow: its IAM policy allows it.": "Allow: IAM 정책이 허용합니다.",
    "A matching Deny beats any Allow.": "일치하는 Deny는 어떤 Allow보다도 우선합니다.",
    "Deny (NobodyPurges).": "Deny (NobodyPurges 문).",
    "Explicit deny wins.": "명시적 거부가 이깁니다.",
    "Implicit deny.": "암시적 거부(implicit deny).",
    "A statement does match, and it is an explicit Deny.": "일치하는 문이 있고, 그 문은 명시적 Deny입니다.",
    "The queue policy allows account 999988887777 to receive, but that account's IAM policy does not "
    "allow sqs:ReceiveMessage. Can its role receive?":
        "대기열 정책은 계정 999988887777의 수신을 허용하지만, 그 계정의 IAM 정책은 sqs:ReceiveMessage를 "
        "허용하지 않습니다. 그 계정의 역할은 받을 수 있을까요?",
    "Yes: the queue policy allows it.": "예. 대기열 정책이 허용합니다.",
    "Cross-account, both sides must allow.": "교차 계정에서는 양쪽이 모두 허용해야 합니다.",
    "No: implicit deny.": "아니요. 암시적 거부(implicit deny)입니다.",
    "The other account's own IAM policy grants nothing.": "그 계정 자신의 IAM 정책이 아무것도 허용하지 않습니다.",
    "Why does the EventBridge statement carry an aws:SourceArn condition?":
        "EventBridge 문에는 왜 aws:SourceArn 조건이 붙어 있을까요?",
    "Without it, anyone's EventBridge rule could send to the queue.":
        "조건이 없으면 누구의 EventBridge 규칙이든 대기열에 보낼 수 있으니까.",
    "events.amazonaws.com acts for every AWS customer: the confused deputy problem.":
        "events.amazonaws.com은 모든 AWS 고객을 대신해 움직입니다. 혼동된 대리자(confused deputy) 문제입니다.",
    "EventBridge cannot send without it.": "조건이 없으면 EventBridge가 보낼 수 없으니까.",
    "It can; the condition limits it to our rule.": "보낼 수 있습니다. 조건은 그것을 우리 규칙으로 제한합니다.",
    "It makes EventBridge use HTTPS.": "EventBridge가 HTTPS를 쓰게 하니까.",
    "That is aws:SecureTransport.": "그것은 aws:SecureTransport가 하는 일입니다.",
    # ---- grading: how every check speaks (toyqueue/grading/failures.py, common.py, rules.py, record.py,
    # concurrent.py, mycode.py). Terms: 확인 (a check), 규칙 위반, 시나리오, 처리 중 (in flight), 수신 핸들,
    # 가시성 제한 시간, 스레드, 락 (lock), 경쟁 상태 (race). Fields right before a particle are avoided
    # (a name's last sound picks 이/가, 을/를): "{m} 메시지", "소비자 {who}에게", "돌려준 값: {got!r}".
    "Scenario: {scenario}": "시나리오: {scenario}",
    "Rule broken: {rule}.": "규칙 위반: {rule}.",
    "not implemented yet: {what}, then run this check again.":
        "아직 구현되지 않았습니다: {what}. 그런 다음 이 확인을 다시 실행하세요.",
    "fill in the TODOs": "TODO 부분을 채우세요",
    "fill in {name} in the cell above": "위 셀에서 {name} 부분을 채우세요",
    "fill in the TODOs in the cell above": "위 셀의 TODO 부분을 채우세요",
    "fill in {name} in {file}": "{file}에서 {name} 부분을 채우세요",
    "fill in the TODOs in {file}": "{file}의 TODO 부분을 채우세요",
    "{name} raised {error}: {message}": "{name}에서 예외 발생, {error}: {message}",
    "{error} (while {doing})": "{error} ({doing} 중)",
    " or ": " 또는 ",
    "{doing} raised {error}; expected {names}.": "{doing}에서 예외 발생, {error}. 기대한 예외: {names}.",
    "{doing} was accepted; it should raise {names}.": "{doing}: 받아들여졌습니다. {names} 예외를 일으켜야 합니다.",
    "that value is allowed": "이 값은 허용되는 값입니다",
    "{detail}; {why}.": "{detail}. {why}.",
    "{doing} raised {error}; {why}.": "{doing}에서 예외 발생, {error}. {why}.",
    "this check was still waiting for your code after {seconds} s of real time. A common cause: a method holding "
    "self._lock calls another method that takes it again (threading.Lock is not re-entrant). Fix it, run the cell "
    "that loads your code again, then this check.":
        "이 확인은 실제 시간으로 {seconds}초가 지나도록 여러분의 코드를 기다렸습니다. 흔한 원인: self._lock을 쥔 "
        "메서드가 같은 락을 다시 잡는 다른 메서드를 호출합니다(threading.Lock은 재진입할 수 없습니다). 고친 다음 "
        "코드를 불러오는 셀을 다시 실행하고, 그다음 이 확인을 실행하세요.",
    "add it as described above": "위의 설명대로 추가하세요",
    "exercise {step} adds it (stuck there? mycode.use_reference(\"{step}\") in the cell that loads your queue "
    "starts you from the course's version)":
        "실습 {step}에서 추가합니다(거기서 막혔나요? 대기열을 불러오는 셀에서 mycode.use_reference(\"{step}\")를 "
        "실행하면 이 과정의 버전에서 시작합니다)",
    "the checks call {call} with the interface's parameter names":
        "확인은 인터페이스에 있는 매개변수 이름으로 {call} 호출을 합니다",
    "{owner} calls its parameter {theirs!r}, but the interface (and every check) calls it {want!r}: rename it "
    "to {want}.":
        "{owner}의 매개변수 이름은 {theirs!r}인데, 인터페이스(와 모든 확인)에서는 {want!r}입니다. 이름을 바꾸세요: "
        "{theirs!r} → {want!r}.",
    "{owner} has no parameter {want} yet: {todo}": "{owner}에 아직 {want} 매개변수가 없습니다: {todo}",
    "a check takes your class, {what}, not a queue made from it":
        "확인에는 클래스 {what} 자체를 넘깁니다. 그 클래스로 만든 대기열이 아닙니다",
    "the check was given a {name} object (something like {name}(clock)); pass the class itself: write {what} "
    "without the parentheses.":
        "확인이 받은 것은 {name} 객체입니다({name}(clock) 같은 것). 클래스 자체를 넘기세요: 괄호 없이 {what}만 "
        "쓰세요.",
    "a check takes your class, {what}": "확인에는 클래스 {what} 자체를 넘깁니다",
    "the check was given {obj!r}.": "확인이 받은 것: {obj!r}.",
    "{cls} has no method {method}() yet: {todo}": "{cls}에 아직 {method}() 메서드가 없습니다: {todo}",
    "a check takes your functions in the order the exercise names them":
        "확인에는 함수를 실습이 적은 순서대로 넘깁니다",
    "the check was given {got}; write it as ({names}).": "확인이 받은 순서: {got}. ({names}) 순서로 쓰세요.",
    "a check takes your function {name} itself": "확인에는 함수 {name} 자체를 넘깁니다",
    "for {name} the check was given {given!r}, which is not a function: pass {name} without calling it (no "
    "parentheses).":
        "{name} 자리에 확인이 받은 것은 함수가 아닌 {given!r}입니다. {name} 함수를 호출하지 말고(괄호 없이) "
        "그대로 넘기세요.",
    "creating {cls}({args})": "{cls}({args}) 생성",
    "counts() returns a dict like {example}": "counts()는 {example} 같은 dict를 돌려줍니다",
    "receive returns a message when the queue holds some": "대기열에 메시지가 있으면 receive는 메시지를 돌려줍니다",
    "counts() tells how many messages are visible and how many are in flight":
        "counts()는 표시된 메시지와 처리 중인 메시지가 각각 몇 개인지 알려 줍니다",
    "counts() returned {got!r}.": "counts()가 돌려준 값: {got!r}.",
    "calling counts() {after}": "{after} counts() 호출",
    "{after}, counts() returned {got!r}; expected {want!r}.":
        "{after} counts()가 돌려준 값: {got!r}. 기대한 값: {want!r}.",
    "delete() with R's receipt handle": "R의 수신 핸들로 delete()",
    "your queue takes no lock, and every overlap tried was still correct":
        "여러분의 대기열은 락을 잡지 않지만, 시도한 모든 겹침에서 여전히 올바랐습니다",
    "no race found": "경쟁 상태 없음",
    "{what}: one thread stopped at each point where your code touches the queue ({runs} runs), {found}":
        "{what}: 한 스레드를 여러분의 코드가 대기열을 건드리는 지점마다 멈춰 봄({runs}회 실행), {found}",
    "{producers} producers send {per_producer} messages each while {consumers} consumers receive them, on threads "
    "at the same time":
        "생산자 {producers}명이 각각 메시지 {per_producer}개를 보내는 동안 소비자 {consumers}명이 그 메시지를 받습니다. "
        "모두 스레드에서 동시에 실행됩니다",
    "{producers} producers send {per_producer} messages each while {consumers} consumers receive and delete them, "
    "on threads at the same time":
        "생산자 {producers}명이 각각 메시지 {per_producer}개를 보내는 동안 소비자 {consumers}명이 그 메시지를 받고 "
        "삭제합니다. 모두 스레드에서 동시에 실행됩니다",
    "; consumers crash before deleting every {k}th message of each producer":
        ". 소비자는 생산자마다 {k}번째 메시지마다 삭제하기 전에 죽습니다",
    "{scenario} (thread switches chosen by seed {seed}).": "{scenario} (스레드 전환 지점은 시드 {seed}로 정함).",
    "{scenario}.": "{scenario}.",
    "{total} sends returned only {ids} different ids.": "send {total}번이 서로 다른 ID를 {ids}개만 돌려주었습니다.",
    "{crashed} messages were never deleted in the first round, but {again} were delivered again.":
        "첫 번째 회차에서 삭제되지 않은 메시지는 {crashed}개인데, 다시 전달된 메시지는 {again}개입니다.",
    "{producers} producers and {consumers} consumers on threads, {total} messages, a group per producer, {seeds} "
    "seeded schedules":
        "스레드에서 생산자 {producers}명과 소비자 {consumers}명, 메시지 {total}개, 생산자마다 그룹 하나, 시드로 정한 "
        "실행 순서 {seeds}가지",
    "{producers} producers and {consumers} consumers on threads, {total} messages, {seeds} seeded schedules":
        "스레드에서 생산자 {producers}명과 소비자 {consumers}명, 메시지 {total}개, 시드로 정한 실행 순서 {seeds}가지",
    "{crashed} messages whose consumer crashed came back after the visibility timeout":
        "소비자가 죽은 메시지 {crashed}개가 가시성 제한 시간 뒤에 다시 돌아옴",
    "every message delivered, none twice while in flight, none lost":
        "모든 메시지가 전달되었고, 처리 중에 두 번 전달된 것도, 사라진 것도 없음",
    "hint: two threads must never look at or change the queue's state at the same time; do every look-then-change "
    "inside one `with self._lock:` block.":
        "힌트: 두 스레드가 대기열의 상태를 동시에 보거나 바꾸면 안 됩니다. 보고 나서 바꾸는 일은 언제나 "
        "`with self._lock:` 블록 하나 안에서 하세요.",
    "Your queue takes no lock at all, so nothing stops two calls from changing it at once.":
        "여러분의 대기열은 락을 전혀 잡지 않습니다. 그래서 두 호출이 대기열을 동시에 바꾸는 것을 막는 것이 없습니다.",
    "a queue answers every call (no call waits forever)": "대기열은 모든 호출에 응답합니다(끝없이 기다리는 호출은 없습니다)",
    "Thread A called {a} and thread B called {b} at the same moment.":
        "스레드 A와 스레드 B가 같은 순간에 호출했습니다. A: {a}. B: {b}.",
    "line {line} of your {function}(), `{source}`": "여러분의 {function}()의 {line}번째 줄, `{source}`",
    "line {line} of your {function}()": "여러분의 {function}()의 {line}번째 줄",
    "A was stopped at {at}, while holding a lock; B ran from start to end right there; then A went on.":
        "A는 락을 쥔 채로 {at}에서 멈췄습니다. 바로 그 자리에서 B가 처음부터 끝까지 실행되었고, 그다음 A가 "
        "이어서 실행되었습니다.",
    "A was stopped at {at}, holding no lock; B ran from start to end right there; then A went on.":
        "A는 락을 쥐지 않은 채로 {at}에서 멈췄습니다. 바로 그 자리에서 B가 처음부터 끝까지 실행되었고, 그다음 A가 "
        "이어서 실행되었습니다.",
    "That point is outside your `with self._lock:` block.": "그 지점은 `with self._lock:` 블록 바깥입니다.",
    "A held the lock there, so B's {method}() went ahead without taking it.":
        "A가 그 자리에서 락을 쥐고 있었는데도, B의 {method}()는 락을 잡지 않고 그대로 실행되었습니다.",
    "Thread A called {a}; when it had returned, thread B called {b}.":
        "스레드 A가 호출했습니다: {a}. 그 호출이 끝난 뒤 스레드 B가 호출했습니다: {b}.",
    "thread {names} waited for a lock that was never released: a method holding self._lock called another method "
    "that takes it again (threading.Lock is not re-entrant), or two queues' locks were taken in opposite orders.":
        "스레드 {names}: 끝내 풀리지 않는 락을 기다렸습니다. self._lock을 쥔 메서드가 같은 락을 다시 잡는 다른 "
        "메서드를 호출했거나(threading.Lock은 재진입할 수 없습니다), 두 대기열의 락을 서로 반대 순서로 잡았습니다.",
    "a call had not returned after {seconds:.0f} s of real time: is there a loop that never ends, or a lock taken "
    "and never released?":
        "실제 시간으로 {seconds:.0f}초가 지나도 끝나지 않은 호출이 있습니다: 끝나지 않는 반복문이나, 잡고 나서 "
        "풀지 않은 락이 있나요?",
    "It goes wrong only when the threads switch in the middle of your methods: a race.":
        "스레드가 여러분의 메서드 중간에서 바뀔 때만 틀립니다: 경쟁 상태(race)입니다.",
    "there is no {file} next to this notebook. Exercise 01 starts it; to start from the course's reference instead, "
    "run mycode.use_reference(\"01\")":
        "이 노트북 옆에 {file} 파일이 없습니다. 실습 01에서 이 파일을 시작합니다. 대신 이 과정의 참고 답안에서 "
        "시작하려면 mycode.use_reference(\"01\")를 실행하세요",
    "{file} has no {name} yet: add it as described above": "{file}에 아직 {name} 부분이 없습니다: 위의 설명대로 추가하세요",
    "({file} changed after the cell that loads it ran: checking the file as it is now.)":
        "({file} 파일은 불러오는 셀을 실행한 뒤에 바뀌었습니다: 지금 상태의 파일을 확인합니다.)",
    "the reference answers (solutions/{step}_*.ipynb) are not in this copy of the course; ask your instructor":
        "이 과정 사본에는 참고 답안(solutions/{step}_*.ipynb)이 없습니다. 강사에게 물어보세요",
    "exercise {step} does not build myqueue.py (its reference has no such file)":
        "실습 {step}에서는 myqueue.py를 만들지 않습니다(참고 답안에 그런 파일이 없습니다)",
    "{name} is switched off while exercises are graded: the checks grade myqueue.py as it was handed in":
        "실습을 채점하는 동안에는 {name}이(가) 꺼져 있습니다: 확인은 제출된 그대로의 myqueue.py를 채점합니다",
    "Your own file is kept as {file}.": "여러분의 파일은 이름을 바꾸어 보관했습니다: {file}.",
    "this {file} is the course's own starter, so there is no untouched copy to take: start it over with git checkout -- {file}":
        "이 {file}은(는) 과정에 들어 있는 시작 파일 그 자체라서 가져올 새 사본이 없습니다: git checkout -- {file}로 처음부터 다시 시작하세요",
    "{file} is the starter of exercise 01 again. Run the cell that loads it again.":
        "{file}이(가) 다시 실습 01의 시작 파일이 되었습니다. 불러오는 셀을 다시 실행하세요.",
    "{file} now holds the course's queue after exercise {step}. Run the cell that loads it again.":
        "이제 {file}에는 실습 {step}까지 마친 이 과정의 대기열이 들어 있습니다. 불러오는 셀을 다시 실행하세요.",
    # ---- grading: the rules a queue's history must obey (toyqueue/grading/rules.py) and the recorded calls
    # (toyqueue/grading/record.py)
    "nothing is lost: every message sent is delivered until someone deletes it":
        "사라지는 메시지는 없습니다: 보낸 메시지는 누군가 삭제할 때까지 전달됩니다",
    "nothing is received that was never sent": "보낸 적 없는 메시지를 받는 일은 없습니다",
    "a message's body comes back unchanged": "메시지 본문은 바뀌지 않고 그대로 돌아옵니다",
    "an in-flight message stays hidden until its visibility timeout ends":
        "처리 중인 메시지는 가시성 제한 시간이 끝날 때까지 숨겨져 있습니다",
    "a received message stays hidden until it is deleted": "받은 메시지는 삭제될 때까지 숨겨져 있습니다",
    "receive takes a message out of the queue, so it is delivered once":
        "receive는 메시지를 대기열에서 꺼내므로, 메시지는 한 번만 전달됩니다",
    "a message whose visibility timeout ends becomes visible again":
        "가시성 제한 시간이 끝난 메시지는 다시 보이게 됩니다",
    "a deleted message is never delivered again": "삭제된 메시지는 다시는 전달되지 않습니다",
    "a delayed message stays hidden until its delay ends": "지연된 메시지는 지연이 끝날 때까지 숨겨져 있습니다",
    "a message older than the retention period is deleted, never delivered":
        "메시지 보존 기간보다 오래된 메시지는 삭제되고, 전달되지 않습니다",
    "every receive returns a new receipt handle": "수신할 때마다 새 수신 핸들을 돌려줍니다",
    "one receive never returns the same message twice": "한 번의 수신이 같은 메시지를 두 번 돌려주는 일은 없습니다",
    "a FIFO queue delivers the messages of a group in the order they were sent":
        "FIFO 대기열은 한 그룹의 메시지를 보낸 순서대로 전달합니다",
    "while a message of a group is in flight, no later message of that group is delivered":
        "한 그룹의 메시지가 처리 중인 동안에는 그 그룹의 다음 메시지가 전달되지 않습니다",
    "message {m} of group {group!r} was delivered to {who} at {t} while {other}, sent before it in the same group, "
    "was in flight for {holder} (received at {then}, visibility timeout {timeout}).":
        "그룹 {group!r}의 {m} 메시지가 {t}에 {who}에게 전달되었는데, 그때 같은 그룹에서 먼저 보낸 {other} 메시지가 "
        "{holder}에게 처리 중이었습니다({then}에 받음, 가시성 제한 시간 {timeout}).",
    "a FIFO queue drops a duplicate sent within the 5-minute deduplication window":
        "FIFO 대기열은 5분 중복 제거 간격 안에 보낸 중복 메시지를 버립니다",
    "after the 5-minute deduplication window, the same deduplication id is a new message":
        "5분 중복 제거 간격이 지나면, 같은 중복 제거 ID도 새 메시지입니다",
    "every message gets its own id": "메시지마다 고유한 ID를 받습니다",
    "(1 more problem of this kind or others after this one.)": "(이 뒤로 같은 종류나 다른 종류의 문제가 1건 더 있습니다.)",
    "({more} more problems of this kind or others after this one.)":
        "(이 뒤로 같은 종류나 다른 종류의 문제가 {more}건 더 있습니다.)",
    "consumer {who} received message id {id!r} with body {body!r} at {t}, but no send ever returned that id.":
        "{t}에 소비자 {who}에게 메시지 ID {id!r}, 본문 {body!r}인 메시지가 왔지만, 그 ID를 돌려준 send는 "
        "하나도 없습니다.",
    "message {m} was sent with body {sent!r} but consumer {who} received {got!r}.":
        "{m} 메시지를 보낼 때의 본문은 {sent!r}인데, 소비자 {who}에게 온 본문은 {got!r}입니다.",
    "one receive by {who} at {t} returned message {m} {n} times.":
        "{t}에 {who}의 수신 한 번이 {m} 메시지를 {n}번 돌려주었습니다.",
    "message {m} came back to {who} at {t} with the same receipt handle {holder} got at {then}: a receipt handle "
    "belongs to one receive, so an old holder cannot delete it.":
        "{m} 메시지가 {t}에 {who}에게 다시 왔는데, 수신 핸들이 {then}에 {holder}에게 준 것과 같습니다. 수신 핸들은 "
        "한 번의 수신에만 속하므로, 예전에 받은 쪽은 그 핸들로 삭제할 수 없어야 합니다.",
    "message {m} was delivered twice: to {first} at {then} and to {who} at {t}.":
        "{m} 메시지가 두 번 전달되었습니다: {then}에 {first}에게, {t}에 {who}에게.",
    "message {m} was delivered to consumer {who} at {t}, after {deleter} deleted it at {then}.":
        "{m} 메시지는 {then}에 {deleter}의 삭제로 지워졌는데, {t}에 소비자 {who}에게 전달되었습니다.",
    "message {m} was delivered to consumer {who} while still in flight for {holder}, who received it at {then} and "
    "has not deleted it.":
        "{m} 메시지가 아직 {holder}에게 처리 중인데 소비자 {who}에게 전달되었습니다. {holder}에게는 {then}에 "
        "전달되었고, 아직 삭제되지 않았습니다.",
    "message {m} was delivered to consumer {who} while still in flight for {holder}: visibility timeout {timeout}, "
    "{elapsed} elapsed.":
        "{m} 메시지가 아직 {holder}에게 처리 중인데 소비자 {who}에게 전달되었습니다: 가시성 제한 시간 {timeout}, "
        "지난 시간 {elapsed}.",
    "message {m} was delivered to {who} at {t}, but it was sent at {sent} with a delay of {delay}: it must stay "
    "hidden until {until}.":
        "{m} 메시지가 {t}에 {who}에게 전달되었지만, 이 메시지는 {sent}에 지연 {delay}를 두고 보낸 것입니다: "
        "{until}까지는 숨겨져 있어야 합니다.",
    "message {m} was sent at {sent} and delivered to {who} at {t}, but the retention period is {retention}: it "
    "should have been deleted at {end}.":
        "{m} 메시지는 {sent}에 보냈고 {t}에 {who}에게 전달되었지만, 메시지 보존 기간은 {retention}입니다: {end}에 "
        "삭제되었어야 합니다.",
    "in group {group!r}, {who} received {m} at {t} before {first}, which was sent earlier ({first_sent} vs {sent}) "
    "and not yet deleted.":
        "그룹 {group!r}에서 {t}에 {who}에게 {m} 메시지가 {first} 메시지보다 먼저 전달되었습니다. {first} 메시지는 "
        "더 일찍 보냈고(보낸 시각 {first_sent}, {m} 메시지는 {sent}) 아직 삭제되지 않았습니다.",
    "message {m} (sent by {who} at {sent} with a delay of {delay}) was never delivered: its delay ended at {until}, "
    "but it never became visible.":
        "{m} 메시지({who}의 전송: {sent}, 지연 {delay})는 끝내 전달되지 않았습니다: 지연은 {until}에 끝났지만, "
        "메시지는 한 번도 보이지 않았습니다.",
    "message {m} (sent by {who} at {sent}) was never delivered: the queue lost it.":
        "{m} 메시지({who}의 전송: {sent})는 끝내 전달되지 않았습니다: 대기열이 메시지를 잃어버렸습니다.",
    "message {m} was received by {holder} at {then} and never deleted; its visibility timeout of {timeout} ran out "
    "at {until}, but by {end} it had not come back. (Does your queue read the time from self.clock.now()? The "
    "checks move a virtual clock.)":
        "{m} 메시지는 {then}에 {holder}에게 전달된 뒤 삭제되지 않았습니다. 가시성 제한 시간 {timeout}는 "
        "{until}에 끝났지만, {end}까지 메시지가 돌아오지 않았습니다. (여러분의 대기열은 시간을 "
        "self.clock.now()에서 읽나요? 확인은 가상 시계를 움직입니다.)",
    "send returns the new message's id (a string)": "send는 새 메시지의 ID(문자열)를 돌려줍니다",
    "send_batch returns one message id per body, in order": "send_batch는 본문마다 메시지 ID 하나를, 순서대로 돌려줍니다",
    "forever": "무기한",
    "{seconds} s": "{seconds}초",
    "{who} called send({args})": "{who}의 send({args}) 호출",
    "{who} called send_batch() with 1 body": "{who}의 본문 1개로 send_batch() 호출",
    "{who} called send_batch() with {n} bodies": "{who}의 본문 {n}개로 send_batch() 호출",
    "send_batch() with {n} bodies returned {ids!r}.": "본문 {n}개로 호출한 send_batch()가 돌려준 값: {ids!r}.",
    "send_batch() returned repeated ids: {ids!r}.": "send_batch()가 겹치는 ID를 돌려주었습니다: {ids!r}.",
    "{who} called receive({args})": "{who}의 receive({args}) 호출",
    "receive returns a list of {shape} tuples": "receive는 {shape} 튜플의 리스트를 돌려줍니다",
    "receive({args}) returned {got!r}.": "receive({args})가 돌려준 값: {got!r}.",
    "receive returns at most max_messages messages": "receive는 메시지를 최대 max_messages개까지 돌려줍니다",
    "receive({args}) returned {n} messages.": "receive({args})가 메시지 {n}개를 돌려주었습니다.",
    "a receipt handle is a string": "수신 핸들은 문자열입니다",
    "receive returned the handle {handle!r}.": "receive가 돌려준 핸들: {handle!r}.",
    "{who} called delete() with the receipt handle of {m}": "{who}의 {m} 수신 핸들로 delete() 호출",
    "{who} called delete_batch() with {n} receipt handles": "{who}의 수신 핸들 {n}개로 delete_batch() 호출",
    "delete_batch deletes every valid receipt handle and returns the list of those it could not delete":
        "delete_batch는 올바른 수신 핸들의 메시지를 모두 삭제하고, 삭제하지 못한 핸들의 리스트를 돌려줍니다",
    "delete_batch() returned {failed!r}.": "delete_batch()가 돌려준 값: {failed!r}.",
    "delete_batch() with {good} valid and {bad} invalid handles ({invalid!r}) returned failed={failed!r}.":
        "올바른 핸들 {good}개와 잘못된 핸들 {bad}개({invalid!r})로 호출한 delete_batch()가 돌려준 값: "
        "failed={failed!r}.",
    "{who} called change_visibility() for {m} with {timeout} s": "{who}의 {m} 메시지에 대한 {timeout}초 change_visibility() 호출",
    "{call} returned {mid!r}.": "{call}의 결과: {mid!r}.",
    "{call} returned None.": "{call}의 결과: None.",
    "a consumer that receives and deletes everything still got messages after {rounds:,} rounds: does delete "
    "really remove the message?":
        "받은 것을 모두 삭제하는 소비자가 {rounds:,}회를 돈 뒤에도 메시지를 받았습니다: delete가 정말 메시지를 "
        "지우나요?",
    # ---- grading: exercise 01, store and receive (toyqueue/grading/store_and_receive.py)
    "producer P1 sends 'order 1', '주문 2 📦', 'order 1' again (same body, a second message), ' ' and 'order 3'; "
    "consumer C1 receives 1, consumer C2 up to 3, C3 up to 10, then consumer Z receives the rest.":
        "생산자 P1이 'order 1', '주문 2 📦', 다시 'order 1'(본문은 같지만 두 번째 메시지), ' ', 'order 3'을 "
        "보냅니다. 소비자 C1이 1개, 소비자 C2가 최대 3개, C3이 최대 10개를 받고, 마지막으로 소비자 Z가 나머지를 "
        "받습니다.",
    "max_messages is between 1 and 10, as in SQS": "max_messages는 SQS처럼 1에서 10 사이입니다",
    "receive(max_messages=0) on an empty queue": "빈 대기열에서 receive(max_messages=0)",
    "receive on an empty queue returns an empty list": "빈 대기열에서 receive는 빈 리스트를 돌려줍니다",
    "receive() on a new queue returned {got!r}.": "새 대기열에서 receive()가 돌려준 값: {got!r}.",
    "sends of {bodies!r} returned the ids {ids!r}.": "send로 보낸 본문: {bodies!r}. 돌려준 ID: {ids!r}.",
    "receive(max_messages=1) on a queue holding {n} messages returned {got!r}.":
        "메시지 {n}개가 있는 대기열에서 receive(max_messages=1)가 돌려준 값: {got!r}.",
    "receive(max_messages=3) on a queue holding {n} messages returned [].":
        "메시지 {n}개가 있는 대기열에서 receive(max_messages=3)가 []를 돌려주었습니다.",
    "receive(max_messages=10), the largest allowed, returned [] while {n} messages were waiting.":
        "허용되는 가장 큰 값인 receive(max_messages=10)가, 메시지 {n}개가 기다리는데도 []를 돌려주었습니다.",
    "store and receive": "저장과 수신",
    "an empty queue answers []": "빈 대기열은 []로 응답함",
    "5 messages (one non-ASCII, two with the same body) each received exactly once, bodies unchanged":
        "메시지 5개(non-ASCII 본문 하나, 본문이 같은 것 둘)가 각각 정확히 한 번 수신됨, 본문도 그대로",
    "max_messages 1 and 10 accepted; 0 (even on an empty queue) and 11 refused":
        "max_messages 1과 10은 받아들임, 0(빈 대기열에서도)과 11은 거부",
    "the queue held 'old 1' and 'old 2' when A and B made their calls; then consumer Z received whatever was left.":
        "A와 B가 호출할 때 대기열에는 'old 1'과 'old 2'가 있었습니다. 그다음 소비자 Z가 남은 것을 모두 받았습니다.",
    "send and receive, two calls at a time": "send와 receive, 두 호출씩 동시에",
    "many producers and consumers at once": "여러 생산자와 소비자가 동시에",
    "every message gets its own id, even when two bodies are the same":
        "두 본문이 같아도, 메시지마다 고유한 ID를 받습니다",
    # ---- grading: exercise 02, receipt handles (toyqueue/grading/receipt_handles.py)
    "P1 sends 'order 1', 'same', 'same' (two messages with one body); A receives one message; B receives up to 10; "
    "they delete what they got.":
        "P1이 'order 1', 'same', 'same'(본문이 같은 메시지 두 개)을 보냅니다. A가 메시지 하나를 받고, B가 최대 "
        "10개를 받습니다. 둘 다 받은 것을 삭제합니다.",
    "delete with a receipt handle the queue never gave out raises ValueError (SQS: ReceiptHandleIsInvalid)":
        "대기열이 준 적 없는 수신 핸들로 delete하면 ValueError가 납니다(SQS: ReceiptHandleIsInvalid)",
    "a receipt handle is new for every receive: never the message id, never made from the body":
        "수신 핸들은 수신할 때마다 새것입니다: 메시지 ID도 아니고, 본문으로 만든 것도 아닙니다",
    "delete('no-such-handle') on an empty queue": "빈 대기열에서 delete('no-such-handle')",
    "after A received one of 3 messages (not deleted yet)": "A가 메시지 3개 중 하나를 받은 뒤(아직 삭제 전)",
    "B's receive(max_messages=10) returned [] while {n} messages were waiting.":
        "메시지 {n}개가 기다리는데도 B의 receive(max_messages=10)가 []를 돌려주었습니다.",
    "the messages {ids!r} were received with the handles {handles!r}.":
        "메시지 {ids!r}에 대해 수신할 때 받은 핸들: {handles!r}.",
    "delete({id!r}) (a message id, not a receipt handle)": "delete({id!r})(수신 핸들이 아닌 메시지 ID로)",
    "delete takes a receipt handle, not a message id (SQS: ReceiptHandleIsInvalid)":
        "delete는 메시지 ID가 아니라 수신 핸들을 받습니다(SQS: ReceiptHandleIsInvalid)",
    "after two refused deletes": "거부된 delete 두 번 뒤에",
    "after one of the two messages with the body 'same' was deleted with its own receipt handle":
        "본문이 'same'인 두 메시지 중 하나를 자기 수신 핸들로 삭제한 뒤에",
    "A called delete() a second time with the same receipt handle": "A가 같은 수신 핸들로 두 번째 delete() 호출",
    "deleting a message twice succeeds, as in SQS (the second delete does nothing)":
        "SQS처럼 메시지를 두 번 삭제해도 성공합니다(두 번째 삭제는 아무 일도 하지 않습니다)",
    "after every message was deleted": "모든 메시지를 삭제한 뒤에",
    "receipt handles and delete": "수신 핸들과 삭제",
    "a received message is in flight: hidden from others, still counted":
        "받은 메시지는 처리 중: 다른 소비자에게는 숨겨지고, 개수에는 들어감",
    "each receive gives its own handle, not the id, not the body; two messages with one body stay two":
        "수신마다 고유한 핸들을 줌, id도 본문도 아님. 본문이 같은 두 메시지는 두 개 그대로",
    "delete takes the receipt handle; a message id or an unknown handle is refused (also on an empty queue)":
        "delete는 수신 핸들을 받음. 메시지 id나 모르는 핸들은 거부(빈 대기열에서도)",
    "deleting twice is harmless": "두 번 삭제해도 문제없음",
    "the queue held 'old 1' to 'old 3', R had received one of them, when A and B made their calls; then consumer Z "
    "received and deleted whatever was left.":
        "A와 B가 호출할 때 대기열에는 'old 1'부터 'old 3'까지 있었고, R이 그중 하나를 받은 상태였습니다. 그다음 "
        "소비자 Z가 남은 것을 모두 받고 삭제했습니다.",
    "calling counts() after the calls": "호출이 끝난 뒤 counts() 호출",
    "at the end {held} messages were received and never deleted, and none was waiting, but counts() returned "
    "{got!r}.":
        "끝났을 때 받은 뒤 삭제되지 않은 메시지가 {held}개이고 기다리는 메시지는 없었는데, counts()가 돌려준 값: "
        "{got!r}.",
    "{who} called counts()": "{who}의 counts() 호출",
    "send, receive, delete and counts, two calls at a time": "send, receive, delete, counts, 두 호출씩 동시에",
    # ---- grading: exercise 03, visibility timeout (toyqueue/grading/visibility_timeout.py)
    "a visibility timeout is between 0 s and {max:,} s (12 hours)": "가시성 제한 시간은 0초에서 {max:,}초(12시간) 사이입니다",
    "only the newest receipt handle deletes; an older one does nothing":
        "가장 새 수신 핸들만 삭제할 수 있습니다. 예전 핸들로는 아무 일도 일어나지 않습니다",
    "receive(visibility_timeout={bad}) on an empty queue": "빈 대기열에서 receive(visibility_timeout={bad})",
    "{why}, so {m} was visible again at {t}, but {who}'s receive at {t} did not return it.":
        "{why}. 그래서 {m} 메시지는 {t}에 다시 보였어야 하는데, {t}에 {who}의 수신은 이 메시지를 돌려주지 "
        "않았습니다.",
    "A received {m} at 0 s with the queue's timeout of 30 s and never deleted it":
        "A는 0초에 대기열의 제한 시간 30초로 {m} 메시지를 받았고 삭제하지 않았습니다",
    "queue visibility timeout 30 s. At 0 s P1 sends 3 messages and A receives one (m_A); at 12 s B receives the "
    "others with visibility_timeout=60; consumers receive at 29.5 s, 30 s (C gets m_A; A, with its old handle, "
    "deletes it and sets its timeout to 0; C receives it again), 72 s, 85 s, 89.5 s; at 40 s C changes m_A's timeout "
    "to 50 s; at 90 s F receives with visibility_timeout=0.5, at 90.25 s G, at 90.5 s H, at 120.5 s I, who sets the "
    "timeout to 0; J receives at once.":
        "대기열의 가시성 제한 시간은 30초. 0초에 P1이 메시지 3개를 보내고 A가 하나(m_A)를 받습니다. 12초에 B가 "
        "나머지를 visibility_timeout=60으로 받습니다. 소비자들이 29.5초, 30초(C가 m_A를 받고, A가 예전 핸들로 그 "
        "메시지를 삭제하고 제한 시간을 0으로 바꾼 뒤, C가 다시 받음), 72초, 85초, 89.5초에 받습니다. 40초에 C가 "
        "m_A의 제한 시간을 50초로 바꿉니다. 90초에 F가 visibility_timeout=0.5로 받고, 90.25초에 G, 90.5초에 H, "
        "120.5초에 I가 받습니다. I는 제한 시간을 0으로 바꾸고, J가 곧바로 받습니다.",
    "a message stays hidden at most {max:,} s (12 hours) after the receive that hid it: change_visibility refuses to "
    "hide it longer":
        "메시지는 그 메시지를 숨긴 수신으로부터 최대 {max:,}초(12시간)까지만 숨겨집니다: change_visibility는 그보다 "
        "오래 숨기기를 거부합니다",
    "change_visibility also works with the receipt handle of an earlier receive (AWS acts on the message)":
        "change_visibility는 예전 수신의 수신 핸들로도 통합니다(AWS는 메시지에 대해 동작합니다)",
    "change_visibility on a message no longer in flight changes nothing and raises no error (AWS answers success)":
        "더는 처리 중이 아닌 메시지에 대한 change_visibility는 아무것도 바꾸지 않고 예외도 일으키지 않습니다(AWS는 "
        "성공으로 답합니다)",
    "change_visibility with an unknown receipt handle, or for a deleted message, raises ValueError":
        "모르는 수신 핸들이나 삭제된 메시지에 대한 change_visibility는 ValueError를 일으킵니다",
    "at {t} {who}'s receive returned {got} of the {n} visible messages, then [].":
        "{t}에 {who}의 수신은 표시된 메시지 {n}개 중 {got}개를 돌려준 뒤 []를 돌려주었습니다.",
    "at 30 s C had received {m} again, so A's handle was from an older receive (at 0 s): AWS accepts it and makes "
    "the message visible at once (recorded in {test})":
        "30초에 C가 {m} 메시지를 다시 받았으므로 A의 핸들은 예전 수신(0초)의 것이었습니다: AWS는 이 핸들을 받아들이고 "
        "메시지를 곧바로 보이게 합니다({test}에 기록됨)",
    "A set its timeout to 0 with the handle of its earlier receive, which works on the message as a whole":
        "A가 예전 수신의 핸들로 제한 시간을 0으로 바꾸었습니다. 이 변경은 메시지 전체에 적용됩니다",
    "change_visibility() with an old receipt handle of a deleted message": "삭제된 메시지의 예전 수신 핸들로 change_visibility()",
    "right after a receive, {max} s hides the message for exactly 12 hours, which is allowed":
        "수신 바로 뒤에 {max}초면 메시지를 정확히 12시간 숨깁니다. 이것은 허용됩니다",
    "0.5 s after the receive, {timeout:g} s hides the message until exactly 12 hours after it, which is allowed":
        "수신 0.5초 뒤에 {timeout:g}초면 메시지를 수신 후 정확히 12시간까지 숨깁니다. 이것은 허용됩니다",
    "change_visibility(handle, {max}) 0.5 s after the receive (it would hide the message until 12 hours and 0.5 s "
    "after the receive)":
        "수신 0.5초 뒤에 change_visibility(handle, {max})(메시지를 수신 후 12시간 0.5초까지 숨기게 됨)",
    "exactly 10 s after a receive with a 10 s timeout, {m} was no longer in flight: AWS answers such a change with "
    "success (recorded in {test})":
        "제한 시간 10초로 받은 지 정확히 10초 뒤, {m} 메시지는 더는 처리 중이 아니었습니다: AWS는 이런 변경에 성공으로 "
        "답합니다({test}에 기록됨)",
    "N received it with visibility_timeout=10 and asked for 30 s more only exactly when those 10 s had run out, "
    "which changes nothing":
        "N이 visibility_timeout=10으로 받았고, 그 10초가 다 지난 바로 그때에야 30초를 더 달라고 했습니다. 이 요청은 "
        "아무것도 바꾸지 않습니다",
    "an old receipt handle does not delete, but changes the visibility (as AWS does)":
        "예전 수신 핸들로는 삭제되지 않지만, 가시성은 바뀜(AWS처럼)",
    "a change exactly when the timeout ends changes nothing, without an error; a deleted message or an unknown handle "
    "is an error":
        "제한 시간이 끝나는 바로 그때의 변경은 예외 없이 아무것도 바꾸지 않음, 삭제된 메시지나 모르는 핸들은 예외",
    "at most 12 hours hidden after a receive: 43,199.5 s accepted and 43,200 s refused 0.5 s after it":
        "수신 뒤 최대 12시간 숨김: 수신 0.5초 뒤에 43,199.5초는 받아들이고 43,200초는 거부",
    "at 30 s, A deleted with its old receipt handle (from 0 s): {detail}; SQS accepts that delete and simply does "
    "not delete the message.":
        "30초에 A가 예전 수신 핸들(0초에 받은 것)로 삭제했습니다: {detail}. SQS는 이 삭제를 받아들이고, 메시지를 "
        "삭제하지 않을 뿐입니다.",
    "calling counts() after A's delete with its old handle": "A가 예전 핸들로 삭제한 뒤 counts() 호출",
    "at 30 s C had received {m} again; then A deleted with its old receipt handle (from 0 s), and counts() said "
    "{left!r}: 3 messages should still be in flight (C's and B's two). A consumer whose timeout ran out must not "
    "delete a message another consumer now holds.":
        "30초에 C가 {m} 메시지를 다시 받았습니다. 그다음 A가 예전 수신 핸들(0초에 받은 것)로 삭제했고, "
        "counts()의 결과는 {left!r}입니다: 메시지 3개(C의 것과 B의 두 개)가 아직 처리 중이어야 합니다. 제한 시간이 "
        "끝난 소비자가, 지금 다른 소비자가 가진 메시지를 삭제하면 안 됩니다.",
    "B received {m} at 12 s with visibility_timeout=60": "B는 12초에 visibility_timeout=60으로 {m} 메시지를 받았습니다",
    "at 40 s C set the timeout of m_A to 50 s, counted from that call":
        "40초에 C가 m_A의 제한 시간을 50초로 바꾸었고, 이 시간은 그 호출부터 셉니다",
    "F received it at 90 s with visibility_timeout=0.5": "F가 90초에 visibility_timeout=0.5로 받았습니다",
    "H received it at 90.5 s with the queue's timeout of 30 s (a change or a per-receive timeout applies to that "
    "receive only)":
        "H가 90.5초에 대기열의 제한 시간 30초로 받았습니다(변경한 제한 시간이나 수신별 제한 시간은 그 수신에만 "
        "적용됩니다)",
    "I set its timeout to 0": "I가 제한 시간을 0으로 바꾸었습니다",
    "change_visibility() for a deleted message": "삭제된 메시지에 change_visibility()",
    "receive(visibility_timeout=0) returned [] while one message was visible.":
        "메시지 하나가 표시된 상태인데 receive(visibility_timeout=0)가 []를 돌려주었습니다.",
    "K received it with visibility_timeout=0, which hides a message for no time at all":
        "K가 visibility_timeout=0으로 받았습니다. 이 값은 메시지를 전혀 숨기지 않습니다",
    "visibility timeout": "가시성 제한 시간",
    "an in-flight message stays hidden until exactly its timeout ends (30 s, 60 s, 0.5 s), then comes back":
        "처리 중인 메시지는 제한 시간이 끝나는 바로 그때까지 숨겨졌다가(30초, 60초, 0.5초) 다시 돌아옴",
    "change_visibility counts from the call, applies once, and 0 releases at once":
        "change_visibility는 호출 시점부터 세고, 한 번만 적용되며, 0이면 곧바로 놓아줌",
    "timeouts 0 and 43,200 s accepted; -1 and 43,201 refused (also on an empty queue)":
        "제한 시간 0초와 43,200초는 받아들임, -1과 43,201은 거부(빈 대기열에서도)",
    "{n} redeliveries after a timeout ran out (allowed: SQS delivers at least once)":
        "제한 시간이 끝난 뒤 다시 전달 {n}회(허용됨: SQS는 메시지를 적어도 한 번 전달함)",
    "the queue held 3 messages, R had received one of them (timeout 30 s), when A and B made their calls; 61 s "
    "later consumer Z received and deleted whatever was left.":
        "A와 B가 호출할 때 대기열에는 메시지 3개가 있었고, R이 그중 하나를 받은 상태였습니다(제한 시간 30초). "
        "61초 뒤 소비자 Z가 남은 것을 모두 받고 삭제했습니다.",
    "change_visibility() of R's message to 60 s": "R의 메시지에 60초로 change_visibility()",
    "calls at the same time, consumers that crash": "동시에 일어나는 호출, 죽는 소비자",
    "receive, delete and change_visibility, two calls at a time": "receive, delete, change_visibility, 두 호출씩 동시에",
    # ---- grading: exercise 04, idempotent consumer (toyqueue/grading/idempotent_consumer.py); 결제 (charge),
    # 멱등 소비자, 죽다 (a consumer crashes)
    "each order is charged exactly once, however often its message is delivered":
        "메시지가 몇 번 전달되든, 주문마다 정확히 한 번 결제됩니다",
    "a consumer deletes every message it has handled": "소비자는 처리한 메시지를 모두 삭제합니다",
    "a consumer that dies at any step loses no order and charges none twice":
        "소비자가 어느 단계에서 죽어도, 잃어버리는 주문도 두 번 결제되는 주문도 없습니다",
    "consume returns how many messages it handled (0 when the queue is empty)":
        "consume은 처리한 메시지 개수를 돌려줍니다(대기열이 비어 있으면 0)",
    "a producer sends {orders} orders and retries {retried} (sent twice, two different MessageIds); a consumer "
    "receives {crashed} messages, handles them with your handle_order() and crashes before deleting; {later} s "
    "later (visibility timeout {visibility} s) your consume() runs until it returns 0.":
        "생산자가 주문 {orders}건을 보내고, 그중 {retried} 주문은 다시 보냅니다(두 번 보냄, MessageId는 서로 다름). 한 "
        "소비자가 메시지 {crashed}개를 받아 여러분의 handle_order()로 처리하고, 삭제하기 전에 죽습니다. {later}초 "
        "뒤(가시성 제한 시간 {visibility}초) 여러분의 consume()이 0을 돌려줄 때까지 실행됩니다.",
    "the toy SQS (QueueService)": "토이 SQS(QueueService)",
    "{function}() line {line}": "{function}()의 {line}번째 줄",
    "the commit at the end of `with db:`": "`with db:` 끝의 커밋",
    "calling make_db()": "make_db() 호출",
    "calling consume(svc, queue_url, db)": "consume(svc, queue_url, db) 호출",
    "consume() returned {n!r}.": "consume()의 결과: {n!r}.",
    "consume() returned {n}, but its receive_message calls returned 1 message.":
        "consume()의 결과는 {n}인데, receive_message 호출이 돌려준 메시지는 1개입니다.",
    "consume() returned {n}, but its receive_message calls returned {got} messages.":
        "consume()의 결과는 {n}인데, receive_message 호출이 돌려준 메시지는 {got}개입니다.",
    "consume() still returned a number above 0 after {calls} calls on a queue of {n} messages.":
        "메시지 {n}개가 든 대기열에서 {calls}번을 호출한 뒤에도 consume()이 0보다 큰 수를 돌려주었습니다.",
    "consume() returned 0 {calls} times in a row while the queue held visible messages.":
        "대기열에 표시된 메시지가 있는데도 consume()이 {calls}번 연속으로 0을 돌려주었습니다.",
    "the toy SQS in realistic mode, seed {seed}: 3 deletes in 10 miss a copy of the message, 3 messages in 10 "
    "overtake the one before them, a short poll asks 2 of 5 servers":
        "실제에 가까운 모드의 토이 SQS, 시드 {seed}: 삭제 10번 중 3번은 메시지의 사본 하나를 놓치고, 메시지 10개 중 "
        "3개는 앞 메시지를 앞지르며, 짧은 폴링은 서버 5대 중 2대에 묻습니다",
    "a producer sends {orders} orders, each once; your consume() runs until the queue itself holds no message (a "
    "short poll may come back empty while messages wait, so the runner asks the queue, and lets time pass while a "
    "copy that missed a delete is in flight).":
        "생산자가 주문 {orders}건을 한 번씩 보냅니다. 여러분의 consume()은 대기열 자체에 메시지가 하나도 남지 않을 "
        "때까지 실행됩니다(메시지가 기다리는데도 짧은 폴링은 빈 응답을 받을 수 있으므로, 실행기는 대기열에 직접 묻고, "
        "삭제를 놓친 사본이 처리 중인 동안에는 시간을 흘려보냅니다).",
    "order {order} was never charged{extra}.\n{story}": "주문 {order}: 한 번도 결제되지 않았습니다{extra}.\n{story}",
    " ({why})": "({why})",
    "order {order} was charged {n} times{why}.\n{story}": "주문 {order}: {n}번 결제되었습니다{why}.\n{story}",
    " (your consumer deleted its message {id} at {deleted} and the queue delivered it again at {received}: on real "
    "SQS a server that holds a copy can miss a delete, so a message can come back even after it was deleted. "
    "Delivery is at least once, never exactly once)":
        "(여러분의 소비자가 {deleted}에 메시지 {id}를 삭제했는데 대기열이 {received}에 다시 전달했습니다: 실제 SQS에서는 "
        "사본을 가진 서버가 삭제를 놓칠 수 있어서, 삭제한 뒤에도 메시지가 돌아올 수 있습니다. 전달은 최소 한 번이지, "
        "정확히 한 번이 아닙니다)",
    " (the queue handed out the message of {other}, sent after it, first: delivery {number} at {at}, and the message "
    "of {order} only as delivery {mine} at {mine_at}. A standard queue keeps the send order only on a best-effort "
    "basis: a consumer must not assume that orders arrive in the order they were sent)":
        "(대기열이 나중에 보낸 {other}의 메시지를 먼저 내주었습니다: {at}에 {number}번째 전달, 그리고 {order}의 "
        "메시지는 {mine_at}에야 {mine}번째 전달. 표준 대기열은 최선의 노력으로만 보낸 순서를 지킵니다: 소비자는 주문이 "
        "보낸 순서대로 온다고 가정하면 안 됩니다)",
    "after consume() returned 0 and the queue showed no message waiting, {left} messages were still in it; they will "
    "be delivered again and again.\n{story}":
        "consume()이 0을 돌려주고 대기열에 기다리는 메시지가 보이지 않은 뒤에도 메시지 {left}개가 남아 있었습니다. "
        "이 메시지들은 계속 다시 전달됩니다.\n{story}",
    "{orders} orders, each sent once, on a queue that behaves like real SQS":
        "실제 SQS처럼 동작하는 대기열에서 주문 {orders}건, 각각 한 번씩 보냄",
    "{deliveries} deliveries: {after_delete} after a delete, {overtaken} ahead of a message sent earlier, "
    "{short_empty} short polls empty while messages waited":
        "전달 {deliveries}회: 삭제 뒤의 전달 {after_delete}회, 먼저 보낸 메시지를 앞지른 전달 {overtaken}회, "
        "메시지가 기다리는데 빈 응답이 온 짧은 폴링 {short_empty}회",
    "each order charged exactly once, every message deleted (the queue itself, not a short poll, said so)":
        "주문마다 정확히 한 번 결제, 모든 메시지 삭제(짧은 폴링이 아니라 대기열 자체가 확인함)",
    "reading the charges table (SELECT order_id, amount FROM charges)":
        "charges 테이블 읽기(SELECT order_id, amount FROM charges)",
    "the producer sent it twice, as two messages with different MessageIds, so key on the order id, not the "
    "MessageId":
        "생산자가 MessageId가 다른 메시지 두 개로 두 번 보냈으니, MessageId가 아니라 주문 ID를 키로 쓰세요",
    "its message was delivered again after a consumer crashed before deleting it":
        "소비자가 삭제하기 전에 죽은 뒤 그 메시지가 다시 전달되었습니다",
    "a redelivery": "다시 전달됨",
    "; ": ". 또 ",
    "order {order} was charged {charged!r} instead of {amount}.":
        "주문 {order}: 결제 금액이 {charged!r}입니다(올바른 금액: {amount}).",
    "charges for unknown orders {orders!r}.": "모르는 주문의 결제: {orders!r}.",
    "calling consume() on an empty queue": "빈 대기열에서 consume() 호출",
    "consume() on an empty queue returned {n!r}.": "빈 대기열에서 consume()의 결과: {n!r}.",
    "handle_order() was called with the message of order {order}": "주문 {order} 메시지로 handle_order() 호출",
    "Scenario ({backend}): {scenario}": "시나리오({backend}): {scenario}",
    "after consume() returned 0, {left} messages were still in the queue; they will be delivered again and "
    "again.\n{story}":
        "consume()이 0을 돌려준 뒤에도 대기열에 메시지 {left}개가 남아 있었습니다. 이 메시지들은 계속 다시 "
        "전달됩니다.\n{story}",
    "the queue kept its promises": "대기열은 약속을 지킵니다",
    "Scenario ({backend}): a producer sends {orders} orders (and retries {retried}); your consume() runs until the "
    "process dies {when}; what it had not committed is rolled back; {later} s later a new consume() runs until it "
    "returns 0.":
        "시나리오({backend}): 생산자가 주문 {orders}건을 보냅니다({retried} 주문은 다시 보냄). 여러분의 consume()이 "
        "실행되다가 {when} 프로세스가 죽습니다. 커밋하지 않은 것은 롤백됩니다. {later}초 뒤 새 consume()이 0을 "
        "돌려줄 때까지 실행됩니다.",
    "after the new consume() returned 0, {left} messages were still in the queue.\n{story}":
        "새 consume()이 0을 돌려준 뒤에도 대기열에 메시지 {left}개가 남아 있었습니다.\n{story}",
    "{rule} ({cause})": "{rule} ({cause})",
    "right before its step {at}, {what} in {line}": "{at}번째 단계인 {line}의 {what} 바로 전에",
    "right before its step {at}, {what}": "{at}번째 단계인 {what} 바로 전에",
    "right after {last} in {line} and {before}": "{line}의 {last} 바로 뒤, {before}",
    "right after {last} and {before}": "{last} 바로 뒤, {before}",
    "idempotent consumer ({backend})": "멱등 소비자({backend})",
    "{orders} orders, {retried} sent twice by the producer, {crashed} handled by a consumer that crashed":
        "주문 {orders}건, 그중 {retried}건은 생산자가 두 번 보냄, {crashed}건은 죽은 소비자가 처리함",
    "{deliveries} deliveries for {orders} orders: each order charged exactly once, every message deleted":
        "주문 {orders}건에 전달 {deliveries}회: 주문마다 정확히 한 번 결제, 모든 메시지 삭제",
    "your consume() killed before each of its {steps} steps (statements, commits, deletes) in turn: after a "
    "restart, still each order charged exactly once":
        "여러분의 consume()을 {steps}개 단계(문장, 커밋, 삭제) 앞에서 차례로 하나씩 죽임: 다시 시작한 뒤에도 "
        "주문마다 정확히 한 번 결제",
    # ---- grading: exercise 05, scaling policy (toyqueue/grading/scaling_policy.py); 인스턴스당 백로그,
    # 대상 추적 조정 정책, 목표값
    "the backlog target is acceptable latency / seconds per message":
        "백로그 목표값은 허용할 수 있는 지연 시간 / 메시지 하나의 처리 시간(초)입니다",
    "desired = ceil(visible messages / target backlog per instance), kept within min_size..max_size":
        "원하는 인스턴스 수 = ceil(표시된 메시지 수 / 인스턴스당 백로그 목표값), min_size..max_size 안으로",
    "1,500 messages at 100 per instance need 15 instances": "인스턴스당 100개씩이면 메시지 1,500개에 인스턴스 15대가 필요",
    "round up: 15.01 instances' worth of work needs 16": "올림: 인스턴스 15.01대 분량의 일에는 16대가 필요",
    "450 messages at 30 per instance need exactly 15 (mind floating point: 7 * (450 / 7) / 30 is "
    "15.000000000000002)":
        "인스턴스당 30개씩이면 메시지 450개에 정확히 15대가 필요(부동소수점에 주의: 7 * (450 / 7) / 30은 "
        "15.000000000000002)",
    "an empty queue scales in to min_size": "빈 대기열이면 min_size까지 축소",
    "never below min_size": "min_size 아래로는 절대 내려가지 않음",
    "never above max_size": "max_size 위로는 절대 올라가지 않음",
    "with no instance in service yet, the backlog alone decides": "아직 서비스 중인 인스턴스가 없으면 백로그만으로 결정",
    "99 messages fit on one instance": "메시지 99개는 인스턴스 한 대로 충분",
    "nothing to do, nothing running: zero instances": "할 일도 실행 중인 것도 없음: 인스턴스도 없음",
    "a target of 12.5 messages per instance (10 s / 0.8 s) is not a whole number: 250 / 12.5 is exactly 20":
        "인스턴스당 목표값 12.5개(10초 / 0.8초)는 정수가 아님: 250 / 12.5는 정확히 20",
    "251 messages at 12.5 per instance need 20.08 instances' worth: 21":
        "인스턴스당 12.5개씩이면 메시지 251개는 인스턴스 20.08대 분량: 21대",
    "an instance that takes 2 s per message within 1 s of latency has a target of 0.5: 3 messages need 6 "
    "instances":
        "지연 시간 1초 안에 메시지 하나에 2초가 걸리는 인스턴스의 목표값은 0.5: 메시지 3개에 인스턴스 6대가 필요",
    "a target given as a float (120.0) still gives a whole number of instances":
        "목표값이 float(120.0)으로 주어져도 인스턴스 수는 정수",
    "desired_instances returns a whole number of instances (an int)": "desired_instances는 인스턴스 수를 정수(int)로 돌려줍니다",
    "calling {call}": "{call} 호출",
    "{call} returned {got!r}.": "{call}의 결과: {got!r}.",
    "backlog_target({latency}, {per_message}) returned {got!r}; expected {want} ({latency} s / {per_message} s per "
    "message).":
        "backlog_target({latency}, {per_message})의 결과: {got!r}. 기대한 값: {want}(메시지당 {latency}초 / "
        "{per_message}초).",
    "{call} returned {got}; expected {want}: {why}.": "{call}의 결과: {got}. 기대한 값: {want}. 이유: {why}.",
    "with {args}, desired_instances returned {got}, outside {lo}..{hi}.":
        "{args}일 때 desired_instances의 결과 {got}: {lo}..{hi} 범위 밖입니다.",
    "after scaling, no instance has more than the target backlog (unless at max_size)":
        "조정한 뒤에는 어느 인스턴스도 목표 백로그보다 많이 맡지 않습니다(max_size에 이른 경우는 예외)",
    "with {args}, {got} instances would each have {each:,.1f} messages, over the target of {target}.":
        "{args}일 때 인스턴스 {got}대면 한 대에 메시지 {each:,.1f}개로, 목표값 {target}보다 많습니다.",
    "scale to what the backlog needs, no more (unless min_size asks for more)":
        "백로그에 필요한 만큼만 늘립니다(min_size가 더 많이 요구하는 경우는 예외)",
    "with {args}, desired_instances returned {got}, but {fewer} instances already keep the backlog per instance "
    "within {target}.":
        "{args}일 때 desired_instances의 결과는 {got}이지만, 인스턴스 {fewer}대로도 인스턴스당 백로그가 이미 "
        "{target} 이하입니다.",
    "scaling policy": "조정 정책",
    "backlog_target(10 s, 0.1 s) = 100 messages per instance, as in AWS's example; 3.5, 12.5 and 0.5 too":
        "backlog_target(10초, 0.1초) = 인스턴스당 메시지 100개, AWS의 예와 같음. 3.5, 12.5, 0.5도",
    "{cases} cases and 300 random ones, with whole and fractional targets: a whole number of instances, rounded "
    "up, within min_size..max_size":
        "사례 {cases}개와 무작위 300개, 목표값은 정수와 소수: 인스턴스 수는 올림한 정수, min_size..max_size 안",
    "spike simulation: peak backlog {worst:,} messages, peak {peak} instances, backlog back under the target by "
    "minute {drained}":
        "급증 시뮬레이션: 백로그 최대 메시지 {worst:,}개, 인스턴스 최대 {peak}대, {drained}분째까지 백로그가 "
        "목표값 아래로 돌아옴",
    "the policy keeps up with a spike": "정책은 급증을 따라잡습니다",
    "with {per_instance} messages per instance per minute, a spike of 5,000 messages a minute for 5 minutes was "
    "still not worked off after {minutes} minutes (backlog {backlog:,}).":
        "인스턴스 한 대가 분당 메시지 {per_instance}개를 처리할 때, 분당 메시지 5,000개가 5분 동안 몰린 급증이 "
        "{minutes}분이 지나도 처리되지 않았습니다(백로그 {backlog:,}개).",
    # ---- grading: exercise 06, access policy (toyqueue/grading/access_policy.py); 액세스 정책, 문 (statement),
    # 보안 주체 (principal), 명시적 거부 (`Deny` stays as written)
    "a policy is made of statements SQS can read": "정책은 SQS가 읽을 수 있는 문으로 이루어집니다",
    "{case} over plain HTTP": "{case}, 암호화하지 않은 HTTP로",
    "the partner account sends": "파트너 계정이 메시지를 보냄",
    "the partner account may send": "파트너 계정은 메시지를 보낼 수 있습니다",
    "S3 sends an event of your bucket video-uploads": "S3가 여러분의 버킷 video-uploads의 이벤트를 보냄",
    "S3 may send your bucket's events (aws:SourceArn is the bucket, aws:SourceAccount is yours)":
        "S3는 여러분 버킷의 이벤트를 보낼 수 있습니다(aws:SourceArn은 그 버킷, aws:SourceAccount는 여러분의 계정)",
    "SNS delivers a message of your topic new-orders": "SNS가 여러분의 주제 new-orders의 메시지를 전달함",
    "SNS may deliver your topic's messages": "SNS는 여러분 주제의 메시지를 전달할 수 있습니다",
    "your consumer role receives": "여러분의 소비자 역할이 메시지를 받음",
    "the queue policy must not take away what your own roles' IAM policies allow":
        "대기열 정책이 여러분 역할의 IAM 정책이 허용한 것을 빼앗으면 안 됩니다",
    "the partner account receives your orders": "파트너 계정이 여러분의 주문을 받음",
    "the partner may send, and nothing else": "파트너는 메시지를 보낼 수만 있고, 다른 것은 할 수 없습니다",
    "the partner account deletes a message": "파트너 계정이 메시지를 삭제함",
    "the partner account purges the queue": "파트너 계정이 대기열을 제거(purge)함",
    "an unknown account sends": "모르는 계정이 메시지를 보냄",
    "only the partner account may send from outside": "바깥에서는 파트너 계정만 메시지를 보낼 수 있습니다",
    "S3 sends an event of someone else's bucket": "S3가 다른 사람 버킷의 이벤트를 보냄",
    "s3.amazonaws.com acts for every S3 customer: limit it with aws:SourceArn":
        "s3.amazonaws.com은 모든 S3 고객을 대신해 움직입니다: aws:SourceArn으로 제한하세요",
    "S3 sends an event of another bucket of your own account": "S3가 여러분 계정의 다른 버킷의 이벤트를 보냄",
    "S3 may send the events of video-uploads only: aws:SourceArn names that bucket":
        "S3는 video-uploads의 이벤트만 보낼 수 있습니다: aws:SourceArn에 그 버킷을 적으세요",
    "S3 sends an event of a bucket named video-uploads in another account":
        "S3가 다른 계정의 video-uploads라는 버킷의 이벤트를 보냄",
    "bucket names are global: also require aws:SourceAccount to be your account":
        "버킷 이름은 전역입니다: aws:SourceAccount가 여러분의 계정이어야 한다는 조건도 두세요",
    "S3 asks to receive messages": "S3가 메시지를 받으려 함",
    "S3 may only send": "S3는 메시지를 보낼 수만 있습니다",
    "SNS delivers a message of another account's topic new-orders": "SNS가 다른 계정의 주제 new-orders의 메시지를 전달함",
    "sns.amazonaws.com acts for every SNS customer: limit it with aws:SourceArn, the whole topic ARN":
        "sns.amazonaws.com은 모든 SNS 고객을 대신해 움직입니다: aws:SourceArn에 주제의 ARN 전체를 적어 제한하세요",
    "SNS sends without saying for which topic": "SNS가 어느 주제의 메시지인지 밝히지 않고 보냄",
    "a request without aws:SourceArn cannot be one of your topic's":
        "aws:SourceArn이 없는 요청은 여러분 주제의 요청일 수 없습니다",
    "every request over plain HTTP is denied, whoever makes it":
        "암호화하지 않은 HTTP로 온 요청은 누가 보냈든 모두 거부됩니다",
    "queue_policy returns a policy: a dict with a list of statements under 'Statement'":
        "queue_policy는 정책을 돌려줍니다: 'Statement' 아래에 문의 리스트가 있는 dict",
    "{call} returned {doc!r}.": "{call}의 결과: {doc!r}.",
    "every statement of a queue policy names its Principal (SQS refuses a queue policy without one)":
        "대기열 정책의 문마다 Principal(보안 주체)을 적습니다(SQS는 Principal이 없는 대기열 정책을 거부합니다)",
    "statement {sid!r} has no Principal: on a queue, a statement must say who it is about.":
        "문 {sid!r}에 Principal이 없습니다: 대기열 정책의 문은 누구에 대한 것인지 밝혀야 합니다.",
    "your policy could not be read: {why}.": "여러분의 정책을 읽을 수 없습니다: {why}.",
    "your policy could not be read ({error}).": "여러분의 정책을 읽을 수 없습니다({error}).",
    "case '{case}' (queue {queue})": "사례 '{case}'(대기열 {queue})",
    "case '{case}'": "사례 '{case}'",
    "Does Resource name the queue_arn you are given, not one queue by heart?":
        "Resource에 대기열 하나를 외워서 적지 말고, 받은 queue_arn을 적었나요?",
    "{case}: your policy answers {effect} ({sid}); it must allow it.{extra}":
        "{case}: 여러분의 정책은 {effect}({sid})로 답합니다. 허용해야 합니다.{extra}",
    "The role's own IAM policy allows it, and only an explicit Deny in the queue policy stops that.":
        "이 역할의 IAM 정책이 허용하므로, 대기열 정책의 명시적 Deny만이 막을 수 있습니다.",
    "{case}: your policy lets it through ({sid}); it must not.{extra}":
        "{case}: 여러분의 정책이 통과시킵니다({sid}). 통과시키면 안 됩니다.{extra}",
    "{case}: your policy answers {effect} ({sid}), which lets the caller's own IAM policy decide. Only an explicit "
    "Deny stops it.":
        "{case}: 여러분의 정책은 {effect}({sid})로 답합니다. 그러면 호출한 쪽의 IAM 정책이 결정하게 됩니다. 명시적 "
        "Deny만이 막을 수 있습니다.",
    "the writers": "보내는 쪽",
    "{n} requests allowed: the partner sends, S3 for your bucket, SNS for your topic, your consumer role":
        "요청 {n}개 허용: 파트너의 전송, 여러분 버킷을 위한 S3, 여러분 주제를 위한 SNS, 여러분의 소비자 역할",
    "{n} refused: a stranger, someone else's bucket, another bucket of yours, your bucket's name in another "
    "account, another topic, no topic, the partner reading, deleting or purging, S3 receiving":
        "{n}개 거부: 모르는 계정, 다른 사람의 버킷, 여러분의 다른 버킷, 다른 계정에 있는 같은 이름의 버킷, 다른 "
        "주제, 주제 없음, 파트너의 읽기·삭제·제거, S3의 수신",
    "{n} answers in all, on two queues": "대기열 두 개에서 모두 {n}번 답함",
    "HTTPS only": "HTTPS만",
    "the {n} requests allowed over HTTPS are denied over plain HTTP ({asked} answers, on two queues)":
        "HTTPS로는 허용되는 요청 {n}개가 암호화하지 않은 HTTP로는 거부됨(대기열 두 개에서 {asked}번 답함)",
    "your own consumer role, whose IAM policy allows it, meets an explicit Deny":
        "IAM 정책이 허용하는 여러분의 소비자 역할도 명시적 Deny에 막힘",
    # ---- grading: exercise 07, retention and delay (toyqueue/grading/retention_and_delay.py); 메시지 보존 기간,
    # 지연 (delay), 지연됨 (delayed)
    "queue delay_seconds=5. At 0 s P1 sends m1 (the queue's delay), m2 (delay=0), m3 (delay=20), m4 (delay=900); "
    "consumers receive at 0 s, 4.5 s, 5 s, 19.5 s, 20 s and 900 s.":
        "대기열 delay_seconds=5. 0초에 P1이 m1(대기열의 지연), m2(delay=0), m3(delay=20), m4(delay=900)를 보냅니다. "
        "소비자들이 0초, 4.5초, 5초, 19.5초, 20초, 900초에 받습니다.",
    "queue retention_period=60. At 0 s P1 sends m1, and m2 with delay=30; at 30 s P1 sends m3 and m4 (delay=120), "
    "and A receives (never deletes); receives at 59.5 s, 60 s, 89.5 s, 90 s and 150 s.":
        "대기열 retention_period=60. 0초에 P1이 m1과, delay=30으로 m2를 보냅니다. 30초에 P1이 m3과 "
        "m4(delay=120)를 보내고, A가 받습니다(삭제하지 않음). 59.5초, 60초, 89.5초, 90초, 150초에 받습니다.",
    "a delay is between 0 s and {max} s (15 minutes)": "지연은 0초에서 {max}초(15분) 사이입니다",
    "retention_period is between {min} s and {max:,} s (14 days)": "retention_period는 {min}초에서 {max:,}초(14일) 사이입니다",
    "a delayed message becomes visible exactly when its delay ends": "지연된 메시지는 지연이 끝나는 바로 그때 보이게 됩니다",
    "retention counts from each message's own send time, whatever happened since":
        "메시지 보존 기간은 그 뒤에 무슨 일이 있었든 메시지마다 자기가 보내진 시각부터 셉니다",
    "counts() tells apart visible, in-flight and delayed messages":
        "counts()는 표시된 메시지, 처리 중인 메시지, 지연된 메시지를 구별합니다",
    "calling counts() at 5 s": "5초에 counts() 호출",
    "at 5 s m1's delay had just ended (m2 was deleted, m3 and m4 still delayed), but counts() returned {got!r}; "
    "expected 1 visible, 0 in flight, 2 delayed.":
        "5초에 m1의 지연이 막 끝났는데(m2는 삭제됨, m3과 m4는 아직 지연 중), counts()의 결과: {got!r}. 기대한 값: "
        "표시됨 1, 처리 중 0, 지연됨 2.",
    "{m}'s delay ended at {t}, but {who}'s receive at {t} did not return it.":
        "{m} 메시지의 지연은 {t}에 끝났는데, {t}에 {who}의 수신은 이 메시지를 돌려주지 않았습니다.",
    "calling counts() after A received m2": "A가 m2를 받은 뒤 counts() 호출",
    "after A received m2 (the only visible message), counts() returned {got!r}; expected 0 visible, 1 in flight, 3 "
    "delayed: a received message is in flight, not delayed.":
        "A가 m2(유일하게 표시된 메시지)를 받은 뒤 counts()의 결과: {got!r}. 기대한 값: 표시됨 0, 처리 중 1, "
        "지연됨 3. 받은 메시지는 지연된 것이 아니라 처리 중입니다.",
    "delay": "지연",
    "the queue's delay and a per-message delay (0, 5, 20 and 900 s) hide a new message":
        "대기열의 지연과 메시지별 지연(0, 5, 20, 900초)이 새 메시지를 숨김",
    "each message appears exactly when its delay ends, not half a second before":
        "메시지는 지연이 끝나는 바로 그때 나타남, 반 초 전이 아니라",
    "a delayed message counts as delayed, not in flight": "지연된 메시지는 처리 중이 아니라 지연됨으로 셈",
    "delays 0 and {max} s accepted; -1 and {over} refused": "지연 0초와 {max}초는 받아들임, -1과 {over}는 거부",
    "{why}, but {who}'s receive at {t} did not return it.":
        "{why}. 그런데 {t}에 {who}의 수신은 이 메시지를 돌려주지 않았습니다.",
    "calling counts() at 60 s": "60초에 counts() 호출",
    "at 60 s m1 and m2 (both sent at 0 s, m2 with a 30 s delay) had reached the retention period of 60 s and only "
    "m3 and m4 were left, but counts() returned {got!r}.":
        "60초에 m1과 m2(둘 다 0초에 보냄, m2는 지연 30초)는 메시지 보존 기간 60초에 이르렀고 m3과 m4만 남아야 "
        "하는데, counts()의 결과: {got!r}.",
    "{m} was sent at 30 s, so it lives until 90 s (its visibility timeout ended at 60 s)":
        "{m} 메시지는 30초에 보냈으므로 90초까지 남아 있습니다(가시성 제한 시간은 60초에 끝남)",
    "{m} was sent at 30 s, so it lives until 90 s": "{m} 메시지는 30초에 보냈으므로 90초까지 남아 있습니다",
    "calling counts() at 150 s": "150초에 counts() 호출",
    "at 150 s every message was older than the retention period of 60 s (m4 was sent at 30 s with a delay of 120 "
    "s: it expired while still delayed), but counts() returned {got!r}.":
        "150초에는 모든 메시지가 메시지 보존 기간 60초보다 오래되었는데(m4는 30초에 지연 120초로 보냈으므로 아직 "
        "지연 중일 때 만료됨), counts()의 결과: {got!r}.",
    "the default retention period is 4 days ({seconds:,} s)": "메시지 보존 기간의 기본값은 4일({seconds:,}초)입니다",
    "a message sent to MyQueue(clock) was gone {later} later.": "MyQueue(clock)에 보낸 메시지가 {later} 뒤에 사라졌습니다.",
    "MyQueue(clock) with the default retention; a message sent at {t} is received {later} later (timeout 1 s), then "
    "again 1 s after that.":
        "기본 보존 기간의 MyQueue(clock). {t}에 보낸 메시지를 {later} 뒤에 받고(제한 시간 1초), 그 1초 뒤에 다시 "
        "받습니다.",
    "retention": "메시지 보존",
    "a message is gone exactly when it reaches the retention period after its send: in flight, delayed, or not":
        "메시지는 보낸 뒤 보존 기간에 이르는 바로 그때 사라짐: 처리 중이든, 지연 중이든, 아니든",
    "younger messages stay to the last half second": "더 젊은 메시지는 마지막 반 초까지 남아 있음",
    "the default is 4 days; {min} s and {max:,} s accepted, one second beyond either refused":
        "기본값은 4일, {min}초와 {max:,}초는 받아들이고, 어느 쪽이든 한 초만 벗어나도 거부",
    "the queue (retention 60 s) held two messages that had just expired and one young one when A and B made their "
    "calls; 31 s later consumer Z received and deleted whatever was left.":
        "A와 B가 호출할 때 대기열(보존 기간 60초)에는 막 만료된 메시지 두 개와 젊은 메시지 하나가 있었습니다. "
        "31초 뒤 소비자 Z가 남은 것을 모두 받고 삭제했습니다.",
    "expiring messages while calls overlap": "호출이 겹치는 동안 만료되는 메시지",
    "receive, counts (both dropping expired messages) and send, two calls at a time":
        "receive, counts(둘 다 만료된 메시지를 지움), send, 두 호출씩 동시에",
    # ---- grading: exercise 08, batches (toyqueue/grading/batches.py); 배치, 항목 (an entry)
    "refused batches first; then P1 sends a batch of 10; A receives them and deletes them in two batches, one "
    "holding unknown handles.":
        "먼저 거부되는 배치들. 그다음 P1이 10개짜리 배치를 보내고, A가 받아서 배치 두 번으로 삭제합니다. 그중 한 "
        "배치에는 모르는 핸들이 들어 있습니다.",
    "a batch holds 1 to {max} entries (SQS: TooManyEntriesInBatchRequest / EmptyBatchRequest)":
        "배치에는 항목이 1개에서 {max}개까지 들어갑니다(SQS: TooManyEntriesInBatchRequest / EmptyBatchRequest)",
    "a batch succeeds or fails entry by entry: delete_batch deletes the valid handles and returns the others instead "
    "of raising":
        "배치는 항목마다 성공하거나 실패합니다: delete_batch는 예외를 일으키지 않고, 올바른 핸들은 삭제하고 나머지는 "
        "돌려줍니다",
    "a batch is at most {max:,} bytes (1 MiB) in all, counted in UTF-8 bytes, not characters (SQS: "
    "BatchRequestTooLong)":
        "배치는 모두 합쳐 최대 {max:,}바이트(1 MiB)이고, 글자 수가 아니라 UTF-8 바이트로 셉니다(SQS: "
        "BatchRequestTooLong)",
    "a refused batch does nothing: no entry of it is stored or deleted":
        "거부된 배치는 아무 일도 하지 않습니다: 어떤 항목도 저장되거나 삭제되지 않습니다",
    "delete_batch([]) on an empty queue": "빈 대기열에서 delete_batch([])",
    "send_batch() with {n} bodies": "본문 {n}개로 send_batch()",
    "send_batch() with 'first' and two bodies of Korean text, {bytes:,} UTF-8 bytes in all ({chars:,} characters)":
        "'first'와 한국어 본문 두 개로 send_batch(), 모두 UTF-8 {bytes:,}바이트({chars:,}글자)",
    "send_batch() with two bodies of 200,000 characters each: 400,000 characters but 1,200,000 UTF-8 bytes":
        "200,000글자짜리 본문 두 개로 send_batch(): 400,000글자지만 UTF-8로는 1,200,000바이트",
    "calling counts() after {doing} was refused": "{doing}: 거부된 뒤 counts() 호출",
    "after {doing} raised ValueError, counts() returned {got!r}: part of the refused batch was stored.":
        "{doing}: ValueError가 난 뒤 counts()의 결과: {got!r}. 거부된 배치의 일부가 저장되었습니다.",
    "send_batch() with two bodies of Korean text, exactly {bytes:,} UTF-8 bytes in all":
        "한국어 본문 두 개로 send_batch(), 모두 정확히 UTF-8 {bytes:,}바이트",
    "send_batch() of two bodies returned {ids!r}.": "본문 두 개의 send_batch() 결과: {ids!r}.",
    "receive(max_messages=10) returned [] while {n} sent messages were still visible.":
        "보낸 메시지 {n}개가 아직 표시된 상태인데 receive(max_messages=10)가 []를 돌려주었습니다.",
    "delete_batch() with 11 handles (10 of them valid)": "핸들 11개(그중 10개는 올바름)로 delete_batch()",
    "calling counts() after delete_batch() with 11 handles was refused": "핸들 11개의 delete_batch()가 거부된 뒤 counts() 호출",
    "after delete_batch() with 11 handles (10 of them valid) raised ValueError, counts() returned {got!r}: 10 "
    "messages should still be in flight, but part of the refused batch was deleted.":
        "핸들 11개(그중 10개는 올바름)의 delete_batch()가 ValueError를 일으킨 뒤 counts()의 결과: {got!r}. 메시지 "
        "10개가 아직 처리 중이어야 하는데, 거부된 배치의 일부가 삭제되었습니다.",
    "after delete_batch() of 8 valid handles and 2 invalid ones": "올바른 핸들 8개와 잘못된 핸들 2개로 delete_batch()를 한 뒤",
    "delete_batch() with 1 handle": "핸들 1개로 delete_batch()",
    "after delete_batch() of the last 2 handles, one at a time": "마지막 핸들 2개를 하나씩 delete_batch()로 삭제한 뒤",
    "{call} returned {ids!r}.": "{call}의 결과: {ids!r}.",
    "send_batch() returned {ids!r}.": "send_batch()의 결과: {ids!r}.",
    "batches": "배치",
    "send_batch of 10 gives 10 ids, in order, even for two equal bodies; batches of 1 work too":
        "10개짜리 send_batch는 본문이 같은 둘도 포함해 id 10개를 순서대로 줌, 1개짜리 배치도 됨",
    "exactly 1 MiB of UTF-8 accepted; one byte more, 11 entries or none refused, and storing nothing":
        "UTF-8로 정확히 1 MiB는 받아들임, 한 바이트 더, 11개 항목, 빈 배치는 거부하고 아무것도 저장하지 않음",
    "delete_batch deletes the valid handles and reports the invalid ones; 11 handles refused, deleting nothing":
        "delete_batch는 올바른 핸들은 삭제하고 잘못된 핸들은 알려 줌, 핸들 11개는 거부하고 아무것도 삭제하지 않음",
    "the queue held 3 messages, R had received two of them, when A and B made their calls; 31 s later consumer Z "
    "received and deleted whatever was left.":
        "A와 B가 호출할 때 대기열에는 메시지 3개가 있었고, R이 그중 두 개를 받은 상태였습니다. 31초 뒤 소비자 Z가 "
        "남은 것을 모두 받고 삭제했습니다.",
    "delete_batch() of R's two handles and an unknown one": "R의 핸들 두 개와 모르는 핸들 하나로 delete_batch()",
    "batches at the same time": "동시에 일어나는 배치",
    "send_batch, receive and delete_batch, two calls at a time": "send_batch, receive, delete_batch, 두 호출씩 동시에",
    # ---- grading: exercise 09, dead-letter queue (toyqueue/grading/dead_letter.py); 배달 못한 편지 대기열,
    # 소스 대기열, 리드라이브, 포이즌 메시지
    "a message received max_receive_count times without being deleted moves to the dead-letter queue":
        "삭제되지 않은 채 max_receive_count번 수신된 메시지는 배달 못한 편지 대기열로 옮겨집니다",
    "a receive that moves a message to the dead-letter queue goes on to return the other visible messages":
        "메시지를 배달 못한 편지 대기열로 옮기는 수신도 표시된 다른 메시지는 이어서 돌려줍니다",
    "a message keeps its id, body and send time when it moves between queues":
        "메시지는 대기열 사이를 옮겨 가도 ID, 본문, 보낸 시각을 그대로 유지합니다",
    "move_messages moves every visible message back, and only those, and resets its receive count":
        "move_messages는 표시된 메시지를 모두, 그리고 그것만 되돌려 보내고, 수신 횟수를 처음으로 되돌립니다",
    "max_receive_count is a whole number from 1 to {max:,}": "max_receive_count는 1에서 {max:,}까지의 정수입니다",
    "source queue: visibility timeout 30 s, max_receive_count=3. P1 sends a poison message and a good one; at 0 s, "
    "31 s and 62 s consumer C receives, deletes the good message and fails on the poison one; at 93 s P1 sends "
    "'order 2', then C receives one message, then up to 10.":
        "소스 대기열: 가시성 제한 시간 30초, max_receive_count=3. P1이 포이즌 메시지와 정상 메시지를 보냅니다. "
        "0초, 31초, 62초에 소비자 C가 받아서 정상 메시지는 삭제하고 포이즌 메시지에서는 실패합니다. 93초에 P1이 "
        "'order 2'를 보내고, C가 메시지 하나를 받은 다음 최대 10개를 받습니다.",
    "at 93 s {m} had been received 3 times (max_receive_count=3) and 'order 2' was waiting; C's "
    "receive(max_messages=1) returned [] instead of moving {m} and returning 'order 2'.":
        "93초에 {m} 메시지는 3번 수신되었고(max_receive_count=3) 'order 2'가 기다리고 있었습니다. C의 "
        "receive(max_messages=1)는 {m} 메시지를 옮기고 'order 2'를 돌려주는 대신 []를 돌려주었습니다.",
    "message {m} was delivered {n} times from the source queue (at {times}), but max_receive_count is 3: the 4th "
    "receive should have moved it to the dead-letter queue instead of delivering it.":
        "{m} 메시지가 소스 대기열에서 {n}번 전달되었습니다({times}). 그런데 max_receive_count는 3입니다: 4번째 "
        "수신은 메시지를 전달하지 말고 배달 못한 편지 대기열로 옮겼어야 합니다.",
    "message {m} was delivered only {n} times from the source queue; with max_receive_count=3 it must be delivered 3 "
    "times before it moves.":
        "{m} 메시지가 소스 대기열에서 {n}번만 전달되었습니다. max_receive_count=3이면 옮겨지기 전에 3번 "
        "전달되어야 합니다.",
    "calling counts() on the source queue after the poison message moved": "포이즌 메시지가 옮겨진 뒤 소스 대기열의 counts() 호출",
    "at {t} the good messages were deleted and {m} had moved to the dead-letter queue, but the source queue's "
    "counts() said {got!r}: a moved message leaves the source queue.":
        "{t}에는 정상 메시지가 삭제되었고 {m} 메시지는 배달 못한 편지 대기열로 옮겨졌는데, 소스 대기열의 counts() "
        "결과: {got!r}. 옮겨진 메시지는 소스 대기열을 떠납니다.",
    "a message that was deleted after its first receive turned up in the dead-letter queue.":
        "첫 수신 뒤에 삭제된 메시지가 배달 못한 편지 대기열에 나타났습니다.",
    "message {m} arrived in the dead-letter queue with a new message id.":
        "{m} 메시지가 새 메시지 ID를 달고 배달 못한 편지 대기열에 도착했습니다.",
    "message {m} was received 3 times and never deleted, but at {t} the dead-letter queue's receive returned {n} "
    "messages, not {m}.":
        "{m} 메시지는 3번 수신되고 삭제되지 않았는데, {t}에 배달 못한 편지 대기열의 수신은 {m} 메시지가 아니라 "
        "메시지 {n}개를 돌려주었습니다.",
    "{scenario} Then D receives from the dead-letter queue.": "{scenario} 그다음 D가 배달 못한 편지 대기열에서 받습니다.",
    "dlq.move_messages(source) with {m} visible (since this very moment: D's visibility timeout had just ended) and "
    "one other message in flight returned {moved!r}; expected 1.":
        "{m} 메시지가 표시된 상태(바로 이 순간부터: D의 가시성 제한 시간이 막 끝남)이고 다른 메시지 하나는 처리 중일 "
        "때, dlq.move_messages(source)의 결과: {moved!r}. 기대한 값: 1.",
    "after move_messages took the one visible message": "move_messages가 표시된 메시지 하나를 가져간 뒤",
    "after the redrive, the first receive from the source queue moved {m} straight back to the dead-letter queue: "
    "its receive count must start again from 0.":
        "리드라이브 뒤 소스 대기열의 첫 수신이 {m} 메시지를 곧바로 배달 못한 편지 대기열로 되돌려 보냈습니다: 수신 "
        "횟수는 0부터 다시 세어야 합니다.",
    "after dlq.move_messages(source), the source queue's receive did not return {m}.":
        "dlq.move_messages(source) 뒤에 소스 대기열의 수신이 {m} 메시지를 돌려주지 않았습니다.",
    "{scenario} Then the dead-letter queue is redriven to the source.":
        "{scenario} 그다음 배달 못한 편지 대기열을 소스 대기열로 리드라이브합니다.",
    "calling move_messages() on an empty queue": "빈 대기열에서 move_messages() 호출",
    "move_messages() from an empty queue returned {got!r}; expected 0.":
        "빈 대기열에서 move_messages()의 결과: {got!r}. 기대한 값: 0.",
    "the poison message was delivered 3 times, then moved once (same id, same body, same send time)":
        "포이즌 메시지는 3번 전달된 뒤 한 번 옮겨짐(같은 id, 같은 본문, 같은 보낸 시각)",
    "the receive that moved it still returned the next message; the good ones never reached the DLQ":
        "메시지를 옮긴 수신도 다음 메시지를 돌려줌, 정상 메시지는 DLQ에 가지 않음",
    "with max_receive_count=1 a message is delivered once, then moved": "max_receive_count=1이면 한 번 전달된 뒤 옮겨짐",
    "move_messages sent back only the visible message, with a fresh receive count":
        "move_messages는 표시된 메시지만 되돌려 보냄, 수신 횟수는 처음부터",
    "max_receive_count 1 and {max:,} accepted; 0, {over:,} and 2.5 refused":
        "max_receive_count 1과 {max:,}는 받아들임, 0, {over:,}, 2.5는 거부",
    "a message sent at {sent} moved to a dead-letter queue with retention_period=60 at {moved}; at {t} the "
    "dead-letter queue's receive did not return it.":
        "{sent}에 보낸 메시지가 {moved}에 retention_period=60인 배달 못한 편지 대기열로 옮겨졌는데, {t}에 그 "
        "대기열의 수신이 이 메시지를 돌려주지 않았습니다.",
    "calling move_messages() on the dead-letter queue whose only message had expired":
        "하나뿐인 메시지가 만료된 배달 못한 편지 대기열에서 move_messages() 호출",
    "60 s after its first send, the only message in a dead-letter queue with retention_period=60 had expired, but "
    "move_messages() moved {moved!r} messages: an expired message is gone.":
        "처음 보낸 지 60초가 지나 retention_period=60인 배달 못한 편지 대기열의 하나뿐인 메시지는 만료되었는데, "
        "move_messages()가 옮긴 메시지 수: {moved!r}. 만료된 메시지는 사라진 것입니다.",
    "a message sent at the start is received once, moved at 31 s to a dead-letter queue with retention_period=60, "
    "and received there at 59.5 s and 60 s: it must expire 60 s after its first send.":
        "처음에 보낸 메시지를 한 번 받고, 31초에 retention_period=60인 배달 못한 편지 대기열로 옮긴 뒤, 거기서 "
        "59.5초와 60초에 받습니다: 메시지는 처음 보낸 지 60초 뒤에 만료되어야 합니다.",
    "with max_receive_count=1, a message received once and not deleted was delivered a second time when its "
    "visibility timeout ended, instead of moving to the dead-letter queue.":
        "max_receive_count=1인데, 한 번 수신되고 삭제되지 않은 메시지가 가시성 제한 시간이 끝나자 배달 못한 편지 "
        "대기열로 옮겨지는 대신 두 번째로 전달되었습니다.",
    "calling counts() on the dead-letter queue": "배달 못한 편지 대기열의 counts() 호출",
    "with max_receive_count=1, after the second receive the dead-letter queue's counts() said {n!r} visible; "
    "expected 1.":
        "max_receive_count=1일 때 두 번째 수신 뒤 배달 못한 편지 대기열의 counts()가 말한 표시된 메시지 수: {n!r}. "
        "기대한 값: 1.",
    "with max_receive_count=1, the message received once by R was delivered again instead of moving.":
        "max_receive_count=1인데, R이 한 번 받은 메시지가 옮겨지지 않고 다시 전달되었습니다.",
    "with max_receive_count=1, R had received 'poison' once and its timeout had ended, 'good' was waiting, and "
    "'parked' was in the dead-letter queue, when A and B made their calls; then consumer Z emptied both queues.":
        "max_receive_count=1. A와 B가 호출할 때 R은 'poison'을 한 번 받았고 그 제한 시간은 끝난 상태였으며, "
        "'good'이 기다리고 있었고, 'parked'는 배달 못한 편지 대기열에 있었습니다. 그다음 소비자 Z가 두 대기열을 "
        "모두 비웠습니다.",
    "'parked' was delivered {n} times (from {queues}): a message is moved or received, never both.":
        "'parked'가 {n}번 전달되었습니다({queues}에서): 메시지는 옮겨지거나 수신되거나 둘 중 하나이지, 둘 다는 "
        "아닙니다.",
    "'parked' was lost: neither queue ever delivered it.": "'parked'가 사라졌습니다: 어느 대기열도 전달하지 않았습니다.",
    "'poison' never reached the dead-letter queue.": "'poison'이 배달 못한 편지 대기열에 끝내 가지 않았습니다.",
    "receive(max_messages=10) on the source queue, then delete() of what it got":
        "소스 대기열에서 receive(max_messages=10), 그다음 받은 것을 delete()",
    "receive(max_messages=10) on the dead-letter queue, then delete() of what it got":
        "배달 못한 편지 대기열에서 receive(max_messages=10), 그다음 받은 것을 delete()",
    "dead-letter queue with calls at the same time": "동시에 호출되는 배달 못한 편지 대기열",
    "two receives finding the same worn-out message, a receive and a redrive":
        "수신 한도에 다다른 같은 메시지를 찾은 두 수신, 수신과 리드라이브",
    # ---- grading: exercise 10, FIFO (toyqueue/grading/fifo.py); 메시지 그룹, 중복 제거 ID, 콘텐츠 기반 중복 제거
    "P1 sends a1, A1, b1, a2, A2, b2, a3 (groups 'alice', 'Alice' and 'bob'). At 0 s A receives one message and "
    "crashes; B receives up to 10 and deletes them, until it gets nothing; at 31 s C receives up to 10.":
        "P1이 a1, A1, b1, a2, A2, b2, a3을 보냅니다(그룹 'alice', 'Alice', 'bob'). 0초에 A가 메시지 하나를 받고 "
        "죽습니다. B는 받는 것이 없을 때까지 최대 10개씩 받아 삭제합니다. 31초에 C가 최대 10개를 받습니다.",
    "messages of different groups are independent; a group is named by its exact string":
        "서로 다른 그룹의 메시지는 서로 상관이 없습니다. 그룹은 정확한 문자열로 구별합니다",
    "deduplication ids are compared exactly: 'd1', 'D1' and 'd1 ' are three ids":
        "중복 제거 ID는 정확히 비교합니다: 'd1', 'D1', 'd1 '은 서로 다른 ID 세 개입니다",
    "with content-based deduplication, the deduplication id is the SHA-256 hex digest of the body's UTF-8 bytes":
        "콘텐츠 기반 중복 제거에서 중복 제거 ID는 본문의 UTF-8 바이트로 구한 SHA-256 다이제스트의 십육진 문자열입니다",
    "at 0 s receive() returned [].": "0초에 receive()가 []를 돌려주었습니다.",
    "while A held {held!r} of group {group!r}, B's receives returned {got!r} and then nothing, but {missing!r} of the "
    "other groups were waiting and free to go.":
        "A가 그룹 {group!r}의 메시지({held!r})를 가지고 있는 동안, B의 수신이 돌려준 것은 {got!r}뿐이고 그 뒤로는 "
        "아무것도 없었습니다. 하지만 다른 그룹의 메시지 {missing!r}도 기다리고 있었고, 나갈 수 있었습니다.",
    "A received {body!r} at 0 s and crashed; at 31 s C's receive did not get it back.":
        "A가 0초에 메시지({body!r})를 받고 죽었는데, 31초에 C의 수신이 그 메시지를 다시 받지 못했습니다.",
    "every message of a FIFO queue needs a group_id (SQS: MissingParameter)":
        "FIFO 대기열의 모든 메시지에는 group_id가 있어야 합니다(SQS: MissingParameter)",
    "send('x', group_id='alice') without a deduplication_id": "deduplication_id 없이 send('x', group_id='alice')",
    "without content-based deduplication, every FIFO message needs a deduplication_id (SQS: InvalidParameterValue)":
        "콘텐츠 기반 중복 제거가 없으면 모든 FIFO 메시지에 deduplication_id가 있어야 합니다(SQS: "
        "InvalidParameterValue)",
    "FIFO order": "FIFO 순서",
    "each group's messages come in send order": "그룹마다 메시지가 보낸 순서대로 옴",
    "'alice' and 'Alice' are two groups": "'alice'와 'Alice'는 서로 다른 두 그룹",
    "a group waits while its first message is in flight; other groups go on":
        "그룹의 첫 메시지가 처리 중이면 그 그룹은 기다리고, 다른 그룹은 계속 나감",
    "a crashed consumer's message comes back first in its group": "죽은 소비자의 메시지가 자기 그룹에서 맨 먼저 돌아옴",
    "a send without a group id (None or '') or a deduplication id is refused":
        "그룹 id(None이나 '')나 중복 제거 id 없이 보내면 거부됨",
    "sends with the deduplication ids 'd1', 'D1', 'd1 ' and 'd2' returned the ids {ids!r}: some were treated as the "
    "same message.":
        "중복 제거 ID 'd1', 'D1', 'd1 ', 'd2'로 보낸 send가 돌려준 ID: {ids!r}. 일부가 같은 메시지로 "
        "취급되었습니다.",
    "four messages with four different deduplication ids were sent, but A received {n}.":
        "서로 다른 중복 제거 ID 네 개로 메시지 네 개를 보냈는데, A가 받은 메시지 수: {n}.",
    "at {t:g} s 'pay 10' was sent again with deduplication id 'd1' (group {group!r}); it was first accepted at 0 s, "
    "received and deleted since, and the queue accepted it as a new message. Within {window} s of the first send "
    "the duplicate must be dropped, in any group: send returns the first message's id and stores nothing.":
        "{t:g}초에 'pay 10'을 중복 제거 ID 'd1'로 다시 보냈습니다(그룹 {group!r}). 이 메시지는 0초에 처음 "
        "받아들여졌고 그 뒤 수신되고 삭제되었는데, 대기열이 새 메시지로 받아들였습니다. 처음 보낸 뒤 {window}초 "
        "안이면 어느 그룹이든 중복 메시지는 버려야 합니다: send는 첫 메시지의 ID를 돌려주고 아무것도 저장하지 "
        "않습니다.",
    "four messages, received and deleted, then the same deduplication id again at 100 s, 200 s and 299.5 s.":
        "메시지 네 개를 받고 삭제한 뒤, 100초, 200초, 299.5초에 같은 중복 제거 ID로 다시 보냅니다.",
    "after the duplicate sends, B received {got!r}; no duplicate may be delivered.":
        "중복 전송 뒤 B가 받은 것: {got!r}. 중복 메시지는 전달되면 안 됩니다.",
    "at {window} s, exactly {window} s after the first send with deduplication id 'd1', the queue still treated the "
    "message as a duplicate. The window counts from the first send (duplicates do not restart it) and lasts "
    "{window} s: from then on the same id is a new message.":
        "중복 제거 ID 'd1'로 처음 보낸 지 정확히 {window}초가 지난 {window}초에, 대기열이 여전히 메시지를 중복으로 "
        "취급했습니다. 중복 제거 간격은 처음 보낸 때부터 세고(중복 메시지가 다시 시작하게 하지 않음) {window}초 "
        "동안입니다: 그때부터 같은 ID는 새 메시지입니다.",
    "the message sent at {window} s with deduplication id 'd1' (a new one: the window had ended) was never "
    "delivered.":
        "{window}초에 중복 제거 ID 'd1'로 보낸 메시지(간격이 끝났으므로 새 메시지)가 끝내 전달되지 않았습니다.",
    "with content_based_deduplication=True, 'hello' sent twice (in groups 'g' and 'h') became two messages: the "
    "deduplication id is then the SHA-256 of the body, whatever the group.":
        "content_based_deduplication=True인데, 'hello'를 두 번(그룹 'g'와 'h'로) 보낸 것이 메시지 두 개가 "
        "되었습니다: 이때 중복 제거 ID는 그룹과 상관없이 본문의 SHA-256입니다.",
    "different bodies are different messages": "본문이 다르면 다른 메시지입니다",
    "with content_based_deduplication=True, {body!r} was treated as a duplicate of 'hello'.":
        "content_based_deduplication=True일 때 본문 {body!r}도 'hello'의 중복으로 취급되었습니다.",
    "with content_based_deduplication=True, '주문 📦' sent twice in a row became two messages.":
        "content_based_deduplication=True인데, '주문 📦'을 연달아 두 번 보낸 것이 메시지 두 개가 되었습니다.",
    "a send with deduplication_id={digest}... (the SHA-256 hex digest of '주문 📦' in UTF-8) came right after "
    "'주문 📦' was sent without an id, and was stored as a new message.":
        "'주문 📦'을 ID 없이 보낸 바로 뒤에 deduplication_id={digest}...('주문 📦'의 UTF-8로 구한 SHA-256 "
        "다이제스트의 십육진 문자열)로 보낸 메시지가 새 메시지로 저장되었습니다.",
    "an explicit deduplication_id wins over the body's hash": "직접 준 deduplication_id가 본문의 해시보다 우선합니다",
    "with content_based_deduplication=True, 'hello' sent with deduplication_id='explicit' was treated as a duplicate "
    "of the first 'hello'.":
        "content_based_deduplication=True일 때 deduplication_id='explicit'로 보낸 'hello'가 첫 'hello'의 중복으로 "
        "취급되었습니다.",
    "deduplication by id.": "ID에 의한 중복 제거.",
    "content-based deduplication: 'hello' (twice), 'world', 'hello ', '주문 📦' (twice, then its digest as an id), "
    "'hello' with deduplication_id='explicit'.":
        "콘텐츠 기반 중복 제거: 'hello'(두 번), 'world', 'hello ', '주문 📦'(두 번, 그다음 그 다이제스트를 ID로), "
        "deduplication_id='explicit'인 'hello'.",
    "deduplication": "중복 제거",
    "a duplicate within {window} s of the first send is dropped (also at {before:g} s, in another group, after the "
    "first was deleted)":
        "처음 보낸 뒤 {window}초 안의 중복은 버려짐({before:g}초에도, 다른 그룹에서도, 첫 메시지를 삭제한 뒤에도)",
    "at exactly {window} s the same id is a new message; duplicates did not restart the window":
        "정확히 {window}초가 되면 같은 id도 새 메시지, 중복 메시지는 간격을 다시 시작하게 하지 않음",
    "'d1', 'D1' and 'd1 ' are three ids": "'d1', 'D1', 'd1 '은 서로 다른 id 세 개",
    "content-based deduplication hashes the UTF-8 body with SHA-256; an explicit id wins":
        "콘텐츠 기반 중복 제거는 UTF-8 본문을 SHA-256으로 해시함, 직접 준 id가 우선",
    "the queue held a1, a2 (group 'g1') and b1 (group 'g2') when A and B made their calls; 31 s later consumer Z "
    "received and deleted whatever was left.":
        "A와 B가 호출할 때 대기열에는 a1, a2(그룹 'g1')와 b1(그룹 'g2')이 있었습니다. 31초 뒤 소비자 Z가 남은 것을 "
        "모두 받고 삭제했습니다.",
    "two sends with the deduplication id 'same' at the same moment became {n} messages.":
        "같은 순간에 중복 제거 ID 'same'으로 보낸 send 두 번이 메시지 {n}개가 되었습니다.",
    "FIFO with calls at the same time": "동시에 호출되는 FIFO",
    "receive and send (one deduplication id sent twice), two calls at a time":
        "receive와 send(중복 제거 id 하나를 두 번 보냄), 두 호출씩 동시에",
    "a group can be received from as soon as its first message is visible, even while later ones are in flight "
    "(AWS does so)":
        "그룹의 첫 메시지가 보이게 되면 뒤의 메시지가 처리 중이더라도 그 그룹에서 받을 수 있습니다(AWS가 그렇게 "
        "합니다)",
    "a receive hands out a group's visible messages in order, as many as max_messages allows":
        "수신은 그룹의 표시된 메시지를 순서대로, max_messages가 허용하는 만큼 내줍니다",
    "on a FIFO queue a receipt handle expires: change_visibility takes only the newest handle of a message in "
    "flight, and delete refuses the newest handle once its timeout has ended":
        "FIFO 대기열에서는 수신 핸들이 만료됩니다: change_visibility는 처리 중인 메시지의 가장 새 핸들만 받고, delete는 "
        "제한 시간이 끝난 가장 새 핸들도 거부합니다",
    "P1 sends m1, m2, m3 (group 'pay'); at 0 s A receives them, P1 sends m4, A sets the timeout of m2 and then of m1 "
    "to 0 (B and B2 receive in between), and C receives; at 29.5 s C deletes m1 and A gives m3 10 s more; at 30 s D "
    "receives; at 39.5 s E receives.":
        "P1이 m1, m2, m3(그룹 'pay')을 보냅니다. 0초에 A가 그 메시지들을 받고, P1이 m4를 보내고, A가 m2의, 그다음 "
        "m1의 제한 시간을 0으로 바꾸고(그 사이에 B와 B2가 받음), C가 받습니다. 29.5초에 C가 m1을 삭제하고 A가 m3에 "
        "10초를 더 줍니다. 30초에 D가 받고, 39.5초에 E가 받습니다.",
    "the call": "그 호출",
    "{why}.\nScenario: {scenario}": "{why}.\n시나리오: {scenario}",
    "at {t} {who}'s receive(max_messages=10) returned {got!r}; {why}, so it should return {want!r}.":
        "{t}에 {who}의 receive(max_messages=10)가 돌려준 값: {got!r}. {why}. 그러므로 돌려줄 값은 {want!r}입니다.",
    "the group's three messages were visible": "그룹의 메시지 세 개가 보이는 상태였습니다",
    "m1, the group's first message, was visible again (A set its timeout to 0; recorded: {test}), and so was m2, "
    "while m3 was still in flight for A":
        "그룹의 첫 메시지 m1이 다시 보였고(A가 제한 시간을 0으로 바꿈, 기록: {test}), m2도 그랬으며, m3은 아직 A에게 "
        "처리 중이었습니다",
    "change_visibility() with A's handle of m1, from the receive before C's": "C의 수신 전에 받은 A의 m1 핸들로 change_visibility()",
    "at 29.5 s C's handle was still good: the timeout of its receive ends at 30 s":
        "29.5초에 C의 핸들은 아직 유효했습니다: 그 수신의 제한 시간은 30초에 끝납니다",
    "at 29.5 s A still held m3 (its timeout ends at 30 s), so it may ask for more time":
        "29.5초에 A는 아직 m3을 가지고 있었으므로(제한 시간은 30초에 끝남), 시간을 더 달라고 할 수 있습니다",
    "at 30 s, exactly when the 30 s timeout of C's receive ended, delete() with C's handle of m2":
        "C의 수신의 제한 시간 30초가 끝난 바로 그때인 30초에, C의 m2 핸들로 delete()",
    "at 30 s, exactly when the 30 s timeout of C's receive ended, change_visibility() with C's handle of m2":
        "C의 수신의 제한 시간 30초가 끝난 바로 그때인 30초에, C의 m2 핸들로 change_visibility()",
    "C's timeout for m2 had ended and m1 was deleted, while A had given m3 10 s more (until 39.5 s)":
        "m2에 대한 C의 제한 시간이 끝났고 m1은 삭제되었으며, A는 m3에 10초를 더 주었습니다(39.5초까지)",
    "at 39.5 s, exactly when m3's timeout ended, change_visibility() with A's handle of m3":
        "m3의 제한 시간이 끝난 바로 그때인 39.5초에, A의 m3 핸들로 change_visibility()",
    "m3's timeout had ended": "m3의 제한 시간이 끝났습니다",
    "group visibility and receipt handles": "그룹의 가시성과 수신 핸들",
    "a receive hands out a group's messages in order and stops at the first that is not visible":
        "수신은 그룹의 메시지를 순서대로 내주다가 보이지 않는 첫 메시지에서 멈춤",
    "a group opens again as soon as its first message is visible, while later ones are still in flight":
        "뒤의 메시지가 아직 처리 중이어도, 첫 메시지가 보이게 되면 그룹이 다시 열림",
    "change_visibility takes only the newest handle of a message in flight (accepted at 29.5 s, refused at the end of "
    "the timeout and for an older receive's handle)":
        "change_visibility는 처리 중인 메시지의 가장 새 핸들만 받음(29.5초에는 받아들이고, 제한 시간이 끝날 때와 예전 "
        "수신의 핸들은 거부)",
    "delete refuses a handle whose timeout has ended (accepted at 29.5 s, refused at 30 s)":
        "delete는 제한 시간이 끝난 핸들을 거부함(29.5초에는 받아들이고, 30초에는 거부)",
    # ---- exercise hints: what the learner's copy says in place of an answer (tools/nbbuild.py writes
    # `raise NotImplementedError("<hint>")` from `# BEGIN SOLUTION <hint>`, and `# EXERCISE: # <comment>` lines;
    # toyqueue/i18n.py, hint_strings). "TODO:" stays, as editors highlight it.
    "not implemented yet: replace this line with your code": "아직 구현되지 않았습니다: 이 줄을 여러분의 코드로 바꾸세요",
    "myqueue.py: your queue. Exercise 01 starts it; exercises 02, 03, 07, 08, 09 and 10 add to it.":
        "myqueue.py: 여러분의 대기열입니다. 실습 01에서 시작하고, 실습 02, 03, 07, 08, 09, 10에서 조금씩 더합니다.",
    "TODO: store (new id, body) at the end of self._messages and return the id. Tip: str(uuid.uuid4()) makes an id.":
        "TODO: (새 ID, body)를 self._messages의 끝에 저장하고 그 ID를 돌려주기. 팁: str(uuid.uuid4())로 ID를 "
        "만들 수 있습니다.",
    "TODO: check 1 <= max_messages <= 10, then take up to max_messages of the oldest messages out and return them "
    "as a list.":
        "TODO: 1 <= max_messages <= 10인지 검사한 다음, 가장 오래된 메시지를 최대 max_messages개 꺼내 리스트로 "
        "돌려주기.",
    "TODO: in one transaction (with db:), INSERT OR IGNORE the order id into processed; only if that inserted a row "
    "(cursor.rowcount == 1), insert the charge.":
        "TODO: 트랜잭션 하나 안에서(with db:) 주문 ID를 processed에 INSERT OR IGNORE하고, 그것이 행을 넣었을 "
        "때만(cursor.rowcount == 1) 결제를 넣기.",
    "TODO: receive up to 10 messages (WaitTimeSeconds=0), handle_order and delete_message each, return how many.":
        "TODO: 메시지를 최대 10개 받고(WaitTimeSeconds=0), 하나씩 handle_order와 delete_message를 한 뒤, 받은 "
        "개수를 돌려주기.",
    "TODO: how many waiting messages one instance can work off within the acceptable latency.":
        "TODO: 인스턴스 한 대가 허용할 수 있는 지연 시간 안에 처리할 수 있는 대기 메시지 수.",
    "TODO: backlog per instance (or the whole backlog if in_service is 0), then ceil(in_service * "
    "backlog_per_instance / target), kept within min_size..max_size.":
        "TODO: 인스턴스당 백로그(in_service가 0이면 백로그 전체)를 구한 다음, ceil(in_service * "
        "backlog_per_instance / target)을 min_size..max_size 안으로 맞추기.",
    "TODO: return {\"Version\": \"2012-10-17\", \"Statement\": [...]}, one statement per rule above.":
        "TODO: {\"Version\": \"2012-10-17\", \"Statement\": [...]}를 돌려주기. 위의 규칙마다 문(statement) "
        "하나씩.",
}
