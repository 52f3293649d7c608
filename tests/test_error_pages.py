"""Uncaught exceptions get a standalone page that never reads the database:
503 with Retry-After when the database is unavailable, 500 otherwise."""

import re

import pytest
from django.db import InterfaceError, OperationalError
from django.template.loader import render_to_string
from django.test import Client, override_settings

from lhs_cms.errors import is_database_unavailable
from tests.failures import database_fails


class DatabaseDownMiddleware:
    """Fails as a middleware does when the database goes away under it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise InterfaceError("connection already closed")


def assert_standalone_page(response, language):
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert f'<html lang="{language}">' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert 'href="/static/css/site.css"' in html
    assert "<style" not in html  # the Content-Security-Policy forbids inline styles
    return html


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@override_settings(DEBUG=False)
@pytest.mark.django_db
def test_a_database_outage_gets_the_friendly_503(visitor, home_page):
    with database_fails(OperationalError("could not connect to server")):
        response = visitor.get("/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    html = assert_standalone_page(response, "en")
    assert "The site is taking a short break" in html
    assert 'href="/"' in html


@override_settings(DEBUG=False)
@pytest.mark.django_db
def test_the_503_page_speaks_the_language_of_the_address(visitor, home_page):
    with database_fails(OperationalError("server closed the connection")):
        response = visitor.get("/es/")
    assert response.status_code == 503
    html = assert_standalone_page(response, "es")
    assert "Ir a la página de inicio" in html and 'href="/es/"' in html


@override_settings(
    DEBUG=False, MIDDLEWARE=["django.middleware.common.CommonMiddleware", f"{__name__}.DatabaseDownMiddleware"]
)
def test_a_database_failure_inside_a_middleware_gets_the_503_too(visitor):
    response = visitor.get("/stories/")
    assert response.status_code == 503
    assert_standalone_page(response, "en")


@override_settings(DEBUG=False)
@pytest.mark.django_db
def test_other_failures_get_the_500_page_uncached(visitor, home_page):
    with database_fails(RuntimeError("boom")):
        response = visitor.get("/es/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    html = assert_standalone_page(response, "es")
    assert "Algo salió mal" in html


def test_database_errors_are_recognised_through_their_causes():
    wrapped = RuntimeError("while rendering")
    wrapped.__cause__ = OperationalError("terminating connection due to administrator command")
    assert is_database_unavailable(wrapped)
    assert is_database_unavailable(InterfaceError("connection already closed"))
    assert not is_database_unavailable(ValueError("bad value"))
    assert not is_database_unavailable(None)


def test_both_pages_render_without_a_database_or_context():
    for template in ("500.html", "503.html"):
        html = render_to_string(template)
        assert html.count("<h1>") == 1 and 'href="/"' in html
