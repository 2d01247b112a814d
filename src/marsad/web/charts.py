"""Tiny server-rendered SVG charts (horizontal bars, a per-day timeline): no JavaScript, no
CDN, so the pages work offline. Colours come from the stylesheet (classes, not inline styles,
which the Content-Security-Policy forbids). Every label is escaped; right-to-left charts are
mirrored so bars and time run in the reading direction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from markupsafe import Markup, escape

WIDTH = 600
MAX_LABEL_CHARS = 24
DAILY_SPAN_LIMIT = 185  # longer periods are drawn per month
MAX_COLUMN_STEP = 36  # a few days do not make wall-to-wall columns
LABEL_CHAR_WIDTH = 7.0  # about one character of the 12px axis labels


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def bar_chart(rows: Sequence[tuple[str, int]], *, caption: str, rtl: bool = True,
              link: Callable[[str], str] | None = None, value_format: Callable[[int], str] = str) -> Markup:
    """One bar per ``(label, value)`` row, longest first as given; ``link(label)`` makes rows links."""
    if not rows:
        return Markup("")
    row_h, gap, label_w, value_w = 24, 10, 150, 56
    height = len(rows) * (row_h + gap) - gap
    top = max(v for _, v in rows) or 1
    span = WIDTH - label_w - gap - value_w
    parts = [
        f'<svg class="chart bar-chart" viewBox="0 0 {WIDTH} {height}" direction="ltr" role="img" '
        f'aria-label="{escape(caption)}" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(caption)}</title>",
    ]
    for i, (label, value) in enumerate(rows):
        y = i * (row_h + gap)
        length = max(2.0, span * value / top) if value else 0.0
        mid = y + row_h / 2
        if rtl:
            bar_x = WIDTH - label_w - gap - length
            label_attrs = f'x="{WIDTH}" text-anchor="start" direction="rtl"'
            value_x, value_anchor = bar_x - 6, "end"
        else:
            bar_x = label_w + gap
            label_attrs = 'x="0" text-anchor="start"'
            value_x, value_anchor = bar_x + length + 6, "start"
        shown = escape(_short(label))
        row = (
            f'<g class="bar-row"><title>{escape(label)}: {escape(value_format(value))}</title>'
            f'<rect class="bar-track" x="{_num(WIDTH - label_w - gap - span if rtl else label_w + gap)}" '
            f'y="{_num(y)}" width="{_num(span)}" height="{row_h}" rx="4"/>'
            f'<rect class="bar" x="{_num(bar_x)}" y="{_num(y)}" width="{_num(length)}" height="{row_h}" rx="4"/>'
            f'<text class="bar-label" {label_attrs} y="{_num(mid)}" dominant-baseline="central">{shown}</text>'
            f'<text class="bar-value" x="{_num(value_x)}" y="{_num(mid)}" text-anchor="{value_anchor}" '
            f'dominant-baseline="central" direction="ltr">{escape(value_format(value))}</text></g>'
        )
        if link is not None:
            row = f'<a href="{escape(link(label))}">{row}</a>'
        parts.append(row)
    parts.append("</svg>")
    return Markup("".join(parts))


def fill_timeline(points: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """Days with no articles filled in with 0 between the first and last day; spans longer than
    ``DAILY_SPAN_LIMIT`` days become months (``YYYY-MM``)."""
    counts: dict[date, int] = {}
    for day, n in points:
        try:
            d = date.fromisoformat(day[:10])
        except ValueError:
            continue
        counts[d] = counts.get(d, 0) + n
    if not counts:
        return []
    first, last = min(counts), max(counts)
    if (last - first).days <= DAILY_SPAN_LIMIT:
        return [((first + timedelta(days=i)).isoformat(), counts.get(first + timedelta(days=i), 0))
                for i in range((last - first).days + 1)]
    months: dict[str, int] = {}
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        months[f"{y:04d}-{m:02d}"] = 0
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    for d, n in counts.items():
        months[f"{d.year:04d}-{d.month:02d}"] += n
    return list(months.items())


def timeline_chart(points: Sequence[tuple[str, int]], *, caption: str, rtl: bool = True,
                   label: Callable[[str], str] = str, link: Callable[[str], str] | None = None,
                   width: int = WIDTH, height: int = 150) -> Markup:
    """Columns per day (or month), oldest at the reading start; ``label`` formats axis dates.
    Draw it about as wide (in CSS pixels) as ``width`` so its text stays legible."""
    series = fill_timeline(points)
    if not series:
        return Markup("")
    axis_h, top_pad = 26, 18
    plot_h = height - axis_h - top_pad
    top = max(n for _, n in series) or 1
    step = min(width / len(series), MAX_COLUMN_STEP)
    col_w = max(1.0, step - (2 if step > 6 else 0.5))
    parts = [
        f'<svg class="chart timeline-chart" viewBox="0 0 {width} {height}" direction="ltr" role="img" '
        f'aria-label="{escape(caption)}" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(caption)}</title>",
        f'<line class="axis" x1="0" x2="{width}" y1="{top_pad + plot_h}" y2="{top_pad + plot_h}"/>',
        f'<text class="axis-label" x="{width if rtl else 0}" y="{top_pad - 6}" '
        f'text-anchor="{"end" if rtl else "start"}" direction="ltr">{top}</text>',
    ]
    for i, (day, n) in enumerate(series):
        x = (width - (i + 1) * step) if rtl else i * step
        x += (step - col_w) / 2
        h = plot_h * n / top
        col = (f'<g class="col-group"><title>{escape(label(day))}: {n}</title>'
               f'<rect class="col-hit" x="{_num(x)}" y="{top_pad}" width="{_num(col_w)}" height="{plot_h}"/>'
               + (f'<rect class="col" x="{_num(x)}" y="{_num(top_pad + plot_h - h)}" width="{_num(col_w)}" '
                  f'height="{_num(h)}" rx="1.5"/>' if n else "")
               + "</g>")
        if link is not None and n:
            col = f'<a href="{escape(link(day))}">{col}</a>'
        parts.append(col)
    # Labels in the page's direction, so "5 مارس 2024" keeps its word order: the first day at the
    # reading start, the last under the last column, or both in one label when they would collide.
    direction = "rtl" if rtl else "ltr"
    first, last = label(series[0][0]), label(series[-1][0])
    end_x = width - len(series) * step if rtl else len(series) * step
    y = height - 6
    room = len(series) * step
    if series[0][0] != series[-1][0] and (len(first) + len(last) + 2) * LABEL_CHAR_WIDTH > room:
        first, last = f"{first} – {last}", ""
    parts.append(f'<text class="axis-label" x="{_num(width if rtl else 0)}" y="{y}" direction="{direction}" '
                 f'text-anchor="start">{escape(first)}</text>')
    if last and series[0][0] != series[-1][0]:
        parts.append(f'<text class="axis-label" x="{_num(end_x)}" y="{y}" direction="{direction}" '
                     f'text-anchor="end">{escape(last)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
