"""System checks for what the site cannot run without.

Production needs a shared cache: the page cache, its purge tokens and the
rate-limit counters must be the same for every app server process. With a
per-process memory cache, a process that did not handle a change would go
on serving the old page (a moved page at its old address, a newly
restricted page to anonymous visitors). So production settings without
REDIS_URL fail `manage.py check` (and `check --deploy`)."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def shared_cache_in_production(app_configs, **kwargs):
    if getattr(settings, "REQUIRE_SHARED_CACHE", False) and not getattr(settings, "REDIS_URL", ""):
        return [
            Error(
                "REDIS_URL is not set: production needs a cache shared by every app server.",
                hint="Set REDIS_URL, e.g. redis://127.0.0.1:6379/0. Each process's own memory cache would serve "
                "pages that were moved, unpublished or restricted on another process.",
                id="lhs.E001",
            )
        ]
    return []
