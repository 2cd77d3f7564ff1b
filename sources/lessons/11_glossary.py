# Lesson 11 source (percent format). Build: .venv/bin/python tools/nbbuild.py sources/lessons/11_glossary.py

# %% [markdown]
# [← 10 Beyond the lecture](10_beyond_the_lecture.ipynb) | [00 Setup and tour ↺](00_setup.ipynb)
#
# # 11 · Glossary: key terms, English and 한국어
#
# The lecture this course follows is in Korean, and its transcript is a machine translation of an
# English lecture, so some of its words are literal ("비행 중 암호화" for encryption *in flight*)
# or garbled ("품절 메시지" for *out-of-order* messages, lesson 06). Each term below has the English
# name the AWS documentation and the exam use, the lecture's Korean, the word AWS's own Korean
# documentation uses (search with that one), a one-line meaning, and the lesson that defines it.
#
# The table lives in [`toyqueue/glossary.py`](../toyqueue/glossary.py); the course's tests check
# that each term is taught in its lesson and that no lesson uses jargon before defining it.

# %%
from IPython.display import Markdown

from toyqueue.glossary import GLOSSARY

def as_markdown(glossary):
    lines = []
    for section, rows in glossary.items():
        lines += [f"### {section}", "",
                  "| English | 강의 (the lecture) | AWS 문서 (AWS docs) | meaning | lesson |",
                  "|---|---|---|---|---|"]
        lines += [f"| **{t.en}** | {t.lecture or '–'} | {t.aws or '–'} | {t.meaning} | "
                  f"[{t.lesson[:2]}]({t.lesson}.ipynb) |" for t in rows]
        lines.append("")
    return Markdown("\n".join(lines))

as_markdown(GLOSSARY)

# %% [markdown]
# ## Check: every term is taught where the glossary says
#
# This cell opens each lesson named in the glossary and looks for the English term in it.

# %%
# NBVAL_CHECK_OUTPUT
import json
from pathlib import Path

from toyqueue.glossary import terms

def text_of(notebook):
    cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells).lower()

lessons = sorted({t.lesson for t in terms()})
missing = [name for name in lessons if not Path(f"{name}.ipynb").exists()]
untaught = [(t.en, t.lesson) for t in terms() if t.lesson not in missing
            and t.en.split(" (")[0].lower() not in text_of(f"{t.lesson}.ipynb")]
print(f"{len(terms())} terms in {len(lessons)} lessons")
print("missing lessons:", missing or "none")
print("terms not found in their lesson:", untaught or "none")

# %% [markdown]
# ## The whole course
#
# Every lesson notebook in this folder, in order, with its title:

# %%
for path in sorted(Path(".").glob("[0-9][0-9]_*.ipynb")):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "?")
    print(f"{path.name:<32} {title}")

# %% [markdown]
# Back to the start: [00 Setup and tour](00_setup.ipynb). The exercises are in
# [../exercises/](../exercises/), starting with [01 · Store and receive](../exercises/01_store_and_receive.ipynb).
