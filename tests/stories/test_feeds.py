"""RSS and Atom feeds of the stories, per language."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Locale

from tests import factories
from tests.factories import publish_translation

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def stories(story_index):
    older = factories.StoryPageFactory(
        parent=story_index, title="Older story", slug="older", date=datetime.date(2021, 3, 1), summary="Old news."
    )
    newer = factories.StoryPageFactory(
        parent=story_index, title="Newer story", slug="newer", date=datetime.date(2024, 5, 1), summary="New news."
    )
    draft = factories.StoryPageFactory(parent=story_index, title="Draft story", slug="draft", live=False)
    return {"older": older, "newer": newer, "draft": draft}


@pytest.mark.django_db
def test_rss_feed_lists_live_stories_newest_first(client, stories):
    response = client.get("/stories/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Stories"
    assert channel.findtext("link") == "http://localhost/stories/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Newer story", "Older story"]
    first = items[0]
    assert first.findtext("link") == "http://localhost/stories/newer/"
    assert first.findtext("guid") == "http://localhost/stories/newer/"
    assert first.findtext("description") == "New news."
    assert "01 May 2024" in first.findtext("pubDate")


@pytest.mark.django_db
def test_atom_feed(client, stories):
    response = client.get("/stories/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Newer story", "Older story"]
    assert entries[0].find(f"{ATOM}link").get("href") == "http://localhost/stories/newer/"
    assert entries[0].findtext(f"{ATOM}summary") == "New news."


@pytest.mark.django_db
def test_spanish_feed_lists_spanish_stories(client, home_page, stories, story_index):
    spanish = Locale.objects.create(language_code="es")
    publish_translation(stories["older"], spanish, title="Historia antigua", summary="Noticias viejas.")
    response = client.get("/es/stories/feed/")
    assert response.status_code == 200
    items = ET.fromstring(response.content).find("channel").findall("item")
    assert [item.findtext("title") for item in items] == ["Historia antigua"]
    assert items[0].findtext("link") == "http://localhost/es/stories/older/"
    english = ET.fromstring(client.get("/stories/feed/").content).find("channel").findall("item")
    assert "Historia antigua" not in [item.findtext("title") for item in english]


@pytest.mark.django_db
def test_index_and_story_pages_link_to_the_feeds(client, stories, home_page):
    for path in ("/stories/", "/stories/newer/"):
        html = client.get(path).content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in html, path
        assert 'href="http://testserver/stories/feed/"' in html, path
        assert 'href="http://testserver/stories/feed/atom/"' in html, path
    assert "application/rss+xml" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_index_filters_and_400s_still_work(client, stories):
    assert client.get("/stories/").status_code == 200
    assert client.get("/stories/?page=abc").status_code == 400
    assert client.get("/stories/nothing-here/").status_code == 404
