"""The Spanish demo site, made the way translators make it: the Spanish tree
is synchronised from English (aliases first), then every page and
visitor-facing snippet is translated through wagtail-localize's own records
(TranslationSource, Translation, a StringTranslation per segment, then
save_target), so the translation editor shows each as translated. The
Spanish is written by people, in content_es.po: one entry per English
segment; a segment without Spanish stops the load with its name
(MissingSpanish), so no English is published as Spanish. Numbers and dates
in it follow the site's Spanish convention (lhs_cms/formats/)."""

from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, StringTranslation, Translation, TranslationSource
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


class MissingSpanish(Exception):
    """An English segment of the demo has no Spanish in the catalogue."""


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
        for obj in objects_to_translate(english):
            if obj.has_translation(spanish) and not self._is_alias(obj.get_translation(spanish)):
                continue
            # The records a translator's "Translate this page" makes, filled
            # from the catalogue, then published once: the translation editor
            # shows them as translated.
            source, _created = TranslationSource.get_or_create_from_instance(obj)
            translation, _created = Translation.objects.update_or_create(
                source=source, target_locale=spanish, defaults={"enabled": True}
            )
            self._fill_strings(translation, catalogue)
            total, done = translation.get_progress()
            if done < total:
                raise MissingSpanish(
                    f"{type(obj).__name__} {obj}: {total - done} of {total} strings have no Spanish "
                    f"in {CATALOGUE.name} (run demo_translation_strings and translate them)."
                )
            translation.save_target(publish=True)
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
                continue  # load() names what is missing
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": spanish, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
