from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Keep the console readable: background tasks and publish events are logged
# at INFO on every save.
LOGGING["loggers"] = {  # noqa: F405
    "django_tasks": {"level": "WARNING"},
    "wagtail": {"level": "WARNING"},
}
