"""Lesson 01's picture: purchase -> shipping called directly (sync) or through a queue (async).

    from toyqueue.widgets import SyncAsyncView
    view = SyncAsyncView(spike=1000, capacity=100)   # any toyqueue.sim.sync_async.simulate() args
    view                                             # sliders, a play button, the diagram, 4 charts
    view.data.sync.failed_total                      # the simulation's result (no browser needed)
    view.svg                                         # the picture as an SVG string

The view reruns the simulation whenever a slider moves (milliseconds) and only draws it.
"""

import ipywidgets as W

from toyqueue.i18n import tr
from toyqueue.sim.sync_async import simulate
from toyqueue.widgets import svg as S
from toyqueue.widgets.base import View, player, slider

WIDTH, HEIGHT = 960, 600


class SyncAsyncView(View):
    def __init__(self, **params):
        self.params = dict(params)
        self.spike = slider(tr("spike (requests/s)"), self.params.get("spike", 1000), 10, 2000, 10)
        self.capacity = slider(tr("shipping capacity/s"), self.params.get("capacity", 100), 10, 500, 10)
        self.timeout = slider(tr("caller timeout (s)"), self.params.get("timeout", 3), 1, 10)
        self.data = simulate(**self.params)
        self.play, self.frame = player(len(self.data.ticks), tr("second"), 150)
        self.frame.value = min(self.data.params["spike_start"] + 2, len(self.data.ticks) - 1)
        controls = [W.HBox([self.spike, self.capacity, self.timeout]),
                    W.HBox([self.play, self.frame])]
        super().__init__(controls)
        self._watch([self.spike, self.capacity, self.timeout], self.rerun)
        self._watch([self.frame], self.draw)
        self.draw()

    def rerun(self):
        self.params.update(spike=self.spike.value, capacity=self.capacity.value,
                           timeout=self.timeout.value)
        self.data = simulate(**self.params)
        self.draw()

    def draw(self):
        self.picture.value = render(self.data, self.frame.value)

    def __repr__(self):
        p, d = self.data.params, self.data
        return (f"SyncAsyncView(spike={p['spike']}/s, capacity={p['capacity']}/s): sync "
                f"{d.sync.failed_total:,} failed, async {d.asynchronous.failed_total:,} failed")


def _box(x, y, w, h, title, sub, color):
    return (S.rect(x, y, w, h, "#fff", 10, color, 2) +
            S.text(x + w / 2, y + 24, title, 14, S.INK, "middle", "600") +
            S.text(x + w / 2, y + 42, sub, 11, S.MUTED, "middle"))


def _arrow(x1, y, x2, color, label="", label2="", label2_color=None):
    out = S.line(x1, y, x2 - 8, y, color, 2.5)
    out += f'<polygon points="{x2},{y} {x2 - 10},{y - 6} {x2 - 10},{y + 6}" fill="{color}"/>'
    if label:
        out += S.text((x1 + x2) / 2, y - 8, label, 11, S.INK, "middle")
    if label2:
        out += S.text((x1 + x2) / 2, y + 18, label2, 11, label2_color or S.MUTED, "middle", "600")
    return out


def render(data, tick):
    """The whole picture for second `tick` of a SyncAsyncResult."""
    tick = max(0, min(tick, len(data.ticks) - 1))
    s, a, p = data.sync, data.asynchronous, data.params
    out = [S.text(20, 28, tr("Purchase → shipping under a spike of {spike:,} requests/s "
                             "(normally {base:,}/s)", spike=p['spike'], base=p['base']), 17, S.INK,
                  weight="600"),
           S.text(WIDTH - 20, 28, f"t = {tick} s", 17, S.INK, "end", "600")]

    # The two diagrams, showing this second.
    y = 50
    out.append(S.rect(10, y, 460, 150, "#fef2f2", 12))
    out.append(S.text(24, y + 22, tr("동기 sync: purchase calls shipping directly"), 13, S.COLORS["sync"],
                      weight="600"))
    out.append(_box(30, y + 45, 120, 56, tr("purchase"), tr("{n:,} req/s", n=s.arrivals[tick]), S.MUTED))
    out.append(_box(320, y + 45, 130, 56, tr("shipping"), tr("{n:,}/s max", n=p['capacity']), S.COLORS["sync"]))
    failed = s.failed[tick]
    out.append(_arrow(152, y + 73, 318, S.INK, tr("{n:,} shipped", n=s.served[tick]),
                      tr("✗ {n:,} failed", n=failed) if failed else tr("all answered"),
                      S.COLORS["dead"] if failed else S.COLORS["deleted"]))
    out.append(S.text(24, y + 138, tr("so far: {failed:,} purchases failed, {waiting:,} callers waiting",
                                      failed=sum(s.failed[:tick + 1]), waiting=s.depth[tick]), 12, S.INK))

    out.append(S.rect(490, y, 460, 150, "#eff6ff", 12))
    out.append(S.text(504, y + 22, tr("비동기 async: purchase → queue (대기열) → shipping"), 13,
                      S.COLORS["async"], weight="600"))
    out.append(_box(505, y + 45, 110, 56, tr("purchase"), tr("{n:,} req/s", n=a.arrivals[tick]), S.MUTED))
    qx, qw, depth = 660, 120, a.depth[tick]
    fill = min(1.0, depth / max(max(a.depth), 1))
    out.append(S.rect(qx, y + 52, qw, 42, "#fff", 6, S.COLORS["async"], 2))
    out.append(S.rect(qx + 3, y + 55, (qw - 6) * fill, 36, S.COLORS["visible"], 4,
                      extra='opacity="0.35"'))
    for k in range(1, 8):
        out.append(S.line(qx + k * qw / 8, y + 55, qx + k * qw / 8, y + 91, "#bfdbfe"))
    out.append(S.text(qx + qw / 2, y + 78, tr("{n:,} waiting", n=depth), 12, S.INK, "middle", "600"))
    out.append(_box(825, y + 45, 115, 56, tr("shipping"), tr("{n:,}/s", n=a.served[tick]), S.COLORS["async"]))
    out.append(_arrow(617, y + 73, 658, S.INK))
    out.append(_arrow(782, y + 73, 823, S.INK))
    out.append(S.text(504, y + 138, tr("so far: {failed:,} failed, {shipped:,} shipped",
                                       failed=sum(a.failed[:tick + 1]), shipped=sum(a.served[:tick + 1])),
                      12, S.INK))

    xs = data.ticks
    secs = lambda v: f"{v:g}s"  # noqa: E731
    peak_rate = max(max(s.arrivals), 1)
    for col, (series, name, color) in enumerate(((s, "sync", S.COLORS["sync"]),
                                                 (a, "async", S.COLORS["async"]))):
        x0 = 60 + col * 480
        band = (p["spike_start"], p["spike_start"] + p["spike_length"], S.COLORS["spike"])
        c = S.Chart(x0, 250, 400, 120, xs, tr("sync: requests per second") if name == "sync"
                    else tr("async: requests per second"), xfmt=secs, ymax=peak_rate)
        c.band(*band, tr("spike")).add(tr("arrived"), xs, series.arrivals, "#9ca3af", 1.5)
        c.add(tr("shipped"), xs, series.served, S.COLORS["deleted"])
        if name == "sync":
            c.add(tr("failed"), xs, series.failed, S.COLORS["dead"])
        out.append(c.cursor(tick).render())
        c = S.Chart(x0, 420, 400, 110, xs, tr("callers waiting on shipping") if name == "sync"
                    else tr("messages waiting in the queue"), xfmt=secs, ymax=max(max(a.depth), 10))
        c.band(*band).add("", xs, series.depth, color, fill=True)
        out.append(c.cursor(tick).render())
    out.append(S.text(20, HEIGHT - 22, tr("sync: {shipped:,} shipped, {failed:,} of {arrived:,} purchases "
                                          "failed.   async: {a_shipped:,} shipped, {lost} lost; the last "
                                          "waited {wait:.0f} s.", shipped=s.served_total,
                                          failed=s.failed_total, arrived=s.arrivals_total,
                                          a_shipped=a.served_total, lost=a.failed_total,
                                          wait=a.max_latency), 13, S.INK, weight="600"))
    return S.svg(WIDTH, HEIGHT, "".join(out), tr("sync vs async under a spike"))
