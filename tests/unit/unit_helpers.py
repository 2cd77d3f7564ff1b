"""Helpers shared by the unit tests.

A module of its own, not conftest.py: test files importing `from conftest import ...` get
whichever conftest module pytest loaded first when tests/unit runs together with tests/contract
or tests/server (each has a conftest.py), and then fail to import.
"""


def receive_all(svc, url, **kw):
    """Every message a receive hands out (empty list when none)."""
    return svc.receive_message(QueueUrl=url, **kw).get("Messages", [])
