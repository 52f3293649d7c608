"""The full-page cache for anonymous visitors (core/page_cache.py): what is
served from it, what never is, and that each kind of change is visible on
the next request while unrelated pages stay cached."""

import socket
import uuid
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.core.cache import caches
from django.test import Client, override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation

from engage.models import ShareStoryPage, SurveyPage
from home.models import FooterText, SiteSettings
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def site(home_page, story_index, commitments):
    about = factories.StandardPageFactory(parent=home_page, title="About", slug="about", show_in_menus=True)
    team = factories.StandardPageFactory(parent=about, title="Our team", slug="team")
    contact = factories.StandardPageFactory(parent=about, title="Contact us", slug="contact")
    story = factories.StoryPageFactory(parent=story_index, title="Fewer infections", slug="fewer-infections")
    factories.link_story(story, commitments=[commitments[1]])
    # Made on the first request otherwise, which purges everything.
    SiteSettings.for_site(Site.objects.get())
    return SimpleNamespace(
        home=home_page, index=story_index, story=story, commitments=commitments, about=about, team=team, contact=contact
    )


def cached(client, path):
    """Request `path` twice; the second answer, which should be the cache's."""
    client.get(path)
    return client.get(path)


def fresh_view(client, path):
    response = client.get(path)
    assert response["X-Page-Cache"] != "hit", f"{path} was served from the cache"
    return response.content.decode()


# Serving -------------------------------------------------------------------


def test_second_anonymous_view_is_a_hit_without_a_database_query(client, site, django_assert_num_queries):
    first = client.get("/stories/fewer-infections/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/stories/fewer-infections/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_query_strings_are_cached_apart_and_tracking_parameters_ignored(client, site):
    assert cached(client, "/stories/?page=1")["X-Page-Cache"] == "hit"
    assert client.get("/stories/")["X-Page-Cache"] == "miss"
    assert client.get("/stories/?utm_source=newsletter&page=1")["X-Page-Cache"] == "hit"


def test_logged_in_views_are_never_cached(client, site, admin_user):
    cached(client, "/stories/fewer-infections/")
    client.force_login(admin_user)
    for _ in range(2):
        response = client.get("/stories/fewer-infections/")
        assert response["X-Page-Cache"] == "skip"


def test_preview_and_draft_are_never_cached(client, site, admin_user):
    client.force_login(admin_user)
    factories.publish(site.story, title="Published title")
    site.story.title = "Draft title"
    site.story.save_revision()
    for _ in range(2):
        draft = client.get(f"/admin/pages/{site.story.pk}/view_draft/")
        assert draft.status_code == 200 and "Draft title" in draft.content.decode()
        assert draft["X-Page-Cache"] == "skip"
    client.logout()
    assert "Draft title" not in cached(client, "/stories/fewer-infections/").content.decode()


@pytest.fixture
def form_pages(home_page, story_index):
    engage = factories.EngagePageFactory(parent=home_page)
    survey = factories.SurveyPageFactory(parent=engage)
    factories.SurveyFormFieldFactory(page=survey, label="Are you working toward it?")
    factories.ShareStoryPageFactory(parent=engage)
    return ["/engage/survey/", "/engage/share-your-story/"]


def test_form_pages_are_never_cached_and_always_hold_a_fresh_csrf_token(client, form_pages):
    for path in form_pages:
        for _ in range(2):
            response = client.get(path)
            assert response.status_code == 200
            assert response["X-Page-Cache"] == "skip", path
            assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_opening_a_form_page_leaves_the_visitor_served_from_the_cache(client, site, form_pages):
    """A form page holds a CSRF token, not a session: the visitor's next
    page is still the cached one."""
    for path in form_pages:
        cached(client, "/stories/fewer-infections/")
        client.get(path)
        assert client.get("/stories/fewer-infections/")["X-Page-Cache"] == "hit", path


def test_no_cached_page_holds_a_csrf_token(demo_site):
    """Every page of the demo site, in both languages, with the routes of
    routable pages, the sitemap and search, each asked for by a new
    anonymous visitor."""
    paths = {"/sitemap.xml": None, "/robots.txt": None, "/search/?q=care": None, "/es/search/?q=care": None}
    for page in Page.objects.live().filter(depth__gt=1).specific():
        paths[page.url] = type(page)
        for pattern in getattr(page, "get_subpage_urls", list)():
            if not pattern.pattern.converters:
                paths[page.url + page.reverse_subpage(pattern.name).lstrip("/")] = type(page)
    hits = set()
    for path in paths:
        Client().get(path)
        response = Client().get(path)
        if response["X-Page-Cache"] == "hit":
            hits.add(path)
            assert b"csrfmiddlewaretoken" not in response.content, path
    form_urls = {page.url for page in Page.objects.live().type(SurveyPage, ShareStoryPage)}
    assert form_urls and not form_urls & hits
    # Every other page type is cached (the survey through its public summary).
    assert {paths[path] for path in hits} == set(paths.values()) - {ShareStoryPage}
    assert {"/es/commitments/safe/", "/stories/feed/", "/sitemap.xml"} <= hits


def test_page_cache_off(client, site, settings):
    settings.PAGE_CACHE_ENABLED = False
    response = cached(client, "/stories/fewer-infections/")
    assert "X-Page-Cache" not in response


# Purging -------------------------------------------------------------------


def test_publishing_a_story_shows_on_the_story_its_index_home_and_commitment(client, site):
    paths = ["/stories/fewer-infections/", "/stories/", "/", "/stories/feed/", "/commitments/safe/"]
    for path in paths:
        assert "Fewer infections" in cached(client, path).content.decode(), path
    factories.publish(site.story, title="Infections halved")
    for path in paths:
        html = fresh_view(client, path)
        assert "Infections halved" in html and "Fewer infections" not in html, path


def test_publishing_a_story_leaves_unrelated_pages_cached(client, site):
    unrelated = ["/about/team/", "/commitments/engaged/", "/about/"]
    for path in unrelated:
        cached(client, path)
    factories.publish(site.story, title="Infections halved")
    for path in unrelated:
        assert client.get(path)["X-Page-Cache"] == "hit", path


def test_unpublishing_a_story(client, site):
    cached(client, "/stories/fewer-infections/")
    cached(client, "/stories/")
    site.story.unpublish()
    assert client.get("/stories/fewer-infections/").status_code == 404
    assert "Fewer infections" not in fresh_view(client, "/stories/")


def test_deleting_a_story(client, site):
    cached(client, "/stories/fewer-infections/")
    cached(client, "/stories/")
    site.story.delete()
    assert client.get("/stories/fewer-infections/").status_code == 404
    assert "Fewer infections" not in fresh_view(client, "/stories/")


def test_moving_a_page(client, site):
    cached(client, "/about/team/")
    cached(client, "/about/contact/")
    site.team.move(site.contact, pos="last-child")
    assert client.get("/about/team/").status_code in (301, 404)
    assert client.get("/about/contact/team/").status_code == 200
    assert "Our team" in fresh_view(client, "/about/contact/")


def test_changing_a_slug_retires_the_old_address(client, site, django_capture_on_commit_callbacks):
    cached(client, "/stories/fewer-infections/")
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail reports the change on commit
        factories.publish(site.story, slug="infections-halved")
    assert client.get("/stories/fewer-infections/")["X-Page-Cache"] != "hit"
    assert client.get("/stories/infections-halved/").status_code == 200


def test_publishing_a_menu_page_purges_every_page(client, site):
    cached(client, "/stories/fewer-infections/")
    factories.publish(site.about, title="Who we are")
    assert "Who we are" in fresh_view(client, "/stories/fewer-infections/")


def test_editing_a_person_shows_on_the_pages_that_show_them(client, site):
    group = factories.WorkingGroupPageFactory(parent=site.about, title="Quality group", slug="quality")
    person = factories.PersonFactory(name="Ana López")
    group.members.create(person=person, locale=group.locale)
    factories.publish(group)  # the reference index learns about the member
    assert "Ana López" in cached(client, "/about/quality/").content.decode()
    cached(client, "/about/team/")
    person.name = "Ana López García"
    person.save()
    assert "Ana López García" in fresh_view(client, "/about/quality/")
    assert client.get("/about/team/")["X-Page-Cache"] == "hit"


def test_publishing_the_footer_shows_on_every_page(client, site):
    footer = FooterText.objects.create(body="Old footer words.", locale=Locale.get_default(), live=True)
    for path in ("/", "/stories/fewer-infections/"):
        assert "Old footer words." in cached(client, path).content.decode()
    footer.body = "New footer words."
    footer.save_revision().publish()
    for path in ("/", "/stories/fewer-infections/"):
        assert "New footer words." in fresh_view(client, path)


def test_site_settings_change_shows_on_every_page(client, site):
    settings_for_site = SiteSettings.for_site(Site.objects.get())
    cached(client, "/stories/fewer-infections/")
    settings_for_site.contact_email = "hello@commons.example"
    settings_for_site.save()
    assert "hello@commons.example" in fresh_view(client, "/stories/fewer-infections/")


def _start_translation(admin_client, page, locale):
    response = admin_client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]})
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def test_publishing_a_translation(client, site, spanish, admin_user, django_capture_on_commit_callbacks):
    es_home = site.home.copy_for_translation(spanish)
    es_home.save_revision().publish()
    client.force_login(admin_user)
    index = _start_translation(client, site.commitments[0].get_parent(), spanish)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        index.save_target(publish=True)
    record = _start_translation(client, site.commitments[1], spanish)
    client.post(f"/admin/localize/translate/{record.pk}/machine_translate/")
    client.logout()

    alternate = '<link rel="alternate" hreflang="es"'
    assert alternate not in cached(client, "/commitments/safe/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        record.save_target(publish=True)
    assert alternate in fresh_view(client, "/commitments/safe/")
    reversed_summary = "first. goals own people's puts that Care"
    assert "first. goals own" in cached(client, "/es/commitments/safe/").content.decode()

    StringTranslation.objects.filter(locale=spanish, data=reversed_summary).update(data="Atención que evita daños.")
    with django_capture_on_commit_callbacks(execute=True):
        record.save_target(publish=True)
    assert "Atención que evita daños." in fresh_view(client, "/es/commitments/safe/")


# The CDN -------------------------------------------------------------------


class RecordingBackend(BaseBackend):
    """Stands in for a CDN: remembers what it was told to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def recording_cdn():
    RecordingBackend.purged = []
    with override_settings(WAGTAILFRONTENDCACHE={"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}):
        yield RecordingBackend.purged


def test_the_cdn_is_told_the_same_urls_after_the_commit(site, recording_cdn, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        factories.publish(site.story, title="Infections halved")
    assert recording_cdn == []  # nothing before the commit
    for callback in callbacks:
        callback()
    paths = {urlsplit(url).path for url in recording_cdn}
    assert {"/stories/fewer-infections/", "/stories/", "/stories/feed/", "/", "/commitments/safe/"} <= paths
    assert "/sitemap.xml" in paths
    assert "/about/team/" not in paths


def test_no_cdn_unless_configured(settings):
    """The page cache is the only frontend cache backend by default."""
    assert list(settings.WAGTAILFRONTENDCACHE) == ["pagecache"]


# Redis ---------------------------------------------------------------------


def _redis_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _redis_reachable(), reason="no Redis server at 127.0.0.1:6379")
def test_with_redis(client, site):
    """As lhs_cms/settings/base.py configures Redis, under this test's own
    key prefix."""
    prefix = f"page-cache-test-{uuid.uuid4().hex}"
    redis_cache = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": f"{prefix}:{alias}",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
        for alias in ("default", "template_fragments")
    }
    with override_settings(CACHES=redis_cache):
        try:
            assert cached(client, "/stories/fewer-infections/")["X-Page-Cache"] == "hit"
            factories.publish(site.story, title="Infections halved")
            assert "Infections halved" in fresh_view(client, "/stories/fewer-infections/")
        finally:
            # Only this test's keys: the server may hold other data.
            for alias in redis_cache:
                caches[alias].delete_pattern("*")
