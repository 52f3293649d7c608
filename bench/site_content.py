"""Grows the demo site (`manage.py load_demo_content`) to a given number of
stories, for the site benchmark.

Each new story is a copy of one of the demo stories, made with Wagtail's own
page copy, so it is a live page with a published revision and the demo
story's image, commitments and stakeholders; its title, slug, date and
sector differ, so listings, filters and the search index see many different
pages. The Spanish tree gets the copies the way the demo gets its stories:
synchronised as aliases, and one in TRANSLATED_EVERY translated through
wagtail-localize with the demo's Spanish catalogue. Needs Django set up."""

import contextlib
import datetime
import io
import random

from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale
from wagtail.signals import page_published
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.synctree import synchronize_tree

from core import page_cache
from demo import content
from demo.spanish import LANGUAGE, SpanishLoader, load_catalogue
from stories.models import Sector, StoryIndexPage, StoryPage

TRANSLATED_EVERY = 10
# Stories spread over this many years before the newest demo story, so the
# listing's date order mixes copies of different demo stories.
YEARS_OF_STORIES = 12
PAGE_CACHE_PUBLISH_RECEIVER = "page-cache-published"  # its dispatch_uid in core/page_cache.py


@contextlib.contextmanager
def page_cache_purges_off(log):
    """On each publish the page cache purges the URLs of every story sharing
    a commitment with the page, a Redis round trip for each: seconds a
    publish at 1,000 stories, and pointless here, where the cache is emptied
    before anything is served."""
    if not page_published.disconnect(dispatch_uid=PAGE_CACHE_PUBLISH_RECEIVER):
        log("  the page cache's purge on publish was not found; stories are published through it")
    try:
        yield
    finally:
        page_cache.connect()


def add_stories(total, log):
    """Copies demo stories until the English site has `total` stories."""
    with page_cache_purges_off(log):
        _add_stories(total, log)


def _add_stories(total, log):
    english = Locale.get_default()
    spanish = Locale.objects.get(language_code=LANGUAGE)
    index = StoryIndexPage.objects.get(locale=english)
    demo = list(StoryPage.objects.child_of(index).filter(slug__in=[row["slug"] for row in content.STORIES]))
    catalogue = load_catalogue()
    translatable = [story for story in demo if story.title in catalogue]
    sectors = list(Sector.objects.filter(locale=english))
    newest = max(story.date for story in demo)
    dates = random.Random(total)
    first = StoryPage.objects.child_of(index).count() + 1
    if first > total:
        return
    translated = []
    with transaction.atomic():
        for number in range(first, total + 1):
            translate = number % TRANSLATED_EVERY == 0
            source = translatable[number % len(translatable)] if translate else demo[number % len(demo)]
            title = f"{source.title} (case {number})"
            copy = source.copy(
                to=index,
                update_attrs={
                    "title": title,
                    "draft_title": title,
                    "slug": f"{source.slug}-{number}",
                    "date": newest - datetime.timedelta(days=dates.randrange(365 * YEARS_OF_STORIES)),
                    "sector": sectors[number % len(sectors)],
                },
                copy_revisions=False,
                log_action=None,
            )
            if translate:
                translated.append((copy.pk, {title: f"{catalogue[source.title]} (caso {number})"}))
            if number % 100 == 0:
                log(f"  {number} stories")
    with transaction.atomic():
        synchronize_tree(english, spanish)
        creator = TranslationCreator(user=None, target_locales=[spanish])
        for pk, title in translated:
            copy = StoryPage.objects.get(pk=pk)
            creator.create_translations(copy, include_related_objects=False)
            source = TranslationSource.objects.get_for_instance(copy)
            translation = Translation.objects.get(source=source, target_locale=spanish)
            SpanishLoader._fill_strings(translation, catalogue | title)
            source.create_or_update_translation(spanish, publish=True, copy_parent_pages=True, fallback=False)
    log(f"  {len(translated)} of them translated into Spanish, the others aliases")
    # The production settings index pages in a background task; no task
    # worker runs here, so the index is built in one go.
    call_command("update_index", stdout=io.StringIO())
