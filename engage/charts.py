"""Server-rendered SVG charts. Each chart is readable without colour: every
bar is labelled with its value in words or numbers, a highlighted bar also
has a pattern and a written note, and the template gives the same numbers
as a table, so screen-reader users and people who print get everything the
picture shows.

Bar charts are drawn for a phone: 340 units wide, each label on its own
line above its bar, so at 375 px (about 343 px of content width) they are
drawn at full size and no text is under 14 px. The site's stylesheet colours
them with the palette (classes `chart__bar`, `chart__track`, ...); without
it (the admin, print) they are drawn in `currentColor`. Text from editors
or visitors is escaped."""

import itertools
import math
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.formats import number_format
from django.utils.translation import gettext as _

CHART_WIDTH = 340
BAR_AREA = 260
BAR_HEIGHT = 20
FONT_SIZE = 14
LINE_HEIGHT = 18
# A label longer than this wraps onto a second line; past two lines it is
# shortened (the full text is in a tooltip, and in the table).
LABEL_CHARACTERS = 40
NOTE_CHARACTERS = 44

# Every chart on a page gets its own pattern id, as ids must be unique in a document.
_ids = itertools.count(1)


@dataclass
class Bar:
    label: str
    value: float | None  # None: not shown (e.g. a group too small to report)
    highlight: bool = False
    spread: float | None = None  # standard deviation around the value, written out in plain words


def _shorten(label, limit):
    label = " ".join(str(label).split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _wrap(text, limit=LABEL_CHARACTERS, lines=2):
    """The text in at most `lines` lines of about `limit` characters."""
    words, result, current = str(text).split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > limit:
            result.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    result.append(current)
    if len(result) > lines:
        result = result[: lines - 1] + [_shorten(" ".join(result[lines - 1 :]), limit)]
    return result


def _text(x, y, text, css_class="chart__text", weight="", tooltip=""):
    bold = ' font-weight="600"' if weight else ""
    title = f"<title>{escape(tooltip)}</title>" if tooltip else ""
    return (
        f'<text x="{x}" y="{y}" font-size="{FONT_SIZE}"{bold} fill="currentColor" '
        f'class="{css_class}">{title}{escape(str(text))}</text>'
    )


def _open_svg(width, height, title):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        # Drawn at its own size; the stylesheet's `.chart` rule lets it shrink to
        # fit narrower space (no style attribute: the CSP refuses inline styles).
        f'width="{width}" height="{height}" role="img" aria-label="{escape(str(title))}">'
        f"<title>{escape(str(title))}</title>"
    )


def _number(value, value_format):
    """A value rounded as `value_format` says, written as the page's
    language writes numbers in text and tables (Django's number_format)."""
    return number_format(Decimal(value_format.format(value)), force_grouping=True)


def spread_in_words(average, spread, maximum, minimum=1):
    """ "average 1.6 out of 5, most answers between 1 and 3": the average,
    and the whole points one standard deviation either side, kept on the
    scale."""
    low = max(minimum, math.floor(average - spread + 0.5))
    high = min(maximum, math.floor(average + spread + 0.5))
    values = {"average": _number(average, "{:.1f}"), "maximum": f"{maximum:g}", "low": low, "high": high}
    if low == high:
        return _("average %(average)s out of %(maximum)s, most answers %(low)s") % values
    return _("average %(average)s out of %(maximum)s, most answers between %(low)s and %(high)s") % values


def bar_chart(bars, *, maximum, title, value_format="{:.1f}", unit="", highlight_note=""):
    """Horizontal bars scaled to `maximum`, one row each: the label (one or
    two lines), then the bar with its value at its end, then a note when
    there is one: the spread in plain words ("average 1.6 out of 5, most
    answers between 1 and 3") or, for a highlighted bar, `highlight_note`."""
    if not bars:
        return ""
    pattern = f"chart-hatch-{next(_ids)}"
    rows, y = [], 0
    for bar in bars:
        label_lines = _wrap(bar.label)
        note = ""
        if bar.value is not None and bar.spread is not None:
            note = spread_in_words(bar.value, bar.spread, maximum)
        elif bar.highlight and highlight_note:
            note = highlight_note
        note_lines = _wrap(note, NOTE_CHARACTERS) if note else []
        height = LINE_HEIGHT * len(label_lines) + 6 + BAR_HEIGHT + LINE_HEIGHT * len(note_lines) + 18
        rows.append((bar, label_lines, note_lines, y))
        y += height
    parts = [
        _open_svg(CHART_WIDTH, y, title),
        f'<defs><pattern id="{pattern}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="currentColor" fill-opacity=".35" '
        'class="chart__hatch-ground"/><line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="3" '
        'class="chart__hatch-line"/></pattern></defs>',
    ]

    def scaled(value):
        return 0.0 if maximum <= 0 else max(0.0, min(1.0, value / maximum)) * BAR_AREA

    for bar, label_lines, note_lines, top in rows:
        full_label = " ".join(str(bar.label).split())
        shortened = " ".join(label_lines) != full_label
        for number, line in enumerate(label_lines):
            tooltip = full_label if shortened and number == 0 else ""
            parts.append(_text(0, top + 14 + number * LINE_HEIGHT, line, "chart__label", "600", tooltip))
        bar_y = top + LINE_HEIGHT * len(label_lines) + 6
        value_y = bar_y + 15
        parts.append(
            f'<rect x="0" y="{bar_y}" width="{BAR_AREA}" height="{BAR_HEIGHT}" fill="none" '
            'stroke="currentColor" stroke-opacity=".3" class="chart__track"/>'
        )
        if bar.value is None:
            parts.append(_text(BAR_AREA + 8, value_y, "–", "chart__value"))
            continue
        if bar.highlight:
            # Not also "chart__bar": the stylesheet's fill for it would hide the pattern.
            fill, css_class = f"url(#{pattern})", "chart__bar--highlight"
        else:
            fill, css_class = "currentColor", "chart__bar"
        parts.append(
            f'<rect x="0" y="{bar_y}" width="{scaled(bar.value):.1f}" height="{BAR_HEIGHT}" fill="{fill}" '
            f'class="{css_class}"/>'
        )
        value_text = _number(bar.value, value_format) + unit
        parts.append(_text(BAR_AREA + 8, value_y, value_text, "chart__value", weight="600"))
        for number, line in enumerate(note_lines, start=1):
            parts.append(_text(0, bar_y + BAR_HEIGHT + number * LINE_HEIGHT, line, "chart__note"))
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
