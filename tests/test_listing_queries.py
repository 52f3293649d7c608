"""Every listing runs a bounded number of queries that does not grow with the
number of stories."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

MAX_QUERIES = {
    "/": 28,
    "/commitments/": 20,
    "/commitments/engaged/": 30,
    "/stories/": 27,
    "/stories/?commitment=safe&sector=payers": 29,
    "/stories/story-1/": 31,  # related stories at the foot
}


def add_stories(story_index, commitments, sector, stakeholder, image, count, start=0):
    for n in range(start, start + count):
        story = factories.StoryPageFactory(
            parent=story_index,
            title=f"Story {n}",
            slug=f"story-{n}",
            sector=sector,
            hero_image=image,
            hero_image_alt="An illustration",
        )
        factories.link_story(story, commitments=commitments, stakeholders=[stakeholder])


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


@pytest.mark.django_db
def test_listings_do_not_grow_with_the_number_of_stories(
    client, django_assert_max_num_queries, home_page, commitments, story_index
):
    home_page.featured_stories.create(story=factories.StoryPageFactory(parent=story_index, title="Featured"))
    sector = factories.SectorFactory(slug="payers")
    stakeholder = factories.StakeholderFactory(slug="patients")
    image = factories.wagtail_factories.ImageFactory()
    add_stories(story_index, commitments[:2], sector, stakeholder, image, count=5)
    for path in MAX_QUERIES:  # fill once-only caches: content types, site root, renditions
        client.get(path)
    few = {path: count_queries(client, path) for path in MAX_QUERIES}

    add_stories(story_index, commitments[:2], sector, stakeholder, image, count=195, start=5)
    for path in MAX_QUERIES:  # renditions for cards that were not on screen before
        client.get(path)
    for path, limit in MAX_QUERIES.items():
        with django_assert_max_num_queries(limit, info=path):
            response = client.get(path)
        assert response.status_code == 200
    many = {path: count_queries(client, path) for path in MAX_QUERIES}
    assert many == few

    last_page = client.get("/stories/?page=17")
    assert len(last_page.context["stories"]) == 201 - 16 * 12
