"""Checks for exercise 10: FIFO queues, message groups and deduplication.

Group ids and deduplication ids that differ only in case or a trailing space are different ids,
bodies are hashed as UTF-8 (a non-ASCII body, and an explicit id equal to a body's hash, show
it), and the 5-minute window is probed half a second before and exactly at its end, after
duplicates that must not restart it.
"""
from __future__ import annotations

import hashlib

from ..clock import VirtualClock
from ..i18n import mark, tr
from ..limits import DEDUP_WINDOW
from .common import HOLDS_SOME, check, crowd_check, fail, make, overlap_check, overlap_line, passed, queue_class
from .concurrent import Op
from .failures import expect_accepted, expect_error, say
from .record import History, Recorder, fmt_s
from .rules import COMES_BACK, DEDUP, DEDUP_EXPIRES, LOST, replay

INTERFACE = {"__init__": ["visibility_timeout", "content_based_deduplication"],
             "send": ["group_id", "deduplication_id"], "receive": ["max_messages", "visibility_timeout"],
             "delete": [], "change_visibility": [], "counts": []}
SENT = (("a1", "alice"), ("A1", "Alice"), ("b1", "bob"), ("a2", "alice"), ("A2", "Alice"), ("b2", "bob"),
        ("a3", "alice"))
ORDER_SCENARIO = mark("P1 sends a1, A1, b1, a2, A2, b2, a3 (groups 'alice', 'Alice' and 'bob'). At 0 s A receives "
                      "one message and crashes; B receives up to 10 and deletes them, until it gets nothing; at 31 s "
                      "C receives up to 10.")
GROUPS = mark("messages of different groups are independent; a group is named by its exact string")
KEYS = mark("deduplication ids are compared exactly: 'd1', 'D1' and 'd1 ' are three ids")
HASH = mark("with content-based deduplication, the deduplication id is the SHA-256 hex digest of the body's UTF-8 "
            "bytes")
OPENS = mark("a group can be received from as soon as its first message is visible, even while later ones are in "
             "flight (AWS does so)")
AS_MANY = mark("a receive hands out a group's visible messages in order, as many as max_messages allows")
EXPIRES = mark("on a FIFO queue a receipt handle expires: change_visibility takes only the newest handle of a message "
               "in flight, and delete refuses the newest handle once its timeout has ended")
GROUP_SCENARIO = mark("P1 sends m1, m2, m3 (group 'pay'); at 0 s A receives them, P1 sends m4, A sets the timeout of "
                      "m2 and then of m1 to 0 (B and B2 receive in between), and C receives; at 29.5 s C deletes m1 and "
                      "A gives m3 10 s more; at 30 s D receives; at 39.5 s E receives.")


@check
def check_fifo_order(MyFifoQueue):
    __tracebackhide__ = True
    queue_class(MyFifoQueue, INTERFACE, "MyFifoQueue", step="10")
    clock = VirtualClock()
    h = History(clock)
    q = make(MyFifoQueue, clock, visibility_timeout=30)
    rec = Recorder(q, h, visibility_timeout=30, fifo=True, cls_name=MyFifoQueue.__name__)
    ids = {body: rec.send("P1", body, group=group, dedup=body) for body, group in SENT}

    def checkpoint(done=False):
        __tracebackhide__ = True
        replay(h, fifo=True, expect_all_deleted=done).raise_first(ORDER_SCENARIO)

    a = rec.receive("A")
    if not a:
        fail(HOLDS_SOME, mark("at 0 s receive() returned []."))
    blocked = next(g for body, g in SENT if ids[body] == a[0][0])
    got = []
    for _ in range(20):
        more = rec.receive("B", max_messages=10)
        checkpoint()
        for m in more:
            rec.delete("B", m[2])
        got += more
        if not more:
            break
    free = [body for body, g in SENT if g != blocked]
    missing = [body for body in free if ids[body] not in [m[0] for m in got]]
    if missing:
        fail(GROUPS, mark("while A held {held!r} of group {group!r}, B's receives returned {got!r} and then nothing, "
                          "but {missing!r} of the other groups were waiting and free to go."), held=a[0][1],
             group=blocked, got=[m[1] for m in got], missing=missing, scenario=ORDER_SCENARIO)
    clock.advance(31)
    c = rec.receive("C", max_messages=10)
    checkpoint()
    if a[0][0] not in [m[0] for m in c]:
        fail(COMES_BACK, mark("A received {body!r} at 0 s and crashed; at 31 s C's receive did not get it back."),
             body=a[0][1])
    for m in c:
        rec.delete("C", m[2])
    for bad in (None, ""):
        expect_error(lambda: q.send("x", group_id=bad, deduplication_id="x"), f"send('x', group_id={bad!r})",
                     mark("every message of a FIFO queue needs a group_id (SQS: MissingParameter)"))
    expect_error(lambda: q.send("x", group_id="alice"), mark("send('x', group_id='alice') without a deduplication_id"),
                 mark("without content-based deduplication, every FIFO message needs a deduplication_id "
                      "(SQS: InvalidParameterValue)"))
    clock.advance(31)
    rec.drain()
    checkpoint(done=True)
    return passed(mark("FIFO order"), [mark("each group's messages come in send order"),
                                       mark("a group waits while its first message is in flight; other groups go on"),
                                       mark("'alice' and 'Alice' are two groups"),
                                       mark("a crashed consumer's message comes back first in its group"),
                                       mark("a send without a group id (None or '') or a deduplication id is refused")])


def _start(MyFifoQueue):
    """The learner's FIFO queue (timeout 30 s) on a clock half a second past a whole second, recorded."""
    __tracebackhide__ = True
    queue_class(MyFifoQueue, INTERFACE, "MyFifoQueue", step="10")
    clock = VirtualClock()
    clock.advance(0.5)
    h = History(clock)
    q = make(MyFifoQueue, clock, visibility_timeout=30)
    return clock, h, q, Recorder(q, h, visibility_timeout=30, fifo=True, cls_name=MyFifoQueue.__name__)


@check
def check_deduplication(MyFifoQueue):
    __tracebackhide__ = True
    clock, h, q, rec = _start(MyFifoQueue)

    def at(t):
        clock.advance(t - h.now())

    first = rec.send("P1", "pay 10", group="alice", dedup="d1")
    others = {key: rec.send("P1", f"pay for {key!r}", group="alice", dedup=key) for key in ("D1", "d1 ", "d2")}
    if len(set(others.values()) | {first}) != 4:
        fail(KEYS, mark("sends with the deduplication ids 'd1', 'D1', 'd1 ' and 'd2' returned the ids {ids!r}: some "
                        "were treated as the same message."), ids=[first, *others.values()])
    at(50)
    got = []
    while len(got) < 4:
        more = rec.receive("A", max_messages=10)
        if not more:
            break
        for m in more:
            rec.delete("A", m[2])
        got += more
    if len(got) != 4:
        fail(LOST, mark("four messages with four different deduplication ids were sent, but A received {n}."),
             n=len(got))
    for t, group in ((100, "alice"), (200, "bob"), (DEDUP_WINDOW - 0.5, "alice")):
        at(t)
        again = rec.send("P1", "pay 10", group=group, dedup="d1")
        if again != first:
            fail(DEDUP, mark("at {t:g} s 'pay 10' was sent again with deduplication id 'd1' (group {group!r}); it was "
                             "first accepted at 0 s, received and deleted since, and the queue accepted it as a new "
                             "message. Within {window} s of the first send the duplicate must be dropped, in any "
                             "group: send returns the first message's id and stores nothing."), t=t, group=group,
                 window=DEDUP_WINDOW)
    leak = rec.receive("B", max_messages=10)
    replay(h, fifo=True, expect_all_deleted=False).raise_first(mark("four messages, received and deleted, then the "
                                                                    "same deduplication id again at 100 s, 200 s and "
                                                                    "299.5 s."))
    if leak:
        fail(DEDUP, mark("after the duplicate sends, B received {got!r}; no duplicate may be delivered."),
             got=[m[1] for m in leak])
    at(DEDUP_WINDOW)
    late = rec.send("P1", "pay 10", group="alice", dedup="d1")
    if late == first:
        fail(DEDUP_EXPIRES, mark("at {window} s, exactly {window} s after the first send with deduplication id 'd1', "
                                 "the queue still treated the message as a duplicate. The window counts from the first "
                                 "send (duplicates do not restart it) and lasts {window} s: from then on the same id "
                                 "is a new message."), window=DEDUP_WINDOW)
    late_got = rec.receive("C", max_messages=10)
    if late not in [m[0] for m in late_got]:
        fail(LOST, mark("the message sent at {window} s with deduplication id 'd1' (a new one: the window had ended) "
                        "was never delivered."), window=DEDUP_WINDOW)
    for m in late_got:
        rec.delete("C", m[2])

    cq = make(MyFifoQueue, clock, visibility_timeout=30, content_based_deduplication=True)
    crec = Recorder(cq, h, name="content", visibility_timeout=30, fifo=True, cls_name=MyFifoQueue.__name__)
    hello = crec.send("P2", "hello", group="g")
    if crec.send("P2", "hello", group="h") != hello:
        fail(DEDUP, mark("with content_based_deduplication=True, 'hello' sent twice (in groups 'g' and 'h') became "
                         "two messages: the deduplication id is then the SHA-256 of the body, whatever the group."))
    for other in ("world", "hello "):
        if crec.send("P2", other, group="g") == hello:
            fail(mark("different bodies are different messages"),
                 mark("with content_based_deduplication=True, {body!r} was treated as a duplicate of 'hello'."),
                 body=other)
    korean = crec.send("P2", "주문 📦", group="g")
    if crec.send("P2", "주문 📦", group="g") != korean:
        fail(DEDUP, mark("with content_based_deduplication=True, '주문 📦' sent twice in a row became two messages."))
    digest = hashlib.sha256("주문 📦".encode("utf-8")).hexdigest()
    if crec.send("P2", "an order", group="g", dedup=digest) != korean:
        fail(HASH, mark("a send with deduplication_id={digest}... (the SHA-256 hex digest of '주문 📦' in UTF-8) came "
                        "right after '주문 📦' was sent without an id, and was stored as a new message."),
             digest=digest[:12])
    if crec.send("P2", "hello", group="g", dedup="explicit") == hello:
        fail(mark("an explicit deduplication_id wins over the body's hash"),
             mark("with content_based_deduplication=True, 'hello' sent with deduplication_id='explicit' was treated "
                  "as a duplicate of the first 'hello'."))
    crec.drain()
    replay(h, fifo=True).raise_first(mark("deduplication by id."))
    replay(h, queue="content", fifo=True).raise_first(mark("content-based deduplication: 'hello' (twice), 'world', "
                                                           "'hello ', '주문 📦' (twice, then its digest as an id), "
                                                           "'hello' with deduplication_id='explicit'."))
    return passed(mark("deduplication"), [
        tr("a duplicate within {window} s of the first send is dropped (also at {before:g} s, in another group, after "
           "the first was deleted)", window=DEDUP_WINDOW, before=DEDUP_WINDOW - 0.5),
        tr("at exactly {window} s the same id is a new message; duplicates did not restart the window",
           window=DEDUP_WINDOW),
        mark("'d1', 'D1' and 'd1 ' are three ids"),
        mark("content-based deduplication hashes the UTF-8 body with SHA-256; an explicit id wins")])


def _bodies(got):
    return [m[1] for m in got]


@check
def check_group_visibility(MyFifoQueue):
    __tracebackhide__ = True
    clock, h, q, rec = _start(MyFifoQueue)

    def at(t):
        clock.advance(t - h.now())

    def checkpoint():
        __tracebackhide__ = True
        replay(h, fifo=True, expect_all_deleted=False).raise_first(GROUP_SCENARIO)

    def accepted(call, why):
        __tracebackhide__ = True
        expect_accepted(call, mark("the call"), EXPIRES, tr("{why}.\nScenario: {scenario}", why=say(why),
                                                            scenario=tr(GROUP_SCENARIO)))

    def expect(who, got, want, why):
        __tracebackhide__ = True
        checkpoint()
        if _bodies(got) != want:
            rule = OPENS if not got else AS_MANY
            fail(rule, mark("at {t} {who}'s receive(max_messages=10) returned {got!r}; {why}, so it should return "
                            "{want!r}."), t=fmt_s(h.now()), who=who, got=_bodies(got), why=say(why), want=want,
                 scenario=GROUP_SCENARIO)

    for body in ("m1", "m2", "m3"):
        rec.send("P1", body, group="pay", dedup=body)
    a = rec.receive("A", max_messages=10)
    expect("A", a, ["m1", "m2", "m3"], mark("the group's three messages were visible"))
    handle = {m[1]: m[2] for m in a}
    rec.send("P1", "m4", group="pay", dedup="m4")
    rec.receive("B", max_messages=10)
    checkpoint()
    rec.change_visibility("A", handle["m2"], 0)
    rec.receive("B2", max_messages=10)
    checkpoint()
    rec.change_visibility("A", handle["m1"], 0)
    c = rec.receive("C", max_messages=10)
    expect("C", c, ["m1", "m2"], tr("m1, the group's first message, was visible again (A set its timeout to 0; "
                                    "recorded: {test}), and so was m2, while m3 was still in flight for A",
                                    test="test_fifo_message_group_visibility_after_terminate_visibility_timeout"))
    c_handle = {m[1]: m[2] for m in c}
    expect_error(lambda: q.change_visibility(handle["m1"], 10), mark("change_visibility() with A's handle of m1, from "
                 "the receive before C's"), EXPIRES)
    at(29.5)
    accepted(lambda: rec.delete("C", c_handle["m1"]), mark("at 29.5 s C's handle was still good: the timeout of its "
                                                           "receive ends at 30 s"))
    accepted(lambda: rec.change_visibility("A", handle["m3"], 10), mark("at 29.5 s A still held m3 (its timeout ends "
                                                                        "at 30 s), so it may ask for more time"))
    at(30)
    expect_error(lambda: q.delete(c_handle["m2"]), mark("at 30 s, exactly when the 30 s timeout of C's receive ended, "
                 "delete() with C's handle of m2"), EXPIRES)
    expect_error(lambda: q.change_visibility(c_handle["m2"], 10), mark("at 30 s, exactly when the 30 s timeout of C's "
                 "receive ended, change_visibility() with C's handle of m2"), EXPIRES)
    d = rec.receive("D", max_messages=10)
    expect("D", d, ["m2"], mark("C's timeout for m2 had ended and m1 was deleted, while A had given m3 10 s more "
                                "(until 39.5 s)"))
    for m in d:
        rec.delete("D", m[2])
    at(39.5)
    expect_error(lambda: q.change_visibility(handle["m3"], 10), mark("at 39.5 s, exactly when m3's timeout ended, "
                 "change_visibility() with A's handle of m3"), EXPIRES)
    e = rec.receive("E", max_messages=10)
    expect("E", e, ["m3", "m4"], mark("m3's timeout had ended"))
    for m in e:
        rec.delete("E", m[2])
    rec.drain()
    replay(h, fifo=True).raise_first(GROUP_SCENARIO)
    return passed(mark("group visibility and receipt handles"), [
        mark("a receive hands out a group's messages in order and stops at the first that is not visible"),
        mark("a group opens again as soon as its first message is visible, while later ones are still in flight"),
        mark("change_visibility takes only the newest handle of a message in flight (accepted at 29.5 s, refused at "
             "the end of the timeout and for an older receive's handle)"),
        mark("delete refuses a handle whose timeout has ended (accepted at 29.5 s, refused at 30 s)")])


def _setup(w):
    for body, group in (("a1", "g1"), ("a2", "g1"), ("b1", "g2")):
        w.rec.send("P0", body, group=group, dedup=body)


def _judge(w):
    __tracebackhide__ = True
    story = mark("the queue held a1, a2 (group 'g1') and b1 (group 'g2') when A and B made their calls; 31 s later "
                 "consumer Z received and deleted whatever was left.")
    replay(w.h, fifo=True, expect_all_deleted=False).raise_first(story)
    dup = {e.message_id for e in w.h.events if e.op == "send" and e.dedup == "same"}
    if len(dup) > 1:
        fail(DEDUP, mark("two sends with the deduplication id 'same' at the same moment became {n} messages."),
             n=len(dup), scenario=story)
    w.clock.advance(31)
    w.rec.drain()
    replay(w.h, fifo=True).raise_first(story)


RECEIVE = Op("receive(max_messages=1)", lambda w, who: w.rec.receive(who, max_messages=1))
DUP = Op("send('dup', group_id='g1', deduplication_id='same')",
         lambda w, who: w.rec.send(who, "dup", group="g1", dedup="same"))
SEND = Op("send(..., group_id='g1')", lambda w, who: w.rec.send(who, f"new from {who}", group="g1", dedup=who))
PAIRS = [(RECEIVE, RECEIVE), (DUP, DUP), (SEND, RECEIVE), (RECEIVE, SEND), (SEND, SEND)]


@check
def check_fifo_threads(MyFifoQueue):
    __tracebackhide__ = True
    queue_class(MyFifoQueue, INTERFACE, "MyFifoQueue", step="10")
    runs, locks = overlap_check(MyFifoQueue, pairs=PAIRS, setup=_setup, judge=_judge,
                                kwargs={"visibility_timeout": 30},
                                recorder_kw={"visibility_timeout": 30, "fifo": True})
    crowd = crowd_check(MyFifoQueue, kwargs={"visibility_timeout": 30}, fifo=True, producers=3, per_producer=6,
                        consumers=3)
    return passed(mark("FIFO with calls at the same time"), [
        overlap_line(mark("receive and send (one deduplication id sent twice), two calls at a time"), runs, locks),
        *crowd])
