"""Playwright driving Debian's Chromium (never a downloaded browser)."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


# Every skip for a missing browser carries this, so the summary can count them.
NOT_RUN = "browser tests not run"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    """Say plainly, at the very end of `make test`, that the browser tests did not run."""
    skipped = [report for report in terminalreporter.stats.get("skipped", []) if NOT_RUN in str(report.longrepr)]
    if skipped:
        reason = str(skipped[0].longrepr[2]).removeprefix("Skipped: ")
        terminalreporter.write_sep("=", f"{len(skipped)} {NOT_RUN}", yellow=True, bold=True)
        terminalreporter.write_line(f"{reason} .ci/run installs Chromium and always runs them.")


def missing(what, install):
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"The browser tests are required (REQUIRE_BROWSER=1) but {what} is missing.")
    pytest.skip(f"{NOT_RUN}: {what} is missing ({install}).")


# Package-scoped: closed before the tests after these on the same worker,
# which should not run with DJANGO_ALLOW_ASYNC_UNSAFE.
@pytest.fixture(scope="package")
def chromium():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        missing(f"Chromium ({CHROMIUM})", "apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright for Python", "pip install -r requirements.lock")

    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # the tests make between page loads are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    """axe-core's script, as bundled in the axe-playwright-python wheel (no network)."""
    try:
        import axe_playwright_python
    except ImportError:
        pytest.skip("axe-playwright-python is not installed (pip install -r requirements.lock).")
    path = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    if not path.exists():
        pytest.skip(f"axe.min.js is missing from {path.parent}.")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
