"""Run every concurrency check many times and count its verdicts: one verdict each, or it is luck.

For each exercise whose checks run calls on threads, the check runs N times (default 50) on the
reference answer and on the same answer with every `with ...lock:` block unwrapped (a lock-free
queue, made by the mutation tool's transform). A check is deterministic when all N runs give the
same text, word for word: PASS for the reference, the same failure for the lock-free queue.

    .venv/bin/python tools/verdicts.py              # 50 runs each
    .venv/bin/python tools/verdicts.py -n 5 01 03   # quicker, some exercises

Exit status 1 if any check gave more than one verdict, or passed a lock-free queue.
`make verdicts` runs it.
"""
from __future__ import annotations

import argparse
import ast
import collections
import contextlib
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
import mutants  # noqa: E402

CHECKS = {  # exercise -> (class name, [check function names])
    "01_store_and_receive": ("MyQueue", ["store_and_receive.check_many_at_once"]),
    "02_receipt_handles": ("MyQueue", ["receipt_handles.check_many_at_once"]),
    "03_visibility_timeout": ("MyQueue", ["visibility_timeout.check_slow_consumers"]),
    "07_retention_and_delay": ("MyQueue", ["retention_and_delay.check_at_once"]),
    "08_batches": ("MyQueue", ["batches.check_batches_at_once"]),
    "09_dead_letter": ("MyQueue", ["dead_letter.check_at_once"]),
    "10_fifo": ("MyFifoQueue", ["fifo.check_fifo_threads"]),
}


class Unlock(ast.NodeTransformer):
    """Every `with <something>lock:` block replaced by its body."""

    def visit_With(self, node):
        self.generic_visit(node)
        if any(mutants._is_lock(item.context_expr) for item in node.items):
            return node.body
        return node


def classes(name: str, what: str, unlocked: bool):
    """The answer's class, or the same answer with no lock at all."""
    from toyqueue.grading.report import is_check_source
    ns = {"__name__": f"verdicts_{name}"}
    for code, _ in mutants.solution_cells(mutants.ROOT / "sources" / "exercises" / f"{name}.py"):
        if is_check_source(code):
            continue
        if unlocked:
            code = ast.unparse(ast.fix_missing_locations(Unlock().visit(ast.parse(code))))
        exec(compile(code, f"<{name}{' without locks' if unlocked else ''}>", "exec", dont_inherit=True), ns)
    return ns[what]


def verdict(check, cls) -> str:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            check(cls)
    except AssertionError as exc:
        return "FAIL " + str(exc)
    return out.getvalue()


def main(argv=None) -> int:
    import toyqueue.grading as grading  # noqa: F401
    import importlib
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("exercises", nargs="*")
    ap.add_argument("-n", "--runs", type=int, default=50)
    args = ap.parse_args(argv)
    bad = 0
    print(f"| check | queue | runs | verdicts | seconds per run |\n|---|---|---|---|---|")
    for name, (what, checks) in CHECKS.items():
        if args.exercises and name[:2] not in args.exercises:
            continue
        for dotted in checks:
            module, fn = dotted.split(".")
            check = getattr(importlib.import_module(f"toyqueue.grading.{module}"), fn)
            for label, unlocked in (("reference", False), ("no lock", True)):
                cls = classes(name, what, unlocked)
                t0 = time.monotonic()
                seen = collections.Counter(verdict(check, cls) for _ in range(args.runs))
                per_run = (time.monotonic() - t0) / args.runs
                first = next(iter(seen))
                kind = "PASS" if first.startswith("PASS") else "FAIL"
                ok = len(seen) == 1 and (kind == "PASS") == (not unlocked)
                bad += not ok
                print(f"| {dotted} | {label} | {args.runs} | {len(seen)} distinct: {kind}"
                      f"{'' if ok else ' <- NOT DETERMINISTIC OR NOT CAUGHT'} | {per_run:.2f} |", flush=True)
                if unlocked and kind == "FAIL":
                    print(f"|   | | | first line: {first.splitlines()[0][5:][:110]} | |")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
