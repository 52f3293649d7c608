"""Workflow steps of the communications team."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask


class ReviewCommentForm(TaskStateCommentForm):
    """The reviewer's comment, labelled in the reviewer's language (Wagtail's
    own form fixes its label in the server's language when it is imported)."""

    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea({"rows": 2}))


class ReviewTask(AbstractGroupApprovalTask):
    """A group approval step whose decision screen shows the page's reading
    level and the figures it cites. With `exclude_author`, the person who
    submitted the page cannot review it (a second pair of eyes)."""

    exclude_author = False

    class Meta:
        abstract = True

    @staticmethod
    def _submitter(obj):
        state = getattr(obj, "current_workflow_state", None)
        return state.requested_by if state else None

    def _is_author(self, obj, user):
        return self.exclude_author and user.pk is not None and self._submitter(obj) == user

    def get_actions(self, obj, user):
        if self._is_author(obj, user):
            return []
        actions = super().get_actions(obj, user)
        # Every decision opens the review screen, so the reading level and the
        # cited figures are in front of the reviewer when they decide.
        return [(name, label, True) for name, label, _modal in actions]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if self.exclude_author and not user.is_superuser:
            states = states.exclude(workflow_state__requested_by=user)
        return states

    def get_form_for_action(self, action):
        return ReviewCommentForm

    def get_template_for_action(self, action):
        return "home/workflow/review_action.html"


class PlainLanguageReviewTask(ReviewTask):
    exclude_author = True

    class Meta:
        verbose_name = _("plain-language review (not by the author)")
        verbose_name_plural = _("plain-language reviews")

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups, other than the person who submitted, review the wording.")


class FinalApprovalTask(ReviewTask):
    class Meta:
        verbose_name = _("final approval")
        verbose_name_plural = _("final approvals")

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve and publish, seeing reading level and cited figures.")
