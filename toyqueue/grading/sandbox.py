"""Grade a whole class without trusting a line of it: `python -m toyqueue.grading report DIR`.

    python -m toyqueue.grading report submissions/            # submissions/<learner>/NN_name.ipynb
    python -m toyqueue.grading report submissions/ -j 2 --out grades/ --memory-mb 2048

Every learner's folder is copied to a scratch folder of its own and graded by a worker process
of its own, several at a time. The worker runs the learner's exercise notebooks exactly as
`report.grade` does (the same check cells the learner ran, read the same way: no second grading
path), but the kernel that runs the learner's code is fenced in by toyqueue.confine:

- it may change files only in the learner's scratch copy (a notebook that deletes files gets
  PermissionError for everyone else's);
- it has an address-space limit (a memory hog gets MemoryError), a CPU-time limit, a file-size
  limit, and no root powers;
- a cell that runs too long is stopped (`--timeout`), and a learner whose notebooks together run
  too long is killed with everything it started (`--learner-timeout`).

What went wrong is named in the verdict: "time limit", "memory limit", "crashed" (the kernel
died: os._exit, a segfault, the CPU limit), "exited" (sys.exit), "blocked file changes", or the
first failed check. Nothing a learner's code does can stall or change another learner's grading.

Written to --out (default DIR-graded/ beside DIR): gradebook.csv (one row per learner, one column
per exercise: checks passed/checks, and the reason when there is one; a last column says when the
learner's myqueue.py started from the course's reference), junit.xml (a testsuite per learner, a
testcase per exercise) and summary.txt (the table printed at the end, and the same note).
"""
from __future__ import annotations

import argparse
import concurrent.futures
import csv
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

from toyqueue import confine
from toyqueue.grading import report

# Exception names in a problem text -> the reason a learner reads, most telling first.
REASONS = [("CellTimeoutError", "time limit"), ("TimeoutError", "time limit"),
           ("MemoryError", "memory limit"), ("DeadKernelError", "crashed"),
           ("SystemExit", "exited"), ("PermissionError", "blocked file changes")]


@dataclass
class Verdict:
    learner: str
    exercise: str
    passed: int = 0
    checks: int = 0
    reason: str = ""               # empty, or one of REASONS' reasons / "learner time limit" ...
    problems: list[str] = field(default_factory=list)
    based_on: str = ""             # report.Result.based_on: myqueue.py started from the course's reference

    @property
    def ok(self) -> bool:
        return self.checks > 0 and self.passed == self.checks and not self.problems

    @property
    def cell(self) -> str:
        """The gradebook entry: "2/2", "0/2 time limit", "1/2"."""
        return f"{self.passed}/{self.checks}" + (f" {self.reason}" if self.reason else "")

    @property
    def short(self) -> str:
        if self.ok:
            return "PASS"
        return {"time limit": "TIME", "learner time limit": "TIME", "memory limit": "MEMORY",
                "crashed": "CRASH", "exited": "EXIT", "blocked file changes": "BLOCKED",
                "grader failed": "ERROR"}.get(self.reason, "FAIL")


def reason_of(problems: list[str]) -> str:
    text = "\n".join(problems)
    for name, reason in REASONS:
        if re.search(rf"\b{name}\b", text):
            return reason
    return ""


# --------------------------------------------------------------------------- the worker

def _kernel_spec(home: Path, scratch: Path, memory_mb: int, cpu_seconds: int) -> Path:
    """A `python3` kernelspec whose kernel starts fenced in to `scratch` (found first through
    JUPYTER_PATH, so report.grade, which asks for `python3`, gets this one)."""
    spec = home / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "toyqueue.confine", "--write", str(scratch),
            "--memory-mb", str(memory_mb), "--cpu-seconds", str(cpu_seconds), "--",
            sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps(
        {"argv": argv, "display_name": "Python 3 (graded)", "language": "python"}))
    return home


def _worker(scratch: Path, result_file: Path, timeout: int, memory_mb: int, cpu_seconds: int,
            names: list[str]):
    """Grade the notebooks `names` of one learner's scratch copy; verdicts as JSON to `result_file`."""
    private = Path(tempfile.mkdtemp(prefix="grader-"))   # not the learner's: they cannot write it
    os.environ.update({
        "JUPYTER_PATH": str(_kernel_spec(private, scratch, memory_mb, cpu_seconds)),
        "JUPYTER_RUNTIME_DIR": str(private / "runtime"), "JUPYTER_DATA_DIR": str(private / "data"),
        "JUPYTER_CONFIG_DIR": str(private / "config"), "JUPYTER_PLATFORM_DIRS": "1",
        # what the kernel writes on its own goes to the learner's scratch copy
        "HOME": str(scratch), "TMPDIR": str(scratch / ".tmp"), "IPYTHONDIR": str(scratch / ".ipython"),
        "MPLCONFIGDIR": str(scratch / ".matplotlib"), "PYTHONDONTWRITEBYTECODE": "1",
        # glibc reserves 64 MB of address space per thread's arena; the memory limit is on
        # address space, so without this a check that starts threads would hit it
        "MALLOC_ARENA_MAX": "2",
    })
    (scratch / ".tmp").mkdir(exist_ok=True)
    learner = scratch.name
    verdicts = []
    for name in names:
        path = scratch / name
        r = report.grade(path, learner, timeout)
        verdicts.append(Verdict(learner, path.stem, r.passed, r.checks, reason_of(r.problems),
                                r.problems, r.based_on))
        _kill_leftovers(scratch)
    result_file.write_text(json.dumps([asdict(v) for v in verdicts]))
    shutil.rmtree(private, ignore_errors=True)


def _kill_leftovers(scratch: Path) -> None:
    """Processes a learner's code started and left running (their cwd is in its folder)."""
    for p in psutil.process_iter(["cwd"]):
        cwd = p.info.get("cwd") or ""
        if cwd == str(scratch) or cwd.startswith(str(scratch) + os.sep):
            if p.pid != os.getpid():
                try:
                    p.kill()
                except psutil.Error:
                    pass


# --------------------------------------------------------------------------- the class

@dataclass
class Limits:
    timeout: int = 120            # seconds one cell may run
    learner_timeout: int = 600    # seconds all of one learner's notebooks may run
    memory_mb: int = 2048         # address space of the learner's kernel
    cpu_seconds: int = 300        # CPU time of the learner's kernel


def _scratch_copy(learner: str, notebooks: list[Path], root: Path) -> Path:
    """The learner's folder, copied (links as links, nothing followed out of it)."""
    dest = root / learner
    source = notebooks[0].parent
    if source.name == learner and all(nb.parent == source for nb in notebooks):
        shutil.copytree(source, dest, symlinks=True,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    else:   # loose notebooks at the top of DIR: only those files
        dest.mkdir()
        for nb in notebooks:
            shutil.copy2(nb, dest / nb.name)
    return dest


def grade_learner(learner: str, notebooks: list[Path], root: Path, limits: Limits) -> list[Verdict]:
    scratch = _scratch_copy(learner, notebooks, root)
    result = root / f".{learner}.verdicts.json"
    log = root / f".{learner}.log"
    cmd = [sys.executable, "-m", "toyqueue.grading.sandbox", "_worker", str(scratch), str(result),
           str(limits.timeout), str(limits.memory_mb), str(limits.cpu_seconds),
           *[nb.name for nb in notebooks]]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, preexec_fn=_worker_limits(limits))
        try:
            proc.wait(timeout=limits.learner_timeout)
            reason = "" if proc.returncode == 0 else "grader failed"
        except subprocess.TimeoutExpired:
            reason = "learner time limit"
        finally:
            _kill_group(proc)
            _kill_leftovers(scratch)
    if not reason and result.exists():
        return [Verdict(**v) for v in json.loads(result.read_text())]
    why = (f"ran over {limits.learner_timeout} s in all" if reason == "learner time limit"
           else f"the grading process exited with {proc.returncode}: "
                + _last_line(log.read_text(errors="replace")))
    begun = report.reference_used(scratch)
    return [Verdict(learner, nb.stem, 0, 0, reason, [why], begun) for nb in notebooks]


def _worker_limits(limits: Limits):
    """The worker is our code, not fenced; a cap on its memory still keeps a kernel that floods
    it with output from taking the machine (the kernel's own, lower cap is set by confine)."""
    cap = (limits.memory_mb + 4096) * 2**20

    def preexec():
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    return preexec


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)   # the worker and its kernels (they die with it)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(no output)"


def grade_class(folder: Path, jobs: int = 2, limits: Limits | None = None) -> list[Verdict]:
    limits = limits or Limits()
    if not confine.landlock_abi():
        raise OSError("grading untrusted notebooks needs Linux Landlock (kernel 5.13+) to fence "
                      "them in; this kernel has none")
    by_learner: dict[str, list[Path]] = {}
    for learner, nb in report.submissions(folder):
        by_learner.setdefault(learner, []).append(nb)
    root = Path(tempfile.mkdtemp(prefix="toyqueue-grading-"))
    try:
        with concurrent.futures.ThreadPoolExecutor(max(1, jobs)) as pool:
            futures = [pool.submit(grade_learner, learner, nbs, root, limits)
                       for learner, nbs in by_learner.items()]
            return [v for f in futures for v in f.result()]
    finally:
        shutil.rmtree(root, ignore_errors=True)


# --------------------------------------------------------------------------- what it writes

def exercises_of(verdicts: list[Verdict]) -> list[str]:
    return sorted({v.exercise for v in verdicts})


def based_on(verdicts: list[Verdict]) -> dict[str, str]:
    """Learner -> how their myqueue.py began, for those who started from the course's reference
    (mycode.use_reference): their checks grade the course's code as much as their own."""
    return {v.learner: v.based_on for v in verdicts if v.based_on}


def write_gradebook(verdicts: list[Verdict], path: Path) -> None:
    exercises = exercises_of(verdicts)
    table = {(v.learner, v.exercise): v for v in verdicts}
    notes = based_on(verdicts)
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["learner", *exercises, "exercises passed", "myqueue.py"])
        for learner in sorted({v.learner for v in verdicts}):
            mine = [table.get((learner, e)) for e in exercises]
            w.writerow([learner, *[v.cell if v else "" for v in mine],
                        sum(1 for v in mine if v and v.ok), notes.get(learner, "")])


def write_junit(verdicts: list[Verdict], path: Path, seconds: float) -> None:
    suites = ET.Element("testsuites", name="toyqueue grading", time=f"{seconds:.1f}")
    for learner in sorted({v.learner for v in verdicts}):
        mine = [v for v in verdicts if v.learner == learner]
        suite = ET.SubElement(suites, "testsuite", name=learner, tests=str(len(mine)),
                              failures=str(sum(not v.ok and not v.reason for v in mine)),
                              errors=str(sum(bool(v.reason) for v in mine)))
        for v in mine:
            case = ET.SubElement(suite, "testcase", classname=learner, name=v.exercise)
            if not v.ok:
                kind = "error" if v.reason else "failure"
                message = (f"{v.reason}: " if v.reason else "") + (v.problems[0] if v.problems
                                                                   else "no check ran")
                ET.SubElement(case, kind, message=message, type=v.reason or "check failed").text = \
                    "\n".join(v.problems)
    ET.indent(suites)
    ET.ElementTree(suites).write(path, encoding="utf-8", xml_declaration=True)


def summary(verdicts: list[Verdict], seconds: float) -> str:
    exercises = exercises_of(verdicts)
    learners = sorted({v.learner for v in verdicts})
    table = {(v.learner, v.exercise): v for v in verdicts}
    width = max([len("learner")] + [len(n) for n in learners])
    heads = [e.split("_")[0] for e in exercises]
    lines = ["  ".join([f"{'learner':<{width}}", *[f"{h:>7}" for h in heads]])]
    for learner in learners:
        cells = [table[(learner, e)].short if (learner, e) in table else "-" for e in exercises]
        lines.append("  ".join([f"{learner:<{width}}", *[f"{c:>7}" for c in cells]]))
    counts: dict[str, int] = {}
    for v in verdicts:
        counts[v.short] = counts.get(v.short, 0) + 1
    notes = based_on(verdicts)
    if notes:
        lines.append("")
        lines += [f"{learner}: myqueue.py {note}" for learner, note in sorted(notes.items())]
    lines.append("")
    lines.append(f"{len(verdicts)} notebooks of {len(learners)} learners graded in {seconds:.0f} s: "
                 + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m toyqueue.grading report",
                                 description="Grade a class's exercise notebooks, each learner "
                                             "fenced in (see toyqueue/grading/sandbox.py).")
    ap.add_argument("folder", type=Path, help="DIR/<learner>/NN_name.ipynb")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                    help="learners graded at once (default: one per core)")
    ap.add_argument("--timeout", type=int, default=Limits.timeout, help="seconds a cell may run")
    ap.add_argument("--learner-timeout", type=int, default=Limits.learner_timeout,
                    help="seconds all of one learner's notebooks may run")
    ap.add_argument("--memory-mb", type=int, default=Limits.memory_mb,
                    help="address space of a learner's kernel")
    ap.add_argument("--cpu-seconds", type=int, default=Limits.cpu_seconds,
                    help="CPU time of a learner's kernel")
    ap.add_argument("--out", type=Path, help="where the gradebook, JUnit XML and summary go "
                                             "(default: DIR-graded/ beside DIR)")
    ap.add_argument("--csv", type=Path, help="also write the gradebook to this file")
    a = ap.parse_args(argv)
    if not a.folder.is_dir() or not report.submissions(a.folder):
        print(f"no notebooks under {a.folder}", file=sys.stderr)
        return 2
    out = a.out or a.folder.resolve().parent / f"{a.folder.resolve().name}-graded"
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.monotonic()
    verdicts = grade_class(a.folder.resolve(), a.jobs, Limits(a.timeout, a.learner_timeout,
                                                              a.memory_mb, a.cpu_seconds))
    seconds = time.monotonic() - t0
    write_gradebook(verdicts, out / "gradebook.csv")
    if a.csv:
        shutil.copyfile(out / "gradebook.csv", a.csv)
    write_junit(verdicts, out / "junit.xml", seconds)
    text = summary(verdicts, seconds)
    (out / "summary.txt").write_text(text + "\n")
    print(text)
    print(f"\nWritten: {out / 'gradebook.csv'}, {out / 'junit.xml'}, {out / 'summary.txt'}")
    return 0 if all(v.ok for v in verdicts) else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["_worker"]:
        s, r, t, m, c, *names = sys.argv[2:]
        _worker(Path(s), Path(r), int(t), int(m), int(c), names)
    else:
        sys.exit(main())
