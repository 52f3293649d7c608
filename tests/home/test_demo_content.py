"""The demo loader builds the whole site, and running it again changes nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from commitments.models import CommitmentPage, Framework
from home.models import Person, Resource
from stories.models import StoryPage

DEMO_PATHS = [
    "/",
    "/about/",
    "/about/working-groups/",
    "/commitments/",
    "/commitments/safe/",
    "/commitments/crosswalk/",
    "/stories/",
    "/engage/",
    "/engage/survey/",
    "/contact/",
    "/privacy/",
]


def load(*args):
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "people": Person.objects.count(),
        "resources": Resource.objects.count(),
        "frameworks": Framework.objects.count(),
    }


@pytest.fixture
def demo_site(db):
    return load()


def test_demo_site_answers_at_every_documented_path(client, demo_site):
    for path in DEMO_PATHS:
        assert client.get(path).status_code == 200, path
    for story in StoryPage.objects.live():
        assert client.get(story.url).status_code == 200, story.url
    assert client.get("/admin/").status_code == 302  # to the login page


def test_demo_content_is_complete(demo_site):
    assert CommitmentPage.objects.live().count() == 10
    assert list(CommitmentPage.objects.order_by("number").values_list("number", flat=True)) == list(range(1, 11))
    assert StoryPage.objects.live().count() >= 8
    assert Framework.objects.count() >= 4
    for story in StoryPage.objects.all():
        assert story.outcomes, story.title
        assert story.sources, story.title
        assert story.story_commitments.exists(), story.title
        assert story.hero_image and story.hero_image_alt, story.title
    assert "created" in demo_site

    before = snapshot()
    output = load()
    assert snapshot() == before
    assert "nothing changed" in output


def test_reset_rebuilds_the_same_site(demo_site, client):
    before = snapshot()
    CommitmentPage.objects.get(slug="safe").delete()
    output = load("--reset")
    after = snapshot()
    assert after["pages"] == before["pages"]
    assert after["people"] == before["people"]
    assert "Removed the demo content" in output
    assert client.get("/commitments/safe/").status_code == 200
