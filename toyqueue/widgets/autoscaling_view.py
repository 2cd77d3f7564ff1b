"""Lesson 07's picture: a spike of messages, the queue's depth, the alarm, the group of consumers.

    from toyqueue.widgets import AutoscalingView
    view = AutoscalingView()                  # any toyqueue.sim.autoscaling parameters
    view                                      # sliders, policy buttons, 3 charts, a summary
    view.data                                 # {"step": Run, "target": Run}: no browser needed
    view.svg                                  # the picture as an SVG string

Both policies always run on the same traffic; the buttons choose which one is drawn. The
simulation reruns (an hour of traffic, in milliseconds) whenever a slider moves.
"""

import ipywidgets as W

from toyqueue.i18n import mark, tr
from toyqueue.sim.autoscaling import DEFAULTS, compare
from toyqueue.widgets import svg as S
from toyqueue.widgets.base import View, player, slider

WIDTH, HEIGHT = 980, 700
SHOW = {mark("both"): ("step", "target"), mark("step (lecture)"): ("step",),
        mark("target tracking (AWS)"): ("target",)}
NAMES = {"step": mark("step policy"), "target": mark("target tracking")}


class AutoscalingView(View):
    def __init__(self, show="both", **params):
        self.params = {**DEFAULTS, **params}
        p = self.params
        self.policy = W.ToggleButtons(options=[(tr(k), k) for k in SHOW],
                                      value=show if show in SHOW else "both",
                                      description=tr("policy"), style={"button_width": "170px"})
        self.spike = slider(tr("spike (messages/s)"), p["spike_rate"], 20, 400, 10)
        self.threshold = slider(tr("alarm threshold"), p["alarm_threshold"], 100, 20000, 100)
        self.step_add = slider(tr("alarm adds"), p["step_add"], 1, 10)
        self.latency = slider(tr("latency target (s)"), float(p["acceptable_latency"]), 1.0,
                              60.0, 1.0, ".0f")
        self.cooldown = slider(tr("cooldown (s)"), p["cooldown"], 0, 900, 30)
        self.startup = slider(tr("start-up time (s)"), p["startup"], 0, 600, 30)
        self.data = compare(**p)
        n = len(self.data["step"].t)
        self.play, self.frame = player(n, tr("time"), 60)
        self.frame.value = n - 1
        controls = [self.policy,
                    W.HBox([self.spike, self.threshold, self.step_add]),
                    W.HBox([self.latency, self.cooldown, self.startup]),
                    W.HBox([self.play, self.frame])]
        super().__init__(controls)
        self._watch([self.spike, self.threshold, self.step_add, self.latency, self.cooldown,
                     self.startup], self.rerun)
        self._watch([self.policy, self.frame], self.draw)
        self.draw()

    def rerun(self):
        self.params.update(spike_rate=self.spike.value, alarm_threshold=self.threshold.value,
                           step_add=self.step_add.value, acceptable_latency=self.latency.value,
                           cooldown=self.cooldown.value, startup=self.startup.value)
        self.data = compare(**self.params)
        self.draw()

    def draw(self):
        self.picture.value = render(self.data, SHOW[self.policy.value], self.frame.value)

    def __repr__(self):
        s, t = self.data["step"], self.data["target"]
        return (f"AutoscalingView(spike={self.params['spike_rate']}/s): step peak "
                f"{s.peak_instances} instances, target tracking peak {t.peak_instances}")


def render(runs, policies=("step", "target"), index=None):
    first = runs[policies[0]]
    p = first.params
    index = len(first.t) - 1 if index is None else max(0, min(index, len(first.t) - 1))
    now = first.t[index]
    minutes = [t / 60 for t in first.t]
    mfmt = lambda v: tr("{v:g} min", v=v)  # noqa: E731
    spike = (p["spike_start"] / 60, (p["spike_start"] + p["spike_duration"]) / 60,
             S.COLORS["spike"])
    cut = index + 1
    xs = minutes[:cut]
    out = [S.text(20, 30, tr("Scaling consumers on the queue's depth"), 18, S.INK, weight="700"),
           S.text(WIDTH - 20, 30, tr("t = {t:.1f} min", t=now / 60), 16, S.INK, "end", "600"),
           S.text(20, 50, tr("each instance handles {rate:g} messages/s; new instances start in "
                             "{startup} s; CloudWatch sees the queue once a minute",
                             rate=1 / p['processing_time'], startup=p['startup']), 12, S.MUTED)]
    x0, w = 80, WIDTH - 110

    c = S.Chart(x0, 90, w, 120, minutes, tr("incoming messages per second"), xfmt=mfmt,
                ymax=max(max(first.incoming), 1))
    c.band(*spike, tr("spike")).add(tr("incoming"), xs, first.incoming[:cut], "#6b7280", fill=True)
    out.append(c.cursor(now / 60).render())

    top = max(max(runs[k].visible) for k in policies)
    c = S.Chart(x0, 260, w, 150, minutes, tr("queue depth (ApproximateNumberOfMessagesVisible)"),
                xfmt=mfmt, ymax=max(top, 10))
    c.band(*spike)
    if "step" in policies:
        alarm = runs["step"].alarm
        start = None
        for i, on in enumerate(alarm[:cut] + [False]):
            if on and start is None:
                start = i
            elif not on and start is not None:
                c.band(minutes[start], minutes[min(i, len(minutes) - 1)], S.COLORS["alarm"])
                start = None
        c.hline(p["alarm_threshold"], S.COLORS["dead"],
                tr("alarm threshold {n:,}", n=p['alarm_threshold']))
    for k in policies:
        c.add(tr(NAMES[k]), xs, runs[k].visible[:cut], S.COLORS[k], 2.2, step=False)
    out.append(c.cursor(now / 60).render())

    top = max(max(r.in_service[i] + r.pending[i] for i in range(len(r.t)))
              for r in (runs[k] for k in policies))
    c = S.Chart(x0, 460, w, 130, minutes, tr("instances in service (dashed: launched, starting up)"),
                xfmt=mfmt, ymax=max(top, p["min_size"] + 1))
    c.band(*spike)
    for k in policies:
        r = runs[k]
        c.add("", xs, [a + b for a, b in zip(r.in_service[:cut], r.pending[:cut])], S.COLORS[k],
              1.2, dash="4 3")
        c.add(tr(NAMES[k]), xs, r.in_service[:cut], S.COLORS[k], 2.4)
    out.append(c.cursor(now / 60).render())

    y = 630
    target = p["acceptable_latency"] / p["processing_time"]
    for k in policies:
        r = runs[k]
        rule = (tr("alarm: depth > {threshold:,} for {periods} min -> +{add}, cooldown {cooldown} s",
                   threshold=p['alarm_threshold'], periods=p['evaluation_periods'], add=p['step_add'],
                   cooldown=p['cooldown']) if k == "step" else
                tr("backlog per instance -> {target:,.0f} ({latency:g} s / {processing:g} s per message)",
                   target=target, latency=p['acceptable_latency'], processing=p['processing_time']))
        i = index
        out.append(S.rect(20, y - 13, 12, 12, S.COLORS[k], 3))
        out.append(S.text(40, y - 2, f"{tr(NAMES[k])}: {rule}", 12, S.INK, weight="600"))
        out.append(S.text(40, y + 14, tr("now {serving} in service, {starting} starting, depth {depth:,}"
                                         "   |   whole run: peak {peak}, longest wait {wait:.1f} min, "
                                         "{minutes:,.0f} instance-minutes", serving=r.in_service[i],
                                         starting=r.pending[i], depth=r.visible[i],
                                         peak=r.peak_instances, wait=r.max_wait / 60,
                                         minutes=r.instance_minutes), 11, S.MUTED))
        y += 36
    return S.svg(WIDTH, max(HEIGHT, y), "".join(out), tr("autoscaling on queue depth"))
