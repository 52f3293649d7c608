"""Grows the demo site (`manage.py load_demo_content`) to a given number of
stories, for the site benchmark.

Each new story is a copy of one of the demo stories, made with Wagtail's own
page copy and then published, so it is a live page with a published revision
and the demo story's image, commitments and stakeholders; its title, slug, date and
sector differ, so listings, filters and the search index see many different
pages. The Spanish tree gets the copies the way the demo gets its stories:
synchronised as aliases, and one in TRANSLATED_EVERY translated through
wagtail-localize with the demo's Spanish catalogue. Needs Django set up."""

import datetime
import io
import random

from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.synctree import synchronize_tree

from home.demo import content
from home.demo.spanish import LANGUAGE, SpanishLoader, load_catalogue
from stories.models import Sector, StoryIndexPage, StoryPage

TRANSLATED_EVERY = 10
# Stories spread over this many years before the newest demo story, so the
# listing's date order mixes copies of different demo stories.
YEARS_OF_STORIES = 12


def add_stories(total, log):
    """Copies demo stories until the English site has `total` stories."""
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
    copies, translated = [], []
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
                keep_live=False,
                log_action=None,
            )
            copies.append(copy.pk)
            if translate:
                translated.append((copy.pk, {title: f"{catalogue[source.title]} (caso {number})"}))
            if number % 100 == 0:
                log(f"  {number} stories")
        # Published in one statement, as each page's publish would leave it.
        # Publishing them one by one tells the page cache each time, and its
        # purge looks up every story that shares a commitment: a bulk load
        # would take time growing with the square of the stories, to purge
        # a cache that is still empty.
        now = timezone.now()
        Page.objects.filter(pk__in=copies).update(
            live=True,
            has_unpublished_changes=False,
            live_revision=F("latest_revision"),
            first_published_at=now,
            last_published_at=now,
        )
    with transaction.atomic():
        synchronize_tree(english, spanish)
        creator = TranslationCreator(user=None, target_locales=[spanish])
        for pk, title in translated:
            copy = StoryPage.objects.get(pk=pk)  # live now
            creator.create_translations(copy, include_related_objects=False)
            source = TranslationSource.objects.get_for_instance(copy)
            translation = Translation.objects.get(source=source, target_locale=spanish)
            SpanishLoader._fill_strings(translation, catalogue | title)
            source.create_or_update_translation(spanish, publish=True, copy_parent_pages=True, fallback=False)
    log(f"  {len(translated)} of them translated into Spanish, the others aliases")
    # The production settings index pages in a background task; no task
    # worker runs here, so the index is built in one go.
    call_command("update_index", stdout=io.StringIO())
