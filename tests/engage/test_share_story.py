"""Stories from the public: the share-your-story form makes draft stories
for review, keeps contact details apart, and holds off bots and floods."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import models
from django.test import RequestFactory, override_settings
from wagtail.models import GroupApprovalTask, Locale, Workflow, WorkflowPage, WorkflowTask

from core import ratelimit
from engage.guards import HONEYPOT
from engage.models import EngagePage, ShareStoryPage, StorySubmission
from engage.models.public_stories import SUBMISSIONS_USERNAME, shorten, text_to_paragraphs
from stories.models import StoryPage
from tests import factories

EMAIL = "ana.lopez@riverside.example"


@pytest.fixture
def share_page(home_page, story_index):
    engage = factories.EngagePageFactory(parent=home_page)
    return factories.ShareStoryPageFactory(parent=engage)


def story_data(**changes):
    data = {
        "story_title": "Asking patients cut our waiting times",
        "organization": "Riverside Health",
        "place": "Springfield, Ohio",
        "what_they_did": (
            "We asked every patient what slowed them down. <script>alert('x')</script>\n\n"
            "Then we changed the booking system."
        ),
        "results": "Waiting times fell by a third.\nPatients noticed.",
        "challenge": "People waited weeks for a first visit.",
        "commitments": [],
        "contact_name": "Ana López",
        "contact_email": EMAIL,
        "contact_phone": "+1 555 0100",
        "consent": "on",
        HONEYPOT: "",
    }
    data.update(changes)
    return data


def text_values(page):
    """Every text field of the page, and its latest revision's content."""
    values = [
        str(getattr(page, field.attname) or "")
        for field in page._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    ]
    values.append(str(page.get_latest_revision().content))
    return values


def test_the_share_page_lives_once_under_engage():
    assert ShareStoryPage.allowed_parent_page_models() == [EngagePage]
    assert ShareStoryPage.allowed_subpage_models() == []
    assert ShareStoryPage.max_count_per_parent == 1
    assert ShareStoryPage in EngagePage.allowed_subpage_models()


@pytest.mark.django_db
def test_only_one_share_page_per_engage_page(share_page):
    assert not ShareStoryPage.can_create_at(share_page.get_parent())


@pytest.mark.django_db
def test_the_form_is_shown_with_a_csrf_token_and_never_cached(client, share_page, commitments):
    response = client.get(share_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "csrfmiddlewaretoken" in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # Labels, help text tied to its field, required marked.
    assert '<label for="id_story_title"' in html
    assert 'aria-describedby="id_what_they_did_helptext"' in html
    assert "(required)" in html
    # The commitments of the page's language are the choices.
    assert 'value="engaged"' in html and "1. Engaged" in html


@pytest.mark.django_db
def test_the_bot_trap_is_hidden_from_people(client, share_page):
    html = client.get(share_page.url).content.decode()
    trap = html[html.index('<div class="form-trap') : html.index("</div>", html.index('<div class="form-trap'))]
    assert "visually-hidden" in trap and 'aria-hidden="true"' in trap
    assert f'name="{HONEYPOT}"' in trap and 'tabindex="-1"' in trap and 'autocomplete="off"' in trap
    assert "Leave this field empty" in trap


@pytest.mark.django_db
def test_a_story_becomes_one_draft_for_review(client, share_page, story_index, commitments):
    response = client.post(share_page.url, story_data(commitments=["engaged", "safe"]))

    assert response.status_code == 200
    assert b"Thank you for your story." in response.content
    assert "no-store" in response["Cache-Control"]
    story = StoryPage.objects.get()
    assert not story.live
    assert story.has_unpublished_changes
    assert story.first_published_at is None
    assert story.get_parent().specific == story_index
    assert story.locale_id == story_index.locale_id

    owner = story.owner
    assert owner.username == SUBMISSIONS_USERNAME
    assert not owner.has_usable_password()
    assert not owner.groups.exists() and not owner.is_staff and not owner.is_superuser
    assert story.get_latest_revision().user == owner

    assert story.title == "Asking patients cut our waiting times"
    assert story.slug == "asking-patients-cut-our-waiting-times"
    assert story.organization == "Riverside Health"
    assert story.place == "Springfield, Ohio"
    assert story.summary.startswith("We asked every patient what slowed them down.")
    # The person's text is escaped, in paragraphs; nothing they typed is markup.
    assert "&lt;script&gt;" in story.approach
    assert "<script>" not in story.approach
    assert story.approach.count("<p>") == 2
    assert story.results == "<p>Waiting times fell by a third.<br/>Patients noticed.</p>"
    assert story.challenge == "<p>People waited weeks for a first visit.</p>"
    assert [c.commitment for c in story.story_commitments.order_by("sort_order")] == commitments[:2]

    # Contact details are kept apart from the page, and nowhere in it.
    for value in text_values(story):
        assert EMAIL not in value
        assert "555 0100" not in value
    submission = StorySubmission.objects.get()
    assert submission.page_id == story.pk
    assert submission.contact_name == "Ana López"
    assert submission.contact_email == EMAIL
    assert submission.contact_phone == "+1 555 0100"
    assert submission.language_code == "en"


@pytest.mark.django_db
def test_a_story_without_a_challenge_still_makes_a_valid_draft(client, share_page):
    response = client.post(share_page.url, story_data(challenge="", place="", contact_phone=""))
    assert response.status_code == 200
    story = StoryPage.objects.get()
    assert story.challenge.startswith("<p>") and "did not describe" in story.challenge
    assert not story.story_commitments.exists()


@pytest.mark.django_db
def test_the_draft_goes_to_review_when_the_tree_has_a_workflow(client, share_page, home_page):
    moderators, _created = Group.objects.get_or_create(name="Moderators")
    task = GroupApprovalTask.objects.create(name="Moderators approve")
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name="Public stories review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=home_page, defaults={"workflow": workflow})

    assert client.post(share_page.url, story_data()).status_code == 200

    story = StoryPage.objects.get()
    state = story.current_workflow_state
    assert state is not None and state.status == state.STATUS_IN_PROGRESS
    assert state.workflow == workflow
    assert state.requested_by.username == SUBMISSIONS_USERNAME
    assert state.current_task_state.task.specific == task
    assert not story.live


@pytest.mark.django_db
def test_a_story_sent_in_spanish_goes_to_the_spanish_stories(client, share_page, story_index):
    spanish = Locale.objects.create(language_code="es")
    spanish_form = share_page.copy_for_translation(spanish, copy_parents=True, alias=True)
    spanish_index = story_index.copy_for_translation(spanish)
    spanish_index.save_revision().publish()

    response = client.post(spanish_form.url, story_data())

    assert response.status_code == 200
    story = StoryPage.objects.get()
    assert story.get_parent().pk == spanish_index.pk
    assert story.locale == spanish
    assert StorySubmission.objects.get().language_code == "es"


@pytest.mark.django_db
def test_a_story_with_mistakes_is_shown_again_with_everything_typed(client, share_page, commitments):
    response = client.post(
        share_page.url, story_data(story_title="", contact_email="not an address", commitments=["engaged"])
    )

    assert response.status_code == 400
    assert not StoryPage.objects.exists() and not StorySubmission.objects.exists()
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'href="#id_story_title"' in html and 'href="#id_contact_email"' in html
    assert "This field is required." in html
    assert 'aria-invalid="true"' in html
    # What was typed is still there.
    assert "Riverside Health" in html
    assert "We asked every patient what slowed them down. &lt;script&gt;" in html
    assert 'value="not an address"' in html
    assert 'value="engaged" id="id_commitments_0" checked' in html


@pytest.mark.django_db
def test_only_commitments_of_the_site_can_be_chosen(client, share_page):
    response = client.post(share_page.url, story_data(commitments=["not-a-commitment"]))
    assert response.status_code == 400
    assert "commitments" in response.context["form"].errors
    assert not StoryPage.objects.exists()


@pytest.mark.django_db
def test_a_filled_in_bot_trap_looks_like_success_but_stores_nothing(client, share_page):
    response = client.post(share_page.url, story_data(**{HONEYPOT: "https://spam.example"}))

    assert response.status_code == 200
    assert b"Thank you for your story." in response.content
    assert not StoryPage.objects.exists()
    assert not StorySubmission.objects.exists()
    assert not get_user_model().objects.filter(username=SUBMISSIONS_USERNAME).exists()


@pytest.mark.django_db
@override_settings(STORY_SUBMISSION_RATE_LIMIT="2/h")
def test_too_many_stories_from_one_address_are_refused_politely(client, share_page):
    for number in (1, 2):
        assert client.post(share_page.url, story_data(story_title=f"Story {number}")).status_code == 200

    response = client.post(share_page.url, story_data(story_title="Story 3"))

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "You have sent several stories in a short time. Please try again later." in html
    assert 'value="Story 3"' in html and "Riverside Health" in html
    assert StoryPage.objects.count() == 2
    assert StorySubmission.objects.count() == 2
    # Another address is not held back.
    assert client.post(share_page.url, story_data(story_title="Story 4"), REMOTE_ADDR="10.0.0.2").status_code == 200


@pytest.mark.django_db
@override_settings(STORY_SUBMISSION_RATE_LIMIT="2/h")
def test_the_limit_ignores_forwarded_for_headers(client, share_page):
    for number in (1, 2):
        client.post(share_page.url, story_data(story_title=f"Story {number}"), HTTP_X_FORWARDED_FOR=f"10.1.0.{number}")
    response = client.post(share_page.url, story_data(story_title="Story 3"), HTTP_X_FORWARDED_FOR="10.1.0.3")
    assert response.status_code == 429


@pytest.mark.django_db
def test_a_double_click_makes_one_draft(client, share_page):
    first = client.post(share_page.url, story_data())
    second = client.post(share_page.url, story_data(story_title="  Asking patients cut our WAITING times "))

    assert first.status_code == second.status_code == 200
    assert b"Thank you for your story." in second.content
    assert StoryPage.objects.count() == 1
    assert StorySubmission.objects.count() == 1


@pytest.mark.django_db
def test_the_same_title_from_someone_else_gets_its_own_address(client, share_page):
    client.post(share_page.url, story_data())
    client.post(share_page.url, story_data(contact_email="someone.else@example.org"))
    slugs = sorted(StoryPage.objects.values_list("slug", flat=True))
    assert slugs == ["asking-patients-cut-our-waiting-times", "asking-patients-cut-our-waiting-times-1"]


@pytest.mark.django_db
def test_control_characters_are_refused_with_a_message(client, share_page):
    response = client.post(
        share_page.url, story_data(organization="Riverside\x07 Health", results="Fell\x00 by a third.")
    )

    assert response.status_code == 400
    assert not StoryPage.objects.exists()
    form = response.context["form"]
    message = "Remove the hidden control characters from this text. They can come from copying and pasting."
    assert form.errors["organization"] == [message]
    assert form.errors["results"] == [message]
    assert 'href="#id_organization"' in response.content.decode()


@pytest.mark.django_db
def test_line_breaks_and_tabs_are_fine(client, share_page):
    response = client.post(share_page.url, story_data(what_they_did="First.\r\n\r\n\tSecond.", results="A\r\nB"))
    assert response.status_code == 200
    story = StoryPage.objects.get()
    assert story.approach == "<p>First.</p><p>Second.</p>"
    assert story.results == "<p>A<br/>B</p>"


@pytest.mark.django_db
def test_consent_is_required(client, share_page):
    data = story_data()
    del data["consent"]
    response = client.post(share_page.url, data)
    assert response.status_code == 400
    assert "consent" in response.context["form"].errors
    assert not StoryPage.objects.exists()


@pytest.mark.django_db
def test_a_sent_story_is_not_public(client, share_page, story_index):
    factories.StoryPageFactory(parent=story_index, title="A published story")
    client.post(share_page.url, story_data())
    draft = StoryPage.objects.get(live=False)

    listing = client.get(story_index.url)
    assert listing.status_code == 200
    assert b"A published story" in listing.content
    assert draft.title.encode() not in listing.content
    assert client.get(f"/stories/{draft.slug}/").status_code == 404


@pytest.mark.django_db
def test_editors_see_submissions_but_cannot_add_or_change_them(client, share_page, django_user_model):
    client.post(share_page.url, story_data())
    submission = StorySubmission.objects.get()
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(admin)

    listing = client.get("/admin/snippets/engage/storysubmission/")
    assert listing.status_code == 200
    assert EMAIL in listing.content.decode()
    inspect = client.get(f"/admin/snippets/engage/storysubmission/inspect/{submission.pk}/")
    assert inspect.status_code == 200 and "+1 555 0100" in inspect.content.decode()
    assert client.get("/admin/snippets/engage/storysubmission/add/").status_code in (302, 403)
    assert client.get(f"/admin/snippets/engage/storysubmission/edit/{submission.pk}/").status_code in (302, 403)


def test_summaries_are_cut_between_words():
    text = "word " * 100
    summary = shorten(text)
    assert len(summary) <= 300
    assert summary.endswith("word…")
    assert shorten("Short and sweet.") == "Short and sweet."
    assert shorten("x" * 400) == "x" * 299 + "…"


def test_plain_text_becomes_escaped_paragraphs():
    html = text_to_paragraphs("<b>One</b>\n\n\nTwo & three\nfour")
    assert html == "<p>&lt;b&gt;One&lt;/b&gt;</p><p>Two &amp; three<br/>four</p>"
    assert text_to_paragraphs("   ") == ""


def test_rates_are_parsed():
    assert ratelimit.parse_rate("5/h") == (5, 3600)
    assert ratelimit.parse_rate("10/m") == (10, 60)
    assert ratelimit.parse_rate("1/d") == (1, 86400)
    for bad in ("5", "five/h", "5/w", "-1/s"):
        with pytest.raises(Exception, match="Rate"):
            ratelimit.parse_rate(bad)


def test_the_rate_limiter_counts_each_address_on_its_own():
    cache.clear()
    factory = RequestFactory()
    one = factory.post("/", REMOTE_ADDR="192.0.2.1")
    other = factory.post("/", REMOTE_ADDR="192.0.2.2")
    assert [ratelimit.hit("test", one, "2/m") for _ in range(3)] == [True, True, False]
    assert ratelimit.hit("test", other, "2/m")
    assert ratelimit.hit("another-form", one, "2/m")
