"""A visitor on a phone-sized screen, with a real browser."""

import pytest

from tests import factories

from .test_accessibility import Visit

# The live server reads committed data, so these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(home_page, commitments, story_index):
    payers = factories.SectorFactory(name="Payers", slug="payers")
    hospitals = factories.SectorFactory(name="Hospitals", slug="hospitals")
    for title, sector in [("Payer story", payers), ("Hospital story", hospitals)]:
        story = factories.StoryPageFactory(parent=story_index, title=title, sector=sector)
        factories.link_story(story, commitments=commitments[:1])
    return home_page


def test_home_page_has_one_h1_landmarks_and_a_working_skip_link(page, live_server, site):
    page.goto(live_server.url + "/")
    assert page.locator("h1").count() == 1
    assert page.locator("header").count() >= 1 and page.locator("main#main-content").count() == 1
    assert page.locator("html").get_attribute("lang") == "en"
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert "main-content" in (skip.get_attribute("href") or "")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_story_filters_work_without_javascript(chromium, live_server, site):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/stories/")
    assert page.get_by_role("link", name="Payer story").count() == 1
    assert page.get_by_role("link", name="Hospital story").count() == 1
    page.select_option("select[name=sector]", "payers")
    page.get_by_role("button", name="Show stories").click()
    page.wait_for_url("**/stories/?*sector=payers*")
    assert page.get_by_role("link", name="Payer story").count() == 1
    assert page.get_by_role("link", name="Hospital story").count() == 0
    context.close()


def test_a_content_security_policy_violation_counts_as_a_console_error(chromium, live_server, site):
    """The page checks rely on this: anything the CSP refuses (here an inline
    style, as a chart once had) shows up among the console errors."""
    context = chromium.new_context()
    visit = Visit(context, live_server.url)
    visit.goto("/")
    assert not visit.console_errors()
    with visit.page.expect_console_message(lambda message: message.type == "error"):
        visit.page.evaluate("""document.body.insertAdjacentHTML("beforeend", '<p style="color: red">Inline</p>')""")
    errors = visit.console_errors()
    assert len(errors) == 1 and "Content Security Policy" in errors[0], errors
    context.close()
