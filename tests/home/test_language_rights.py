"""Translators change only the translations; English pages take their
translations with them when deleted or unpublished; the pages the site
depends on can be deleted only by a superuser."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page

from home.roles import EDITORS, MODERATORS, TRANSLATORS, ensure_roles
from stories.models import Sector
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish(home_page):
    locale, _created = Locale.objects.get_or_create(language_code="es")
    home_page.copy_for_translation(locale)
    return locale


@pytest.fixture
def people(django_user_model, spanish):
    ensure_roles()  # after the Spanish tree exists: translators' rights are on it

    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "translator": member("tere", TRANSLATORS),
        "editor": member("ana", EDITORS),
        "moderator": member("mo", MODERATORS),
    }


@pytest.fixture
def sectors(spanish):
    english = factories.SectorFactory(name="Hospitals", slug="hospitals")
    translated = english.copy_for_translation(spanish)
    translated.name = "Hospitales"
    translated.save()
    return english, translated


def sector_form(sector, **changes):
    return {"name": sector.name, "slug": sector.slug, "description": "", "sort_order": 0} | changes


def test_a_translator_cannot_change_an_english_snippet_but_can_save_a_spanish_one(client, people, sectors):
    english, spanish_sector = sectors
    client.force_login(people["translator"])

    edit_english = reverse("wagtailsnippets_stories_sector:edit", args=[english.pk])
    refused = client.post(edit_english, sector_form(english, name="Changed by a translator"))
    assert refused.status_code == 403
    assert "Translators change the translations" in refused.content.decode()
    # In the admin's frame, with the way back to the list.
    assert 'role="alert"' in refused.content.decode()
    assert f'href="{reverse("wagtailsnippets_stories_sector:list")}"' in refused.content.decode()
    assert client.get(edit_english).status_code == 403
    english.refresh_from_db()
    assert english.name == "Hospitals"

    edit_spanish = reverse("wagtailsnippets_stories_sector:edit", args=[spanish_sector.pk])
    assert client.get(edit_spanish).status_code == 200
    saved = client.post(edit_spanish, sector_form(spanish_sector, name="Hospitales y clínicas"))
    assert saved.status_code == 302
    spanish_sector.refresh_from_db()
    assert spanish_sector.latest_revision.as_object().name == "Hospitales y clínicas"

    # The listing offers no edit link on the English one.
    listing = client.get(reverse("wagtailsnippets_stories_sector:list"), {"locale": "en"}).content.decode()
    assert edit_english not in listing
    spanish_listing = client.get(reverse("wagtailsnippets_stories_sector:list"), {"locale": "es"}).content.decode()
    assert edit_spanish in spanish_listing

    # Nor may they make a new English one.
    add = reverse("wagtailsnippets_stories_sector:add")
    assert client.post(add, sector_form(english, name="New", slug="new")).status_code == 403
    assert not Sector.objects.filter(slug="new").exists()


def test_an_editor_still_changes_the_english_snippet(client, people, sectors):
    english, _translated = sectors
    client.force_login(people["editor"])
    assert client.get(reverse("wagtailsnippets_stories_sector:edit", args=[english.pk])).status_code == 200


def test_a_translator_cannot_edit_an_english_page(client, people, commitments):
    client.force_login(people["translator"])
    assert client.get(f"/admin/pages/{commitments[0].pk}/edit/").status_code in (302, 403)


def test_only_a_superuser_deletes_the_pages_the_site_depends_on(client, people, commitments, admin_user):
    commitment = commitments[0]
    client.force_login(people["moderator"])
    response = client.post(f"/admin/pages/{commitment.pk}/delete/", follow=True)
    assert "cannot be deleted: the site depends on it" in response.content.decode()
    assert Page.objects.filter(pk=commitment.pk).exists()
    index = commitment.get_parent()
    client.post(f"/admin/pages/{index.pk}/delete/")
    assert Page.objects.filter(pk=index.pk).exists()
    # Bulk deletion is refused the same way.
    bulk = client.post(
        f"/admin/bulk/wagtailcore/page/delete/?id={commitment.pk}&next=/admin/pages/{index.pk}/", follow=True
    )
    assert "cannot be deleted" in bulk.content.decode() and Page.objects.filter(pk=commitment.pk).exists()

    client.force_login(admin_user)
    client.post(f"/admin/pages/{commitment.pk}/delete/")
    assert not Page.objects.filter(pk=commitment.pk).exists()


def test_deleting_an_english_page_lists_and_deletes_its_translations(client, people, story_index, spanish):
    story = factories.StoryPageFactory(parent=story_index, title="Fewer falls")
    story_index.copy_for_translation(spanish)
    translated = story.copy_for_translation(spanish)
    translated.title = "Menos caídas"
    translated.save_revision().publish()
    client.force_login(people["moderator"])

    confirm = client.get(f"/admin/pages/{story.pk}/delete/").content.decode()
    assert "These translations will be deleted too" in confirm and "Menos caídas" in confirm

    client.post(f"/admin/pages/{story.pk}/delete/")
    assert not Page.objects.filter(pk__in=[story.pk, translated.pk]).exists()


def test_unpublishing_an_english_page_lists_and_unpublishes_its_translations(client, people, story_index, spanish):
    story = factories.StoryPageFactory(parent=story_index, title="Fewer falls")
    story_index.copy_for_translation(spanish)
    translated = story.copy_for_translation(spanish)
    translated.title = "Menos caídas"
    translated.save_revision().publish()
    client.force_login(people["moderator"])

    confirm = client.get(f"/admin/pages/{story.pk}/unpublish/").content.decode()
    assert "These translations will be unpublished too" in confirm and "Menos caídas" in confirm

    client.post(f"/admin/pages/{story.pk}/unpublish/")
    story.refresh_from_db()
    translated.refresh_from_db()
    assert not story.live and not translated.live


def test_deleting_a_spanish_page_leaves_the_english_one(client, people, story_index, spanish):
    story = factories.StoryPageFactory(parent=story_index, title="Fewer falls")
    story_index.copy_for_translation(spanish)
    translated = story.copy_for_translation(spanish)
    client.force_login(people["moderator"])
    confirm = client.get(f"/admin/pages/{translated.pk}/delete/").content.decode()
    assert "These translations will be deleted too" not in confirm
    client.post(f"/admin/pages/{translated.pk}/delete/")
    assert Page.objects.filter(pk=story.pk).exists() and not Page.objects.filter(pk=translated.pk).exists()
