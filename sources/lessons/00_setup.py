# Lesson 00 source: built into notebooks/00_setup.ipynb and notebooks/ko/00_setup.ipynb by
# tools/nbbuild.py. The checked cell prints only OK/FAIL lines (no versions, ports or times) so it
# is the same on every machine; the details go in an unchecked cell below it. Its messages go
# through tr() (toyqueue.i18n) so the Korean edition prints them in Korean; it works without
# toyqueue too, because telling the learner that toyqueue is missing is one of its jobs.

# %% [markdown]
# [01 Synchronous vs asynchronous →](01_sync_vs_async.ipynb)
#
# # 00 · Set-up check and a map of the course
#
# Welcome! This course teaches **Amazon SQS** (Simple Queue Service), the message queue of
# **AWS** (Amazon Web Services, Amazon's cloud), by building a small but faithful SQS-like queue
# of our own, the **toy queue** (`toyqueue`). You run the very same **boto3** code against the
# toy and against **LocalStack**, an emulator of AWS that runs on your machine. boto3 is AWS's
# **SDK** (software development kit) for Python: the library a Python program uses to call an
# AWS **API**, the set of calls a service offers to programs (SQS's are `SendMessage`,
# `ReceiveMessage`, ...). Nothing here talks to real AWS, so nothing costs money.

# %% [markdown] ko en=150bb703
# [01 동기 vs 비동기 →](01_sync_vs_async.ipynb)
#
# # 00 · 설치 확인과 과정 안내
#
# 환영합니다! 이 과정은 **AWS**(Amazon Web Services, Amazon의 클라우드)의 메시지 대기열 서비스인
# **Amazon SQS**(Simple Queue Service)를 가르칩니다. 작지만 충실한 SQS 닮은 대기열을 직접 만들면서
# 배웁니다. 우리가 만드는 대기열은 **토이 대기열**(toy queue, `toyqueue`)이라고 부릅니다. 똑같은
# **boto3** 코드를 토이 대기열에도, 내 컴퓨터에서 돌아가는 AWS 에뮬레이터인 **LocalStack**에도 실행해
# 봅니다. boto3는 Python용 AWS **SDK**(소프트웨어 개발 키트)입니다. Python 프로그램이 AWS **API**를
# 호출할 때 쓰는 라이브러리이고, API는 서비스가 프로그램에 내놓는 호출들입니다(SQS의 API는
# `SendMessage`, `ReceiveMessage`, ...). 이 과정은 실제 AWS에 전혀 연결하지 않으므로 비용이 들지
# 않습니다.

# %% [markdown]
# Run the cell below (Shift+Enter). Every line should start with `OK`. A `FAIL` line says what
# is missing and how to fix it.
#
# Some cells start with `# NBVAL_CHECK_OUTPUT` or `# NBVAL_IGNORE_OUTPUT`. Those lines are notes
# for the course's tests (they compare the output of the first kind on every run). For you they
# are just comments.

# %% [markdown] ko en=a373ed85
# 아래 셀을 실행하세요(Shift+Enter). 모든 줄이 `OK`로 시작해야 합니다. `FAIL`로 시작하는 줄은 무엇이
# 빠졌고 어떻게 고치는지 알려 줍니다.
#
# 어떤 셀은 `# NBVAL_CHECK_OUTPUT`이나 `# NBVAL_IGNORE_OUTPUT`으로 시작합니다. 이 줄은 과정의 테스트가
# 읽는 표시입니다(앞의 표시가 붙은 셀은 실행할 때마다 출력이 같은지 비교합니다). 여러분에게는 그냥
# 주석입니다.

# %%
# NBVAL_CHECK_OUTPUT
import importlib
import importlib.metadata as md
import json
import os
import sys
import uuid
from pathlib import Path

try:
    from toyqueue.i18n import tr    # the course language's words for the messages below
except ImportError:                 # no toyqueue: the checks below say so, in English
    def tr(text, **fields):
        return text.format(**fields)

PACKAGES = ["boto3", "jupyterlab", "ipywidgets", "localstack-core", "localstack-client",
            "pytest", "nbval", "matplotlib"]
# The course folder: the nearest one up from here with requirements.txt in it.
COURSE = next((p for p in (Path.cwd(), *Path.cwd().parents) if (p / "requirements.txt").exists()),
              Path.cwd().parent)


def pinned_versions():
    """Package -> version as pinned in the course's requirements.txt."""
    pins = {}
    for line in (COURSE / "requirements.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.split("[")[0].strip().lower().replace("_", "-")] = version.strip()
    return pins


def round_trip(sqs):
    """Create a queue, send, receive and delete one message; True if it all worked."""
    url = sqs.create_queue(QueueName=f"setup-check-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    try:
        sqs.send_message(QueueUrl=url, MessageBody="hello, 대기열")
        got = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=1).get("Messages", [])
        if got:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=got[0]["ReceiptHandle"])
        return [m["Body"] for m in got] == ["hello, 대기열"]
    finally:
        sqs.delete_queue(QueueUrl=url)


def checks():
    """Yield (ok, what, how to fix) for each part of the set-up."""
    yield (sys.version_info[:2] == (3, 13), "Python 3.13",
           tr("this kernel runs Python {version}: pick the kernel 'Python 3 (ipykernel)' of the "
              "project's .venv (run `make lab`)", version=sys.version.split()[0]))
    yield (Path(sys.prefix).name == ".venv", tr("the kernel runs the project's .venv"),
           tr("this kernel runs {prefix}: start JupyterLab with `make lab`", prefix=sys.prefix))

    try:
        pins = pinned_versions()
    except OSError:
        pins = {}
    for name in PACKAGES:
        try:
            have = md.version(name)
        except md.PackageNotFoundError:
            yield (False, tr("{name} installed", name=name),
                   tr("run `make lab` (it installs requirements.txt)"))
            continue
        want = pins.get(name)
        yield (want is None or have == want, tr("{name} installed as pinned", name=name),
               tr("{name} is {have}, requirements.txt pins {want}: run `make lab` again",
                  name=name, have=have, want=want))

    try:
        importlib.import_module("toyqueue")
        importlib.import_module("toyqueue.clients")
        yield (True, tr("toyqueue importable"), "")
    except Exception as e:
        yield (False, tr("toyqueue importable"), f"{type(e).__name__}: {e}")
        return
    from toyqueue.clients import client, localstack_url
    from toyqueue.localstack import health

    url = localstack_url()
    doc = health(url, timeout=3)      # toyqueue.localstack's probe: never through a proxy
    sqs_state = doc["services"].get("sqs") if doc else tr("no answer")
    ok = sqs_state in ("available", "running")
    yield (ok, tr("LocalStack answering, SQS ready"),
           tr("{url} says {state!r}: `make lab` starts LocalStack, or run "
              "`python -m toyqueue.localstack start` in a terminal", url=url, state=sqs_state))
    if ok:
        try:
            ok, why = round_trip(client("localstack")), tr("the message did not come back")
        except Exception as e:
            ok, why = False, f"{type(e).__name__}: {e}"
        yield (ok, tr("LocalStack: a message went round trip"), why)

    try:
        ok, why = round_trip(client("toy")), tr("the message did not come back")
    except Exception as e:
        ok, why = False, f"{type(e).__name__}: {e}"
    yield (ok, tr("toy endpoint: a message went round trip"), why)


results = list(checks())
for ok, what, fix in results:
    print(f"{'OK  ' if ok else 'FAIL'}  {what}" + ("" if ok else f"\n        -> {fix}"))
print("\n" + (tr("All set!") if all(ok for ok, _, _ in results)
              else tr("Something is missing: see the FAIL lines.")))

# %% [markdown]
# The details (these differ from machine to machine, so they are not checked):

# %% [markdown] ko en=5e1613a2
# 자세한 정보입니다(컴퓨터마다 다르므로 테스트에서 비교하지 않습니다):

# %%
# NBVAL_IGNORE_OUTPUT
from toyqueue.clients import localstack_url

print(f"Python      {sys.version.split()[0]} at {sys.executable}")
for name in PACKAGES:
    try:
        print(f"{name:18}{md.version(name)}")
    except md.PackageNotFoundError:
        print(f"{name:18}missing")
print(f"LocalStack  {localstack_url()}")

# %% [markdown]
# ## Two ways to run SQS in this course
#
# | backend | what it is | how you get a client |
# |---|---|---|
# | **toy** | our own SQS, in `toyqueue/`: small enough to read in an afternoon, faithful enough to run real boto3 code | `client("toy")` |
# | **LocalStack** | a full SQS emulator; `make lab` started one on `127.0.0.1:4566` | `client("localstack")` |
# | real AWS | the real thing: needs an account and costs money, so it is **off** unless you opt in (see the README) | `client("aws")` |
#
# Both `client(...)` calls (from `toyqueue.clients`) return an ordinary **boto3 SQS client**, so
# every line you write works the same against either one:

# %% [markdown] ko en=483dbf1a
# ## 이 과정에서 SQS를 실행하는 두 가지 방법
#
# | 백엔드 | 무엇인가 | 클라이언트를 만드는 법 |
# |---|---|---|
# | **토이**(toy) | `toyqueue/`에 있는 우리만의 SQS: 한나절이면 다 읽을 만큼 작고, 실제 boto3 코드를 그대로 돌릴 만큼 충실합니다 | `client("toy")` |
# | **LocalStack** | SQS 전체를 흉내 내는 에뮬레이터. `make lab`이 `127.0.0.1:4566`에서 하나를 시작해 두었습니다 | `client("localstack")` |
# | 실제 AWS | 진짜 서비스: 계정이 필요하고 비용이 들기 때문에, 직접 켜기 전에는 **꺼져** 있습니다(README 참고) | `client("aws")` |
#
# 두 `client(...)` 호출(`toyqueue.clients`에 있습니다)은 모두 평범한 **boto3 SQS 클라이언트**를
# 돌려줍니다. 그래서 여러분이 쓰는 코드는 어느 쪽에서든 한 줄 한 줄 똑같이 동작합니다:

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.clients import client

for backend in ("toy", "localstack"):
    sqs = client(backend)
    url = sqs.create_queue(QueueName=f"hello-{backend}-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="first message")
    msg = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=2)["Messages"][0]
    print(f"{backend:10} received {msg['Body']!r}, MD5 {msg['MD5OfBody']}")
    sqs.delete_queue(QueueUrl=url)

# %% [markdown]
# Same code, same answer, down to the **MD5** checksum (a 32-hex-digit fingerprint of the body)
# that SQS sends back; lesson 04 shows how it is computed. Where the toy or LocalStack *does* differ from real
# SQS, the lesson says so, and the [README](../README.md) keeps a table of every difference.

# %% [markdown] ko en=87c0fa46
# 코드도 같고 답도 같습니다. SQS가 돌려주는 **MD5** 체크섬(메시지 본문의 지문, 16진수 32자리)까지
# 똑같습니다. 이 값을 계산하는 방법은 레슨 04에서 봅니다. 토이나 LocalStack이 실제 SQS와 *다르게*
# 동작하는 곳은 그 레슨이 알려 주고, [README](../README.md)에 차이점이 모두 표로 정리되어 있습니다.

# %% [markdown]
# Outside this course, LocalStack users write `import localstack_client.session as boto3`
# (from the **localstack-client** package): their boto3 lines stay the same and go to
# LocalStack. `client("localstack")` is built on that same package, but it holds on to the
# course's LocalStack. The drop-in follows your shell: a leftover `AWS_ENDPOINT_URL` from another
# project redirects it, and it uses LocalStack's shared default account. Use the drop-in in your
# own LocalStack projects; use `client("localstack")` here, where every cell must reach the
# course's LocalStack and, on a classroom server, your own account.

# %% [markdown] ko en=d6b51c53
# 이 과정 밖에서 LocalStack 사용자는 `import localstack_client.session as boto3`라고 씁니다
# (**localstack-client** 패키지). 그러면 boto3 코드는 그대로 두고 요청만 LocalStack으로 갑니다.
# `client("localstack")`도 같은 패키지 위에 만들었지만, 언제나 이 과정의 LocalStack에만 연결됩니다.
# 드롭인(drop-in) 방식은 셸 환경을 따릅니다. 다른 프로젝트에서 남은 `AWS_ENDPOINT_URL`이 있으면
# 요청이 그쪽으로 가고, 계정도 LocalStack의 공용 기본 계정을 씁니다. 여러분의 LocalStack
# 프로젝트에서는 드롭인을 쓰세요. 이 과정에서는 모든 셀이 과정의 LocalStack(교실 서버라면 여러분 자신의
# 계정)에 닿아야 하므로 `client("localstack")`를 씁니다.

# %%
# NBVAL_CHECK_OUTPUT
import localstack_client.session as boto3   # LocalStack's drop-in for boto3
from toyqueue.clients import localstack_host

backends = {"drop-in": lambda: boto3.Session(localstack_host=localstack_host()).client("sqs"),
            'client("localstack")': lambda: client("localstack")}
for name, make in backends.items():
    sqs = make()
    url = sqs.create_queue(QueueName=f"hello-drop-in-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="first message")
    msg = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=2)["Messages"][0]
    print(f"{name:21} received {msg['Body']!r}")
    sqs.delete_queue(QueueUrl=url)

os.environ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9"   # left over from another project
for name, make in backends.items():
    where = make().meta.endpoint_url
    print(f"{name:21} now goes to {'the course LocalStack' if where == localstack_url() else where}")
del os.environ["AWS_ENDPOINT_URL"]

# %% [markdown]
# ## The map of the course
#
# The lecture this course follows (an AWS Solutions Architect's talk on SQS) is taught in
# lessons 01 to 10. Each one runs in a few seconds. None of them makes you wait: where time
# matters, a lesson runs on a **virtual clock** that it fast-forwards, so "four days later" takes
# no time.
#
# | lesson | what you do |
# |---|---|
# | [01 Synchronous vs asynchronous](01_sync_vs_async.ipynb) | watch a spike overwhelm a directly-coupled service (동기), and a queue absorb it (비동기) |
# | [02 What is a queue?](02_what_is_a_queue.ipynb) | producers (생산자), consumers (소비자) and the queue (대기열) between them; your first queue |
# | [03 The standard queue](03_standard_queue.ipynb) | retention, size limits, latency: toy vs LocalStack |
# | [04 Producing messages](04_producing_messages.ipynb) | `SendMessage` with attributes, against both backends |
# | [05 Consuming messages](05_consuming_messages.ipynb) | a consumer loop into a real database; what happens without the delete |
# | [06 Visibility, duplicates and ordering](06_visibility_duplicates.ipynb) | visibility timeouts, at-least-once delivery, best-effort ordering, idempotent consumers |
# | [07 Scaling consumers](07_scaling_consumers.ipynb) | queue depth, alarms and an Auto Scaling group growing and shrinking |
# | [08 Decoupling tiers](08_decoupling_tiers.ipynb) | a front end and a back end that scale on their own |
# | [09 Security](09_security.ipynb) | encryption in flight and at rest, client-side encryption, access policies |
# | [10 Beyond the lecture](10_beyond_the_lecture.ipynb) | FIFO queues, dead-letter queues, long polling, delays, batches |
# | [11 Glossary](11_glossary.ipynb) | the key terms in English and 한국어 |

# %% [markdown] ko en=51aa9b70
# ## 과정 안내
#
# 이 과정이 따라가는 강의(AWS 솔루션즈 아키텍트의 SQS 강의)는 레슨 01부터 10까지에서 다룹니다. 레슨
# 하나는 몇 초면 실행됩니다. 기다리게 하는 레슨은 없습니다: 시간이 중요한 곳에서는 레슨이 **가상
# 시계**(virtual clock)를 빨리 감기 때문에 "나흘 뒤"도 순식간입니다.
#
# | 레슨 | 하는 일 |
# |---|---|
# | [01 동기 vs 비동기](01_sync_vs_async.ipynb) | 트래픽 급증(spike)이 직접 연결된 서비스를 압도하는 모습(동기)과 대기열이 그것을 흡수하는 모습(비동기)을 봅니다 |
# | [02 대기열이란?](02_what_is_a_queue.ipynb) | 생산자(producer), 소비자(consumer)와 그 사이의 대기열(queue). 첫 대기열을 만듭니다 |
# | [03 표준 대기열](03_standard_queue.ipynb) | 메시지 보존 기간, 크기 제한, 지연 시간: 토이와 LocalStack 비교 |
# | [04 메시지 보내기](04_producing_messages.ipynb) | 메시지 속성을 붙인 `SendMessage`를 두 백엔드에 |
# | [05 메시지 받기](05_consuming_messages.ipynb) | 실제 데이터베이스에 쓰는 소비자 루프. 삭제하지 않으면 무슨 일이 생기는지 |
# | [06 가시성, 중복, 순서](06_visibility_duplicates.ipynb) | 가시성 제한 시간, 최소 1회 전송(강의: 적어도 한 번의 전송), 최선의 노력 순서 지정, 멱등 소비자 |
# | [07 소비자 확장](07_scaling_consumers.ipynb) | 대기열 길이, 경보(강의: 알람), 늘었다 줄었다 하는 Auto Scaling 그룹 |
# | [08 계층 분리](08_decoupling_tiers.ipynb) | 각자 따로 확장하는 프론트엔드와 백엔드 |
# | [09 보안](09_security.ipynb) | 전송 중 암호화(강의: 비행 중 암호화)와 저장 시 암호화(강의: 미사용 암호화), 클라이언트 측 암호화, 액세스 정책 |
# | [10 강의 너머](10_beyond_the_lecture.ipynb) | FIFO 대기열, 배달 못한 편지 대기열, 긴 폴링, 지연 대기열, 배치 |
# | [11 용어집](11_glossary.ipynb) | 핵심 용어를 영어, AWS 한국어 문서, 강의의 표현으로 |

# %% [markdown]
# ## Exercises
#
# The exercises (in the `exercises/` folder, next to `notebooks/`) have you build the toy queue
# piece by piece: storing and receiving, deleting, hiding a received message for a while, and
# onwards. Each one ends in **check cells**: run them, and they tell you in plain words what
# works and what does not yet. Reference answers are in `solutions/`, for after you have tried.
# Here are the ones in this copy of the course:

# %% [markdown] ko en=70710732
# ## 실습
#
# 실습(`notebooks/` 옆의 `exercises/` 폴더)에서는 토이 대기열을 한 조각씩 직접 만듭니다: 저장과 수신,
# 삭제, 받은 메시지를 잠시 숨기기, 그리고 그 너머까지. 실습마다 끝에 **확인 셀**(check cell)이
# 있습니다. 실행하면 무엇이 동작하고 무엇이 아직인지 쉬운 말로 알려 줍니다. 참고 답안은
# `solutions/`에 있으니 직접 해 본 다음에 보세요. 이 사본에 들어 있는 실습은 다음과 같습니다:

# %%
from IPython.display import Markdown
from toyqueue import i18n


def title_of(path):
    """The first '# ' heading of a notebook's markdown cells."""
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        for line in "".join(cell["source"]).splitlines():
            if cell["cell_type"] == "markdown" and line.startswith("# "):
                return line[2:].strip()
    return path.stem


# Each exercise in this notebook's language where it has been translated, else in English.
exercises = [i18n.notebook("exercises", p.name)
             for p in sorted(i18n.edition_dir("exercises", "en").glob("[0-9][0-9]_*.ipynb"))]
Markdown("\n".join(f"- [{title_of(p)}]({os.path.relpath(p, Path.cwd())})" for p in exercises)
         or i18n.tr("(no exercises in this copy yet)"))

# %% [markdown]
# Ready? On to [01 Synchronous vs asynchronous](01_sync_vs_async.ipynb).

# %% [markdown] ko en=b99358ec
# 준비됐나요? [01 동기 vs 비동기](01_sync_vs_async.ipynb)로 넘어갑시다.
