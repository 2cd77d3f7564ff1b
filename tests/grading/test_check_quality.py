"""The checks' own quality, in brief (the full measures are `make mutants` and `make verdicts`).

- Every concurrency check gives one verdict, word for word, run after run: PASS for the
  reference, the same failure for the reference with its locks taken out.
- The mutation tool finds mutants in every exercise, lists no equivalent mutant that no longer
  exists, and a sample of them is killed by the check cells.
"""
import sys

import pytest

from exercise_code import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import mutants  # noqa: E402
import verdicts  # noqa: E402


@pytest.mark.parametrize("name", sorted(verdicts.CHECKS))
def test_concurrency_checks_give_one_verdict(name):
    import importlib
    what, checks = verdicts.CHECKS[name]
    for dotted in checks:
        module, fn = dotted.split(".")
        check = getattr(importlib.import_module(f"toyqueue.grading.{module}"), fn)
        assert verdicts.verdict(check, verdicts.classes(name, what, unlocked=False)).startswith("PASS")
        bare = verdicts.classes(name, what, unlocked=True)
        first = verdicts.verdict(check, bare)
        assert first.startswith("FAIL") and "hint:" in first, first
        assert verdicts.verdict(check, bare) == first


def test_every_exercise_has_mutants_and_only_known_equivalents_are_listed():
    for source in mutants.SOURCES:
        found = {m.key for m in mutants.mutants(source)}
        assert found, source.stem
        stale = set(mutants.EQUIVALENT.get(source.stem, {})) - found
        assert stale == set(), f"{source.stem}: equivalent mutants that no longer exist: {stale}"


def test_mutants_are_run_against_the_check_cells():
    """A few of exercise 02's mutants, run in-process (make mutants runs them all, in child processes)."""
    ms = [m for m in mutants.mutants(ROOT / "sources" / "exercises" / "02_receipt_handles.py")
          if m.what in ("statement removed", "== -> !=", "is -> is not")][:6]
    assert len(ms) == 6
    for m in ms:
        survived, why = mutants.run_cells(m.exercise, {m.cell: m.code})
        assert not survived and why.startswith("check"), (m.key, why)
    assert mutants.run_cells("02_receipt_handles") == (True, "")
