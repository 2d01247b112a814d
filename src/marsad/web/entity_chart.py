"""An entity's co-occurrence network as a server-rendered SVG: the entity in the centre, the
entities mentioned in the same articles on a ring around it (most shared first, clockwise from
the top; a wider ring when there are many), an edge to each
whose width grows with the number of shared articles, and every node a link to its page.

The layout is a pure function of the input order, so the same data always draws the same
picture. Colours come from the stylesheet (classes by entity type; the Content-Security-Policy
forbids inline styles) and every label is escaped."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 720
HEIGHT = 460
RING = 150.0
RING_WIDE = 185.0
SMALL_RING_MAX = 8  # more neighbours than this get the wider ring
MIN_EDGE, MAX_EDGE = 1.5, 9.0
MIN_NODE, MAX_NODE = 9.0, 17.0
CENTRE_R = 30.0
MAX_LABEL_CHARS = 18
# Labels sit beside their node, away from the centre; only nodes this close to straight up or
# down get theirs above or below (any wider band and two neighbours' labels would meet).
VERTICAL_BAND = 0.1


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    label: str
    css: str  # pers | org | loc | misc
    weight: int  # shared articles
    href: str
    title: str


@dataclass(frozen=True, slots=True)
class Placed:
    node: Node
    x: float
    y: float
    r: float
    edge: float
    anchor: str  # text-anchor of the label
    label_x: float
    label_y: float


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def radial_layout(nodes: Sequence[Node], *, cx: float = WIDTH / 2, cy: float = HEIGHT / 2) -> list[Placed]:
    """Node ``i`` at angle ``i·360°/n`` clockwise from the top; edge width and node radius scale
    with ``weight`` relative to the heaviest."""
    n = len(nodes)
    if not n:
        return []
    top = max(node.weight for node in nodes) or 1
    ring = RING_WIDE if n > SMALL_RING_MAX else RING
    placed = []
    for i, node in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        x, y = cx + ring * math.cos(angle), cy + ring * math.sin(angle)
        share = node.weight / top
        r = MIN_NODE + (MAX_NODE - MIN_NODE) * share
        cos, sin = math.cos(angle), math.sin(angle)
        # The label sits outside the node, away from the centre: beside it on the left and right
        # of the ring, above or below it at the top and bottom.
        if abs(cos) < VERTICAL_BAND:
            anchor, lx, ly = "middle", x, y + (r + 16 if sin > 0 else -(r + 7))
        else:
            anchor = "start" if cos > 0 else "end"
            lx, ly = x + (r + 6) * (1 if cos > 0 else -1), y + 5
        placed.append(Placed(node, x, y, r, MIN_EDGE + (MAX_EDGE - MIN_EDGE) * share, anchor, lx, ly))
    return placed


def cooccurrence_network(centre_label: str, centre_css: str, nodes: Sequence[Node], *, caption: str,
                         edge_title: Callable[[Node], str] = lambda n: n.title) -> Markup:
    """The SVG (empty markup when there is no neighbour)."""
    if not nodes:
        return Markup("")
    cx, cy = WIDTH / 2, HEIGHT / 2
    placed = radial_layout(nodes, cx=cx, cy=cy)
    parts = [
        f'<svg class="chart entity-network" viewBox="0 0 {WIDTH} {HEIGHT}" direction="ltr" role="img" '
        f'aria-label="{escape(caption)}" preserveAspectRatio="xMidYMid meet">',
        f"<title>{escape(caption)}</title>",
        '<g class="net-edges">',
    ]
    for p in placed:
        parts.append(
            f'<line class="net-edge net-edge-{p.node.css}" x1="{_num(cx)}" y1="{_num(cy)}" x2="{_num(p.x)}" '
            f'y2="{_num(p.y)}" stroke-width="{_num(p.edge)}"><title>{escape(edge_title(p.node))}</title></line>'
        )
    parts.append("</g>")
    parts.append(
        f'<g class="net-centre"><circle class="net-node net-{centre_css}" cx="{_num(cx)}" cy="{_num(cy)}" '
        f'r="{_num(CENTRE_R)}"/><text class="net-centre-label" x="{_num(cx)}" y="{_num(cy + CENTRE_R + 20)}" '
        f'text-anchor="middle">{escape(_short(centre_label))}</text></g>'
    )
    for p in placed:
        parts.append(
            f'<a class="net-link" href="{escape(p.node.href)}"><g class="net-item">'
            f"<title>{escape(p.node.title)}</title>"
            f'<circle class="net-node net-{p.node.css}" cx="{_num(p.x)}" cy="{_num(p.y)}" r="{_num(p.r)}"/>'
            f'<text class="net-label" x="{_num(p.label_x)}" y="{_num(p.label_y)}" '
            f'text-anchor="{p.anchor}">{escape(_short(p.node.label))}</text>'
            f'<text class="net-count" x="{_num(p.x)}" y="{_num(p.y + 4)}" text-anchor="middle">{p.node.weight}</text>'
            "</g></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
