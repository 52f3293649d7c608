"""Pages found by their address (core.views.serve_page, core.pages.route_for_request).

Invariants: the page at an address is found in one query however deep it
is; nothing about routing is kept between requests, so a page that is
moved, renamed or unpublished answers at its new address (or not at all)
on the next request, whichever app server made the change; a routable
page's sub-paths (its feeds) stay its own. The full-page cache is off
here, so every response is a page rendered."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

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


def queries_for(client, path):
    client.get(path)  # fragments (the menu) warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def test_a_page_deep_in_the_tree_costs_no_more_queries_than_one_near_the_top(client, site):
    parent = site["team"]
    for slug in ("board", "members", "former"):
        parent = factories.StandardPageFactory(parent=parent, title=slug.title(), slug=slug)
    # Both are standard pages without children: only their depth differs.
    assert queries_for(client, "/about/team/board/members/former/") <= queries_for(client, "/about/contact/")


def test_a_page_unpublished_after_it_was_served_is_not_found(client, site):
    assert client.get("/about/team/").status_code == 200
    site["team"].unpublish()
    assert client.get("/about/team/").status_code == 404


def test_a_moved_page_answers_at_its_new_address_on_the_next_request(client, site):
    assert client.get("/about/team/").status_code == 200
    site["team"].move(site["contact"], pos="last-child")
    assert client.get("/about/team/").status_code in (301, 404)  # a redirect, if Wagtail made one
    assert "Our team" in client.get("/about/contact/team/").content.decode()


def test_a_new_slug_is_followed(client, site, django_capture_on_commit_callbacks):
    assert client.get("/stories/fewer-infections/").status_code == 200
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


def test_a_draft_page_does_not_hide_its_parents_sub_path_or_show_itself(client, site, story_index):
    factories.StoryPageFactory(parent=story_index, title="A draft called feed", slug="feed", live=False)
    assert "rss" in client.get("/stories/feed/")["Content-Type"]
    draft = factories.StoryPageFactory(parent=story_index, title="Still a draft", slug="still-a-draft", live=False)
    assert client.get(f"/stories/{draft.slug}/").status_code == 404


def test_a_change_made_by_another_app_server_shows_on_the_next_request(client, site):
    """Another server changes the row and sends no signal this process
    sees; the menu and breadcrumbs show the new title at once."""
    client.get("/about/team/")
    assert ">About<" in client.get("/about/team/").content.decode()
    Page.objects.filter(pk=site["about"].pk).update(title="Who we are")
    html = client.get("/about/team/").content.decode()
    assert ">Who we are<" in html and ">About<" not in html


def test_a_spanish_address_is_routed_from_the_spanish_home_page(client, site, spanish):
    factories.publish_translation(site["about"], spanish, title="Acerca de")
    html = client.get("/es/about/").content.decode()
    assert "Acerca de" in html
    assert client.get("/es/about/team/").status_code == 404  # not translated, and no alias made


def test_without_a_live_spanish_home_page_spanish_addresses_show_the_english_pages(client, site, spanish, home_page):
    """As Wagtail's Page.localized: a translation that is not live is not
    used, and the site's own home page routes the address."""
    spanish_home = home_page.copy_for_translation(spanish)
    spanish_home.unpublish()
    response = client.get("/es/about/team/")
    assert response.status_code == 200
    assert "Our team" in response.content.decode()


def test_an_address_below_no_page_is_not_found(client, site):
    assert client.get("/no-such-section/team/").status_code == 404
    assert client.get("/about/no-such-page/").status_code == 404
