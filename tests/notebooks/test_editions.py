"""The Korean edition: complete, up to date with the English, really Korean, and the same notebooks.

Which sources have a Korean edition is said in each source (a `# ko: pending` header line means
not yet; tools/translate.py status lists them). For every other source each English markdown cell
has a Korean cell, made from the English as it is now. The committed Korean notebooks are what
the sources generate (test_sources.py: nbbuild.stale() covers every edition).
"""
import configparser
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import nbbuild  # noqa: E402
import translate  # noqa: E402

SOURCES = nbbuild.all_sources()
KOREAN = sorted(p for kind in nbbuild.EDITION_KINDS for p in (ROOT / kind / "ko").glob("[0-9][0-9]_*.ipynb"))
EXECUTED = [p for p in KOREAN if p.parent.parent.name != "exercises"]
NOTEBOOK_SHARE = 0.6    # Hangul share of a Korean notebook's prose (measured: 0.82 and 0.91; English: < 0.01)
CELL_SHARE = 0.25       # ... and of each of its cells whose English has words in it (measured: >= 0.65)
LINK = re.compile(r"\]\(([^)\s#]+\.ipynb)(?:#[^)]*)?\)")


def name(path):
    return str(path.relative_to(ROOT))


def english_of(path):
    return path.parent.parent / path.name


HINT = re.compile(r"raise NotImplementedError\((.*)\)$", re.M)


def shared_code(source):
    """A code cell as every edition has it: only what stands in for an answer (the hint of
    `raise NotImplementedError(...)`) is said in the edition's language (tools/nbbuild.py)."""
    return HINT.sub("raise NotImplementedError(...)", source)


def language_cells(nb):
    """Positions of the cell that sets the Korean notebook's language."""
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source == nbbuild.LANGUAGE_CELL["ko"]]


# ------------------------------------------------------------------ the sources

@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_translation_is_complete_and_up_to_date(source):
    problems = translate.problems(source)
    assert problems == [], "\n".join(problems)


def test_the_pilot_sources_are_translated():
    """Lessons 00 and 11 were translated first; they stay translated."""
    for lesson in ("00_setup", "11_glossary"):
        assert not nbbuild.pending(ROOT / "sources" / "lessons" / f"{lesson}.py")
        assert (ROOT / "notebooks" / "ko" / f"{lesson}.ipynb").exists()


def test_a_pending_source_has_no_korean_notebook():
    for source in SOURCES:
        korean = [rel for rel in nbbuild.targets(source) if nbbuild.edition_of(rel) == "ko"]
        assert bool(korean) != nbbuild.pending(source), source.name


# ------------------------------------------------------------------ the notebooks

@pytest.mark.parametrize("path", KOREAN, ids=name)
def test_both_editions_have_the_same_cells_in_the_same_order(path):
    korean, english = nbformat.read(path, as_version=4), nbformat.read(english_of(path), as_version=4)
    cells, language = korean.cells, language_cells(korean)
    first_code = next((i for i, c in enumerate(cells) if c.cell_type == "code"), None)
    assert language == ([first_code] if first_code is not None else []), \
        "the Korean notebook sets its language in one cell, before its first code cell"
    cells = [c for i, c in enumerate(cells) if i not in language]
    assert [c.cell_type for c in cells] == [c.cell_type for c in english.cells]
    assert [shared_code(c.source) for c in cells if c.cell_type == "code"] == \
        [shared_code(c.source) for c in english.cells if c.cell_type == "code"]
    hints = [line for c in cells if c.cell_type == "code" for line in HINT.findall(c.source)]
    assert [h for h in hints if not translate.HANGUL.search(h)] == [], "a hint of the exercise left in English"


@pytest.mark.parametrize("path", KOREAN, ids=name)
def test_korean_notebook_prose_is_korean(path):
    korean, english = nbformat.read(path, as_version=4), nbformat.read(english_of(path), as_version=4)
    ko_md = [c.source for c in korean.cells if c.cell_type == "markdown"]
    en_md = [c.source for c in english.cells if c.cell_type == "markdown"]
    share = translate.hangul_share("\n".join(ko_md))
    assert share >= NOTEBOOK_SHARE, f"only {share:.0%} of the prose's letters are Hangul"
    english_left = [(i, translate.first_line(en)) for i, (ko, en) in enumerate(zip(ko_md, en_md))
                    if translate.has_prose(en) and translate.hangul_share(ko) < CELL_SHARE]
    assert english_left == [], f"markdown cells still (mostly) in English: {english_left}"


@pytest.mark.parametrize("path", KOREAN, ids=name)
def test_korean_notebooks_link_to_korean_notebooks(path):
    """Every relative notebook link resolves, and goes to the Korean edition where there is one."""
    nb = nbformat.read(path, as_version=4)
    links = LINK.findall("\n".join(c.source for c in nb.cells if c.cell_type == "markdown"))
    assert links, "a lesson links to its neighbours"
    broken = [l for l in links if not (path.parent / l).resolve().exists()]
    assert broken == []
    english = [l for l in links if (path.parent / l).resolve().parent.name != "ko"
               and ((path.parent / l).resolve().parent / "ko" / Path(l).name).exists()]
    assert english == [], "links to English notebooks that have a Korean edition"


def _sanitizer():
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "tests" / "nbval_sanitize.cfg")
    return [(re.compile(cfg[s]["regex"]), cfg[s]["replace"]) for s in cfg.sections()]


SANITIZE = _sanitizer()


def neutral_tokens(text):
    """What must not change with the language: numbers, codes, ids and names (OK, FAIL, MD5, 3.13,
    QueueDoesNotExist, message_id, LocalStack), after nbval's sanitizer masks ids and times."""
    for pattern, replacement in SANITIZE:
        text = pattern.sub(replacement, text)
    tokens = (t.strip(".-") for t in re.findall(r"[A-Za-z0-9_<][A-Za-z0-9_.<>\-]*", text))
    return Counter(t for t in tokens if any(ch.isdigit() for ch in t) or (len(t) > 1 and t.isupper())
                   or re.search(r"[a-z][A-Z]", t) or "_" in t or t.startswith("<"))


def checked_outputs(nb):
    out = []
    for cell in nb.cells:
        if cell.cell_type == "code" and "NBVAL_CHECK_OUTPUT" in cell.source:
            text = []
            for o in cell.get("outputs", []):
                text.append(o.get("text", "") if o.output_type == "stream" else
                            o.get("ename", "") if o.output_type == "error" else
                            o.get("data", {}).get("text/plain", ""))
            out.append("".join(text))
    return out


@pytest.mark.parametrize("path", EXECUTED, ids=name)
def test_checked_outputs_have_the_same_numbers_codes_and_ids_in_both_editions(path):
    korean = checked_outputs(nbformat.read(path, as_version=4))
    english = checked_outputs(nbformat.read(english_of(path), as_version=4))
    assert len(korean) == len(english) and korean, "the same checked cells, and at least one"
    for i, (ko, en) in enumerate(zip(korean, english)):
        assert neutral_tokens(ko) == neutral_tokens(en), f"checked cell {i}:\n{en}\n---\n{ko}"


def test_korean_checked_output_is_korean():
    """Lesson 00's set-up check prints in the course language: the language cell did its job."""
    out = checked_outputs(nbformat.read(ROOT / "notebooks" / "ko" / "00_setup.ipynb", as_version=4))[0]
    assert "OK" in out and translate.HANGUL.search(out), out


# ------------------------------------------------------------------ the checker itself

SOURCE = """\
# A source for the checker's own tests.

# %% [markdown]
# # A title
#
# Some English prose to translate.

# %% [markdown] ko en={hash}
# # 제목
#
# 번역할 영어 문장입니다.

# %%
print("code")

# %% [markdown]
# The end of it, in English.
"""
TITLE = "# A title\n\nSome English prose to translate."


def write(tmp_path, text, filename="99_example.py"):
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    return path


def test_checker_names_a_missing_korean_cell_and_the_command_that_adds_it(tmp_path):
    path = write(tmp_path, SOURCE.format(hash=nbbuild.english_hash(TITLE)))
    (problem,) = translate.problems(path)
    assert ":16: markdown cell 2 (\"The end of it, in English.\") has no Korean cell" in problem
    assert f"python tools/translate.py stub {path}" in problem


def test_checker_finds_a_stale_korean_cell_and_says_how_to_see_the_english_diff(tmp_path):
    path = write(tmp_path, SOURCE.format(hash="0badc0de") + "\n# %% [markdown] ko en=x\n# 끝.\n")
    problems = translate.problems(path)
    assert len(problems) == 2
    assert f":8: the Korean of markdown cell 1 (\"# A title\") is stale" in problems[0]
    assert f"python tools/translate.py diff {path}:3" in problems[0]
    assert f"# %% [markdown] ko en={nbbuild.english_hash(TITLE)}" in problems[0]
    assert "markdown cell 2" in problems[1] and "stale" in problems[1]


def test_a_new_source_without_korean_is_told_to_translate_or_wait(tmp_path):
    path = write(tmp_path, "# A new exercise.\n\n# %% [markdown]\n# # Exercise 99\n\n# %%\nx = 1\n")
    (problem,) = translate.problems(path)
    assert problem == (f"{path}: has no Korean yet. Translate it (`python tools/translate.py stub {path}`, "
                       "docs/translating.md), or until then put the line `# ko: pending` in its header "
                       "(the comments before its first cell)")


def test_rewrapping_the_english_does_not_make_its_translation_stale():
    assert nbbuild.english_hash("Some English\nprose.") == nbbuild.english_hash("Some  English prose.\n")
    assert nbbuild.english_hash("Some English prose.") != nbbuild.english_hash("Some English prose!")


def test_checker_finds_misplaced_korean_and_english_left_in_a_korean_cell(tmp_path):
    text = SOURCE.format(hash=nbbuild.english_hash(TITLE)).replace(
        '# %%\nprint("code")', '# %%\nprint("code")\n\n# %% [markdown] ko en=12345678\n# 떠돌이 셀')
    text += "\n# %% [markdown] ko en=" + nbbuild.english_hash("The end of it, in English.") + \
        "\n# The end of it, in English.\n"
    problems = translate.problems(write(tmp_path, text))
    assert any("does not follow an English markdown cell" in p for p in problems)
    assert any("is still the English copy" in p for p in problems)


def test_a_pending_source_is_not_held_to_completeness(tmp_path):
    path = write(tmp_path, "# ko: pending\n" + SOURCE.format(hash="0badc0de"))
    assert translate.problems(path) == []
    assert nbbuild.pending(path)


def test_stub_adds_korean_cells_that_must_then_be_translated(tmp_path):
    path = write(tmp_path, SOURCE.format(hash=nbbuild.english_hash(TITLE)))
    translate.main(["stub", str(path)])
    cells = nbbuild.read_cells(path.read_text(encoding="utf-8"))
    assert [(c.kind, c.lang) for c in cells] == [("markdown", "en"), ("markdown", "ko"), ("code", "en"),
                                                 ("markdown", "en"), ("markdown", "ko")]
    (problem,) = translate.problems(path)
    assert "still the English copy" in problem
    assert nbbuild.parse_cells(path.read_text(encoding="utf-8")) == nbbuild.parse_cells(
        SOURCE.format(hash="x")), "the English notebook is unchanged"


def test_diff_shows_what_changed_in_the_english_since_the_translation(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(git + ["init", "-q"], check=True)
    path = write(repo, SOURCE.format(hash=nbbuild.english_hash(TITLE)))
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "v1"], check=True)
    path.write_text(path.read_text(encoding="utf-8").replace("Some English prose", "Some new English prose"),
                    encoding="utf-8")
    cells = nbbuild.read_cells(path.read_text(encoding="utf-8"))
    (en, ko), _ = nbbuild.translations(cells, "ko")
    diff = translate.english_diff(path, en, ko, repo=repo)
    assert "-Some English prose to translate." in diff
    assert "+Some new English prose to translate." in diff


EXERCISE = """\
# An exercise source for the build's own tests.

# %% [markdown]
# # Exercise 99

# %% [markdown] ko en={hash}
# # 실습 99

# %% [solution] starter: myqueue.py
# BEGIN SOLUTION
# myqueue.py after exercise 99
# EXERCISE: # myqueue.py: your queue. Exercise 01 starts it; exercises 02, 03, 07, 08, 09 and 10 add to it.
# END SOLUTION
class MyQueue:
    def send(self, body):
        # BEGIN SOLUTION TODO: store (new id, body) at the end of self._messages and return the id. Tip: str(uuid.uuid4()) makes an id.
        return "id"
        # END SOLUTION

# %%
def backlog_target(acceptable_latency, seconds_per_message):
    # BEGIN SOLUTION TODO: how many waiting messages one instance can work off within the acceptable latency.
    return acceptable_latency / seconds_per_message
    # END SOLUTION
    # BEGIN SOLUTION
    pass
    # END SOLUTION
"""


def test_an_exercise_says_its_hints_in_the_editions_language(tmp_path, monkeypatch):
    """The code is shared, but what stands in for an answer is prose: the Korean exercise raises
    NotImplementedError with the Korean hint, and its starter (exercises/ko/myqueue.py) says its
    comment and hints in Korean; the solutions are the same code in both editions."""
    from toyqueue.i18n import DEFAULT_HINT, hint

    monkeypatch.setattr(nbbuild, "EXERCISE_SOURCES", tmp_path)
    source = write(tmp_path, EXERCISE.format(hash=nbbuild.english_hash("# Exercise 99")))
    made = nbbuild.targets(source)
    code = {rel: [c.source for c in nb.cells if c.cell_type == "code"] for rel, nb in made.items()
            if rel.endswith(".ipynb")}
    english, korean = code["exercises/99_example.ipynb"], code["exercises/ko/99_example.ipynb"][1:]
    target = "TODO: how many waiting messages one instance can work off within the acceptable latency."
    assert f"raise NotImplementedError({target!r})" in english[0]
    assert f"raise NotImplementedError({hint(target, 'ko')!r})" in korean[0]
    assert f"raise NotImplementedError({hint(DEFAULT_HINT, 'ko')!r})" in korean[0]
    assert translate.HANGUL.search(hint(target, "ko")) and [shared_code(c) for c in korean] == \
        [shared_code(c) for c in english]
    assert code["solutions/ko/99_example.ipynb"][1:] == code["solutions/99_example.ipynb"]
    starter, korean_starter = made["exercises/myqueue.py"], made["exercises/ko/myqueue.py"]
    assert starter.startswith("# myqueue.py: your queue.") and korean_starter.startswith("# myqueue.py: 여러분의 대기열")
    assert "raise NotImplementedError('TODO: store (new id, body)" in starter
    assert "raise NotImplementedError('TODO: (새 ID, body)를" in korean_starter
    assert "myqueue.py after exercise 99" not in korean_starter


def test_a_pending_exercise_writes_no_korean_starter(tmp_path, monkeypatch):
    monkeypatch.setattr(nbbuild, "EXERCISE_SOURCES", tmp_path)
    source = write(tmp_path, "# ko: pending\n" + EXERCISE.format(hash="x"))
    assert [rel for rel in nbbuild.targets(source) if "/ko/" in rel] == []


def test_links_in_korean_prose_go_to_the_korean_edition_where_there_is_one():
    text = ("[a](01_x.ipynb) [b](../README.md) [c](../exercises/) [d](https://example.com/x.ipynb) "
            "[e](#top) [f](02_y.ipynb#part) [g](../exercises/03_z.ipynb) ![h](../docs/img/v.png)")
    done = {"notebooks/02_y.ipynb", "exercises/03_z.ipynb"}
    assert nbbuild.relink(text, "notebooks", "ko", done) == (
        "[a](../01_x.ipynb) [b](../../README.md) [c](../../exercises/ko/) [d](https://example.com/x.ipynb) "
        "[e](#top) [f](02_y.ipynb#part) [g](../../exercises/ko/03_z.ipynb) ![h](../../docs/img/v.png)")
    assert nbbuild.relink("[c](../exercises/)", "notebooks", "ko", set()) == "[c](../../exercises/)"


# ------------------------------------------------------------------ the prose renders

EMPHASIS_LEFT_OVER = re.compile(r"\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def unrendered_emphasis(markdown):
    """Lines of the rendered cell that still show `*`: an emphasis that did not close.

    CommonMark (JupyterLab's renderer follows it) closes `**` only where the next character is
    a space or punctuation, if the one before it is punctuation: `**`code`**도`, a particle
    right after a code span or a quote, shows its asterisks. Korean sentences meet this often
    (English ones rarely: "**`code`** is" has a space)."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(markdown)
    html = re.sub(r"<code>.*?</code>|<pre>.*?</pre>", "", html, flags=re.S)
    return [line for line in html.splitlines() if EMPHASIS_LEFT_OVER.search(line)]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_emphasis_renders_in_both_editions(source):
    bad = [f"{name(source)}:{cell.line} ({cell.lang}): {line[:120]}"
           for cell in nbbuild.read_cells(source.read_text(encoding="utf-8")) if cell.kind == "markdown"
           for line in unrendered_emphasis(cell.body)]
    assert not bad, ("emphasis that shows its asterisks (move a particle inside the ** **, or use "
                     "<em>...</em>):\n" + "\n".join(bad))


def test_the_emphasis_check_catches_a_particle_after_a_code_span():
    assert unrendered_emphasis("지표 **`ApproximateNumberOfMessagesVisible`**입니다.")
    assert not unrendered_emphasis("지표 **`ApproximateNumberOfMessagesVisible`입니다**.")
    assert not unrendered_emphasis("the metric **`ApproximateNumberOfMessagesVisible`** is")
