from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo loader (`load_demo_content`, `ensure_admin`,
    `demo_translation_strings`). No app imports it; production may leave it
    out of INSTALLED_APPS."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "demo"
    verbose_name = "Demo content"
