"""Pages found by a remembered address (home/routing.py) and the site-wide
pieces each process keeps for the current content version
(home/site_chrome.py): faster, and never stale after a change. The
full-page cache is off here, so every response is a page rendered."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home import content_version, site_chrome
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_full_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def site(home_page, story_index, commitments):
    about = factories.StandardPageFactory(parent=home_page, title="About", slug="about", show_in_menus=True)
    team = factories.StandardPageFactory(parent=about, title="Our team", slug="team")
    contact = factories.StandardPageFactory(parent=about, title="Contact us", slug="contact")
    story = factories.StoryPageFactory(parent=story_index, title="Fewer infections", slug="fewer-infections")
    factories.link_story(story, commitments=[commitments[1]])
    return {"about": about, "team": team, "contact": contact, "story": story}


def tables_read(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return response, [query["sql"] for query in queries]


@pytest.mark.parametrize("path", ["/", "/about/team/", "/stories/", "/stories/fewer-infections/"])
def test_a_known_address_is_served_without_reading_the_site_locale_or_tree(client, site, path):
    client.get(path)
    first, first_queries = tables_read(client, path)  # the site-wide pieces are cached now
    again, queries = tables_read(client, path)
    assert again.content == first.content
    assert not [sql for sql in queries if "wagtailcore_site" in sql or "wagtailcore_locale" in sql]
    assert len(queries) <= len(first_queries)


def test_a_known_address_of_a_page_unpublished_since_is_not_found(client, site):
    client.get("/about/team/")
    assert client.get("/about/team/").status_code == 200
    site["team"].unpublish()
    assert client.get("/about/team/").status_code == 404


def test_a_moved_page_answers_at_its_new_address_only(client, site):
    client.get("/about/team/")
    client.get("/about/team/")
    site["team"].move(site["contact"], pos="last-child")
    assert client.get("/about/team/").status_code in (301, 404)  # a redirect, if Wagtail made one
    assert "Our team" in client.get("/about/contact/team/").content.decode()


def test_a_new_slug_is_followed(client, site, django_capture_on_commit_callbacks):
    client.get("/stories/fewer-infections/")
    story = site["story"]
    story.slug = "infections-halved"
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert client.get("/stories/fewer-infections/").status_code in (301, 404)
    assert client.get("/stories/infections-halved/").status_code == 200


def test_a_routable_pages_sub_path_is_not_taken_for_the_page(client, site):
    feed = client.get("/stories/feed/")
    index = client.get("/stories/")
    assert client.get("/stories/feed/")["Content-Type"] == feed["Content-Type"] != index["Content-Type"]
    assert client.get("/stories/")["Content-Type"] == index["Content-Type"]
    assert "Fewer infections" in client.get("/stories/").content.decode()


def test_a_change_seen_by_another_app_server_reaches_this_one(client, site):
    """Another server changes the content and the version in the shared
    cache; this process's own copies are then never used."""
    client.get("/about/team/")
    assert ">About<" in client.get("/about/team/").content.decode()
    # What another server's publish leaves behind: the row and a new version.
    Page.objects.filter(pk=site["about"].pk).update(title="Who we are")
    content_version.bump()
    html = client.get("/about/team/").content.decode()
    assert ">Who we are<" in html and ">About<" not in html


def test_nothing_is_kept_in_the_process_while_the_shared_cache_is_down(client, site, monkeypatch):
    client.get("/about/")
    monkeypatch.setattr(content_version, "current", lambda: None)  # what an unreachable Redis gives
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    Page.objects.filter(pk=site["about"].pk).update(title="Who we are")
    assert ">Who we are<" in client.get("/about/").content.decode()
    assert None not in site_chrome._process_entries
