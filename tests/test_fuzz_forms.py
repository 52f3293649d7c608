"""Arbitrary posts at every public form: the survey (each step, with any
step name and any "Back" target), share-your-story, and the search form. Fields go
missing, hold the wrong type, huge or hostile text, several values or a file
where none is expected. The answer is never a server error, and a form shown
again because of a mistake keeps everything the visitor typed."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import Textarea
from django.forms.widgets import Input
from django.test import override_settings
from django.utils.html import escape
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from engage import survey_flow
from engage.guards import HONEYPOT
from engage.models import ShareStoryPage
from tests import factories

FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,
    # The site is built once per test, not per example; rate limits are lifted.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NO_RATE_LIMITS = override_settings(DEBUG=False, STORY_SUBMISSION_RATE_LIMIT="1000000/s", SURVEY_RATE_LIMIT="1000000/s")

STORY = {
    "story_title": "Asking patients cut our waiting times",
    "organization": "Riverside Health",
    "place": "Springfield, Ohio",
    "what_they_did": "We asked every patient what slowed them down.",
    "results": "Waiting times fell by a third.",
    "challenge": "People waited weeks.",
    "commitments": ["engaged"],
    "contact_name": "Ana López",
    "contact_email": "ana@riverside.example",
    "contact_phone": "+1 555 0100",
    "consent": "on",
    "website": "",
}
SURVEY_STEPS = [survey_flow.ABOUT, survey_flow.VIEWS, survey_flow.SELF_ASSESSMENT, survey_flow.CONSENT]
# Valid answers to every step at once: each step reads only its own fields.
SURVEY_ANSWERS = {
    "organization": "Riverside Health",
    "sector": "primary-care",
    "role": "clinicians",
    "contact_email": "ana@riverside.example",
    "working_together": "Yes",
    "what_helps": "Time to meet.",
    "your_region": "Ohio",
    "score-engaged": "4",
    "score-safe": "2",
    "score-effective": "3",
    "consent": "on",
}
SURVEY_FIELDS = [*SURVEY_ANSWERS, HONEYPOT]

text = st.text(st.characters(codec="utf-8"), max_size=60)
hostile = st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Mn", "So"]), max_size=20)
long_text = st.integers(min_value=100, max_value=12_000).map(lambda n: "x" * n)
numbers = st.one_of(st.integers(), st.floats(allow_nan=True)).map(str)
single = st.one_of(text, hostile, long_text, numbers, st.sampled_from(["", " ", "on", "true", "0", "-1", "engaged"]))
value = st.one_of(single, st.lists(single, min_size=2, max_size=3))
upload = st.binary(max_size=200).map(lambda content: SimpleUploadedFile("a.txt", content, "text/plain"))


@st.composite
def posts(draw, valid, fields):
    """A valid post with some fields changed, removed or added, or one
    made of arbitrary fields; at times with a file where none is expected."""
    if draw(st.booleans()):
        data = dict(valid)
        for name in draw(st.lists(st.sampled_from(fields), unique=True, max_size=4)):
            data[name] = draw(value)
        for name in draw(st.lists(st.sampled_from(fields), unique=True, max_size=2)):
            data.pop(name, None)
    else:
        data = draw(st.dictionaries(st.one_of(st.sampled_from(fields), text), value, max_size=len(fields) + 2))
    if draw(st.integers(0, 9)) == 0:
        data[draw(st.sampled_from(fields))] = draw(upload)
    return data


def assert_typed_values_kept(response, data, prefix=""):
    """Every text the visitor typed into a text box of the form shown is in the page again."""
    html = response.content.decode()
    for name, field in response.context["form"].fields.items():
        posted = data.get(prefix + name)
        if isinstance(posted, list):
            posted = posted[-1] if posted else None
        if not isinstance(posted, str) or not posted.strip():
            continue
        if isinstance(field.widget, Textarea) or (
            isinstance(field.widget, Input) and field.widget.input_type in ("text", "email", "tel", "number")
        ):
            assert escape(posted) in html, (name, posted[:80])


@pytest.fixture
def engage(home_page, commitments, story_index):
    cache.clear()
    yield factories.EngagePageFactory(parent=home_page)
    cache.clear()


@pytest.fixture
def share_page(engage):
    return engage.add_child(instance=ShareStoryPage(title="Share your story", slug="share-your-story"))


@pytest.fixture
def survey(engage):
    page = factories.SurveyPageFactory(parent=engage)
    factories.SurveyFormFieldFactory(
        page=page, label="Working together", field_type="radio", choices="Yes\nNot yet", required=True
    )
    factories.SurveyFormFieldFactory(page=page, label="What helps", field_type="multiline", required=False)
    factories.SurveyFormFieldFactory(page=page, label="Your region", field_type="singleline", required=False)
    factories.SectorFactory(name="Primary care", slug="primary-care")
    factories.StakeholderFactory(name="Clinicians", slug="clinicians")
    return page


@NO_RATE_LIMITS
@pytest.mark.django_db
@FUZZ
@given(data=posts(STORY, list(STORY)))
def test_share_your_story_never_fails_and_keeps_what_was_typed(client, share_page, data):
    response = client.post(share_page.url, data)
    event(f"status {response.status_code}")  # shown with --hypothesis-show-statistics
    assert response.status_code < 500, response.content[:300]
    if response.status_code == 400:
        assert_typed_values_kept(response, data)


survey_steps = st.one_of(st.sampled_from(SURVEY_STEPS), single)


@NO_RATE_LIMITS
@pytest.mark.django_db
@FUZZ
@given(data=posts(SURVEY_ANSWERS, SURVEY_FIELDS), step=survey_steps, back=st.none() | survey_steps)
# Found by the search above: a file posted with a valid step.
@example(data={**SURVEY_ANSWERS, "organization": SimpleUploadedFile("a.txt", b"")}, step="views", back=None)
def test_the_survey_never_fails_and_keeps_what_was_typed(client, survey, data, step, back):
    """Posted as the browser would: the wizard's step field, and formtools'
    "go to step" button for Back."""
    data = {**data, survey_flow.step_field(survey): step}
    if back is not None:
        data[survey_flow.BACK_FIELD] = back
    response = client.post(survey.url, data)
    event(f"status {response.status_code}")  # shown with --hypothesis-show-statistics
    assert response.status_code < 500, response.content[:300]
    shown = response.context and response.context.get("step")
    if response.status_code == 400 and shown and shown.key == step and response.context["form"].is_bound:
        event("form shown again")
        assert_typed_values_kept(response, data)


@NO_RATE_LIMITS
@pytest.mark.django_db
@FUZZ
@given(data=posts({"q": "patients"}, ["q", "page"]), path=st.sampled_from(["/search/", "/es/search/", "/stories/"]))
def test_the_search_form_and_listings_never_fail_on_a_post(client, home_page, story_index, data, path):
    assert client.post(path, data).status_code < 500


@NO_RATE_LIMITS
@pytest.mark.django_db
@FUZZ
@given(body=st.binary(max_size=300), form=st.sampled_from(["share", "survey"]))
def test_an_unreadable_form_body_never_fails(client, share_page, survey, body, form):
    url = share_page.url if form == "share" else survey.url
    response = client.generic("POST", url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code < 500
