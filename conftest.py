"""Test-session plumbing shared by tests/, notebooks/ (nbval) and solutions/ (nbval).

One LocalStack per test run. If $TOYQUEUE_LOCALSTACK_URL already answers, the run uses it;
otherwise a LocalStack is started on a free port (never 4566, so a `make lab` in another
terminal is left alone) and its URL is exported as $TOYQUEUE_LOCALSTACK_URL *before* any
notebook kernel starts, because kernels inherit this process's environment. It is stopped when
the run ends (and, through toyqueue.localstack, even if the run is killed).

When is it started?
- under pytest-xdist: by the controller, before the workers are spawned (they inherit the URL);
- otherwise: right after collection, if any collected item is a notebook cell or asks for the
  `localstack_url` fixture, so `pytest tests/unit` alone never waits for LocalStack.
"""

import os
from pathlib import Path

import pytest

from toyqueue import localstack

ROOT = Path(__file__).resolve().parent
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"

_started = None   # the LocalStack handle this process started, if any


def _answering(url):
    return localstack.sqs_ready(url, timeout=2.0)


def ensure_localstack():
    """The URL of a LocalStack with SQS ready, starting one for this run if needed."""
    global _started
    url = os.environ.get("TOYQUEUE_LOCALSTACK_URL", "")
    if url and (_started is not None or _answering(url)):
        return url
    _started = localstack.start(port=0)
    os.environ["TOYQUEUE_LOCALSTACK_URL"] = _started.url
    return _started.url


def _is_xdist_controller(config):
    return getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput")


def pytest_configure(config):
    # The sanitizer lives next to the tests; resolve it here so pytest works from any directory.
    if hasattr(config.option, "nbval_sanitize_with") and not config.option.nbval_sanitize_with:
        config.option.nbval_sanitize_with = str(SANITIZE)
    if _is_xdist_controller(config) and not config.option.collectonly:
        ensure_localstack()


def pytest_collection_finish(session):
    if session.config.option.collectonly:
        return
    needs = any(str(item.fspath).endswith(".ipynb") or "localstack_url" in item.fixturenames
                for item in session.items)
    if needs:
        ensure_localstack()


def pytest_unconfigure(config):
    global _started
    if _started is not None:
        _started.stop()
        _started = None


_passed = 0


def pytest_runtest_logreport(report):
    global _passed
    if report.when == "call" and report.passed:
        _passed += 1


def pytest_sessionfinish(session, exitstatus):
    """A run where nothing passed (all skipped, or nothing collected) is not a green run."""
    if hasattr(session.config, "workerinput") or session.config.option.collectonly:
        return
    if exitstatus == pytest.ExitCode.OK and _passed == 0:
        session.exitstatus = pytest.ExitCode.NO_TESTS_COLLECTED


def pytest_report_header(config):
    url = os.environ.get("TOYQUEUE_LOCALSTACK_URL")
    return f"LocalStack: {url or 'started on demand'}"


@pytest.fixture(scope="session")
def localstack_url():
    """URL of the run's LocalStack (SQS ready), e.g. 'http://127.0.0.1:41234'."""
    return ensure_localstack()
