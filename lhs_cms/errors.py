"""The page shown when a request fails with an uncaught exception
(`handler500` in lhs_cms/urls.py).

When the database cannot be reached the site is down for a while, not broken:
visitors get a calm 503 page with Retry-After, and the app reconnects by
itself once the database is back (Django opens a fresh connection when the
old one is found unusable). Any other failure gets the 500 page.

Neither page touches the database: both are standalone templates (not
base.html, whose tags read pages and settings), the language comes from the
URL prefix, and nothing is cached by browsers or proxies."""

import sys

from django import db
from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

RETRY_AFTER_SECONDS = 30


def is_database_unavailable(error):
    """True for a lost or refused database connection. Django wraps the
    driver's errors (psycopg's OperationalError included) in its own classes,
    keeping the original as __cause__."""
    while error is not None:
        if isinstance(error, db.OperationalError | db.InterfaceError):
            return True
        error = error.__cause__
    return False


def server_error(request):
    error = sys.exc_info()[1]
    unavailable = is_database_unavailable(error)
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        html = loader.render_to_string(
            "503.html" if unavailable else "500.html",
            {"home_url": "/" if language == settings.LANGUAGE_CODE else f"/{language}/"},
        )
    response = HttpResponse(html, status=503 if unavailable else 500)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
