"""Exercise check helpers: scenarios run against the learner's code, judged by invariants.

Each exercise notebook ends with check cells such as

    from toyqueue.grading import visibility_timeout
    visibility_timeout.check_visibility_timeout(MyQueue)

A check drives the learner's queue through a scenario on a VirtualClock, records every send,
receive and delete (record.py), replays the history against SQS's rules (rules.py) and either
prints a short PASS summary or raises CheckFailed naming the broken rule. Calls at the same time
run under a scheduler that switches threads where it chooses (interleave.py, concurrent.py), so a
race is found on every run or on none. The learner's queue lives in myqueue.py (mycode.py).

    python -m toyqueue.grading report <dir>    # one line per student and exercise (report.py)
    python -m toyqueue.grading reference NN    # myqueue.py after exercise NN
"""
from .failures import CheckFailed, NotImplementedYet

__all__ = ["CheckFailed", "NotImplementedYet"]
