"""A translation goes live only through review (or a publisher's explicit
choice). Invariants:

- Submitting a translation saves it as a revision of the target and starts
  (or resumes) the target's workflow; the live row is never written, so an
  alias stays an alias, with its "not translated yet" notice, until the
  revision is published.
- A revision made here is of a page of its own (no `alias_of`); Wagtail keeps
  a page's `alias_of` when it publishes a revision, so `stand_alone_on_publish`
  turns the alias into that page as the revision goes live.
- Starting a translation ("Translate this page") only records what is to be
  translated: the target is an alias of its source (made if missing), never a
  copy with the English text in it. A snippet with drafts gets its copy as a
  draft (not live); one without drafts cannot be kept from the public.
"""

import contextlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Page, WorkflowMixin, WorkflowState
from wagtail_localize.models import Translation, TranslationLog, TranslationSource


class NoReviewWorkflow(Exception):
    """The target has no workflow to submit the translation to."""


def supports_review(instance):
    """Pages and snippets with workflows go through review in the editor."""
    return isinstance(instance, WorkflowMixin) and instance.get_workflow() is not None


def review_state(instance):
    """The target's workflow state that is in progress or waiting for changes."""
    if not isinstance(instance, WorkflowMixin):
        return None
    return instance.current_workflow_state


@transaction.atomic
def submit_for_review(translation, instance, user):
    """Save the translation so far as a revision of `instance` and put it to
    the reviewers: a new workflow, the one that asked for changes resumed,
    or (in review already) the newer revision is what they will approve.
    Returns the revision; raises NoReviewWorkflow or ValidationError."""
    workflow = instance.get_workflow()
    if workflow is None:
        raise NoReviewWorkflow(_("This translation has no review workflow. Ask an administrator to set one up."))
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    if isinstance(draft, Page):
        draft.alias_of_id = None  # published, it stands on its own (stand_alone_on_publish)
    revision = draft.save_revision(user=user, log_action=True)
    target = _reloaded(instance)
    state = review_state(target)
    if state is None:
        workflow.start(target, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    return revision


def _reloaded(instance):
    model = instance.specific_class if isinstance(instance, Page) else type(instance)
    return model.objects.get(pk=instance.pk)


def stand_alone_on_publish(instance, revision=None, **_kwargs):
    """Signal handler for `page_published`: a reviewed translation published
    on an alias makes it a page of its own, logged as wagtail-localize logs
    the same conversion, and records when the translation was made."""
    if not instance.alias_of_id or revision is None or revision.content.get("alias_of") is not None:
        return
    translation = Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
    ).first()
    if translation is None:
        return
    Page.objects.filter(pk=instance.pk).update(alias_of=None)
    instance.alias_of_id = None
    log(instance=instance, action="wagtail.convert_alias", revision=revision, user=revision.user)
    TranslationLog.objects.create(source=translation.source, locale=instance.locale, revision=revision)


def start_page_translation(page, locales):
    """Record that `page` is to be translated into `locales`: its source
    taken from the live page, an enabled Translation per locale, and an alias
    where the locale has no page yet (so visitors see the notice, not a copy)."""
    page = page.specific
    source, _created = TranslationSource.update_or_create_from_instance(page)
    for locale in locales:
        if locale.pk == source.locale_id:
            continue
        Translation.objects.update_or_create(source=source, target_locale=locale, defaults={"enabled": True})
        if not page.has_translation(locale):
            page.copy_for_translation(locale, copy_parents=True, alias=True)


def is_publishable_without_review(instance, user):
    """A publisher (a Moderator) may publish a translation directly."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    if isinstance(instance, DraftStateMixin):
        opts = type(instance)._meta
        return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")
    return True


def start_snippet_translation(instance, locales):
    """Record that the snippet is to be translated into `locales`; a new copy
    in each is saved as a draft when the model has drafts."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    for locale in locales:
        if locale.pk == source.locale_id:
            continue
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        # As wagtail-localize does: a copy that does not validate yet is made later, from the editor.
        with contextlib.suppress(ValidationError):
            translation.save_target(publish=not isinstance(instance, DraftStateMixin))
