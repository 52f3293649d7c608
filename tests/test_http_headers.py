"""Cache-Control: shared caches (a CDN) may keep public pages for a few
minutes and serve them a little stale while refetching; the admin, forms,
previews, search (every search is counted) and anything for a signed-in
visitor are never stored anywhere."""

import pytest
from django.utils.cache import get_max_age
from wagtail.models import Site

from home.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page, story_index):
    story = factories.StoryPageFactory(parent=story_index, slug="fewer-infections")
    engage = factories.EngagePageFactory(parent=home_page)
    survey = factories.SurveyPageFactory(parent=engage)
    factories.SurveyFormFieldFactory(page=survey)
    factories.ShareStoryPageFactory(parent=engage)
    SiteSettings.for_site(Site.objects.get())
    return story


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def assert_never_stored(response):
    assert {"private", "no-store"} <= directives(response)
    assert "public" not in directives(response)


@pytest.mark.parametrize("path", ["/", "/stories/", "/stories/fewer-infections/", "/stories/feed/", "/sitemap.xml"])
def test_public_pages_may_be_kept_by_shared_caches(client, site, settings, path):
    for _ in range(2):  # the same from the page cache
        response = client.get(path)
        assert response.status_code == 200
        assert directives(response) == {
            "public",
            "max-age=0",
            f"s-maxage={settings.PAGE_CACHE_SECONDS}",
            "stale-while-revalidate=60",
        }
        assert "Cookie" in response["Vary"]


def test_admin_is_never_stored(client, site, admin_user, settings):
    assert_never_stored(client.get(f"/{settings.ADMIN_PATH}/login/"))
    client.force_login(admin_user)
    assert_never_stored(client.get(f"/{settings.ADMIN_PATH}/"))
    assert_never_stored(client.get(f"/{settings.ADMIN_PATH}/pages/{site.pk}/edit/"))


@pytest.mark.parametrize("path", ["/engage/survey/", "/engage/share-your-story/"])
def test_forms_are_never_stored(client, site, path):
    assert_never_stored(client.get(path))


@pytest.mark.parametrize("path", ["/search/?q=care", "/search/"])
def test_search_is_never_stored(client, site, path):
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200
        assert_never_stored(response)
        assert response.get("X-Page-Cache") != "hit"


def test_preview_is_never_stored(client, site, admin_user, settings):
    client.force_login(admin_user)
    response = client.get(f"/{settings.ADMIN_PATH}/pages/{site.pk}/view_draft/")
    assert response.status_code == 200
    assert_never_stored(response)


def test_public_pages_for_a_signed_in_visitor_are_never_stored(client, site, admin_user):
    client.force_login(admin_user)
    assert_never_stored(client.get("/stories/fewer-infections/"))


def test_a_view_keeps_its_own_public_lifetime(client, site):
    response = client.get("/engage/survey/results/")
    assert response.status_code == 200
    assert "public" in directives(response) and get_max_age(response) == 300


def test_not_found_is_not_marked_public(client, site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")
