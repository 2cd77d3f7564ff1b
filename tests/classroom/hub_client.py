"""Drive a running JupyterHub the way a learner's browser does: log in, start a server, run code.

Only the public ways in are used: the login form, the hub's REST API with the learner's own token,
and a kernel's websocket through the hub's proxy, so a test that passes here passes for a learner.
"""
from __future__ import annotations

import json
import time
import uuid

import requests
import websocket


def _session() -> requests.Session:
    s = requests.Session()
    s.trust_env = False   # never a proxy from the environment: everything is on loopback
    return s


class Learner:
    """One learner logged in to the hub at `base` (http://127.0.0.1:PORT)."""

    def __init__(self, base: str, name: str, password: str):
        self.base, self.name = base, name
        browser = _session()
        browser.get(f"{base}/hub/login").raise_for_status()
        r = browser.post(f"{base}/hub/login", allow_redirects=False, data={
            "username": name, "password": password,
            "_xsrf": browser.cookies.get("_xsrf", path="/hub/")})
        if r.status_code != 302:
            raise RuntimeError(f"login of {name} answered {r.status_code}")
        r = browser.post(f"{base}/hub/api/users/{name}/tokens", json={"note": "test"},
                         headers={"X-XSRFToken": browser.cookies.get("_xsrf", path="/hub/")})
        r.raise_for_status()
        self.token = r.json()["token"]
        self.api = _session()
        self.api.headers["Authorization"] = f"token {self.token}"

    def start_server(self) -> None:
        r = self.api.post(f"{self.base}/hub/api/users/{self.name}/server")
        if r.status_code not in (201, 202, 400):   # 400: already running
            r.raise_for_status()

    def wait_ready(self, timeout: float = 240) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            model = self.api.get(f"{self.base}/hub/api/users/{self.name}").json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                return server
            time.sleep(0.5)
        raise TimeoutError(f"{self.name}'s server was not ready within {timeout:.0f} s")

    def server_url(self, path: str) -> str:
        return f"{self.base}/user/{self.name}/{path.lstrip('/')}"

    def read_notebook(self, path: str) -> dict:
        r = self.api.get(self.server_url(f"api/contents/{path}"), params={"content": 1})
        r.raise_for_status()
        return r.json()["content"]

    def write_notebook(self, path: str, nb: dict) -> None:
        r = self.api.put(self.server_url(f"api/contents/{path}"),
                         json={"type": "notebook", "format": "json", "content": nb})
        r.raise_for_status()

    def kernel(self, notebook_path: str) -> "Kernel":
        """A kernel started the way JupyterLab starts one for a notebook (cwd: its folder)."""
        r = self.api.post(self.server_url("api/sessions"), json={
            "path": notebook_path, "type": "notebook", "name": notebook_path.rsplit("/", 1)[-1],
            "kernel": {"name": "python3"}})
        r.raise_for_status()
        return Kernel(self, r.json()["kernel"]["id"])


class Kernel:
    """The kernel's websocket, through the hub's proxy; `run(code)` -> (output text, error)."""

    def __init__(self, learner: Learner, kernel_id: str, timeout: float = 180):
        url = learner.server_url(f"api/kernels/{kernel_id}/channels").replace("http://", "ws://")
        self.ws = websocket.create_connection(url, timeout=timeout, header=[
            f"Authorization: token {learner.token}"])

    def run(self, code: str) -> tuple[str, tuple[str, str] | None]:
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": "test", "date": "",
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
        out, error = [], None
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                out.append(content["text"])
            elif kind in ("execute_result", "display_data"):
                out.append(content["data"].get("text/plain", ""))
            elif kind == "error":
                error = (content["ename"], content["evalue"])
            elif kind == "status" and content["execution_state"] == "idle":
                return "".join(out), error

    def run_notebook(self, nb: dict) -> list[tuple[dict, str, tuple[str, str] | None]]:
        """Every code cell in order, errors or not (as nbclient's allow_errors does)."""
        return [(cell, *self.run("".join(cell["source"])))
                for cell in nb["cells"] if cell["cell_type"] == "code"]

    def close(self) -> None:
        self.ws.close()
