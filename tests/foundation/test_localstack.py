"""The LocalStack launcher: starts, reuses, stops without orphans, and explains what went wrong."""

import contextlib
import ipaddress
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from toyqueue import localstack

ROOT = Path(__file__).resolve().parents[2]


FAKE = """\
import json, os, signal, subprocess, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

# A stand-in for LocalStack that starts in milliseconds: it answers the health check, has a
# child process of its own (which must not outlive a stop) and, like the real runtime, shuts
# down what it runs when it gets SIGTERM.
host, port = os.environ["GATEWAY_LISTEN"].split(":")
helper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
print("helper", helper.pid, flush=True)

def shutdown(signum, frame):
    helper.terminate()
    helper.wait()
    os._exit(0)

signal.signal(signal.SIGTERM, shutdown)

class Health(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"services": {"sqs": "running"}, "version": "fake"}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

HTTPServer((host, int(port)), Health).serve_forever()
"""


@pytest.fixture
def fake_localstack(tmp_path, monkeypatch):
    """Make the launcher run a fake LocalStack (the process handling is what is under test)."""
    exe = tmp_path / "fake-python"
    exe.write_text(f"#!{sys.executable}\n{FAKE}")
    exe.chmod(0o755)
    monkeypatch.setenv("TOYQUEUE_LOCALSTACK_PYTHON", str(exe))
    return exe


def helper_pid(port):
    """The fake's child process, read from the launcher's log of the fake."""
    for line in localstack.log_file(port).read_text().splitlines():
        if line.startswith("helper "):
            return int(line.split()[1])
    raise AssertionError("the fake LocalStack did not start its helper")


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]


def pid_alive_soon(pid, seconds=20):
    deadline = time.monotonic() + seconds
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return pid_alive(pid)


@pytest.fixture
def state(tmp_path, monkeypatch):
    """Pid files, logs and LocalStack's filesystem go to a temp dir, not the project's .localstack/."""
    monkeypatch.setenv("TOYQUEUE_STATE_DIR", str(tmp_path / "state"))
    return tmp_path / "state"


def group_alive(pgid):
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_gone(pgid, seconds=20):
    deadline = time.monotonic() + seconds
    while group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not group_alive(pgid)


def cli(*args, env=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "toyqueue.localstack", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=timeout)


def test_start_reuse_and_stop_leave_no_process_behind(state):
    port = localstack.free_port()
    # a pid file left by a LocalStack that died long ago must not confuse anything
    stale = subprocess.Popen(["true"])
    stale.wait()
    localstack.pid_file(port).parent.mkdir(parents=True)
    localstack.pid_file(port).write_text(f"{stale.pid}\n")

    ls = localstack.start(port)
    try:
        assert ls.started and ls.url == f"http://127.0.0.1:{port}"
        assert localstack.health(port)["services"]["sqs"] in ("available", "running")
        assert localstack.pid_file(port).read_text().split()[0] == str(ls.pid)
        assert os.getpgid(ls.pid) == ls.pid          # its own process group
        assert localstack.status(port)["ours"]

        again = localstack.start(port)               # something answers: reuse it
        assert not again.started and again.url == ls.url and again.pid == ls.pid
        again.stop()                                 # not ours to stop
        assert localstack.sqs_ready(port)
    finally:
        ls.stop()
    assert wait_gone(ls.pid), "LocalStack's process group survived stop()"
    assert not localstack.pid_file(port).exists()
    assert not localstack.port_in_use(port)
    assert localstack.status(port)["answering"] is False


def test_cli_start_status_stop(state, fake_localstack):
    port = str(localstack.free_port())
    env = dict(os.environ)
    started = cli("start", "--port", port, env=env)
    assert started.returncode == 0, started.stderr
    assert f"started on http://127.0.0.1:{port}" in started.stdout
    pid = int(localstack.pid_file(int(port)).read_text())
    try:
        st = cli("status", "--port", port, env=env)
        assert st.returncode == 0 and "started by this project" in st.stdout
        again = cli("start", "--port", port, env=env)
        assert again.returncode == 0 and "reusing it" in again.stdout
    finally:
        stopped = cli("stop", "--port", port, env=env)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert wait_gone(pid)
    assert not pid_alive(helper_pid(int(port))), "LocalStack's own child outlived the stop"
    gone = cli("status", "--port", port, env=env)
    assert gone.returncode == 3 and "Nothing answers" in gone.stdout


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL],
                         ids=["ctrl-c", "sigterm", "sigkill"])
def test_a_dying_owner_takes_its_localstack_along(state, fake_localstack, tmp_path, how):
    """Started through the Python API (as notebooks and tests do), LocalStack ends with its owner."""
    script = tmp_path / "owner.py"
    script.write_text(textwrap.dedent("""
        import sys, time
        from toyqueue import localstack
        ls = localstack.start(0)
        print(ls.pid, flush=True)
        time.sleep(600)
    """))
    # like a terminal would: SIGINT at its default (xdist workers ignore it, and children inherit that)
    owner = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE,
                             text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        pid = int(owner.stdout.readline())
        port = int(next(p.name for p in state.iterdir()))
        helper = helper_pid(port)
        assert group_alive(pid)
        owner.send_signal(how)
        owner.wait(timeout=30)
    finally:
        if owner.poll() is None:
            owner.kill()
    assert wait_gone(pid) if how != signal.SIGKILL else not pid_alive_soon(pid), \
        f"LocalStack (pid {pid}) outlived its owner after {how.name}"
    if how != signal.SIGKILL:
        # a clean exit stops the whole group; after SIGKILL only the kernel's parent-death
        # signal is left, which reaches the main process (the real runtime has no children)
        assert not pid_alive(helper)
    else:
        with contextlib.suppress(ProcessLookupError):
            os.kill(helper, signal.SIGKILL)   # the fake's own child: tidy up


def test_a_port_held_by_another_program_is_named_as_the_cause(state):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(localstack.PortBusy) as e:
            localstack.start(port, timeout=10)
        assert f"Port {port}" in str(e.value) and "not LocalStack" in str(e.value)
        assert "--port" in str(e.value)

        r = cli("start", "--port", str(port))
        assert r.returncode == 2
        assert "not LocalStack" in r.stderr and "Traceback" not in r.stderr
    assert not localstack.pid_file(port).exists()


def test_a_localstack_that_dies_at_start_shows_its_log(state, tmp_path):
    fake = tmp_path / "python"
    fake.write_text("#!/bin/sh\necho 'boom: no module named rolo (simulated)' >&2\nexit 3\n")
    fake.chmod(0o755)
    port = localstack.free_port()
    with pytest.raises(localstack.LocalStackDied) as e:
        localstack.start(port, python=str(fake), timeout=20)
    msg = str(e.value)
    assert "exited (code 3)" in msg and "no module named rolo (simulated)" in msg
    assert str(localstack.log_file(port)) in msg
    assert not localstack.pid_file(port).exists()


def test_a_missing_interpreter_is_explained(state):
    with pytest.raises(localstack.LocalStackError, match="Python 3.13"):
        localstack.start(localstack.free_port(), python="/nonexistent/python3.13", timeout=5)


def test_run_exports_the_url_and_stops_what_it_started(state, fake_localstack):
    port = str(localstack.free_port())
    r = cli("run", "--port", port, "--", sys.executable, "-c",
            "import os, urllib.request; u = os.environ['TOYQUEUE_LOCALSTACK_URL']; "
            "print('child sees', u); urllib.request.urlopen(u + '/_localstack/health'); "
            "raise SystemExit(7)")
    assert r.returncode == 7, r.stderr
    assert f"child sees http://127.0.0.1:{port}" in r.stdout
    assert "Stopping the LocalStack" in r.stdout
    assert not localstack.port_in_use(int(port))
    assert not localstack.pid_file(int(port)).exists()


def listening_addresses(pid):
    """The (address, port) of every TCP socket process `pid` listens on, read from /proc: what
    the kernel has, whatever the configuration says."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            link = os.readlink(fd)
            if link.startswith("socket:["):
                inodes.add(link[len("socket:["):-1])
    found = []
    for table, family in (("tcp", socket.AF_INET), ("tcp6", socket.AF_INET6)):
        for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state != "0A" or inode not in inodes:          # 0A: LISTEN
                continue
            hex_addr, hex_port = local.split(":")
            raw = bytes.fromhex(hex_addr)
            # /proc prints each 32-bit word in host byte order (little-endian here)
            raw = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
            found.append((socket.inet_ntop(family, raw), int(hex_port, 16)))
    return found


def other_addresses():
    """This machine's IPv4 addresses that are not loopback (there may be none)."""
    out = subprocess.run(["ip", "-o", "-4", "addr", "show"], capture_output=True, text=True).stdout
    return [f.split("/")[0] for line in out.splitlines() for f in line.split()[3:4]
            if not f.startswith("127.")]


def test_localstack_listens_on_loopback_only(state):
    """LocalStack's default gateway ignores the host in GATEWAY_LISTEN and takes 0.0.0.0;
    the launcher must make it bind 127.0.0.1, so nobody on the network reaches it."""
    port = localstack.free_port()
    ls = localstack.start(port)
    try:
        listening = listening_addresses(ls.pid)
        assert (localstack.HOST, port) in listening, listening
        assert all(ipaddress.ip_address(addr).is_loopback for addr, _ in listening), listening
        for addr in other_addresses():                   # and from outside it is closed
            with socket.socket() as s:
                s.settimeout(5)
                assert s.connect_ex((addr, port)) != 0, f"LocalStack answers on {addr}:{port}"
    finally:
        ls.stop()
