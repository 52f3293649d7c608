"""manage.py purge_submissions: contact details (or whole rows) of old survey
responses and story submissions go; recent ones and everything else stay."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from engage.models import StorySubmission, SurveySubmission
from tests import factories


@pytest.fixture
def survey(home_page):
    engage = factories.EngagePageFactory(parent=home_page)
    page = factories.SurveyPageFactory(parent=engage)
    factories.SurveyFormFieldFactory(page=page, label="Follow-up email", field_type="email", required=False)
    factories.SurveyFormFieldFactory(page=page, label="What matters most", field_type="multiline")
    return page


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def survey_response(survey, age, number):
    response = SurveySubmission.objects.create(
        page=survey,
        organization=f"Org {number}",
        sector="payers",
        contact_email=f"person{number}@example.org",
        form_data={"follow_up_email": f"follow{number}@example.org", "what_matters_most": "Shorter waits"},
        scores={"engaged": 3},
        consent_version="1.0",
    )
    SurveySubmission.objects.filter(pk=response.pk).update(submit_time=days_ago(age))
    return response


def story_submission(story_index, age, number):
    story = factories.StoryPageFactory(parent=story_index, live=False)
    submission = StorySubmission.objects.create(
        page=story, contact_name=f"Person {number}", contact_email=f"story{number}@example.org", contact_phone="555"
    )
    StorySubmission.objects.filter(pk=submission.pk).update(submitted_at=days_ago(age))
    return submission


@pytest.fixture
def data(survey, story_index):
    return {
        "old_responses": [survey_response(survey, 400, n) for n in range(3)],
        "new_responses": [survey_response(survey, 30, n) for n in range(3, 5)],
        "old_stories": [story_submission(story_index, 500, n) for n in range(2)],
        "new_stories": [story_submission(story_index, 10, 2)],
    }


def run(*args):
    out = StringIO()
    call_command("purge_submissions", *args, stdout=out)
    return out.getvalue().strip()


def snapshot():
    return (
        list(SurveySubmission.objects.order_by("pk").values()),
        list(StorySubmission.objects.order_by("pk").values()),
    )


@pytest.mark.django_db
def test_contact_details_of_old_rows_only_are_removed(data):
    message = run("--older-than", "365")
    assert message == ("Removed contact details from 3 survey responses and 2 story submissions older than 365 days.")
    for response in data["old_responses"]:
        response.refresh_from_db()
        assert response.contact_email == ""
        assert response.form_data == {"follow_up_email": "", "what_matters_most": "Shorter waits"}
        # What is not contact details stays, for the charts.
        assert response.organization.startswith("Org ") and response.scores == {"engaged": 3}
    for response in data["new_responses"]:
        response.refresh_from_db()
        assert response.contact_email.endswith("@example.org")
        assert response.form_data["follow_up_email"].endswith("@example.org")
    for story in data["old_stories"]:
        story.refresh_from_db()
        assert (story.contact_name, story.contact_email, story.contact_phone) == ("(removed)", "", "")
    new_story = data["new_stories"][0]
    new_story.refresh_from_db()
    assert new_story.contact_email == "story2@example.org" and new_story.contact_name == "Person 2"
    assert SurveySubmission.objects.count() == 5 and StorySubmission.objects.count() == 3


@pytest.mark.django_db
def test_a_second_run_finds_nothing_to_do(data):
    run("--older-than", "365")
    assert run("--older-than", "365") == (
        "Removed contact details from 0 survey responses and 0 story submissions older than 365 days."
    )


@pytest.mark.django_db
def test_delete_deletes_old_rows_only(data):
    message = run("--older-than", "365", "--delete")
    assert message == "Deleted 3 survey responses and 2 story submissions older than 365 days."
    assert set(SurveySubmission.objects.values_list("pk", flat=True)) == {r.pk for r in data["new_responses"]}
    assert set(StorySubmission.objects.values_list("pk", flat=True)) == {s.pk for s in data["new_stories"]}
    # The draft stories themselves are not touched.
    assert all(type(s.page).objects.filter(pk=s.page_id).exists() for s in data["old_stories"])
    assert run("--older-than", "365", "--delete") == (
        "Deleted 0 survey responses and 0 story submissions older than 365 days."
    )


@pytest.mark.django_db
@pytest.mark.parametrize("extra", [[], ["--delete"]])
def test_dry_run_changes_nothing(data, extra):
    before = snapshot()
    message = run("--older-than", "365", "--dry-run", *extra)
    assert message.startswith("Dry run: would ")
    assert "3 survey responses and 2 story submissions older than 365 days" in message
    assert snapshot() == before


@pytest.mark.django_db
def test_a_shorter_period_reaches_more_rows(data):
    assert run("--older-than", "20") == (
        "Removed contact details from 5 survey responses and 2 story submissions older than 20 days."
    )


@pytest.mark.django_db
@pytest.mark.parametrize("days", ["0", "-5", "ten", "1.5", ""])
def test_days_must_be_a_positive_whole_number(data, days):
    before = snapshot()
    with pytest.raises(CommandError, match="DAYS must be a whole number of days, 1 or more"):
        run("--older-than", days)
    assert snapshot() == before


@pytest.mark.django_db
def test_days_is_required_and_a_huge_number_is_refused_clearly(data):
    with pytest.raises(CommandError, match="older-than"):
        run()
    with pytest.raises(CommandError, match="too large"):
        run("--older-than", "99999999")
    with pytest.raises(CommandError, match="DAYS must be"):
        call_command("purge_submissions", older_than=0)
