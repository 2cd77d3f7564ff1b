"""Fonts that draw Hangul, so the Korean edition's pictures show words and not empty boxes.

The widgets' SVG names the fonts in CSS and the browser takes each glyph from the first font
that has it, so listing the Korean fonts after the Latin ones is enough (SVG_FONT). matplotlib
only falls back from one font to another when both are named and installed, so
use_in_matplotlib() adds the first Korean font it finds (CI installs Debian's fonts-nanum).
"""
from __future__ import annotations

import functools

LATIN = ("'Segoe UI'", "Roboto", "'Helvetica Neue'", "'Liberation Sans'", "'DejaVu Sans'")
KOREAN = ("NanumGothic", "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo",
          "AppleGothic")
SVG_FONT = "font-family:" + ",".join(LATIN + tuple(f"'{k}'" for k in KOREAN) + ("sans-serif",))
SVG_MONO = "DejaVu Sans Mono,NanumGothicCoding,monospace"


@functools.cache
def hangul_font() -> str | None:
    """The first of KOREAN that matplotlib finds on this machine, or None."""
    try:
        from matplotlib import font_manager
    except ImportError:
        return None
    for family in KOREAN:
        try:
            font_manager.findfont(family, fallback_to_default=False)
            return family
        except ValueError:
            continue
    return None


def use_in_matplotlib() -> str | None:
    """Let matplotlib draw Hangul from now on (a no-op without a Korean font); returns the font."""
    family = hangul_font()
    if family is None:
        return None
    import matplotlib

    current = matplotlib.rcParams["font.family"]
    if family not in current:
        first = current[0] if current and current[0] not in ("sans-serif", "serif") else "DejaVu Sans"
        matplotlib.rcParams["font.family"] = [first, family]
    return family
