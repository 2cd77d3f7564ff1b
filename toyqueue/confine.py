"""Fence in a process before it runs someone else's code: where it may write, what it may use.

Two places run code the course does not trust: each learner's server on a classroom hub, and each
submission being graded. Both start the process through `preexec(...)` (or the command line
below), which, in the child, before it runs anything:

- sets resource limits: address space (a memory hog gets MemoryError, not the machine's RAM),
  CPU seconds (an infinite loop ends even if nobody is watching), the largest file it may write
  (it cannot fill the disk), no core dumps;
- with Linux Landlock (kernel 5.13+, no privileges needed), lets it and every process it starts
  write, create, rename or delete only beneath the folders it was given (plus /dev/null and
  friends): a notebook that runs `shutil.rmtree("/")` gets PermissionError for every file that is
  not its own. Landlock also stops it from ptracing or (kernel 6.12+) signalling processes outside
  its fence, so two fenced learners cannot touch each other, nor the hub;
- as root, gives up every capability for good (the bounding set is emptied), so the child keeps
  root's user id, and with it read access to a Python installed under /root, but not root's
  powers: it cannot reboot the machine, kill others' processes, or load kernel modules.

Reading is not fenced (the Python installation, the course and the system must stay readable).

    python -m toyqueue.confine --write DIR [--memory-mb N] [--cpu-seconds N] -- command ...
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import signal
import sys
from pathlib import Path

PR_SET_NO_NEW_PRIVS = 38
PR_SET_PDEATHSIG = 1
PR_CAPBSET_DROP = 24
_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446   # same on x86-64 and arm64
_RULESET_VERSION = 1
_RULE_PATH_BENEATH = 1

# LANDLOCK_ACCESS_FS_*: everything that changes the file system (reading is left alone).
WRITE_FILE, REMOVE_DIR, REMOVE_FILE = 1 << 1, 1 << 4, 1 << 5
MAKE = sum(1 << b for b in range(6, 13))          # char, dir, reg, sock, fifo, block, sym
REFER, TRUNCATE = 1 << 13, 1 << 14                 # ABI 2, ABI 3
SCOPE_ABSTRACT_UNIX_SOCKET, SCOPE_SIGNAL = 1 << 0, 1 << 1   # ABI 6
DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/tty",
           "/dev/ptmx")
DEVICE_DIRS = ("/dev/pts", "/dev/shm")


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


try:
    _libc = ctypes.CDLL(None, use_errno=True)
except OSError:   # not a POSIX C library: no Landlock, only resource limits
    _libc = None


def landlock_abi() -> int:
    """The kernel's Landlock ABI version; 0 where there is none (other OS, old kernel, disabled)."""
    if _libc is None or not sys.platform.startswith("linux"):
        return 0
    abi = _libc.syscall(_SYS_CREATE_RULESET, None, ctypes.c_size_t(0),
                        ctypes.c_uint32(_RULESET_VERSION))
    return max(abi, 0)


def _fence(writable: list[str], abi: int) -> None:
    """In the child: from now on, only the given folders (and a few devices) can be changed."""
    handled = WRITE_FILE | REMOVE_DIR | REMOVE_FILE | MAKE
    handled |= REFER if abi >= 2 else 0
    handled |= TRUNCATE if abi >= 3 else 0
    file_rights = WRITE_FILE | (TRUNCATE if abi >= 3 else 0)
    attr = _RulesetAttr(handled, 0, (SCOPE_SIGNAL | SCOPE_ABSTRACT_UNIX_SOCKET) if abi >= 6 else 0)
    size = ctypes.sizeof(_RulesetAttr) if abi >= 6 else 8   # older kernels know only the first field
    ruleset = _libc.syscall(_SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size),
                            ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    try:
        rules = [(d, handled) for d in list(writable) + list(DEVICE_DIRS)]
        rules += [(f, file_rights) for f in DEVICES]
        for path, rights in rules:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue                                   # no /dev/tty here, say
            try:
                rule = _PathBeneathAttr(rights if os.path.isdir(path) else rights & file_rights, fd)
                if _libc.syscall(_SYS_ADD_RULE, ruleset, _RULE_PATH_BENEATH, ctypes.byref(rule),
                                 ctypes.c_uint32(0)) < 0:
                    raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
            finally:
                os.close(fd)
        if _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
        if _libc.syscall(_SYS_RESTRICT_SELF, ruleset, ctypes.c_uint32(0)) < 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)


def end_with_parent() -> None:
    """In a child, before it runs anything: the kernel sends it SIGKILL when its parent goes, so
    nothing the course starts outlives a killed run. Linux only; elsewhere it does nothing."""
    if _libc is not None and sys.platform.startswith("linux"):
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _limit(kind: int, value: int | None, grace: int = 0) -> None:
    if value is not None:
        resource.setrlimit(kind, (value, value + grace))


def preexec(writable: list[str | Path], *, memory_mb: int | None = None,
            cpu_seconds: int | None = None, file_mb: int | None = 256,
            die_with_parent: bool = True, require_fence: bool = True):
    """A `preexec_fn` for subprocess.Popen that confines the child as this module describes.

    `require_fence=False` lets the child run without Landlock where the kernel has none (only the
    limits then apply); by default a missing fence stops the child before it runs anything.
    """
    writable = [os.path.realpath(p) for p in writable]
    abi = landlock_abi()
    try:
        last_cap = int(Path("/proc/sys/kernel/cap_last_cap").read_text())
    except (OSError, ValueError):
        last_cap = -1
    if require_fence and abi == 0:
        raise OSError("this kernel has no Landlock (Linux 5.13+), so the process cannot be fenced")

    def confine_child():
        if die_with_parent:
            end_with_parent()
        _limit(resource.RLIMIT_AS, memory_mb and memory_mb * 2**20)
        _limit(resource.RLIMIT_CPU, cpu_seconds, grace=1)   # SIGXCPU (names the cause) first
        _limit(resource.RLIMIT_FSIZE, file_mb and file_mb * 2**20)
        _limit(resource.RLIMIT_CORE, 0)
        for cap in range(last_cap + 1):      # what a later exec may have: nothing
            _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)
        if abi:
            _fence(writable, abi)

    return confine_child


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--" not in argv:
        print("usage: python -m toyqueue.confine --write DIR [...] -- command ...", file=sys.stderr)
        return 2
    i = argv.index("--")
    p = argparse.ArgumentParser(prog="python -m toyqueue.confine")
    p.add_argument("--write", action="append", default=[], help="a folder it may change")
    p.add_argument("--memory-mb", type=int)
    p.add_argument("--cpu-seconds", type=int)
    a = p.parse_args(argv[:i])
    command = argv[i + 1:]
    preexec(a.write, memory_mb=a.memory_mb, cpu_seconds=a.cpu_seconds)()   # dies with its parent
    os.execvp(command[0], command)
    return 127


if __name__ == "__main__":
    sys.exit(main())
