"""One cache layer, correct by construction (issue 12).

Invariants checked here, each as a visitor or editor would notice it:
- a deploy that changes a template shows the new markup on the next
  request, although the old markup is still in the shared cache (the
  release is in every page and fragment key);
- a page that becomes restricted is never again served to an anonymous
  visitor from any cache;
- search is never cached: an edited promotion shows on the next search
  and every search counts for "popular searches";
- for each page type, its publish purges exactly the pages that show it
  (its own URLs in every language, its listings, the pages linking to it),
  and leaves unrelated pages cached."""

import datetime
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.test import override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, PageViewRestriction, Site

from home.models import SiteSettings
from lhs_cms.release import release_digest
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]

PURGED = []


class RecordingBackend(BaseBackend):
    """A frontend cache (a CDN) that writes down what it is told to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def site(home_page, story_index, commitments):
    about = factories.StandardPageFactory(parent=home_page, title="About", slug="about", show_in_menus=True)
    groups = factories.StandardPageFactory(parent=about, title="Working groups", slug="working-groups")
    story = factories.StoryPageFactory(parent=story_index, title="Fewer infections", slug="fewer-infections")
    factories.link_story(story, commitments=[commitments[1]])
    beside = factories.StoryPageFactory(parent=story_index, title="Safer wards", slug="safer-wards")
    factories.link_story(beside, commitments=[commitments[1]])
    apart = factories.StoryPageFactory(parent=story_index, title="Shorter waits", slug="shorter-waits")
    factories.link_story(apart, commitments=[commitments[2]])
    SiteSettings.for_site(Site.objects.get())
    return SimpleNamespace(
        home=home_page,
        index=story_index,
        story=story,
        beside=beside,
        apart=apart,
        commitments=commitments,
        about=about,
        groups=groups,
    )


def cached(client, path):
    client.get(path)
    response = client.get(path)
    assert response["X-Page-Cache"] == "hit", path
    return response


# A deploy --------------------------------------------------------------------


def test_a_deploy_with_a_changed_card_template_shows_the_new_markup_on_the_next_request(
    client, site, settings, tmp_path
):
    cached(client, site.index.url)
    assert b"story-card" in client.get(site.index.url).content
    # The new release: a changed card template, so a new release id.
    (tmp_path / "includes").mkdir()
    original = (settings.BASE_DIR / "templates/includes/story_card.html").read_text()
    (tmp_path / "includes/story_card.html").write_text(original.replace("story-card", "story-card story-card--v2"))
    templates = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    fragments = {**settings.CACHES["template_fragments"], "KEY_PREFIX": "lhs:next-release"}
    with override_settings(
        RELEASE_ID="next-release", TEMPLATES=templates, CACHES={**settings.CACHES, "template_fragments": fragments}
    ):
        response = client.get(site.index.url)
    assert response["X-Page-Cache"] != "hit"
    assert b"story-card--v2" in response.content


def test_the_release_id_changes_when_a_template_changes(tmp_path):
    (tmp_path / "templates").mkdir()
    card = tmp_path / "templates/card.html"
    card.write_text("<article>")
    before = release_digest(tmp_path)
    assert release_digest(tmp_path) == before
    card.write_text("<article class='v2'>")
    assert release_digest(tmp_path) != before


# Restricted pages ------------------------------------------------------------


def test_a_page_restricted_after_it_was_cached_is_never_served_to_an_anonymous_visitor(client, site):
    cached(client, site.story.url)
    PageViewRestriction.objects.create(page=site.story, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(site.story.url)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]
    # Not stored either: the next anonymous visitor is redirected too.
    assert client.get(site.story.url).status_code == 302


def test_a_restricted_story_leaves_the_listings_at_once(client, site):
    assert b"Fewer infections" in cached(client, site.index.url).content
    PageViewRestriction.objects.create(page=site.story, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(site.index.url)
    assert response["X-Page-Cache"] != "hit"
    assert b"Fewer infections" not in response.content


def test_a_restricted_section_is_never_stored(client, site):
    PageViewRestriction.objects.create(page=site.about, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response = client.get(site.groups.url)
        assert response.status_code == 302
        assert response.get("X-Page-Cache") != "hit"


# Search ------------------------------------------------------------------------


def test_an_edited_search_promotion_shows_on_the_next_search(client, site):
    query = Query.get("infection")
    promotion = SearchPromotion.objects.create(query=query, page=site.story, description="Our pick", sort_order=0)
    assert "Our pick" in client.get("/search/?q=infection").content.decode()
    promotion.description = "Read this first"
    promotion.save()
    response = client.get("/search/?q=infection")
    assert "Read this first" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_every_search_counts_for_popular_searches(client, site):
    for _ in range(3):
        client.get("/search/?q=sepsis")
    assert Query.get("sepsis").hits == 3


# What a publish purges, per page type -------------------------------------------


@pytest.fixture
def purged(django_capture_on_commit_callbacks):
    """The paths each publish sends to the frontend caches, after the commit."""
    PURGED.clear()
    backends = {"pagecache": {"BACKEND": "core.page_cache.PageCacheBackend"}}
    backends["cdn"] = {"BACKEND": f"{__name__}.RecordingBackend"}

    def publish_and_collect(page, **fields):
        PURGED.clear()
        with override_settings(WAGTAILFRONTENDCACHE=backends), django_capture_on_commit_callbacks(execute=True):
            factories.publish(page, **fields)
        return {urlsplit(url).path for url in PURGED}

    return publish_and_collect


def test_a_story_purges_itself_its_listing_feeds_home_commitments_and_the_stories_beside_it(site, purged):
    paths = purged(site.story, title="Far fewer infections")
    assert {
        site.story.url,
        site.index.url,
        f"{site.index.url}feed/",
        f"{site.index.url}feed/atom/",
        site.home.url,
        site.commitments[1].url,
        site.beside.url,
        "/sitemap.xml",
    } <= paths
    assert site.apart.url not in paths
    assert site.commitments[2].url not in paths
    assert site.about.url not in paths


def test_a_commitment_purges_itself_its_listing_home_story_listing_and_the_stories_naming_it(site, purged):
    paths = purged(site.commitments[1], title="Renamed commitment")
    assert {site.commitments[1].url, site.home.url, site.index.url, site.story.url, site.beside.url} <= paths
    assert site.apart.url not in paths


def test_a_page_below_the_menu_purges_itself_its_parent_and_children(site, purged):
    paths = purged(site.groups, title="Groups at work")
    assert {site.groups.url, site.about.url, "/sitemap.xml"} <= paths
    assert site.story.url not in paths
    assert site.home.url not in paths


def test_a_survey_purges_itself_its_public_summary_and_its_section(site, purged):
    engage = factories.EngagePageFactory(parent=site.home)
    survey = factories.SurveyPageFactory(parent=engage)
    paths = purged(survey, title="Tell us how you learn")
    assert {survey.url, f"{survey.url}results/", engage.url} <= paths
    assert site.story.url not in paths


def test_a_page_in_the_main_menu_purges_every_page(site, purged):
    paths = purged(site.about, title="About us")
    assert {site.home.url, site.story.url, site.apart.url, site.commitments[2].url, site.groups.url} <= paths


def test_unrelated_pages_stay_cached_after_a_story_is_published(client, site):
    cached(client, site.apart.url)
    cached(client, site.about.url)
    factories.publish(site.story, title="Far fewer infections")
    assert client.get(site.apart.url)["X-Page-Cache"] == "hit"
    assert client.get(site.about.url)["X-Page-Cache"] == "hit"
    assert b"Far fewer infections" in client.get(site.index.url).content


def test_a_renamed_sector_shows_on_the_story_cards_of_the_listing(client, site):
    sector = factories.SectorFactory(name="Hospitals", slug="hospitals")
    factories.publish(site.story, sector=sector)
    assert b"Hospitals" in cached(client, site.index.url).content
    sector.name = "Acute care hospitals"
    sector.save()
    assert b"Acute care hospitals" in client.get(site.index.url).content


def test_an_older_story_does_not_purge_the_stories_it_is_not_shown_beside(site, story_index, commitments, purged):
    """Related stories are the newest three sharing a commitment: with four
    newer stories on that commitment, the oldest is shown beside none."""
    newer = []
    for day in range(1, 5):
        story = factories.StoryPageFactory(
            parent=story_index, title=f"Newer {day}", slug=f"newer-{day}", date=datetime.date(2030, 1, day)
        )
        factories.link_story(story, commitments=[commitments[2]])
        newer.append(story)
    oldest = factories.StoryPageFactory(
        parent=story_index, title="Oldest", slug="oldest", date=datetime.date(2001, 1, 1)
    )
    factories.link_story(oldest, commitments=[commitments[2]])
    paths = purged(oldest, title="The oldest, renamed")
    assert {oldest.url, story_index.url, commitments[2].url} <= paths
    assert not {story.url for story in newer} & paths
    # The newest is shown beside every story of its commitment.
    paths = purged(newer[-1], title="The newest, renamed")
    assert {oldest.url, newer[0].url, site.apart.url} <= paths


def test_the_spanish_alias_of_a_restricted_story_is_private_too(client, site):
    """An alias takes its source's view restrictions: listed nowhere, and
    never served to an anonymous visitor."""
    spanish = Locale.objects.create(language_code="es")
    es_home = site.home.copy_for_translation(spanish)
    es_home.save_revision().publish()
    es_index = site.index.copy_for_translation(spanish, alias=True)
    alias = site.story.copy_for_translation(spanish, alias=True)
    beside = site.beside.copy_for_translation(spanish, alias=True)
    assert b"Fewer infections" in cached(client, es_index.url).content
    PageViewRestriction.objects.create(page=site.story, restriction_type=PageViewRestriction.LOGIN)
    listing = client.get(es_index.url).content
    assert b"Fewer infections" not in listing
    assert b"Safer wards" in listing and beside.live
    assert client.get(alias.url).status_code == 302


def test_a_renamed_commitment_shows_on_the_story_cards_of_the_listing(client, site):
    assert b"Far safer" not in cached(client, site.index.url).content
    factories.publish(site.commitments[1], title="Far safer")
    response = client.get(site.index.url)
    assert response["X-Page-Cache"] != "hit"
    cards = response.content.decode().split('class="card story-card"')[1:]
    assert any("Far safer" in card for card in cards)
