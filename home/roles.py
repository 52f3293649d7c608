"""The communications team's groups, their rights and the review workflows,
created idempotently by `manage.py setup_roles`. Each group's rights are set
to exactly what is listed here, so running it again repairs drift.

The plain-language step is open to Editors, Reviewers and Moderators (never
to the person who submitted), so a team with one Editor is never blocked:
a Moderator or a Reviewer takes it. Wagtail emails the members of a task's
groups when it starts, so everyone who can act on it is told. Every snippet
visitors read goes through the same review as English pages."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from home.models import FinalApprovalTask, PlainLanguageReviewTask

EDITORS = "Editors"
REVIEWERS = "Reviewers"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"
ENGAGEMENT_MANAGERS = "Engagement managers"

COMMUNICATIONS_REVIEW = "Communications review"
TRANSLATION_REVIEW = "Translation review"

# Snippets visitors read, each reviewed before it goes live. Wagtail has no
# per-language snippet rights, so translators hold the model's rights and
# home.wagtail_hooks refuses them the English instances.
VISITOR_SNIPPETS = [
    ("commitments", "framework"),
    ("commitments", "frameworkelement"),
    ("stories", "sector"),
    ("stories", "stakeholder"),
    ("home", "person"),
    ("home", "resource"),
    ("home", "footertext"),
]
EDITOR_SECTIONS = ["commitments.CommitmentIndexPage", "stories.StoryIndexPage", "engage.EngagePage"]
EDITOR_SECTION_SLUGS = ["about"]
MEDIA_RIGHTS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _set_rights(group, permissions, page_rights=(), collection_rights=()):
    """Replace the group's rights with exactly these."""
    group.permissions.set(permissions)
    GroupPagePermission.objects.filter(group=group).delete()
    for page, codenames in page_rights:
        for codename in codenames:
            GroupPagePermission.objects.create(group=group, page=page, permission=_permission("wagtailcore", codename))
    GroupCollectionPermission.objects.filter(group=group).delete()
    collection = Collection.get_first_root_node()
    for app_label, codename in collection_rights:
        GroupCollectionPermission.objects.create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )


def _homes():
    """Each language's home page: (English, [the others])."""
    homes = list(Page.objects.filter(depth=2).select_related("locale"))
    english = [home for home in homes if home.locale.language_code == settings.LANGUAGE_CODE]
    return english, [home for home in homes if home.locale.language_code != settings.LANGUAGE_CODE]


def _editor_sections(english_homes):
    sections = []
    for home in english_homes:
        for label in EDITOR_SECTIONS:
            sections += list(apps.get_model(label).objects.child_of(home))
        sections += list(Page.objects.child_of(home).filter(slug__in=EDITOR_SECTION_SLUGS))
    return sections


def _snippet_rights(actions, models=VISITOR_SNIPPETS):
    return [_permission(app, f"{action}_{model}") for app, model in models for action in actions]


def ensure_translators_group():
    """Translators edit pages of the non-English trees and start translations;
    they get no rights on the English tree, so they cannot edit or publish it."""
    group, _created = Group.objects.get_or_create(name=TRANSLATORS)
    _english, others = _homes()
    _set_rights(
        group,
        [
            _permission("wagtailadmin", "access_admin"),
            _permission("wagtail_localize", "submit_translation"),
            *_snippet_rights(["add", "change"]),
        ],
        page_rights=[(home, ["add_page", "change_page"]) for home in others],
        collection_rights=[("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")],
    )
    return group


def _ensure_workflow(name, tasks, pages):
    workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    for position, (task_model, task_name, groups) in enumerate(tasks):
        task = task_model.objects.filter(name=task_name).first() or task_model.objects.create(name=task_name)
        task.groups.set(groups)
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": position})
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def ensure_roles():
    """All groups and workflows. Returns {group name: group}."""
    english, others = _homes()
    editors, _c = Group.objects.get_or_create(name=EDITORS)
    moderators, _c = Group.objects.get_or_create(name=MODERATORS)
    engagement, _c = Group.objects.get_or_create(name=ENGAGEMENT_MANAGERS)
    reviewers, _c = Group.objects.get_or_create(name=REVIEWERS)
    access_admin = _permission("wagtailadmin", "access_admin")

    _set_rights(
        editors,
        [access_admin, *_snippet_rights(["add", "change"])],
        page_rights=[(section, ["add_page", "change_page"]) for section in _editor_sections(english)],
        collection_rights=MEDIA_RIGHTS,
    )
    # Moderators may delete pages, except those the site depends on
    # (home.wagtail_hooks keeps those for superusers).
    _set_rights(
        moderators,
        [
            access_admin,
            *_snippet_rights(["add", "change"]),
            *_snippet_rights(["publish", "lock", "unlock"]),
        ],
        page_rights=[
            (home, ["add_page", "change_page", "publish_page", "delete_page", "lock_page", "unlock_page"])
            for home in english + others
        ],
        collection_rights=MEDIA_RIGHTS,
    )
    # Contact details of people who shared a story: editors follow up, and
    # moderators may delete them once done.
    story_contacts = _permission("engage", "view_storysubmission")
    editors.permissions.add(story_contacts)
    moderators.permissions.add(story_contacts, _permission("engage", "delete_storysubmission"))
    _set_rights(engagement, [access_admin, _permission("engage", "view_responses")])
    # Reviewers change nothing themselves: Wagtail opens the editor to them
    # while the plain-language step waits for their decision.
    _set_rights(reviewers, [access_admin])
    translators = ensure_translators_group()

    communications = _ensure_workflow(
        COMMUNICATIONS_REVIEW,
        [
            (PlainLanguageReviewTask, "Plain-language review", [editors, reviewers, moderators]),
            (FinalApprovalTask, "Final approval", [moderators]),
        ],
        english,
    )
    _ensure_workflow(TRANSLATION_REVIEW, [(FinalApprovalTask, "Translation approval", [moderators])], others)
    # Snippets visitors read go through the same review as pages.
    for app_label, model_name in VISITOR_SNIPPETS:
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_by_natural_key(app_label, model_name),
            defaults={"workflow": communications},
        )
    # Wagtail's sample workflow on the root page would catch pages outside our trees.
    WorkflowPage.objects.filter(page__depth=1).delete()
    return {group.name: group for group in (editors, reviewers, moderators, translators, engagement)}
