"""Snippets visitors read (sectors, stakeholders, frameworks and their
elements, people, resources, footer text) are reviewed like pages: an edit is
not public until the communications review approves it."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Locale, WorkflowContentType

from home.models import WorkingGroupMember
from home.roles import (
    COMMUNICATIONS_REVIEW,
    EDITORS,
    MODERATORS,
    TRANSLATION_REVIEW,
    VISITOR_SNIPPETS,
    ensure_roles,
)
from stories.models import Sector
from tests import factories


@pytest.fixture
def team(db, django_user_model, home_page):
    ensure_roles()

    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {"editor": member("ana", EDITORS), "moderator": member("mo", MODERATORS)}


def sector_form(sector, **changes):
    data = {"name": sector.name, "slug": sector.slug, "description": sector.description, "sort_order": 0}
    return data | changes


def decide(client, sector, action):
    state = sector.current_workflow_task_state
    url = reverse("wagtailsnippets_stories_sector:workflow_action", args=[sector.pk, action, state.pk])
    return client.post(url, {"comment": ""})


def test_every_visitor_snippet_goes_through_the_communications_review(team):
    for app_label, model_name in VISITOR_SNIPPETS:
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
        assert WorkflowContentType.objects.get(content_type=content_type).workflow.name == COMMUNICATIONS_REVIEW


def test_a_sector_edit_is_not_public_until_approved(client, team, story_index):
    sector = factories.SectorFactory(name="Hospitals", slug="hospitals")
    assert sector.live  # rows made before review existed stay public
    edit_url = reverse("wagtailsnippets_stories_sector:edit", args=[sector.pk])

    client.force_login(team["editor"])
    form = client.get(edit_url).content.decode()
    assert 'name="action-publish"' not in form and 'name="action-submit"' in form
    response = client.post(edit_url, sector_form(sector, name="Hospitals and clinics") | {"action-submit": "1"})
    assert response.status_code == 302

    sector.refresh_from_db()
    assert sector.name == "Hospitals" and sector.workflow_in_progress
    listing = client.get(story_index.url).content.decode()
    assert "Hospitals and clinics" not in listing and "Hospitals" in listing

    client.force_login(team["moderator"])
    state = sector.current_workflow_task_state
    screen = reverse("wagtailsnippets_stories_sector:workflow_action", args=[sector.pk, "approve", state.pk])
    assert "reading level" in client.get(screen).json()["html"].lower()  # the review screen works for snippets
    decide(client, sector, "approve")  # plain-language review, by someone other than the author
    sector.refresh_from_db()
    assert sector.name == "Hospitals"
    decide(client, sector, "approve")  # final approval publishes
    sector.refresh_from_db()
    assert sector.name == "Hospitals and clinics" and sector.current_workflow_state is None
    assert "Hospitals and clinics" in client.get(story_index.url).content.decode()


def test_a_new_sector_saved_as_a_draft_is_not_offered_to_visitors(client, team, story_index):
    client.force_login(team["editor"])
    response = client.post(
        reverse("wagtailsnippets_stories_sector:add"),
        {"name": "Pharmacies", "slug": "pharmacies", "description": "", "sort_order": 1},
    )
    assert response.status_code == 302
    draft = Sector.objects.get(slug="pharmacies")
    assert not draft.live
    assert "Pharmacies" not in client.get(story_index.url).content.decode()
    assert client.get(story_index.url, {"sector": "pharmacies"}).status_code == 400


def test_an_unpublished_person_is_not_listed_on_a_working_group(client, team, home_page):
    page = factories.WorkingGroupPageFactory(parent=home_page)
    shown = factories.PersonFactory(name="Dana Published")
    hidden = factories.PersonFactory(name="Lee Draft", live=False)
    for person in (shown, hidden):
        page.members.add(WorkingGroupMember(person=person, locale=page.locale))
    page.save()
    html = client.get(page.url).content.decode()
    assert "Dana Published" in html and "Lee Draft" not in html


def test_a_snippet_is_reviewed_by_the_workflow_of_its_language(db, home_page):
    spanish = Locale.objects.create(language_code="es")
    home_page.copy_for_translation(spanish)
    ensure_roles()
    english = factories.SectorFactory(name="Hospitals", slug="hospitals")
    translated = english.copy_for_translation(spanish)
    translated.save()
    assert english.get_workflow().name == COMMUNICATIONS_REVIEW
    assert translated.get_workflow().name == TRANSLATION_REVIEW
