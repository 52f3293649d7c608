from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app uses and that imports no domain app: the page base,
    shared blocks and panels, readability, rate limits, the cache backend
    and the page cache (core/page_cache.py, connected here)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core import checks, page_cache, renditions  # noqa: F401 - checks register themselves
        from core.translation import sync

        renditions.connect()
        # Before the page cache: a reviewed translation stops being an alias
        # on publish, and the cache purges only pages that are not aliases.
        sync.connect()
        page_cache.connect()
