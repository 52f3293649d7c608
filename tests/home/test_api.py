"""The read-only partner API (Wagtail API v2)."""

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Locale

from tests import factories
from tests.factories import publish_translation


@pytest.mark.django_db
def test_pages_lists_live_stories_with_their_fields(client, story_index):
    sector = factories.SectorFactory(name="Hospitals")
    factories.StoryPageFactory(parent=story_index, title="Live story", sector=sector, place="Ohio")
    factories.StoryPageFactory(parent=story_index, title="Draft story", live=False)
    response = client.get("/api/v2/pages/?type=stories.StoryPage&fields=summary,organization,place,date,sector_name")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Live story"]
    item = items[0]
    assert item["summary"] == "A team learned from its own care and got better results."
    assert item["organization"] == "Riverside Health"
    assert item["place"] == "Ohio"
    assert item["sector_name"] == "Hospitals"
    assert item["date"]


@pytest.mark.django_db
def test_commitment_fields(client, commitments):
    response = client.get("/api/v2/pages/?type=commitments.CommitmentPage&fields=number,summary&order=number")
    assert response.status_code == 200
    assert [item["number"] for item in response.json()["items"]] == [1, 2, 3]


@pytest.mark.django_db
def test_locale_filter(client, story_index):
    story = factories.StoryPageFactory(parent=story_index, title="English story")
    publish_translation(story, Locale.objects.create(language_code="es"), title="Historia")
    spanish = client.get("/api/v2/pages/?type=stories.StoryPage&locale=es").json()["items"]
    assert [item["title"] for item in spanish] == ["Historia"]
    english = client.get("/api/v2/pages/?type=stories.StoryPage&locale=en").json()["items"]
    assert [item["title"] for item in english] == ["English story"]


@pytest.mark.django_db
def test_images_and_documents_answer(client, home_page):
    wagtail_factories.ImageFactory(title="A picture")
    Document.objects.create(title="A report", file=ContentFile(b"text", name="report.txt"))
    images = client.get("/api/v2/images/")
    assert images.status_code == 200
    assert [item["title"] for item in images.json()["items"]] == ["A picture"]
    documents = client.get("/api/v2/documents/")
    assert documents.status_code == 200
    assert [item["title"] for item in documents.json()["items"]] == ["A report"]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_odd_searches_never_fail(client, story_index, endpoint):
    factories.StoryPageFactory(parent=story_index, title="Sepsis story")
    for search in ['"', '"sepsis', "*", "!!!"]:
        assert client.get(f"/api/v2/{endpoint}/", {"search": search}).status_code == 200, search
    assert client.get(f"/api/v2/{endpoint}/", {"search": "a" * 201}).status_code == 400
    assert client.get(f"/api/v2/{endpoint}/", {"search": "x", "search_operator": "xor"}).status_code == 400


@pytest.mark.django_db
def test_search_finds_pages(client, story_index):
    factories.StoryPageFactory(parent=story_index, title="Sepsis story")
    items = client.get("/api/v2/pages/", {"search": '"sepsis'}).json()["items"]
    assert [item["title"] for item in items] == ["Sepsis story"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["site=nowhere.example", "site=localhost:http", "site=localhost:80:80", "site=", "title=a%00b", "a%00=1"],
)
def test_a_site_that_does_not_exist_or_a_nul_character_is_a_bad_request(client, story_index, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400
    assert response.json()["message"]


@pytest.mark.django_db
def test_the_site_filter_still_works(client, story_index):
    assert client.get("/api/v2/pages/?site=localhost").status_code == 200
    assert client.get("/api/v2/pages/?site=localhost:80").status_code == 200
