"""An editor in a real browser: the Plain language panel follows the typing,
and a length-limited field counts characters and keeps a too-long paste."""

import pytest

from tests import factories

from .conftest import DESKTOP

pytestmark = pytest.mark.django_db(transaction=True)

HARD = (
    "Learning health systems continuously integrate clinical evidence, patient experience and operational "
    "data so organizational decisions reflect measurable improvements."
)

SUMMARY_IS_HARD = (
    "() => document.querySelector('[data-plain-language-field=\"summary\"]').textContent.includes('Hard to read')"
)


@pytest.fixture
def editing(chromium, live_server, django_user_model, commitment_index):
    commitment = factories.CommitmentPageFactory(parent=commitment_index, number=1, title="Safe", slug="safe")
    commitment.save_revision()
    django_user_model.objects.create_superuser("sam", "sam@example.org", "a-long-test-password")
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "sam")
    page.fill("#id_password", "a-long-test-password")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(f"{live_server.url}/admin/pages/{commitment.pk}/edit/")
    yield page
    context.close()


def test_the_plain_language_panel_follows_the_typing(editing):
    summary_reading = editing.locator('[data-plain-language-field="summary"]')
    assert "Hard to read" not in summary_reading.inner_text()
    editing.fill("#id_summary", HARD)
    editing.wait_for_function(SUMMARY_IS_HARD, timeout=10000)


def test_a_length_limited_field_counts_and_keeps_a_too_long_paste(editing):
    counter = editing.locator("#id_summary-length")
    assert "of 200 characters" in counter.inner_text()
    too_long = "Care " * 40 + "more."
    editing.fill("#id_summary", too_long)
    assert editing.input_value("#id_summary") == too_long  # nothing cut
    assert "5 characters too many: the limit is 200." in counter.inner_text()
    assert editing.get_attribute("#id_summary", "aria-invalid") == "true"
