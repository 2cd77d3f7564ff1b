"""Turning a learner's mistake into one sentence they can act on.

A bare `AssertionError` or a traceback ending deep inside the grader teaches nothing, so every
check raises `CheckFailed` whose text names the rule that broke and what was seen, in the
learner's terms: their class, their method, the call the scenario made. Nothing in a message
names the grader's own functions. It subclasses AssertionError so pytest and nbval count it as
an ordinary failed check.
"""
from __future__ import annotations

import contextlib
import os

GRADER_DIR = os.path.dirname(os.path.abspath(__file__))
PACKAGE_DIR = os.path.dirname(GRADER_DIR)


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

    def __init__(self, what: str):
        super().__init__("", f"not implemented yet: {what}, then run this check again.")


def _is_learner(frame) -> bool:
    name = frame.f_code.co_filename
    return not name.startswith(PACKAGE_DIR) and "/lib/python" not in name and not name.startswith("<frozen")


def place(frame) -> str:
    """Where a learner's code lives, in their words: myqueue.py or the notebook cell above."""
    name = os.path.basename(frame.f_code.co_filename)
    return name if name.endswith(".py") and not name[:-3].isdigit() else "the cell above"


def _where(exc: BaseException, innermost: bool = True):
    """The learner's function that raised, e.g. ("MyQueue.receive", "myqueue.py"): the innermost
    learner frame for a TODO, else the outermost one (the method the check called); None when
    no learner code ran (the call itself did not fit)."""
    tb = exc.__traceback__
    found = None
    while tb is not None:
        if _is_learner(tb.tb_frame):
            found = tb.tb_frame
            if not innermost:
                break
        tb = tb.tb_next
    if found is None:
        return None
    name = found.f_code.co_name
    owner = found.f_locals.get("self")
    if name == "<module>":
        return "the TODOs", place(found)
    if owner is not None:
        return f"{type(owner).__name__}.{name}", place(found)
    return name, place(found)


def not_done(exc: NotImplementedError) -> NotImplementedYet:
    where = _where(exc)
    if where is None:
        return NotImplementedYet("fill in the TODOs")
    return NotImplementedYet(f"fill in {where[0]} in {where[1]}")


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
        raise not_done(exc) from None
    except Exception as exc:  # the learner's bug, reported as such
        where = _where(exc, innermost=False)
        who = f"{where[0]} raised " if where else ""
        raise CheckFailed("", f"{who}{type(exc).__name__}: {exc} (while {doing})") from exc


def expect_error(call, doing: str, rule: str, errors=(ValueError,)):
    """The learner's code must raise one of `errors` (bad input gets an error, as SQS answers 400)."""
    __tracebackhide__ = True
    try:
        call()
    except NotImplementedError as exc:
        raise not_done(exc) from None
    except errors:
        return
    except Exception as exc:
        names = " or ".join(e.__name__ for e in errors)
        raise CheckFailed(rule, f"{doing} raised {type(exc).__name__}: {exc}; expected {names}.") from None
    names = " or ".join(e.__name__ for e in errors)
    raise CheckFailed(rule, f"{doing} was accepted; it should raise {names}.")


def expect_accepted(call, doing: str, rule: str, why: str = "that value is allowed"):
    """The learner's code must accept a call SQS accepts (a value at the edge of what is allowed,
    say); `why` tells the learner why it must."""
    __tracebackhide__ = True
    try:
        return call()
    except NotImplementedError as exc:
        raise not_done(exc) from None
    except CheckFailed as exc:          # already worded (the learner's code raised inside a recorded call)
        if exc.rule or isinstance(exc, NotImplementedYet):
            raise
        raise CheckFailed(rule, f"{exc.detail}; {why}.") from None
    except Exception as exc:
        raise CheckFailed(rule, f"{doing} raised {type(exc).__name__}: {exc}; {why}.") from None
