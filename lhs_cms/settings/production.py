"""Production: every secret from the environment, HTTPS everywhere."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
# Every app server must share one cache (core/checks.py).
REQUIRE_SHARED_CACHE = True
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# X_FRAME_OPTIONS is SAMEORIGIN (base.py) for the live preview; W019 is the
# warning about exactly that.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Background tasks (survey notifications, Wagtail's reference index) run in a
# separate `manage.py db_worker` process, so a slow mail server never slows a
# visitor's request. Development and tests run them right after the commit.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
PREGENERATE_RENDITIONS = env_bool("PREGENERATE_RENDITIONS", True)

# Logs as JSON lines on stdout unless LOG_FORMAT=text.
LOGGING["handlers"]["console"]["formatter"] = os.environ.get("LOG_FORMAT", "json")  # noqa: F405
