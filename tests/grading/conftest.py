"""Load an exercise's code (solution or learner version) straight from its source, in-process.

Running the cells here instead of in a kernel keeps the catalogue of wrong queues fast; the
notebooks themselves are run by nbval (solutions/) and by test_exercise_notebooks.py.
"""
import pytest

from exercise_code import load


@pytest.fixture(scope="session")
def solution():
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = load(name)
        return cache[name]
    return get
