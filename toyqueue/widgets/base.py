"""What every view shares: an SVG picture in an HTML widget, controls, and a quiet repr.

A view is a VBox: controls on top, the picture below. `view.data` is what the simulation
returned, `view.svg` the picture as it is now; tests and nbval use those, never the
rendering. The repr is one deterministic line, so a notebook cell that displays a view
stores only a widget reference (nbval skips model ids) and that line.
"""

import ipywidgets as W

from toyqueue.i18n import tr
from toyqueue.widgets.svg import COLORS  # noqa: F401  (re-exported for lesson writers)


def slider(description, value, lo, hi, step=1, fmt=None, width="300px", kind=None):
    kind = kind or (W.FloatSlider if isinstance(step, float) or isinstance(value, float)
                    else W.IntSlider)
    kw = dict(readout_format=fmt) if fmt else {}
    return kind(value=value, min=lo, max=hi, step=step, description=description,
                continuous_update=False, style={"description_width": "130px"},
                layout=W.Layout(width=width), **kw)


class View(W.VBox):
    """Base class: subclasses set self.picture's value in draw() from self.data."""

    def __init__(self, controls, **kw):
        self.picture = W.HTML(layout=W.Layout(overflow="auto"))
        self.picture.add_class("toyqueue-picture")
        super().__init__(children=[*controls, self.picture], **kw)
        self.add_class("toyqueue-view")
        self.add_class(f"toyqueue-{type(self).__name__.lower()}")   # e.g. toyqueue-queueview

    @property
    def svg(self):
        return self.picture.value

    def _watch(self, widgets, callback):
        for w in widgets:
            w.observe(lambda change: callback(), names="value")


def player(n_frames, description="time", interval=500):
    """A Play button linked to a slider over frame numbers (the browser drives the ticks)."""
    play = W.Play(value=0, min=0, max=max(n_frames - 1, 0), step=1, interval=interval,
                  description=tr("play / pause"), show_repeat=False)
    frame = W.IntSlider(value=0, min=0, max=max(n_frames - 1, 0), description=description,
                        style={"description_width": "50px"}, layout=W.Layout(width="420px"))
    W.jslink((play, "value"), (frame, "value"))
    return play, frame
