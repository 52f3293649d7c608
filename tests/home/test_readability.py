"""Plain language for editors: the reading level panel on the edit view and
the stricter accessibility checker in the userbar and the Checks panel."""

import json
import re

import pytest
import textstat

from commitments.models import CommitmentPage
from core.readability import page_text, reading_report, summary_grade, text_grade
from home.models import StandardPage
from home.wagtail_hooks import ALT_TEXT_PATTERN, ALT_TEXT_RULE
from stories.models import StoryPage
from tests import factories

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


def test_summary_grade_only_for_commitments_and_stories():
    assert summary_grade(unsaved_commitment(summary=COMPLEX_SUMMARY)) > 8
    assert summary_grade(unsaved_commitment(summary="Care that puts your goals first.")) is None  # under ten words
    assert summary_grade(StoryPage(title="A story", summary=COMPLEX_SUMMARY)) > 8
    assert summary_grade(StandardPage(title="About", body=[])) is None
    assert text_grade("<p>Too short.</p>") is None


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
    assert "Plain language" in html
    assert "grade" in html
    assert LONG_2 in html  # the long sentence, flagged
    assert "The summary reads above grade 8" not in html


def test_panel_reads_the_last_saved_revision_and_warns_about_the_summary(client, admin_user, commitment):
    commitment.summary = COMPLEX_SUMMARY
    commitment.save_revision()  # a draft: the live page keeps its plain summary
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{commitment.pk}/edit/").content.decode()
    assert "The summary reads above grade 8: try shorter sentences and simpler words." in html


def test_new_page_asks_for_a_draft(client, admin_user, commitment_index):
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/add/commitments/commitmentpage/{commitment_index.pk}/")
    assert response.status_code == 200
    assert "Save a draft to see the reading level." in response.content.decode()


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
