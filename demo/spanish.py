"""The Spanish demo site, made the way translators make it: the Spanish tree
is synchronised from English (untranslated pages are aliases), and chosen
pages and snippets are translated through wagtail-localize's own records
(TranslationSource, Translation, StringTranslation), so the admin shows them
as translated. The Spanish text is written by people, in content_es.po: one
entry per English segment."""

from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.synctree import synchronize_tree

from commitments.models import Framework, FrameworkElement
from home.models import FooterText, Person, Resource
from stories.models import Sector, Stakeholder

CATALOGUE = Path(__file__).with_name("content_es.po")
LANGUAGE = "es"


def objects_to_translate(source_locale):
    """What the demo translates: every visitor-facing snippet, then every
    page in tree order. Snippets come first because a page's translation
    needs the snippets it refers to translated already, and parents come
    before their children."""
    snippets = [Framework, FrameworkElement, Sector, Stakeholder, Person, Resource, FooterText]
    objects = [obj for model in snippets for obj in model.objects.filter(locale=source_locale).order_by("pk")]
    pages = Page.objects.filter(locale=source_locale, depth__gt=1).order_by("path").specific()
    return objects + list(pages)


def source_strings(objects):
    """Every English segment of these objects, in order, without repeats."""
    seen = {}
    for obj in objects:
        source, _created = TranslationSource.get_or_create_from_instance(obj)
        for segment in source.stringsegment_set.select_related("string").order_by("order"):
            seen.setdefault(segment.string.data, None)
    return list(seen)


def load_catalogue():
    if not CATALOGUE.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(CATALOGUE)) if entry.msgstr}


class SpanishLoader:
    def __init__(self, log):
        self.log = log
        self.created = 0

    @transaction.atomic
    def load(self):
        english = Locale.get_default()
        spanish, created = Locale.objects.get_or_create(language_code=LANGUAGE)
        if created:
            self.log("  created  locale es")
            self.created += 1
        # Saving the synchronisation copies the English tree as aliases; later
        # runs only add aliases for pages created since.
        LocaleSynchronization.objects.get_or_create(locale=spanish, defaults={"sync_from": english})
        synchronize_tree(english, spanish)

        catalogue = load_catalogue()
        creator = TranslationCreator(user=None, target_locales=[spanish])
        for obj in objects_to_translate(english):
            if obj.has_translation(spanish) and not self._is_alias(obj.get_translation(spanish)):
                continue
            creator.create_translations(obj, include_related_objects=False)
            source = TranslationSource.objects.get_for_instance(obj)
            translation = Translation.objects.get(source=source, target_locale=spanish)
            self._fill_strings(translation, catalogue)
            source.create_or_update_translation(spanish, publish=True, copy_parent_pages=True, fallback=False)
            self.created += 1
            self.log(f"  translated  {type(obj).__name__} {obj}")
        return self.created

    @staticmethod
    def _is_alias(instance):
        return bool(getattr(instance, "alias_of_id", None))

    @staticmethod
    def _fill_strings(translation, catalogue):
        segments = translation.source.stringsegment_set.select_related("string", "context")
        for segment in segments:
            spanish = catalogue.get(segment.string.data)
            if spanish is None:
                continue  # create_or_update_translation names what is missing
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": spanish, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
