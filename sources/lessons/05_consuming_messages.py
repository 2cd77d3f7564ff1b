# Lesson 05 source: built into notebooks/05_consuming_messages.ipynb and
# notebooks/ko/05_consuming_messages.ipynb by tools/nbbuild.py.

# %% [markdown]
# [← 04 Producing messages](04_producing_messages.ipynb) | [06 Visibility, duplicates and ordering →](06_visibility_duplicates.ipynb)
#
# # 05 · Consuming messages
#
# **Goal:** write a consumer (소비자) that polls a queue up to 10 messages at a time, processes
# each order by inserting it into a real database, and deletes what it has processed. Then break
# it on purpose: see what a forgotten `DeleteMessage` does.

# %% [markdown] ko en=72343adb
# [← 04 메시지 보내기](04_producing_messages.ipynb) | [06 가시성, 중복, 순서 →](06_visibility_duplicates.ipynb)
#
# # 05 · 메시지 받기
#
# **목표:** 소비자(consumer)를 직접 작성합니다. 이 소비자는 대기열을 폴링(poll)해서 메시지를 한 번에
# 최대 10개씩 받고, 주문마다 실제 데이터베이스에 넣어 처리한 뒤, 처리한 메시지를 삭제합니다. 그다음
# 일부러 망가뜨려 봅니다. `DeleteMessage`를 빠뜨리면 무슨 일이 생기는지 봅니다.

# %% [markdown]
# ## A consumer is just your code, running anywhere
#
# A consumer is an application you write. It can run:
#
# - on **EC2** instances (Amazon Elastic Compute Cloud: virtual servers you rent in AWS), often
#   in a group that grows and shrinks with the work (lesson 07);
# - on your own **on-premises** servers (in your own building, not in AWS): SQS is an API on the
#   internet, reachable from anywhere;
# - in **AWS Lambda** (functions AWS runs for you, without servers to manage), where AWS polls
#   the queue for you and calls your function with a batch of messages.
#
# Wherever it runs, it does the same three things in a loop: **poll** (ask the queue "is there a
# message for me?"), **process**, **delete**. This notebook is a consumer too; for SQS it is as
# "on-premises" as any server in your office.

# %% [markdown] ko en=c55dfc70
# ## 소비자는 어디서든 돌아가는 여러분의 코드입니다
#
# 소비자는 여러분이 작성하는 애플리케이션입니다. 실행할 수 있는 곳은 이렇습니다:
#
# - **EC2** 인스턴스(Amazon Elastic Compute Cloud: AWS에서 빌려 쓰는 가상 서버). 작업량에 따라
#   늘고 줄어드는 그룹으로 묶어 쓰는 일이 많습니다(레슨 07).
# - 자체 **온프레미스**(on-premises) 서버(AWS가 아닌 자기 건물 안의 서버). SQS는 인터넷에 있는
#   API라서 어디서든 호출할 수 있습니다.
# - **AWS Lambda**(강의: 람다 함수. 관리할 서버 없이 AWS가 대신 실행해 주는 함수, 곧 서버리스 컴퓨팅
#   서비스). 이때는 AWS가 대신 대기열을 폴링하고, 메시지를 배치(batch)로 묶어 여러분의 함수를
#   호출합니다.
#
# 어디서 돌아가든 하는 일은 같습니다. 다음 세 가지를 되풀이합니다: **폴링**(대기열에 "내 앞으로 온
# 메시지가 있나요?"라고 묻기), **처리**, **삭제**. 이 노트북도 소비자입니다. SQS가 보기에는 사무실에
# 있는 서버와 똑같이 "온프레미스"입니다.

# %% [markdown]
# First some orders to consume: 25 of them, sent to LocalStack and to the toy over HTTP (as in
# lesson 04). Later, for the parts where time matters, a toy queue in this process on a virtual
# clock joins them.

# %% [markdown] ko en=96766531
# 먼저 소비할 주문이 있어야 합니다. 주문 25건을 LocalStack과 토이에 HTTP로 보냅니다(레슨 04와
# 같습니다). 뒤에서 시간이 중요한 부분에서는 이 프로세스 안에서 가상 시계로 돌아가는 토이 대기열도
# 함께 씁니다.

# %%
import json
import uuid

from toyqueue import QueueService, VirtualClock
from toyqueue.clients import client
from toyqueue.counts import counts

backends = {"LocalStack": client("localstack"), "toy": client("toy")}
run_id = uuid.uuid4().hex[:8]           # LocalStack is shared: keep this run's queue apart
urls = {name: sqs.create_queue(QueueName=f"orders-{run_id}")["QueueUrl"]
        for name, sqs in backends.items()}

ORDERS = [{"order_id": f"o-{n}", "customer_id": f"c-{n % 7}", "address": f"{n} Teheran-ro, Seoul"}
          for n in range(2001, 2026)]


def send_orders(sqs, queue_url, orders):
    for o in orders:
        sqs.send_message(QueueUrl=queue_url, MessageBody=json.dumps(o),
                         MessageAttributes={"OrderId": {"DataType": "String", "StringValue": o["order_id"]}})


for name, sqs in backends.items():
    send_orders(sqs, urls[name], ORDERS)
print(len(ORDERS), "orders sent to each backend")

# %% [markdown]
# ## Poll: up to 10 messages per call
#
# The lecture: *"소비자는 아마 한 번에 최대 10개의 메세지를 받을 겁니다"*. `ReceiveMessage`
# returns **at most 10** messages per call (`MaxNumberOfMessages`, default 1). Ten is a hard
# limit; eleven is an error, the same on both backends:

# %% [markdown] ko en=fbb6fce5
# ## 폴링: 호출 한 번에 메시지 최대 10개
#
# 강의는 이렇게 말합니다: *"소비자는 아마 한 번에 최대 10개의 메세지를 받을 겁니다"*.
# `ReceiveMessage`는 호출 한 번에 메시지를 **최대 10개** 돌려줍니다(`MaxNumberOfMessages`, 기본값 1).
# 10은 넘을 수 없는 한도입니다. 11을 요청하면 오류가 나고, 두 백엔드 모두 같습니다:

# %%
# NBVAL_CHECK_OUTPUT
from botocore.exceptions import ClientError

for name, sqs in backends.items():
    try:
        sqs.receive_message(QueueUrl=urls[name], MaxNumberOfMessages=11)
    except ClientError as e:
        print(f"{name:10} {e.response['Error']['Code']}: {e.response['Error']['Message']}")

# %% [markdown]
# **Predict:** with 25 orders waiting, what do three polls of 10 bring back? This is only a
# peek: we put every message back afterwards, so the real consumer below still finds all 25.
#
# `WaitTimeSeconds=1` makes each poll wait up to a second for a message before answering empty:
# long polling, lesson 10.

# %% [markdown] ko en=3d3669dc
# **예측해 보세요:** 주문 25건이 기다리고 있을 때, 10개씩 세 번 폴링하면 무엇이 돌아올까요? 잠깐
# 들여다보기만 하는 것입니다. 받은 메시지는 모두 다시 돌려놓으므로, 아래의 진짜 소비자도 25건을 모두
# 찾습니다.
#
# `WaitTimeSeconds=1`을 주면 폴링은 메시지를 최대 1초 기다린 뒤에야 빈 응답을 합니다. 이것이 긴
# 폴링(long polling)이고, 레슨 10에서 다룹니다.

# %%
# NBVAL_CHECK_OUTPUT
for name, sqs in backends.items():
    polls = [sqs.receive_message(QueueUrl=urls[name], MaxNumberOfMessages=10, WaitTimeSeconds=1)
             .get("Messages", []) for _ in range(3)]
    print(f"{name:10} polls returned {[len(p) for p in polls]}")
    for m in (m for poll in polls for m in poll):      # put them all back: visible again now
        sqs.change_message_visibility(QueueUrl=urls[name], ReceiptHandle=m["ReceiptHandle"],
                                      VisibilityTimeout=0)

# %% [markdown]
# Each poll hides the messages it returns for a while (the *visibility timeout*, 30 s by
# default), so the next poll gets *other* messages. `ChangeMessageVisibility(..., 0)` then made
# them visible again at once; lesson 06 is all about this. On real SQS a poll may also return
# fewer than are waiting; a consumer simply polls again.

# %% [markdown] ko en=7d0bfff8
# 폴링은 돌려준 메시지를 한동안 숨깁니다. 이 시간이 *가시성 제한 시간*(visibility timeout)이고 기본값은
# 30초입니다. 그래서 다음 폴링은 *다른* 메시지를 받습니다. 그 뒤 `ChangeMessageVisibility(..., 0)`으로
# 메시지들을 곧바로 다시 보이게 했습니다. 이 내용은 레슨 06에서 자세히 다룹니다. 실제 SQS에서는
# 폴링이 기다리는 메시지보다 적게 돌려줄 수도 있습니다. 그러면 소비자는 그냥 다시 폴링합니다.

# %% [markdown]
# ## Process: insert the order into a database
#
# In the lecture, processing means inserting each order into an **RDS** database (Amazon
# Relational Database Service: SQL databases such as PostgreSQL or MySQL that AWS runs for you):
# *"RDS 데이터베이스에 오더를 입력하는 경우를 생각해 보죠"*. We use **SQLite** instead: a real
# SQL database built into Python, in memory, nothing to install. The SQL is the same you would
# run on RDS.

# %% [markdown] ko en=279f40bf
# ## 처리: 주문을 데이터베이스에 넣기
#
# 강의에서 처리란 주문 하나하나를 **RDS** 데이터베이스(Amazon Relational Database Service:
# PostgreSQL이나 MySQL 같은 SQL 데이터베이스를 AWS가 대신 운영해 주는 서비스)에 넣는 일입니다:
# *"RDS 데이터베이스에 오더를 입력하는 경우를 생각해 보죠"*. 여기서는 대신 **SQLite**를 씁니다.
# Python에 들어 있는 진짜 SQL 데이터베이스로, 메모리에서 돌아가고 따로 설치할 것이 없습니다. SQL 문은
# RDS에서 실행할 것과 똑같습니다.

# %%
import sqlite3


def new_database(schema):
    db = sqlite3.connect(":memory:")
    db.execute(schema)
    return db


PLAIN = "CREATE TABLE orders (order_id TEXT, customer_id TEXT, address TEXT)"


def insert_order(db, order):
    db.execute("INSERT INTO orders VALUES (?, ?, ?)",
               (order["order_id"], order["customer_id"], order["address"]))
    db.commit()


# %% [markdown]
# ## The consumer loop: poll, process, delete
#
# One function, given any SQS client (a boto3 client or the toy's `QueueService`, which has the
# same methods). It stops after a poll that brings nothing (with `WaitTimeSeconds=1`: nothing
# even after waiting a second).

# %% [markdown] ko en=c221a560
# ## 소비자 루프: 폴링, 처리, 삭제
#
# 함수 하나로 씁니다. 이 함수는 어떤 SQS 클라이언트든 받습니다. boto3 클라이언트도 되고, 같은
# 메서드를 가진 토이의 `QueueService`도 됩니다. 폴링해서 아무것도 받지 못하면
# 멈춥니다(`WaitTimeSeconds=1`이므로 1초를 기다려도 아무것도 오지 않았다는 뜻입니다).

# %%
def consume(sqs, queue_url, db, delete=True):
    """Poll until the queue answers empty; return how many messages were processed."""
    processed = 0
    while True:
        got = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10,
                                  WaitTimeSeconds=1).get("Messages", [])
        if not got:
            return processed
        for m in got:
            insert_order(db, json.loads(m["Body"]))                                # process
            if delete:
                sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=m["ReceiptHandle"])  # delete
            processed += 1


# %% [markdown]
# Run it against both backends, each into its own database:

# %% [markdown] ko en=43ae85c1
# 두 백엔드에 대해 실행합니다. 데이터베이스는 백엔드마다 따로 둡니다:

# %%
# NBVAL_CHECK_OUTPUT
def row_count(db):
    return db.execute("SELECT COUNT(*), COUNT(DISTINCT order_id) FROM orders").fetchone()


for name, sqs in backends.items():
    db = new_database(PLAIN)
    n = consume(sqs, urls[name], db)
    rows, distinct = row_count(db)
    print(f"{name:10} processed {n}, rows {rows}, distinct orders {distinct}, "
          f"left in the queue: {counts(sqs, urls[name])}")

# %% [markdown]
# Every order is in the database exactly once, and the queue is empty. `DeleteMessage` is what
# tells SQS "done, nobody else needs to see this one"; in the lecture's words, *"그러면 다른
# 소비자들이 이 메세지를 볼 수 없게 되겠죠"* (then the other consumers can no longer see it).

# %% [markdown] ko en=99bd3b2b
# 모든 주문이 데이터베이스에 정확히 한 번씩 들어갔고, 대기열은 비었습니다. `DeleteMessage`는 SQS에
# "처리 끝, 이제 아무도 이 메시지를 볼 필요가 없다"고 알리는 호출입니다. 강의의 말로는 *"그러면 다른
# 소비자들이 이 메세지를 볼 수 없게 되겠죠"*.

# %%
for name, sqs in backends.items():
    sqs.delete_queue(QueueUrl=urls[name])

# %% [markdown]
# ## What goes wrong without the delete
#
# Now forget the `DeleteMessage` call. Receiving a message only hides it for the queue's
# *visibility timeout* (30 s by default; lesson 06 is about it). When that runs out with no
# delete, SQS assumes the consumer died and makes the message visible again, so that someone
# else can process it.
#
# To watch 30 seconds pass without waiting, this part runs on the toy in this process with a
# virtual clock. **Predict:** 31 s after a run that forgot the delete, how many messages are
# visible, and how many rows does the table hold after the next run?

# %% [markdown] ko en=325ce83a
# ## 삭제하지 않으면 생기는 일
#
# 이번에는 `DeleteMessage` 호출을 빠뜨립니다. 메시지를 받으면 그 메시지는 대기열의 *가시성 제한
# 시간*(기본 30초, 레슨 06에서 다룹니다) 동안 숨겨질 뿐입니다. 그 시간이 다 지나도록 삭제가 없으면,
# SQS는 소비자가 죽었다고 보고 메시지를 다시 보이게 합니다. 다른 누군가가 처리할 수 있게 하려는
# 것입니다.
#
# 30초가 지나가는 것을 기다리지 않고 보려고, 이 부분은 이 프로세스 안의 토이 대기열을 가상
# 시계(virtual clock)로 돌립니다. **예측해 보세요:** 삭제를 빠뜨린 실행이 끝나고 31초 뒤에는 메시지가
# 몇 개 보일까요? 다음 실행이 끝나면 테이블에는 몇 행이 있을까요?

# %%
# NBVAL_CHECK_OUTPUT
clock = VirtualClock()
svc = QueueService(clock=clock)
q = svc.create_queue(QueueName="orders")["QueueUrl"]
send_orders(svc, q, ORDERS[:5])

db = new_database(PLAIN)
print("first run processed: ", consume(svc, q, db, delete=False))
print("queue right after:   ", counts(svc, q))
clock.advance(31)
print("31 s later:          ", counts(svc, q))
print("next run processed:  ", consume(svc, q, db, delete=False))

# %% [markdown]
# Right after the first run the five messages were not gone, only *in flight*: hidden from other
# polls (which is why the loop stopped). 31 s later they were visible again, and the next run
# processed the same five orders a second time. In the database that means five duplicate rows:
# five customers would get two parcels each.

# %% [markdown] ko en=8166d9ee
# 첫 실행 직후 메시지 다섯 개는 사라진 것이 아니라 *처리 중*(in flight)이었을 뿐입니다. 다른 폴링에는
# 숨겨진 상태입니다(그래서 루프가 멈췄습니다). 31초 뒤 메시지들은 다시 보였고, 다음 실행은 같은 주문
# 다섯 건을 한 번 더 처리했습니다. 데이터베이스에는 중복된 행이 다섯 개 생겼습니다. 고객 다섯 명이
# 소포를 두 개씩 받게 되는 셈입니다.

# %%
# NBVAL_CHECK_OUTPUT
for row in db.execute("SELECT order_id, COUNT(*) FROM orders GROUP BY order_id ORDER BY order_id"):
    print(row)

# %% [markdown]
# ## Recap
#
# - A consumer is your code: on EC2, on-premises, or in Lambda. It **polls** (up to 10 messages
#   per `ReceiveMessage`; 11 is `InvalidParameterValue`), **processes**, then **deletes** with
#   `DeleteMessage`.
# - Without the delete, every message comes back after the visibility timeout and is processed
#   again: duplicate orders. Lesson 06 shows that this can happen even with the delete, and how
#   to make the duplicates harmless.

# %% [markdown] ko en=3a847992
# ## 정리
#
# - 소비자는 여러분의 코드입니다. EC2에서도, 온프레미스에서도, Lambda에서도 돌아갑니다. 소비자는
#   **폴링**하고(`ReceiveMessage` 한 번에 최대 10개, 11은 `InvalidParameterValue`), **처리**한 뒤,
#   `DeleteMessage`로 **삭제**합니다.
# - 삭제하지 않으면 모든 메시지가 가시성 제한 시간이 지난 뒤 돌아와 다시 처리됩니다. 주문이
#   중복됩니다. 삭제를 해도 이런 일이 생길 수 있다는 것, 그리고 중복이 해가 없게 만드는 방법은 레슨
#   06에서 봅니다.

# %%
from toyqueue.widgets import quiz

quiz("05")

# %% [markdown]
# **Exercise:** [02 · Receipt handles](../exercises/02_receipt_handles.ipynb) builds receive and
# delete into the toy queue.
#
# Next: [06 Visibility, duplicates and ordering →](06_visibility_duplicates.ipynb)

# %% [markdown] ko en=c57ddbe8
# **실습:** [02 · 수신 핸들](../exercises/02_receipt_handles.ipynb)에서 토이 대기열에 수신과 삭제를 직접
# 만들어 넣습니다.
#
# 다음: [06 가시성, 중복, 순서 →](06_visibility_duplicates.ipynb)
