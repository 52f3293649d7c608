"""The translation editor with review: wagtail-localize's editor, whose
actions are replaced (for pages and snippets with a workflow) by ours:

- "Submit for review" is the primary action (review.submit_for_review);
- "Publish without review" is a secondary action, shown only to those who
  may publish (Moderators), and cancels any review in progress;
- reviewers approve or request changes with a comment from the editor, and
  the translator sees the comment of the last request for changes;
- the strings still to translate (new or changed in the source) are listed.

The hook runs before wagtail-localize's own `before_edit_page` and
`before_edit_snippet` hooks (order -1), and reaches its editor for aliases
whose translation has been started too (wagtail-localize would offer to
start it again). Anything else is left to wagtail-localize."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, TranslatableMixin, WorkflowState
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views import edit_translation

from core.translation.review import (
    NoReviewWorkflow,
    is_publishable_without_review,
    review_state,
    submit_for_review,
    supports_review,
)

SUBMIT = "submit-for-review"
PUBLISH = "publish"  # wagtail-localize's own action name
SHOWN_STRINGS = 10


def translation_of(instance):
    """The enabled translation whose target is `instance`, or None."""
    if not isinstance(instance, TranslatableMixin):
        return None
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def edit_with_review(request, instance):
    """Hook body for before_edit_page / before_edit_snippet."""
    if isinstance(instance, Page):
        instance = instance.specific
    translation = translation_of(instance)
    if translation is None or not supports_review(instance):
        return None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == SUBMIT:
            return _submit(request, translation, instance)
        if action == PUBLISH:
            return _publish(request, translation, instance)
        if isinstance(instance, Page) and instance.alias_of_id:
            return redirect(request.path)  # an alias takes no other posts
        return None
    return edit_translation.edit_translation(request, translation, instance)


def _submit(request, translation, instance):
    try:
        submit_for_review(translation, instance, request.user)
    except NoReviewWorkflow as problem:
        messages.error(request, str(problem))
    except ValidationError as problem:
        messages.error(request, _("The translation could not be saved: %(problem)s") % {"problem": problem})
    else:
        messages.success(
            request,
            _("The %(language)s translation of “%(title)s” was submitted for review.")
            % {"language": translation.target_locale.get_display_name(), "title": instance},
        )
    return redirect(request.path)


def _publish(request, translation, instance):
    """A moderator publishes without waiting for the review. wagtail-localize
    publishes once the translation is saved (on commit), and Wagtail then
    ends a review in progress (WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH): a
    publish that fails leaves the translator's submission waiting."""
    if not is_publishable_without_review(instance, request.user):
        raise PermissionDenied
    return edit_translation.edit_translation(request, translation, instance)


def _workflow_action_url(instance, action, task_state):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:workflow_action", args=[instance.pk, action, task_state.pk])
    return reverse(instance.snippet_viewset.get_url_name("workflow_action"), args=[instance.pk, action, task_state.pk])


def _strings_to_translate(translation):
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .order_by("order")
        .select_related("string")
    )
    return [segment.string.data for segment in segments[: SHOWN_STRINGS + 1]], segments.count()


def review_context(request, translation, instance):
    """What the editor's review panel and footer show (see
    templates/core/translation/review_panel.html)."""
    if not supports_review(instance):
        return {"review": False}
    state = review_state(instance)
    task_state = state.current_task_state if state else None
    actions = {}
    if state and state.status == WorkflowState.STATUS_IN_PROGRESS and task_state:
        # "Approve" and "Approve with comment" are one action here: the comment box is always there.
        for name, label, _modal in task_state.task.specific.get_actions(instance, request.user):
            url = _workflow_action_url(instance, name, task_state)
            actions.setdefault(name, {"name": name, "label": label, "url": url})
    changes_requested = state if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES else None
    strings, strings_count = _strings_to_translate(translation)
    return {
        "review": True,
        "request": request,
        "state": state,
        "task_state": task_state,
        "changes_requested": changes_requested,
        "decisions": list(actions.values()),
        "can_publish": is_publishable_without_review(instance, request.user),
        "source_changed_at": translation.source.last_updated_at,
        "strings_to_translate": strings[:SHOWN_STRINGS],
        "strings_to_translate_count": strings_count,
        "more_strings": strings_count > SHOWN_STRINGS,
        "preview_url": reverse("wagtail_localize:preview_translation", args=[translation.pk])
        if isinstance(instance, Page)
        else "",
        "stop_url": reverse("wagtail_localize:stop_translation", args=[translation.pk]),
        "language": translation.target_locale.get_display_name(),
        "SUBMIT": SUBMIT,
        "PUBLISH": PUBLISH,
    }
