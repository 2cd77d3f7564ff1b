"""The core benchmark script runs (its numbers are for people; this only checks it works)."""
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_bench_core_quick_runs_and_prints_ratios():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_core.py"), "--quick"],
                         capture_output=True, text=True, timeout=300, check=True).stdout
    assert "(a)" in out and "(b)" in out and "(c)" in out
    assert out.count("ratio") >= 5
    assert "bytes/message" in out
