"""Plain language for editors: the reading level panel on the edit view and
the stricter accessibility checker in the userbar and the Checks panel."""

import json
import re

import pytest
import textstat
from textstat.textstat import textstatistics
from wagtail.models import Locale

from commitments.models import CommitmentPage
from core.readability import field_readings, page_text, reading_report, text_report
from home.models import StandardPage
from home.wagtail_hooks import ALT_TEXT_PATTERN, ALT_TEXT_RULE
from tests import factories
from tests.home.test_page_tree import commitment_form_data

# Page instances look up the default locale, so even unsaved ones need the database.
pytestmark = pytest.mark.django_db

SIMPLE = (
    "Our team helps patients get better care. We ask what matters most to you. "
    "Then we plan your treatment together. We check how it is going and improve it every month."
)
# 26 words: one over the limit.
LONG_1 = (
    "Learning health systems continuously integrate clinical evidence, patient experience and operational data "
    "so that organizational decisions reflect measurable improvements in population outcomes and equity across "
    "communities."
)
# 30 words.
LONG_2 = (
    "When a clinical team reviews its own infection data every single week with the patients who were affected, "
    "it usually finds small practical changes that nobody had thought of before."
)
GRADE_COMPLEX = 14.2
# Exactly 25 words: not flagged.
AT_LIMIT = " ".join(["Care"] + ["we"] * 23 + ["plan."])
COMPLEX_SUMMARY = (
    "Learning health systems continuously integrate clinical evidence, patient experience and operational "
    "data so organizational decisions reflect measurable improvements."
)


def unsaved_commitment(**fields):
    values = {"title": "Good care", "summary": "Care that puts your goals first.", "for_clinicians": ""}
    values["for_organizations"] = ""
    values.update(fields)
    return CommitmentPage(**values)


def test_simple_text_reads_at_a_low_grade():
    page = unsaved_commitment(for_people=f"<p>{SIMPLE}</p>")
    report = reading_report(page)
    # textstat.flesch_kincaid_grade of this page's text, computed once.
    assert report.grade == 1.6
    assert report.words == 39
    assert report.long_sentences == []
    assert report.is_plain


def test_complex_text_reads_above_grade_12_and_flags_exactly_the_long_sentences():
    page = unsaved_commitment(
        title="Evidence.", summary="Short words help.", for_people=f"<p>{LONG_1} {LONG_2} Then it acts.</p>"
    )
    report = reading_report(page)
    # textstat.flesch_kincaid_grade of this page's text, computed once.
    assert report.grade == GRADE_COMPLEX
    assert report.grade == round(textstat.flesch_kincaid_grade(page_text(page)), 1)
    assert report.grade > 12
    assert not report.is_plain
    assert report.long_sentences == [LONG_1, LONG_2]


def test_a_sentence_of_exactly_25_words_is_not_flagged():
    assert len(AT_LIMIT.split()) == 25
    page = unsaved_commitment(for_people=f"<p>{AT_LIMIT} {LONG_2}</p>")
    assert reading_report(page).long_sentences == [LONG_2]


def test_each_text_field_is_measured_on_its_own():
    page = unsaved_commitment(summary=COMPLEX_SUMMARY, for_people=f"<p>{SIMPLE}</p>")
    readings = {reading.name: reading.report for reading in field_readings(page)}
    assert set(readings) == {"summary", "for_people"}
    assert readings["summary"].grade > 8 and not readings["summary"].is_plain
    assert readings["for_people"].grade == round(textstat.flesch_kincaid_grade(SIMPLE), 1)
    assert readings["for_people"].is_plain
    assert text_report("<p>Too short.</p>").score is None


def test_tables_measures_and_sources_are_not_measured():
    hard_table_text = "Interdisciplinary multidimensional organizational epidemiological considerations"
    page = StandardPage(
        title="About",
        intro=SIMPLE,
        body=[
            ("paragraph", f"<p>{SIMPLE}</p>"),
            (
                "table",
                {"caption": hard_table_text, "header": [hard_table_text], "rows": [{"cells": [hard_table_text]}]},
            ),
            ("statistic", {"value": "80%", "label": hard_table_text, "source": hard_table_text}),
            ("quote", {"text": SIMPLE, "attribution": hard_table_text}),
        ],
    )
    body = next(reading for reading in field_readings(page) if reading.name == "body")
    assert hard_table_text.split()[0] not in page_text(page)
    assert body.report.is_plain and body.report.words == 2 * textstat.lexicon_count(SIMPLE)


def test_spanish_pages_use_the_fernandez_huerta_reading_ease():
    locale_es, _created = Locale.objects.get_or_create(language_code="es")
    sencillo = (
        "Nuestro equipo ayuda a los pacientes a recibir mejor atención. Preguntamos qué es lo más importante "
        "para usted. Luego planeamos juntos su tratamiento."
    )
    page = unsaved_commitment(for_people=f"<p>{sencillo}</p>", locale=locale_es)
    report = next(reading.report for reading in field_readings(page) if reading.name == "for_people")
    spanish = textstatistics()
    spanish.set_lang("es")
    assert report.score == round(spanish.fernandez_huerta(sencillo), 1)
    assert report.grade is None and report.is_plain and report.scale.higher_is_easier
    # The English formula is untouched by the Spanish one.
    assert reading_report(unsaved_commitment(for_people=f"<p>{SIMPLE}</p>")).grade == 1.6


def test_the_review_screen_gives_a_spanish_page_its_reading_ease():
    from django.template.loader import render_to_string

    locale_es, _created = Locale.objects.get_or_create(language_code="es")
    sencillo = "Nuestro equipo ayuda a los pacientes a recibir mejor atención. Luego planeamos juntos su tratamiento."
    report = reading_report(unsaved_commitment(for_people=f"<p>{sencillo}</p>", locale=locale_es))
    html = render_to_string("home/workflow/review_summary.html", {"report": report, "measures": []})
    assert "Too little text" not in html
    assert f"Reading level: {report.score} on the Fernández-Huerta" in html


@pytest.mark.parametrize(
    ("alt", "flagged"),
    [
        ("IMG_2041.jpg", True),
        ("team-photo.PNG", True),
        ("DSC 1234", True),
        ("Image of a nurse talking with a patient", True),
        ("picture of the clinic", True),
        ("A nurse talks with a patient in the clinic", False),
        ("Imagery workshop in progress", False),
    ],
)
def test_alt_text_pattern(alt, flagged):
    # The pattern runs in the browser as a case-insensitive JavaScript RegExp;
    # Python's re reads this one the same way.
    assert bool(re.search(ALT_TEXT_PATTERN, alt, re.IGNORECASE)) is flagged


@pytest.fixture
def commitment(commitment_index):
    page = factories.CommitmentPageFactory(parent=commitment_index, for_people=f"<p>{SIMPLE} {LONG_2}</p>")
    page.save_revision()
    return page


def test_panel_on_the_edit_view(client, admin_user, commitment):
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/{commitment.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Plain language" in html and "Flesch-Kincaid grade" in html
    assert 'data-controller="plain-language"' in html and "js/plain_language.js" in html
    assert LONG_2 in html  # the long sentence, flagged
    assert "data-plain-language-hard" not in html


def test_panel_reads_the_last_saved_revision_and_flags_the_hard_summary(client, admin_user, commitment):
    commitment.summary = COMPLEX_SUMMARY
    commitment.save_revision()  # a draft: the live page keeps its plain summary
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{commitment.pk}/edit/").content.decode()
    summary = re.search(r'data-plain-language-field="summary">(.*?)</li>', html, re.S).group(1)
    assert "Hard to read: try shorter sentences and simpler words." in summary


def test_panel_updates_from_the_text_being_typed(client, admin_user, commitment):
    client.force_login(admin_user)
    data = commitment_form_data(
        title=commitment.title, slug=commitment.slug, number=commitment.number, summary=COMPLEX_SUMMARY
    )
    response = client.post(f"/admin/plain-language/pages/{commitment.pk}/", data)
    assert response.status_code == 200
    summary = re.search(r'data-plain-language-field="summary">(.*?)</li>', response.content.decode(), re.S).group(1)
    assert "Hard to read" in summary
    commitment.refresh_from_db()
    assert commitment.summary != COMPLEX_SUMMARY  # nothing was saved


def test_panel_on_a_new_page_updates_as_the_editor_types(client, admin_user, commitment_index):
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/add/commitments/commitmentpage/{commitment_index.pk}/")
    assert response.status_code == 200
    assert "Write some text to see its reading level." in response.content.decode()
    url = f"/admin/plain-language/pages/add/commitments/commitmentpage/{commitment_index.pk}/"
    answer = client.post(url, commitment_form_data(title="New", slug="new", number=9, summary=COMPLEX_SUMMARY))
    assert answer.status_code == 200 and "Hard to read" in answer.content.decode()
    # A form the editor's browser did not send whole is refused, not a server error.
    assert client.post(url, {"title": "New"}).status_code == 400


def test_checks_panel_shows_no_second_readability_verdict(client, admin_user, commitment):
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{commitment.pk}/edit/").content.decode()
    assert "data-content-readability-score" not in html
    assert "See the Plain language panel" in html


def axe_configuration(html):
    found = re.search(r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S)
    assert found, "no content checker configuration in the page"
    return json.loads(found.group(1))


def assert_strict(config):
    assert config["options"]["runOnly"] == ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    for rule in ("link-name", "heading-order", "empty-heading", "p-as-heading", "image-alt", "image-redundant-alt"):
        assert config["options"]["rules"][rule] == {"enabled": True}
    assert config["options"]["rules"][ALT_TEXT_RULE] == {"enabled": True}
    assert ALT_TEXT_RULE in {rule["id"] for rule in config["spec"]["rules"]}
    checks = {check["id"]: check for check in config["spec"]["checks"]}
    assert checks["check-image-alt-text"]["options"]["pattern"] == ALT_TEXT_PATTERN
    assert ALT_TEXT_RULE in config["messages"]


def test_userbar_runs_the_stricter_checks(client, admin_user, commitment):
    client.force_login(admin_user)
    response = client.get(commitment.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert ALT_TEXT_RULE in html
    assert_strict(axe_configuration(html))


def test_editor_checks_panel_runs_the_stricter_checks(client, admin_user, commitment):
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{commitment.pk}/edit/").content.decode()
    assert_strict(axe_configuration(html))


def test_panel_speaks_the_editors_language(client, admin_user, commitment):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{commitment.pk}/edit/").content.decode()
    assert "Medido con el grado de Flesch-Kincaid." in html
    assert "Vea el panel Lenguaje claro" in html
