"""classroom/jupyterhub_config.py for real: a hub, its npm proxy, three learners, one LocalStack.

The hub runs on free loopback ports with the configuration `make hub` uses (the shared-password
authenticator and the fenced local-process spawner), against this test run's LocalStack. Three
learners log in through the login form and work only through the hub's proxy, as a browser would.
One hub serves every test in this file (starting it and three servers is the slow part).
"""
from __future__ import annotations

import concurrent.futures
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest
import requests

from hub_client import Learner
from toyqueue import classroom
from toyqueue.clients import LocalStackSession
from toyqueue.grading.report import is_check
from toyqueue.localstack import free_port

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "classroom" / "jupyterhub_config.py"
PASSWORD = "class-password-for-tests"
USERS = ("alice", "bob", "carol")
SOLVED = ("alice", "bob")        # carol leaves the exercise untouched
START = "notebooks/ko/00_setup.ipynb"   # a Korean class: learners land on the Korean lesson 00

pytestmark = pytest.mark.slow


def _exercise() -> str:
    """The first exercise that has a reference solution (the course's layout decides which)."""
    for nb in sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb")):
        if (ROOT / "solutions" / nb.name).exists():
            return nb.name
    raise AssertionError("no exercise with a solution in this checkout")


def _wait_for(url: str, proc: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    s = requests.Session()
    s.trust_env = False
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the hub exited ({proc.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if s.get(url, timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"the hub did not answer within {timeout} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def hub(tmp_path_factory, localstack_url):
    state = tmp_path_factory.mktemp("hub")
    port = free_port()
    env = dict(os.environ, TOYQUEUE_HUB_PASSWORD=PASSWORD, TOYQUEUE_HUB_DIR=str(state),
               TOYQUEUE_HUB_PORT=str(port), TOYQUEUE_HUB_API_PORT=str(free_port()),
               TOYQUEUE_HUB_PROXY_API_PORT=str(free_port()), TOYQUEUE_LOCALSTACK_URL=localstack_url,
               TOYQUEUE_HUB_START=START)
    log = state / "hub.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)],
                                cwd=state, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/hub/api", proc, log)
        learners = {name: Learner(base, name, PASSWORD) for name in USERS}
        for learner in learners.values():
            learner.start_server()
        for learner in learners.values():
            learner.wait_ready()
        yield {"base": base, "proc": proc, "state": state, "learners": learners, "log": log}
    finally:
        procs = [proc] + psutil.Process(proc.pid).children(recursive=True) if proc.poll() is None \
            else [proc]
        servers = [p for p in psutil.process_iter(["environ"])
                   if (p.info.get("environ") or {}).get("TOYQUEUE_LOCALSTACK_ACCOUNT")
                   and str(state) in (p.info["environ"].get("HOME") or "")]
        proc.send_signal(signal.SIGTERM)       # the hub stops the learners' servers and its proxy
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        for p in servers + procs[1:]:
            if p.is_running():
                p.kill()


@pytest.fixture(scope="module")
def lesson_00_runs(hub):
    """Each learner runs lesson 00 (their own copy) in their own server, all three at once."""
    def run(learner):
        nb = learner.read_notebook("notebooks/00_setup.ipynb")
        kernel = learner.kernel("notebooks/00_setup.ipynb")
        try:
            return kernel.run_notebook(nb)
        finally:
            kernel.close()

    with concurrent.futures.ThreadPoolExecutor(len(USERS)) as pool:
        return dict(zip(USERS, pool.map(run, hub["learners"].values())))


def test_every_learner_passes_lesson_00_in_their_own_server(hub, lesson_00_runs):
    for name, cells in lesson_00_runs.items():
        errors = [(cell["source"][:80], err) for cell, _, err in cells if err]
        assert errors == [], name
        checks = cells[0][1]
        assert "FAIL" not in checks and checks.rstrip().endswith("All set!"), (name, checks)
    learners_dir = hub["state"] / "learners"
    assert sorted(p.name for p in learners_dir.iterdir()) == sorted(USERS)
    for name in USERS:   # a copy of the course each, without the reference solutions
        mine = learners_dir / name
        assert (mine / "notebooks" / "00_setup.ipynb").exists()
        assert (mine / "exercises" / _exercise()).exists()
        assert not (mine / "solutions").exists()


def test_an_exercises_check_cells_grade_each_learner_on_their_own_work(hub):
    name = _exercise()
    solution = nbformat.read(ROOT / "solutions" / name, as_version=4)

    def attempt(learner):
        path = f"exercises/{name}"
        if learner.name in SOLVED:      # as if they had written the reference answer
            learner.write_notebook(path, solution)
        nb = nbformat.from_dict(learner.read_notebook(path))
        kernel = learner.kernel(path)
        try:
            return [(is_check(nbformat.from_dict(cell)), err)
                    for cell, _, err in kernel.run_notebook(nb)]
        finally:
            kernel.close()

    with concurrent.futures.ThreadPoolExecutor(len(USERS)) as pool:
        results = dict(zip(USERS, pool.map(attempt, hub["learners"].values())))
    for learner, cells in results.items():
        checks = [err for check, err in cells if check]
        assert checks, f"{name} has no check cells"
        if learner in SOLVED:
            assert [err for _, err in cells if err] == [], learner
        else:
            assert checks[0] is not None, "an untouched exercise fails its first check"


def test_a_learners_server_opens_on_the_start_page_the_instructor_chose(hub):
    learner = hub["learners"]["alice"]
    r = learner.api.get(learner.server_url(""), allow_redirects=False)
    assert r.status_code in (301, 302), r.status_code
    assert r.headers["Location"].split("?")[0].endswith(f"/user/alice/lab/tree/{START}")


def test_learners_queues_never_meet_on_the_shared_localstack(hub, localstack_url):
    def work(learner):
        kernel = learner.kernel("notebooks/00_setup.ipynb")
        try:
            out, err = kernel.run(
                "from toyqueue.clients import client\n"
                "sqs = client('localstack')\n"
                "url = sqs.create_queue(QueueName='orders')['QueueUrl']\n"
                f"sqs.send_message(QueueUrl=url, MessageBody='order from {learner.name}')\n"
                "got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1)\n"
                "print(url.split('/')[-2], sorted(m['Body'] for m in got.get('Messages', [])))\n")
            assert err is None, err
            return out.split(" ", 1)
        finally:
            kernel.close()

    with concurrent.futures.ThreadPoolExecutor(len(USERS)) as pool:
        seen = dict(zip(USERS, pool.map(work, hub["learners"].values())))
    for name, (account, bodies) in seen.items():
        assert account == classroom.account_id(name)
        assert bodies.strip() == str([f"order from {name}"])
    assert len({account for account, _ in seen.values()}) == len(USERS)
    # From outside, with each account's key: one `orders` in each, holding that learner's order.
    for name in USERS:
        sqs = LocalStackSession(localstack_url, access_key=classroom.account_id(name)).client("sqs")
        urls = sqs.list_queues(QueueNamePrefix="orders")["QueueUrls"]
        assert [u.split("/")[-2:] for u in urls] == [[classroom.account_id(name), "orders"]]
        sqs.delete_queue(QueueUrl=urls[0])


def test_a_learner_cannot_change_another_learners_files(hub):
    bob_file = hub["state"] / "learners" / "bob" / "notebooks" / "00_setup.ipynb"
    before = bob_file.read_bytes()
    kernel = hub["learners"]["alice"].kernel("notebooks/00_setup.ipynb")
    try:
        _, err = kernel.run(f"open({str(bob_file)!r}, 'w').write('gone')")
        assert err and err[0] == "PermissionError"
        _, err = kernel.run(f"import os; os.remove({str(bob_file)!r})")
        assert err and err[0] == "PermissionError"
        _, err = kernel.run(f"open({str(CONFIG)!r}, 'a').write('# mine')")
        assert err and err[0] == "PermissionError"
        out, err = kernel.run("open('mine.txt', 'w').write('ok'); print(open('mine.txt').read())")
        assert (out, err) == ("ok\n", None)
    finally:
        kernel.close()
    assert bob_file.read_bytes() == before


def test_everything_the_hub_started_listens_on_loopback_only(hub):
    """Read the kernel's socket table (ss), not the configuration."""
    tree = {hub["proc"].pid} | {p.pid for p in psutil.Process(hub["proc"].pid).children(recursive=True)}
    for p in psutil.process_iter(["environ"]):   # learners' servers and kernels (own sessions)
        env = p.info.get("environ") or {}
        if str(hub["state"]) in (env.get("HOME") or ""):
            tree.add(p.pid)
    out = subprocess.run(["ss", "-Hltnp"], capture_output=True, text=True, check=True).stdout
    ours = [line for line in out.splitlines()
            if any(f"pid={pid}," in line for pid in tree)]
    # the hub's API, the proxy's public port and API, three learners' servers and their kernels
    assert len(ours) >= 3 + len(USERS)
    local = [line.split()[3] for line in ours]
    assert all(addr.startswith("127.0.0.1:") for addr in local), ours
