"""The survey: steps that work without JavaScript, answers kept in the
session across Back and Next, a self-assessment that follows the commitment
pages, one stored response per survey sent, and each respondent's private
results. Posts are what the browser sends: the wizard's step field, the
step's answers, and formtools' "go to step" button for Back."""

import logging
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from wagtail.models import Locale

from engage import survey_flow
from engage.guards import HONEYPOT
from engage.models import SurveySubmission
from engage.tasks import notify_survey_team
from stories.models import Sector
from tests import factories

STEPS = ["about", "views", "self-assessment", "consent"]
BACK = survey_flow.BACK_FIELD
WHAT_HELPS = "what_helps_or_hinders_you"
WORKING_TOWARD = "are_you_working_toward_a_learning_health_system"


@pytest.fixture
def survey(home_page, commitments):
    engage = factories.EngagePageFactory(parent=home_page)
    privacy = factories.StandardPageFactory(parent=home_page, title="Privacy", slug="privacy")
    page = factories.SurveyPageFactory(
        parent=engage,
        thank_you_text="<p>Thank you for taking part.</p>",
        self_assessment_intro="Think of the last twelve months.",
        privacy_page=privacy,
        privacy_notice_version="2.1",
    )
    factories.SurveyFormFieldFactory(
        page=page,
        label="Are you working toward a learning health system?",
        field_type="radio",
        choices="Yes\nNot yet",
        required=True,
    )
    factories.SurveyFormFieldFactory(
        page=page, label="What helps or hinders you?", field_type="multiline", required=False
    )
    factories.SectorFactory(name="Primary care", slug="primary-care")
    factories.SectorFactory(name="Payers", slug="payers")
    factories.StakeholderFactory(name="Clinicians", slug="clinicians")
    factories.StakeholderFactory(name="Patients and families", slug="patients")
    return page


ABOUT = {"organization": "Riverside Health", "sector": "primary-care", "role": "clinicians", "contact_email": ""}
VIEWS = {WORKING_TOWARD: "Yes", WHAT_HELPS: "Time to meet.\nA shared goal."}
SCORES = {"score-engaged": "4", "score-safe": "2", "score-effective": "3"}
WRONG_STEP = b"We could not tell which step of the survey you were on. Please continue from here."


def post_step(client, survey, number, data=None, back=False):
    """Step `number` of the four posted with "Next" ("Send" on the last), or with "Back"."""
    data = {**(data or {}), survey_flow.step_field(survey): STEPS[number - 1]}
    if back:
        data[BACK] = STEPS[number - 2]
    return client.post(survey.url, data)


def answer_all(client, survey, about=None, views=None, scores=None, consent=True):
    """Post every step with Next and the last with Send; the last response."""
    assert post_step(client, survey, 1, ABOUT if about is None else about).status_code == 303
    assert post_step(client, survey, 2, VIEWS if views is None else views).status_code == 303
    assert post_step(client, survey, 3, SCORES if scores is None else scores).status_code == 303
    return post_step(client, survey, 4, {"consent": "on"} if consent else {})


def results_path(response):
    assert response.status_code == 303, response.content[:500]
    match = re.fullmatch(r"/engage/survey/results/([A-Za-z0-9_-]{40,})/", response["Location"])
    assert match, response["Location"]
    return response["Location"]


# The steps ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_survey_is_four_steps_with_a_progress_indicator(client, survey):
    response = client.get(survey.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Step 1 of 4" in html
    current = re.findall(r'<li class="[^"]*" aria-current="step">([^<]+)</li>', html)
    assert current == ["About you"]
    for name in ("About you", "Your views", "Self-assessment", "Consent"):
        assert f">{name}</li>" in html
    assert list(response.context["form"].fields) == ["organization", "sector", "role", "contact_email"]
    # Sectors and roles are the snippets, by slug.
    assert 'value="primary-care"' in html and 'value="clinicians"' in html

    assert list(client.get(survey.url + "?step=2").context["form"].fields) == [WORKING_TOWARD, WHAT_HELPS]
    step3 = client.get(survey.url + "?step=3")
    assert 'aria-current="step">Self-assessment</li>' in step3.content.decode()
    assert "Think of the last twelve months." in step3.content.decode()
    consent = client.get(survey.url + "?step=4").content.decode()
    assert "I agree to the privacy notice" in consent
    assert 'href="/privacy/"' in consent and "2.1" in consent
    assert '<button type="submit" class="button">Send</button>' in consent


@pytest.mark.django_db
def test_without_editor_questions_there_is_no_views_step(client, survey):
    survey.form_fields.all().delete()
    html = client.get(survey.url).content.decode()
    assert "Step 1 of 3" in html and "Your views" not in html
    assert list(client.get(survey.url + "?step=2").context["form"].fields) == list(SCORES)


@pytest.mark.django_db
def test_survey_page_holds_a_csrf_token_and_is_never_cached(client, survey):
    for url in (survey.url, survey.url + "?step=3"):
        response = client.get(url)
        assert b"csrfmiddlewaretoken" in response.content
        cache_control = response["Cache-Control"]
        assert "no-cache" in cache_control and "private" in cache_control and "no-store" in cache_control


@pytest.mark.django_db
def test_opening_the_survey_starts_no_session_until_something_is_answered(client, survey, settings):
    for url in (survey.url, survey.url + "?step=3", survey.url + "?step=9"):
        client.get(url)
        assert settings.SESSION_COOKIE_NAME not in client.cookies, url
    post_step(client, survey, 1, {**ABOUT, "organization": ""})  # a mistake: nothing is kept
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    post_step(client, survey, 1, ABOUT)
    assert settings.SESSION_COOKIE_NAME in client.cookies


@pytest.mark.django_db
def test_the_scale_questions_follow_the_commitment_pages(client, survey, commitment_index, commitments):
    def questions():
        form = client.get(survey.url + "?step=3").context["form"]
        return {name: field.label for name, field in form.fields.items()}

    assert questions() == {"score-engaged": "1. Engaged", "score-safe": "2. Safe", "score-effective": "3. Effective"}
    factories.CommitmentPageFactory(parent=commitment_index, number=4, title="Equitable", slug="equitable")
    assert questions()["score-equitable"] == "4. Equitable"

    safe = commitments[1]
    safe.title = "Safe for everyone"
    safe.save_revision().publish()
    assert questions()["score-safe"] == "2. Safe for everyone"

    commitments[0].unpublish()
    assert "score-engaged" not in questions()

    form = client.get(survey.url + "?step=3").context["form"]
    field = form.fields["score-safe"]
    assert field.help_text == safe.summary
    assert [label for _value, label in field.choices] == survey.scale_labels


@pytest.mark.django_db
def test_scale_labels_come_from_the_page(client, survey):
    survey.scale_label_1 = "Nothing yet"
    survey.save_revision().publish()
    html = client.get(survey.url + "?step=3").content.decode()
    assert "Nothing yet" in html and "Leading the way" in html


@pytest.mark.django_db
def test_answers_survive_back_and_next(client, survey):
    response = post_step(client, survey, 1, ABOUT)
    assert response.status_code == 303 and response["Location"] == survey.url + "?step=2"

    # Back never checks: an unanswered required question is fine, and what was typed is kept.
    response = post_step(client, survey, 2, {WHAT_HELPS: "Half an answer"}, back=True)
    assert response.status_code == 303 and response["Location"] == survey.url

    step1 = client.get(survey.url)
    assert step1.status_code == 200 and not step1.context["form"].errors
    html = step1.content.decode()
    assert 'value="Riverside Health"' in html
    assert re.search(r'value="primary-care"[^>]*checked', html)

    assert post_step(client, survey, 1, ABOUT).status_code == 303
    html = client.get(survey.url + "?step=2").content.decode()
    assert "Half an answer</textarea>" in html

    assert post_step(client, survey, 2, VIEWS).status_code == 303
    assert post_step(client, survey, 3, SCORES).status_code == 303
    # Back from consent to the self-assessment: the chosen points are still chosen.
    assert post_step(client, survey, 4, {}, back=True)["Location"] == survey.url + "?step=3"
    html = client.get(survey.url + "?step=3").content.decode()
    assert re.search(r'name="score-safe" value="2"[^>]*checked', html)

    response = post_step(client, survey, 4, {"consent": "on"})
    submission = SurveySubmission.objects.get()
    assert results_path(response) == f"/engage/survey/results/{submission.results_token}/"
    assert submission.get_data()[WHAT_HELPS] == "Time to meet.\nA shared goal."


@pytest.mark.django_db
def test_going_back_shows_each_earlier_step_with_its_answers_unchecked(client, survey):
    answers = {1: ABOUT, 2: VIEWS, 3: SCORES, 4: {}}
    for number in (1, 2, 3):
        post_step(client, survey, number, answers[number])
    # Back from the consent step to the first, one step at a time, each
    # posting what it shows (as a browser does).
    for number in (3, 2, 1):
        back = post_step(client, survey, number + 1, answers[number + 1], back=True)
        assert back.status_code == 303
        shown = client.get(back["Location"])
        assert shown.status_code == 200
        assert shown.context["step"].number == number
        form = shown.context["form"]
        assert not form.is_bound and not form.errors
        assert {name: form.initial.get(name) for name in answers[number]} == answers[number]
    # And forward again: nothing to type twice.
    for number in (1, 2, 3):
        assert post_step(client, survey, number, answers[number]).status_code == 303
    results_path(post_step(client, survey, 4, {"consent": "on"}))
    submission = SurveySubmission.objects.get()
    assert submission.organization == "Riverside Health"
    assert submission.form_data == {WORKING_TOWARD: "Yes", WHAT_HELPS: "Time to meet.\nA shared goal."}
    assert submission.scores == {"engaged": 4, "safe": 2, "effective": 3}


@pytest.mark.django_db
def test_next_checks_only_the_current_step_and_keeps_what_was_typed(client, survey):
    # Step 2 may be posted before step 1 is answered: only step 2 is checked.
    assert post_step(client, survey, 2, VIEWS).status_code == 303

    response = post_step(client, survey, 1, {**ABOUT, "sector": "", "contact_email": "not an email"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and 'tabindex="-1"' in html
    assert '<a href="#id_sector_0">Sector: Choose the sector your organization works in.</a>' in html
    assert '<a href="#id_contact_email">Email address: Enter a valid email address.</a>' in html
    assert 'value="Riverside Health"' in html and 'value="not an email"' in html
    assert re.search(r'<input type="email" name="contact_email"[^>]*aria-invalid="true"', html)
    assert re.search(r'aria-describedby="id_contact_email_helptext id_contact_email_error"', html)
    assert html.startswith("<!DOCTYPE html>") and "<title>Error:" in html
    assert not SurveySubmission.objects.exists()


@pytest.mark.django_db
def test_consent_is_required(client, survey):
    response = answer_all(client, survey, consent=False)
    assert response.status_code == 400
    assert b"I agree to the privacy notice: Tick this box" in response.content
    assert not SurveySubmission.objects.exists()


@pytest.mark.django_db
def test_every_step_is_checked_again_before_storing(client, survey):
    # Skip straight to the last step: step 1 was never answered.
    post_step(client, survey, 2, VIEWS)
    post_step(client, survey, 3, SCORES)
    response = post_step(client, survey, 4, {"consent": "on"})
    assert response.status_code == 400
    assert response.context["step"].number == 1
    assert b"Some answers need your attention before you send them." in response.content
    assert b"Organization: This field is required." in response.content
    assert not SurveySubmission.objects.exists()


@pytest.mark.django_db
def test_sending_without_a_session_is_refused(client, survey):
    response = post_step(client, survey, 4, {"consent": "on"})
    assert response.status_code == 400
    assert b"We could not find your answers" in response.content
    assert not SurveySubmission.objects.exists()


# What is stored -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_response_is_stored_once_with_its_fixed_parts_and_scores(client, survey):
    response = answer_all(client, survey, about={**ABOUT, "contact_email": "ana@riverside.example"})
    submission = SurveySubmission.objects.get()
    assert response["Location"] == f"/engage/survey/results/{submission.results_token}/"
    assert submission.page_id == survey.pk
    assert submission.language_code == "en"
    assert submission.organization == "Riverside Health"
    assert (submission.sector, submission.role) == ("primary-care", "clinicians")
    assert submission.contact_email == "ana@riverside.example"
    assert submission.consent_version == "2.1"
    assert submission.scores == {"engaged": 4, "safe": 2, "effective": 3}
    # Only the editors' questions go to form_data, by clean_name.
    assert submission.form_data == {WORKING_TOWARD: "Yes", WHAT_HELPS: "Time to meet.\nA shared goal."}
    assert len(submission.results_token) >= 43  # 32 random bytes
    # The answers are gone from the session.
    assert not client.get(survey.url).context["form"].initial.get("organization")


@pytest.mark.django_db
def test_the_team_is_emailed_by_a_task_after_the_commit(client, survey, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        answer_all(client, survey)
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["team@example.org"]
    assert message.subject == "New survey response"
    assert "Organization: Riverside Health" in message.body
    assert "Sector: Primary care" in message.body
    assert "What helps or hinders you?: Time to meet.\nA shared goal." in message.body
    assert "2. Safe: 2 (Planning)" in message.body


@pytest.mark.django_db
def test_without_a_to_address_no_email_is_sent(client, survey, django_capture_on_commit_callbacks):
    survey.to_address = ""
    survey.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        answer_all(client, survey)
    assert SurveySubmission.objects.count() == 1
    assert mail.outbox == []


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND="tests.failures.FailingEmailBackend")
def test_a_failing_email_is_logged_not_shown(client, survey, django_capture_on_commit_callbacks, caplog):
    with caplog.at_level(logging.ERROR, logger="engage.tasks"), django_capture_on_commit_callbacks(execute=True):
        response = answer_all(client, survey)
    assert response.status_code == 303
    assert SurveySubmission.objects.count() == 1
    assert "Could not send the notification" in caplog.text


@pytest.mark.django_db
def test_the_task_can_be_enqueued_on_its_own(survey):
    submission = SurveySubmission.objects.create(page=survey, form_data={}, organization="Riverside Health")
    result = notify_survey_team.enqueue(submission.pk)
    assert result.status == "SUCCESSFUL"
    assert len(mail.outbox) == 1


# Hostile input --------------------------------------------------------------------


@pytest.mark.django_db
def test_html_is_stored_as_plain_text_and_shown_escaped(client, survey):
    script = "<script>alert('x')</script>"
    response = answer_all(
        client,
        survey,
        about={**ABOUT, "organization": f"Riverside {script}"},
        views={**VIEWS, WHAT_HELPS: f"<b>Bold</b> {script}"},
    )
    submission = SurveySubmission.objects.get()
    assert submission.organization == f"Riverside {script}"
    assert submission.form_data[WHAT_HELPS] == f"<b>Bold</b> {script}"
    html = client.get(results_path(response)).content.decode()
    assert "Riverside &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<script>alert" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["Riverside\x00Health", "Riverside\x1bHealth", "Riverside\x7f"])
def test_control_characters_are_refused(client, survey, value):
    response = post_step(client, survey, 1, {**ABOUT, "organization": value})
    assert response.status_code == 400
    assert b"Remove the hidden control characters" in response.content


@pytest.mark.django_db
def test_line_breaks_and_tabs_are_fine(client, survey):
    assert post_step(client, survey, 1, ABOUT).status_code == 303
    assert post_step(client, survey, 2, {**VIEWS, WHAT_HELPS: "One\r\n\tTwo"}).status_code == 303


@pytest.mark.django_db
def test_an_answer_over_5000_characters_is_refused(client, survey):
    response = post_step(client, survey, 2, {**VIEWS, WHAT_HELPS: "a" * 5001})
    assert response.status_code == 400
    assert b"This answer is too long. Keep it to 5,000 characters or fewer (it has 5,001)." in response.content
    assert post_step(client, survey, 2, {**VIEWS, WHAT_HELPS: "a" * 5000}).status_code == 303


@pytest.mark.django_db
def test_a_one_megabyte_post_is_a_400_not_a_500(client, survey):
    huge = "x" * (1024 * 1024)
    response = post_step(client, survey, 1, {**ABOUT, "organization": huge})
    assert response.status_code == 400
    assert b"This answer is too long" in response.content
    response = post_step(client, survey, 2, {**VIEWS, WHAT_HELPS: huge}, back=True)
    assert response.status_code == 303  # Back does not check, and keeps nothing that long
    assert not client.get(survey.url + "?step=2").context["form"].initial.get(WHAT_HELPS)
    # Bodies over DATA_UPLOAD_MAX_MEMORY_SIZE are refused by Django itself.
    response = post_step(client, survey, 1, {**ABOUT, "organization": huge * 3})
    assert response.status_code == 400
    assert not SurveySubmission.objects.exists()


@pytest.mark.django_db
def test_a_file_posted_to_a_step_is_ignored_not_a_500(client, survey):
    upload = SimpleUploadedFile("notes.txt", b"Our notes.", "text/plain")
    response = post_step(client, survey, 2, {**VIEWS, "attachment": upload})
    assert response.status_code == 303  # the step's answers are kept, the file is not
    assert client.get(survey.url + "?step=2").context["form"].initial[WHAT_HELPS] == VIEWS[WHAT_HELPS]
    # A file where a text answer belongs is no answer: the step is shown again.
    upload = SimpleUploadedFile("name.txt", b"Riverside Health", "text/plain")
    response = post_step(client, survey, 1, {**ABOUT, "organization": upload})
    assert response.status_code == 400
    assert response.context["form"].errors["organization"] == ["This field is required."]
    assert answer_all(client, survey).status_code == 303
    assert SurveySubmission.objects.get().organization == "Riverside Health"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tampered",
    [
        {},
        {"step": ""},
        {"step": "0"},
        {"step": "2"},
        {"step": "nowhere"},
        {"step": "about", "back": "nowhere"},
        {"step": "about", "back": ""},
    ],
    ids=["no-step", "empty", "zero", "a-number", "unknown", "back-to-nowhere", "back-to-empty"],
)
def test_a_tampered_step_is_a_400_with_a_message_not_a_500(client, survey, tampered):
    data = {**ABOUT}
    if "step" in tampered:
        data[survey_flow.step_field(survey)] = tampered["step"]
    if "back" in tampered:
        data[BACK] = tampered["back"]
    response = client.post(survey.url, data)
    assert response.status_code == 400
    assert WRONG_STEP in response.content
    assert response.context["step"].number == 1
    assert not SurveySubmission.objects.exists()


@pytest.mark.django_db
def test_a_tampered_step_shows_the_step_the_visitor_was_on_with_their_answers(client, survey):
    post_step(client, survey, 1, ABOUT)
    post_step(client, survey, 2, VIEWS)
    response = client.post(survey.url, {**SCORES, survey_flow.step_field(survey): "99"})
    assert response.status_code == 400 and WRONG_STEP in response.content
    assert response.context["step"].number == 3
    # What was typed into a known step is never lost, even with a tampered Back.
    response = client.post(
        survey.url, {"score-safe": "1", survey_flow.step_field(survey): "self-assessment", BACK: "nowhere"}
    )
    assert response.status_code == 400 and WRONG_STEP in response.content
    assert re.search(r'name="score-safe" value="1"[^>]*checked', response.content.decode())


@pytest.mark.django_db
def test_a_step_the_survey_leaves_out_cannot_be_posted(client, survey):
    survey.form_fields.all().delete()
    response = client.post(survey.url, {**VIEWS, survey_flow.step_field(survey): "views"})
    assert response.status_code == 400 and WRONG_STEP in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?step=0", "?step=9", "?step=x", "?step=%C2%B2"])
def test_tampered_step_links_are_refused(client, survey, query):
    response = client.get(survey.url + query)
    assert response.status_code == 400
    assert WRONG_STEP in response.content
    assert response.context["step"].number == 1


@pytest.mark.django_db
def test_unknown_choices_are_refused(client, survey):
    response = post_step(client, survey, 1, {**ABOUT, "sector": "<script>", "role": "nobody"})
    assert response.status_code == 400
    assert b"Select a valid choice" in response.content
    assert post_step(client, survey, 3, {**SCORES, "score-safe": "6"}).status_code == 400
    assert post_step(client, survey, 3, {**SCORES, "score-safe": ["2", "3"]}).status_code == 303  # the last one counts


# Spam and repeats -------------------------------------------------------------------


@pytest.mark.django_db
def test_the_honeypot_is_thanked_and_nothing_is_stored(client, survey):
    assert post_step(client, survey, 1, ABOUT).status_code == 303
    post_step(client, survey, 2, VIEWS)
    post_step(client, survey, 3, SCORES)
    response = post_step(client, survey, 4, {"consent": "on", HONEYPOT: "https://spam.example"})
    assert response.status_code == 200
    assert b"Thank you for taking part." in response.content
    assert not SurveySubmission.objects.exists()


@pytest.mark.django_db
@override_settings(SURVEY_RATE_LIMIT="2/h")
def test_the_rate_limit_stores_nothing_more(client, survey):
    for number in range(2):
        response = answer_all(client, survey, about={**ABOUT, "organization": f"Clinic {number}"})
        assert response.status_code == 303
    response = answer_all(client, survey, about={**ABOUT, "organization": "Clinic 3"})
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert b"Please try again later" in response.content
    assert SurveySubmission.objects.count() == 2


@pytest.mark.django_db
def test_a_double_submit_stores_one_row_and_shows_the_same_results(client, survey):
    first = answer_all(client, survey)
    # The second click on "Send" arrives after the first was answered.
    second = post_step(client, survey, 4, {"consent": "on"})
    assert second.status_code == 303 and second["Location"] == first["Location"]
    # The same answers again from the same session, within ten minutes.
    third = answer_all(client, survey)
    assert third["Location"] == first["Location"]
    assert SurveySubmission.objects.count() == 1
    # Different answers are a new response.
    fourth = answer_all(client, survey, scores={**SCORES, "score-safe": "5"})
    assert fourth["Location"] != first["Location"]
    assert SurveySubmission.objects.count() == 2


@pytest.mark.django_db
def test_two_sessions_with_the_same_answers_are_two_responses(client, survey):
    answer_all(client, survey)
    answer_all(Client(), survey)
    assert SurveySubmission.objects.count() == 2


# The results page -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_results_page_shows_the_stored_answers(client, survey, story_index, commitments):
    safe_story = factories.StoryPageFactory(parent=story_index, title="Safer surgery")
    factories.link_story(safe_story, commitments=[commitments[1]])
    other_story = factories.StoryPageFactory(parent=story_index, title="Unrelated")
    factories.link_story(other_story, commitments=[commitments[0]])

    response = client.get(results_path(answer_all(client, survey)))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "Thank you for taking part." in html
    cache_control = response["Cache-Control"]
    assert "no-cache" in cache_control and "no-store" in cache_control and "private" in cache_control

    # The table has the stored scores and their labels.
    rows = re.findall(
        r'<th scope="row">(\d+)\. (\w+)[^<]*(?:<span[^>]*>[^<]*</span>)?</th>\s*<td>(\d)</td>\s*<td>([^<]+)</td>', html
    )
    assert rows == [
        ("1", "Engaged", "4", "Well under way"),
        ("2", "Safe", "2", "Planning"),
        ("3", "Effective", "3", "Getting started"),
    ]
    # The chart shows the same numbers.
    assert "<svg" in html and "4 / 5" in html and "2 / 5" in html
    # Room to grow: the lowest first, each linking to its commitment and its stories.
    growth = response.context["growth"]
    assert [area.question.slug for area in growth] == ["safe", "effective", "engaged"]
    assert [story.title for story in growth[0].stories] == ["Safer surgery"]
    assert growth[1].stories == []
    section = html.split("Where you have the most room to grow")[1]
    assert f'href="{commitments[1].url}"' in section and f'href="{safe_story.url}"' in section
    assert "Unrelated" not in section.split("3. Effective")[0]


@pytest.mark.django_db
def test_room_to_grow_leaves_out_the_top_of_the_scale(client, survey):
    scores = {"score-engaged": "5", "score-safe": "5", "score-effective": "1"}
    response = client.get(results_path(answer_all(client, survey, scores=scores)))
    assert [area.question.slug for area in response.context["growth"]] == ["effective"]


@pytest.mark.django_db
def test_an_unknown_results_token_is_a_404(client, survey):
    answer_all(client, survey)
    assert client.get(survey.url + "results/" + "A" * 43 + "/").status_code == 404
    assert client.get(survey.url + "results/" + "x" * 70 + "/").status_code == 404


@pytest.mark.django_db
def test_each_response_gets_its_own_unguessable_token(client, survey):
    first = results_path(answer_all(client, survey))
    second = results_path(answer_all(Client(), survey))
    assert first != second
    assert client.get(second).status_code == 200  # the link works in any session


# Languages ----------------------------------------------------------------------


@pytest.fixture
def spanish_survey(survey, commitments):
    """The survey and its commitments in Spanish; one sector translated, the
    other sector and the roles not yet."""
    spanish = Locale.objects.create(language_code="es")
    home = survey.get_parent().get_parent().specific
    home.copy_for_translation(spanish).save_revision().publish()
    for commitment in commitments:
        translated = commitment.copy_for_translation(spanish, copy_parents=True)
        translated.save_revision().publish()
    es_survey = survey.copy_for_translation(spanish, copy_parents=True)
    es_survey.title = "Encuesta"
    es_survey.scale_label_2 = "Planificando"
    es_survey.save_revision().publish()
    es_survey.refresh_from_db()
    es_field = es_survey.form_fields.get(clean_name=WHAT_HELPS)
    es_field.label = "¿Qué le ayuda o le frena?"
    es_field.save()
    primary_care = Sector.objects.get(slug="primary-care").copy_for_translation(spanish)
    primary_care.name = "Atención primaria"
    primary_care.save()
    return es_survey


@pytest.mark.django_db
def test_sectors_and_roles_are_in_the_page_language_or_in_english_until_translated(client, survey, spanish_survey):
    spanish = client.get(spanish_survey.url).context["form"]
    assert spanish.fields["sector"].choices == [("primary-care", "Atención primaria"), ("payers", "Payers")]
    assert spanish.fields["role"].choices == [("clinicians", "Clinicians"), ("patients", "Patients and families")]
    english = client.get(survey.url).context["form"]
    assert english.fields["sector"].choices == [("payers", "Payers"), ("primary-care", "Primary care")]


@pytest.mark.django_db
def test_the_first_step_takes_at_most_12_queries_in_english_and_spanish(
    survey, spanish_survey, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False
    for url in (survey.url, spanish_survey.url):
        Client().get(url)  # the menu and footer fragments, as they are between changes
        with django_assert_max_num_queries(12, info=url):
            assert Client().get(url).status_code == 200


@pytest.mark.django_db
def test_a_spanish_response_is_stored_with_the_english_survey_and_the_same_keys(client, survey, spanish_survey):
    es_survey = spanish_survey
    assert es_survey.url == "/es/engage/survey/"
    english_keys = list(client.get(survey.url + "?step=2").context["form"].fields)
    spanish_form = client.get("/es/engage/survey/?step=2").context["form"]
    assert list(spanish_form.fields) == english_keys
    assert spanish_form.fields[WHAT_HELPS].label == "¿Qué le ayuda o le frena?"
    assert "Planificando" in client.get("/es/engage/survey/?step=3").content.decode()

    es_url = es_survey.url
    assert post_step(client, es_survey, 1, ABOUT)["Location"] == es_url + "?step=2"
    post_step(client, es_survey, 2, VIEWS)
    post_step(client, es_survey, 3, SCORES)
    response = post_step(client, es_survey, 4, {"consent": "on"})
    submission = SurveySubmission.objects.get()
    assert response["Location"] == f"/es/engage/survey/results/{submission.results_token}/"
    assert submission.page_id == survey.pk
    assert submission.language_code == "es"
    assert set(submission.form_data) == {WORKING_TOWARD, WHAT_HELPS}
    assert set(submission.scores) == {"engaged", "safe", "effective"}
    results = client.get(response["Location"])
    assert results.status_code == 200
    assert '<html lang="es"' in results.content.decode()
    assert "Planificando" in results.content.decode()
    assert "<dd>Atención primaria</dd>" in results.content.decode()
