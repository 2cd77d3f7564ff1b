"""What a translator needs, cell by cell: which prose of a source is untranslated or stale.

    python tools/translate.py status                          # every source, translated or pending
    python tools/translate.py todo sources/lessons/03_standard_queue.py     # cells to (re)translate
    python tools/translate.py diff sources/lessons/03_standard_queue.py     # what changed in the English
    python tools/translate.py stub sources/lessons/03_standard_queue.py     # add Korean cells to fill in
    python tools/translate.py strings                         # toyqueue's messages, exercise hints (korean.py)

A translation cell follows the English markdown cell it translates, and carries the hash of that
English (tools/nbbuild.py explains the format; docs/translating.md the whole job). `diff` finds
the English a stale cell was translated from in git history by its hash, so it can show exactly
what changed. The checks here are the ones tests/notebooks/test_editions.py runs.
"""
from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nbbuild  # noqa: E402
from nbbuild import ROOT, Cell, english_hash, pending, read_cells, translations  # noqa: E402

LANGUAGE_NAMES = {"ko": "Korean"}
HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def rel(source: Path) -> str:
    source = Path(source).resolve()
    return str(source.relative_to(ROOT)) if source.is_relative_to(ROOT) else str(source)


def first_line(body: str) -> str:
    line = next((l.strip() for l in body.splitlines() if l.strip()), "")
    return line if len(line) <= 60 else line[:57] + "..."


# ------------------------------------------------------------------ what counts as prose

FENCE = re.compile(r"^```.*?^```[^\n]*$", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
URL = re.compile(r"\b(?:https?|ftp)://\S+")
HTML_TAG = re.compile(r"<[^>\n]+>")


def prose(markdown: str) -> str:
    """The words a reader reads: no code blocks, inline code, link targets, URLs or HTML tags."""
    for pattern in (FENCE, INLINE_CODE, LINK_TARGET, URL, HTML_TAG):
        markdown = pattern.sub(" ", markdown)
    return markdown


def hangul_share(markdown: str) -> float:
    """Share of the prose's letters that are Hangul (1.0 for all-Korean text, 0 for English)."""
    letters = [c for c in prose(markdown) if c.isalpha()]
    return sum(1 for c in letters if HANGUL.match(c)) / len(letters) if letters else 0.0


def has_prose(markdown: str) -> bool:
    """Two or more words of Latin letters: something a translator must translate."""
    return len(re.findall(r"[A-Za-z]{2,}", prose(markdown))) >= 2


# ------------------------------------------------------------------ the checks

def problems(source: Path, lang: str = "ko") -> list[str]:
    """Every way the `lang` prose of a source is misplaced, missing, stale or left in English,
    one line each, naming the cell and what to run or do. Pending sources are only checked for
    misplaced cells."""
    source = Path(source)
    cells = read_cells(source.read_text(encoding="utf-8"))
    name, out = rel(source), []
    for i, cell in enumerate(cells):
        if cell.lang != "en":
            before = cells[i - 1] if i else None
            if before is None or before.kind != "markdown" or before.lang != "en":
                out.append(f"{name}:{cell.line}: this {cell.lang} cell does not follow an English "
                           f"markdown cell: move it right after the English it translates")
    if pending(source, lang):
        return out
    language = LANGUAGE_NAMES.get(lang, lang)
    pairs = translations(cells, lang)
    if pairs and not any(t for _, t in pairs):
        return out + [f"{name}: has no {language} yet. Translate it (`python tools/translate.py stub "
                      f"{name}`, docs/translating.md), or until then put the line `# {lang}: pending` "
                      f"in its header (the comments before its first cell)"]
    for n, (en, t) in enumerate(pairs, 1):
        what = f'markdown cell {n} ("{first_line(en.body)}")'
        if t is None:
            out.append(f"{name}:{en.line}: {what} has no {language} cell after it. Add it with "
                       f"`python tools/translate.py stub {name}` and translate it (docs/translating.md)")
        elif t.en_hash != english_hash(en.body):
            out.append(f"{name}:{t.line}: the {language} of {what} is stale: its English changed "
                       f"(en={t.en_hash or '?'}, now en={english_hash(en.body)}). See what changed: "
                       f"`python tools/translate.py diff {name}:{en.line}`; update the {language}, then "
                       f"its marker to `# %% [markdown] {lang} en={english_hash(en.body)}`")
        elif t.body == en.body and has_prose(en.body):
            out.append(f"{name}:{t.line}: the {language} of {what} is still the English copy "
                       f"`stub` put there: translate it")
    return out


def todo(source: Path, lang: str = "ko") -> list[tuple[Cell, Cell | None, str]]:
    """(English cell, its translation or None, why) for each cell a translator must work on."""
    cells = read_cells(Path(source).read_text(encoding="utf-8"))
    work = []
    for en, t in translations(cells, lang):
        if t is None:
            work.append((en, t, "no translation yet"))
        elif t.en_hash != english_hash(en.body):
            work.append((en, t, f"stale: translated from en={t.en_hash or '?'}"))
        elif t.body == en.body and has_prose(en.body):
            work.append((en, t, "still the English copy"))
    return work


# ------------------------------------------------------------------ git history of the English

def old_english(source: Path, wanted: set[str], repo: Path = ROOT) -> dict[str, tuple[str, str]]:
    """hash -> (commit, English body) for English markdown cells of the source's past versions
    whose hash is in `wanted` (newest first; follows renames)."""
    found: dict[str, tuple[str, str]] = {}
    path = str(Path(source).resolve().relative_to(Path(repo).resolve()))
    log = subprocess.run(["git", "log", "--all", "--follow", "--format=@%h", "--name-only", "--", path],
                         cwd=repo, capture_output=True, text=True).stdout
    versions, commit = [], None
    for line in filter(None, (l.strip() for l in log.splitlines())):
        if line.startswith("@"):
            commit = line[1:]
        elif commit:
            versions.append((commit, line))
            commit = None
    for commit, path in versions:
        if wanted <= found.keys():
            break
        shown = subprocess.run(["git", "show", f"{commit}:{path}"], cwd=repo, capture_output=True,
                               text=True)
        if shown.returncode:
            continue
        for cell in read_cells(shown.stdout):
            if cell.kind == "markdown" and cell.lang == "en":
                h = english_hash(cell.body)
                if h in wanted and h not in found:
                    found[h] = (commit, cell.body)
    return found


def english_diff(source: Path, en: Cell, t: Cell, repo: Path = ROOT) -> str:
    """How the English of `en` changed since `t` translated it, as a unified diff."""
    past = old_english(source, {t.en_hash}, repo).get(t.en_hash)
    if past is None:
        return (f"(the English with en={t.en_hash or '?'} is not in this repository's history: "
                f"compare the {LANGUAGE_NAMES.get(t.lang, t.lang)} with the English below)\n")
    commit, old = past
    return "".join(difflib.unified_diff(
        (old + "\n").splitlines(keepends=True), (en.body + "\n").splitlines(keepends=True),
        fromfile=f"English translated (en={t.en_hash}, commit {commit})",
        tofile=f"English now (en={english_hash(en.body)})", n=2))


# ------------------------------------------------------------------ the commands

def _indent(text: str) -> str:
    return "".join(f"    | {line}\n" for line in text.splitlines())


def cmd_status(args) -> int:
    for source in nbbuild.all_sources():
        cells = read_cells(source.read_text(encoding="utf-8"))
        pairs = translations(cells, args.lang)
        left = len(todo(source, args.lang))
        state = "pending" if pending(source, args.lang) else "translated"
        print(f"{rel(source):<45} {state:<10} {len(pairs) - left:>3}/{len(pairs):<3} cells done")
    return 0


def cmd_todo(args) -> int:
    remaining = 0
    for source, only in _targets(args.sources):
        for en, t, why in todo(source, args.lang):
            if only and only not in (en.line, t.line if t else None):
                continue
            remaining += 1
            print(f"{rel(source)}:{en.line}: {why}")
            print(f"  translation cell: # %% [markdown] {args.lang} en={english_hash(en.body)}"
                  + (f"   (now at line {t.line})" if t else "   (goes right after the English)"))
            if t is not None and why.startswith("stale"):
                print("  what changed in the English:")
                print(_indent(english_diff(source, en, t)), end="")
            print("  English:")
            print(_indent(en.body))
    print(f"{remaining} cell(s) to translate" if remaining else "nothing to translate")
    return 0


def cmd_diff(args) -> int:
    for source, only in _targets(args.sources):
        for en, t, why in todo(source, args.lang):
            if t is None or not why.startswith("stale") or (only and only not in (en.line, t.line)):
                continue
            print(f"{rel(source)}:{en.line}: {first_line(en.body)}")
            print(english_diff(source, en, t))
    return 0


def cmd_stub(args) -> int:
    """Insert, after each English markdown cell that has no translation, a translation cell that
    holds a copy of the English for the translator to overwrite (tests fail while it is a copy)."""
    for source, _ in _targets(args.sources):
        lines = source.read_text(encoding="utf-8").splitlines()
        cells = read_cells("\n".join(lines))
        added = 0
        for en, t in reversed(translations(cells, args.lang)):
            if t is not None:
                continue
            copy = lines[en.line:en.end]
            lines[en.end:en.end] = ["", f"# %% [markdown] {args.lang} en={english_hash(en.body)}", *copy]
            added += 1
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{rel(source)}: {added} {args.lang} cell(s) added (each a copy of its English: translate them)")
    return 0


def cmd_strings(args) -> int:
    sys.path.insert(0, str(ROOT))
    from toyqueue import i18n

    found = i18n.problems(args.lang)
    print("\n".join(found) or f"every string toyqueue shows has its {args.lang} translation")
    return 1 if found else 0


def _targets(specs) -> list[tuple[Path, int | None]]:
    """SOURCE or SOURCE:LINE arguments."""
    out = []
    for spec in specs:
        path, _, line = spec.rpartition(":") if re.search(r":\d+$", spec) else (spec, "", "")
        out.append((Path(path).resolve(), int(line) if line else None))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", default="ko", choices=nbbuild.EDITIONS)
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="every source: translated or pending, cells done")
    sub.add_parser("strings", help="toyqueue's messages and the exercises' hints without a translation, or "
                                   "translated but unused")
    for name, helptext in (("todo", "cells to translate, with their English"),
                           ("diff", "what changed in the English of stale cells"),
                           ("stub", "add a translation cell (a copy of the English) where one is missing")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("sources", nargs="+", help="a source, or SOURCE:LINE for one cell")
    args = ap.parse_args(argv)
    commands = {"status": cmd_status, "todo": cmd_todo, "diff": cmd_diff, "stub": cmd_stub,
                "strings": cmd_strings}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
