"""Production hardening a visitor, an attacker or a load balancer would
notice: security headers, the health check, the admin sign-in limit, and
the settings production reads from its environment."""

import json
import logging
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import Client, override_settings

from lhs_cms.log_format import JSONFormatter
from tests import factories
from tests.failures import database_fails


def run_with_settings(module, code, **env_vars):
    """Run `code` in a fresh Python with the given settings module and
    environment, and return what it printed."""
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(DJANGO_SETTINGS_MODULE=module, **env_vars)
    script = f"import django; django.setup()\n{code}"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def site_page(home_page):
    return factories.StandardPageFactory(parent=home_page, title="About the commitments", slug="about")


# Headers


def test_public_pages_carry_a_strict_content_security_policy(site_page):
    response = Client().get("/about/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_public_pages_hold_no_inline_script_or_style(site_page):
    """The policy would block them: every script is a file or JSON-LD data."""
    html = Client().get("/about/").content.decode()
    for attributes in re.findall(r"<script\b([^>]*)>", html):
        assert "src=" in attributes or 'type="application/ld+json"' in attributes, attributes
    assert not re.search(r"<[^>]+\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_public_pages_refuse_browser_features_and_leak_no_referrer(site_page):
    response = Client().get("/about/")
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_the_admin_is_left_out_of_the_public_policy_but_keeps_frame_protection(db):
    response = Client().get("/admin/login/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_production_sends_hsts_and_secure_cookies():
    printed = run_with_settings(
        "lhs_cms.settings.production",
        "from django.conf import settings as s\n"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.DEBUG)",
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    assert printed.split() == ["31536000", "True", "True", "True", "True", "True", "False"]


# Health check


def test_healthz_reports_database_and_cache_for_any_host(db):
    # Load balancers ask by IP address, which ALLOWED_HOSTS would refuse.
    with override_settings(ALLOWED_HOSTS=["lhs.example.org"]):
        response = Client(HTTP_HOST="10.1.2.3").get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_healthz_says_503_and_no_more_when_the_database_is_down(db):
    unreachable = OperationalError(
        'connection to server at "10.0.0.5", port 5432 failed: password authentication failed'
    )
    with database_fails(unreachable):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert b"10.0.0.5" not in response.content and b"password" not in response.content


# Structured logs


def test_logs_are_one_json_object_a_line():
    record = logging.makeLogRecord(
        {"name": "engage", "levelname": "WARNING", "msg": "Survey %s refused", "args": ("42",), "status_code": 429}
    )
    line = JSONFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "engage"
    assert entry["message"] == "Survey 42 refused"
    assert entry["status"] == 429
    assert re.match(r"\d{4}-\d\d-\d\dT", entry["time"])


def test_production_logs_json_to_stdout():
    printed = run_with_settings(
        "lhs_cms.settings.production",
        "import logging; logging.getLogger('lhs').warning('hello')",
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    assert json.loads(printed.strip().splitlines()[-1])["message"] == "hello"


# Admin sign-in


def sign_in(client, username, password, address="198.51.100.7"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address, follow=False)


@override_settings(ADMIN_LOGIN_FAILURE_LIMIT="3/h")
def test_admin_sign_in_is_refused_after_repeated_failures(db, django_user_model):
    from django.core.cache import cache

    cache.clear()
    django_user_model.objects.create_superuser("editor-in-chief", "chief@example.org", "right-horse-battery")
    client = Client()
    for _ in range(3):
        response = sign_in(client, "editor-in-chief", "wrong")
        assert response.status_code == 200
        assert "Your username and password didn" in response.content.decode()

    # Locked now: even the right password is not checked, and the form
    # keeps the user name that was typed.
    response = sign_in(client, "editor-in-chief", "right-horse-battery")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "Too many failed sign-in attempts" in page
    assert 'value="editor-in-chief"' in page
    assert "_auth_user_id" not in client.session

    # The same account from another address is locked too (per user name)...
    assert sign_in(Client(), "editor-in-chief", "right-horse-battery", address="203.0.113.9").status_code == 429
    # ...while another account from a fresh address can still sign in.
    django_user_model.objects.create_superuser("moderator", "mod@example.org", "another-long-phrase")
    response = sign_in(Client(), "moderator", "another-long-phrase", address="203.0.113.10")
    assert response.status_code == 302
    cache.clear()


# Settings from the environment


def test_admin_path_comes_from_the_environment_and_stays_out_of_robots_txt():
    printed = run_with_settings(
        "lhs_cms.settings.test",
        "from django.urls import reverse\n"
        "from django.test import Client\n"
        "print(reverse('wagtailadmin_home'), reverse('wagtailadmin_login'))\n"
        "print('backstage' in Client().get('/robots.txt').content.decode())",
        ADMIN_PATH="backstage",
    )
    urls, in_robots = printed.strip().splitlines()[-2:]
    assert urls == "/backstage/ /backstage/login/"
    assert in_robots == "False"


def test_media_go_to_s3_compatible_storage_when_a_bucket_is_named():
    code = (
        "from django.core.files.storage import storages\n"
        "uploads = storages['default']\n"
        "print(type(uploads).__name__, getattr(uploads, 'bucket_name', ''))"
    )
    assert run_with_settings("lhs_cms.settings.test", code).split()[0] == "FileSystemStorage"
    printed = run_with_settings(
        "lhs_cms.settings.test",
        code,
        AWS_STORAGE_BUCKET_NAME="lhs-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
    )
    assert printed.split() == ["S3Storage", "lhs-media"]
