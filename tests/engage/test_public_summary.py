"""The survey's public summary: anonymous aggregates only, nothing until ten
organizations have answered, no group under ten shown by name, and no
organization, email or free text ever."""

import re

import pytest
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale

from engage import summary
from engage.models import SurveySubmission
from tests import factories

SECRET_TEXT = "Our CEO resigned over this"


@pytest.fixture
def survey(home_page, commitments):
    engage = factories.EngagePageFactory(parent=home_page)
    page = factories.SurveyPageFactory(parent=engage)
    factories.SurveyFormFieldFactory(page=page, label="Anything else?", field_type="multiline", required=False)
    return page


@pytest.fixture
def sectors(db):
    return [
        factories.SectorFactory(name="Payers", slug="payers"),
        factories.SectorFactory(name="Primary care", slug="primary-care"),
        factories.SectorFactory(name="Public health", slug="public-health"),
    ]


def add_responses(survey, count, *, sector="payers", language_code="en", scores=None, start=0):
    for number in range(start, start + count):
        SurveySubmission.objects.create(
            page=survey,
            organization=f"Organization number {number}",
            contact_email=f"person{number}@example.org",
            sector=sector,
            role="clinician",
            language_code=language_code,
            form_data={"anything_else": SECRET_TEXT},
            scores=scores if scores is not None else {"engaged": number % 5 + 1, "safe": 4},
        )


def summary_url(survey):
    return survey.url + "results/"


def assert_nothing_personal(html):
    assert "Organization number" not in html
    assert "@example.org" not in html
    assert SECRET_TEXT not in html


@pytest.mark.django_db
def test_with_nine_responses_there_are_no_numbers(client, survey, sectors):
    add_responses(survey, 9)
    response = client.get(summary_url(survey))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Results appear once at least 10 organizations have answered." in html
    assert 'class="chart"' not in html and "<table" not in html
    assert "Payers" not in html and ">9<" not in html
    assert_nothing_personal(html)


@pytest.mark.django_db
def test_with_twelve_responses_the_averages_are_shown(client, survey, sectors):
    add_responses(survey, 9)  # engaged 1,2,3,4,5,1,2,3,4; safe 4
    add_responses(survey, 3, sector="public-health", scores={"engaged": 5, "safe": 4, "effective": 2}, start=9)
    html = client.get(summary_url(survey)).content.decode()
    assert 'id="summary-total-value">12<' in html
    rows = dict(re.findall(r'<th scope="row">(\d+\. \w+)</th>\s*(.*?)</tr>', html, re.S))
    # Engaged: 1,2,3,4,5,1,2,3,4,5,5,5 → mean 3.33, spread 1.49.
    assert (
        re.sub(r"\s+", " ", rows["1. Engaged"]).strip()
        == "<td>3.3</td> <td>Average 3.3 out of 5, most answers between 2 and 5</td>"
    )
    assert "<td>4.0</td>" in rows["2. Safe"]
    # Only three answered "Effective": not reported.
    assert "Not enough answers yet" in rows["3. Effective"]
    assert "<svg" in html
    assert_nothing_personal(html)


@pytest.mark.django_db
def test_a_sector_with_three_responses_is_not_shown_by_name(client, survey, sectors):
    add_responses(survey, 10, sector="payers")
    add_responses(survey, 3, sector="public-health", start=10)
    add_responses(survey, 2, sector="primary-care", start=13)
    html = client.get(summary_url(survey)).content.decode()
    assert "Payers" in html
    assert "Public health" not in html and "Primary care" not in html
    # Together the small groups are still under ten: no "other" line either.
    assert "Other (small groups)" not in html
    assert_nothing_personal(html)


@pytest.mark.django_db
def test_small_groups_together_appear_as_other_once_there_are_ten(client, survey, sectors):
    add_responses(survey, 10, sector="payers")
    add_responses(survey, 6, sector="public-health", start=10)
    add_responses(survey, 4, sector="primary-care", start=16)
    html = client.get(summary_url(survey)).content.decode()
    assert re.search(r'<th scope="row">Other \(small groups\)</th><td>10</td>', html)
    assert "Public health" not in html and "Primary care" not in html


@pytest.mark.django_db
def test_a_sector_value_that_is_not_a_sector_is_never_shown(client, survey, sectors):
    add_responses(survey, 12, sector="<b>typed by someone</b>")
    html = client.get(summary_url(survey)).content.decode()
    assert "typed by someone" not in html
    assert "Other (small groups)" in html


@pytest.mark.django_db
def test_languages_under_ten_are_folded_away(client, survey, sectors):
    add_responses(survey, 10, language_code="en")
    add_responses(survey, 4, language_code="es", start=10)
    html = client.get(summary_url(survey)).content.decode()
    table = html[html.index('id="summary-languages-caption"') :]
    assert "English" in table and "Spanish" not in table


@pytest.mark.django_db
def test_the_summary_may_be_cached_publicly_for_five_minutes(client, survey):
    response = client.get(summary_url(survey))
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.django_db
def test_a_logged_in_editor_gets_a_private_copy(client, admin_user, survey):
    client.force_login(admin_user)
    response = client.get(summary_url(survey))
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


@pytest.mark.django_db
def test_the_breadcrumbs_lead_through_the_survey_to_the_summary(client, survey):
    html = client.get(summary_url(survey)).content.decode()
    trail = html[html.index('<nav class="breadcrumbs') : html.index("</nav>", html.index('<nav class="breadcrumbs'))]
    links = re.findall(r'<a href="([^"]+)"( aria-current="page")?[^>]*>([^<]+)</a>', trail)
    current = ' aria-current="page"'
    assert links[-2:] == [(survey.url, "", survey.title), (summary_url(survey), current, "Results so far")]


@pytest.mark.django_db
def test_the_summary_only_answers_get(client, survey):
    assert client.post(summary_url(survey)).status_code == 405


@pytest.mark.django_db
@override_settings(WAGTAIL_I18N_ENABLED=True)
def test_the_spanish_summary_counts_every_language_and_speaks_spanish(client, survey, sectors, commitments):
    spanish = Locale.objects.create(language_code="es")
    survey_es = survey.copy_for_translation(spanish, copy_parents=True)
    survey_es.save_revision().publish()
    for page in survey_es.get_ancestors().filter(depth__gt=1, alias_of__isnull=True, live=False):
        page.specific.save_revision().publish()
    sector_es = sectors[0].copy_for_translation(spanish)
    sector_es.name = "Aseguradoras"
    sector_es.save()
    add_responses(survey, 6, language_code="en")
    add_responses(survey, 6, language_code="es", start=6)
    response = client.get("/es/engage/survey/results/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="es"' in html
    assert 'id="summary-total-value">12<' in html
    assert "Aseguradoras" in html
    with translation.override("es"):
        # Commitments without Spanish pages fall back to the survey's own language.
        assert summary.build_summary(survey_es)["commitment_rows"][0].question.slug == "engaged"
    assert_nothing_personal(html)
