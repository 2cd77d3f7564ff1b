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
}
