# Exercise 04 source: tools/nbbuild.py makes exercises/ and solutions/04_idempotent_consumer.ipynb.

# %% [markdown]
# # Exercise 04 · An idempotent consumer
#
# **Goal:** write a consumer (소비자) that charges every order **exactly once**, although SQS
# delivers its messages **at least once**.
#
# Lessons: [05 · Consuming messages](../notebooks/05_consuming_messages.ipynb) and
# [06 · Visibility, duplicates and ordering](../notebooks/06_visibility_duplicates.ipynb).
#
# **Why.** Three kinds of duplicate reach a consumer of a standard queue:
# - a **redelivery**: a consumer did the work but crashed (or was too slow) before
#   `DeleteMessage`; after the visibility timeout the same message comes back;
# - a **producer retry**: the producer timed out and sent the same order again, so there are two
#   messages with two different `MessageId`s and the same order inside;
# - a **delivery after a delete**: SQS keeps copies of a message on several servers, and one that
#   was down during your `DeleteMessage` can hand its copy out again later (lesson 06 shows it in
#   the toy's realistic mode).
#
# And the order is only *best effort*: an order sent later can arrive first, so "I have already
# charged o-5, so o-4 must be an old duplicate" is wrong.
#
# An *idempotent* consumer gives the same result however many times it sees an order. The usual
# way: an **idempotency key** taken from the business data (the order id), remembered in the same
# database transaction as the work itself.

# %% [markdown] ko en=348fafd9
# # 실습 04 · 멱등 소비자
#
# **목표:** SQS는 메시지를 **최소 1회**(at least once) 전달하지만, 모든 주문을 **정확히 한 번**만
# 결제하는 소비자(consumer)를 작성합니다.
#
# 레슨: [05 · 메시지 받기](../notebooks/05_consuming_messages.ipynb)와
# [06 · 가시성, 중복, 순서](../notebooks/06_visibility_duplicates.ipynb)
#
# **왜 필요할까요?** 표준 대기열의 소비자에게는 세 가지 중복이 옵니다:
# - **재전송**(redelivery): 소비자가 일은 했지만 `DeleteMessage` 전에 죽었습니다(또는 너무
#   느렸습니다). 가시성 제한 시간이 지나면 같은 메시지가 돌아옵니다.
# - **생산자 재시도**(producer retry): 생산자의 요청이 시간 초과되어 같은 주문을 다시 보냈습니다.
#   그래서 `MessageId`는 서로 다르고 안에 든 주문은 같은 메시지가 두 개 생깁니다.
# - **삭제 뒤의 전달**: SQS는 메시지 사본을 여러 서버에 둡니다. 여러분이 `DeleteMessage`를 호출할 때
#   멈춰 있던 서버는 나중에 자기 사본을 다시 내줄 수 있습니다(레슨 06에서 토이의 실제에 가까운
#   모드로 보여 줍니다).
#
# 게다가 순서도 *최선의 노력*(best effort)일 뿐입니다. 나중에 보낸 주문이 먼저 도착할 수 있습니다.
# 그러니 "o-5를 이미 결제했으니 o-4는 오래된 중복이 틀림없다"는 생각은 틀렸습니다.
#
# *멱등 소비자*(idempotent consumer)는 주문을 몇 번 보든 결과가 같습니다. 흔히 쓰는 방법은 업무
# 데이터에서 얻은 **멱등성 키**(idempotency key, 여기서는 주문 ID)를 작업 자체와 같은 데이터베이스
# 트랜잭션 안에서 기록하는 것입니다.

# %% [markdown]
# ## What you write
#
# This time the queue is the course's toy SQS (`QueueService`), which speaks boto3's language, so
# the same code would run against LocalStack or AWS:
#
# ```python
# r = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
# for m in r.get("Messages", []):          # no "Messages" key when the queue is empty
#     m["Body"], m["ReceiptHandle"], m["MessageId"]
# svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
# ```
#
# - `handle_order(db, message)`: the body is JSON like
#   `{"order_id": "o-3", "customer": "c-2", "amount": 40}`. Insert one row into `charges`
#   **the first time an order id is seen**, never again. The `processed` table (order ids, a
#   primary key) is there to help: `INSERT OR IGNORE` tells you by its `rowcount` whether the id
#   is new. Do both inserts in one transaction (`with db:`), so a crash cannot leave one without
#   the other.
# - `consume(svc, queue_url, db)`: receive up to 10 messages, handle each, delete each after
#   handling it, and return how many there were (0 when the queue is empty).
#
# The database is SQLite standing in for the lecture's RDS, as in lesson 05.

# %% [markdown] ko en=8f8a30f1
# ## 작성할 것
#
# 이번에는 대기열이 이 과정의 토이 SQS(`QueueService`)입니다. boto3와 같은 방식으로 호출하므로, 같은
# 코드가 LocalStack이나 AWS에서도 그대로 돌아갑니다:
#
# ```python
# r = svc.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
# for m in r.get("Messages", []):          # 대기열이 비어 있으면 "Messages" 키가 없습니다
#     m["Body"], m["ReceiptHandle"], m["MessageId"]
# svc.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
# ```
#
# - `handle_order(db, message)`: 본문은 `{"order_id": "o-3", "customer": "c-2", "amount": 40}` 같은
#   JSON입니다. **주문 ID를 처음 볼 때** `charges`에 행을 하나 넣고, 그 뒤로는 절대 넣지 마세요.
#   `processed` 테이블(주문 ID가 기본 키)이 도와줍니다. `INSERT OR IGNORE`의 `rowcount`를 보면
#   ID가 새것인지 알 수 있습니다. 두 INSERT는 한 트랜잭션(`with db:`) 안에서 하세요. 그래야 도중에
#   죽더라도 한쪽만 남는 일이 없습니다.
# - `consume(svc, queue_url, db)`: 메시지를 최대 10개 받아 하나씩 처리하고, 처리한 뒤에 삭제하세요.
#   그리고 받은 메시지 수를 돌려주세요(대기열이 비어 있으면 0).
#
# 데이터베이스는 레슨 05처럼 강의의 RDS 대신 SQLite를 씁니다.

# %%
import json
import sqlite3


def make_db():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE charges (order_id TEXT, customer TEXT, amount INTEGER)")
    db.execute("CREATE TABLE processed (order_id TEXT PRIMARY KEY)")
    return db


def handle_order(db, message):
    order = json.loads(message["Body"])
    # BEGIN SOLUTION TODO: in one transaction (with db:), INSERT OR IGNORE the order id into processed; only if that inserted a row (cursor.rowcount == 1), insert the charge.
    # One transaction: a crash between the two inserts must not leave an order marked done but
    # never charged, or charged but not marked (then charged again when the message comes back).
    with db:
        # The key is the order id from the body, not the MessageId: a producer's retry is a new
        # message with the same order. Looking it up, not comparing it with the last order seen,
        # because orders may arrive out of send order.
        new = db.execute("INSERT OR IGNORE INTO processed (order_id) VALUES (?)", (order["order_id"],))
        if new.rowcount == 1:
            db.execute("INSERT INTO charges (order_id, customer, amount) VALUES (?, ?, ?)",
                       (order["order_id"], order["customer"], order["amount"]))
    # END SOLUTION


def consume(svc, queue_url, db):
    # BEGIN SOLUTION TODO: receive up to 10 messages (WaitTimeSeconds=0), handle_order and delete_message each, return how many.
    r = svc.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=0)
    messages = r.get("Messages", [])
    for m in messages:
        # Delete only after the work is committed: a crash before the delete means the message comes
        # back and handle_order skips it; deleting first would lose the order on a crash.
        handle_order(db, m)
        svc.delete_message(QueueUrl=queue_url, ReceiptHandle=m["ReceiptHandle"])
    # How many arrived, so the caller knows when a poll came back empty.
    return len(messages)
    # END SOLUTION

# %% [markdown]
# ## Check 1: duplicates and crashes on purpose
#
# The check runs your code against a toy queue on a virtual clock. A producer retries two orders;
# a consumer handles four messages with your `handle_order` and crashes before deleting them; 31 s
# later your `consume` empties the queue. Then your own `consume` is made to crash: once right
# before each step it takes (each `db.execute`, each commit, each delete), in turn. The crashed
# process's open transaction is rolled back, and 31 s later a fresh `consume` takes over. Every
# order must be charged exactly once, whatever the crash point.

# %% [markdown] ko en=df2b93c8
# ## 확인 1: 일부러 일으킨 중복과 죽는 소비자
#
# 확인 셀은 가상 시계 위의 토이 대기열에서 여러분의 코드를 실행합니다. 생산자가 주문 두 건을 다시
# 보냅니다(재시도). 소비자 하나가 여러분의 `handle_order`로 메시지 네 개를 처리하고, 삭제하기 전에
# 죽습니다. 31초 뒤에 여러분의 `consume`이 대기열을 비웁니다. 그다음에는 여러분의 `consume` 자체를
# 죽입니다. 이 함수가 밟는 단계(각 `db.execute`, 각 커밋, 각 삭제)마다 바로 앞에서 한 번씩, 차례로
# 죽입니다. 죽은 프로세스의 열린 트랜잭션은 롤백되고, 31초 뒤 새 `consume`이 일을 이어받습니다.
# 어디서 죽든 모든 주문은 정확히 한 번 결제되어야 합니다.

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.grading import idempotent_consumer

idempotent_consumer.check_idempotent_consumer(handle_order, consume, make_db)

# %% [markdown]
# ## Check 2: the same consumer on a queue that behaves like real SQS
#
# Now the queue is the toy in **realistic mode** (lesson 06), with its rates raised so that a
# dozen orders show them: some deletes miss a copy, so a message comes back after your consumer
# deleted it; some messages overtake the one sent before them; some short polls come back empty
# while messages wait. The producer sends each order once and nobody crashes, so every duplicate
# and every reordering is the queue's own. If your consumer assumes exactly-once delivery or the
# send order, the failure says which, with the message and the times. (The check asks the queue
# itself whether every message is deleted, because an empty short poll does not prove it.)

# %% [markdown] ko en=a05eb94c
# ## 확인 2: 실제 SQS처럼 동작하는 대기열에서 같은 소비자
#
# 이번 대기열은 **실제에 가까운 모드**(realistic mode, 레슨 06)의 토이입니다. 주문 열두 건만으로도
# 그 효과가 드러나도록 확률을 높였습니다. 어떤 삭제는 사본 하나를 놓칩니다. 그래서 소비자가 삭제한
# 메시지가 다시 돌아옵니다. 어떤 메시지는 바로 앞에 보낸 메시지를 앞지릅니다. 어떤 짧은 폴링은
# 메시지가 기다리는데도 빈손으로 돌아옵니다. 생산자는 주문마다 한 번만 보내고 아무도 죽지
# 않습니다. 그러니 모든 중복과 순서 바뀜은 대기열 자신이 만든 것입니다. 여러분의 소비자가 정확히
# 1회 전송(exactly-once delivery)이나 보낸 순서를 가정하면, 실패 메시지가 그중 어느 가정이
# 깨졌는지 해당 메시지와 시각과 함께 알려 줍니다. (빈 짧은 폴링으로는 모든 메시지가 삭제되었다고
# 증명할 수 없으므로, 확인 셀은 대기열 자체에 물어봅니다.)

# %%
# NBVAL_CHECK_OUTPUT
idempotent_consumer.check_idempotent_consumer(handle_order, consume, make_db, backend="realistic")

# %% [markdown]
# **Think about it.** Why would keying on `MessageId` not be enough? (Look at the producer retry.)
# And why must the `processed` row and the charge be written in one transaction?
#
# **Done?** Exercise 05 comes with lesson [07 · Scaling consumers](../notebooks/07_scaling_consumers.ipynb).

# %% [markdown] ko en=991a92db
# **생각해 보세요.** `MessageId`를 키로 쓰면 왜 충분하지 않을까요? (생산자 재시도를 보세요.) 그리고
# `processed` 행과 결제 기록은 왜 한 트랜잭션에서 써야 할까요?
#
# **다 했나요?** 실습 05는 레슨 [07 · 소비자 확장](../notebooks/07_scaling_consumers.ipynb)과 함께
# 합니다.
