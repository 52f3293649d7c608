from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from engage.dashboard import ResponsesReport, can_view_responses
from engage.models import StorySubmission


@hooks.register("filter_form_submissions_for_user")
def only_the_engagement_team_sees_responses(user, editable_forms):
    """Form submissions follow the view_responses right, not page-editing
    rights: editors of a survey page do not see its answers, and engagement
    managers see every form's answers without being able to edit pages."""
    if can_view_responses(user):
        return Page.objects.filter(content_type__in=get_form_types())
    return editable_forms.none()


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    """Story submissions come only from the public form and are not edited:
    people with the model's rights may view them and delete them (for
    example when someone asks us to delete their details), never add or
    change them."""

    READ_ONLY = {"add", "change"}

    def user_has_permission(self, user, action):
        return action not in self.READ_ONLY and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action not in self.READ_ONLY])


class StorySubmissionViewSet(SnippetViewSet):
    """Who sent each story from the public form and how to reach them, so
    editors can follow up. Shown on its own; the story is the draft page."""

    model = StorySubmission
    icon = "mail"
    menu_label = _("Story submissions")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["page", "contact_name", "contact_email", "submitted_at"]
    list_filter = ["language_code"]
    search_fields = ["contact_name", "contact_email"]
    ordering = ["-submitted_at"]
    inspect_view_enabled = True
    inspect_view_fields = ["page", "contact_name", "contact_email", "contact_phone", "submitted_at", "language_code"]
    copy_view_enabled = False

    @property
    def permission_policy(self):
        return SubmissionPermissionPolicy(self.model)


register_snippet(StorySubmissionViewSet)


# The engagement team's survey results, with their exports ---------------------


@hooks.register("register_admin_urls")
def register_survey_results_urls():
    return [
        path("engagement/", ResponsesReport.as_view(), name="engage_dashboard"),
        path("engagement/results/", ResponsesReport.as_view(results_only=True), name="engage_dashboard_results"),
    ]


class SurveyResultsMenuItem(MenuItem):
    """Shown only to the people the survey results let in."""

    def is_shown(self, request):
        return can_view_responses(request.user)


@hooks.register("register_admin_menu_item")
def register_survey_results_menu_item():
    return SurveyResultsMenuItem(
        _("Survey results"), reverse_lazy("engage_dashboard"), name="survey-results", icon_name="table", order=320
    )
