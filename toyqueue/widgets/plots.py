"""Static matplotlib figures of the simulations, for lessons that want a plain plot (lesson 08).

    from toyqueue.sim.tiers import simulate
    from toyqueue.widgets import plot_tiers
    fig = plot_tiers(simulate())      # a Figure; in a notebook end the cell with `fig;` or plt.show()

Figures are built with the object API (no pyplot state), so calling them twice never draws
on top of an earlier figure. The colours match the SVG views.
"""

from toyqueue.i18n import mark, tr
from toyqueue.widgets.svg import COLORS

POLICIES = {"step": mark("step policy"), "target": mark("target tracking")}


def _figure(figsize):
    # Imported on first use: matplotlib takes half a second to import, and a lesson that only
    # shows the SVG views (QueueView, say) never needs it.
    from matplotlib.figure import Figure

    return Figure(figsize=figsize, layout="constrained")


def _spike(ax, p, scale=60):
    ax.axvspan(p["spike_start"] / scale, (p["spike_start"] + p["spike_duration"]) / scale,
               color=COLORS["spike"], alpha=0.6, lw=0)


def _style(ax, title):
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    ax.grid(alpha=0.3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def plot_tiers(run):
    """Uploads, the two tiers' instances and the queue between them, over minutes."""
    p, m = run.params, [t / 60 for t in run.t]
    fig = _figure((10, 7.5))
    ax1, ax2, ax3 = fig.subplots(3, 1, sharex=True)
    _spike(ax1, p)
    ax1.plot(m, run.requests, color="#6b7280", label=tr("uploads arriving"))
    ax1.plot(m, run.encoded, color=COLORS["deleted"], label=tr("videos encoded"))
    if any(run.rejected):
        ax1.plot(m, run.rejected, color=COLORS["dead"], label=tr("rejected (503)"))
    ax1.set_ylabel(tr("per minute"))
    ax1.legend(loc="upper right", frameon=False)
    _style(ax1, tr("front end takes uploads; the GPU tier encodes them"))
    _spike(ax2, p)
    ax2.fill_between(m, run.depth, color=COLORS["visible"], alpha=0.25, step="post")
    ax2.step(m, run.depth, where="post", color=COLORS["visible"])
    ax2.set_ylabel(tr("messages"))
    _style(ax2, tr("the queue between the tiers absorbs the spike"))
    _spike(ax3, p)
    ax3.step(m, run.web_in_service, where="post", color=COLORS["step"], lw=2, label=tr("web tier"))
    ax3.step(m, run.gpu_in_service, where="post", color=COLORS["target"], lw=2,
             label=tr("GPU tier (back end)"))
    ax3.set_ylabel(tr("instances"))
    ax3.set_xlabel(tr("minutes"))
    ax3.legend(loc="upper right", frameon=False)
    _style(ax3, tr("each tier scales on its own metric"))
    return fig


def plot_autoscaling(runs):
    """{"step": Run, "target": Run} from toyqueue.sim.autoscaling.compare(): depth and instances."""
    first = next(iter(runs.values()))
    p, m = first.params, [t / 60 for t in first.t]
    fig = _figure((10, 6))
    ax1, ax2 = fig.subplots(2, 1, sharex=True)
    for ax in (ax1, ax2):
        _spike(ax, p)
    for name, run in runs.items():
        ax1.plot(m, run.visible, color=COLORS[name], label=tr(POLICIES[name]))
        ax2.step(m, run.in_service, where="post", color=COLORS[name], lw=2, label=tr(POLICIES[name]))
    ax1.axhline(p["alarm_threshold"], color=COLORS["dead"], ls="--", lw=1, label=tr("alarm threshold"))
    ax1.set_ylabel(tr("messages visible"))
    ax2.set_ylabel(tr("instances in service"))
    ax2.set_xlabel(tr("minutes"))
    ax1.legend(frameon=False)
    _style(ax1, tr("queue depth"))
    _style(ax2, tr("instances"))
    return fig


def plot_sync_async(result):
    """Shipped and failed per second, and what waits, for both wirings of lesson 01."""
    fig = _figure((10, 5))
    (a1, a2), (b1, b2) = fig.subplots(2, 2, sharex=True)
    for (top, bottom), s, name in (((a1, b1), result.sync, "sync"),
                                   ((a2, b2), result.asynchronous, "async")):
        top.plot(result.ticks, s.arrivals, color="#9ca3af", label=tr("arrived"))
        top.plot(result.ticks, s.served, color=COLORS["deleted"], label=tr("shipped"))
        top.plot(result.ticks, s.failed, color=COLORS["dead"], label=tr("failed"))
        bottom.fill_between(result.ticks, s.depth, color=COLORS[name], alpha=0.3)
        _style(top, tr("sync: per second") if name == "sync" else tr("async: per second"))
        _style(bottom, tr("waiting"))
        bottom.set_xlabel(tr("seconds"))
    a1.legend(frameon=False)
    return fig
