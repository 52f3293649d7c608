"""The survey's charts can be read on a phone and without colour: the
profile a respondent gets and the public summary are drawn for a 375 px
screen (no text under 12 px once scaled), bars carry their values and
notes in words, highlighted bars a pattern and a note, and a spread is
said in plain words ("average 1.6 out of 5, most answers between 1 and 3"),
never "1.6 ± 1.1", in English and Spanish."""

import re

import pytest
from django.utils import translation

from engage import charts, summary
from tests import factories
from tests.engage.test_public_summary import add_responses, sectors, summary_url  # noqa: F401  (a fixture)
from tests.engage.test_survey import answer_all, results_path, survey  # noqa: F401  (a fixture)

# At 375 px the content column is the viewport less the page gutter
# (--gap: clamp(1rem, 3vw, 1.5rem) = 16 px each side); the stylesheet lets a
# chart grow to 28rem (448 px) and never wider than its column.
PHONE_CONTENT_WIDTH = 375 - 2 * 16
CHART_MAX_WIDTH = 28 * 16
SMALLEST_READABLE_PX = 12


@pytest.fixture
def summary_survey(home_page, commitments):
    engage = factories.EngagePageFactory(parent=home_page)
    return factories.SurveyPageFactory(parent=engage)


def chart_svgs(html):
    return re.findall(r'<svg[^>]*class="chart".*?</svg>', html, re.S)


def smallest_text_at_375(svg):
    """The smallest font size in the chart as drawn on a 375 px phone."""
    view_width = float(re.search(r'viewBox="0 0 ([\d.]+) [\d.]+"', svg).group(1))
    rendered_width = min(PHONE_CONTENT_WIDTH, CHART_MAX_WIDTH, view_width * CHART_MAX_WIDTH)
    scale = rendered_width / view_width
    sizes = [float(size) for size in re.findall(r'font-size="([\d.]+)"', svg)]
    assert sizes, "a chart without text"
    return min(sizes) * scale


def texts(svg, css_class):
    return re.findall(rf'class="{css_class}">(?:<title>[^<]*</title>)?([^<]*)</text>', svg)


def test_a_chart_with_long_labels_keeps_its_text_at_least_12px_on_a_phone():
    bars = [
        charts.Bar("1. Engaged: your own health goals come first, and your care team acts on them", 1.6, spread=1.1),
        charts.Bar("2. Safe", 4.2, spread=0.4),
    ]
    svg = charts.bar_chart(bars, maximum=5, title="Averages")
    assert smallest_text_at_375(svg) >= SMALLEST_READABLE_PX
    # The long label wraps onto a second line instead of being drawn smaller.
    assert texts(svg, "chart__label")[:2] == [
        "1. Engaged: your own health goals come",
        "first, and your care team acts on them",
    ]


def test_a_spread_is_said_in_plain_words_in_english_and_spanish():
    assert charts.spread_in_words(1.6, 1.1, 5) == "average 1.6 out of 5, most answers between 1 and 3"
    with translation.override("es"):
        assert charts.spread_in_words(1.6, 1.1, 5) == ("promedio 1.6 de 5, la mayoría de las respuestas entre 1 y 3")
    # Kept on the scale: never "between 0 and 6".
    assert charts.spread_in_words(4.8, 2.0, 5).endswith("between 3 and 5")


def test_colour_is_never_the_only_cue():
    bars = [charts.Bar("Safe", 2, highlight=True), charts.Bar("Effective", 4)]
    svg = charts.bar_chart(
        bars, maximum=5, title="Profile", value_format="{:.0f}", unit=" / 5", highlight_note="room to grow"
    )
    pattern = re.search(r'<pattern id="([^"]+)"', svg).group(1)
    # The highlighted bar is hatched and says why; every bar has its value written at its end.
    assert f'fill="url(#{pattern})" class="chart__bar--highlight"' in svg
    assert texts(svg, "chart__note") == ["room to grow"]
    assert texts(svg, "chart__value") == ["2 / 5", "4 / 5"]
    # The palette comes from the stylesheet's custom properties.
    assert 'class="chart__bar"' in svg and "chart__track" in svg


@pytest.mark.django_db
def test_the_results_profile_is_readable_on_a_phone(client, survey):  # noqa: F811
    html = client.get(results_path(answer_all(client, survey))).content.decode()
    (svg,) = chart_svgs(html)
    assert smallest_text_at_375(svg) >= SMALLEST_READABLE_PX
    assert "room to grow" in texts(svg, "chart__note")
    assert "url(#chart-hatch-" in svg


@pytest.mark.django_db
def test_the_public_summary_says_the_spread_in_words_without_plus_minus(client, summary_survey, sectors):  # noqa: F811
    add_responses(summary_survey, 12)  # engaged 1,2,3,4,5,1,2,3,4,5,1,2 → 2.75 on average; safe 4 each
    html = client.get(summary_url(summary_survey)).content.decode()
    assert "±" not in html
    svgs = chart_svgs(html)
    assert len(svgs) == 3  # commitments, sectors, languages
    for svg in svgs:
        assert smallest_text_at_375(svg) >= SMALLEST_READABLE_PX
    notes = " ".join(texts(svgs[0], "chart__note"))
    assert "average 2.8 out of 5, most answers between 1 and 4" in notes
    assert "Average 2.8 out of 5, most answers between 1 and 4" in html  # the table says it too
    assert "average 4.0 out of 5, most answers 4" in notes  # every answer the same


@pytest.mark.django_db
def test_the_public_summary_wording_is_spanish_on_a_spanish_page(summary_survey, sectors):  # noqa: F811
    add_responses(summary_survey, 12)
    with translation.override("es"):
        built = summary.build_summary(summary_survey)
    words = [words for _row, words in built["commitment_table"] if words]
    assert words[0] == "promedio 2.8 de 5, la mayoría de las respuestas entre 1 y 4"
    assert "±" not in built["commitment_chart"]
    assert "la mayoría de las respuestas" in " ".join(texts(built["commitment_chart"], "chart__note"))
