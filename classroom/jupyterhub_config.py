"""JupyterHub for a workshop on one machine: `make hub` (docs/classroom.md says how to run it).

Every learner logs in, gets a JupyterLab server of their own (a process on this machine, started
from the course's .venv), in a folder of their own holding their own copy of the course
(toyqueue.classroom.copy_course), and an AWS account of their own on the class's one LocalStack
(toyqueue.classroom.account_id, handed to their kernels as $TOYQUEUE_LOCALSTACK_ACCOUNT). The toy
backend runs inside each learner's kernel, as it does on a laptop.

A learner's server runs fenced (toyqueue.confine): it and everything it starts may change files
only in the learner's own folder, cannot signal or trace anyone else's processes, and runs
without root's powers even if the hub runs as root. Reading is not fenced.

Everything listens on 127.0.0.1 only: the hub's public port (the proxy), the proxy's API, the
hub's API and every learner's server. To serve a room, put a TLS reverse proxy (nginx, Caddy) in
front of the public port. The settings come from the environment (`make hub` sets them):

    TOYQUEUE_HUB_PASSWORD   the class password, 8+ characters (required: anyone with it can log in,
                            under any name)
    TOYQUEUE_HUB_PORT       the port learners open (8000); TOYQUEUE_HUB_API_PORT (8081) and
                            TOYQUEUE_HUB_PROXY_API_PORT (8001) are the hub's internal ones
    TOYQUEUE_HUB_DIR        where the hub keeps its database and the learners' folders (.classroom/)
    TOYQUEUE_HUB_ADMINS     comma-separated user names who may manage the hub (the instructors),
                            logging in with TOYQUEUE_HUB_ADMIN_PASSWORD
    TOYQUEUE_HUB_MEMORY_MB  address-space limit for each process of a learner (4096)
    TOYQUEUE_HUB_START      the notebook learners land on (notebooks/00_setup.ipynb; a Korean
                            class: notebooks/ko/00_setup.ipynb; `make hub LAB_START=...` sets it)
    TOYQUEUE_LOCALSTACK_URL the class's LocalStack (set by `python -m toyqueue.localstack run`)
"""

import os
import sys
from pathlib import Path

from jupyterhub.spawner import SimpleLocalProcessSpawner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))   # toyqueue, when jupyterhub runs from another folder
from toyqueue import classroom, confine  # noqa: E402

c = get_config()  # noqa: F821 (JupyterHub defines it when it loads this file)

STATE = Path(os.environ.get("TOYQUEUE_HUB_DIR") or ROOT / ".classroom").resolve()
LEARNERS = STATE / "learners"
LOCALSTACK_URL = os.environ.get("TOYQUEUE_LOCALSTACK_URL", "http://127.0.0.1:4566")
MEMORY_MB = int(os.environ.get("TOYQUEUE_HUB_MEMORY_MB", "4096"))
PASSWORD = os.environ.get("TOYQUEUE_HUB_PASSWORD", "")
if not PASSWORD:
    sys.exit("error: set TOYQUEUE_HUB_PASSWORD (make hub HUB_PASSWORD=...): the class password "
             "learners type with any user name they choose.")
if not confine.landlock_abi():
    sys.exit("error: this kernel has no Landlock (Linux 5.13+), so learners' servers could change "
             "each other's files. Run the hub on a newer Linux, or on Kubernetes (docs/classroom.md).")
try:
    START = classroom.start_page(os.environ.get("TOYQUEUE_HUB_START", ""))
except ValueError as e:
    sys.exit(f"error: TOYQUEUE_HUB_START: {e}")
STATE.mkdir(parents=True, exist_ok=True)
LEARNERS.mkdir(exist_ok=True)


def _port(name, default):
    return int(os.environ.get(name) or default)


# ------------------------------------------------------------------ where everything listens
c.JupyterHub.bind_url = f"http://127.0.0.1:{_port('TOYQUEUE_HUB_PORT', 8000)}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{_port('TOYQUEUE_HUB_API_PORT', 8081)}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{_port('TOYQUEUE_HUB_PROXY_API_PORT', 8001)}"
# installed from the npm registry by `make hub-proxy` (classroom/package.json, pinned)
c.ConfigurableHTTPProxy.command = [str(ROOT / "classroom" / "node_modules" / ".bin"
                                       / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True   # stopping the hub stops the learners' servers

# ------------------------------------------------------------------ who may log in
# A shared class password and any user name: right for a workshop (anyone with the password can
# also log in under a name someone else uses). For a course with accounts, swap in an OAuth
# (GitHub, your LMS via LTI) or NativeAuthenticator; nothing else here changes.
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = PASSWORD
c.Authenticator.allow_all = True
c.Authenticator.admin_users = {u.strip() for u in os.environ.get("TOYQUEUE_HUB_ADMINS", "").split(",")
                               if u.strip()}
if os.environ.get("TOYQUEUE_HUB_ADMIN_PASSWORD"):   # admins log in with this one (32+ characters)
    c.SharedPasswordAuthenticator.admin_password = os.environ["TOYQUEUE_HUB_ADMIN_PASSWORD"]


# ------------------------------------------------------------------ each learner's server
class CourseSpawner(SimpleLocalProcessSpawner):
    """A JupyterLab process per learner, in their own folder, fenced in to that folder.

    SimpleLocalProcessSpawner runs every learner as the hub's own Unix user, which alone would
    let one learner's code change another's files; the fence (toyqueue.confine) is what keeps
    them apart without creating a Unix account for each learner.
    """

    def make_preexec_fn(self, name):
        home = self.home_dir
        fence = confine.preexec([home], memory_mb=MEMORY_MB, die_with_parent=False)

        def preexec():
            os.chdir(home)
            fence()

        return preexec

    def get_env(self):
        env = super().get_env()
        env.update(classroom.learner_environment(self.user.name, Path(self.home_dir),
                                                 LOCALSTACK_URL))
        return env


def _before_start(spawner):
    home = Path(spawner.home_dir)
    classroom.copy_course(home)
    (home / ".tmp").mkdir(exist_ok=True)


c.JupyterHub.spawner_class = CourseSpawner
c.SimpleLocalProcessSpawner.home_dir_template = str(LEARNERS / "{username}")
c.Spawner.pre_spawn_hook = _before_start
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = START
c.Spawner.args = ["--ServerApp.answer_yes=True", "--LabApp.news_url=",
                  "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
if os.geteuid() == 0:   # JupyterLab refuses root unless told; the fence has taken root's powers
    c.Spawner.args.append("--allow-root")
c.Spawner.start_timeout = 180   # a class logging in at once on a small machine
c.Spawner.http_timeout = 180
