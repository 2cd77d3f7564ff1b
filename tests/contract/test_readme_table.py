"""The README's table of LocalStack differences is the one the contract suite generates."""
import re
from pathlib import Path

from toyqueue import differences

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_shows_the_generated_table():
    text = README.read_text(encoding="utf-8")
    shown = re.search(r"<!-- differences -->\n(.*?)\n<!-- /differences -->", text, re.S)
    assert shown, "README.md lost its <!-- differences --> section"
    assert shown.group(1).strip() == differences.markdown().strip(), \
        "README.md's differences table is stale: paste `python -m toyqueue differences` into it"


def test_every_difference_names_what_sqs_does():
    rows = differences.collect()
    assert rows, "the contract suite marks no differences: the table would be empty"
    assert all(r["sqs"] and r["localstack"] and r["test"] for r in rows)
