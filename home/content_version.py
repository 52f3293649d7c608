"""One number, kept in the shared cache, that changes whenever anything a
visitor can see changes: a page is published, unpublished, moved or deleted,
or a snippet, setting, locale or view restriction is saved or deleted.

Site-wide pieces that every page repeats (menu, footer, filter choices,
section links) are cached under keys that include this number, so they are
computed once per change instead of once per request, and every app server
sees a change at once because the number lives in the shared cache.

Drafts and revisions do not change it: only what is live counts.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

KEY = "content-version"


def current():
    """The current content version (an int)."""
    version = cache.get(KEY)
    if version is None:
        # Start from the clock (in nanoseconds), so a cache that lost the key
        # (restart, eviction, a test emptying it) never reuses a number that
        # older entries, here or in an app server's memory, were built on.
        cache.add(KEY, time.time_ns(), None)
        version = cache.get(KEY)
    return version


def bump(**_signal_kwargs):
    """Mark every cached site-wide piece stale. Done at once and again when
    the transaction commits, so a request that read the old data while the
    change was being saved cannot store it under the new number."""
    _increment()
    transaction.on_commit(_increment)


def _increment():
    try:
        cache.incr(KEY)
    except ValueError:  # not in the cache: a fresh number is as good
        cache.set(KEY, time.time_ns(), None)


def connect():
    """Called once from HomeConfig.ready()."""
    from django.apps import apps
    from wagtail.models import Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(bump, dispatch_uid=f"content-version-{id(signal)}")
    post_delete.connect(bump, sender=Page, dispatch_uid="content-version-page-delete")
    # Page subclasses send post_delete as themselves, not as Page.
    for model in apps.get_models():
        if issubclass(model, Page) and model is not Page:
            post_delete.connect(bump, sender=model, dispatch_uid=f"content-version-delete-{model._meta.label}")
    watched = [Locale, Site, PageViewRestriction, *(apps.get_model(label) for label in WATCHED_MODELS)]
    for model in watched:
        post_save.connect(bump, sender=model, dispatch_uid=f"content-version-save-{model._meta.label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"content-version-delete-{model._meta.label}")


# Snippets and settings that appear on public pages. Snippets with drafts
# (Resource, FooterText) also send `published`, handled above; a save of
# a draft changes nothing public, but is rare enough that a spare bump is
# cheaper than telling the two apart.
WATCHED_MODELS = (
    "home.Person",
    "home.Resource",
    "home.FooterText",
    "home.SiteSettings",
    "commitments.Framework",
    "commitments.FrameworkElement",
    "commitments.CrosswalkLink",
    "stories.Sector",
    "stories.Stakeholder",
    "wagtailimages.Image",
)
