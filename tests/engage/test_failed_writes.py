"""When the database fails in the middle of storing a story or a survey
response, nothing half-written is left, the visitor gets the 503 page, and
sending again once the database is back stores everything once."""

import pytest
from django.contrib.auth import get_user_model
from django.db import OperationalError
from django.test import Client, override_settings
from wagtail.models import PageLogEntry, Revision

from engage.models import StorySubmission, SurveySubmission
from engage.models.public_stories import SUBMISSIONS_USERNAME
from stories.models import StoryPage
from tests import factories
from tests.engage.test_share_story import story_data
from tests.engage.test_survey import ABOUT, SCORES, VIEWS, post_step
from tests.failures import database_fails, writes_to


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


CONNECTION_LOST = OperationalError("server closed the connection unexpectedly")


@override_settings(DEBUG=False)
@pytest.mark.django_db(transaction=True)
def test_a_story_is_stored_whole_or_not_at_all(visitor, home_page, story_index):
    share_page = factories.ShareStoryPageFactory(parent=factories.EngagePageFactory(parent=home_page))
    revisions, log_entries = Revision.objects.count(), PageLogEntry.objects.count()
    # The last write of the story: the page, its revision and log entry are already made.
    with database_fails(CONNECTION_LOST, when=writes_to(StorySubmission._meta.db_table)):
        response = visitor.post(share_page.url, story_data())
    assert response.status_code == 503
    assert not StoryPage.objects.exists()
    assert Revision.objects.count() == revisions and PageLogEntry.objects.count() == log_entries
    assert not get_user_model().objects.filter(username=SUBMISSIONS_USERNAME).exists()

    # Sent again once the database is back: stored once, not taken for a repeat.
    response = visitor.post(share_page.url, story_data())
    assert response.status_code == 200 and b"Thank you for your story." in response.content
    assert StoryPage.objects.count() == 1 and StorySubmission.objects.count() == 1


@override_settings(DEBUG=False)
@pytest.mark.django_db(transaction=True)
def test_survey_answers_survive_a_failed_send(visitor, home_page, commitments):
    engage = factories.EngagePageFactory(parent=home_page)
    survey = factories.SurveyPageFactory(parent=engage)
    factories.SurveyFormFieldFactory(
        page=survey, label="Are you working toward a learning health system?", field_type="radio", choices="Yes\nNo"
    )
    factories.SurveyFormFieldFactory(page=survey, label="What helps or hinders you?", field_type="multiline")
    factories.SectorFactory(slug="primary-care")
    factories.StakeholderFactory(slug="clinicians")
    for number, answers in enumerate((ABOUT, VIEWS, SCORES), start=1):
        assert post_step(visitor, survey, number, answers).status_code == 303

    with database_fails(CONNECTION_LOST, when=writes_to(SurveySubmission._meta.db_table)):
        response = post_step(visitor, survey, 4, {"consent": "on"})
    assert response.status_code == 503
    assert not SurveySubmission.objects.exists()

    # The answers waited in the session: "Send" again stores them, once.
    response = post_step(visitor, survey, 4, {"consent": "on"})
    assert response.status_code == 303
    submission = SurveySubmission.objects.get()
    assert submission.organization == ABOUT["organization"]
    assert submission.scores == {"engaged": 4, "safe": 2, "effective": 3}
