"""The course language: which language toyqueue speaks to the learner in.

Why a setting the notebook makes, and never the machine's locale: the English and the Korean
edition share every code cell, and checked output must be the same on every machine. So the
language is English until a notebook says otherwise; the Korean edition's notebooks say so in a
cell tools/nbbuild.py puts before their first code cell (`toyqueue.set_language("ko")`).

    from toyqueue.i18n import tr
    tr("visible (waiting)")                  # "visible (waiting)", or its Korean after set_language("ko")
    tr("{n:,} messages", n=1200)             # a str.format template, filled in after translation

The English text is its own key (as in gettext), so the code reads as English, and a string a
catalogue lacks still shows, in English. tests/unit/test_i18n.py keeps every catalogue complete
and its templates' fields equal to the English ones. A string that is defined in one place and
translated in another is marked with `mark("...")` where it is written.

Each edition's notebooks live beside the English ones: notebooks/ko/, exercises/ko/, solutions/ko/.
`notebook()` finds a notebook in the course language's edition (the English one while it has
no translation yet), so a lesson that opens another notebook works in every edition.

An exercise's code is shared by its editions, except what the learner's copy says in place of
the answer: the hint of `raise NotImplementedError("<hint>")` that tools/nbbuild.py writes from a
`# BEGIN SOLUTION <hint>` marker, and a comment written as `# EXERCISE: # <comment>`. Those are
prose a learner reads in their code, so each edition writes them in its language: `hint()` looks
them up in the same catalogue, keyed by the English (`hint_strings()` lists them).
"""
from __future__ import annotations

import ast
import importlib
import re
import string
from pathlib import Path

LANGUAGES = ("en", "ko")
CATALOGUES = {"ko": "toyqueue.korean"}     # language -> module with MESSAGES = {English: translation}
ROOT = Path(__file__).resolve().parent.parent
EDITION_KINDS = ("notebooks", "exercises", "solutions")

_language = "en"


def set_language(code: str) -> None:
    """Speak `code` ("en" or "ko") from now on, in this process."""
    global _language
    if code not in LANGUAGES:
        raise ValueError(f"unknown course language {code!r}: choose one of {', '.join(LANGUAGES)}")
    _language = code
    if code != "en":
        from toyqueue import fonts

        fonts.use_in_matplotlib()


def language() -> str:
    return _language


def catalogue(code: str) -> dict[str, str]:
    module = CATALOGUES.get(code)
    return importlib.import_module(module).MESSAGES if module else {}


def tr(text: str, /, **fields) -> str:
    """`text` in the course language, with `fields` filled in (str.format)."""
    if _language != "en":
        text = catalogue(_language).get(text, text)
    return text.format(**fields) if fields else text


def mark(text: str) -> str:
    """Mark a string for translation where it is defined; translate it with tr() where it is shown."""
    return text


# ---------------------------------------------------------------- what an exercise says in code

SOLUTION_BEGIN = re.compile(r"^(?P<indent>\s*)# BEGIN SOLUTION\s*(?P<hint>.*)$")
EXERCISE_LINE = re.compile(r"^(?P<indent>\s*)# EXERCISE: ?(?P<code>.*)$")
DEFAULT_HINT = mark("not implemented yet: replace this line with your code")


def hint(text: str, code: str) -> str:
    """The hint (or learner's comment) `text` of an exercise in the `code` edition: its
    translation from the catalogue, or the English while it has none."""
    return text if code == "en" else catalogue(code).get(text, text)


def hint_strings() -> list[tuple[str, int, str, Path]]:
    """(file, line, English, source) of every hint and learner's comment in the exercise sources."""
    found = []
    for source in sorted((ROOT / "sources" / "exercises").glob("[0-9][0-9]_*.py")):
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
            begin, learner = SOLUTION_BEGIN.match(line), EXERCISE_LINE.match(line)
            text = (begin.group("hint").strip() if begin else
                    learner.group("code")[2:].strip() if learner and learner.group("code").startswith("# ") else "")
            if text:
                found.append((str(source.relative_to(ROOT)), number, text, source))
    return found


def pending(source, code: str = "ko") -> bool:
    """True while a source's header (the comment lines before its first `# %%`) has the line
    `# <code>: pending`: that language has no edition of it yet (docs/translating.md)."""
    header = []
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        if line.startswith("# %%"):
            break
        header.append(line)
    return re.search(rf"^#\s*{code}:\s*pending\b", "\n".join(header), re.M) is not None


def course_root() -> Path:
    """The course folder of the running notebook: the one holding the notebooks/ (or exercises/,
    solutions/) folder it runs in; the folder toyqueue/ is in, when not run from a notebook."""
    here = Path.cwd()
    return next((p.parent for p in (here, *here.parents) if p.name in EDITION_KINDS), ROOT)


def edition_dir(kind: str, code: str | None = None) -> Path:
    """notebooks/ (English) or notebooks/<code>/: where one edition of `kind` lives."""
    code = code or _language
    if kind not in EDITION_KINDS:
        raise ValueError(f"{kind!r} is not one of {EDITION_KINDS}")
    return course_root() / kind if code == "en" else course_root() / kind / code


def notebook(kind: str, name: str) -> Path:
    """The notebook `name` (e.g. "06_visibility_duplicates") of `kind` in the course language's
    edition, or the English one if that edition has no translation of it yet."""
    name = name if name.endswith(".ipynb") else f"{name}.ipynb"
    local = edition_dir(kind) / name
    return local if local.exists() else edition_dir(kind, "en") / name


# ---------------------------------------------------------------- for translators and tests

def strings(paths=None) -> list[tuple[str, int, str]]:
    """(file, line, English) of every literal passed to tr() or mark() in toyqueue/ and sources/."""
    if paths is None:
        paths = sorted((ROOT / "toyqueue").rglob("*.py")) + sorted((ROOT / "sources").rglob("*.py"))
    found = []
    for path in paths:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and _name(node.func) in ("tr", "mark") and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.append((str(Path(path).resolve().relative_to(ROOT)), node.lineno, node.args[0].value))
    return found


def data_strings() -> list[tuple[str, int, str, str]]:
    """(file, line, English, lesson) of text kept as data that lessons show through tr(): the
    glossary (lesson 11) and each lesson's quiz (toyqueue/quizzes.py)."""
    from toyqueue import glossary, quizzes

    found = []
    for module, lesson, texts in (
            [(glossary, "11", list(glossary.GLOSSARY) + [t.meaning for t in glossary.terms()])]
            + [(quizzes, lesson, [text for q in qs for text in (q.text, *(t for c in q.choices for t in c))])
               for lesson, qs in quizzes.QUIZZES.items()]):
        path = Path(module.__file__)
        lines = path.read_text(encoding="utf-8").splitlines()
        for text in texts:
            probe = text.split("\n")[0][:40]
            line = next((i for i, l in enumerate(lines, 1) if probe in l or repr(probe)[1:-1] in l), 0)
            found.append((str(path.relative_to(ROOT)), line, text, lesson))
    return found


def lesson_pending(lesson: str, code: str) -> bool:
    """Lesson "NN" has no `code` edition yet (its source says `# <code>: pending`)."""
    sources = sorted((ROOT / "sources" / "lessons").glob(f"{lesson}_*.py"))
    return bool(sources) and pending(sources[0], code)


def _name(func) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def fields(template: str) -> set[str]:
    """The {names} a template fills in (none for text that is not a template, such as JSON)."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return set()
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in parsed if name is not None}


def _needed(need, code: str) -> bool:
    """Whether a string is required in `code`: always (None), or while the lesson ("NN") or the
    exercise source (a Path) that shows it has a `code` edition."""
    if need is None:
        return True
    if isinstance(need, Path):
        return not pending(need, code)
    return not lesson_pending(need, code)


def problems(code: str) -> list[str]:
    """What the `code` catalogue lacks or has in excess, one line each (empty: complete). The
    data of a lesson that has no `code` edition yet (its quiz, say) and the hints of an exercise
    that has none are not required, unless something that has one shows the same string too."""
    messages, used, out = catalogue(code), {}, []
    for path, line, text in strings():
        used.setdefault(text, (path, line, set()))[2].add(None)
    for path, line, text, lesson in data_strings():
        used.setdefault(text, (path, line, set()))[2].add(lesson)
    for path, line, text, source in hint_strings():
        used.setdefault(text, (path, line, set()))[2].add(source)
    for text, (path, line, needs) in used.items():
        if text not in messages:
            if any(_needed(need, code) for need in needs):
                out.append(f"{path}:{line}: no {code} translation of {text!r}")
        elif fields(messages[text]) != fields(text):
            out.append(f"{path}:{line}: the {code} translation of {text!r} fills in "
                       f"{sorted(fields(messages[text]))}, the English {sorted(fields(text))}")
    out += [f"{CATALOGUES[code]}: {text!r} is not used any more (delete it)"
            for text in messages if text not in used]
    return out
