"""Nothing reaches the public without review."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState

from home.roles import EDITORS, ENGAGEMENT_MANAGERS, MODERATORS, REVIEWERS, ensure_roles
from tests import factories
from tests.home.test_page_tree import commitment_form_data


@pytest.fixture
def team(db, django_user_model, home_page, commitments):
    ensure_roles()

    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "author": member("ana", EDITORS),
        "peer": member("ben", EDITORS),
        "moderator": member("mo", MODERATORS),
        "engagement": member("eve", ENGAGEMENT_MANAGERS),
    }


def edit(client, page, action, **fields):
    data = commitment_form_data(title=page.title, slug=page.slug, number=page.number, **fields)
    data[action] = action
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def decide(client, page, action, comment=""):
    state = page.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/",
        {"comment": comment},
    )


@pytest.mark.django_db
def test_an_editor_cannot_publish(client, team, commitments):
    page = commitments[1]
    client.force_login(team["author"])
    form = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in form
    assert 'name="action-submit"' in form
    forged = edit(client, page, "action-publish", summary="Changed without review.")
    assert forged.status_code == 403
    page.refresh_from_db()
    assert page.summary != "Changed without review." and page.live


@pytest.mark.django_db
def test_both_review_steps_publish_the_page_and_notify_the_right_people(client, team, commitments):
    page = commitments[1]
    client.force_login(team["author"])
    mail.outbox.clear()
    assert edit(client, page, "action-submit", summary="Proven steps keep you from harm.").status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress and page.summary != "Proven steps keep you from harm."
    # Reviewers of the first step are told, with absolute links; the author is not a reviewer.
    recipients = {address for message in mail.outbox for address in message.to}
    assert "ben@example.org" in recipients and "ana@example.org" not in recipients
    assert any("http://testserver/admin/" in message.body for message in mail.outbox)

    # The author cannot approve their own change.
    response = decide(client, page, "approve")
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Plain-language review"

    client.force_login(team["peer"])
    review = client.get(
        f"/admin/pages/workflow/action/{page.pk}/approve/{page.current_workflow_task_state.pk}/"
    ).json()["html"]
    assert "Reading level: grade" in review
    assert "This page cites no figures." in review
    assert decide(client, page, "approve", "Clear and short.").status_code in (200, 302)
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Final approval" and page.has_unpublished_changes is not False

    client.force_login(team["moderator"])
    response = decide(client, page, "approve")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.summary == "Proven steps keep you from harm."
    assert page.current_workflow_state is None
    # The audit log records every step, with who took it.
    steps = list(
        PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", "user__username")
    )
    assert ("wagtail.workflow.start", "ana") in steps
    assert steps.count(("wagtail.workflow.approve", "ben")) == 1
    assert ("wagtail.workflow.approve", "mo") in steps and steps[-1][0] == "wagtail.publish"


@pytest.mark.django_db
def test_rejection_returns_the_page_to_its_author_with_the_comment(client, team, commitments):
    page = commitments[1]
    client.force_login(team["author"])
    edit(client, page, "action-submit", summary="A long and winding sentence.")
    client.force_login(team["peer"])
    mail.outbox.clear()
    decide(client, page, "reject", "Please use shorter words.")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Please use shorter words."
    to_author = [message for message in mail.outbox if "ana@example.org" in message.to]
    assert to_author and "Please use shorter words." in to_author[0].body


@pytest.mark.django_db
def test_an_edit_after_approval_needs_approval_again(client, team, commitments):
    page = commitments[1]
    client.force_login(team["author"])
    edit(client, page, "action-submit", summary="First wording.")
    client.force_login(team["peer"])
    decide(client, page, "approve")
    client.force_login(team["moderator"])
    edit(client, page, "action-save", summary="Changed during final approval.")
    decide(client, page, "approve")
    page.refresh_from_db()
    # The plain-language review approved the earlier wording, so it must look again.
    assert page.summary != "Changed during final approval."
    assert page.current_workflow_task.name == "Plain-language review"


@pytest.mark.django_db
def test_engagement_managers_see_responses_and_cannot_edit_pages(client, team, home_page, commitments):
    engage = factories.EngagePageFactory(parent=home_page)
    survey = factories.SurveyPageFactory(parent=engage)
    factories.SurveyFormFieldFactory(page=survey, label="Organization name")
    from engage.models import SurveySubmission

    SurveySubmission.objects.create(page=survey, form_data={"organization_name": "Riverside"})
    client.force_login(team["engagement"])
    assert client.get(f"/admin/forms/submissions/{survey.pk}/").status_code == 200
    assert "Riverside" in client.get(f"/admin/forms/submissions/{survey.pk}/").content.decode()
    assert client.get(f"/admin/pages/{commitments[0].pk}/edit/").status_code in (302, 403)
    # Editors of the engage section do not see the answers.
    client.force_login(team["author"])
    assert client.get(f"/admin/forms/submissions/{survey.pk}/").status_code in (302, 403, 404)


@pytest.mark.django_db
def test_anonymous_visitors_never_see_drafts_previews_or_revisions(client, team, story_index, commitments):
    draft = factories.StoryPageFactory(parent=story_index, title="Secret draft", live=False)
    revision = draft.save_revision()
    assert client.get("/stories/secret-draft/").status_code == 404
    for url in (
        f"/admin/pages/{draft.pk}/view_draft/",
        f"/admin/pages/{draft.pk}/edit/preview/",
        f"/admin/pages/{draft.pk}/revisions/{revision.pk}/view/",
        f"/admin/pages/{draft.pk}/history/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Secret draft" not in response.content.decode()


@pytest.mark.django_db
def test_a_scheduled_page_goes_live_when_publish_scheduled_runs(client, team, story_index, commitments):
    page = factories.StoryPageFactory(parent=story_index, title="Coming soon", live=False)
    factories.link_story(page, commitments=[commitments[0]])
    go_live = timezone.now() + datetime.timedelta(hours=1)
    page.go_live_at = go_live
    revision = page.save_revision(user=team["moderator"])
    revision.publish(user=team["moderator"])
    page.refresh_from_db()
    assert not page.live and client.get("/stories/coming-soon/").status_code == 404

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # not yet

    # The hour passes: the scheduled time is now a minute ago.
    revision.refresh_from_db()
    assert revision.approved_go_live_at == go_live
    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = a_minute_ago
    revision.content["go_live_at"] = a_minute_ago.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live and client.get("/stories/coming-soon/").status_code == 200


@pytest.mark.django_db
def test_setup_roles_is_idempotent_and_gives_exactly_the_listed_rights(team):
    before = {group.name: set(group.permissions.values_list("codename", flat=True)) for group in Group.objects.all()}
    call_command("setup_roles", verbosity=0)
    after = {group.name: set(group.permissions.values_list("codename", flat=True)) for group in Group.objects.all()}
    assert before == after
    editors = after[EDITORS]
    assert not any(codename.startswith(("publish_", "delete_")) for codename in editors)
    assert "view_responses" not in editors and "view_responses" in after[ENGAGEMENT_MANAGERS]
    assert after[ENGAGEMENT_MANAGERS] == {"access_admin", "view_responses"}
    assert not Group.objects.get(name=EDITORS).page_permissions.filter(permission__codename="publish_page").exists()


@pytest.mark.django_db
def test_a_one_editor_team_gets_a_page_through_review_and_every_reviewer_is_told(
    client, django_user_model, home_page, commitments
):
    ensure_roles()
    editor = django_user_model.objects.create_user("solo", "solo@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS))
    moderator = django_user_model.objects.create_user("mod", "mod@example.org", "pw")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    reviewer = django_user_model.objects.create_user("rae", "rae@example.org", "pw")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    page = commitments[1]

    client.force_login(editor)
    mail.outbox.clear()
    assert edit(client, page, "action-submit", summary="Care that keeps you safe.").status_code == 302
    # The moderator and the reviewer may take the plain-language step, so both are told.
    told = {address for message in mail.outbox for address in message.to}
    assert {"mod@example.org", "rae@example.org"} <= told and "solo@example.org" not in told

    client.force_login(moderator)
    dashboard = client.get("/admin/").content.decode()
    assert "Awaiting your review" in dashboard and page.title in dashboard
    assert decide(client, page, "approve", "Plain enough.").status_code in (200, 302)
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Final approval"
    assert decide(client, page, "approve").status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.summary == "Care that keeps you safe." and page.current_workflow_state is None
    assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_a_reviewer_can_take_the_plain_language_step_but_not_final_approval(
    client, team, django_user_model, commitments
):
    reviewer = django_user_model.objects.create_user("rae", "rae@example.org", "pw")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS))
    page = commitments[1]
    client.force_login(team["author"])
    edit(client, page, "action-submit", summary="Short words only.")
    client.force_login(reviewer)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    decide(client, page, "approve")
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Final approval"
    decide(client, page, "approve")
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Final approval" and page.summary != "Short words only."
