"""The lessons' static figures, so a lesson shows a picture without a line of matplotlib.

    from toyqueue.sim.tiers import simulate
    from toyqueue.widgets import plot_tiers
    plot_tiers(simulate(), tr("The spike: web tier, queue, GPU tier"))   # a cell ending in it shows a PNG

One function per lesson figure (01 plot_sync_async, 02 plot_buffer, 07 plot_autoscaling,
08 plot_tiers); each draws its panels in the order the lesson's prose reads them, top to bottom.
Figures are built with the object API (no pyplot state), so drawing one never draws on top of
another, and they show themselves as a PNG whether or not pyplot was ever imported. Colours are
the SVG views' (svg.COLORS); every label goes through tr(), so the Korean edition draws Korean.
"""

import functools
import io

from toyqueue.i18n import tr
from toyqueue.widgets.autoscaling_view import NAMES as POLICIES
from toyqueue.widgets.svg import COLORS, MUTED

ARRIVING = "#9ca3af"            # what arrives, as the sync/async view draws it
TIERS = {"web": COLORS["step"], "gpu": COLORS["delayed"]}


@functools.cache
def _figure_class():
    # Imported on first use: matplotlib takes half a second to import, and a lesson that only
    # shows the SVG views (QueueView, say) never needs it.
    from matplotlib.figure import Figure

    class LessonFigure(Figure):
        def _repr_png_(self):
            # Without pyplot's inline backend IPython has no way to show a Figure; this is it.
            out = io.BytesIO()
            self.savefig(out, format="png", bbox_inches="tight")
            return out.getvalue()

    return LessonFigure


def _figure(figsize):
    return _figure_class()(figsize=figsize, layout="constrained")


def _spike(axes, start, end):
    """Shade the spike on every panel; the first one's legend names it."""
    for i, ax in enumerate(axes):
        ax.axvspan(start, end, color=COLORS["spike"], alpha=0.6, lw=0, label=tr("spike") if i == 0 else None)


def _legend(*axes, loc="upper right"):
    for ax in axes:     # a white box: a line running behind the legend does not cross its words
        ax.legend(loc=loc, fontsize=8, facecolor="white", framealpha=0.9, edgecolor="none")


def _style(ax, title, ylabel):
    ax.set_title(title, loc="left", fontsize=11)      # not bold: NanumGothic has no 700 weight
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def plot_sync_async(result):
    """Lesson 01: the direct call (top) loses the overflow; the queue (bottom) holds it."""
    p, t = result.params, result.ticks
    fig = _figure((8, 5.5))
    top, bottom = fig.subplots(2, 1, sharex=True)
    _spike((top, bottom), p["spike_start"], p["spike_start"] + p["spike_length"])
    s, a = result.sync, result.asynchronous
    top.plot(t, s.arrivals, color=ARRIVING, lw=4, label=tr("requests arriving"))
    top.axhline(p["capacity"], color=MUTED, ls="--", lw=1, label=tr("service capacity"))
    top.plot(t, s.failed, color=COLORS["dead"], label=tr("sync: failed"))
    top.plot(t, s.served, color=COLORS["deleted"], label=tr("sync: handled"))
    top.set_yscale("symlog", linthresh=10)      # 10/s, 100/s and 1,000/s all readable
    _style(top, tr("Sync: the spike is far above capacity, and the overflow fails"), tr("per second"))
    bottom.fill_between(t, a.depth, color=COLORS["async"], alpha=0.2, lw=0)
    bottom.plot(t, a.depth, color=COLORS["async"], label=tr("async: waiting in the queue"))
    bottom.plot(t, a.served, color=COLORS["deleted"], label=tr("async: handled per second"))
    _style(bottom, tr("Async: the queue holds the spike, the service drains it at {capacity:,}/s",
                      capacity=p["capacity"]), tr("requests"))
    bottom.set_xlabel(tr("second"))
    _legend(top, bottom)
    return fig


def plot_buffer(sent, waiting, capacity):
    """Lesson 02: orders sent each second (bars), those waiting in the queue, the consumer's pace."""
    seconds = range(len(sent))
    fig = _figure((7, 3))
    ax = fig.subplots()
    ax.bar(seconds, sent, color=ARRIVING, label=tr("orders sent this second"))
    ax.plot(seconds, waiting, "o-", color=COLORS["visible"], label=tr("orders waiting in the queue"))
    ax.axhline(capacity, color=MUTED, ls="--", lw=1, label=tr("consumer capacity per second"))
    _style(ax, tr("The queue absorbs a burst; the consumer drains it at its own pace"), tr("orders"))
    ax.set_xlabel(tr("second"))
    _legend(ax)
    return fig


def plot_autoscaling(runs, title):
    """Lesson 07: the queue's length (top) and the instances each policy runs (bottom).

    `runs`: Runs of toyqueue.sim.autoscaling on the same traffic (`compare().values()`, or one)."""
    runs = list(runs)
    p, minutes = runs[0].params, [t / 60 for t in runs[0].t]
    fig = _figure((9, 5.5))
    fig.suptitle(title, fontsize=12)
    top, bottom = fig.subplots(2, 1, sharex=True)
    _spike((top, bottom), p["spike_start"] / 60, (p["spike_start"] + p["spike_duration"]) / 60)
    for run in runs:
        name = tr(POLICIES[run.policy])
        top.plot(minutes, run.visible, color=COLORS[run.policy], lw=2, label=name)
        bottom.step(minutes, run.in_service, where="post", color=COLORS[run.policy], lw=2, label=name)
    if any(run.policy == "step" for run in runs):
        top.axhline(p["alarm_threshold"], color=COLORS["dead"], ls="--", lw=1, label=tr("step alarm threshold"))
    _style(top, tr("queue length"), "ApproximateNumberOfMessagesVisible")     # the CloudWatch metric
    _style(bottom, tr("instances in service"), tr("instances"))
    bottom.set_xlabel(tr("minutes"))
    _legend(top, bottom)
    return fig


def plot_tiers(run, title):
    """Lesson 08, top to bottom: the web tier's uploads, the instances of both tiers, the queue
    between them, the bucket."""
    p, minutes = run.params, [t / 60 for t in run.t]
    fig = _figure((9, 8))
    fig.suptitle(title, fontsize=12)
    uploads, instances, queue, bucket = fig.subplots(4, 1, sharex=True)
    _spike((uploads, instances, queue, bucket), p["spike_start"] / 60,
           (p["spike_start"] + p["spike_duration"]) / 60)
    uploads.plot(minutes, run.requests, color=ARRIVING, lw=4, label=tr("uploads/min requested"))
    uploads.plot(minutes, run.accepted, color=TIERS["web"], label=tr("accepted by the web tier"))
    if any(run.rejected):
        uploads.plot(minutes, run.rejected, color=COLORS["dead"], label=tr("rejected (503)"))
    _style(uploads, tr("the web tier takes the uploads"), tr("per minute"))
    instances.step(minutes, run.web_in_service, where="post", color=TIERS["web"], lw=2, label=tr("web tier"))
    instances.step(minutes, run.gpu_in_service, where="post", color=TIERS["gpu"], lw=2, label=tr("GPU tier"))
    _style(instances, tr("each tier scales on its own metric"), tr("instances"))
    queue.fill_between(minutes, run.depth, color=COLORS["visible"], alpha=0.2, lw=0)
    queue.plot(minutes, run.depth, color=COLORS["visible"], label="ApproximateNumberOfMessages")
    _style(queue, tr("the queue between the tiers absorbs the spike"), tr("messages"))
    bucket.plot(minutes, run.stored, color=COLORS["deleted"], lw=2, label=tr("videos in the bucket"))
    _style(bucket, tr("encoded videos land in the bucket"), tr("videos"))
    bucket.set_xlabel(tr("minutes"))
    _legend(uploads, instances, queue)
    _legend(bucket, loc="upper left")          # the bucket fills up to the right
    return fig
