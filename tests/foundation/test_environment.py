"""The pinned environment, the notebooks' kernel and the Makefile's Python finder."""

import importlib.metadata as md
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb")) \
    + sorted((ROOT / "exercises").glob("*.ipynb"))


def pins():
    out = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            m = re.fullmatch(r"([A-Za-z0-9_.-]+)(\[[a-z,]+\])?==(\S+)", line.strip())
            assert m, f"requirements.txt line is not an exact pin: {line!r}"
            out[m.group(1)] = m.group(3)
    return out


def test_requirements_pin_everything_that_is_installed():
    """make set the venv up from requirements.txt: the two must agree package for package."""
    pinned = {k.lower().replace("_", "-"): v for k, v in pins().items()}
    installed = {d.metadata["Name"].lower().replace("_", "-"): d.version for d in md.distributions()
                 if d.metadata["Name"].lower() not in ("pip",)}
    assert "localstack-core[runtime]==" in (ROOT / "requirements.txt").read_text()
    assert {k: pinned[k] for k in pinned if installed.get(k) != pinned[k]} == {}
    assert sorted(set(installed) - set(pinned)) == []


def test_python_is_3_13():
    assert sys.version_info[:2] == (3, 13)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebooks_name_the_python3_kernel(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.metadata["kernelspec"]["language"] == "python"


def test_the_python3_kernel_is_this_venvs_interpreter():
    spec = KernelSpecManager().get_kernel_spec("python3")
    assert Path(spec.argv[0]).resolve() == Path(sys.executable).resolve()
    installed = Path(sys.prefix) / "share" / "jupyter" / "kernels" / "python3" / "kernel.json"
    assert installed.exists(), "make setup installs the kernelspec into the venv"
    assert Path(json.loads(installed.read_text())["argv"][0]).resolve() == Path(sys.executable).resolve()


# ------------------------------------------------------------------ the Makefile's python finder

def shell_bin(tmp_path, extra=()):
    """A PATH with make and the few tools the finder uses, plus `extra` fake programs."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    for tool in ("make", "bash", "sh", "ls", "sort", "cat", "env", "id"):
        found = shutil.which(tool)
        if found:
            (bindir / tool).symlink_to(found)
    for name, body in extra:
        (bindir / name).write_text(body)
        (bindir / name).chmod(0o755)
    return bindir


def find_python(tmp_path, bindir, **env):
    base = {"PATH": str(bindir), "HOME": str(tmp_path / "home"),
            "PYENV_ROOT": str(tmp_path / "no-pyenv"), **env}
    if "LD_LIBRARY_PATH" in os.environ:  # some Python builds need it to start at all
        base["LD_LIBRARY_PATH"] = os.environ["LD_LIBRARY_PATH"]
    return subprocess.run(["make", "-s", "--no-print-directory", "-C", str(ROOT), "find-python",
                           "PYTHON_FALLBACKS="], env=base, capture_output=True, text=True,
                          timeout=60)


def test_no_python_3_13_gives_a_clear_message(tmp_path):
    # a python3.13 that fails to run, like pyenv's shim when 3.13 is not selected
    shim = "#!/bin/sh\necho 'pyenv: python3.13: command not found' >&2\nexit 127\n"
    r = find_python(tmp_path, shell_bin(tmp_path, [("python3.13", shim)]))
    assert r.returncode != 0
    assert "Python 3.13 was not found" in r.stderr
    assert "apt-get install python3.13" in r.stderr and "pyenv install 3.13" in r.stderr
    assert "Traceback" not in r.stderr


def test_finder_takes_a_working_pyenv_3_13(tmp_path):
    root = tmp_path / "pyenv"
    real = root / "versions" / "3.13.9" / "bin" / "python3.13"
    real.parent.mkdir(parents=True)
    real.symlink_to(sys.executable)
    r = find_python(tmp_path, shell_bin(tmp_path), PYENV_ROOT=str(root))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == str(real)


def test_finder_honours_PYTHON(tmp_path):
    r = find_python(tmp_path, shell_bin(tmp_path), PYTHON=sys.executable)
    assert r.returncode == 0 and r.stdout.strip() == sys.executable


def test_a_second_make_lab_says_one_is_running(tmp_path):
    """`make lab` looks for a JupyterLab of this course before starting anything."""
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    info = {"pid": os.getpid(), "url": "http://127.0.0.1:8888/", "root_dir": str(ROOT),
            "port": 8888, "token": "", "secure": False, "base_url": "/", "hostname": "127.0.0.1",
            "password": False, "sock": "", "version": "2"}
    (runtime / f"jpserver-{os.getpid()}.json").write_text(json.dumps(info))
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    r = subprocess.run(["make", "-s", "--no-print-directory", "-C", str(ROOT), "lab",
                        f"JUPYTER_RUNTIME_DIR={runtime}", "LOCALSTACK_PORT=1"],
                       env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    assert "already running at http://127.0.0.1:8888/lab" in r.stderr
    assert "LocalStack" not in r.stdout   # nothing was started


LOCAL_LINK = re.compile(r"\]\((?!https?:|mailto:|#)([^)\s#]+)")


def free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_lab_serves_every_file_the_lessons_link_to(tmp_path, localstack_url):
    """The lessons link to ../exercises/ and ../README.md: the JupyterLab that `make lab` opens
    must serve them (one rooted at notebooks/ answers 404), open on lesson 00 without a news
    prompt, and stop on Ctrl-C, leaving alone the LocalStack it did not start."""
    import signal
    import time
    import urllib.error
    import urllib.request

    runtime = tmp_path / "runtime"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    env.pop("TOYQUEUE_LOCALSTACK_URL", None)
    ls_port = localstack_url.rsplit(":", 1)[1].rstrip("/")
    proc = subprocess.Popen(["make", "-s", "--no-print-directory", "-C", str(ROOT), "lab",
                             f"JUPYTER_RUNTIME_DIR={runtime}", f"LOCALSTACK_PORT={ls_port}",
                             f"LAB_PORT={port}", "LAB_ARGS=--no-browser"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not list(runtime.glob("jpserver-*.json")):
            assert proc.poll() is None, proc.stdout.read()
            assert time.monotonic() < deadline, "JupyterLab did not start"
            time.sleep(0.3)
        time.sleep(0.5)
        info = json.loads(next(runtime.glob("jpserver-*.json")).read_text())
        base, token = f"http://127.0.0.1:{port}", info["token"]

        def status(path):
            try:
                with urllib.request.urlopen(f"{base}/api/contents/{path}?content=0&token={token}",
                                            timeout=30) as r:
                    return r.status
            except urllib.error.HTTPError as e:
                return e.code

        pages = sorted((ROOT / "notebooks").rglob("*.ipynb"))
        targets = {"notebooks/00_setup.ipynb", "notebooks/ko/00_setup.ipynb"}
        for page in pages:
            text = "\n".join(c.source for c in nbformat.read(page, as_version=4).cells
                             if c.cell_type == "markdown")
            for link in LOCAL_LINK.findall(text):
                target = (page.parent / link).resolve()
                if target.exists():   # a link to nowhere is tests/notebooks' business
                    targets.add(str(target.relative_to(ROOT)).rstrip("/") or ".")
        assert any(t.startswith("exercises/") for t in targets)
        unserved = sorted(t for t in targets if status(t) != 200)
        assert unserved == [], f"make lab's JupyterLab does not serve {unserved}"
        assert info["root_dir"].rstrip("/") == str(ROOT)
        opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,),
                                                  {"redirect_request": lambda *a, **k: None}))
        try:
            opener.open(f"{base}/?token={token}", timeout=30)
            location = None
        except urllib.error.HTTPError as e:
            location = e.headers["Location"]
        assert location and location.startswith("/lab/tree/notebooks/00_setup.ipynb"), location
        # No "get notified about official Jupyter news?" toast over the lessons (its default
        # "none" means "ask"), and no update checks.
        with urllib.request.urlopen(f"{base}/lab/api/settings/@jupyterlab/apputils-extension:"
                                    f"notification?token={token}", timeout=30) as r:
            props = json.load(r)["schema"]["properties"]
        assert (props["fetchNews"]["default"], props["checkForUpdates"]["default"]) == ("false", False)
    finally:
        os.killpg(proc.pid, signal.SIGINT)                 # Ctrl-C in the terminal
        try:
            out = proc.communicate(timeout=60)[0]
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise
    assert "already running" not in out
    from toyqueue import localstack

    assert localstack.sqs_ready(localstack_url, timeout=5), "make lab stopped a LocalStack it did not start"
