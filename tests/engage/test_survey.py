import pytest
from django.core import mail

from engage.models import SurveySubmission
from tests import factories


@pytest.fixture
def survey(home_page):
    engage = factories.EngagePageFactory(parent=home_page)
    page = factories.SurveyPageFactory(parent=engage, thank_you_text="<p>Thank you for taking part.</p>")
    factories.SurveyFormFieldFactory(page=page, label="Organization name", field_type="singleline")
    factories.SurveyFormFieldFactory(
        page=page, label="Sector", field_type="dropdown", choices="Payers\nPrimary care", required=False
    )
    return page


@pytest.mark.django_db
def test_a_survey_submission_is_stored_and_thanked(client, survey):
    response = client.post(survey.url, {"organization_name": "Riverside Health", "sector": "Payers"})
    assert response.status_code == 200
    assert b"Thank you for taking part." in response.content
    submission = SurveySubmission.objects.get(page=survey)
    assert submission.get_data()["organization_name"] == "Riverside Health"
    assert submission.get_data()["sector"] == "Payers"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["team@example.org"]


@pytest.mark.django_db
def test_a_missing_answer_redisplays_the_form_with_the_answers_kept(client, survey):
    response = client.post(survey.url, {"organization_name": "", "sector": "Payers"})
    assert response.status_code == 400
    assert not SurveySubmission.objects.exists()
    assert b"This field is required" in response.content
    assert b'value="Payers" selected' in response.content


@pytest.mark.django_db
def test_survey_page_holds_a_csrf_token(client, survey):
    response = client.get(survey.url)
    assert b"csrfmiddlewaretoken" in response.content
