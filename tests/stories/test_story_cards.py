"""Story cards are template fragments keyed by what they show
(stories/templatetags/story_tags.py): the same card on every listing, a
kept card costs no query, and a change to anything a card shows (the
story, its sector, its commitments, the language) is on the next request.
The full-page cache is off, so each response is rendered."""

import pytest
from django.template import engines
from wagtail.models import Locale

from stories.models import StoryPage
from tests import factories
from tests.factories import publish_translation
from tests.home.test_languages import bilingual  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

LISTINGS = ["/stories/", "/commitments/safe/", "/"]


@pytest.fixture(autouse=True)
def _no_full_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def story(story_index, commitments):
    sector = factories.SectorFactory(name="Hospitals", slug="hospitals")
    story = factories.StoryPageFactory(
        parent=story_index, title="Fewer infections", slug="fewer-infections", sector=sector
    )
    factories.link_story(story, commitments=[commitments[1]])
    story.save_revision().publish()
    return story


def card_html(client, path):
    html = client.get(path).content.decode()
    start = html.index('<article class="card story-card">')
    return html[start : html.index("</article>", start)]


def test_every_listing_shows_the_same_card(client, story):
    cards = {path: card_html(client, path) for path in LISTINGS}
    assert len(set(cards.values())) == 1
    card = cards["/stories/"]
    assert 'href="/stories/fewer-infections/"' in card
    assert "Hospitals" in card and "Safe" in card


def test_a_kept_card_costs_no_query(story, django_assert_num_queries):
    """Beyond the listing's own query, which loads what the key is made of."""
    cards = engines["django"].from_string(
        "{% load story_tags %}{% story_cards stories as cards %}{% for card in cards %}{{ card }}{% endfor %}"
    )
    stories = list(StoryPage.objects.listed(story.locale_id).for_cards())
    first = cards.render({"stories": stories})
    with django_assert_num_queries(0):
        again = cards.render({"stories": stories})
    assert again == first
    assert "Fewer infections" in again


def test_a_republished_story_shows_its_new_card(client, story):
    client.get("/stories/")
    story.title = "Infections halved"
    story.save_revision().publish()
    for path in LISTINGS:
        card = card_html(client, path)
        assert "Infections halved" in card and "Fewer infections" not in card, path


def test_a_renamed_sector_and_commitment_show_on_the_card(client, story, commitments):
    for path in LISTINGS:
        client.get(path)
    story.sector.name = "Hospitals and clinics"
    story.sector.save()
    safe = commitments[1]
    safe.title = "Safe care"
    safe.save_revision().publish()
    for path in LISTINGS:
        card = card_html(client, path)
        assert "Hospitals and clinics" in card and ">Safe care<" in card, path


@pytest.mark.usefixtures("bilingual")
def test_cards_speak_the_visitors_language(client, story):
    publish_translation(story, Locale.objects.get(language_code="es"), title="Menos infecciones")
    english_card = card_html(client, "/stories/")
    assert "Commitments:" in english_card and "Fewer infections" in english_card
    spanish_card = card_html(client, "/es/stories/")
    assert "Compromisos:" in spanish_card and "Menos infecciones" in spanish_card
    assert "Commitments:" not in spanish_card
