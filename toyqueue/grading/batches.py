"""Checks for exercise 08: send_batch and delete_batch, with SQS's batch limits.

Every limit is probed on both sides (10 entries and 11, exactly 1 MiB and one byte more), sizes
with multi-byte text so that characters and UTF-8 bytes differ, and every refused batch is
followed by a look at the queue: a refused batch must not have done part of its work.
"""
from __future__ import annotations

from ..clock import VirtualClock
from ..i18n import mark, tr
from ..limits import MAX_BATCH_ENTRIES, MAX_BATCH_SIZE
from .common import (HOLDS_SOME, check, counts, crowd_check, expect_counts, fail, holding, make, overlap_check,
                     overlap_line, passed, queue_class)
from .concurrent import Op
from .failures import CheckFailed, Text, expect_accepted, expect_error
from .record import ONE_ID_EACH, History, Recorder
from .rules import replay

INTERFACE = {"__init__": [], "send": [], "receive": ["max_messages"], "delete": [], "counts": [],
             "send_batch": [], "delete_batch": []}
SCENARIO = mark("refused batches first; then P1 sends a batch of 10; A receives them and deletes them in two "
                "batches, one holding unknown handles.")
ENTRIES = Text(mark("a batch holds 1 to {max} entries (SQS: TooManyEntriesInBatchRequest / EmptyBatchRequest)"),
               max=MAX_BATCH_ENTRIES)
PARTIAL = mark("a batch succeeds or fails entry by entry: delete_batch deletes the valid handles and returns the "
               "others instead of raising")
SIZE = Text(mark("a batch is at most {max:,} bytes (1 MiB) in all, counted in UTF-8 bytes, not characters "
                 "(SQS: BatchRequestTooLong)"), max=MAX_BATCH_SIZE)
NOTHING = mark("a refused batch does nothing: no entry of it is stored or deleted")


def _sized(total_bytes: int, parts: int = 2) -> list[str]:
    """`parts` bodies of 3-byte characters (and a few ASCII ones) adding up to `total_bytes` UTF-8 bytes."""
    each = total_bytes // parts
    bodies = []
    for i in range(parts):
        size = each if i < parts - 1 else total_bytes - each * (parts - 1)
        bodies.append("가" * (size // 3) + "x" * (size % 3))
    return bodies


@check
def check_batches(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="08")
    clock = VirtualClock()
    h = History(clock)
    q = make(MyQueue, clock)
    rec = Recorder(q, h, visibility_timeout=30, cls_name=MyQueue.__name__)
    expect_error(lambda: q.delete_batch([]), mark("delete_batch([]) on an empty queue"), ENTRIES)
    over = ["first"] + _sized(MAX_BATCH_SIZE - 4)
    refused = [
        (lambda: q.send_batch([f"b{i}" for i in range(MAX_BATCH_ENTRIES + 1)]),
         tr("send_batch() with {n} bodies", n=MAX_BATCH_ENTRIES + 1), ENTRIES),
        (lambda: q.send_batch([]), "send_batch([])", ENTRIES),
        (lambda: q.send_batch(over), tr("send_batch() with 'first' and two bodies of Korean text, {bytes:,} UTF-8 "
                                        "bytes in all ({chars:,} characters)", bytes=MAX_BATCH_SIZE + 1,
                                        chars=sum(map(len, over))), SIZE),
        (lambda: q.send_batch(["가" * 200_000, "가" * 200_000]), tr("send_batch() with two bodies of 200,000 "
         "characters each: 400,000 characters but 1,200,000 UTF-8 bytes"), SIZE),
    ]
    for call, doing, rule in refused:
        expect_error(call, doing, rule)
        left = counts(q, mark("calling counts() after {doing} was refused"), doing=doing)
        if any(left.get(k, 0) for k in ("visible", "inflight", "delayed")):
            fail(NOTHING, mark("after {doing} raised ValueError, counts() returned {got!r}: part of the refused "
                               "batch was stored."), doing=doing, got=left)
    exact = _sized(MAX_BATCH_SIZE)
    ids = expect_accepted(lambda: rec.send_batch("P1", exact), mark("send_batch() with two bodies of Korean text, "
                          "exactly {bytes:,} UTF-8 bytes in all"), SIZE, bytes=MAX_BATCH_SIZE)
    if len(ids) != 2:
        fail(ONE_ID_EACH, mark("send_batch() of two bodies returned {ids!r}."), ids=ids)
    got = rec.receive("A", max_messages=10)
    for m in got:
        rec.delete("A", m[2])
    rec.drain()
    ids = expect_accepted(lambda: rec.send_batch("P1", [f"order {i}" for i in range(1, MAX_BATCH_ENTRIES)] + ["order 1"]),
                          mark("send_batch() with {n} bodies"), ENTRIES, n=MAX_BATCH_ENTRIES)
    got = []
    while len(got) < 10:  # fewer per call is fine (SQS's short poll does it too); none is not
        more = rec.receive("A", max_messages=10)
        if not more:
            fail(HOLDS_SOME, mark("receive(max_messages=10) returned [] while {n} sent messages were still visible."),
                 n=10 - len(got))
        got.extend(more)
    handles = [m[2] for m in got]
    expect_error(lambda: q.delete_batch(handles + ["extra"]), mark("delete_batch() with 11 handles (10 of them valid)"),
                 ENTRIES)
    left = counts(q, mark("calling counts() after delete_batch() with 11 handles was refused"))
    if left.get("inflight") != 10:
        fail(NOTHING, mark("after delete_batch() with 11 handles (10 of them valid) raised ValueError, counts() "
                           "returned {got!r}: 10 messages should still be in flight, but part of the refused batch "
                           "was deleted."), got=left)
    bad = ["no-such-handle", ids[0]]      # an invented handle, and a message id
    try:
        rec.delete_batch("A", handles[:4] + bad[:1] + handles[4:8] + bad[1:])
    except CheckFailed as exc:
        if exc.rule:
            raise
        raise CheckFailed(PARTIAL, exc.detail) from None
    expect_counts(q, {"visible": 0, "inflight": 2}, mark("after delete_batch() of 8 valid handles and 2 invalid ones"))
    expect_accepted(lambda: rec.delete_batch("A", handles[8:9]), mark("delete_batch() with 1 handle"), ENTRIES)
    rec.delete_batch("A", handles[9:])
    expect_counts(q, {"visible": 0, "inflight": 0}, mark("after delete_batch() of the last 2 handles, one at a time"))
    one = expect_accepted(lambda: rec.send_batch("P1", ["alone"]), "send_batch(['alone'])", ENTRIES)
    if len(one) != 1:
        fail(ONE_ID_EACH, mark("{call} returned {ids!r}."), call="send_batch(['alone'])", ids=one)
    clock.advance(31)
    rec.drain()
    replay(h).raise_first(SCENARIO)
    if len(set(ids)) != 10:
        fail(mark("every message gets its own id, even when two bodies are the same"),
             mark("send_batch() returned {ids!r}."), ids=ids)
    return passed(mark("batches"), [
        mark("send_batch of 10 gives 10 ids, in order, even for two equal bodies; batches of 1 work too"),
        mark("exactly 1 MiB of UTF-8 accepted; one byte more, 11 entries or none refused, and storing nothing"),
        mark("delete_batch deletes the valid handles and reports the invalid ones; 11 handles refused, deleting "
             "nothing")])


def _judge(w):
    __tracebackhide__ = True
    w.clock.advance(31)
    w.rec.drain()
    replay(w.h).raise_first(mark("the queue held 3 messages, R had received two of them, when A and B made their "
                                 "calls; 31 s later consumer Z received and deleted whatever was left."))


SEND = Op("send_batch(['a', 'b', 'c'])", lambda w, who: w.rec.send_batch(who, [f"{x} from {who}" for x in "abc"]))
RECEIVE = Op("receive(max_messages=10)", lambda w, who: w.rec.receive(who, max_messages=10))
DELETE = Op(mark("delete_batch() of R's two handles and an unknown one"),
            lambda w, who: w.rec.delete_batch(who, w.handles + ["no-such-handle"]))
PAIRS = [(SEND, SEND), (SEND, RECEIVE), (RECEIVE, SEND), (DELETE, RECEIVE), (RECEIVE, DELETE), (DELETE, DELETE)]


@check
def check_batches_at_once(MyQueue):
    __tracebackhide__ = True
    queue_class(MyQueue, INTERFACE, step="08")
    runs, locks = overlap_check(MyQueue, pairs=PAIRS, setup=holding(3, 2), judge=_judge,
                                recorder_kw={"visibility_timeout": 30})
    crowd = crowd_check(MyQueue, batch=True, producers=2, per_producer=10, consumers=2)
    return passed(mark("batches at the same time"), [
        overlap_line(mark("send_batch, receive and delete_batch, two calls at a time"), runs, locks),
        *crowd])
