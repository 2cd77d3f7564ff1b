"""Simulations that return data (plain dataclasses and lists), for widgets, plots and tests.

    from toyqueue.sim import sync_async, consumers, autoscaling, tiers
    sync_async.simulate(spike=1000)           # lesson 01: direct call vs a queue
    consumers.simulate(messages=20)           # lesson 06: consumers on a real toy queue
    autoscaling.compare(spike_rate=100)       # lesson 07: step policy vs target tracking
    tiers.simulate()                          # lesson 08: two tiers scaling on their own

Nothing here draws or sleeps, so tests check the numbers without a browser and a lesson's
printed output is the same on every run (VirtualClock, seeded random); widgets/ only draws.
"""
