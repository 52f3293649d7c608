from wagtail import hooks
from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page

VIEW_RESPONSES = "engage.view_responses"


@hooks.register("filter_form_submissions_for_user")
def only_the_engagement_team_sees_responses(user, editable_forms):
    """Form submissions follow the view_responses right, not page-editing
    rights: editors of a survey page do not see its answers, and engagement
    managers see every form's answers without being able to edit pages."""
    if user.is_superuser or user.has_perm(VIEW_RESPONSES):
        return Page.objects.filter(content_type__in=get_form_types())
    return editable_forms.none()
