"""Template tags for what the stories app owns: story cards wherever they
show (listings, the home page, commitment pages, related stories), a card's
commitments, and the feed links.

A card's markup is a template fragment kept per release (the
template_fragments cache) under a key made of everything it shows: the
story's id, address and last publication, whether it is an alias (its
text then carries lang="en"), its sector's name and language, its image
(id, file and focal point), the last publication and number of the live
commitment pages (whose titles it shows), and the active language. Any change
to one of them is a new key, so a card is never stale; the stories whose
card is not kept yet are loaded with what a card needs and rendered."""

import hashlib

from django import template
from django.core.cache import caches
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.templatetags.core_tags import page_of_type
from stories.models import StoryIndexPage, StoryPage

register = template.Library()

CARD_TEMPLATE = "includes/story_card.html"


def card_key(story, heading_level):
    image = story.hero_image
    shown = (
        story.pk,
        story.url_path,
        str(story.last_published_at),
        story.alias_of_id,
        (story.sector.name, story.sector.locale_id) if story.sector_id else "",
        (image.pk, image.file_hash, image.focal_point_x, image.focal_point_y, image.focal_point_width)
        if image is not None
        else None,
        story.commitments_stamp,
        get_language(),
        heading_level,
    )
    return "story-card:" + hashlib.sha256(repr(shown).encode()).hexdigest()


@register.simple_tag(takes_context=True)
def story_cards(context, stories, heading_level="h3"):
    """`{% story_cards stories as cards %}`: the cards of `stories` (loaded
    with StoryPage.objects.for_cards()) as HTML, in order."""
    stories = list(stories)
    if not stories:
        return []
    fragments = caches["template_fragments"]
    keys = [card_key(story, heading_level) for story in stories]
    found = fragments.get_many(keys)
    missing = [story.pk for story, key in zip(stories, keys, strict=True) if key not in found]
    if missing:
        by_pk = StoryPage.objects.for_listing().in_bulk(missing)
        template_ = get_template(CARD_TEMPLATE)
        rendered = {}
        for story, key in zip(stories, keys, strict=True):
            if story.pk in by_pk and key not in found:
                html = template_.render(
                    {"story": by_pk[story.pk], "heading_level": heading_level, "request": context.get("request")}
                )
                rendered[key] = html
        fragments.set_many(rendered, None)
        found.update(rendered)
    return [mark_safe(found[key]) for key in keys if key in found]  # noqa: S308 - a template's output


@register.simple_tag(takes_context=True)
def story_index_url(context, page=None):
    """`{% story_index_url %}`: address of the story listing in the page's
    language, or "" if there is none."""
    index = page_of_type(context, "stories.StoryIndexPage", page)
    return index.get_url(request=context.get("request")) if index else ""


@register.simple_tag
def commitment_stories(commitment, count=6):
    """`{% commitment_stories page as stories %}`: the newest stories that
    show this commitment, in its language, for story_cards."""
    newest = StoryPage.objects.listed(commitment.locale_id).newest_with_commitment(commitment.translation_key, count)
    return StoryPage.objects.cards(newest)


@register.simple_tag
def story_commitments(story):
    """`{% story_commitments story as commitments %}`: the titles of the
    story's commitments in the story's language ({"title", "lang"}), with
    the lang of a title still in another language."""
    return story.commitment_titles()


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def story_feed_links(context, page=None):
    """`{% story_feed_links %}`: <link rel="alternate"> to the RSS and Atom
    feeds of the stories, on the story index and on a story. A story's
    index is its parent, whose address is the story's without its slug, so
    no query is needed."""
    request = context.get("request")
    page = page or context.get("page")
    base = ""
    if isinstance(page, StoryIndexPage):
        base = page.get_url(request=request) or ""
    elif isinstance(page, StoryPage):
        url = page.get_url(request=request) or ""
        suffix = f"{page.slug}/"
        base = url[: -len(suffix)] if url.endswith(suffix) else ""
    if not base:
        return {"feeds": []}
    if request is not None:
        base = request.build_absolute_uri(base)
    return {"feeds": [("application/rss+xml", f"{base}feed/"), ("application/atom+xml", f"{base}feed/atom/")]}
