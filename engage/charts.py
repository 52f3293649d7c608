"""Server-rendered SVG charts. Each chart is readable without colour (every
bar is labelled with its value, and a pattern marks the highlighted ones) and
comes with the same numbers as a table in the template, so screen-reader
users and people who print get everything the picture shows.

Everything is drawn in `currentColor`, so a chart follows the text colour of
wherever it is placed (the public site, the admin, dark mode, print). Text
from editors or visitors is escaped."""

import itertools
from dataclasses import dataclass
from html import escape

ROW_HEIGHT = 34
LABEL_WIDTH = 230
BAR_AREA = 300
VALUE_WIDTH = 110
# Longer labels are shortened (the full text is in a tooltip, and in the table).
LABEL_CHARACTERS = 30
LABEL_CHARACTERS_ABOVE = 55

# Every chart on a page gets its own pattern id, as ids must be unique in a document.
_ids = itertools.count(1)


@dataclass
class Bar:
    label: str
    value: float | None  # None: not shown (e.g. a group too small to report)
    highlight: bool = False
    spread: float | None = None  # ± around the value, drawn as a whisker


def _shorten(label, limit):
    label = " ".join(str(label).split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _label(x, y, label, anchor="end", size=14, limit=LABEL_CHARACTERS):
    """A text label, shortened if needed, with the full text as a tooltip."""
    full = " ".join(str(label).split())
    short = _shorten(full, limit)
    tooltip = f"<title>{escape(full)}</title>" if short != full else ""
    return (
        f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="{size}" fill="currentColor">'
        f"{tooltip}{escape(short)}</text>"
    )


def _open_svg(width, height, title):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        # Drawn at its own size; the stylesheet's `.chart` rule lets it shrink to
        # fit narrower space (no style attribute: the CSP refuses inline styles).
        f'width="{width}" height="{height}" role="img" aria-label="{escape(str(title))}">'
        f"<title>{escape(str(title))}</title>"
    )


def bar_chart(bars, *, maximum, title, value_format="{:.1f}", unit="", labels_above=False):
    """Horizontal bars, one row each, scaled to `maximum`. A bar with a
    spread gets a whisker from value − spread to value + spread, drawn under
    the bar (not over it, where it would vanish into a bar of the same
    colour), and its value reads "3.2 ± 0.8".

    With `labels_above`, each label sits on its own line above its bar, so
    the chart is narrower and stays readable when a phone shrinks it."""
    if not bars:
        return ""
    pattern = f"chart-hatch-{next(_ids)}"
    if labels_above:
        label_width, row_height, bar_top = 0, ROW_HEIGHT + 20, 22
    else:
        label_width, row_height, bar_top = LABEL_WIDTH, ROW_HEIGHT, 4
    width = label_width + BAR_AREA + VALUE_WIDTH
    height = row_height * len(bars) + 10
    parts = [
        _open_svg(width, height, title),
        f'<defs><pattern id="{pattern}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="currentColor" fill-opacity=".35"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="3"/></pattern></defs>',
    ]

    def scaled(value):
        return 0.0 if maximum <= 0 else max(0.0, min(1.0, value / maximum)) * BAR_AREA

    for index, bar in enumerate(bars):
        y = 5 + index * row_height
        bar_y, text_y = y + bar_top, y + bar_top + 15
        if labels_above:
            parts.append(_label(0, y + 15, bar.label, anchor="start", limit=LABEL_CHARACTERS_ABOVE))
        else:
            parts.append(_label(label_width - 8, text_y, bar.label))
        parts.append(
            f'<rect x="{label_width}" y="{bar_y}" width="{BAR_AREA}" height="20" fill="none" '
            'stroke="currentColor" stroke-opacity=".25"/>'
        )
        if bar.value is None:
            parts.append(
                f'<text x="{label_width + BAR_AREA + 8}" y="{text_y}" font-size="14" fill="currentColor">–</text>'
            )
            continue
        fill = f"url(#{pattern})" if bar.highlight else "currentColor"
        parts.append(f'<rect x="{label_width}" y="{bar_y}" width="{scaled(bar.value):.1f}" height="20" fill="{fill}"/>')
        text = value_format.format(bar.value) + unit
        if bar.spread:
            low = label_width + scaled(bar.value - bar.spread)
            high = label_width + scaled(bar.value + bar.spread)
            whisker = bar_y + 25
            parts.append(
                f'<path d="M{low:.1f} {whisker - 3}v6M{low:.1f} {whisker}H{high:.1f}M{high:.1f} {whisker - 3}v6" '
                'fill="none" stroke="currentColor" stroke-width="1.5"/>'
            )
            text += " ± " + value_format.format(bar.spread)
        parts.append(
            f'<text x="{label_width + BAR_AREA + 8}" y="{text_y}" font-size="14" fill="currentColor">'
            f"{escape(text)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def column_chart(points, *, title):
    """Vertical columns for counts over time: [(label, count)]. A label too
    wide for its column ("Jan 2025") is split over two lines at its first space."""
    if not points:
        return ""
    column, gap, top, bottom = 40, 8, 20, 44
    width = max(320, len(points) * (column + gap) + gap)
    height = 220
    tallest = max(count for _label, count in points) or 1
    parts = [_open_svg(width, height, title)]
    # The baseline, so an empty month still shows where its column would be.
    parts.append(
        f'<line x1="0" x2="{width}" y1="{height - bottom}" y2="{height - bottom}" '
        'stroke="currentColor" stroke-opacity=".4"/>'
    )
    for index, (label, count) in enumerate(points):
        x = gap + index * (column + gap)
        middle = x + column / 2
        bar = (height - top - bottom) * count / tallest
        y = height - bottom - bar
        parts.append(f'<rect x="{x}" y="{y:.1f}" width="{column}" height="{bar:.1f}" fill="currentColor"/>')
        parts.append(
            f'<text x="{middle}" y="{y - 4:.1f}" text-anchor="middle" font-size="12" fill="currentColor">{count}</text>'
        )
        label = " ".join(str(label).split())
        lines = label.split(" ", 1) if len(label) > 7 else [label]
        tspans = "".join(
            f'<tspan x="{middle}" dy="{0 if number == 0 else 13}">{escape(line)}</tspan>'
            for number, line in enumerate(lines)
        )
        parts.append(
            f'<text x="{middle}" y="{height - bottom + 16}" text-anchor="middle" font-size="11" '
            f'fill="currentColor">{tspans}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
