"""The lessons' words: jargon defined where it is first used, the glossary covering it, and the
facts a reader could copy wrongly (the CloudWatch metric name) stated right.

Read from sources/lessons/ (markdown cells only: code may use names freely). A term is
*defined* where it is written in bold (`**ARN** (Amazon Resource Name, ...)`), the course's
convention. Before the lesson that defines it, a term may only appear as a pointer to that
lesson ("... dead-letter queues, lesson 10"), like a forward reference in a book; in that
lesson, only its title and goal (the first cell) and headings may name it before the definition.
"""
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import nbbuild  # noqa: E402

from toyqueue.glossary import terms  # noqa: E402

LESSONS = sorted(p for p in (ROOT / "sources" / "lessons").glob("[0-9][0-9]_*.py")
                 if not p.stem.startswith("11_"))

# Jargon a newcomer cannot be expected to know: each must be defined at first use and be in
# the glossary. (Plain words such as "queue" are taught, but not jargon.)
JARGON = ["AWS", "API", "SDK", "boto3", "LocalStack", "MD5", "virtual clock", "Region", "SNS",
          "Kinesis", "S3", "EC2", "on-premises", "Lambda", "RDS", "SQLite", "long polling",
          "visibility timeout", "receipt handle", "idempotent", "poison message",
          "at-least-once delivery", "best-effort ordering", "Auto Scaling group", "CloudWatch",
          "datapoint", "cooldown", "step scaling policy", "target tracking", "GPU", "HTTPS",
          "TLS", "SSE", "KMS", "IAM", "principal", "ARN", "dead-letter queue", "short polling",
          "false empty response"]


def markdown_of(path):
    """The lesson's markdown, cell by cell, without HTML comments (notes for contributors)."""
    cells = nbbuild.parse_cells(path.read_text(encoding="utf-8"))
    return [re.sub(r"<!--.*?-->", "", body, flags=re.S) for kind, body in cells if kind == "markdown"]


def pattern(term):
    flags = 0 if any(c.isupper() for c in term) else re.I
    words = r"\s+".join(re.escape(w) for w in term.split())
    return re.compile(r"(?<![\w`/.-])" + words + r"(?:e?s)?(?![\w`-])", flags)


def is_bold(text, start, end):
    """Is text[start:end] inside a **bold** span?"""
    for m in re.finditer(r"\*\*(.+?)\*\*", text, re.S):
        if m.start() < start and end <= m.end():
            return True
    return False


def context(text, start):
    """The table row, or else the paragraph, around position `start`."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:None if line_end < 0 else line_end]
    if line.lstrip().startswith("|"):
        return line
    para_start = text.rfind("\n\n", 0, start)
    para_end = text.find("\n\n", start)
    return text[para_start + 1:None if para_end < 0 else para_end]


def lessons_pointed_to(text):
    numbers = set(re.findall(r"\((\d\d)_\w+\.ipynb\)", text))
    for group in re.findall(r"\blessons? ((?:\d\d(?:, | and | or |/))*\d\d)\b", text, re.I):
        numbers |= set(re.findall(r"\d\d", group))
    return numbers


def is_heading(text, start):
    return text[text.rfind("\n", 0, start) + 1:].startswith("#")


def occurrences(term):
    """(lesson number, bold?, preview?, context) for each use, in reading order. A preview is a
    use in the lesson's first cell (title and goal) or in a heading."""
    out = []
    for path in LESSONS:
        for n, text in enumerate(markdown_of(path)):
            for m in pattern(term).finditer(text):
                out.append((path.stem[:2], is_bold(text, m.start(), m.end()),
                            n == 0 or is_heading(text, m.start()), context(text, m.start())))
    return out


GLOSSED = {t.en.split(" (")[0]: t for t in terms()}


@pytest.mark.parametrize("term", JARGON)
def test_jargon_is_defined_at_first_use_and_in_the_glossary(term):
    uses = occurrences(term)
    assert uses, f"{term!r} is in the jargon list but no lesson uses it"
    defined = [lesson for lesson, bold, _, _ in uses if bold]
    assert defined, f"{term!r} is never defined: write it in bold where it is first explained"
    home = defined[0]
    glossed = GLOSSED.get(term)
    assert glossed is not None, f"{term!r} is used in the lessons but missing from toyqueue/glossary.py"
    assert glossed.lesson[:2] == home, \
        f"the glossary says {term!r} is taught in {glossed.lesson}, but lesson {home} defines it"
    for lesson, bold, preview, where in uses:
        if lesson == home:
            if preview and not bold:
                continue
            assert bold, f"lesson {home} uses {term!r} before defining it: {where.strip()[:200]!r}"
            break
        assert home in lessons_pointed_to(where), (
            f"lesson {lesson} uses {term!r} before lesson {home} defines it, without pointing "
            f"there: {where.strip()[:200]!r}")


def test_every_glossary_term_is_taught_in_its_lesson():
    untaught = []
    for t in terms():
        path = ROOT / "sources" / "lessons" / f"{t.lesson}.py"
        text = " ".join(all_text(path).lower().split()) if path.exists() else ""
        if t.en.split(" (")[0].lower() not in text:
            untaught.append((t.en, t.lesson))
    assert untaught == []


def test_glossary_rows_are_complete():
    for t in terms():
        assert t.en and t.meaning and re.fullmatch(r"\d\d_\w+", t.lesson), t
    names = [t.en for t in terms()]
    assert len(names) == len(set(names)), "a term is in the glossary twice"


# --- facts -------------------------------------------------------------------------------

def all_text(path):
    """Markdown and code of a lesson: a plot label or a comment is read too."""
    return "\n".join(body for _, body in nbbuild.parse_cells(path.read_text(encoding="utf-8")))


METRIC_ATTRIBUTE = re.compile(r"ApproximateNumberOfMessages(?![A-Za-z])")


def test_the_cloudwatch_metric_is_called_approximate_number_of_messages_visible():
    """`ApproximateNumberOfMessages` is a queue attribute; in CloudWatch the same number is the
    metric `ApproximateNumberOfMessagesVisible`. A sentence that calls the attribute a metric
    sends a reader looking for a CloudWatch metric that does not exist (the lecture does)."""
    wrong = []
    for path in LESSONS + [ROOT / "sources" / "lessons" / "11_glossary.py"]:
        for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n|\n\s*[-|#]", all_text(path)):
            if not METRIC_ATTRIBUTE.search(sentence) or "metric" not in sentence.lower():
                continue
            names_attribute = re.search(r"attribute|GetQueueAttributes|lecture|지표", sentence)
            if not names_attribute:
                wrong.append(f"{path.name}: {' '.join(sentence.split())[:160]}")
    assert wrong == []
    from toyqueue.sim.autoscaling import simulate
    from toyqueue.widgets import plot_autoscaling

    assert "plot_autoscaling(" in all_text(ROOT / "sources" / "lessons" / "07_scaling_consumers.py")
    queue_panel = plot_autoscaling([simulate(policy="step")], "").axes[0]
    assert queue_panel.get_ylabel() == "ApproximateNumberOfMessagesVisible"
    glossary = {t.en: t.meaning for t in terms()}
    assert "CloudWatch metric" in glossary["ApproximateNumberOfMessagesVisible"]
    assert "queue attribute" in glossary["ApproximateNumberOfMessages"]


def test_lessons_link_only_to_exercises_on_what_they_taught():
    """An exercise link appears in the lesson that teaches its topic or later, never before."""
    first_taught = {"01_store_and_receive": "02", "02_receipt_handles": "02",
                    "03_visibility_timeout": "06", "04_idempotent_consumer": "06",
                    "05_scaling_policy": "07", "06_access_policy": "09", "07_retention_and_delay": "10",
                    "08_batches": "10", "09_dead_letter": "10", "10_fifo": "10"}
    early = []
    for path in LESSONS:
        for exercise in re.findall(r"\.\./exercises/(\d\d_\w+)\.ipynb", all_text(path)):
            if exercise in first_taught and path.stem[:2] < first_taught[exercise]:
                early.append((path.stem, exercise))
    assert early == []
