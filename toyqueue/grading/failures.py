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

from ..i18n import mark, tr

GRADER_DIR = os.path.dirname(os.path.abspath(__file__))
PACKAGE_DIR = os.path.dirname(GRADER_DIR)


class Text(str):
    """English words that keep their template and fields, so they can also be said in the course
    language: a rule that carries a number from limits.py (the English string is what code and
    tests compare; `say(rule)` is what the learner reads)."""

    def __new__(cls, template: str, /, **fields):
        text = super().__new__(cls, template.format(**fields))
        text.template, text.fields = template, fields
        return text


def say(text: str, /, **fields) -> str:
    """`text` in the course language (toyqueue.i18n): a template marked with mark() and filled in
    with `fields`, a Text, or words already said (no fields: they stay as they are)."""
    if isinstance(text, Text):
        return tr(text.template, **text.fields)
    return tr(text, **fields) if text else text


class CheckFailed(AssertionError):
    """A rule of the exercise is broken; the message says which and how.

    `rule` and `detail` are said in the course language here (say(), `detail` filled in with
    `fields`), so the numbers, ids and codes in them are the same in every language; `scenario`,
    what the check did, follows on a line of its own. `rule` and `detail` keep what was said."""

    def __init__(self, rule: str, detail: str = "", /, scenario: str = "", **fields):
        self.rule, self.detail = say(rule), say(detail, **fields)
        if scenario:
            told = tr("Scenario: {scenario}", scenario=say(scenario))
            self.detail = f"{self.detail}\n{told}" if self.detail else told
        text = tr("Rule broken: {rule}.", rule=self.rule) if self.rule else ""
        if self.detail:
            text = f"{text}\n{self.detail}" if text else self.detail
        super().__init__(text)


class NotImplementedYet(CheckFailed):
    """The learner has not filled in a TODO yet: not a bug, just not done. `what` is what to do,
    said already (or a template marked with mark(), filled in with `fields`)."""

    def __init__(self, what: str, /, **fields):
        super().__init__("", tr("not implemented yet: {what}, then run this check again.",
                                what=say(what, **fields)))


def _is_learner(frame) -> bool:
    name = frame.f_code.co_filename
    return not name.startswith(PACKAGE_DIR) and "/lib/python" not in name and not name.startswith("<frozen")


def place(frame) -> str | None:
    """Where a learner's code lives: the name of their file (myqueue.py), or None for the
    notebook cell above."""
    name = os.path.basename(frame.f_code.co_filename)
    return name if name.endswith(".py") and not name[:-3].isdigit() else None


def _where(exc: BaseException, innermost: bool = True):
    """The learner's function that raised and its file, e.g. ("MyQueue.receive", "myqueue.py"):
    the innermost learner frame for a TODO, else the outermost one (the method the check called).
    The function is None for a file's or cell's top level, the file None for the cell above; the
    whole answer None when no learner code ran (the call itself did not fit)."""
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
        return None, place(found)
    if owner is not None:
        return f"{type(owner).__name__}.{name}", place(found)
    return name, place(found)


def not_done(exc: NotImplementedError) -> NotImplementedYet:
    where = _where(exc)
    if where is None:
        return NotImplementedYet(mark("fill in the TODOs"))
    name, file = where
    if file is None:
        return (NotImplementedYet(mark("fill in {name} in the cell above"), name=name) if name
                else NotImplementedYet(mark("fill in the TODOs in the cell above")))
    return (NotImplementedYet(mark("fill in {name} in {file}"), name=name, file=file) if name
            else NotImplementedYet(mark("fill in the TODOs in {file}"), file=file))


def raised(exc: BaseException, where=None) -> str:
    """`ValueError: bad max` as Python shows it, after "MyQueue.receive raised " when known."""
    if where is None or where[0] is None:
        return f"{type(exc).__name__}: {exc}"
    return tr("{name} raised {error}: {message}", name=where[0], error=type(exc).__name__, message=exc)


@contextlib.contextmanager
def learner_code(doing: str, /, **fields):
    """Run learner code; translate its exceptions into a CheckFailed that says what we were doing.

    `doing` (a template marked with mark(), filled in with `fields` only if something goes
    wrong) completes the sentence "... raised X while <doing>".
    """
    __tracebackhide__ = True
    try:
        yield
    except CheckFailed:
        raise
    except NotImplementedError as exc:
        raise not_done(exc) from None
    except Exception as exc:  # the learner's bug, reported as such
        raise CheckFailed("", mark("{error} (while {doing})"), error=raised(exc, _where(exc, innermost=False)),
                          doing=say(doing, **fields)) from exc


def _names(errors) -> str:
    return tr(" or ").join(e.__name__ for e in errors)


def expect_error(call, doing: str, rule: str, errors=(ValueError,), **fields):
    """The learner's code must raise one of `errors` (bad input gets an error, as SQS answers 400).
    `doing` names the call (a template filled in with `fields`)."""
    __tracebackhide__ = True
    try:
        call()
    except NotImplementedError as exc:
        raise not_done(exc) from None
    except errors:
        return
    except Exception as exc:
        raise CheckFailed(rule, mark("{doing} raised {error}; expected {names}."), doing=say(doing, **fields),
                          error=raised(exc), names=_names(errors)) from None
    raise CheckFailed(rule, mark("{doing} was accepted; it should raise {names}."), doing=say(doing, **fields),
                      names=_names(errors))


ALLOWED = mark("that value is allowed")


def expect_accepted(call, doing: str, rule: str, why: str = ALLOWED, **fields):
    """The learner's code must accept a call SQS accepts (a value at the edge of what is allowed,
    say); `why` (marked with mark()) tells the learner why it must, `doing` names the call (a
    template filled in with `fields`)."""
    __tracebackhide__ = True
    try:
        return call()
    except NotImplementedError as exc:
        raise not_done(exc) from None
    except CheckFailed as exc:          # already worded (the learner's code raised inside a recorded call)
        if exc.rule or isinstance(exc, NotImplementedYet):
            raise
        raise CheckFailed(rule, mark("{detail}; {why}."), detail=exc.detail, why=say(why)) from None
    except Exception as exc:
        raise CheckFailed(rule, mark("{doing} raised {error}; {why}."), doing=say(doing, **fields), error=raised(exc),
                          why=say(why)) from None
