"""Editors never lose what they typed: length limits are shown as they type
and refused with a message (never cut), and a manual save just after
Wagtail's autosave has created the page saves into that page."""

import pytest
from django.contrib.auth.models import Group

from commitments.models import CommitmentPage
from home.roles import EDITORS, ensure_roles
from tests.home.test_page_tree import commitment_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model, home_page, commitment_index):
    ensure_roles()
    user = django_user_model.objects.create_user("ana", "ana@example.org", "pw")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def add_url(parent):
    return f"/admin/pages/add/commitments/commitmentpage/{parent.pk}/"


def test_a_manual_save_just_after_autosave_created_the_page_keeps_every_word(client, editor, commitment_index):
    client.force_login(editor)
    # Autosave (a JSON request) creates the page from what was typed so far.
    autosave = client.post(
        add_url(commitment_index),
        commitment_form_data(title="Safe", slug="safe", number=4, summary="Care that"),
        HTTP_ACCEPT="application/json",
    )
    assert autosave.status_code == 200 and autosave.json()["success"]
    created = CommitmentPage.objects.get(slug="safe")

    # The editor's own Save, sent before the page switched to its edit view,
    # still goes to the create address, with more text typed since.
    typed = "Care that uses proven steps to prevent harm, every time."
    response = client.post(
        add_url(commitment_index),
        commitment_form_data(title="Safe", slug="safe", number=4, summary=typed) | {"action-save": "1"},
        follow=True,
    )
    assert response.status_code == 200
    assert CommitmentPage.objects.filter(slug="safe").count() == 1  # no duplicate page
    created.refresh_from_db()
    assert created.get_latest_revision_as_object().summary == typed


def test_over_long_text_is_refused_with_a_message_and_kept(client, editor, commitment_index):
    client.force_login(editor)
    too_long = "Care " * 40 + "more."  # 205 characters; the summary allows 200
    response = client.post(
        add_url(commitment_index),
        commitment_form_data(title="Safe", slug="safe", number=4, summary=too_long) | {"action-save": "1"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and not CommitmentPage.objects.filter(slug="safe").exists()
    assert "Ensure this value has at most 200 characters (it has 205)." in html
    assert too_long in html  # what was typed is still in the form


def test_length_limited_fields_get_a_live_counter(client, editor, commitment_index):
    client.force_login(editor)
    html = client.get(add_url(commitment_index)).content.decode()
    assert "js/length_limits.js" in html
    assert 'maxlength="200"' in html  # the limit the counter reads (and lifts, so a paste is never cut)
