"""Server-rendered SVG charts. Each chart is readable without colour (every
bar is labelled with its value, and a pattern marks the highlighted ones) and
comes with the same numbers as a table in the template, so screen-reader
users and people who print get everything the picture shows."""

from dataclasses import dataclass
from html import escape

ROW_HEIGHT = 34
LABEL_WIDTH = 230
BAR_AREA = 300
VALUE_WIDTH = 70


@dataclass
class Bar:
    label: str
    value: float | None  # None: not shown (e.g. a group too small to report)
    highlight: bool = False
    spread: float | None = None  # ± around the value, drawn as a whisker


def bar_chart(bars, *, maximum, title, value_format="{:.1f}", unit=""):
    """Horizontal bars, one row each, scaled to `maximum`."""
    width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    height = ROW_HEIGHT * len(bars) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        '<defs><pattern id="chart-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="currentColor" fill-opacity=".35"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="3"/></pattern></defs>',
    ]
    for index, bar in enumerate(bars):
        y = 5 + index * ROW_HEIGHT
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 21}" text-anchor="end" font-size="14" '
            f'fill="currentColor">{escape(bar.label)}</text>'
        )
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y + 6}" width="{BAR_AREA}" height="20" fill="none" '
            'stroke="currentColor" stroke-opacity=".25"/>'
        )
        if bar.value is None:
            parts.append(
                f'<text x="{LABEL_WIDTH + BAR_AREA + 8}" y="{y + 21}" font-size="14" fill="currentColor">–</text>'
            )
            continue
        length = 0 if maximum <= 0 else max(0.0, min(1.0, bar.value / maximum)) * BAR_AREA
        fill = "url(#chart-hatch)" if bar.highlight else "currentColor"
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y + 6}" width="{length:.1f}" height="20" fill="{fill}"/>')
        if bar.spread:
            low = max(0.0, (bar.value - bar.spread) / maximum) * BAR_AREA
            high = min(1.0, (bar.value + bar.spread) / maximum) * BAR_AREA
            parts.append(
                f'<line x1="{LABEL_WIDTH + low:.1f}" x2="{LABEL_WIDTH + high:.1f}" y1="{y + 16}" y2="{y + 16}" '
                'stroke="currentColor" stroke-width="2" stroke-dasharray="3 2"/>'
            )
        text = value_format.format(bar.value) + unit
        parts.append(
            f'<text x="{LABEL_WIDTH + BAR_AREA + 8}" y="{y + 21}" font-size="14" fill="currentColor">'
            f"{escape(text)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def column_chart(points, *, title):
    """Vertical columns for counts over time: [(label, count)]."""
    if not points:
        return ""
    column, gap, top, bottom = 28, 8, 20, 40
    width = max(320, len(points) * (column + gap) + gap)
    height = 220
    tallest = max(count for _label, count in points) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for index, (label, count) in enumerate(points):
        x = gap + index * (column + gap)
        bar = (height - top - bottom) * count / tallest
        y = height - bottom - bar
        parts.append(f'<rect x="{x}" y="{y:.1f}" width="{column}" height="{bar:.1f}" fill="currentColor"/>')
        parts.append(
            f'<text x="{x + column / 2}" y="{y - 4:.1f}" text-anchor="middle" font-size="12" '
            f'fill="currentColor">{count}</text>'
        )
        parts.append(
            f'<text x="{x + column / 2}" y="{height - bottom + 16}" text-anchor="middle" font-size="11" '
            f'fill="currentColor">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
