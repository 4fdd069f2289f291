"""Bar charts as server-rendered SVG: readable without JavaScript, text escaped."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as the reader's locale writes it
    href: str | None = None


def bar_chart(bars: list[Bar], title: str, width: int = 560) -> str:
    """Horizontal bars, one row each, labelled on the left, values on the right."""
    if not bars:
        return ""
    row, label_w, value_w = 26, 170, 110
    height = row * len(bars) + 10
    top = max(b.value for b in bars) or 1
    span = width - label_w - value_w
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
           f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for i, b in enumerate(bars):
        y = 5 + i * row
        w = max(2.0, span * b.value / top)
        label = b.label if len(b.label) <= 26 else b.label[:25] + "…"
        text = f'<text class="bar-label" x="{label_w - 6}" y="{y + 17}" text-anchor="end">{escape(label)}</text>'
        rect = (f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 8}">'
                f'<title>{escape(b.label)}: {escape(b.shown)}</title></rect>')
        value = f'<text class="bar-value" x="{label_w + w + 6:.1f}" y="{y + 17}">{escape(b.shown)}</text>'
        body = text + rect + value
        out.append(f'<a href="{escape(b.href)}">{body}</a>' if b.href else body)
    out.append("</svg>")
    return "".join(out)
