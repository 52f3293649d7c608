"""The story listing: newest first, filters that combine, pagination that keeps them."""

import pytest
from django.test import Client

from tests import factories


@pytest.fixture
def catalogue(story_index, commitments):
    """Four stories spread across two sectors, two stakeholders and three commitments."""
    engaged, safe, effective = commitments
    payers = factories.SectorFactory(name="Payers", slug="payers")
    hospitals = factories.SectorFactory(name="Hospitals", slug="hospitals")
    patients = factories.StakeholderFactory(name="Patients and families", slug="patients")
    clinicians = factories.StakeholderFactory(name="Clinicians", slug="clinicians")
    specs = [
        ("Safer surgery", hospitals, [safe], [clinicians]),
        ("Shared decisions", payers, [engaged], [patients]),
        ("Fewer infections", hospitals, [safe, effective], [patients, clinicians]),
        ("Better payment", payers, [effective, safe], [clinicians]),
    ]
    stories = {}
    for title, sector, linked, who in specs:
        story = factories.StoryPageFactory(parent=story_index, title=title, sector=sector)
        factories.link_story(story, commitments=linked, stakeholders=who)
        stories[title] = story
    return stories


def titles(response):
    return [story.title for story in response.context["stories"]]


@pytest.mark.django_db
def test_listing_shows_newest_first(client: Client, catalogue):
    response = client.get("/stories/")
    assert response.status_code == 200
    assert titles(response) == ["Better payment", "Fewer infections", "Shared decisions", "Safer surgery"]
    assert b"4 stories" in response.content or b"4 stor" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?commitment=safe", ["Better payment", "Fewer infections", "Safer surgery"]),
        ("?sector=payers", ["Better payment", "Shared decisions"]),
        ("?stakeholder=patients", ["Fewer infections", "Shared decisions"]),
        ("?commitment=safe&sector=hospitals", ["Fewer infections", "Safer surgery"]),
        ("?commitment=safe&sector=hospitals&stakeholder=patients", ["Fewer infections"]),
        ("?commitment=engaged&sector=hospitals", []),
        ("?commitment=&sector=", ["Better payment", "Fewer infections", "Shared decisions", "Safer surgery"]),
    ],
)
def test_filters_combine(client, catalogue, query, expected):
    response = client.get("/stories/" + query)
    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.django_db
def test_a_story_with_two_matching_commitments_is_listed_once(client, catalogue, commitments):
    response = client.get("/stories/?commitment=effective")
    assert titles(response) == ["Better payment", "Fewer infections"]


@pytest.mark.django_db
def test_empty_result_says_so(client, catalogue):
    response = client.get("/stories/?commitment=engaged&sector=hospitals")
    assert response.status_code == 200
    assert b"No stories match" in response.content


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?sector=no-such-sector", "?commitment=%3Cscript%3E", "?page=abc", "?page=99"])
def test_unreadable_filters_get_a_400_with_a_message_not_a_500(client, catalogue, query):
    response = client.get("/stories/" + query)
    assert response.status_code == 400
    assert b"could not be read" in response.content


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, story_index, commitments):
    sector = factories.SectorFactory(slug="payers")
    for n in range(15):
        story = factories.StoryPageFactory(parent=story_index, title=f"Payer story {n}", sector=sector)
        factories.link_story(story, commitments=[commitments[0]])
    factories.StoryPageFactory(parent=story_index, title="Other sector")
    response = client.get("/stories/?sector=payers")
    assert len(response.context["stories"]) == 12
    assert b"?sector=payers&amp;page=2" in response.content
    second = client.get("/stories/?sector=payers&page=2")
    assert len(second.context["stories"]) == 3
    assert "Other sector" not in titles(second)


@pytest.mark.django_db
def test_remove_filter_links_keep_the_other_filters(client, catalogue):
    response = client.get("/stories/?commitment=safe&sector=hospitals")
    assert b'href="?commitment=safe"' in response.content
    assert b'href="?sector=hospitals"' in response.content


@pytest.mark.django_db
def test_draft_and_private_stories_are_not_listed(client, catalogue, story_index):
    draft = factories.StoryPageFactory(parent=story_index, title="Draft story", live=False)
    assert draft.title not in titles(client.get("/stories/"))


@pytest.mark.django_db
def test_story_page_shows_related_stories_sharing_a_commitment(client, catalogue):
    response = client.get(catalogue["Safer surgery"].url)
    assert response.status_code == 200
    related = [story.title for story in response.context["related_stories"]]
    assert related == ["Better payment", "Fewer infections"]
