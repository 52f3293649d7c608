"""The Spanish demo site, made the way translators make it: the Spanish tree
is synchronised from English (aliases first), then every page and
visitor-facing snippet is translated through wagtail-localize's own records
(TranslationSource, Translation, a StringTranslation per segment, then
save_target), so the translation editor shows each as translated. Each
picture gets a Spanish twin drawn from the same spec with the catalogue's
Spanish (demo/images.py), set on the Spanish pages as a translator's
image override. The
Spanish is written by people, in content_es.po: one entry per English
segment. Only what the catalogue translates whole is published, so no
English is published as Spanish; anything else (a page an editor added, a
segment not translated yet) is named and left as an alias, so loading again
never fails on content people made (the tests check that every demo page is
translated). A picture text without Spanish stops the load (MissingSpanish):
pictures are the demo's alone. Numbers and dates
in it follow the site's Spanish convention (lhs_cms/formats/)."""

import json
from pathlib import Path

import polib
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page
from wagtail_localize.models import (
    LocaleSynchronization,
    SegmentOverride,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import synchronize_tree

from commitments.models import Framework, FrameworkElement
from demo import content
from demo.images import draw_picture, picture_strings
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


def catalogue_strings(source_locale):
    """What content_es.po translates: every English segment, then the
    texts drawn in the pictures."""
    strings = source_strings(objects_to_translate(source_locale))
    seen = set(strings)
    for spec in content.IMAGES.values():
        for text in picture_strings(spec):
            if text not in seen:
                seen.add(text)
                strings.append(text)
    return strings


def english_picture_title(key):
    return f"Illustration: {key}"


def spanish_picture_title(key):
    return f"Ilustración: {key}"


def load_catalogue():
    if not CATALOGUE.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(CATALOGUE)) if entry.msgstr}


class MissingSpanish(Exception):
    """A text drawn in a demo picture has no Spanish in the catalogue."""


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
        spanish_pictures = self._spanish_pictures(catalogue)
        for obj in objects_to_translate(english):
            if obj.has_translation(spanish) and not self._is_alias(obj.get_translation(spanish)):
                continue
            source, _created = TranslationSource.get_or_create_from_instance(obj)
            segments = source.stringsegment_set.select_related("string")
            missing = sum(1 for segment in segments if segment.string.data not in catalogue)
            if missing:
                # Not the demo's own (an editor's page, a benchmark's copy) or
                # not in the catalogue yet: left to translators, as an alias.
                # The demo's own pages are checked by the tests
                # (tests/home/test_spanish_site.py), not here.
                self.log(
                    f"  left untranslated  {type(obj).__name__} {obj}: {missing} strings have no Spanish "
                    f"in {CATALOGUE.name} (run demo_translation_strings and translate them)"
                )
                continue
            # The records a translator's "Translate this page" makes, filled
            # from the catalogue, then published once: the translation editor
            # shows them as translated.
            translation, _created = Translation.objects.update_or_create(
                source=source, target_locale=spanish, defaults={"enabled": True}
            )
            self._fill_strings(translation, catalogue)
            self._override_pictures(translation, spanish_pictures)
            translation.save_target(publish=True)
            self.created += 1
            self.log(f"  translated  {type(obj).__name__} {obj}")
        return self.created

    def _spanish_pictures(self, catalogue):
        """{English picture's pk: its Spanish twin's pk}, drawing the twins
        not drawn yet."""
        Image = get_image_model()
        english = {image.title: image for image in Image.objects.filter(title__startswith="Illustration: ")}
        spanish = {image.title: image for image in Image.objects.filter(title__startswith="Ilustración: ")}

        def translate(text):
            if text not in catalogue:
                raise MissingSpanish(f"Picture text {text!r} has no Spanish in {CATALOGUE.name}.")
            return catalogue[text]

        twins = {}
        for key, spec in content.IMAGES.items():
            source = english.get(english_picture_title(key))
            if source is None:
                continue
            twin = spanish.get(spanish_picture_title(key))
            if twin is None:
                twin = Image(
                    title=spanish_picture_title(key),
                    description=translate(spec["alt"]),
                    collection=source.collection or Collection.get_first_root_node(),
                )
                twin.file = ImageFile(ContentFile(draw_picture(spec, translate)), name=f"{key}-es.jpg")
                twin.save()
                self.created += 1
                self.log(f"  created  Spanish picture {key}")
            twins[source.pk] = twin.pk
        return twins

    @staticmethod
    def _override_pictures(translation, twins):
        """Point each picture field of the Spanish object at the Spanish
        twin, as a translator does with "Change image" in the editor."""
        for segment in translation.source.overridablesegment_set.select_related("context"):
            if not segment.context.path.split(".")[-1].endswith("image"):
                continue  # only picture fields; other overridables keep their value
            twin = twins.get(json.loads(segment.data_json))
            if twin is not None:
                SegmentOverride.objects.update_or_create(
                    locale=translation.target_locale,
                    context=segment.context,
                    defaults={"data_json": json.dumps(twin)},
                )

    @staticmethod
    def _is_alias(instance):
        return bool(getattr(instance, "alias_of_id", None))

    @staticmethod
    def _fill_strings(translation, catalogue):
        segments = translation.source.stringsegment_set.select_related("string", "context")
        for segment in segments:
            spanish = catalogue.get(segment.string.data)
            if spanish is None:
                continue  # load() publishes only what is translated whole
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": spanish, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
