"""A few SVG drawing helpers shared by the views: strings in, strings out.

Why SVG strings in an ipywidgets.HTML and not matplotlib or a custom JS widget: a redraw is
a string (fast, no image encoding), it renders the same in JupyterLab, in a static HTML
export and in a screenshot, needs no JavaScript build step, and tests can read it.
"""

import unicodedata
from html import escape

from toyqueue.fonts import SVG_FONT as FONT

INK, MUTED, GRID, CARD = "#1f2937", "#6b7280", "#e5e7eb", "#f9fafb"
COLORS = {
    "delayed": "#8b7fd4", "visible": "#3b82f6", "inflight": "#f59e0b", "deleted": "#10b981",
    "dead": "#ef4444", "duplicate": "#db2777", "spike": "#fde68a", "alarm": "#fecaca",
    "step": "#2563eb", "target": "#059669", "sync": "#dc2626", "async": "#2563eb",
}


def svg(width, height, body, title=""):
    label = f"<title>{escape(title)}</title>" if title else ""
    # Scales down to the notebook's width (never up): readable on a laptop, crisp when wide.
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" '
            f'style="{FONT};background:#fff;width:100%;max-width:{width}px;height:auto">'
            f"{label}{body}</svg>")


def text(x, y, s, size=12, color=INK, anchor="start", weight="normal", extra=""):
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{color}" '
            f'text-anchor="{anchor}" font-weight="{weight}" {extra}>{escape(str(s))}</text>')


def rect(x, y, w, h, fill, rx=0, stroke="none", sw=1, extra=""):
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 0):.1f}" '
            f'rx="{rx}" fill="{fill}" stroke="{stroke}" stroke-width="{sw}" {extra}/>')


def line(x1, y1, x2, y2, color=GRID, width=1, dash=""):
    d = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{color}" stroke-width="{width}"{d}/>')


def legend_width(label):
    """About how wide a legend label of size 11 is, in px: Hangul is nearly twice Latin's width."""
    return sum(12 if unicodedata.east_asian_width(c) in "WF" else 7 for c in label)


def nice_ticks(lo, hi, n=4):
    """Round tick values covering [lo, hi]."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw) if raw >= 1 else \
        next(m for m in (0.1, 0.2, 0.25, 0.5, 1) if m >= raw)
    top = step * -(-hi // step)
    ticks, v = [], lo
    while v <= top + 1e-9:
        ticks.append(round(v, 6))
        v += step
    return ticks


def fmt(v):
    if abs(v) >= 10000:
        return f"{v / 1000:,.0f}k"
    if abs(v) >= 1000:
        return f"{v / 1000:,.1f}k".replace(".0k", "k")
    return f"{v:g}"


class Chart:
    """A line chart in a box: series of (label, xs, ys, color), bands, threshold lines, a cursor."""

    def __init__(self, x, y, w, h, xs, title="", unit="", ymax=None, xfmt=fmt):
        self.x, self.y, self.w, self.h, self.title, self.unit = x, y, w, h, title, unit
        self.x0, self.x1 = (xs[0], xs[-1]) if xs else (0, 1)
        if self.x1 == self.x0:
            self.x1 = self.x0 + 1
        self.ymax, self.xfmt = ymax, xfmt
        self.series, self.parts_under, self.parts_over = [], [], []

    def px(self, v):
        return self.x + (v - self.x0) / (self.x1 - self.x0) * self.w

    def py(self, v):
        return self.y + self.h - v / self.top * self.h

    def add(self, label, xs, ys, color, width=2, step=True, fill=False, dash=""):
        self.series.append((label, xs, ys, color, width, step, fill, dash))
        return self

    def band(self, x0, x1, color, label=""):
        self.parts_under.append(("band", x0, x1, color, label))
        return self

    def hline(self, yv, color, label=""):
        self.parts_over.append(("hline", yv, color, label))
        return self

    def cursor(self, xv):
        self.parts_over.append(("cursor", xv))
        return self

    def render(self):
        peak = max([max(s[2]) for s in self.series if s[2]] +
                   [p[1] for p in self.parts_over if p[0] == "hline"] + [1])
        ticks = nice_ticks(0, self.ymax if self.ymax is not None else peak)
        self.top = ticks[-1]
        out = [rect(self.x, self.y, self.w, self.h, CARD)]
        for kind, x0, x1, color, label in self.parts_under:
            a, b = self.px(max(x0, self.x0)), self.px(min(x1, self.x1))
            out.append(rect(a, self.y, b - a, self.h, color, extra='opacity="0.6"'))
            if label:
                out.append(text(a + 4, self.y + 12, label, 10, "#92400e"))
        for tv in ticks:
            yy = self.py(tv)
            out.append(line(self.x, yy, self.x + self.w, yy))
            out.append(text(self.x - 6, yy + 4, fmt(tv), 10, MUTED, "end"))
        for xv in nice_ticks(self.x0, self.x1, 6):
            if self.x0 <= xv <= self.x1:
                out.append(text(self.px(xv), self.y + self.h + 14, self.xfmt(xv), 10, MUTED, "middle"))
        for label, xs, ys, color, width, step, fill, dash in self.series:
            pts = []
            for i, (xv, yv) in enumerate(zip(xs, ys)):
                if step and i:
                    pts.append((self.px(xv), self.py(ys[i - 1])))
                pts.append((self.px(xv), self.py(yv)))
            if not pts:
                continue
            pts = _simplify(pts)
            d = " ".join(f"{a:.1f},{b:.1f}" for a, b in pts)
            if fill:
                base = self.y + self.h
                out.append(f'<polygon points="{pts[0][0]:.1f},{base:.1f} {d} {pts[-1][0]:.1f},{base:.1f}" '
                           f'fill="{color}" opacity="0.15"/>')
            dd = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<polyline points="{d}" fill="none" stroke="{color}" stroke-width="{width}" '
                       f'stroke-linejoin="round"{dd}/>')
        for part in self.parts_over:
            if part[0] == "hline":
                _, yv, color, label = part
                yy = self.py(yv)
                out.append(line(self.x, yy, self.x + self.w, yy, color, 1.5, "6 4"))
                if label:
                    out.append(text(self.x + self.w - 4, yy - 4, label, 10, color, "end"))
            else:
                xx = self.px(part[1])
                out.append(line(xx, self.y, xx, self.y + self.h, INK, 1.2, "3 3"))
        out.append(text(self.x, self.y - 8, self.title, 13, INK, weight="600"))
        lx = self.x + self.w
        for label, xs, ys, color, *_ in reversed(self.series):
            if not label:
                continue
            lx -= 8 + legend_width(label)
            out.append(rect(lx, self.y - 17, 10, 10, color, 2))
            out.append(text(lx + 14, self.y - 8, label, 11, MUTED))
            lx -= 14
        return "".join(out)


def _simplify(pts):
    """Drop points in the middle of a straight horizontal or vertical run (smaller SVG, same look)."""
    pts = [(round(a, 1), round(b, 1)) for a, b in pts]
    out = pts[:1]
    for i in range(1, len(pts) - 1):
        (a0, b0), (a1, b1), (a2, b2) = out[-1], pts[i], pts[i + 1]
        if (b0 == b1 == b2) or (a0 == a1 == a2) or (a1, b1) == (a0, b0):
            continue
        out.append(pts[i])
    if len(pts) > 1:
        out.append(pts[-1])
    return out
