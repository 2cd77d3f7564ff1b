"""Turning a learner's mistake into one sentence they can act on.

A bare `AssertionError` or a traceback ending deep inside the grader teaches nothing, so every
check raises `CheckFailed` whose text names the rule that broke and what was seen. It subclasses
AssertionError so pytest and nbval count it as an ordinary failed check.
"""
from __future__ import annotations

import contextlib
import os

GRADER_DIR = os.path.dirname(os.path.abspath(__file__))


class CheckFailed(AssertionError):
    """A rule of the exercise is broken; the message says which and how."""

    def __init__(self, rule: str, detail: str = ""):
        self.rule, self.detail = rule, detail
        text = f"Rule broken: {rule}." if rule else ""
        if detail:
            text = f"{text}\n{detail}" if text else detail
        super().__init__(text)


class NotImplementedYet(CheckFailed):
    """The learner has not filled in a TODO yet: not a bug, just not done."""

    def __init__(self, where: str):
        super().__init__("", f"not implemented yet: fill in {where} in the cell above, then run this check again.")


def _where(exc: BaseException, innermost: bool = True) -> str:
    """Name the learner's method that raised, e.g. `MyQueue.receive`: the innermost frame for a
    TODO, else the first frame outside the grader (the method the check called)."""
    tb = exc.__traceback__
    last = None
    while tb is not None:
        if not innermost and not tb.tb_frame.f_code.co_filename.startswith(GRADER_DIR):
            last = tb
            break
        last = tb
        tb = tb.tb_next
    if last is None:
        return "the TODOs"
    frame = last.tb_frame
    name = frame.f_code.co_name
    owner = frame.f_locals.get("self")
    if owner is not None:
        return f"{type(owner).__name__}.{name}"
    if name == "<module>":
        return "the TODOs"
    return name


@contextlib.contextmanager
def learner_code(doing: str):
    """Run learner code; translate its exceptions into a CheckFailed that says what we were doing.

    `doing` completes the sentence "... raised X while <doing>".
    """
    __tracebackhide__ = True
    try:
        yield
    except CheckFailed:
        raise
    except NotImplementedError as exc:
        raise NotImplementedYet(_where(exc)) from None
    except Exception as exc:  # the learner's bug, reported as such
        raise CheckFailed("", f"{_where(exc, innermost=False)} raised {type(exc).__name__}: {exc} (while {doing})") from exc


def expect_error(call, doing: str, rule: str, errors=(ValueError,)):
    """The learner's code must raise one of `errors` (bad input gets an error, as SQS answers 400)."""
    __tracebackhide__ = True
    try:
        call()
    except NotImplementedError as exc:
        raise NotImplementedYet(_where(exc)) from None
    except errors:
        return
    except Exception as exc:
        names = " or ".join(e.__name__ for e in errors)
        raise CheckFailed(rule, f"{doing} raised {type(exc).__name__}: {exc}; expected {names}.") from None
    names = " or ".join(e.__name__ for e in errors)
    raise CheckFailed(rule, f"{doing} was accepted; it should raise {names}.")
