"""Mutation testing of the exercise checks: do the check cells catch a small mistake in an answer?

For each exercise, every solution block of its source (the code between `# BEGIN SOLUTION` and
`# END SOLUTION`, what a learner writes) is mutated one change at a time by a small AST mutator:
a comparison flipped (`<` to `<=`, `==` to `!=`, `in` to `not in`, ...), an integer constant off by
one, `and`/`or` swapped, `+`/`-` swapped, `not` dropped, `True`/`False` swapped, a statement
removed, a `with ...lock:` block unwrapped (its body kept, the lock gone), the first two
arguments of a call swapped, an element of a list or an entry of a dict literal removed, the
clock read as a whole second (`int(clock.now())`), a string's length taken in characters
instead of UTF-8 bytes (`.encode()` dropped). Each
mutant runs the exercise's cells in a child process; it is *killed* when a check cell fails (or
the notebook fails before the checks), *survives* when every check passes. A surviving mutant is
either caught by a new check or written down in EQUIVALENT with the reason it cannot be caught.

    .venv/bin/python tools/mutants.py                 # every exercise, 2 processes
    .venv/bin/python tools/mutants.py 03 08 -j 1      # some exercises
    .venv/bin/python tools/mutants.py --list 03       # print the mutants, do not run them

Exit status 1 if a mutant survives that EQUIVALENT does not explain. `make mutants` runs it.
"""
from __future__ import annotations

import argparse
import ast
import contextlib
import copy
import io
import json
import os
import select
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
import nbbuild  # noqa: E402

SOURCES = sorted((ROOT / "sources" / "exercises").glob("[0-9][0-9]_*.py"))
TIMEOUT = 60.0

# exercise -> {mutant key: why no check can tell it from the solution}. A key is
# "<line of the solution, stripped> | <what the mutation did>" (see Mutant.key).
EQUIVALENT: dict[str, dict[str, str]] = {
    "01_store_and_receive": {
        "MyQueue.send: with self._lock: | lock block unwrapped (no lock)":
            "the block is one deque.append, a single C call that CPython's GIL never splits, so no other call "
            "can see or break a half-done send: the lock there guards nothing (on a free-threaded Python it would)",
        "MyQueue.receive: count = min(max_messages, len(self._messages)) | first two arguments swapped":
            "min(a, b) == min(b, a)",
    },
    "03_visibility_timeout": {
        "MyQueue.change_visibility: with self._lock: | lock block unwrapped (no lock)":
            "at one instant, nothing another call does between the in-flight test and the single write "
            "`m.visible_at = ...` changes the outcome (a delete leaves the write on a forgotten record, a receive "
            "cannot take an in-flight message, two changes are ordered by their writes); the race needs time to "
            "pass between the test and the write, and the checks freeze the clock while calls overlap",
    },
    "04_idempotent_consumer": {
        "consume: r = svc.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=0) | 10 -> 9":
            "receiving up to 9 messages per call is as correct as up to 10: SQS itself may return fewer",
        "consume: r = svc.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=0) | 0 -> 1":
            "a 1 s long poll is a correct consumer too (lesson 10 recommends long polling); on the virtual "
            "clock it only lets a second pass when the queue is empty",
    },
    "05_scaling_policy": {
        "desired_instances: return max(min_size, min(max_size, need)) | first two arguments swapped":
            "max and min do not depend on the order of their arguments (this key stands for both swaps)",
    },
    "06_access_policy": {
        "queue_policy: return { | dict entry 'Version' removed":
            "without Version, AWS reads the policy as version 2008-10-17, which differs only in policy "
            "variables (${aws:username}); this policy uses none",
        **{f"queue_policy: {{\"Sid\": \"{sid}\", | dict entry 'Sid' removed":
           "a Sid is a label for people; no decision depends on it"
           for sid in ("PartnerMaySend", "UploadEvents", "NewOrdersTopic", "HttpsOnly")},
    },
    "07_retention_and_delay": {
        "MyQueue._hand_out: m.receive_count += 1 | 1 -> 2":
            "in exercise 07 only whether a message was ever received shows (counts() tells delayed from in "
            "flight); how many times is exercise 09's business, whose checks count deliveries",
    },
    "09_dead_letter": {
        "MyQueue._accept: sent_at=message.sent_at, visible_at=self.clock.now()) | "
        "time rounded down to a whole second (int(...now()))":
            "a moved message must be visible at once; visible from the start of the current second is "
            "visible at once too",
    },
}


@dataclass
class Mutant:
    exercise: str
    cell: int            # index among the solution's code cells
    line: int            # line in that cell
    text: str            # the line, stripped
    what: str            # the mutation, in words
    code: str            # the whole mutated cell
    function: str = ""   # the function (Class.method) the line is in

    @property
    def key(self) -> str:
        return f"{self.function}: {self.text} | {self.what}"


# -- finding the solution blocks -----------------------------------------------------------------
def solution_cells(source: Path) -> list[tuple[str, set[int]]]:
    """The solution version of each code cell, with the line numbers (1-based) that came from a
    solution block."""
    out = []
    for cell in nbbuild.read_cells(source.read_text(encoding="utf-8")):
        if cell.kind != "code" or cell.lang != "en" or "[exercise]" in cell.tags:
            continue
        lines, inside, keep = [], False, set()
        for line in cell.body.splitlines():
            if nbbuild.BEGIN.match(line):
                inside = True
                continue
            if nbbuild.END.match(line):
                inside = False
                continue
            if nbbuild.EXERCISE_LINE.match(line) and inside:
                continue
            lines.append(line)
            if inside:
                keep.add(len(lines))
        out.append(("\n".join(lines), keep))
    return out


# -- the mutator ---------------------------------------------------------------------------------
FLIP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
        ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
SYMBOL = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
          ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}


def _sites(tree: ast.AST, keep: set[int]):
    """(path to a node, the node) for every node on a solution line, in a stable order."""
    def walk(node, path):
        for name, value in ast.iter_fields(node):
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, ast.AST):
                        yield from visit(item, path + [(name, i)])
            elif isinstance(value, ast.AST):
                yield from visit(value, path + [(name, None)])

    def visit(node, path):
        if getattr(node, "lineno", None) in keep:
            yield path, node
        yield from walk(node, path)
    yield from walk(tree, [])


def _get(tree, path):
    node = tree
    for name, i in path:
        node = getattr(node, name) if i is None else getattr(node, name)[i]
    return node


def _set(tree, path, new):
    parent = _get(tree, path[:-1])
    name, i = path[-1]
    if i is None:
        setattr(parent, name, new)
    else:
        getattr(parent, name)[i] = new


def _remove(tree, path):
    parent = _get(tree, path[:-1])
    name, i = path[-1]
    getattr(parent, name).pop(i)


def _is_lock(expr) -> bool:
    return isinstance(expr, ast.Attribute) and "lock" in expr.attr.lower()


def changes(node, path):
    """The mutations of one node: (description, function(tree) -> None) pairs."""
    out = []
    if isinstance(node, ast.Compare):
        for k, op in enumerate(node.ops):
            if type(op) in FLIP:
                def flip(tree, k=k):
                    n = _get(tree, path)
                    n.ops[k] = FLIP[type(n.ops[k])]()
                nth = f" (comparison {k + 1})" if len(node.ops) > 1 else ""
                out.append((f"{SYMBOL[type(op)]} -> {SYMBOL[FLIP[type(op)]]}{nth}", flip))
    elif isinstance(node, ast.Constant) and type(node.value) is int:
        for d in (1, -1):
            def off(tree, d=d):
                _get(tree, path).value += d
            out.append((f"{node.value} -> {node.value + d}", off))
    elif isinstance(node, ast.Constant) and type(node.value) is bool:
        def neg(tree):
            n = _get(tree, path)
            n.value = not n.value
        out.append((f"{node.value} -> {not node.value}", neg))
    elif isinstance(node, ast.BoolOp):
        def swap(tree):
            n = _get(tree, path)
            n.op = ast.Or() if isinstance(n.op, ast.And) else ast.And()
        out.append(("and <-> or", swap))
    elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        def arith(tree):
            n = _get(tree, path)
            n.op = ast.Sub() if isinstance(n.op, ast.Add) else ast.Add()
        out.append(("+ <-> -", arith))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        out.append(("not dropped", lambda tree: _set(tree, path, _get(tree, path).operand)))
    elif isinstance(node, ast.Call) and len(node.args) >= 2 and not any(isinstance(a, ast.Starred) for a in node.args[:2]):
        def args(tree):
            n = _get(tree, path)
            n.args[0], n.args[1] = n.args[1], n.args[0]
        out.append(("first two arguments swapped", args))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "now":
        def whole(tree):
            _set(tree, path, ast.Call(ast.Name("int", ast.Load()), [_get(tree, path)], []))
        out.append(("time rounded down to a whole second (int(...now()))", whole))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "encode":
        out.append(("characters instead of bytes (.encode() dropped)",
                    lambda tree: _set(tree, path, _get(tree, path).func.value)))
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)) and len(node.elts) >= 1 and path[-1][0] != "targets":
        for k in range(len(node.elts)):
            out.append((f"element {k + 1} of the {type(node).__name__.lower()} removed",
                        lambda tree, k=k: _get(tree, path).elts.pop(k)))
    if isinstance(node, ast.Dict):
        for k, key in enumerate(node.keys):
            if key is not None:
                label = key.value if isinstance(key, ast.Constant) else f"entry {k + 1}"

                def drop(tree, k=k):
                    n = _get(tree, path)
                    n.keys.pop(k)
                    n.values.pop(k)
                out.append((f"dict entry {label!r} removed", drop))
    if isinstance(node, ast.stmt) and not isinstance(node, (ast.FunctionDef, ast.ClassDef)) \
            and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
        def gone(tree):
            _set(tree, path, ast.Pass())
        out.append(("statement removed", gone))
        if isinstance(node, ast.With) and any(_is_lock(item.context_expr) for item in node.items):
            def unlock(tree):
                n = _get(tree, path)
                parent = _get(tree, path[:-1])
                name, i = path[-1]
                getattr(parent, name)[i:i + 1] = n.body
            out.append(("lock block unwrapped (no lock)", unlock))
    return out


def _function(tree, path) -> str:
    """The Class.method (or function) a node sits in."""
    names, node = [], tree
    for name, i in path:
        node = getattr(node, name) if i is None else getattr(node, name)[i]
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.append(node.name)
    return ".".join(names)


def mutants(source: Path) -> list[Mutant]:
    found = []
    for index, (code, keep) in enumerate(solution_cells(source)):
        if not keep:
            continue
        tree = ast.parse(code)
        lines = code.splitlines()
        for path, node in _sites(tree, keep):
            for what, apply in changes(node, path):
                new = copy.deepcopy(tree)
                try:
                    apply(new)
                    ast.fix_missing_locations(new)
                    text = ast.unparse(new)
                    compile(text, "<mutant>", "exec", dont_inherit=True)
                except (SyntaxError, ValueError, TypeError, IndexError):
                    continue
                found.append(Mutant(source.stem, index, node.lineno, lines[node.lineno - 1].strip(), what, text,
                                    _function(tree, path)))
    seen, unique = set(), []
    for m in found:                      # the same text reached twice (e.g. `not` dropped twice ways)
        if (m.cell, m.code) not in seen:
            seen.add((m.cell, m.code))
            unique.append(m)
    return unique


# -- running ---------------------------------------------------------------------------------------
def run_cells(name: str, replace: dict[int, str] | None = None) -> tuple[bool, str]:
    """Run the solution's cells (with `replace`d code cells); (all checks passed, first failure)."""
    from toyqueue.grading.report import is_check_source
    source = ROOT / "sources" / "exercises" / f"{name}.py"
    nb = nbbuild.targets(source)[f"solutions/{name}.ipynb"]
    ns = {"__name__": f"mutant_{name}"}
    k = -1
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        k += 1
        code = (replace or {}).get(k, cell.source)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(code, f"<{name} cell {k}>", "exec", dont_inherit=True), ns)
        except BaseException as exc:  # noqa: BLE001 - a failing cell is the verdict
            where = "check" if is_check_source(cell.source) else "cell before the checks"
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return False, f"{where}: {first[:160]}"
    return True, ""


def _child(m: Mutant, w: int) -> None:
    from toyqueue.grading import common, interleave
    common.STUCK_SECONDS = 10
    interleave.STUCK_SECONDS = 5.0
    # the solution notebook's code cells are counted without [exercise] cells, like solution_cells
    ok, why = run_cells(m.exercise, {m.cell: m.code})
    os.write(w, json.dumps({"survived": ok, "why": why}).encode())
    os._exit(0)


def run_all(ms: list[Mutant], jobs: int) -> list[tuple[Mutant, dict]]:
    pending, running, done = list(ms), {}, []
    while pending or running:
        while pending and len(running) < jobs:
            m = pending.pop(0)
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(r)
                try:
                    _child(m, w)
                finally:
                    os._exit(1)
            os.close(w)
            running[r] = (pid, m, time.monotonic(), b"")
        ready, _, _ = select.select(list(running), [], [], 0.5)
        for r in ready:
            pid, m, t0, buf = running[r]
            chunk = os.read(r, 65536)
            if chunk:
                running[r] = (pid, m, t0, buf + chunk)
                continue
            os.close(r)
            os.waitpid(pid, 0)
            del running[r]
            try:
                done.append((m, json.loads(buf)))
            except ValueError:
                done.append((m, {"survived": False, "why": "the run crashed"}))
        for r, (pid, m, t0, buf) in list(running.items()):
            if time.monotonic() - t0 > TIMEOUT:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                os.close(r)
                del running[r]
                done.append((m, {"survived": False, "why": f"no answer within {TIMEOUT:.0f} s"}))
    return done


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("exercises", nargs="*", help="exercise numbers (default: all)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--list", action="store_true", help="list the mutants without running them")
    ap.add_argument("--json", type=Path, help="also write every verdict to this file")
    args = ap.parse_args(argv)
    chosen = [s for s in SOURCES if not args.exercises or s.stem[:2] in args.exercises]
    unexplained, rows, results = 0, [], []
    for source in chosen:
        name = source.stem
        ok, why = run_cells(name)
        if not ok:
            print(f"{name}: the solution itself fails ({why}); fix that first", file=sys.stderr)
            return 2
        ms = mutants(source)
        if args.list:
            for m in ms:
                print(f"{name}  cell {m.cell} line {m.line:3}  {m.key}")
            continue
        t0 = time.monotonic()
        verdicts = run_all(ms, args.jobs)
        equivalent = EQUIVALENT.get(name, {})
        killed = [m for m, v in verdicts if not v["survived"]]
        survived = [m for m, v in verdicts if v["survived"]]
        explained = [m for m in survived if m.key in equivalent]
        open_ = [m for m in survived if m.key not in equivalent]
        unexplained += len(open_)
        score = len(killed) / max(1, len(ms) - len(explained))
        rows.append((name, len(ms), len(killed), len(explained), len(open_), score, time.monotonic() - t0))
        print(f"{name}: {len(ms)} mutants, {len(killed)} killed, {len(explained)} equivalent, "
              f"{len(open_)} surviving; score {score:.0%} ({time.monotonic() - t0:.0f} s)", flush=True)
        for m in explained:
            print(f"    equivalent: {m.key}\n        why: {equivalent[m.key]}")
        for m in open_:
            print(f"    SURVIVED:   {m.key}   (cell {m.cell}, line {m.line})")
        results += [{"exercise": name, "key": m.key, **v} for m, v in verdicts]
    if args.list:
        return 0
    print("\n| exercise | mutants | killed | equivalent | surviving | score |")
    print("|---|---|---|---|---|---|")
    for name, n, k, e, s, score, _ in rows:
        print(f"| {name} | {n} | {k} | {e} | {s} | {score:.0%} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False))
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
