"""Helpers for the catalogue of wrong solutions (tests/grading/test_wrong_*.py).

Every wrong solution is a reference answer with one mistake a learner really makes; the test
asserts on the failure text: the rule's name and the detail a learner needs to find the bug, in
the learner's terms (nothing that names the grader's own machinery).
"""
import re

import pytest

from exercise_code import load
from toyqueue.grading import CheckFailed

# Words a learner must never meet in a failure: they name the grader's insides, not their code.
INTERNALS = re.compile(r"Recorder|\bdrain\b|replay|\bmake\(|_judge|World|interleave|Verdict|History|"
                       r"toyqueue/|Traceback|check_threads|producers_and_consumers|learner_code")

_cache = {}


def namespace(name: str) -> dict:
    """Every name the exercise's solution cells define."""
    if name not in _cache:
        _cache[name] = load(name)
    return _cache[name]


def solution(name: str, what: str = "MyQueue"):
    return namespace(name)[what]


def rejected(check, *args) -> str:
    """The failure text of `check(*args)`, which must fail, in the learner's words."""
    with pytest.raises(CheckFailed) as info:
        check(*args)
    text = str(info.value)
    assert not INTERNALS.search(text), f"a grader internal in: {text}"
    return text


class WholeClock:
    """A learner's clock read as whole seconds: `int(clock.now())`."""

    def __init__(self, clock):
        self.real = clock

    def now(self):
        return int(self.real.now())
