"""JSON-LD: an Organization on the home page, an Article on a story."""

import datetime
import json
import re

import pytest
import wagtail_factories
from wagtail.models import Site

from home.models import SiteSettings
from tests import factories


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.mark.django_db
def test_home_page_has_an_organization(client, home_page):
    settings = SiteSettings.for_site(Site.objects.get())
    settings.organization_name = "Academy </script> & Co"
    settings.contact_email = "hello@example.org"
    settings.save()
    html = client.get("/").content.decode()
    assert "</script> & Co" not in html
    (data,) = json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Academy </script> & Co"
    assert data["url"] == "http://localhost/"
    assert data["email"] == "hello@example.org"
    assert "logo" not in data


@pytest.mark.django_db
def test_story_page_has_an_article(client, story_index):
    image = wagtail_factories.ImageFactory()
    story = factories.StoryPageFactory(
        parent=story_index,
        title="Fewer falls",
        slug="fewer-falls",
        summary="Falls went down.",
        organization="Riverside Health",
        date=datetime.date(2024, 5, 1),
        hero_image=image,
        hero_image_alt="A ward",
    )
    story.save_revision().publish()
    story.refresh_from_db()
    (data,) = json_ld(client.get("/stories/fewer-falls/").content.decode())
    assert data["@type"] == "Article"
    assert data["headline"] == "Fewer falls"
    assert data["description"] == "Falls went down."
    assert data["datePublished"] == "2024-05-01"
    assert data["dateModified"].startswith(str(story.last_published_at.date()))
    assert data["author"] == {"@type": "Organization", "name": "Riverside Health"}
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == SiteSettings.for_site(Site.objects.get()).organization_name
    assert data["inLanguage"] == "en"
    assert data["mainEntityOfPage"]["@id"] == "http://localhost/stories/fewer-falls/"
    assert data["image"].startswith("http://testserver/")
    assert "1200x630" in data["image"]


@pytest.mark.django_db
def test_other_pages_have_no_json_ld(client, story_index):
    assert json_ld(client.get("/stories/").content.decode()) == []


@pytest.mark.django_db
def test_a_page_names_its_own_absolute_address_as_canonical_and_for_sharing(client, story_index):
    story = factories.StoryPageFactory(parent=story_index, title="Fewer falls", slug="fewer-falls")
    html = client.get(story.url).content.decode()
    assert '<link rel="canonical" href="http://localhost/stories/fewer-falls/">' in html
    assert '<meta property="og:url" content="http://localhost/stories/fewer-falls/">' in html


@pytest.mark.django_db
def test_a_page_that_is_not_a_page_of_the_tree_names_no_canonical_address(client, home_page):
    html = client.get("/search/?q=falls").content.decode()
    assert 'rel="canonical"' not in html
