"""Start, stop and inspect LocalStack (the SQS emulator) without Docker.

The course runs LocalStack in *host mode*: the `localstack-core` package from PyPI runs as a plain
Python process next to the notebooks. This module is the one place that knows how, so that
`make lab`, the test suite and the notebooks all get the same emulator set up the same way:

- it listens on 127.0.0.1 only (never on the network; see `LOOPBACK_MAIN` for how);
- its state, caches and log live under `.localstack/<port>/` in the project, never under /var or $HOME;
- queue URLs are path style (`http://127.0.0.1:4566/queue/us-east-1/000000000000/orders`), with
  the host the learner actually talks to (no `localhost.localstack.cloud`, which needs DNS);
- it runs in its own process group, so stopping it leaves no orphan behind.

From a shell::

    python -m toyqueue.localstack start [--port 4566]   # starts it (or reuses one that answers)
    python -m toyqueue.localstack status [--port 4566]
    python -m toyqueue.localstack stop [--port 4566]
    python -m toyqueue.localstack run [--port 4566] -- jupyter lab   # up while the command runs

From Python::

    from toyqueue import localstack
    ls = localstack.start(port=0)          # 0 = any free port
    ls.url                                 # 'http://127.0.0.1:41234'
    ls.stop()                              # only stops it if this call started it
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from toyqueue import confine

HOST = "127.0.0.1"
DEFAULT_PORT = 4566
# SQS is what the course teaches; KMS and STS are there for the security lesson's experiments.
# LocalStack loads services lazily, so listing them costs nothing until one is called.
DEFAULT_SERVICES = "sqs,kms,sts"
START_TIMEOUT = 90.0
STOP_TIMEOUT = 15.0
READY_STATES = ("available", "running")
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class LocalStackError(RuntimeError):
    """Anything that keeps LocalStack from running; the message says what to do about it."""


class PortBusy(LocalStackError):
    """The port is held by a program that is not LocalStack."""


class LocalStackDied(LocalStackError):
    """The LocalStack process exited before it became ready (the message has its log's tail)."""


class StartTimeout(LocalStackError):
    """LocalStack kept running but never reported SQS ready."""


# --------------------------------------------------------------------------- where things live

def state_dir(port: int) -> Path:
    """One folder per port, so a `make lab` on 4566 and a test run on a free port never collide."""
    base = os.environ.get("TOYQUEUE_STATE_DIR")
    root = Path(base) if base else PROJECT_ROOT / ".localstack"
    return root / str(port)


def pid_file(port: int) -> Path:
    return state_dir(port) / "localstack.pid"


def log_file(port: int) -> Path:
    return state_dir(port) / "localstack.log"


def url_for(port: int) -> str:
    return f"http://{HOST}:{port}"


# --------------------------------------------------------------------------- probing

# $HTTP_PROXY must not carry a probe of a local emulator off to a proxy: no ProxyHandler.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def health(port: int | str = DEFAULT_PORT, timeout: float = 1.0) -> dict | None:
    """LocalStack's health document, or None when nothing that looks like LocalStack answers.

    `port` may also be a base URL (a LocalStack in Docker at http://localhost:4566, say).
    """
    base = port.rstrip("/") if isinstance(port, str) else url_for(port)
    try:
        with _DIRECT.open(f"{base}/_localstack/health", timeout=timeout) as r:
            doc = json.loads(r.read().decode("utf-8"))
    except (OSError, ValueError, urllib.error.URLError):
        return None
    if isinstance(doc, dict) and isinstance(doc.get("services"), dict):
        return doc
    return None


def sqs_ready(port: int | str = DEFAULT_PORT, timeout: float = 1.0) -> bool:
    """True when a LocalStack with SQS ready answers on 127.0.0.1:port (ours or anyone's)."""
    doc = health(port, timeout)
    return bool(doc) and doc["services"].get("sqs") in READY_STATES


def port_in_use(port: int) -> bool:
    """Can we bind 127.0.0.1:port? SO_REUSEADDR so that sockets in TIME_WAIT don't count."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError:
            return True
    return False


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _read_pid(port: int) -> int | None:
    try:
        return int(pid_file(port).read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _is_localstack_process(pid: int) -> bool:
    """Guards against pid reuse: a pid file is only trusted if that pid still runs LocalStack."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True  # no /proc (macOS): trust a live pid
    return b"localstack.runtime.main" in cmdline   # `-m ...` or our LOOPBACK_MAIN, which runs it


def _our_pid(port: int) -> int | None:
    """The pid of a LocalStack we started on this port earlier, if it still runs; cleans stale files."""
    pid = _read_pid(port)
    if pid is None:
        return None
    if _is_localstack_process(pid):
        return pid
    with contextlib.suppress(OSError):
        pid_file(port).unlink()
    return None


def _log_tail(port: int, lines: int = 25) -> str:
    try:
        text = log_file(port).read_text(errors="replace").splitlines()
    except OSError:
        return "(no log written)"
    return "\n".join("    " + line for line in text[-lines:])


def _who_listens(port: int) -> str:
    """Best effort: name the process holding the port (Linux `ss`), to make the error actionable."""
    try:
        out = subprocess.run(["ss", "-Hltnp", f"sport = :{port}"], capture_output=True,
                             text=True, timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    return out


# --------------------------------------------------------------------------- status

def status(port: int = DEFAULT_PORT) -> dict:
    """What is on the port: {'url', 'answering', 'sqs', 'version', 'pid', 'ours', 'log'}."""
    doc = health(port)
    pid = _our_pid(port)
    return {
        "url": url_for(port),
        "answering": doc is not None,
        "sqs": (doc or {}).get("services", {}).get("sqs"),
        "version": (doc or {}).get("version"),
        "pid": pid,
        "ours": pid is not None,
        "log": str(log_file(port)),
    }


# --------------------------------------------------------------------------- start / stop

class LocalStack:
    """A LocalStack we can reach; `stop()` only stops it if we started it (`started` is True)."""

    def __init__(self, port: int, pid: int | None, started: bool, process=None):
        self.port = port
        self.url = url_for(port)
        self.pid = pid
        self.started = started
        self.ephemeral = False     # started on a port picked for us: state removed on stop
        self._process = process

    def stop(self) -> None:
        if self.started:
            _stop_pid(self.port, self.pid, self._process)
            self.started = False
            with contextlib.suppress(ValueError):
                _MANAGED.remove(self)
            if self.ephemeral:  # a random port's state and log help nobody later
                shutil.rmtree(state_dir(self.port), ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def __repr__(self):
        how = f"started, pid {self.pid}" if self.started else "reused"
        return f"<LocalStack {self.url} ({how})>"


_MANAGED: list[LocalStack] = []   # started through the API without detach: stopped at exit
_LOCK = threading.Lock()


def _environment(port: int, services: str) -> dict:
    d = state_dir(port)
    env = dict(os.environ)
    env.update({
        "OVERRIDE_IN_DOCKER": "0",          # host mode: no Docker
        "GATEWAY_LISTEN": f"{HOST}:{port}",  # loopback only
        "SERVICES": services,
        "EAGER_SERVICE_LOADING": "1",        # SQS ready before we say "ready"
        "SQS_ENDPOINT_STRATEGY": "path",     # http://127.0.0.1:4566/queue/us-east-1/000000000000/orders
        "LOCALSTACK_HOST": f"{HOST}:{port}",  # in queue URLs; localhost.localstack.cloud needs DNS
        "SQS_ENABLE_MESSAGE_RETENTION_PERIOD": "1",  # enforce retention like SQS does
        "DNS_ADDRESS": "0",                  # no DNS server (it would want port 53)
        "FILESYSTEM_ROOT": str(d / "fs"),
        "CONFIG_DIR": str(d / "config"),     # not ~/.localstack
        "XDG_CACHE_HOME": str(d / "cache"),  # plux caches entry points here, not ~/.cache
        "DISABLE_EVENTS": "1",               # no analytics calls home
        "SKIP_SSL_CERT_DOWNLOAD": "1",       # no network fetch at start
        "LOCALSTACK_CLI": "0",
    })
    # Never let a learner's real AWS settings leak into the emulator.
    for key in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SQS"):
        env.pop(key, None)
    env["AWS_ACCESS_KEY_ID"] = env["AWS_SECRET_ACCESS_KEY"] = "test"
    return env


# LocalStack's default gateway server (twisted) ignores the host in GATEWAY_LISTEN: it listens on
# 0.0.0.0, so anyone on the network would get an unauthenticated SQS, KMS and STS (2026.3.0's
# localstack/runtime/server/twisted.py passes only the port: "TODO: interface = host?"). This is
# how LocalStack is started instead: the same entry point, with twisted's IPv4 endpoint made to
# bind the loopback address when no interface is given. (GATEWAY_SERVER=hypercorn binds the host
# too, but LocalStack then closes the connection after every answer: 60% slower for boto3.)
# tests/foundation/test_localstack.py checks the listening socket itself, so a LocalStack that
# stops honouring this fails the tests rather than quietly listening on the network again.
LOOPBACK_MAIN = f"""\
import runpy
from twisted.internet import endpoints

class LoopbackTCP4ServerEndpoint(endpoints.TCP4ServerEndpoint):
    def __init__(self, reactor, port, backlog=50, interface=""):
        super().__init__(reactor, port, backlog, interface or {HOST!r})

endpoints.TCP4ServerEndpoint = LoopbackTCP4ServerEndpoint
runpy.run_module("localstack.runtime.main", run_name="__main__", alter_sys=True)
"""


def start(port: int = DEFAULT_PORT, *, services: str | None = None,
          timeout: float = START_TIMEOUT, detach: bool = False,
          python: str | None = None) -> LocalStack:
    """Make sure LocalStack answers on 127.0.0.1:port and return a handle to it.

    Reuses whatever LocalStack already answers there (a Docker one, say, or one from an earlier
    `start`). `port=0` picks a free port. `python` (default $TOYQUEUE_LOCALSTACK_PYTHON, else this
    interpreter) is the Python that has localstack-core installed. Unless `detach=True`, a
    LocalStack started here is stopped when this Python process exits (also on Ctrl-C, SIGTERM,
    or even SIGKILL of this process) or when `.stop()` is called.
    """
    services = services or os.environ.get("TOYQUEUE_LOCALSTACK_SERVICES") or DEFAULT_SERVICES
    with _LOCK:
        ephemeral = port == 0
        if ephemeral:
            port = free_port()
        python = python or os.environ.get("TOYQUEUE_LOCALSTACK_PYTHON") or sys.executable
        handle = _start_locked(port, services, timeout, detach, python)
        handle.ephemeral = ephemeral and handle.started
        return handle


def _start_locked(port, services, timeout, detach, python) -> LocalStack:
    doc = health(port)
    if doc is not None:
        if doc["services"].get("sqs") in READY_STATES:
            return LocalStack(port, _our_pid(port), started=False)
        return _wait_for_existing(port, timeout, doc)

    pid = _our_pid(port)
    if pid is not None:
        # Our own LocalStack from an earlier run that does not answer (yet, or any more).
        try:
            return _wait_ready(port, pid, None, min(timeout, 15.0), started=False)
        except LocalStackError:
            raise LocalStackError(
                f"A LocalStack started earlier (pid {pid}) still runs but does not answer on "
                f"{url_for(port)}. Stop it with `python -m toyqueue.localstack stop --port {port}` "
                f"(or `kill {pid}`) and try again.\nIts log ({log_file(port)}) ends with:\n"
                f"{_log_tail(port)}") from None

    if port_in_use(port):
        who = _who_listens(port)
        raise PortBusy(
            f"Port {port} on {HOST} is taken by a program that is not LocalStack, so LocalStack "
            f"cannot start there.\n"
            + (f"  It is: {who}\n" if who else "")
            + f"Stop that program, or use another port (`--port N`, or `make lab "
            f"LOCALSTACK_PORT=N`).")

    d = state_dir(port)
    for sub in ("fs", "config", "cache"):
        (d / sub).mkdir(parents=True, exist_ok=True)
    log = open(log_file(port), "wb")
    in_main_thread = threading.current_thread() is threading.main_thread()
    try:
        proc = subprocess.Popen(
            [python, "-c", LOOPBACK_MAIN],
            cwd=str(d), env=_environment(port, services),
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,      # own process group: Ctrl-C in the terminal doesn't hit it
            # It dies with us, so a killed test run leaves no LocalStack behind. SIGKILL, not
            # SIGTERM: LocalStack 2026.3 that gets SIGTERM while still starting crashes in its
            # shutdown hook and then runs on forever. Its state is in memory only, so nothing is
            # lost, and in host mode it is a single process (threads, no children).
            preexec_fn=None if detach or not in_main_thread else confine.end_with_parent,
        )
    except FileNotFoundError:
        raise LocalStackError(f"Cannot run {python!r}: is the project's .venv (Python 3.13) set "
                              f"up? Run `make lab` or `make test`.") from None
    finally:
        log.close()
    pid_file(port).write_text(f"{proc.pid}\n")
    handle = _wait_ready(port, proc.pid, proc, timeout, started=True)
    if not detach:
        _MANAGED.append(handle)
        _install_exit_handlers()
    return handle


def _wait_for_existing(port, timeout, doc) -> LocalStack:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sqs_ready(port):
            return LocalStack(port, _our_pid(port), started=False)
        time.sleep(0.2)
    raise StartTimeout(
        f"A LocalStack answers on {url_for(port)} but its SQS is "
        f"{doc['services'].get('sqs', 'missing')!r}, not available. Start it with SQS enabled "
        f"(SERVICES=sqs), or stop it and let the course start its own.")


def _wait_ready(port, pid, proc, timeout, started) -> LocalStack:
    deadline = time.monotonic() + timeout
    while True:
        if sqs_ready(port, timeout=2.0):
            return LocalStack(port, pid, started=started, process=proc)
        dead = (proc.poll() is not None) if proc is not None else not _is_localstack_process(pid)
        if dead:
            code = proc.returncode if proc is not None else "?"
            with contextlib.suppress(OSError):
                pid_file(port).unlink()
            if proc is not None:
                _kill_group(pid, signal.SIGKILL)
            raise LocalStackDied(
                f"LocalStack exited (code {code}) before it was ready on {url_for(port)}.\n"
                f"The end of its log ({log_file(port)}):\n{_log_tail(port)}")
        if time.monotonic() > deadline:
            if started:
                _stop_pid(port, pid, proc)
            raise StartTimeout(
                f"LocalStack did not report SQS ready on {url_for(port)} within {timeout:.0f} s.\n"
                f"The end of its log ({log_file(port)}):\n{_log_tail(port)}")
        time.sleep(0.1)


def _kill_group(pid: int, sig) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)  # start_new_session made the pid its group id


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stop_pid(port: int, pid: int | None, proc=None, timeout: float = STOP_TIMEOUT) -> bool:
    if pid is None:
        return False
    _kill_group(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None:
            proc.poll()  # reap our child so it doesn't linger as a zombie
        if not _group_alive(pid):
            break
        time.sleep(0.1)
    # Still alive after the timeout, or children the runtime forked keep the group alive:
    # make sure none survive.
    if _group_alive(pid):
        _kill_group(pid, signal.SIGKILL)
        if proc is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=5)
    if _read_pid(port) == pid:
        with contextlib.suppress(OSError):
            pid_file(port).unlink()
    return True


def stop(port: int = DEFAULT_PORT) -> bool:
    """Stop the LocalStack this project started on `port`. False when there was none of ours.

    A LocalStack we did not start (Docker, another tool) is left alone.
    """
    for h in list(_MANAGED):
        if h.port == port:
            h.stop()
            return True
    pid = _our_pid(port)
    if pid is None:
        return False
    return _stop_pid(port, pid)


# --------------------------------------------------------------------------- exit handling

_HANDLERS_INSTALLED = False


def _stop_managed() -> None:
    for h in list(_MANAGED):
        with contextlib.suppress(Exception):
            h.stop()


def _install_exit_handlers() -> None:
    """atexit covers normal exit and Ctrl-C (KeyboardInterrupt); SIGTERM/SIGHUP need a handler."""
    global _HANDLERS_INSTALLED
    if _HANDLERS_INSTALLED:
        return
    _HANDLERS_INSTALLED = True
    atexit.register(_stop_managed)
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) in (signal.SIG_DFL, None):
            signal.signal(sig, _exit_on_signal)


def _exit_on_signal(signum, frame):
    _stop_managed()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


# --------------------------------------------------------------------------- command line

def _run(port: int, command: list[str]) -> int:
    """Run a command with LocalStack up and TOYQUEUE_LOCALSTACK_URL set; stop what we started."""
    if not command:
        raise LocalStackError("`run` needs a command after `--`, e.g. `-- jupyter lab`.")
    ls = start(port, detach=True)
    if ls.started:
        print(_started_line(ls), flush=True)
    else:
        print(f"LocalStack already answering on {ls.url}" + (f" (pid {ls.pid})" if ls.pid else "")
              + "; reusing it. It keeps running afterwards: stop it with "
              f"`python -m toyqueue.localstack stop --port {port}`", flush=True)
    env = dict(os.environ, TOYQUEUE_LOCALSTACK_URL=ls.url)
    child = None
    forwarded = {}

    def forward(signum, frame):
        if child is not None and child.poll() is None:
            child.send_signal(signum)

    try:
        # Ctrl-C reaches the child directly (same terminal process group); we just wait for it.
        forwarded[signal.SIGINT] = signal.signal(signal.SIGINT, signal.SIG_IGN)
        for sig in (signal.SIGTERM, signal.SIGHUP):
            forwarded[sig] = signal.signal(sig, forward)
        try:
            child = subprocess.Popen(command, env=env, preexec_fn=_default_signals)
        except FileNotFoundError:
            raise LocalStackError(f"Command not found: {command[0]}") from None
        return child.wait()
    finally:
        if child is not None and child.poll() is None:
            child.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=10)
        if ls.started:
            print(f"Stopping the LocalStack on {ls.url} (pid {ls.pid})", flush=True)
            ls.stop()
        for sig, old in forwarded.items():
            signal.signal(sig, old)


def _started_line(ls: LocalStack) -> str:
    return f"LocalStack started on {ls.url} (pid {ls.pid}, log {log_file(ls.port)})"


def _default_signals():
    """In the child of `run`: undo our SIG_IGN for SIGINT, so Ctrl-C reaches the command."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m toyqueue.localstack",
                                description="Run LocalStack (SQS) for the course, without Docker.")
    p.add_argument("action", choices=["start", "stop", "status", "run"])
    p.add_argument("--port", type=int, default=int(os.environ.get("LOCALSTACK_PORT", DEFAULT_PORT)))
    p.add_argument("--timeout", type=float, default=START_TIMEOUT)
    argv = list(sys.argv[1:] if argv is None else argv)
    command = []
    if "--" in argv:  # `run ... -- jupyter lab --port 8888`: the command keeps its own options
        i = argv.index("--")
        argv, command = argv[:i], argv[i + 1:]
    a = p.parse_args(argv)
    try:
        if a.action == "start":
            ls = start(a.port, timeout=a.timeout, detach=True)
            if ls.started:
                print(_started_line(ls))
            else:
                print(f"LocalStack already answering on {ls.url}; reusing it"
                      + (f" (pid {ls.pid})" if ls.pid else " (not started by this project)"))
            return 0
        if a.action == "stop":
            if stop(a.port):
                print(f"LocalStack on {url_for(a.port)} stopped")
            elif health(a.port) is not None:
                print(f"The LocalStack on {url_for(a.port)} was not started by this project "
                      f"(no pid file in {state_dir(a.port)}); leaving it alone")
            else:
                print(f"No LocalStack of ours on {url_for(a.port)}")
            return 0
        if a.action == "status":
            s = status(a.port)
            if s["answering"]:
                who = f"pid {s['pid']}, started by this project" if s["ours"] else "not ours"
                print(f"LocalStack {s['version']} answering on {s['url']} ({who}); sqs: {s['sqs']}")
                return 0
            if s["ours"]:
                print(f"LocalStack pid {s['pid']} runs but does not answer on {s['url']}; "
                      f"see {s['log']}")
                return 1
            print(f"Nothing answers on {s['url']}"
                  + (" (the port is taken by another program)" if port_in_use(a.port) else ""))
            return 3
        return _run(a.port, command)
    except LocalStackError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
