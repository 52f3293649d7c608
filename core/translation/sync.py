"""Translations follow their source without anyone pressing "Sync": when a
source page or snippet that is being translated is published (or, for a
snippet without drafts, saved), its TranslationSource is updated from it
through wagtail-localize's public API. Only the source is updated: the
translated pages keep what was reviewed, and are out of date (see
status.py) until a new translation is published. Changed strings are new
strings to wagtail-localize, so the translator finds them untranslated."""

from django.db.models.signals import post_save
from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.signals import page_published, published
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationSource

from core.translation.review import stand_alone_on_publish


def update_source(instance):
    """Update the instance's TranslationSource if it has translations going."""
    if isinstance(instance, Page):
        if instance.alias_of_id:
            return
        instance = instance.specific
    source_exists = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id, translations__enabled=True
    ).exists()
    if source_exists:
        TranslationSource.update_or_create_from_instance(instance)


def _on_page_published(instance, **_kwargs):
    update_source(instance)


def _on_snippet_published(sender, instance, **_kwargs):
    if isinstance(instance, TranslatableMixin) and not isinstance(instance, Page):
        update_source(instance)


def _on_snippet_saved(sender, instance, raw=False, **_kwargs):
    if not raw:
        update_source(instance)


def connect():
    page_published.connect(stand_alone_on_publish, dispatch_uid="translation-stand-alone")
    page_published.connect(_on_page_published, dispatch_uid="translation-source-page")
    published.connect(_on_snippet_published, dispatch_uid="translation-source-snippet-published")
    # Snippets without drafts are live as saved; those with drafts wait for
    # `published`. Connected per model, so inline children and other rows
    # saved with a page cost nothing.
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin) and not issubclass(model, DraftStateMixin):
            post_save.connect(_on_snippet_saved, sender=model, dispatch_uid=f"translation-source-{model._meta.label}")
