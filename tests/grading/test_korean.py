"""The checks speak Korean when the course language is Korean (toyqueue.i18n), and say the same.

The catalogue of wrong answers (test_wrong_*.py) asserts the English messages. Here a sample of
those wrong answers is graded once more in Korean: the Korean message must exist, leave no English
words behind (code, quoted data and SQS's error codes aside), and carry the same numbers as the
English one. Passing checks print the same numbers, codes and ids in both languages (the Korean
solutions' checked outputs are compared with the English ones by tests/notebooks/test_editions.py
once the exercises have a Korean edition), and an untouched exercise fails with the Korean "not
implemented yet".
"""
import contextlib
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

import test_wrong_01_store_and_receive as w01
import test_wrong_02_receipt_handles as w02
import test_wrong_03_visibility_timeout as w03
import test_wrong_04_idempotent_consumer as w04
import test_wrong_05_scaling_policy as w05
import test_wrong_06_access_policy as w06
import test_wrong_07_retention_and_delay as w07
import test_wrong_08_batches as w08
import test_wrong_09_dead_letter as w09
import test_wrong_10_fifo as w10
from exercise_code import ROOT, SOURCES, nbbuild
from toyqueue import i18n
from toyqueue.clock import VirtualClock
from toyqueue.grading import (access_policy, batches, dead_letter, fifo, idempotent_consumer, receipt_handles,
                              retention_and_delay, scaling_policy, store_and_receive, visibility_timeout)
from toyqueue.grading.failures import NotImplementedYet
from toyqueue.i18n import tr
from test_exercise_notebooks import run
from wrong import rejected

sys.path.insert(0, str(ROOT / "tests" / "notebooks"))
from test_editions import neutral_tokens  # noqa: E402  (what test_editions compares across editions)

HANGUL = re.compile(r"[\uac00-\ud7a3]")
UUID = re.compile(r"(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@contextlib.contextmanager
def korean():
    """Korean for a while, then English again (the language, and the font it picks, are process-wide)."""
    import matplotlib

    with matplotlib.rc_context():
        i18n.set_language("ko")
        try:
            yield
        finally:
            i18n.set_language("en")


def numbers(text: str) -> Counter:
    """The numbers of a message, with the made-up ids (uuid4 message ids, handles) left out."""
    return Counter(NUMBER.findall(UUID.sub(" ", text)))


QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`")
RAISED = re.compile(r"\b[A-Z]\w*(?:Error|Exception): [^()\n]*")     # the learner's own exception text
CODE = re.compile(r"\S*[_().=\[\]{}<>/:\d]\S*|\b[A-Z][A-Za-z0-9]*[A-Z]\w*\b|\b[A-Z]{2,}\b|\b[A-Z]\d*\b")


# The learner's methods and functions, named as code in any language ("receive는 메시지를 ...").
IDENTIFIERS = ({name for module in (store_and_receive, receipt_handles, visibility_timeout, retention_and_delay,
                                    batches, dead_letter, fifo) for name in module.INTERFACE}
               | {"consume", "handle_order", "make_db", "backlog_target", "desired_instances", "queue_policy"})


# Policy words stay as written (docs/translating.md): effects, elements, and the evaluator's
# "implicit deny" with the side that did not allow (queue or iam).
POLICY = re.compile(r"implicit deny|허용하지 않은 쪽: [a-z]+|(?<![A-Za-z])(Allow|Deny|Resource|Principal|Statement)"
                    r"(?![A-Za-z])")
# "id" stays lowercase where the English has it: a checked output's "ID" would be a code of its own.
KEPT = IDENTIFIERS | {"id"}


def english_words(text: str) -> list[str]:
    """Words of English left in a Korean message: what remains after quoted data, the learner's
    own exception messages, policy words and code (identifiers, calls, codes such as
    MessageNotInflight, names such as P1 or A) are taken out."""
    for pattern in (QUOTED, RAISED, POLICY, CODE):
        text = pattern.sub(" ", text)
    return [word for word in re.findall(r"[A-Za-z]{2,}", text) if word not in KEPT]


# (check, its arguments): a sample of the catalogue, every exercise and every kind of message (a rule
# broken by the history, a slip in what was handed in, a race, a crash of the consumer, a policy case).
SAMPLE = [
    (store_and_receive.check_store_and_receive, (w01.Peeks,)),
    (store_and_receive.check_store_and_receive, (w01.TenRefused,)),
    (store_and_receive.check_store_and_receive, (w01.NoLimit,)),
    (store_and_receive.check_store_and_receive, (w01.S(VirtualClock()),)),
    (store_and_receive.check_many_at_once, (w01.NoLock,)),
    (store_and_receive.check_many_at_once, (w01.LockedSendOnly,)),
    (receipt_handles.check_receipt_handles, (w02.NeverHides,)),
    (receipt_handles.check_receipt_handles, (w02.HandleFromBody,)),
    (receipt_handles.check_receipt_handles, (w02.CountsForget,)),
    (receipt_handles.check_many_at_once, (w02.UnlockedReceive,)),
    (visibility_timeout.check_visibility_timeout, (w03.NoTimeout,)),
    (visibility_timeout.check_visibility_timeout, (w03.Forever,)),
    (visibility_timeout.check_visibility_timeout, (w03.OneHandle,)),
    (visibility_timeout.check_visibility_timeout, (w03.StaleHandleDeletes,)),
    (visibility_timeout.check_visibility_timeout, (w03.WholeTimeouts,)),
    (visibility_timeout.check_visibility_timeout, (w03.OldHandleRaises,)),
    (visibility_timeout.check_visibility_timeout, (w03.LateChangeHides,)),
    (visibility_timeout.check_visibility_timeout, (w03.NoTotalLimit,)),
    (idempotent_consumer.check_idempotent_consumer, (w04.keyed_on_message_id,
                                                     w04.consume_with(w04.keyed_on_message_id), w04.make_db)),
    (idempotent_consumer.check_idempotent_consumer, (w04.two_transactions,
                                                     w04.consume_with(w04.two_transactions), w04.make_db)),
    (idempotent_consumer.check_idempotent_consumer, (w04.handle_order, w04.never_deletes, w04.make_db)),
    (idempotent_consumer.check_idempotent_consumer, (w04.consume, w04.handle_order, w04.make_db)),
    (idempotent_consumer.check_idempotent_consumer, (w04.charges_every_delivery,
                                                     w04.consume_with(w04.charges_every_delivery), w04.make_db,
                                                     "realistic")),
    (idempotent_consumer.check_idempotent_consumer, (w04.in_send_order, w04.consume_with(w04.in_send_order),
                                                     w04.make_db, "realistic")),
    (idempotent_consumer.check_idempotent_consumer, (w04.handle_order, w04.returns_zero, w04.make_db, "realistic")),
    (scaling_policy.check_scaling_policy, (w05.NS["backlog_target"],
                                           w05.policy(lambda v, n, t, lo, hi: max(lo, min(hi, v // t))))),
    (scaling_policy.check_scaling_policy, (lambda latency, per: per / latency, w05.NS["desired_instances"])),
    (access_policy.check_writers, (w06.edited(w06.no_source_account),)),
    (access_policy.check_writers, (w06.edited(w06.orders_by_heart),)),
    (access_policy.check_https_only, (w06.edited(w06.https_by_allow),)),
    (retention_and_delay.check_delay, (w07.NoDelay,)),
    (retention_and_delay.check_delay, (w07.DelayedIsInflight,)),
    (retention_and_delay.check_retention, (w07.FromVisible,)),
    (retention_and_delay.check_retention, (w07.OneDay,)),
    (batches.check_batches, (w08.Characters,)),
    (batches.check_batches, (w08.ExactMiBRefused,)),
    (batches.check_batches, (w08.Silent,)),
    (dead_letter.check_dead_letter, (w09.NoDlq,)),
    (dead_letter.check_dead_letter, (w09.KeepsCount,)),
    (dead_letter.check_dead_letter, (w09.MovesInFlight,)),
    (dead_letter.check_at_once, (w09.UnlockedAccept,)),
    (fifo.check_fifo_order, (w10.NoBlock,)),
    (fifo.check_fifo_order, (w10.CaseBlindGroups,)),
    (fifo.check_deduplication, (w10.Restarts,)),
    (fifo.check_group_visibility, (w10.BlocksWhileAnyInFlight,)),
    (fifo.check_group_visibility, (w10.StandardHandles,)),
    (fifo.check_group_visibility, (w10.LateDelete,)),
    (fifo.check_deduplication, (w10.Md5,)),
    (fifo.check_fifo_threads, (w10.UnlockedDedup,)),
]


def _name(case):
    check, args = case
    given = [a if isinstance(a, str) else getattr(a, "__name__", None) or type(a).__name__ for a in args]
    return f"{check.__module__.rsplit('.', 1)[1]}.{check.__name__}({', '.join(given)})"


@pytest.mark.parametrize("check, args", SAMPLE, ids=[_name(c) for c in SAMPLE])
def test_a_wrong_answer_is_told_in_korean_with_the_same_numbers(check, args):
    english = rejected(check, *args)
    with korean():
        said = rejected(check, *args)
    assert HANGUL.search(said), said
    assert english_words(said) == [], f"English left in:\n{said}\n---\n{english}"
    assert numbers(said) == numbers(english), f"\n{english}\n---\n{said}"
    assert said.count("\n") == english.count("\n"), "the same lines: rule, what happened, scenario, hint"


def test_the_checker_of_english_words_sees_untranslated_text():
    assert english_words("규칙 위반: a message whose visibility timeout ends becomes visible again.") != []
    assert english_words("MyQueue.receive에서 예외 발생, ValueError: max_messages must be between 1 and 10 "
                         "(P1의 send('order 1') 호출 중)") == []


def korean_version(name, version):
    """The Korean edition of exercise `name`'s `version` ("exercises/ko") once it has one; until
    then the English notebook, whose code is the same but for its hints."""
    source = ROOT / "sources" / "exercises" / f"{name}.py"
    return f"{version}/ko" if f"{version}/ko/{name}.ipynb" in nbbuild.targets(source) else version


def run_cells(name, version, folder=None, edition="en"):
    """Every code cell of exercise `name` in order, in `edition`'s notebook and starter;
    [(is_check, exception or None, stdout)]."""
    return run(name, korean_version(name, version) if edition != "en" else version, folder, edition=edition)


def friendly(language: str) -> re.Pattern:
    """What an untouched check says, in `language`: the template of NotImplementedYet, whatever to do."""
    with korean() if language == "ko" else contextlib.nullcontext():
        template = tr("not implemented yet: {what}, then run this check again.")
    head, tail = template.split("{what}")
    return re.compile(f"^{re.escape(head)}.+{re.escape(tail)}$", re.S)


@pytest.mark.parametrize("name", [s.stem for s in SOURCES])
def test_an_untouched_exercise_fails_only_at_its_checks_in_korean(name, tmp_path):
    with korean():
        results = run_cells(name, "exercises", tmp_path, edition="ko")
    assert any(is_check for is_check, _, _ in results)
    for is_check, err, _ in results:
        if not is_check:
            assert err is None, f"a cell outside the checks failed: {err!r}"
        else:
            assert isinstance(err, NotImplementedYet), f"a check cell gave {err!r}"
            assert friendly("ko").match(str(err)) and not friendly("en").match(str(err)), str(err)
            assert english_words(str(err)) == [], str(err)


@pytest.mark.parametrize("name", [s.stem for s in SOURCES])
def test_a_passing_check_prints_the_same_numbers_codes_and_ids_in_korean(name):
    english = [out for is_check, _, out in run_cells(name, "solutions") if is_check]
    with korean():
        said = run_cells(name, "solutions", edition="ko")
    assert [err for _, err, _ in said] == [None] * len(said)
    said = [out for is_check, _, out in said if is_check]
    assert len(said) == len(english)
    for en, ko in zip(english, said):
        assert ko.startswith("PASS ") and HANGUL.search(ko), ko
        assert english_words(ko) == [], ko
        assert [neutral_tokens(line) for line in ko.splitlines()] == \
            [neutral_tokens(line) for line in en.splitlines()], f"\n{en}\n---\n{ko}"


def test_every_grading_message_keeps_its_numbers_in_korean():
    """Numbers written in a template (not in its fields) are the same in its Korean: "43,200 s"
    is "43,200초", "(12 hours)" is "(12시간)", and "one byte more" does not become "1바이트 더"."""
    messages = i18n.catalogue("ko")
    outside = re.compile(r"\{[^{}]*\}")
    grading = {text for path, _, text in i18n.strings() if path.startswith("toyqueue/grading/")}
    differ = {text: messages[text] for text in grading
              if numbers(outside.sub(" ", text)) != numbers(outside.sub(" ", messages[text]))}
    assert differ == {}


def test_a_missing_myqueue_file_is_told_in_korean(tmp_path):
    from toyqueue.grading import mycode

    with korean():
        missing = mycode.load("MyQueue", tmp_path)
        with pytest.raises(NotImplementedYet) as info:
            store_and_receive.check_store_and_receive(missing)
    assert "이 노트북 옆에 myqueue.py 파일이 없습니다" in str(info.value)
    assert 'mycode.use_reference("01")' in str(info.value)


def test_the_sample_reaches_every_exercise():
    assert {check.__module__ for check, _ in SAMPLE} == {
        f"toyqueue.grading.{m}" for m in ("store_and_receive", "receipt_handles", "visibility_timeout",
                                          "idempotent_consumer", "scaling_policy", "access_policy",
                                          "retention_and_delay", "batches", "dead_letter", "fifo")}
    assert Path(w01.__file__).parent == Path(__file__).parent


SAYERS = {"fail", "CheckFailed", "NotImplementedYet", "expect_error", "expect_accepted", "learner_code", "passed",
          "overlap_line", "counts", "expect_counts", "raise_first", "Op", "Text", "tr", "say"}
WORDS = re.compile(r"[A-Za-z]{2,}'?[a-z]* [a-z]{2,}")


def _untranslatable(node) -> str | None:
    """English words a learner would read that no catalogue can hold: an f-string, or a literal not
    marked with mark()/tr(), with two words in a row outside its fields."""
    import ast

    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return text if WORDS.search(text) else None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if WORDS.search(node.value) else None
    if isinstance(node, (ast.List, ast.Tuple)):
        return next((t for t in map(_untranslatable, node.elts) if t), None)
    return None


def test_every_message_of_the_checks_can_be_said_in_korean():
    """A message handed to the checks' machinery is a template marked with mark() (or said with
    tr()), never an f-string or a bare literal: those would stay English in every edition."""
    import ast

    found = []
    for path in sorted((ROOT / "toyqueue" / "grading").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name not in SAYERS or name in ("tr", "say", "Text") and node.args and \
                    isinstance(node.args[0], ast.Constant):
                continue
            for arg in node.args:
                text = _untranslatable(arg)
                if text:
                    found.append(f"{path.name}:{node.lineno}: {name}({text[:60]!r}...)")
    assert found == []


def test_the_guard_sees_an_fstring_message():
    import ast

    call = ast.parse('fail(RULE, f"message {m} was lost")').body[0].value
    assert _untranslatable(call.args[1]) and not _untranslatable(ast.parse('mark("x y")').body[0].value)
    assert not _untranslatable(ast.parse('f"change_visibility(handle, {bad})"').body[0].value)
