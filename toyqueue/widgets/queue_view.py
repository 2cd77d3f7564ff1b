"""Lesson 06's picture: messages moving delayed -> visible -> in flight -> deleted, and duplicates.

    from toyqueue.widgets import QueueView
    view = QueueView(messages=24, consumers=3, slow_consumers=1)   # toyqueue.sim.consumers args
    view                       # controls + lanes + consumers + a chart of the lanes over time
    view.data                  # the ConsumerRun (events, frames, stats): no browser needed
    view.show(12)              # jump to frame 12; view.svg is the picture as an SVG string

    view = QueueView(realistic=True)   # realistic SQS: also the servers holding the copies
    live = QueueView.watch(client, queue_url)   # any boto3 SQS client, e.g. LocalStack's
    live.refresh()             # one GetQueueAttributes; the play button repeats it

The simulation runs on the real toy queue (toyqueue.sim.consumers) and the view only draws
its frames: message chips when there are few messages, lane totals when there are many
(10,000 messages still draw in milliseconds). A chip with a pink badge (x2, x3) is a
redelivered message: it has been received more than once. A visible chip with a dashed amber
ring is one a consumer is still working on although its visibility timeout has run out: the
next poll may hand it to someone else.

In realistic mode (toyqueue/realistic.py) a row of servers sits below: each box lists the
messages it holds a copy of, and the servers the latest short poll asked are grey, as in the
SQS Developer Guide's picture of short polling. A chip with a dashed pink border is a copy
that missed its delete (its server was down): it can be delivered again.
"""

import ipywidgets as W

from toyqueue.counts import counts as queue_counts
from toyqueue.i18n import mark, tr
from toyqueue.sim.consumers import LANES, simulate
from toyqueue.fonts import SVG_MONO
from toyqueue.widgets import svg as S
from toyqueue.widgets.base import View, player, slider

WIDTH, HEIGHT = 980, 620
LANE_TITLES = {"delayed": mark("delayed"), "visible": mark("visible (waiting)"),
               "inflight": mark("in flight (hidden)"), "deleted": mark("deleted"),
               "dead": mark("dead-letter queue")}
LEGEND = {"visible": mark("visible"), "inflight": mark("inflight"), "delayed": mark("delayed"),
          "deleted": mark("deleted"), "dead": mark("dead")}
STATE_COLORS = {"polling": "#64748b", "processing": S.COLORS["inflight"], "crashed": S.COLORS["dead"],
                "done": S.COLORS["deleted"]}
DEFAULTS = dict(messages=24, consumers=3, processing_time=3.0, visibility_timeout=8, batch=2,
                slow_consumers=1, slow_factor=3.0, failure_rate=0.0, delayed_share=0.25,
                delay_seconds=5, max_receive_count=None, seed=7, max_time=600.0, realistic=False)
SERVERS_HEIGHT = 170          # the servers row, drawn in realistic mode only


class QueueView(View):
    def __init__(self, **params):
        self.params = {**DEFAULTS, **params}
        p = self.params
        self.n_messages = W.Dropdown(options=[12, 24, 48, 100, 1000, 10000], value=p["messages"]
                                     if p["messages"] in (12, 24, 48, 100, 1000, 10000) else 24,
                                     description=tr("messages"), style={"description_width": "130px"},
                                     layout=W.Layout(width="300px"))
        self.n_consumers = slider(tr("consumers"), p["consumers"], 1, 12)
        self.processing = slider(tr("processing time (s)"), float(p["processing_time"]), 0.5, 20.0, 0.5)
        self.visibility = slider(tr("visibility timeout (s)"), int(p["visibility_timeout"]), 1, 60)
        self.failure = slider(tr("failure rate"), float(p["failure_rate"]), 0.0, 0.5, 0.05, ".2f")
        self.slow = slider(tr("slow consumers"), p["slow_consumers"], 0, 12)
        self.batch = slider(tr("messages per poll"), p["batch"], 1, 10)
        self.realistic = W.Checkbox(value=bool(p["realistic"]), description=tr("realistic SQS (servers)"),
                                    indent=False, layout=W.Layout(width="220px"))
        self.speed = slider(tr("speed (steps/s)"), 4.0, 0.5, 20.0, 0.5)
        self.step_button = W.Button(description=tr("step ▶|"), layout=W.Layout(width="90px"))
        self.reset_button = W.Button(description=tr("|◀ start"), layout=W.Layout(width="90px"))
        self.data = simulate(**p)
        self.play, self.frame = player(len(self.data.frames), tr("frame"), self._interval())
        controls = [W.HBox([self.n_messages, self.n_consumers, self.slow]),
                    W.HBox([self.processing, self.visibility, self.batch]),
                    W.HBox([self.failure, self.speed, self.realistic]),
                    W.HBox([self.play, self.step_button, self.reset_button, self.frame])]
        super().__init__(controls)
        self._watch([self.n_messages, self.n_consumers, self.processing, self.visibility,
                     self.failure, self.slow, self.batch, self.realistic], self.rerun)
        self._watch([self.frame], self.draw)
        self.speed.observe(lambda c: setattr(self.play, "interval", self._interval()), "value")
        self.step_button.on_click(lambda b: self.show(self.frame.value + 1))
        self.reset_button.on_click(lambda b: self.show(0))
        self.draw()

    def _interval(self):
        return int(1000 / self.speed.value)

    def rerun(self):
        self.params.update(messages=self.n_messages.value, consumers=self.n_consumers.value,
                           processing_time=self.processing.value,
                           visibility_timeout=self.visibility.value,
                           failure_rate=self.failure.value, slow_consumers=min(
                               self.slow.value, self.n_consumers.value), batch=self.batch.value,
                           realistic=(self.params["realistic"] or True) if self.realistic.value
                           else False)
        self.data = simulate(**self.params)
        last = len(self.data.frames) - 1
        self.play.value = 0
        self.frame.value = 0
        self.play.max = self.frame.max = last
        self.draw()

    def show(self, index):
        self.frame.value = max(0, min(index, len(self.data.frames) - 1))
        self.draw()

    def draw(self):
        self.picture.value = render(self.data, self.frame.value)

    @property
    def current(self):
        return self.data.frames[min(self.frame.value, len(self.data.frames) - 1)]

    def __repr__(self):
        s = self.data.stats
        return (f"QueueView(messages={s['messages']}, consumers={self.data.params['consumers']}, "
                f"visibility_timeout={self.data.params['visibility_timeout']}): {s['deleted']} "
                f"deleted, {s['redelivered']} redelivered, {s['dead']} dead-lettered")

    @staticmethod
    def watch(client, queue_url, dlq_url=None, interval=1.0):
        """A view of a real queue (LocalStack, or the toy over HTTP): lane counts only."""
        return LiveQueueView(client, queue_url, dlq_url, interval)


def _chip(x, y, m, vt, busy=False):
    color = S.COLORS[m.state]
    stroke, sw = ("#9d174d", 2.5) if m.duplicate else ("none", 0)
    out = S.rect(x, y, 50, 26, color, 6, stroke, sw,
                 extra=f'data-message="{m.label}" data-state="{m.state}"')
    if m.ghost:                        # realistic mode: deleted, but a copy missed the delete
        out += S.rect(x - 2, y - 2, 54, 30, "none", 7, S.COLORS["duplicate"], 2,
                      extra='stroke-dasharray="3 2" data-ghost="true"')
    if busy and m.state == "visible":  # its timeout ran out while a consumer still works on it
        out += S.rect(x - 2, y - 2, 54, 30, "none", 7, S.COLORS["inflight"], 2,
                      extra='stroke-dasharray="4 3"')
    out += S.text(x + 25, y + 13 if m.state in ("inflight", "delayed") else y + 17, m.label, 11,
                  "#fff", "middle", "600")
    if m.state in ("inflight", "delayed") and m.countdown > 0:
        frac = min(1.0, m.countdown / max(vt, 1e-9)) if m.state == "inflight" else 1.0
        out += S.rect(x + 5, y + 17, 40, 4, "#ffffff", 2, extra='opacity="0.45"')
        out += S.rect(x + 5, y + 17, 40 * frac, 4, "#fff", 2)
        out += S.text(x + 48, y + 11, f"{m.countdown:.0f}s", 8, "#fff", "end")
    if m.duplicate:
        out += f'<circle cx="{x + 50}" cy="{y}" r="8" fill="{S.COLORS["duplicate"]}"/>'
        out += S.text(x + 50, y + 3.5, f"×{m.receive_count}", 8, "#fff", "middle", "700")
    return out


def render(run, index):
    """The picture of frame `index` of a ConsumerRun."""
    frames = run.frames
    index = max(0, min(index, len(frames) - 1))
    f = frames[index]
    p, total = run.params, run.stats["messages"]
    vt = p["visibility_timeout"]
    out = [S.text(20, 30, f"t = {f.t:g} s", 20, S.INK, weight="700"),
           S.text(130, 30, tr("{total:,} messages · {consumers} consumers · processing {processing:g} s "
                              "· visibility timeout {vt:g} s", total=total, consumers=p['consumers'],
                              processing=p['processing_time'], vt=vt)
                  + (tr(" · failure rate {rate:.0%}", rate=p['failure_rate']) if p["failure_rate"] else ""),
                  13, S.MUTED)]
    seen = f.events[1]
    redelivered = sum(1 for e in run.events[:seen] if e.action == "receive" and e.detail)
    out.append(S.text(WIDTH - 20, 30, tr("redelivered so far: {n}", n=redelivered), 13,
                      S.COLORS["duplicate"] if redelivered else S.MUTED, "end", "600"))

    # Consumers (소비자) on the left.
    cx, cy, cw = 20, 56, 250
    out.append(S.text(cx, cy, tr("consumers (소비자)"), 13, S.INK, weight="600"))
    n = len(f.consumers)
    row = min(58, 330 / max(n, 1))
    for k, c in enumerate(f.consumers):
        y = cy + 12 + k * row
        color = STATE_COLORS.get(c.state, S.MUTED)
        out.append(S.rect(cx, y, cw, row - 6, "#fff", 8, color, 1.5))
        name = tr("consumer {n}", n=c.consumer) + (tr(" (slow)") if c.slow else "")
        label = {"polling": tr("polling…"), "processing": tr("processing {m}", m=c.message),
                 "crashed": tr("crashed on {m}", m=c.message), "done": tr("done")}.get(c.state, c.state)
        big = row >= 50
        out.append(S.text(cx + 10, y + (16 if big else (row - 6) / 2 + 4), name, 11 if big else 9,
                          S.INK, weight="600"))
        out.append(S.text(cx + cw - 10, y + (16 if big else (row - 6) / 2 + 4), label,
                          11 if big else 9, color, "end", "600",
                          extra=f'data-consumer="{c.consumer}" data-state="{c.state}"'))
        if big:
            out.append(S.rect(cx + 10, y + 24, cw - 20, 6, S.GRID, 3))
            if c.state == "processing":
                out.append(S.rect(cx + 10, y + 24, (cw - 20) * c.progress, 6, color, 3))
            if c.last_action:
                out.append(S.text(cx + 10, y + 44, c.last_action[:44], 10, S.MUTED))

    # Lanes on the right.
    lx, ly, lw, lh = 300, 48, WIDTH - 320, 66
    by_lane = {lane: [] for lane in LANES}
    busy = {c.message for c in f.consumers if c.state == "processing"}
    if f.messages is not None:
        for m in f.messages:
            by_lane[m.state].append(m)
    for k, lane in enumerate(LANES):
        y = ly + k * lh
        count = f.counts[lane]
        out.append(S.rect(lx, y, lw, lh - 6, S.CARD, 8))
        out.append(S.rect(lx, y, 6, lh - 6, S.COLORS[lane], 3))
        out.append(S.text(lx + 16, y + 22, tr(LANE_TITLES[lane]), 12, S.INK, weight="600"))
        out.append(S.text(lx + 16, y + 44, f"{count:,}", 18, S.COLORS[lane], weight="700",
                          extra=f'data-lane="{lane}" data-count="{count}"'))
        area_x, area_w = lx + 150, lw - 160
        if f.messages is not None:
            chips = by_lane[lane]
            per_row = int(area_w // 56)
            room = per_row * 2
            shown = chips[-(room - 1):] if len(chips) > room else chips
            for j, m in enumerate(shown):
                out.append(_chip(area_x + (j % per_row) * 56, y + 3 + (j // per_row) * 29, m, vt,
                                 m.label in busy))
            if len(chips) > room:
                out.append(S.text(area_x + (room - 1) * 56 % (per_row * 56) + 25, y + 48,
                                  f"+{len(chips) - len(shown)}", 11, S.MUTED, "middle"))
        else:
            frac = count / max(total, 1)
            bar_w = area_w - 100
            out.append(S.rect(area_x, y + 16, bar_w, 24, "#fff", 6, S.GRID))
            out.append(S.rect(area_x, y + 16, bar_w * frac, 24, S.COLORS[lane], 6))
            out.append(S.text(area_x + area_w, y + 33, tr("{frac:.0%} of {total:,}", frac=frac, total=total), 11, S.MUTED,
                              "end"))

    # The lanes over time, and what happened in this step.
    ts = [fr.t for fr in frames]
    chart = S.Chart(lx + 40, 420, lw - 50, 150, ts, tr("lanes over time"),
                    xfmt=lambda v: f"{v:g}s", ymax=max(total, 1))
    for lane in ("visible", "inflight", "deleted", "dead"):
        if lane == "dead" and not any(fr.counts["dead"] for fr in frames):
            continue
        chart.add(tr(LEGEND[lane]), ts, [fr.counts[lane] for fr in frames], S.COLORS[lane], 2, step=False)
    out.append(chart.cursor(f.t).render())
    out.append(S.text(20, 412, tr("latest events"), 13, S.INK, weight="600"))
    ey = 424
    lines = [e for e in run.events[max(0, seen - 400):seen]
             if e.action in ("receive", "delete", "crash", "restart")]
    for e in lines[-8:]:
        who = tr("consumer {n}", n=e.consumer)
        dup = e.action == "receive" and e.detail
        stale = e.action == "delete" and e.deleted is False
        what = {"receive": tr("received {m}", m=e.message) + (tr(" again ({n})", n=e.detail[8:]) if dup else ""),
                "delete": tr("deleted {m}", m=e.message) + (tr(" (late)") if e.detail and not stale else ""),
                "crash": tr("crashed on {m}", m=e.message), "restart": tr("restarted")}[e.action]
        if stale:
            what = tr("delete {m} ignored: old handle", m=e.message)
        if dup and e.detail.endswith("after delete"):      # realistic mode: a copy missed it
            what = tr("got {m} after its delete ({n})", m=e.message, n=e.detail[8:10])
        out.append(S.text(20, ey + 12, f"{e.time:5.1f}s {who} {what}"[:50], 10,
                          S.COLORS["duplicate"] if dup or stale else S.INK,
                          extra=f'font-family="{SVG_MONO}"'))
        ey += 16
    if not lines:
        out.append(S.text(20, ey + 12, tr("(nothing received or deleted)"), 10, S.MUTED))
    if f.servers is None:
        return S.svg(WIDTH, HEIGHT, "".join(out), tr("consumers polling a queue"))
    out.append(_servers(run, f, HEIGHT))
    return S.svg(WIDTH, HEIGHT + SERVERS_HEIGHT, "".join(out), tr("consumers polling a queue"))


def _servers(run, f, top):
    """The realistic-mode row: which server holds a copy of which message; grey: asked by the
    latest short poll."""
    polls = [e for e in run.events[:f.events[1]] if e.action in ("poll", "empty") and e.servers]
    asked = (tr("latest short poll (consumer {n}) asked servers {servers}", n=polls[-1].consumer,
                servers=", ".join(map(str, polls[-1].servers))) if polls else tr("no short poll yet"))
    states = {m.label: m for m in f.messages or ()}
    out = [S.text(20, top + 4, tr("servers (서버): where the copies are"), 13, S.INK, weight="600"),
           S.text(WIDTH - 20, top + 4, asked, 11, S.MUTED, "end")]
    n = len(f.servers)
    bw = (WIDTH - 40) / n
    per_row = max(1, int((bw - 16) // 38))
    for k, srv in enumerate(f.servers):
        x, y = 20 + k * bw, top + 14
        out.append(S.rect(x, y, bw - 8, SERVERS_HEIGHT - 30, "#d1d5db" if srv.sampled else S.CARD, 8,
                          S.MUTED if srv.sampled else S.GRID, 1.5,
                          extra=f'data-server="{srv.server}" data-sampled="{str(srv.sampled).lower()}" '
                                f'data-copies="{srv.count}"'))
        out.append(S.text(x + 8, y + 16, tr("server {n}", n=srv.server), 11, S.INK, weight="600"))
        out.append(S.text(x + bw - 16, y + 16, tr("{n} copy", n=srv.count) if srv.count == 1 else
                          tr("{n} copies", n=srv.count), 10, S.MUTED, "end"))
        if srv.copies is None:
            continue
        room = per_row * 5
        for j, label in enumerate(srv.copies[:room]):
            m = states.get(label)
            cx, cy = x + 8 + (j % per_row) * 38, y + 24 + (j // per_row) * 21
            ghost = m is not None and m.ghost
            out.append(S.rect(cx, cy, 34, 17, S.COLORS[m.state] if m else S.MUTED, 4,
                              S.COLORS["duplicate"] if ghost else "none", 2 if ghost else 0,
                              extra=f'data-copy="{label}"' + (' stroke-dasharray="3 2"' if ghost else "")))
            out.append(S.text(cx + 17, cy + 12, label, 9, "#fff", "middle", "600"))
        if len(srv.copies) > room:
            out.append(S.text(x + bw - 16, y + SERVERS_HEIGHT - 36, f"+{len(srv.copies) - room}", 10,
                              S.MUTED, "end"))
    return "".join(out)


class LiveQueueView(View):
    """Lane counts of a real queue, polled with GetQueueAttributes (approximate, as in SQS)."""

    def __init__(self, client, queue_url, dlq_url=None, interval=1.0):
        self.client, self.queue_url, self.dlq_url = client, queue_url, dlq_url
        self.history = []  # (poll number, counts)
        self.play = W.Play(value=0, min=0, max=10**9, step=1, interval=int(interval * 1000),
                           description=tr("watch"), show_repeat=False)
        self.button = W.Button(description=tr("refresh"))
        super().__init__([W.HBox([self.play, self.button])])
        self.play.observe(lambda c: self.refresh(), "value")
        self.button.on_click(lambda b: self.refresh())
        self.refresh()

    def counts(self):
        got = queue_counts(self.client, self.queue_url)
        counts = {"visible": got["visible"], "inflight": got["in flight"], "delayed": got["delayed"],
                  "dead": 0}
        if self.dlq_url:
            dead = queue_counts(self.client, self.dlq_url)
            counts["dead"] = dead["visible"] + dead["in flight"]
        return counts

    def refresh(self):
        self.history.append((len(self.history), self.counts()))
        self.history = self.history[-120:]
        self.picture.value = render_live(self.queue_url, self.history)
        return self.history[-1][1]

    def __repr__(self):
        return f"LiveQueueView({self.queue_url.rsplit('/', 1)[-1]!r})"


def render_live(queue_url, history):
    counts = history[-1][1]
    out = [S.text(20, 30, tr("queue {name}", name=queue_url.rsplit('/', 1)[-1]), 18, S.INK, weight="700"),
           S.text(20, 50, tr("ApproximateNumberOf... from GetQueueAttributes (deleted messages are "
                             "not counted by SQS)"), 11, S.MUTED)]
    peak = max(max(c.values()) for _, c in history) or 1
    for k, lane in enumerate(("delayed", "visible", "inflight", "dead")):
        y = 70 + k * 44
        out.append(S.text(20, y + 22, tr(LANE_TITLES[lane]), 12, S.INK, weight="600"))
        out.append(S.rect(170, y + 6, 500, 24, S.CARD, 6))
        out.append(S.rect(170, y + 6, 500 * counts[lane] / peak, 24, S.COLORS[lane], 6))
        out.append(S.text(680, y + 24, f"{counts[lane]:,}", 14, S.COLORS[lane], weight="700",
                          extra=f'data-lane="{lane}" data-count="{counts[lane]}"'))
    xs = [i for i, _ in history]
    chart = S.Chart(60, 270, 660, 110, xs, tr("over the last polls"), xfmt=lambda v: f"{v:g}")
    for lane in ("visible", "inflight", "delayed", "dead"):
        chart.add(tr(LEGEND[lane]), xs, [c[lane] for _, c in history], S.COLORS[lane], step=False)
    out.append(chart.render())
    return S.svg(760, 410, "".join(out), tr("live queue counts"))
