"""A resource card says when its link opens in another language: a Spanish
card whose translation still links the English document or address says
"En inglés" and marks the link hreflang="en"; one with its own link says
nothing, and English cards never do."""

import pytest
import wagtail_factories

from home.models import Resource
from tests import factories


def resource_card(html, title):
    cards = [card.split("</article>")[0] for card in html.split('<article class="card resource-card">')[1:]]
    cards = [card for card in cards if f">{title}</a>" in card]
    assert len(cards) == 1, title
    return cards[0]


@pytest.fixture
def spanish_home(home_page, spanish):
    return factories.publish_translation(home_page, spanish, title="Compromisos")


def translate(resource, locale, **fields):
    copy = resource.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.live = True
    copy.save()
    return copy


@pytest.mark.django_db
def test_a_spanish_card_says_when_its_link_opens_the_english_original(client, home_page, spanish, spanish_home):
    document = wagtail_factories.DocumentFactory()
    guide = factories.ResourceFactory(title="Guide", document=document, url="")
    report = factories.ResourceFactory(title="Report", url="https://example.org/report")
    webinar = factories.ResourceFactory(title="Webinar", url="https://example.org/webinar")
    translate(guide, spanish, title="Guía")
    translate(report, spanish, title="Informe anual")
    translate(webinar, spanish, title="Seminario", url="https://example.org/es/seminario")

    spanish_html = client.get("/es/").content.decode()
    for title in ("Guía", "Informe anual"):
        card = resource_card(spanish_html, title)
        assert "En inglés" in card and 'hreflang="en"' in card, title
    card = resource_card(spanish_html, "Seminario")
    assert "En inglés" not in card and "hreflang" not in card

    english_html = client.get("/").content.decode()
    for title in ("Guide", "Report", "Webinar"):
        card = resource_card(english_html, title)
        assert "In English" not in card and "hreflang" not in card, title


@pytest.mark.django_db
def test_the_preview_of_a_translation_given_its_own_document_drops_the_note(spanish):
    guide = factories.ResourceFactory(title="Guide", document=wagtail_factories.DocumentFactory(), url="")
    copy = translate(guide, spanish, title="Guía")
    assert Resource.objects.filter(pk=copy.pk).with_link_language().get().source_link_language == "en"
    copy = Resource.objects.get(pk=copy.pk)
    assert copy.link_language() == "en"
    # Not saved yet: the preview shows the document being chosen.
    copy = Resource.objects.get(pk=copy.pk)
    copy.document = wagtail_factories.DocumentFactory()
    assert copy.link_language() == ""
