"""The organisation–project network as SVG, laid out on the server.

A small Fruchterman–Reingold layout: deterministic (nodes start on a
circle in id order), so the same knowledge base always draws the same picture.
"""
from __future__ import annotations

import math
from html import escape
from typing import Any, Callable

WIDTH, HEIGHT = 720, 480


def layout(ids: list[str], edges: list[tuple[str, str]], iterations: int = 200) -> dict[str, tuple[float, float]]:
    n = len(ids)
    if n == 0:
        return {}
    pos = {v: [math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)] for i, v in enumerate(sorted(ids))}
    k = math.sqrt(4.0 / n)
    temp = 0.2
    for _ in range(iterations):
        disp = {v: [0.0, 0.0] for v in pos}
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = math.hypot(dx, dy) or 1e-3
                f = k * k / d
                disp[a][0] += dx / d * f
                disp[a][1] += dy / d * f
                disp[b][0] -= dx / d * f
                disp[b][1] -= dy / d * f
        for a, b in edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = math.hypot(dx, dy) or 1e-3
            f = d * d / k
            disp[a][0] -= dx / d * f
            disp[a][1] -= dy / d * f
            disp[b][0] += dx / d * f
            disp[b][1] += dy / d * f
        for v, (dx, dy) in disp.items():
            d = math.hypot(dx, dy) or 1e-3
            pos[v][0] += dx / d * min(d, temp)
            pos[v][1] += dy / d * min(d, temp)
        temp *= 0.98
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    w, h = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    pad = 150  # room for labels, which are centred on their node
    return {v: (pad + (p[0] - min(xs)) / w * (WIDTH - 2 * pad), 40 + (p[1] - min(ys)) / h * (HEIGHT - 80))
            for v, p in pos.items()}


def render(nodes: list[dict[str, Any]], edges: list[tuple[str, str]], href: Callable[[dict[str, Any]], str],
           title: str, focus: str | None = None) -> str:
    """Organisations as circles, projects as squares, an edge for each lead or partner role."""
    pos = layout([n["id"] for n in nodes], edges)
    out = [f'<svg class="network" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" '
           f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for a, b in edges:
        (x1, y1), (x2, y2) = pos[a], pos[b]
        out.append(f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>')
    for n in nodes:
        x, y = pos[n["id"]]
        label = n["label"] if len(n["label"]) <= 30 else n["label"][:29] + "…"
        cls = n["kind"] + (" focus" if n["id"] == focus else "")
        if n["kind"] == "project":
            shape = f'<rect class="node {cls}" x="{x - 7:.1f}" y="{y - 7:.1f}" width="14" height="14"/>'
        else:
            shape = f'<circle class="node {cls}" cx="{x:.1f}" cy="{y:.1f}" r="9"/>'
        out.append(f'<a href="{escape(href(n))}"><title>{escape(n["label"])}</title>{shape}'
                   f'<text class="node-label" x="{x:.1f}" y="{y + 22:.1f}" text-anchor="middle">{escape(label)}</text></a>')
    out.append("</svg>")
    return "".join(out)
