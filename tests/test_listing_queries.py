"""Every public page type, in English and in Spanish, renders in at most
MAX_QUERIES SQL queries, and in the same number with a few stories as with
a thousand more.

"Warm" below means the template fragments (the menu, the story cards) and
the image renditions are already in the cache: the state between changes,
since a fragment's key holds what it shows. "Cold" means every cache is
empty (the first view after a publish, or after a deploy): that request
renders every fragment, so it is allowed more (COLD_MAX_QUERIES). The
full-page cache is off throughout: these are the queries of a page
actually rendered, each for a new anonymous visitor (no cookies)."""

import uuid

import pytest
import wagtail_factories
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from engage.models import ShareStoryPage
from home.models import WorkingGroupMember
from stories.models import StoryCommitment, StoryIndexPage, StoryPage
from tests import factories

MAX_QUERIES = 12
# With every cache empty a page also loads what its cards and menu show to
# render them, and finds each image rendition in the database rather than
# in the cache (up to 20 queries here, the Spanish home page); the first
# page of this new site also makes its settings and the renditions (32).
COLD_MAX_QUERIES = 42
MANY_STORIES = 1000

ENGLISH_PAGES = [
    "/",
    "/commitments/",
    "/commitments/safe/",
    "/commitments/crosswalk/",
    "/stories/",
    "/stories/?commitment=safe&sector=payers",
    "/stories/story-1/",
    "/search/?q=story",
    "/about/",
    "/about/working-group/",
    "/engage/",
    "/engage/survey/",
    "/engage/share-your-story/",
]
# Translated: home, commitments, one commitment, the story index, one
# story. Aliases (shown in English with a notice): the rest.
SPANISH_PAGES = [
    "/es/",
    "/es/commitments/",
    "/es/commitments/safe/",
    "/es/commitments/crosswalk/",
    "/es/stories/",
    "/es/stories/?commitment=safe",
    "/es/stories/story-1/",
    "/es/search/?q=story",
    "/es/about/",
    "/es/about/working-group/",
    "/es/engage/",
    "/es/engage/survey/",
    "/es/engage/share-your-story/",
]
PAGES = ENGLISH_PAGES + SPANISH_PAGES


@pytest.fixture(autouse=True)
def _no_full_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def site(home_page, commitments, story_index):
    """A small bilingual site with every page type."""
    image = wagtail_factories.ImageFactory()
    home_page.hero_image = image
    home_page.save_revision().publish()
    commitment_index = commitments[0].get_parent()
    crosswalk = factories.CrosswalkPageFactory(parent=commitment_index)
    sector = factories.SectorFactory(slug="payers")
    stakeholder = factories.StakeholderFactory(slug="patients")
    stories = [
        factories.StoryPageFactory(
            parent=story_index,
            title=f"Story {n}",
            slug=f"story-{n}",
            sector=sector,
            hero_image=image,
            hero_image_alt="An illustration",
        )
        for n in range(1, 6)
    ]
    for story in stories:
        factories.link_story(story, commitments=commitments[:2], stakeholders=[stakeholder])
    home_page.featured_stories.create(story=stories[0])
    about = factories.StandardPageFactory(parent=home_page, title="About", slug="about", show_in_menus=True)
    group = factories.WorkingGroupPageFactory(parent=about, slug="working-group", image=image)
    WorkingGroupMember.objects.create(page=group, person=factories.PersonFactory(), locale=group.locale)
    engage = factories.EngagePageFactory(parent=home_page, show_in_menus=True)
    survey = factories.SurveyPageFactory(parent=engage)
    factories.SurveyFormFieldFactory(page=survey)
    engage.add_child(instance=ShareStoryPage(title="Share your story", slug="share-your-story"))
    story_index.show_in_menus = True
    story_index.save_revision().publish()

    spanish = Locale.objects.create(language_code="es")
    factories.publish_translation(home_page, spanish, title="Compromisos Compartidos")
    factories.publish_translation(commitment_index, spanish, title="Los Compromisos")
    factories.publish_translation(commitments[1], spanish, title="Seguro")
    factories.publish_translation(story_index, spanish, title="Historias")
    factories.publish_translation(stories[0], spanish, title="Historia 1")
    factories.publish_translation(stories[1], spanish, title="Historia 2")  # so the Spanish story has related stories
    share = engage.get_children().type(ShareStoryPage).first().specific
    for page in (crosswalk, about, group, engage, survey, share):
        page.copy_for_translation(spanish, copy_parents=True, alias=True)
    return {"story_index": story_index, "commitments": commitments, "sector": sector, "image": image}


def add_stories(index, count, sector, commitment, image):
    """`count` live stories under `index`, inserted in bulk: tree paths are
    worked out as treebeard would (the next free steps under the index),
    and each story has a sector, an image and a commitment, like the
    stories on the cards."""
    index = StoryIndexPage.objects.get(pk=index.pk)
    now = timezone.now()
    first_step = index.numchild + 1
    content_type_id = ContentType.objects.get_for_model(StoryPage).pk
    pages = Page.objects.bulk_create(
        [
            Page(
                title=f"Bulk story {step}",
                draft_title=f"Bulk story {step}",
                slug=f"bulk-story-{step}",
                path=StoryPage._get_path(index.path, index.depth + 1, step),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}bulk-story-{step}/",
                content_type_id=content_type_id,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
            for step in range(first_step, first_step + count)
        ]
    )
    if pages[0].pk is None:  # backends that do not return keys from bulk inserts
        pages = list(Page.objects.filter(path__in=[page.path for page in pages]).order_by("path"))
    for page in pages:
        story = StoryPage(
            page_ptr_id=page.pk,
            summary="A team learned from its own care.",
            organization="Riverside Health",
            date=now.date(),
            sector=sector,
            hero_image=image,
            hero_image_alt="An illustration",
            challenge="<p>Too many infections.</p>",
            approach="<p>They screened every patient.</p>",
            results="<p>Infections fell.</p>",
        )
        story.save_base(raw=True)  # the Page row exists: only the story's own row
    StoryCommitment.objects.bulk_create(
        [StoryCommitment(page_id=page.pk, commitment=commitment, sort_order=0) for page in pages]
    )
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)


def count_queries(path):
    """The queries of `path` for a new anonymous visitor."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    assert response.status_code == 200, path
    return len(queries)


def warm(paths):
    for path in paths:
        Client().get(path)


@pytest.mark.django_db
def test_every_page_stays_within_the_bound_however_many_stories(site, subtests, django_assert_max_num_queries):
    warm(PAGES)
    few = {path: count_queries(path) for path in PAGES}

    spanish_index = StoryIndexPage.objects.get(locale__language_code="es")
    add_stories(site["story_index"], MANY_STORIES, site["sector"], site["commitments"][1], site["image"])
    add_stories(spanish_index, MANY_STORIES, None, site["commitments"][1], site["image"])
    # Bulk inserts send no signals; nothing needs them: the new stories'
    # cards are new fragment keys.
    late_pages = ["/stories/?page=80", "/es/stories/?page=80"]
    warm(PAGES + late_pages)
    for path in PAGES + late_pages:
        with subtests.test(path=path), django_assert_max_num_queries(MAX_QUERIES, info=path):
            assert Client().get(path).status_code == 200
    many = {path: count_queries(path) for path in PAGES}
    assert many == few, {path: (few[path], many[path]) for path in PAGES if few[path] != many[path]}
    assert count_queries("/stories/?page=80") == few["/stories/"]

    last = Client().get(f"/stories/?page={(MANY_STORIES + 5 + 11) // 12}")
    assert len(last.context["stories"]) == ((MANY_STORIES + 5) % 12 or 12)


@pytest.mark.django_db
def test_a_cold_render_stays_within_its_own_bound(site):
    for path in PAGES:
        cache.clear()
        caches["template_fragments"].clear()
        assert count_queries(path) <= COLD_MAX_QUERIES, path


@pytest.mark.django_db
def test_a_newly_published_section_is_in_the_menu_on_the_next_request(client, site, home_page):
    assert "Resources" not in client.get("/commitments/").content.decode()
    page = factories.StandardPageFactory(parent=home_page, title="Resources", slug="resources", show_in_menus=True)
    page.save_revision().publish()
    html = client.get("/commitments/").content.decode()
    assert '<a href="/resources/">Resources</a>' in html


@pytest.mark.django_db
def test_a_private_section_never_appears(client, site, home_page):
    private = factories.StandardPageFactory(parent=home_page, title="Members only", slug="members", show_in_menus=True)
    private.save_revision().publish()
    client.get("/")  # the menu is cached with the page in it
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for path in ("/", "/commitments/", "/about/", "/es/"):
        assert "Members only" not in client.get(path).content.decode(), path
    assert client.get("/members/").status_code == 302  # to the login page
