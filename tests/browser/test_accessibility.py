"""Every page type, in English and Spanish, on a phone and a desktop: axe-core
finds no WCAG 2.2 A/AA violations, the console stays clean, and the page weight
stays in budget. Then the keyboard journeys: main menu, story filters, survey.

The demo content takes ~12 s to load, transactional tests flush it after each
test, and a flush also drops migration data the loader needs (Locale, roles'
permissions), so one test visits all pages at both widths and then walks the
keyboard journeys."""

import gzip
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.django_db(transaction=True)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WEIGHT_BUDGET = 60 * 1024  # gzip-compressed HTML + CSS + JS, images excluded
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}

# (name, path, expected status). The Spanish pages share the slugs under /es/.
PAGES = [
    ("home", "/", 200),
    ("about", "/about/", 200),
    ("working-groups", "/about/working-groups/", 200),
    ("working-group", "/about/working-groups/strategy-group/", 200),
    ("commitments", "/commitments/", 200),
    ("commitment", "/commitments/safe/", 200),
    ("crosswalk", "/commitments/crosswalk/", 200),
    ("stories", "/stories/", 200),
    ("stories-filtered", "/stories/?sector=payers", 200),
    ("story", "/stories/kaiser-sepsis-care/", 200),
    ("engage", "/engage/", 200),
    ("survey", "/engage/survey/", 200),
    ("share-story", "/engage/share-your-story/", 200),
    ("contact", "/contact/", 200),
    ("privacy", "/privacy/", 200),
    ("search", "/search/?q=care", 200),
    ("not-found", "/no-such-page/", 404),
]
LANGUAGES = {"en": "", "es": "/es"}

RUN_AXE = """async (tags) => {
    const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
    if (!results.passes.length) throw new Error("axe checked nothing");
    return results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
        count: v.nodes.length,
    }));
}"""

FOCUS_STYLE = """() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow && s.boxShadow !== "none";
    return {tag: el.tagName, href: el.getAttribute("href"), visible: outline || shadow};
}"""


class Visit:
    """A browser tab that records console errors and same-origin responses."""

    def __init__(self, context, base_url):
        self.page = context.new_page()
        self.origin = base_url
        self.errors = []
        self.responses = []
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg))
        self.page.on("pageerror", lambda exc: self.errors.append(exc))
        self.page.on("response", lambda response: self.responses.append(response))

    def goto(self, path):
        self.errors.clear()
        self.responses.clear()
        return self.page.goto(self.origin + path, wait_until="load")

    def console_errors(self, allow_404_for=None):
        problems = []
        for error in self.errors:
            text = getattr(error, "text", None) or str(error)
            location = getattr(error, "location", None) or {}
            if location.get("url", "").endswith("/favicon.ico"):
                continue  # Chromium asks for it on its own; the site declares no icon
            if allow_404_for and "404" in text and location.get("url", "").startswith(allow_404_for):
                continue  # the document itself is the expected 404
            problems.append(f"{text} ({location.get('url', '')})")
        return problems

    def weight(self):
        """Gzip-compressed bytes of the document and its same-origin CSS and JS."""
        total, parts = 0, []
        origin = urlsplit(self.origin).netloc
        for response in self.responses:
            kind = response.request.resource_type
            if kind not in ("document", "stylesheet", "script") or urlsplit(response.url).netloc != origin:
                continue
            if response.status in (301, 302, 303, 307, 308) or response.request.redirected_to is not None:
                continue  # a redirect's own response has no body; its target is counted
            try:
                body = response.body()
            except PlaywrightError:
                continue  # superseded by a later navigation (e.g. a redirect): not part of the page
            size = len(gzip.compress(body))
            total += size
            parts.append(f"{kind} {urlsplit(response.url).path} {size} B")
        return total, parts

    def axe(self, source):
        if not self.page.evaluate("typeof window.axe === 'object'"):
            self.page.evaluate(source)
        return self.page.evaluate(RUN_AXE, AXE_TAGS)


def describe(violations):
    return "\n".join(
        f"  {v['id']} ({v['impact']}, {v['count']} nodes): {v['help']}\n    " + "\n    ".join(v["targets"])
        for v in violations
    )


def test_every_page_in_both_languages_on_phone_and_desktop_then_by_keyboard(
    chromium, live_server, demo_site, axe_source, artifacts
):
    failures, weights = [], []
    for width_name, viewport in WIDTHS.items():
        context = chromium.new_context(viewport=viewport)
        visit = Visit(context, live_server.url)
        for lang, prefix in LANGUAGES.items():
            for name, path, status in PAGES:
                url = prefix + path
                label = f"{width_name} {lang} {url}"
                response = visit.goto(url)
                if response is None or response.status != status:
                    failures.append(f"{label}: status {response and response.status}, expected {status}")
                    continue
                if visit.page.locator("html").get_attribute("lang") != lang:
                    failures.append(f"{label}: <html lang> is not {lang}")
                violations = visit.axe(axe_source)
                if violations:
                    failures.append(f"{label}: axe violations\n{describe(violations)}")
                errors = visit.console_errors(allow_404_for=live_server.url + url if status == 404 else None)
                if errors:
                    failures.append(f"{label}: console errors {errors}")
                total, parts = visit.weight()
                weights.append((total, label))
                if total > WEIGHT_BUDGET:
                    failures.append(f"{label}: {total} B gzipped > {WEIGHT_BUDGET} B: {parts}")
                visit.page.screenshot(path=artifacts / f"{width_name}-{lang}-{name}.png")
        context.close()
    weights.sort(reverse=True)
    print(f"\nHeaviest pages (gzip, HTML+CSS+JS): {weights[:3]}")
    assert not failures, "\n".join(failures)

    # Same test, same demo content: the keyboard journeys.
    check_keyboard_journeys(chromium, live_server, artifacts)


def tab_to(page, selector, limit=60):
    """Press Tab until the focused element matches selector; return focus details."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return page.evaluate(FOCUS_STYLE)
    raise AssertionError(f"Tab never reached {selector}")


def check_keyboard_journeys(chromium, live_server, artifacts):
    for width_name, viewport in WIDTHS.items():
        context = chromium.new_context(viewport=viewport)
        page = context.new_page()
        for lang, prefix in LANGUAGES.items():
            label = f"{width_name} {lang}"

            # Main menu: Tab reaches every link, each with a visible focus style.
            page.goto(live_server.url + prefix + "/")
            hrefs = page.locator("nav.main-nav a").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
            assert hrefs, f"{label}: no main menu links"
            reached = []
            for _ in range(80):
                page.keyboard.press("Tab")
                focus = page.evaluate(FOCUS_STYLE)
                assert focus["visible"], f"{label}: focus not visible on {focus}"
                if page.evaluate("document.activeElement.closest('nav.main-nav') !== null"):
                    reached.append(focus["href"])
                if len(reached) == len(hrefs):
                    break
            assert reached == hrefs, f"{label}: Tab reached {reached}, menu has {hrefs}"

            # Story filters: choose a sector by keyboard, submit with Enter.
            page.goto(live_server.url + prefix + "/stories/")
            assert tab_to(page, "select[name=sector]")["visible"], f"{label}: sector select focus not visible"
            page.keyboard.press("ArrowDown")  # first real sector after "all"
            sector = page.eval_on_selector("select[name=sector]", "(s) => s.value")
            assert sector, f"{label}: ArrowDown did not choose a sector"
            # Enter on a <select> does not submit in Chromium: Tab on to the button.
            assert tab_to(page, "form.filters [type=submit]")["visible"], f"{label}: button focus not visible"
            with page.expect_navigation():
                page.keyboard.press("Enter")
            assert f"sector={sector}" in page.url, f"{label}: {page.url}"
            page.screenshot(path=artifacts / f"keyboard-{width_name}-{lang}-filters.png")

            # Survey, step 1: fill every field by keyboard, submit, reach step 2.
            page.goto(live_server.url + prefix + "/engage/survey/")
            fill_survey_step_by_keyboard(page)
            page.screenshot(path=artifacts / f"keyboard-{width_name}-{lang}-survey.png")
            assert re.search(r"\b2\b", page.locator(".survey-progress__status").inner_text()), (
                f"{label}: survey did not reach step 2: {page.locator('.survey-progress__status').inner_text()}"
            )
        context.close()


def fill_survey_step_by_keyboard(page):
    form = "form.survey-form"
    tab_to(page, f"{form} input:not([type=hidden]), {form} select, {form} textarea")
    seen_radio_groups = set()
    for _ in range(80):
        el = page.evaluate(
            "() => { const e = document.activeElement;"
            " return {tag: e.tagName, type: e.type, name: e.name, inForm: !!e.closest('form.survey-form')}; }"
        )
        if not el["inForm"]:
            raise AssertionError(f"focus left the survey form before its submit button: {el}")
        if el["tag"] == "BUTTON" or el["type"] == "submit":
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
        if el["tag"] == "SELECT":
            page.keyboard.press("ArrowDown")
        elif el["type"] == "radio":
            if el["name"] not in seen_radio_groups:
                page.keyboard.press("Space")
                seen_radio_groups.add(el["name"])
        elif el["type"] == "checkbox":
            page.keyboard.press("Space")
        elif el["tag"] == "TEXTAREA" or el["type"] in ("text", "email", "number", "url", "tel", "search"):
            text = {"number": "3", "email": "keyboard@example.org", "url": "https://example.org/"}
            page.keyboard.type(text.get(el["type"], "Keyboard test"))
        page.keyboard.press("Tab")
    raise AssertionError("never reached the survey's submit button")
