"""Realistic SQS: the distributed system behind a standard queue, seeded and visible.

The exact toy queue is one perfect list. Real SQS spreads a queue over many servers, and AWS
documents what a consumer sees because of that (SQS Developer Guide and API Reference):

- Short polling: "Amazon SQS samples a subset of its servers (based on a weighted random
  distribution) and returns messages from only those servers. Thus, a particular
  ReceiveMessage request might not return all of your messages. [...] If you keep consuming
  from your queues, Amazon SQS samples all of its servers, and you receive all of your
  messages." (Amazon SQS short and long polling). "If the number of messages in the queue is
  extremely small, you might not receive any messages in a particular ReceiveMessage
  response. If this happens, repeat the request." (ReceiveMessage)
- Long polling: "the ReceiveMessage request queries all of the servers for messages. Amazon
  SQS sends a response after it collects at least one available message, up to the maximum
  number of messages specified in the request." (Amazon SQS short and long polling)
- At-least-once delivery: "Amazon SQS stores copies of your messages on multiple servers for
  redundancy and high availability. On rare occasions, one of the servers that stores a copy
  of a message might be unavailable when you receive or delete a message. If this occurs,
  the copy of the message isn't deleted on the server that is unavailable, and you might get
  that message copy again when you receive messages." (At-least-once delivery)
- Ordering: "A standard queue makes a best effort to preserve the order of messages, but more
  than one copy of a message might be delivered out of order." (Message ordering)
- Counters: "The ApproximateNumberOfMessagesDelayed, ApproximateNumberOfMessagesNotVisible,
  and ApproximateNumberOfMessages metrics may not achieve consistency until at least 1 minute
  after the producers stop sending messages." (GetQueueAttributes); "For standard queues, the
  result is approximate because of the distributed architecture of Amazon SQS. [...] For FIFO
  queues, the result is exact." (Resources required to process Amazon SQS messages)

AWS gives no sizes or rates, so the model's numbers (``Realism``) are ours, chosen so that a
lesson of a few hundred messages shows every effect:

- a queue has ``servers`` servers; each message is stored on ``copies`` of them;
- a short poll asks ``sample`` servers, drawn by fixed per-server weights, and hands out the
  oldest visible messages that have a copy on one of them: fewer than asked for, or none,
  while messages wait elsewhere (most often when there are few);
- a long poll asks every server, so it answers as soon as any message is visible;
- each message handed out is, with chance ``reorder``, the second in line instead of the
  first, which then follows it (best-effort order);
- each delete misses, with chance ``duplicate_rate``, the copy on a server that was down. That
  copy stays in flight until the visibility timeout of the receive that was deleted runs out,
  then is visible again; the server applies the delete ``catch_up`` seconds after it was made;
- ApproximateNumberOf* show the queue as it was ``counter_lag`` seconds earlier.

Nothing is lost: every server is asked again and again, and a message passed over stays first
in line, so a message that is not deleted is delivered. FIFO queues stay exact.
Randomness comes from one ``random.Random`` per queue, seeded by the service's seed and the
queue's name, and is drawn only inside queue operations: the same seed and the same calls
give the same answers, in-process or over HTTP.
"""
import heapq
import itertools
import math
import random
from collections import deque
from dataclasses import dataclass

from .message import GONE, VISIBLE
from .queue import StandardQueue


@dataclass(frozen=True)
class Realism:
    """The knobs of realistic mode (defaults show each effect within a few hundred messages)."""
    servers: int = 5               # servers holding the queue's messages
    copies: int = 2                # servers each message is stored on
    sample: int = 2                # servers a short poll asks
    reorder: float = 0.02          # chance a message handed out overtakes the one before it
    duplicate_rate: float = 0.02   # chance a delete misses a copy (its server was down)
    catch_up: float = 60.0         # seconds until that server applies the delete it missed
    counter_lag: float = 60.0      # ApproximateNumberOf* show the queue this long ago

    def __post_init__(self):
        if not 1 <= self.copies <= self.servers or not 1 <= self.sample <= self.servers:
            raise ValueError("need 1 <= copies <= servers and 1 <= sample <= servers")
        if not (0 <= self.reorder <= 1 and 0 <= self.duplicate_rate <= 1):
            raise ValueError("reorder and duplicate_rate are chances, between 0 and 1")
        if self.catch_up < 0 or self.counter_lag < 0:
            raise ValueError("catch_up and counter_lag are seconds, >= 0")

    @classmethod
    def of(cls, realistic):
        """QueueService's ``realistic=``: False/None (exact), True, a dict of knobs or a Realism."""
        if realistic is None or realistic is False:
            return None
        if realistic is True:
            return cls()
        if isinstance(realistic, cls):
            return realistic
        if isinstance(realistic, dict):
            return cls(**realistic)
        raise TypeError(f"realistic= takes True, False, a dict of knobs or a Realism, not {realistic!r}")


class Servers:
    """The visible messages, on the servers holding their copies; stands in for the
    deque ``StandardQueue.ready``. ``append`` lines a message up on its servers; ``popleft``
    hands out the oldest one on the servers in ``asked`` (sometimes the second oldest);
    ``bool()`` says whether there is one. Shelf entries go stale lazily, as in queue.py."""

    def __init__(self, realism, rng, effects):
        self.realism, self.rng, self.effects = realism, rng, effects
        self.weights = [rng.uniform(0.5, 1.5) for _ in range(realism.servers)]
        self.shelves = [deque() for _ in range(realism.servers)]   # (ticket, message)
        self.copies = {}            # message -> the servers holding a copy (0-based)
        self.tickets = {}           # message -> its place in line while it is visible
        self.lined_up = itertools.count(1)
        self.everyone = self.asked = range(realism.servers)

    def place(self, msg):
        """Store a new message on ``copies`` servers (once; a delete may cut them down)."""
        if msg not in self.copies:
            self.copies[msg] = tuple(sorted(self.rng.sample(range(self.realism.servers),
                                                            self.realism.copies)))

    def append(self, msg):
        self.place(msg)
        ticket = self.tickets[msg] = next(self.lined_up)
        for s in self.copies[msg]:
            self.shelves[s].append((ticket, msg))

    def sample(self):
        """The servers one short poll asks: ``sample`` of them, by weight, no repeats."""
        pool, weights = list(range(self.realism.servers)), list(self.weights)
        chosen = []
        for _ in range(self.realism.sample):
            i = self.rng.choices(range(len(pool)), weights)[0]
            chosen.append(pool.pop(i))
            weights.pop(i)
        return tuple(sorted(chosen))

    def _stale(self, entry):
        ticket, msg = entry
        return msg.status is not VISIBLE or self.tickets.get(msg) != ticket

    def _line(self, k):
        """The first ``k`` messages in line on the asked servers."""
        found = {}
        for s in self.asked:
            shelf = self.shelves[s]
            while shelf and self._stale(shelf[0]):
                shelf.popleft()
            n = 0
            for entry in shelf:
                if n == k:
                    break
                if not self._stale(entry):
                    found[entry[0]] = entry[1]
                    n += 1
        return [found[t] for t in sorted(found)[:k]]

    def __bool__(self):
        return bool(self._line(1))

    def popleft(self):
        line = self._line(2)
        if not line:
            raise IndexError("no visible message on the servers asked")
        msg = line[0]
        if len(line) > 1 and self.rng.random() < self.realism.reorder:
            msg = line[1]
            self.effects["overtaken"] += 1
        del self.tickets[msg]                    # its entries on every shelf are stale now
        return msg

    def forget(self, msg):
        self.copies.pop(msg, None)
        self.tickets.pop(msg, None)

    def clear(self):
        for shelf in self.shelves:
            shelf.clear()
        self.copies.clear()
        self.tickets.clear()


class RealisticQueue(StandardQueue):
    """A standard queue whose messages live on servers (see the module docstring)."""

    def __init__(self, name="queue", *, realism=None, seed=None, **kw):
        super().__init__(name, **kw)
        self.realism = realism or Realism()
        self.rng = random.Random(None if seed is None else f"{seed}/{name}")
        # How often each effect happened (for lessons and tests): short polls, those that
        # returned fewer than asked for (or none) while messages waited on other servers,
        # messages that overtook the one before them, deletes that missed a copy, copies
        # handed out after their delete, and copies removed when their server caught up.
        self.effects = dict(short_polls=0, short_fewer=0, short_empty=0, overtaken=0,
                            missed_deletes=0, after_delete=0, caught_up=0)
        self.ready = Servers(self.realism, self.rng, self.effects)
        self.returned = self.ready  # messages visible again line up on the servers too
        self.sampled = None         # servers the latest short poll asked (None: a long poll)
        self.stale = {}             # message -> when the copy that missed its delete catches up
        self._catch_ups = []        # heap of (when, n, message)
        self._numbers = itertools.count()
        self._snapshots = deque()   # (second, (visible, inflight, delayed)) for the counters
        self._next_second = None

    # --------------------------------------------------------- what the servers do
    def _add(self, body, now, *rest, **kw):
        self._settle(now)
        msg = super()._add(body, now, *rest, **kw)
        self.ready.place(msg)
        return msg

    def _take(self, now, max_n, vt, moved, short_poll=True):
        self._settle(now)
        ready = self.ready
        self.sampled = ready.sample() if short_poll else None
        ready.asked = self.sampled or ready.everyone
        out = super()._take(now, max_n, vt, moved)
        ready.asked = ready.everyone
        self.effects["after_delete"] += sum(1 for m in out if m in self.stale)
        if short_poll:
            self.effects["short_polls"] += 1
            if len(out) < max_n and self.n_visible:     # more were waiting on other servers
                self.effects["short_fewer"] += 1
                self.effects["short_empty"] += not out
        return out

    def _delete(self, msg, now):
        self._settle(now)
        where = self.ready.copies.get(msg, ())
        if len(where) < 2 or self.rng.random() >= self.realism.duplicate_rate:
            self._remove(msg)
            return
        # One server was down: its copy keeps the state it had, in flight until the
        # visibility timeout runs out, and the handle just used is spent.
        server = self.rng.choice(where)
        self.ready.copies[msg] = (server,)
        self.receipts.pop(msg.receipt, None)
        msg.receipt = None
        if msg.status is VISIBLE:                # already visible again: only there now
            self.ready.tickets.pop(msg, None)
            self.ready.append(msg)
        when = self.stale[msg] = now + self.realism.catch_up
        heapq.heappush(self._catch_ups, (when, next(self._numbers), msg))
        self.effects["missed_deletes"] += 1

    def _catch_up(self, now):
        """Servers that were down apply the deletes they missed."""
        heap = self._catch_ups
        while heap and heap[0][0] <= now:
            when, _, msg = heapq.heappop(heap)
            if self.stale.get(msg) == when and msg.status is not GONE:
                self._remove(msg)
                self.effects["caught_up"] += 1

    def _remove(self, msg):
        super()._remove(msg)
        self.ready.forget(msg)
        self.stale.pop(msg, None)

    def _trim_ready(self):
        pass                        # the servers' shelves are not a deque (see Servers)

    def _purged(self):
        self.stale.clear()
        self._catch_ups.clear()

    def _wake(self, now):
        self._settle(now)
        super()._wake(now)

    def _settle(self, now):
        """Before anything changes at ``now``: note the counts of the seconds gone by (the
        queue did not change between operations, only timers ran) and apply catch-ups."""
        lag = self.realism.counter_lag
        if lag and (self._next_second is None or now >= self._next_second):
            first = math.floor(now - lag) - 1          # older seconds are never read
            if self._next_second is not None:
                first = max(first, self._next_second)
            for second in range(first, math.floor(now) + 1):
                self._catch_up(second)
                StandardQueue._wake(self, second)
                self._snapshots.append((second, (self.n_visible, self.n_inflight, self.n_delayed)))
            self._next_second = math.floor(now) + 1
            snaps = self._snapshots
            while len(snaps) > 1 and snaps[1][0] <= now - lag:
                snaps.popleft()
        self._catch_up(now)

    # ------------------------------------------------------------ looking inside
    def approximate_counts(self, now):
        """The counts as GetQueueAttributes reports them: as they were ``counter_lag`` ago."""
        if not self.realism.counter_lag:
            return self.counts(now)
        with self.lock:
            self._wake(now)
            seen = [c for s, c in self._snapshots if s <= now - self.realism.counter_lag]
            visible, inflight, delayed = seen[-1] if seen else (0, 0, 0)
            return {"visible": visible, "inflight": inflight, "delayed": delayed}

    def servers(self, now=None):
        """Per server (numbered from 1), the live messages it holds a copy of, in send order."""
        out = {s + 1: [] for s in range(self.realism.servers)}
        for m in self.messages(now):
            for s in self.ready.copies.get(m, ()):
                out[s + 1].append(m)
        return out

    def copies(self, msg):
        """The servers (numbered from 1) holding a copy of ``msg``."""
        return tuple(s + 1 for s in self.ready.copies.get(msg, ()))

    @property
    def last_sample(self):
        """The servers (numbered from 1) the latest short poll asked; None after a long poll."""
        return None if self.sampled is None else tuple(s + 1 for s in self.sampled)
