"""Realistic mode in lesson 06's simulation and QueueView: the servers, their copies, the
servers a short poll asked, and a copy that missed its delete."""

import re

from toyqueue.sim.consumers import simulate
from toyqueue.widgets import QueueView


def servers_drawn(svg):
    return {int(n): (sampled == "true", int(copies)) for n, sampled, copies in re.findall(
        r'data-server="(\d+)" data-sampled="(\w+)" data-copies="(\d+)"', svg)}


def test_exact_runs_have_no_servers():
    run = simulate(messages=12, consumers=2, seed=3)
    assert all(f.servers is None for f in run.frames)
    assert all(e.servers is None for e in run.events)
    assert "data-server=" not in QueueView(messages=12, seed=3).svg


def test_a_realistic_run_shows_every_live_copy_and_what_each_short_poll_asked():
    run = simulate(messages=24, consumers=3, seed=7, realistic=True)
    assert run.stats["deleted"] == 24 and run.frames[-1].counts["visible"] == 0
    polls = [e for e in run.events if e.action in ("poll", "empty")]
    assert polls and all(len(e.servers) == 2 for e in polls)       # a short poll asks 2 of 5
    assert any(e.action == "empty" for e in polls[:3])             # seed 7: empty at t = 0
    for f in run.frames:
        assert [s.server for s in f.servers] == [1, 2, 3, 4, 5]
        live = {m.label for m in f.messages if m.state not in ("deleted", "dead")}
        held = [label for s in f.servers for label in s.copies]
        assert set(held) == live
        assert all(held.count(label) == 2 for label in live if not any(
            m.ghost for m in f.messages if m.label == label))
        latest = [e for e in run.events[:f.events[1]] if e.servers]
        asked = set(latest[-1].servers) if latest else set()
        assert {s.server for s in f.servers if s.sampled} == asked


def test_the_view_draws_the_servers_and_greys_the_ones_asked():
    view = QueueView(realistic=True)
    view.show(3)
    f = view.current
    drawn = servers_drawn(view.svg)
    assert drawn == {s.server: (s.sampled, s.count) for s in f.servers}
    assert sum(sampled for sampled, _ in drawn.values()) == 2
    for s in f.servers:
        assert all(f'data-copy="{label}"' in view.svg for label in s.copies)
    assert "latest short poll (consumer" in view.svg


def test_the_checkbox_switches_realistic_mode_on_and_off():
    view = QueueView(messages=12, seed=3)
    assert view.data.frames[0].servers is None
    view.realistic.value = True
    assert view.data.params["realistic"] is True and "data-server=" in view.svg
    assert view.frame.value == 0
    view.realistic.value = False
    assert "data-server=" not in view.svg and view.data.frames[0].servers is None


def test_a_copy_that_missed_its_delete_is_drawn_and_delivered_again():
    view = QueueView(realistic=True, seed=1)
    again = [e for e in view.data.events if e.action == "receive" and e.detail.endswith("after delete")]
    assert [e.message for e in again] == ["m24"] and view.data.stats["after_delete"] == 1
    ghost = next(i for i, f in enumerate(view.data.frames)
                 if any(m.ghost and m.label == "m24" for m in f.messages))
    view.show(ghost)
    assert 'data-ghost="true"' in view.svg
    copies = [s for s in view.current.servers if "m24" in s.copies]
    assert len(copies) == 1                                         # only the stale server has it
    at = view.data.events.index(again[0])
    view.show(next(i for i, f in enumerate(view.data.frames) if f.events[1] > at))
    assert "got m24 after its delete (#2)" in view.svg
    assert view.data.processed["m24"] == 2 and view.data.stats["duplicates"] >= 1


def test_big_realistic_runs_draw_copy_counts_not_chips():
    view = QueueView(messages=1000, consumers=12, processing_time=0.5, batch=10, seed=1,
                     realistic=True)
    view.show(5)
    drawn = servers_drawn(view.svg)
    assert len(drawn) == 5 and "data-copy=" not in view.svg
    live = sum(view.current.counts[lane] for lane in ("visible", "inflight", "delayed"))
    copies = sum(n for _, n in drawn.values())
    assert 2 * live - 3 <= copies <= 2 * live     # two each, one left of a copy that missed a delete
    assert view.data.stats["deleted"] == 1000
