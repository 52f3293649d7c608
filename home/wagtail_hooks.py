"""The editors' admin: the site's snippets, and the rules around editing.

Invariants:
- Publishing needs the right to publish; a forged publish is refused (403).
- Translators never change a default-language (English) snippet (403 with a
  message; no edit link in the listings), see core.language_rights.
- Only a superuser deletes the commitment pages, the section indexes or the
  home page, one at a time or in bulk.
- Deleting or unpublishing an English page takes its translations with it,
  and the confirmation lists them first.
- A save just after autosave created a page goes into that page.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.language_rights import VisitorSnippetIndexView, may_change, may_change_default_language
from core.panels import PlainLanguageOnCreate, PlainLanguageOnEdit
from home.models import FooterText, Person, Resource
from home.roles import EDITOR_SECTIONS


class PersonViewSet(SnippetViewSet):
    model = Person
    index_view_class = VisitorSnippetIndexView
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "organization"]
    search_fields = ["name", "organization"]


class ResourceViewSet(SnippetViewSet):
    model = Resource
    index_view_class = VisitorSnippetIndexView
    icon = "doc-full"
    menu_label = _("Resources")
    list_display = ["title", "kind", "date"]
    list_filter = ["kind", "live"]
    search_fields = ["title", "summary"]


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    index_view_class = VisitorSnippetIndexView
    icon = "doc-empty"
    menu_label = _("Footer")
    list_display = ["__str__", "live"]


class SiteContentViewSetGroup(SnippetViewSetGroup):
    items = (ResourceViewSet, PersonViewSet, FooterTextViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Site content")
    menu_name = "site-content"


register_snippet(SiteContentViewSetGroup)


def _asks_to_publish(request):
    return request.method == "POST" and "action-publish" in request.POST


def _refuse_publish():
    return HttpResponseForbidden(_("You may not publish this page. Submit it for review instead."))


# Wagtail hides the publish action from those who may not publish; a
# hand-made POST asking for it is refused outright (403), not saved as a draft.
@hooks.register("before_edit_page")
def refuse_forged_publish_on_edit(request, page):
    if _asks_to_publish(request) and not page.permissions_for_user(request.user).can_publish():
        return _refuse_publish()
    return None


@hooks.register("before_create_page")
def refuse_forged_publish_on_create(request, parent_page, page_class):
    if _asks_to_publish(request) and not parent_page.permissions_for_user(request.user).can_publish_subpage():
        return _refuse_publish()
    return None


# Stricter accessibility checks, in the userbar on the live site and in the
# editor's Checks panel (Wagtail builds both from the userbar item and this
# hook). AccessibilityItem is a deprecated alias of ContentCheckerItem in
# Wagtail 7.4 (subclassing it warns), so the subclass is of ContentCheckerItem.
from wagtail.admin.userbar import ContentCheckerItem  # noqa: E402

ALT_TEXT_RULE = "lhs-alt-text-file-name"
# Wagtail attaches its JavaScript test to the check "check-image-alt-text" (a
# case-insensitive pattern the alt text must not match). Ours also catches
# camera file names and alt text that starts with "image of" / "picture of".
ALT_TEXT_PATTERN = (
    r"\.(avif|bmp|gif|heic|jpe?g|png|svg|tiff?|webp)$"
    r"|^\s*(img|dsc|dscn|dcim|pxl|screenshot)[-_ ]?\d"
    r"|_"
    r"|^\s*(an? |the )?(image|picture|photo|photograph) of\b"
)


class PlainLanguageCheckerItem(ContentCheckerItem):
    """WCAG 2.x A and AA rules plus best practice for link text, headings and
    alt text, and our own rule for alt text that is a file name or starts
    with "image of" / "picture of"."""

    axe_run_only = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    # Best-practice (and Wagtail's own) rules run on top of the WCAG tags.
    axe_rules = {
        rule: {"enabled": True}
        for rule in (
            "link-name",
            "heading-order",
            "empty-heading",
            "p-as-heading",
            "image-alt",
            "image-redundant-alt",
            "empty-table-header",
            "empty-meta-description",
            ALT_TEXT_RULE,
        )
    } | {"alt-text-quality": {"enabled": False}}  # replaced by ALT_TEXT_RULE
    axe_custom_rules = [
        *(rule for rule in ContentCheckerItem.axe_custom_rules if rule["id"] != "alt-text-quality"),
        {
            "id": ALT_TEXT_RULE,
            "impact": "serious",
            "selector": "img[alt]",
            "tags": ["best-practice"],
            "any": ["check-image-alt-text"],
            "enabled": True,
        },
        {"id": "alt-text-quality", "selector": "img[alt]", "any": ["check-image-alt-text"], "enabled": False},
    ]
    axe_custom_checks = [
        {"id": "check-image-alt-text", "options": {"pattern": ALT_TEXT_PATTERN}},
        *(check for check in ContentCheckerItem.axe_custom_checks if check["id"] != "check-image-alt-text"),
    ]
    axe_messages = ContentCheckerItem.axe_messages | {
        "link-name": {
            "error_name": _("Link has no text"),
            "help_text": _("Say where the link goes, so screen reader users know without seeing it"),
        },
        "heading-order": {
            "error_name": _("Heading level skipped"),
            "help_text": _("Go down one level at a time: a heading 2, then heading 3, not heading 2 then heading 4"),
        },
        "empty-heading": {
            "error_name": _("Empty heading"),
            "help_text": _("Give every heading text, or remove it"),
        },
        "p-as-heading": {
            "error_name": _("Bold paragraph used as a heading"),
            "help_text": _("Use a heading from the toolbar instead of bold text"),
        },
        "image-alt": {
            "error_name": _("Image has no alt text"),
            "help_text": _("Describe what the image shows, or mark it as decorative"),
        },
        "image-redundant-alt": {
            "error_name": _("Alt text repeats the caption or link text"),
            "help_text": _("Say something the nearby text does not, or leave the alt text empty"),
        },
        ALT_TEXT_RULE: {
            "error_name": _("Alt text is a file name or starts with “image of”"),
            "help_text": _("Describe what the image shows; screen readers already say it is an image"),
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_plain_language_checker(request, items, page):
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, PlainLanguageCheckerItem):
            items[index] = PlainLanguageCheckerItem(in_editor=item.in_editor)


@hooks.register("register_admin_urls")
def plain_language_urls():
    """Where the "Plain language" panel asks for readings of the text being typed."""
    return [
        path("plain-language/pages/<int:page_id>/", PlainLanguageOnEdit.as_view(), name="plain_language_edit"),
        path(
            "plain-language/pages/add/<str:content_type_app_name>/<str:content_type_model_name>/<int:parent_page_id>/",
            PlainLanguageOnCreate.as_view(),
            name="plain_language_create",
        ),
    ]


# Translators hold a snippet model's rights for its translations; the English
# instances are not theirs to change (core.language_rights).
def _refuse_default_language(request, model):
    listing = model.snippet_viewset.get_url_name("list")
    return TemplateResponse(
        request,
        "core/admin_refusal.html",
        {
            "title": _("You cannot change the English version"),
            "problem": _(
                "Only editors and moderators may change the English version. "
                "Translators change the translations: open this item in your language instead."
            ),
            "next_url": reverse(listing),
            "next_label": _("Back to the list"),
        },
        status=403,
    )


@hooks.register("before_edit_snippet")
def refuse_english_snippet_edit_to_translators(request, instance):
    if not may_change(request.user, instance):
        return _refuse_default_language(request, type(instance))
    return None


@hooks.register("before_create_snippet")
def refuse_english_snippet_creation_to_translators(request, model):
    if not issubclass(model, TranslatableMixin):
        return None
    language = request.GET.get("locale") or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE and not may_change_default_language(request.user):
        return _refuse_default_language(request, model)
    return None


@hooks.register("before_delete_snippet")
def refuse_english_snippet_deletion_to_translators(request, instances):
    if any(not may_change(request.user, instance) for instance in instances):
        return _refuse_default_language(request, type(instances[0]))
    return None


# The survey is built from the commitment pages, and the section indexes hold
# the site's listings: deleting one (or a page above one) breaks the site, so
# only a superuser may.
PROTECTED_PAGE_MODELS = ("commitments.CommitmentPage", *EDITOR_SECTIONS, "home.HomePage")


def _protected_pages(pages):
    """The pages among these, or below them, that the site depends on."""
    protected = Page.objects.none()
    for page in pages:
        protected |= Page.objects.filter(path__startswith=page.path)
    types = [ContentType.objects.get_for_model(apps.get_model(label)) for label in PROTECTED_PAGE_MODELS]
    return protected.filter(content_type__in=types)


def _refuse_deleting_protected(request, pages):
    if request.user.is_superuser:
        return None
    protected = _protected_pages(pages).first()
    if protected is None:
        return None
    messages.error(
        request,
        _(
            "“%(title)s” cannot be deleted: the site depends on it (the survey is built from the commitments, "
            "and section pages hold the listings). Unpublish or edit it instead, or ask an administrator."
        )
        % {"title": protected.get_admin_display_title()},
    )
    return redirect("wagtailadmin_explore", pages[0].get_parent().pk)


@hooks.register("before_delete_page")
def refuse_deleting_pages_the_site_depends_on(request, page):
    return _refuse_deleting_protected(request, [page])


@hooks.register("before_bulk_action")
def refuse_bulk_deleting_pages_the_site_depends_on(request, action_type, objects, action_class_instance):
    if action_type == "delete" and objects and isinstance(objects[0], Page):
        return _refuse_deleting_protected(request, objects)
    return None


# An English page's translations follow it: deleting it deletes them (and
# their aliases), unpublishing it unpublishes them. Wagtail's confirmation
# pages count them and our templates list them before the editor confirms.
@hooks.register("construct_translated_pages_to_cascade_actions")
def translations_follow_the_english_page(pages, action):
    if action not in ("delete", "unpublish"):
        return None
    followers = {}
    for page in pages:
        if page.locale.language_code != settings.LANGUAGE_CODE:
            continue
        translations = Page.objects.translation_of(page, inclusive=False)
        followers[page] = translations.filter(alias_of__isnull=True) if action == "unpublish" else translations
    return followers


# Wagtail's autosave creates a new page from the create view in the
# background, then moves the editor to the page's edit view. An explicit save
# sent in between still goes to the create view, where the autosaved page's
# slug would refuse it. It is the same page: the save is handed, with all
# that was typed, to that page's edit view (307 keeps the POST).
AUTOSAVE_ADOPTION_WINDOW = datetime.timedelta(minutes=2)


@hooks.register("before_create_page")
def save_into_the_page_autosave_just_created(request, parent_page, page_class):
    slug = request.POST.get("slug") if request.method == "POST" else None
    if not slug:
        return None
    autosaved = (
        page_class.objects.child_of(parent_page)
        .filter(
            slug=slug,
            owner=request.user,
            live=False,
            first_published_at__isnull=True,
            latest_revision_created_at__gte=timezone.now() - AUTOSAVE_ADOPTION_WINDOW,
        )
        .first()
    )
    if autosaved is None or autosaved.revisions.count() > 1:
        return None
    return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[autosaved.pk]), status=307)


@hooks.register("insert_editor_js")
def length_limit_counters():
    return format_html(
        '<script src="{}" data-count-text="{}" data-over-text="{}"></script>',
        static("js/length_limits.js"),
        _("%(length)s of %(limit)s characters"),
        _("%(over)s characters too many: the limit is %(limit)s."),
    )
