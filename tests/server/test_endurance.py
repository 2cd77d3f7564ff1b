"""The endpoint, in a process of its own, under load and under abuse, at a small size (the
long runs are `benchmarks/endurance.py load|abuse`; their figures are in its docstring's
commands, not asserted here)."""

import pytest

from benchmarks.endurance import abuse, load, toy_process


@pytest.mark.parametrize("fifo", [False, True], ids=["standard", "fifo"])
def test_producers_and_crashing_consumers_lose_nothing(fifo):
    with toy_process() as (url, _):
        r = load(url, seconds=2.0, producers=2, consumers=4, fifo=fifo, seed=7)
    print(f"\n{r['calls']} calls, {r['calls_per_s']:.0f}/s, p50 {r['p50_ms']:.1f} ms, "
          f"p99 {r['p99_ms']:.1f} ms, {r['crashes']} crashes, {r['duplicates']} duplicates")
    assert r["errors"] == []
    assert r["sent"] > 0 and r["crashes"] > 0
    assert (r["lost"], r["unexpected"]) == (0, 0), r["report"].summary()
    assert r["valid"], r["report"].summary()        # nothing early, after a delete, out of order


def test_idle_slow_and_oversized_connections_do_not_lock_a_client_out():
    """Under 256 open files (a cap of 64 connections), 300 idle, 20 trickling and 8 oversized
    connections: the accept loop used to spin and a new client was never served."""
    with toy_process(nofile=256) as (url, pid):
        r = abuse(url, pid, idle=300, slow=20, oversized=8, rounds=10)
    print(f"\nthreads {r['before']['threads']} -> {r['peak']['threads']} -> {r['after']['threads']}, "
          f"RSS {r['before']['rss_mb']:.0f} -> {r['peak']['rss_mb']:.0f} -> "
          f"{r['after']['rss_mb']:.0f} MB, CPU {r['cpu_share_during']:.0%}")
    assert r["rounds_failed"] == [] and r["rounds_ok"] == 10
    assert r["peak"]["threads"] <= 2 * 64           # about one per connection, the cap 64 (was ~250)
    assert r["after"]["threads"] <= r["before"]["threads"] + 2
    assert r["after"]["rss_mb"] - r["before"]["rss_mb"] < 64
    assert r["cpu_share_during"] < 0.5              # no accept loop spinning (it took 70%)
