"""Clocks. Time is injected so that lessons never sleep.

The service asks its clock for ``now()`` (epoch seconds, float) and never calls ``time``
itself. A server uses ``RealClock``; a lesson uses ``VirtualClock`` and says "four days
later..." with ``clock.advance(4 * 86400)``: every timestamp then comes out the same on
every run.
"""
import threading
import time

#: 2026-01-01T00:00:00Z, where every VirtualClock starts unless told otherwise.
EPOCH_2026 = 1767225600.0


class RealClock:
    """Wall-clock time. Long polls really wait (on a condition variable)."""

    virtual = False

    def now(self):
        return time.time()

    def sleep(self, seconds):
        time.sleep(seconds)

    def __repr__(self):
        return "RealClock()"


class VirtualClock:
    """Time that moves only when told to.

    Nobody else can make virtual time pass, so a long poll on an empty queue advances the
    clock itself (to the end of the wait or the next moment a message becomes visible).
    """

    virtual = True

    def __init__(self, start=EPOCH_2026):
        self._t = float(start)
        self._lock = threading.Lock()

    def now(self):
        return self._t

    def advance(self, seconds):
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        with self._lock:
            self._t += seconds
            return self._t

    sleep = advance

    def set(self, t):
        with self._lock:
            self._t = float(t)
            return self._t

    def advance_to(self, t):
        """Move forward to ``t`` unless another thread already went further."""
        with self._lock:
            if t > self._t:
                self._t = float(t)
            return self._t

    def __repr__(self):
        return f"VirtualClock(now={self._t!r})"
