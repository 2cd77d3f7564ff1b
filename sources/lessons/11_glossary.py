# Lesson 11 source (percent format). Build: .venv/bin/python tools/nbbuild.py sources/lessons/11_glossary.py

# %% [markdown]
# [← 10 Beyond the lecture](10_beyond_the_lecture.ipynb) | [00 Set-up check and a map of the course ↺](00_setup.ipynb)
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

# %% [markdown] ko en=2f5d3208
# [← 10 강의 너머](10_beyond_the_lecture.ipynb) | [00 설치 확인과 과정 안내 ↺](00_setup.ipynb)
#
# # 11 · 용어집: 핵심 용어, 영어와 한국어
#
# 이 과정이 따라가는 강의는 한국어입니다. 그런데 강의 원고는 영어 강의를 기계 번역한 것이라서, 어떤
# 말은 글자 그대로 옮겨졌고("비행 중 암호화"는 encryption *in flight*, 즉 전송 중 암호화) 어떤 말은
# 뜻이 뒤틀렸습니다("품절 메시지"는 *순서가 바뀐* 메시지를 말합니다. 레슨 06). 아래 표에는 용어마다
# AWS 문서와 시험에서 쓰는 영어 이름, 강의의 한국어, AWS 한국어 문서가 쓰는 말(검색할 때는 이 말을
# 쓰세요), 한 줄 뜻, 그리고 그 용어를 정의하는 레슨이 있습니다. 이 과정의 한국어판은 AWS 한국어 문서의
# 말을 쓰고, 강의의 말이 다르면 옆에 적습니다.
#
# 표는 [`toyqueue/glossary.py`](../toyqueue/glossary.py)에 들어 있습니다. 과정의 테스트는 용어마다 그
# 레슨에서 가르치는지, 그리고 어떤 레슨도 전문 용어를 정의하기 전에 쓰지 않는지 확인합니다.

# %%
import os
from pathlib import Path

from IPython.display import Markdown

from toyqueue import i18n   # the course language: the table's headings and meanings are in it
from toyqueue.glossary import GLOSSARY

def as_markdown(glossary):
    head = i18n.tr("| English | 강의 (the lecture) | AWS 문서 (AWS docs) | meaning | lesson |")
    lines = []
    for section, rows in glossary.items():
        lines += [f"### {i18n.tr(section)}", "", head, "|---|---|---|---|---|"]
        for t in rows:
            lesson = os.path.relpath(i18n.notebook("notebooks", t.lesson), Path.cwd())  # this edition's
            lines.append(f"| **{t.en}** | {t.lecture or '–'} | {t.aws or '–'} | {i18n.tr(t.meaning)} | "
                         f"[{t.lesson[:2]}]({lesson}) |")
        lines.append("")
    return Markdown("\n".join(lines))

as_markdown(GLOSSARY)

# %% [markdown]
# ## Check: every term is taught where the glossary says
#
# This cell opens each lesson named in the glossary and looks for the term in it: in English, or
# in one of its Korean words.

# %% [markdown] ko en=eaeeefc8
# ## 확인: 모든 용어가 용어집이 말한 레슨에서 다뤄지는가
#
# 이 셀은 용어집에 나오는 레슨을 하나씩 열어 그 안에서 용어를 찾습니다. 영어로, 또는 한국어 이름
# 가운데 하나로 찾습니다.

# %%
# NBVAL_CHECK_OUTPUT
import json

from toyqueue.glossary import terms

def text_of(notebook):
    cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells).lower()

def taught(t, text):
    return any(word and word.split(" (")[0].lower() in text for word in (t.en, t.lecture, t.aws))

lessons = sorted({t.lesson for t in terms()})
missing = [name for name in lessons if not i18n.notebook("notebooks", name).exists()]
untaught = [(t.en, t.lesson) for t in terms() if t.lesson not in missing
            and not taught(t, text_of(i18n.notebook("notebooks", t.lesson)))]
print(i18n.tr("{terms} terms in {lessons} lessons", terms=len(terms()), lessons=len(lessons)))
print(i18n.tr("missing lessons: {names}", names=missing or i18n.tr("none")))
print(i18n.tr("terms not found in their lesson: {terms}", terms=untaught or i18n.tr("none")))

# %% [markdown]
# ## The whole course
#
# Every lesson notebook in this folder, in order, with its title:

# %% [markdown] ko en=3db5ef3b
# ## 과정 전체
#
# 이 폴더의 레슨 노트북을 모두 순서대로, 제목과 함께 보여 줍니다:

# %%
for path in sorted(i18n.edition_dir("notebooks", "en").glob("[0-9][0-9]_*.ipynb")):
    path = i18n.notebook("notebooks", path.name)     # in this notebook's language, if translated
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "?")
    print(f"{path.name:<32} {title}")

# %% [markdown]
# Back to the start: [00 Set-up check and a map of the course](00_setup.ipynb). The exercises are in
# [../exercises/](../exercises/), starting with [01 · Store and receive](../exercises/01_store_and_receive.ipynb).

# %% [markdown] ko en=dcbbe3b0
# 처음으로 돌아가기: [00 설치 확인과 과정 안내](00_setup.ipynb). 실습은 [exercises 폴더](../exercises/)에
# 있고, [01 · 저장과 수신](../exercises/01_store_and_receive.ipynb)부터 시작합니다.
