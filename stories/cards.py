"""Story cards, rendered once per content version.

A card (templates/includes/story_card.html) shows a story's title, image,
place, sector, date, summary and commitments. Listings, the home page, the
commitment pages and the related stories under a story all show the same
cards, so each card's HTML is kept in the site-wide cache
(home/site_chrome.py) per story, language and site, under the content
version: any publish, or any change to a snippet, image or term a card
shows, retires every card. A listing then loads and renders only the stories
whose card is not kept yet.
"""

from django.template.loader import get_template
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home import site_chrome

CARD_TEMPLATE = "includes/story_card.html"


class StoryCard:
    """One story's card: its HTML (what a template prints) and its title."""

    def __init__(self, pk, title, html):
        self.pk = pk
        self.title = title
        self.html = html

    def __html__(self):
        return self.html

    def __str__(self):
        return self.html


class StoryCards:
    """The cards of the stories with these pks that are still listed, in
    that order; a sequence, rendered when first used."""

    def __init__(self, request, locale_id, pks):
        self.request = request
        self.locale_id = locale_id
        self.pks = list(pks)

    @cached_property
    def _cards(self):
        site = site_chrome.site(self.request)
        language = get_language()
        keys = [(pk, language, site.pk if site is not None else "") for pk in self.pks]
        found = site_chrome.cached_many(self.request, "story-card", keys, build=self._render)
        return [found[key] for key in keys if found.get(key) is not None]

    def _render(self, keys):
        from stories.models import StoryPage

        stories = StoryPage.objects.cards(self.locale_id, [pk for pk, *_rest in keys])
        template = get_template(CARD_TEMPLATE)
        cards = {
            story.pk: StoryCard(
                story.pk,
                story.title,
                mark_safe(template.render({"story": story, "request": self.request})),  # noqa: S308 - a template's output
            )
            for story in stories
        }
        # None for a story no longer listed, so it is not looked for again.
        return {key: cards.get(key[0]) for key in keys}

    def __iter__(self):
        return iter(self._cards)

    def __len__(self):
        return len(self._cards)

    def __getitem__(self, index):
        return self._cards[index]

    def __bool__(self):
        return bool(self._cards)
