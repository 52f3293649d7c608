"""Every page type of the demo, in English and Spanish, as phones and a
desktop show it: no page is wider than the screen (320, 375 and 1280 px), the
header leaves room for content on a phone (at most 120 px at 375 px), the
footer's e-mail address stays on one line, no HTML tag shows as text,
nothing is asked of another site, and card grids never leave one card alone
on a last row (the weight budget is test_accessibility's, on the same
pages). Then the menu button: it opens and
closes by keyboard, Escape closes it when scripts run, and it works with
JavaScript turned off; on a desktop the navigation shows without it.

The demo takes seconds to load and each transactional test empties the
database after it, so one test walks every page at every width and the menu
test reuses the same served site and browser."""

import re
from urllib.parse import urlsplit

import pytest

from .conftest import DESKTOP
from .test_accessibility import LANGUAGES, PAGES, Visit

pytestmark = pytest.mark.django_db(transaction=True)

HEADER_MAX_AT_375 = 120
WIDTHS = {320: {"width": 320, "height": 640}, 375: {"width": 375, "height": 812}, 1280: DESKTOP}
# Card grids are checked where they show several cards a row.
GRID_WIDTHS = {768: {"width": 768, "height": 1024}, 1280: DESKTOP}
GRID_PAGES = ["/", "/commitments/", "/stories/", "/commitments/safe/", "/about/working-groups/"]

LAYOUT = """() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: innerWidth,
    header: document.querySelector(".site-header").getBoundingClientRect().height,
    text: document.body.innerText,
    // lines the footer's e-mail address takes (none on the error pages, which have no footer)
    emailLines: [...document.querySelectorAll(".site-footer a[href^='mailto:']")].map((a) => a.getClientRects().length),
})"""
# A tag name between angle brackets in the text a visitor reads: markup shown as text.
LITERAL_TAG = re.compile(r"</?(p|div|span|a|br|strong|em|b|i|ul|ol|li|h[1-6])(\s[^<>]*)?/?>", re.IGNORECASE)

# The cards of each grid, in rows (cards whose tops line up).
GRID_ROWS = """() => [...document.querySelectorAll(".card-grid")].map((grid) => {
    const rows = new Map();
    for (const card of grid.children) {
        const top = Math.round(card.getBoundingClientRect().top);
        rows.set(top, (rows.get(top) || 0) + 1);
    }
    const heading = grid.closest("section, aside")?.querySelector("h2")?.textContent.trim() || "";
    return {heading, rows: [...rows.keys()].sort((a, b) => a - b).map((top) => rows.get(top))};
})"""


def test_no_page_is_wider_than_the_screen_or_shows_markup_as_text(chromium, live_server, demo_site):
    failures = []
    for width, viewport in WIDTHS.items():
        context = chromium.new_context(viewport=viewport)
        visit = Visit(context, live_server.url)
        for prefix in LANGUAGES.values():
            for _name, path, status in PAGES:
                url = prefix + path
                label = f"{width}px {url}"
                response = visit.goto(url)
                if response is None or response.status != status:
                    failures.append(f"{label}: status {response and response.status}, expected {status}")
                    continue
                layout = visit.page.evaluate(LAYOUT)
                if layout["scrollWidth"] > layout["innerWidth"]:
                    failures.append(f"{label}: {layout['scrollWidth']} px wide on a {layout['innerWidth']} px screen")
                if any(lines > 1 for lines in layout["emailLines"]):
                    failures.append(f"{label}: the footer's e-mail address is broken over lines")
                if width == 375 and layout["header"] > HEADER_MAX_AT_375:
                    failures.append(f"{label}: header {layout['header']:.0f} px tall")
                if width != 375:
                    continue  # the text and requests are the same at every width
                shown = [match.group(0) for match in LITERAL_TAG.finditer(layout["text"])]
                if shown:
                    failures.append(f"{label}: markup shown as text {shown}")
                origin = urlsplit(live_server.url).netloc
                elsewhere = [
                    r.url for r in visit.requests if r.url.startswith("http") and urlsplit(r.url).netloc != origin
                ]
                if elsewhere:
                    failures.append(f"{label}: requests to other sites {elsewhere}")
        context.close()

    for width, viewport in GRID_WIDTHS.items():
        context = chromium.new_context(viewport=viewport)
        visit = Visit(context, live_server.url)
        for prefix in LANGUAGES.values():
            for path in GRID_PAGES:
                visit.goto(prefix + path)
                for grid in visit.page.evaluate(GRID_ROWS):
                    rows, label = grid["rows"], f"{width}px {prefix + path} {grid['heading']!r}"
                    if len(rows) > 1 and rows[-1] == 1:
                        failures.append(f"{label}: a lone last card, rows {rows}")
                    if sum(rows) == 5 and rows != [2, 3]:
                        failures.append(f"{label}: five cards as {rows}, not 2 + 3")
        context.close()

    assert not failures, "\n".join(failures)


MENU_STATE = """() => {
    const menu = document.querySelector(".site-menu");
    const link = document.querySelector("nav.main-nav a");
    return {open: menu.open, linkShown: link.checkVisibility(), focus: document.activeElement.tagName};
}"""


def test_the_menu_button_opens_and_closes_by_keyboard_with_and_without_javascript(chromium, live_server, demo_site):
    for scripts in (True, False):
        context = chromium.new_context(viewport=WIDTHS[375], java_script_enabled=scripts)
        page = context.new_page()
        for lang, prefix in LANGUAGES.items():
            label = f"{lang}, JavaScript {'on' if scripts else 'off'}"
            page.goto(live_server.url + prefix + "/stories/")
            assert page.evaluate(MENU_STATE)["open"] is False, f"{label}: the menu starts open on a phone"
            assert not page.evaluate(MENU_STATE)["linkShown"], f"{label}: menu links shown while it is closed"
            button = page.locator("summary.site-menu__button")
            assert button.inner_text().strip() == ("Menu" if lang == "en" else "Menú"), label
            for _ in range(10):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.matches('summary.site-menu__button')"):
                    break
            else:
                raise AssertionError(f"{label}: Tab never reached the menu button")

            page.keyboard.press("Enter")
            state = page.evaluate(MENU_STATE)
            assert state["open"] and state["linkShown"], f"{label}: Enter did not open the menu {state}"
            for selector in ("nav.main-nav", "form.site-search", "#site-search-q"):
                assert page.locator(selector).is_visible(), f"{label}: {selector} not in the open menu"
            page.keyboard.press("Space")
            assert not page.evaluate(MENU_STATE)["open"], f"{label}: Space did not close the menu"
            page.keyboard.press("Space")
            assert page.evaluate(MENU_STATE)["open"], f"{label}: Space did not open the menu"

            # Into the menu: the first link is the next stop after the button.
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.closest('nav.main-nav') !== null"), label
            page.keyboard.press("Escape")
            state = page.evaluate(MENU_STATE)
            if scripts:
                assert not state["open"], f"{label}: Escape did not close the menu"
                assert page.evaluate("document.activeElement.matches('summary.site-menu__button')"), (
                    f"{label}: focus did not go back to the menu button"
                )
            else:
                assert state["open"], f"{label}: the menu closed by itself"
        context.close()

    # On a wide screen the navigation shows inline, without a button, with or without scripts.
    for scripts in (True, False):
        context = chromium.new_context(viewport=DESKTOP, java_script_enabled=scripts)
        page = context.new_page()
        page.goto(live_server.url + "/es/")
        assert not page.locator("summary.site-menu__button").is_visible(), f"JavaScript {scripts}: button on desktop"
        assert page.locator("nav.main-nav a").first.is_visible(), f"JavaScript {scripts}: menu hidden on desktop"
        assert page.locator("#site-search-q").is_visible(), f"JavaScript {scripts}: search hidden on desktop"
        # The mark is decoration; the brand link is named by its words and leads to the home page in Spanish.
        brand = page.get_by_role("link", name="LHS Commons Compromisos Compartidos del sistema de salud que aprende")
        assert brand.get_attribute("href") == "/es/" and brand.get_attribute("aria-current") == "page"
        assert brand.locator("svg").get_attribute("aria-hidden") == "true"
        context.close()
