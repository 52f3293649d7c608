"""Review of the snippets visitors read, by language.

Wagtail gives a snippet model one workflow (WorkflowContentType) for all its
instances. A visitor snippet is instead reviewed like the pages of its own
language: by the workflow on its language's home page (the Communications
review for English, the Translation review for the others), falling back to
the model's workflow when that home has none."""

from django.conf import settings
from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, TranslatableMixin, WorkflowMixin


class ReviewedInItsLanguageMixin(WorkflowMixin):
    class Meta:
        abstract = True

    def get_workflow(self):
        if getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True) and getattr(self, "locale_id", None):
            home = Page.objects.filter(depth=2, locale_id=self.locale_id).first()
            workflow = home.get_workflow() if home is not None else None
            if workflow is not None:
                return workflow
        return super().get_workflow()


class ReviewedSnippet(ReviewedInItsLanguageMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin):
    """A visitor-facing snippet: translatable, drafted, locked while edited,
    and reviewed in its language's workflow before it goes live. Public
    queries ask for `live=True`."""

    class Meta(TranslatableMixin.Meta):
        abstract = True
