"""A JupyterLab of the test's own, and headless Chromium, for tests/browser/.

JupyterLab runs from the venv on a free loopback port with a random token, in a temporary
directory holding copies of the notebooks under test, with its own settings, workspaces and
runtime directories (nothing is written to ~/.jupyter or to the repository). Kernels get
the project on PYTHONPATH and the run's LocalStack URL, like tools/nbbuild.py gives them.

No Chromium at /usr/bin/chromium (or $TOYQUEUE_CHROMIUM): the tests skip, saying so, unless
TOYQUEUE_REQUIRE_BROWSER=1 (CI sets it), in which case they fail.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("TOYQUEUE_CHROMIUM", "/usr/bin/chromium")   # Debian's package
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def chromium_path():
    if not os.path.exists(CHROMIUM):
        reason = (f"no Chromium at {CHROMIUM}: `apt-get install -y chromium` to run the browser "
                  "tests (CI does, and sets TOYQUEUE_REQUIRE_BROWSER=1)")
        if os.environ.get("TOYQUEUE_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + "; TOYQUEUE_REQUIRE_BROWSER=1 makes this an error")
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def lab_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("lab")


@pytest.fixture(scope="session")
def jupyterlab(chromium_path, lab_dir, request):
    """(base URL, token) of a JupyterLab serving `lab_dir`."""
    port, token = _free_port(), secrets.token_hex(16)
    settings = lab_dir / ".settings"
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    # No "news" and "updates" toasts over the widgets (and no network calls for them).
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
     ).write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = {**os.environ,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "JUPYTERLAB_SETTINGS_DIR": str(settings),
           "JUPYTERLAB_WORKSPACES_DIR": str(lab_dir / ".workspaces"),
           "JUPYTER_RUNTIME_DIR": str(lab_dir / ".runtime"),
           "JUPYTER_CONFIG_DIR": str(lab_dir / ".config")}
    if any(p.suffix == ".ipynb" and not p.name.startswith("scratch_") for p in lab_dir.iterdir()):
        # Real lessons talk to LocalStack: make sure the run's one is up before kernels start.
        env["TOYQUEUE_LOCALSTACK_URL"] = request.getfixturevalue("localstack_url")
    log = open(lab_dir / "jupyterlab.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={lab_dir}", "--ServerApp.open_browser=False",
         "--LabApp.news_url=", "--ServerApp.port_retries=0", "--ServerApp.allow_root=True",
         "--LabApp.extension_manager=readonly", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        cwd=lab_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"JupyterLab did not start:\n{(lab_dir / 'jupyterlab.log').read_text()[-3000:]}")
            time.sleep(0.3)
    yield base, token
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()
