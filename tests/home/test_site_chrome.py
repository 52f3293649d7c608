"""What every page carries: navigation, breadcrumbs, footer, error pages."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.test import override_settings

from home.models import FooterText, SiteSettings
from tests import factories


@pytest.fixture
def about(home_page):
    about = factories.StandardPageFactory(parent=home_page, title="About", slug="about", show_in_menus=True)
    factories.StandardPageFactory(parent=home_page, title="Hidden page", slug="hidden", show_in_menus=False)
    return about


@pytest.mark.django_db
def test_main_menu_lists_only_pages_marked_for_menus(client, about):
    html = client.get("/").content.decode()
    nav = html[html.index('aria-label="Main"') :]
    nav = nav[: nav.index("</nav>")]
    assert ">About<" in nav
    assert "Hidden page" not in nav


@pytest.mark.django_db
def test_current_section_is_marked_in_the_menu(client, about):
    child = factories.StandardPageFactory(parent=about, title="Working groups", slug="working-groups")
    html = client.get(child.url).content.decode()
    nav = html[html.index('aria-label="Main"') :]
    nav = nav[: nav.index("</nav>")]
    assert 'href="/about/" aria-current' in nav


@pytest.mark.django_db
def test_breadcrumbs_lead_from_home_to_the_page(client, about):
    child = factories.StandardPageFactory(parent=about, title="Working groups", slug="working-groups")
    html = client.get(child.url).content.decode()
    crumbs = html[html.index('aria-label="Breadcrumb"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert crumbs.index('href="/"') < crumbs.index('href="/about/"') < crumbs.index("Working groups")
    assert 'aria-current="page"' in crumbs


@pytest.mark.django_db
def test_footer_shows_contact_details_from_settings_and_the_footer_text(client, home_page, about):
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.contact_email = "LHSSharedCommitments@nas.edu"
    site_settings.save()
    footer_text = FooterText(
        locale=home_page.locale,
        body="Health care that keeps learning.",
        links=[("link", {"text": "About the initiative", "page": about, "url": ""})],
    )
    footer_text.save()
    footer_text.save_revision().publish()
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert "mailto:LHSSharedCommitments@nas.edu" in footer
    assert "Health care that keeps learning." in footer
    assert 'href="/about/"' in footer and "About the initiative" in footer


@pytest.mark.django_db
def test_unknown_address_gets_the_designed_404(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1" in html and 'id="main-content"' in html


def test_500_page_renders_without_a_database_or_context():
    html = render_to_string("500.html")
    assert "<h1>" in html and "home page" in html


@override_settings(DEBUG=False)
@pytest.mark.django_db
def test_a_server_error_shows_the_500_page(home_page):
    from django.test import Client

    from tests.failures import database_fails

    with database_fails(RuntimeError("boom")):
        response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "lhs_cms.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_production_settings_pass_the_deployment_checks():
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="lhs_cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        # Production needs a shared cache (core/checks.py); the check does not connect.
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_the_footer_links_to_a_page_at_its_new_address_after_a_new_slug(client, home_page, about):
    FooterText.objects.create(
        locale=home_page.locale,
        body="Health care that keeps learning.",
        links=[("link", {"text": "About the initiative", "page": about, "url": ""})],
        live=True,
    )
    assert 'href="/about/"' in client.get("/").content.decode()
    about.slug = "who-we-are"
    about.save_revision().publish()
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert 'href="/who-we-are/"' in footer and 'href="/about/"' not in footer


@pytest.mark.django_db
def test_the_footer_drops_a_link_to_a_deleted_page_and_keeps_its_addresses(client, home_page, about):
    FooterText.objects.create(
        locale=home_page.locale,
        body="Health care that keeps learning.",
        links=[
            ("link", {"text": "About the initiative", "page": about, "url": ""}),
            ("link", {"text": "National Academy of Medicine", "page": None, "url": "https://nam.edu/"}),
        ],
        live=True,
    )
    footer = client.get("/").content.decode().split("<footer", 1)[1]
    assert ">About the initiative</a>" in footer and 'href="https://nam.edu/"' in footer
    about.delete()
    footer = client.get("/").content.decode().split("<footer", 1)[1]
    assert "About the initiative" not in footer
    assert '<a href="https://nam.edu/">National Academy of Medicine</a>' in footer
