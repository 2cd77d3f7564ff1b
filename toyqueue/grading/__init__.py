"""Exercise check helpers: scenarios run against the learner's code, judged by invariants.

Each exercise notebook ends with check cells such as

    from toyqueue.grading import ex03
    ex03.check_visibility_timeout(MyQueue)

A check drives the learner's queue through a scenario on a VirtualClock (and on threads), records
every send, receive and delete (record.py), replays the history against SQS's rules (rules.py)
and either prints a short PASS summary or raises CheckFailed naming the broken rule.

    python -m toyqueue.grading report <dir>    # one line per student and exercise (report.py)
"""
from .failures import CheckFailed, NotImplementedYet

__all__ = ["CheckFailed", "NotImplementedYet"]
