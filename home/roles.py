"""Groups and their rights, created idempotently. The workflow issue adds the
editorial groups; the Translators group is made here and reused there."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

TRANSLATORS = "Translators"

# Snippets visitors read. Wagtail has no per-language snippet rights, so
# translators may change these models; the translation editor is how they do.
TRANSLATABLE_SNIPPETS = [
    ("commitments", "framework"),
    ("commitments", "frameworkelement"),
    ("stories", "sector"),
    ("stories", "stakeholder"),
    ("home", "person"),
    ("home", "resource"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def ensure_translators_group():
    """Translators edit pages of the non-English trees and start translations;
    they get no rights on the English tree, so they cannot edit or publish it."""
    group, _created = Group.objects.get_or_create(name=TRANSLATORS)
    group.permissions.add(
        _permission("wagtailadmin", "access_admin"),
        _permission("wagtail_localize", "submit_translation"),
        *(
            _permission(app, f"{action}_{model}")
            for app, model in TRANSLATABLE_SNIPPETS
            for action in ("add", "change")
        ),
    )
    roots = Page.objects.filter(depth=2).exclude(locale__language_code=settings.LANGUAGE_CODE)
    for root in roots:
        for action in ("add_page", "change_page"):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_permission("wagtailcore", action)
            )
    collection = Collection.get_first_root_node()
    for app, codename in (("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app, codename)
        )
    return group
