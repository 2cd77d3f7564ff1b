"""What a classroom hub needs from the course: each learner's account, copy and environment.

classroom/jupyterhub_config.py uses this for every learner it starts a server for. It lives here,
not in the config, so the tests and the grading tools compute the same account ids as the hub.

One LocalStack serves the whole class. LocalStack keeps a separate set of queues per AWS account
id, and takes the id from a 12-digit access key id, so each learner gets an account of their own,
derived from their hub user name: two learners' `orders` queues never meet, and a learner who
logs in again finds their queues where they left them. This keeps learners apart by accident,
not against intent: anyone may type another account id (real isolation is one LocalStack per
learner, which costs what benchmarks/bench_classroom_localstack.py measures).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# What a learner gets: the lessons, the exercises, and requirements.txt (lesson 00 checks the
# pins against it). Not solutions/: on a hub, the instructor decides when to hand those out.
COURSE_PARTS = ("notebooks", "exercises", "requirements.txt")
DEFAULT_ACCOUNT = "000000000000"   # LocalStack's shared default; never handed to a learner


START_PAGE = "notebooks/00_setup.ipynb"    # a Korean class: notebooks/ko/00_setup.ipynb


def start_page(path: str = "") -> str:
    """The URL path a learner's server opens on: a notebook of the learner's copy, so an
    instructor can open a Korean class on the Korean lesson 00. A typo would land every learner
    on a 404 the moment the class starts, so it is refused when the hub starts instead."""
    path = path or START_PAGE
    parts = Path(path).parts
    if (Path(path).is_absolute() or ".." in parts or not parts or parts[0] not in COURSE_PARTS[:2]
            or not path.endswith(".ipynb") or not (PROJECT_ROOT / path).is_file()):
        raise ValueError(f"the start page must be a notebook of the course, such as {START_PAGE} or "
                         f"notebooks/ko/00_setup.ipynb; got {path!r}")
    return f"/lab/tree/{Path(path).as_posix()}"


def account_id(user: str) -> str:
    """A 12-digit AWS account id for a hub user: stable, and never LocalStack's default.

    Derived from a hash, so the hub needs no table of who has which id; two of a class of 1,000
    share one with a chance of about 1 in 180 million (9 * 10**11 ids).
    """
    digest = int.from_bytes(hashlib.sha256(user.encode("utf-8")).digest()[:8], "big")
    return str(10**11 + digest % (9 * 10**11))


def copy_course(dest: Path, source: Path = PROJECT_ROOT) -> Path:
    """Give a learner their own copy of the course in `dest`, keeping whatever they changed.

    Run before every start of their server: files the course gained since (a new exercise) are
    added; files that exist are never overwritten, so work is not lost on a restart.
    """
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for part in COURSE_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part, dirs_exist_ok=True, copy_function=_copy_new,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        elif src.is_file():
            _copy_new(src, dest / part)
    return dest


def _copy_new(src, dst):
    if not Path(dst).exists():
        shutil.copy2(src, dst)
    return dst


def learner_environment(user: str, home: Path, localstack_url: str) -> dict[str, str]:
    """The variables a learner's server (and so their kernels) runs with.

    Everything Jupyter, IPython and matplotlib write goes under the learner's own folder, the only
    place a fenced learner server may write (toyqueue.confine).
    """
    home = Path(home)
    return {
        "TOYQUEUE_LOCALSTACK_URL": localstack_url,
        "TOYQUEUE_LOCALSTACK_ACCOUNT": account_id(user),
        "JUPYTER_PREFER_ENV_PATH": "1",   # the course venv's `python3` kernel, not a stray one
        "JUPYTER_CONFIG_DIR": str(home / ".jupyter"),
        "JUPYTER_DATA_DIR": str(home / ".local" / "share" / "jupyter"),
        "JUPYTER_RUNTIME_DIR": str(home / ".local" / "share" / "jupyter" / "runtime"),
        "IPYTHONDIR": str(home / ".ipython"),
        "MPLCONFIGDIR": str(home / ".matplotlib"),
        "TMPDIR": str(home / ".tmp"),
        "PYTHONDONTWRITEBYTECODE": "1",   # the course's toyqueue/ is not theirs to write to
        "MALLOC_ARENA_MAX": "2",          # address space, which the memory limit counts, not RAM
    }
