import pytest
from django.core import mail
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from engage.models import SurveySubmission
from engage.tasks import notify_survey_team
from tests import factories

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
def test_in_production_the_notification_waits_for_the_worker(home_page):
    """With the production TASKS setting, sending the email is queued in the
    database for `db_worker`, so the visitor's request does not wait for it."""
    survey = factories.SurveyPageFactory(parent=factories.EngagePageFactory(parent=home_page))
    response = SurveySubmission.objects.create(page=survey, form_data={}, consent_version="1.0")
    with override_settings(TASKS=DATABASE_TASKS):
        result = notify_survey_team.enqueue(response.pk)
    assert DBTaskResult.objects.filter(id=result.id).exists()
    assert mail.outbox == []
