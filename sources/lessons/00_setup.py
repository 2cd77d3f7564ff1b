# Lesson 00 source: built into notebooks/00_setup.ipynb by tools/nbbuild.py.
# The checked cell prints only OK/FAIL lines (no versions, ports or times) so it is the same on
# every machine; the details go in an unchecked cell below it.

# %% [markdown]
# [01 Sync vs async →](01_sync_vs_async.ipynb)
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

# %% [markdown]
# Run the cell below (Shift+Enter). Every line should start with `OK`. A `FAIL` line says what
# is missing and how to fix it.
#
# Some cells start with `# NBVAL_CHECK_OUTPUT` or `# NBVAL_IGNORE_OUTPUT`. Those lines are notes
# for the course's tests (they compare the output of the first kind on every run). For you they
# are just comments.

# %%
# NBVAL_CHECK_OUTPUT
import importlib
import importlib.metadata as md
import json
import os
import sys
import urllib.request
import uuid
from pathlib import Path

PACKAGES = ["boto3", "jupyterlab", "ipywidgets", "localstack-core", "localstack-client",
            "pytest", "nbval", "matplotlib"]


def pinned_versions():
    """Package -> version as pinned in requirements.txt (next to the notebooks' folder)."""
    pins = {}
    for line in (Path.cwd().parent / "requirements.txt").read_text().splitlines():
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
           f"this kernel runs Python {sys.version.split()[0]}: pick the kernel 'Python 3 (ipykernel)' "
           f"of the project's .venv (run `make lab`)")
    yield (Path(sys.prefix).name == ".venv", "the kernel runs the project's .venv",
           f"this kernel runs {sys.prefix}: start JupyterLab with `make lab`")

    try:
        pins = pinned_versions()
    except OSError:
        pins = {}
    for name in PACKAGES:
        try:
            have = md.version(name)
        except md.PackageNotFoundError:
            yield (False, f"{name} installed", "run `make lab` (it installs requirements.txt)")
            continue
        want = pins.get(name)
        yield (want is None or have == want, f"{name} installed as pinned",
               f"{name} is {have}, requirements.txt pins {want}: run `make lab` again")

    try:
        importlib.import_module("toyqueue")
        importlib.import_module("toyqueue.clients")
        yield (True, "toyqueue importable", "")
    except Exception as e:
        yield (False, "toyqueue importable", f"{type(e).__name__}: {e}")
        return
    from toyqueue.clients import client, localstack_url

    url = localstack_url()
    try:
        with urllib.request.urlopen(f"{url}/_localstack/health", timeout=3) as r:
            sqs_state = json.load(r)["services"].get("sqs")
        ok = sqs_state in ("available", "running")
    except Exception:
        ok, sqs_state = False, "no answer"
    yield (ok, "LocalStack answering, SQS ready",
           f"{url} says {sqs_state!r}: `make lab` starts LocalStack, or run "
           f"`python -m toyqueue.localstack start` in a terminal")
    if ok:
        try:
            ok, why = round_trip(client("localstack")), "the message did not come back"
        except Exception as e:
            ok, why = False, f"{type(e).__name__}: {e}"
        yield (ok, "LocalStack: a message went round trip", why)

    try:
        ok, why = round_trip(client("toy")), "the message did not come back"
    except Exception as e:
        ok, why = False, f"{type(e).__name__}: {e}"
    yield (ok, "toy endpoint: a message went round trip", why)


results = list(checks())
for ok, what, fix in results:
    print(f"{'OK  ' if ok else 'FAIL'}  {what}" + ("" if ok else f"\n        -> {fix}"))
print("\nAll set!" if all(ok for ok, _, _ in results) else "\nSomething is missing: see the FAIL lines.")

# %% [markdown]
# The details (these differ from machine to machine, so they are not checked):

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

# %%
# NBVAL_CHECK_OUTPUT
from toyqueue.clients import client

for backend in ("toy", "localstack"):
    sqs = client(backend)
    url = sqs.create_queue(QueueName=f"hello-{backend}")["QueueUrl"]
    sqs.send_message(QueueUrl=url, MessageBody="first message")
    msg = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=2)["Messages"][0]
    print(f"{backend:10} received {msg['Body']!r}, MD5 {msg['MD5OfBody']}")
    sqs.delete_queue(QueueUrl=url)

# %% [markdown]
# Same code, same answer, down to the **MD5** checksum (a 32-hex-digit fingerprint of the body)
# that SQS sends back; lesson 04 shows how it is computed. Where the toy or LocalStack *does* differ from real
# SQS, the lesson says so, and the [README](../README.md) keeps a table of every difference.

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

# %% [markdown]
# ## Exercises
#
# The exercises (in the `exercises/` folder, next to `notebooks/`) have you build the toy queue
# piece by piece: storing and receiving, deleting, hiding a received message for a while, and
# onwards. Each one ends in **check cells**: run them, and they tell you in plain words what
# works and what does not yet. Reference answers are in `solutions/`, for after you have tried.
# Here are the ones in this copy of the course:

# %%
from IPython.display import Markdown


def title_of(path):
    """The first '# ' heading of a notebook's markdown cells."""
    for cell in json.loads(path.read_text())["cells"]:
        for line in "".join(cell["source"]).splitlines():
            if cell["cell_type"] == "markdown" and line.startswith("# "):
                return line[2:].strip()
    return path.stem


exercises = sorted((Path.cwd().parent / "exercises").glob("[0-9][0-9]_*.ipynb"))
Markdown("\n".join(f"- [{title_of(p)}](../exercises/{p.name})" for p in exercises)
         or "(no exercises in this copy yet)")

# %% [markdown]
# Ready? On to [01 · Synchronous vs asynchronous communication](01_sync_vs_async.ipynb).
