"""A story's spread as a server-rendered SVG: one lane per outlet (first carrier on top), time
along the lanes, a dot per article (the origin ringed and labelled), and an arrow from each
article's parent to it (solid for a copy, dashed for a rewrite). Colours come from the
stylesheet (classes only: the Content-Security-Policy forbids inline styles); every label is
escaped; right-to-left pages draw time running from right to left, labels on the right."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from markupsafe import Markup, escape

WIDTH = 1000
LANE_H = 44
LABEL_W = 190  # outlet names, at the reading start
PLOT_PAD = 30  # keeps the first and last dots (and the origin's label) off the edges
TOP = 22  # room for the arcs between two articles of the top lane, and the origin label
AXIS_H = 50  # two lines of tick labels
MAX_LANES = 14  # further outlets share one last lane
MAX_LABEL_CHARS = 26
MAX_TICKS = 6
DOT_R = 7.0
ORIGIN_R = 9.0
# Tick steps in minutes, smallest first: the first that gives at most MAX_TICKS ticks is used.
TICK_STEPS_MIN = (5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2 * 1440, 7 * 1440, 14 * 1440, 30 * 1440,
                  91 * 1440, 365 * 1440)
DAY_MIN = 1440


def parse_time(iso: str | None) -> datetime | None:
    """An ISO date or date-time as naive UTC (naive input is read as UTC, as clustering does)."""
    if not iso:
        return None
    try:
        dt = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt.astimezone(UTC).replace(tzinfo=None) if dt.tzinfo else dt


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


@dataclass(frozen=True, slots=True)
class Tick:
    at: datetime
    time_label: str | None  # HH:MM when ticks are less than a day apart
    date_label: str | None  # shown on the first tick and where the day changes


def time_ticks(first: datetime, last: datetime, format_day: Callable[[str], str]) -> list[Tick]:
    """At most ``MAX_TICKS`` round times between ``first`` and ``last`` (inclusive)."""
    span_min = (last - first).total_seconds() / 60
    step = next((s for s in TICK_STEPS_MIN if span_min / s <= MAX_TICKS), TICK_STEPS_MIN[-1])
    epoch = datetime(1970, 1, 1)
    start = math.ceil((first - epoch).total_seconds() / 60 / step) * step
    ticks: list[Tick] = []
    previous_day = None
    minute = start
    while True:
        at = epoch + timedelta(minutes=minute)
        if at > last:
            break
        day = at.date().isoformat()
        if step < DAY_MIN:
            ticks.append(Tick(at, at.strftime("%H:%M"), format_day(day) if day != previous_day else None))
        else:
            ticks.append(Tick(at, None, format_day(day)))
        previous_day = day
        minute += step
    return ticks


@dataclass(frozen=True, slots=True)
class _Dot:
    member: dict[str, Any]
    x: float
    y: float
    r: float


def story_timeline(members: Sequence[dict[str, Any]], *, caption: str, rtl: bool = True,
                   outlet_label: Callable[[str | None], str], others_label: str, origin_label: str,
                   tooltip: Callable[[dict[str, Any]], str], link: Callable[[dict[str, Any]], str],
                   format_day: Callable[[str], str]) -> Markup:
    """``members`` as ``get_story`` returns them (oldest first, with ``source``, ``time``,
    ``relation``, ``parent``, ``edge_kind``, ``origin``). ``tooltip(member)`` and
    ``link(member)`` give each dot its title and href; ``format_day`` formats ``YYYY-MM-DD``."""
    timed = [(m, parse_time(m.get("time"))) for m in members]
    times = [t for _, t in timed if t is not None]
    if not times:
        return Markup("")
    first, last = min(times), max(times)
    if last - first < timedelta(minutes=30):  # one moment: give the axis an hour around it
        first, last = first - timedelta(minutes=30), last + timedelta(minutes=30)
    span = (last - first).total_seconds()

    lanes: list[str | None] = list(dict.fromkeys(m.get("source") for m in members))
    overflow = len(lanes) > MAX_LANES
    shown_lanes = lanes[: MAX_LANES - 1] if overflow else lanes
    lane_of = {s: i for i, s in enumerate(shown_lanes)}
    lane_count = len(shown_lanes) + (1 if overflow else 0)
    height = TOP + lane_count * LANE_H + AXIS_H
    plot_start, plot_end = PLOT_PAD, WIDTH - LABEL_W - PLOT_PAD  # from the labels' edge, reading on

    def x_at(t: datetime) -> float:
        reading = plot_start + (plot_end - plot_start) * (t - first).total_seconds() / span
        return WIDTH - LABEL_W - reading if rtl else LABEL_W + reading

    def y_of(lane: int) -> float:
        return TOP + lane * LANE_H + LANE_H / 2

    parts = [
        f'<svg class="chart story-timeline" viewBox="0 0 {WIDTH} {height}" direction="ltr" role="img" '
        f'aria-label="{escape(caption)}" preserveAspectRatio="xMinYMin meet">',
        f"<title>{escape(caption)}</title>",
        '<defs><marker id="story-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" '
        'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path class="arrow-head" '
        'd="M0 0 L10 5 L0 10 z"/></marker></defs>',
    ]
    # Lanes and their outlet labels.
    label_x = WIDTH if rtl else 0
    for i in range(lane_count):
        y = TOP + i * LANE_H
        name = others_label if overflow and i == lane_count - 1 else outlet_label(shown_lanes[i])
        parts.append(f'<rect class="lane{" lane-alt" if i % 2 else ""}" x="0" y="{_num(y)}" width="{WIDTH}" '
                     f'height="{LANE_H}"/>')
        parts.append(f'<text class="lane-label" x="{label_x}" y="{_num(y + LANE_H / 2)}" text-anchor="start" '
                     f'direction="{"rtl" if rtl else "ltr"}" dominant-baseline="central">'
                     f"<title>{escape(name)}</title>{escape(_short(name))}</text>")
    # Time axis: grid lines and labels.
    axis_y = TOP + lane_count * LANE_H
    parts.append(f'<line class="axis" x1="{_num(x_at(first))}" x2="{_num(x_at(last))}" '
                 f'y1="{_num(axis_y)}" y2="{_num(axis_y)}"/>')
    for tick in time_ticks(first, last, format_day):
        x = x_at(tick.at)
        parts.append(f'<line class="grid" x1="{_num(x)}" x2="{_num(x)}" y1="{TOP}" y2="{_num(axis_y + 4)}"/>')
        lines = [text for text in (tick.time_label, tick.date_label) if text]
        for k, text in enumerate(lines):
            parts.append(f'<text class="axis-label" x="{_num(x)}" y="{_num(axis_y + 18 + k * 17)}" '
                         f'text-anchor="middle" direction="{"rtl" if rtl else "ltr"}">{escape(text)}</text>')

    dots: dict[str, _Dot] = {}
    for m, t in timed:
        if t is None:
            continue
        lane = lane_of.get(m.get("source"), lane_count - 1)
        dots[m["id"]] = _Dot(m, x_at(t), y_of(lane), ORIGIN_R if m.get("origin") else DOT_R)
    # Edges first, so the dots sit on top of them.
    for m in members:
        child, parent = dots.get(m["id"]), dots.get(m.get("parent") or "")
        if child is None or parent is None:
            continue
        path = _edge_path(parent, child)
        if path:
            kind = "rewrite" if m.get("edge_kind") == "rewrite" else "copy"
            parts.append(f'<path class="edge edge-{kind}" d="{path}" marker-end="url(#story-arrow)"/>')
    for dot in dots.values():
        m = dot.member
        relation = "origin" if m.get("origin") else str(m.get("relation") or "near")
        ring = (f'<circle class="dot-ring" cx="{_num(dot.x)}" cy="{_num(dot.y)}" r="{_num(dot.r + 4)}"/>'
                if m.get("origin") else "")
        group = (f'<g class="dot-group"><title>{escape(tooltip(m))}</title>{ring}'
                 f'<circle class="dot dot-{escape(relation)}" cx="{_num(dot.x)}" cy="{_num(dot.y)}" '
                 f'r="{_num(dot.r)}"/></g>')
        parts.append(f'<a href="{escape(link(m))}">{group}</a>')
        if m.get("origin"):
            parts.append(f'<text class="origin-label" x="{_num(dot.x)}" y="{_num(dot.y - dot.r - 9)}" '
                         f'text-anchor="middle" direction="{"rtl" if rtl else "ltr"}">{escape(origin_label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _edge_path(parent: _Dot, child: _Dot) -> str | None:
    """A cubic curve from the parent's dot to the edge of the child's (where the arrow tip goes):
    an S between lanes, an arc over the lane within one, a bulge when both are at one time."""
    dx = child.x - parent.x
    if abs(dx) < 1 and abs(child.y - parent.y) < 1:
        return None  # same outlet, same moment: nothing to draw
    if abs(child.y - parent.y) < 1:
        lift = min(LANE_H * 0.75, 14 + abs(dx) * 0.15)
        c1 = (parent.x, parent.y - lift)
        c2 = (child.x, child.y - lift)
    elif abs(dx) < 12:
        c1 = (parent.x + 36, parent.y)
        c2 = (child.x + 36, child.y)
    else:
        c1 = (parent.x + dx / 2, parent.y)
        c2 = (child.x - dx / 2, child.y)
    # Stop short of the child's centre along the curve's final direction.
    vx, vy = child.x - c2[0], child.y - c2[1]
    length = math.hypot(vx, vy) or 1.0
    end = (child.x - vx / length * (child.r + 2), child.y - vy / length * (child.r + 2))
    return (f"M{_num(parent.x)} {_num(parent.y)} C{_num(c1[0])} {_num(c1[1])} {_num(c2[0])} {_num(c2[1])} "
            f"{_num(end[0])} {_num(end[1])}")
