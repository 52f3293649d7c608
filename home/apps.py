from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from home import content_version, page_cache, renditions

        content_version.connect()
        renditions.connect()
        page_cache.connect()
