"""Charts of poll results as SVG, made at build time from the content objects (web and print alike).

A small template-based writer of our own rather than a library: the charts are two simple kinds
(horizontal bars per question, lines across polls), they must carry their own text alternative
and escape every label, and a library (pygal, matplotlib) would add megabytes and, for pygal,
JavaScript; these are 1-3 KB each, need nothing in the browser, stay sharp at any size and print
as vectors. Text is set in the page's font; colours pass WCAG contrast on white (bars 8.6:1,
lines at least 4.5:1 and told apart by dash patterns, not by colour alone).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 320  # viewBox units: at a 360-px phone's content width the text stays ~13 px
BAR_AREA = 245
INK = "#1a1a1a"
BAR = "#1f4e8c"
TRACK = "#e8ecf2"
# (colour, dash pattern): distinct without colour, each at least 4.5:1 on white
LINES = [("#1f4e8c", ""), ("#8a1c1c", "6 3"), ("#1d6b3a", "2 3"), ("#5b3a8c", "8 3 2 3"), ("#7a5200", "1 2")]


@dataclass(frozen=True)
class Bar:
    label: str
    percent: float
    count: int


def percent_number(value: float, decimal: str) -> str:
    """A share with one decimal and the language's decimal sign, without the % sign: 42,5."""
    return f"{value:.1f}".replace(".", decimal)


def _pct(value: float, decimal: str) -> str:
    return percent_number(value, decimal) + " %"


def bars(chart_id: str, title: str, rows: list[Bar], decimal: str = ".") -> Markup:
    """One question: a bar per answer, the label above it and the share at its end."""
    row = 46
    height = row * len(rows) + 6
    alt = f"{title}: " + "; ".join(f"{r.label} {_pct(r.percent, decimal)}" for r in rows)
    parts = [f'<svg class="cp-chart" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {height}" width="100%" '
             f'role="img" aria-labelledby="{escape(chart_id)}-title" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{escape(chart_id)}-title">{escape(alt)}</title>']
    for i, r in enumerate(rows):
        y = i * row
        w = round(BAR_AREA * max(0.0, min(r.percent, 100.0)) / 100, 2)
        parts.append(f'<text x="0" y="{y + 15}" font-size="14" fill="{INK}">{escape(r.label)}</text>')
        parts.append(f'<rect x="0" y="{y + 22}" width="{BAR_AREA}" height="15" fill="{TRACK}"/>')
        parts.append(f'<rect class="cp-chart__bar" x="0" y="{y + 22}" width="{w}" height="15" fill="{BAR}" '
                     f'data-percent="{r.percent}" data-count="{r.count}"/>')
        parts.append(f'<text x="{BAR_AREA + 5}" y="{y + 35}" font-size="14" fill="{INK}">{_pct(r.percent, decimal)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def lines(chart_id: str, title: str, dates: list[str], series: list[tuple[str, list[float]]],
          decimal: str = ".") -> Markup:
    """One question asked in several polls: a line per answer across the polls, a legend below."""
    left, top, plot_w, plot_h = 60, 10, WIDTH - 110, 130  # room for the first and last date
    n = len(dates)
    xs = [left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2) for i in range(n)]

    def y(v: float) -> float:
        return round(top + plot_h * (1 - max(0.0, min(v, 100.0)) / 100), 2)

    legend_top = top + plot_h + 30
    height = legend_top + 20 * len(series)
    alt = f"{title}: " + "; ".join(
        f"{label} " + ", ".join(f"{d} {_pct(v, decimal)}" for d, v in zip(dates, values)) for label, values in series)
    parts = [f'<svg class="cp-chart cp-chart--trend" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {height}" '
             f'width="100%" role="img" aria-labelledby="{escape(chart_id)}-title" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{escape(chart_id)}-title">{escape(alt)}</title>']
    for v in (0, 50, 100):
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(v)}" y2="{y(v)}" stroke="#c8ced8" stroke-width="1"/>')
        parts.append(f'<text x="{left - 4}" y="{y(v) + 4}" font-size="12" fill="{INK}" text-anchor="end">{v}%</text>')
    for x, d in zip(xs, dates):
        parts.append(f'<text x="{round(x, 2)}" y="{top + plot_h + 16}" font-size="12" fill="{INK}" '
                     f'text-anchor="middle">{escape(d)}</text>')
    for i, (label, values) in enumerate(series):
        colour, dash = LINES[i % len(LINES)]
        points = " ".join(f"{round(x, 2)},{y(v)}" for x, v in zip(xs, values))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<polyline class="cp-chart__line" points="{points}" fill="none" stroke="{colour}" '
                     f'stroke-width="2.5"{dash_attr} data-values="{" ".join(str(v) for v in values)}"/>')
        for x, v in zip(xs, values):
            parts.append(f'<circle cx="{round(x, 2)}" cy="{y(v)}" r="3.5" fill="{colour}"/>')
        ly = legend_top + 20 * i
        parts.append(f'<line x1="0" x2="24" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" stroke-width="2.5"{dash_attr}/>')
        parts.append(f'<text x="30" y="{ly}" font-size="13" fill="{INK}">{escape(label)} — '
                     f'{_pct(values[-1], decimal)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
