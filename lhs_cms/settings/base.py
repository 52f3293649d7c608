"""Settings shared by every environment. Values that differ per deployment
come from environment variables (listed in README.md)."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from lhs_cms.release import release_digest

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A form sent without its check gets a page in the site's design and language.
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

INSTALLED_APPS = [
    "core",
    "home",
    "commitments",
    "stories",
    "engage",
    "demo",
    "formtools",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "django_tasks_db",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    # For its catalogue: Wagtail's workflow status says when a step started
    # with humanize's naturaltime ("hace 5 minutos"), English without it.
    "django.contrib.humanize",
    "rest_framework",
    "csp",
]

MIDDLEWARE = [
    # Answers load balancers before the host check: they ask by IP address.
    "lhs_cms.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions: a cached page is served without a database query.
    "core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lhs_cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "lhs_cms.wsgi.application"

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and os.environ.get(
    "DB_PREPARED_STATEMENTS", "on"
).strip().lower() not in {"off", "0", "false", "no"}:
    # Server-side binding lets psycopg prepare a statement the second time a
    # connection runs it, so PostgreSQL plans a page's queries once per
    # connection, not on every request (about a third of their database
    # time; bench/RESULTS.md). Turn off behind a transaction-pooling PgBouncer.
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "server_side_binding": True,
        "prepare_threshold": 2,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. LANGUAGE_CODE must be one of WAGTAIL_CONTENT_LANGUAGES
# from the first migration on, or the default Locale is created wrongly.
LANGUAGE_CODE = "en"
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One number and date convention per language (see lhs_cms/formats/).
FORMAT_MODULE_PATH = ["lhs_cms.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads on S3-compatible storage (AWS, MinIO, Cloudflare R2...) when a bucket
# is named, so any number of app servers share them; local disk otherwise.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_LOCATION = os.environ.get("AWS_LOCATION", "media")
    AWS_DEFAULT_ACL = None  # the bucket's own policy decides who may read
    AWS_QUERYSTRING_AUTH = False  # public media, cacheable URLs
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=31536000, immutable"}

# The release: a digest of the deployed code (or RELEASE_ID from the
# environment, e.g. a git commit). Every rendered page and fragment kept in
# the cache is keyed by it, so a deploy never serves the old markup.
RELEASE_ID = os.environ.get("RELEASE_ID") or release_digest(BASE_DIR)

# Cache: Redis when REDIS_URL is set (django-redis; an unreachable Redis is
# a miss, never an error: IGNORE_EXCEPTIONS), local memory otherwise, which
# production refuses (core/checks.py). `template_fragments` is the alias
# Django's {% cache %} and Wagtail's {% wagtailcache %} use: the same store,
# with the release in every key.
REDIS_URL = os.environ.get("REDIS_URL", "")


def _cache(key_prefix):
    if not REDIS_URL:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "KEY_PREFIX": key_prefix}
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            "IGNORE_EXCEPTIONS": True,
        },
    }


CACHES = {"default": _cache("lhs"), "template_fragments": _cache(f"lhs:{RELEASE_ID}")}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Full-page cache for anonymous visitors (home/page_cache.py), in the cache
# above; PAGE_CACHE=off turns it off. PAGE_CACHE_SECONDS is how long a page
# is kept, here and (s-maxage) in shared caches such as a CDN.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "on").strip().lower() not in {"off", "0", "false", "no"}
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# A CDN in front, purged with the same URLs as the page cache (Wagtail's
# frontend cache backends): off unless configured. FRONTEND_CACHE_PURGE_URL
# for a cache that takes HTTP PURGE requests (Varnish, nginx); Cloudflare
# with FRONTEND_CACHE_CLOUDFLARE_ZONE_ID and _TOKEN; CloudFront with
# FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID (AWS credentials as usual).
WAGTAILFRONTENDCACHE = {"pagecache": {"BACKEND": "core.page_cache.PageCacheBackend"}}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", ""),
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }
# The purged URLs already name each language's page; Wagtail would otherwise
# rewrite every URL into every language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Email: SMTP when EMAIL_HOST is set, the console otherwise.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "LHS Commons <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "LHS Commons"
# Defaults to where `make demo` serves (runserver 127.0.0.1:$PORT).
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT') or 8000}")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Make every rendition the templates use in a background task when an image
# is saved, instead of in the first visitor's request (home/renditions.py).
# On in production, where tasks run in the worker.
PREGENERATE_RENDITIONS = env_bool("PREGENERATE_RENDITIONS", False)
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No avatars fetched from a third party (Gravatar) in the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# One JSON object a line on stdout (LOG_FORMAT=json, the production default),
# for the platform's log collector; plain text in development.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "lhs_cms.log_format.JSONFormatter"},
        "text": {"format": "%(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# The Wagtail admin's address; a less guessable path keeps most login
# scanners away (the login itself is rate limited, see home/admin_login.py).
ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin").strip("/") or "admin"
# Failed admin sign-ins allowed per client address, and per user name, in a
# period (`N/m`, `N/h`, `N/d`) before further attempts are refused.
ADMIN_LOGIN_FAILURE_LIMIT = os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "10/h")

# Content-Security-Policy for the public site: nothing inline may run, and
# nothing loads from another origin. The admin (Wagtail's own inline scripts)
# and the live preview inside it are left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [f"/{ADMIN_PATH}/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# No page of ours uses these browser features; refuse them for embeds too.
PERMISSIONS_POLICY = {
    "camera": [],
    "geolocation": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail's live preview frames the site inside the admin (same origin), so
# SAMEORIGIN rather than DENY.
X_FRAME_OPTIONS = "SAMEORIGIN"

# Machine translation for translators: DeepL when a key is configured,
# wagtail-localize's dummy translator (reverses words, no network) otherwise.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}

# Editorial workflow: an edit after approval needs approval again; emails
# about workflow steps and comments go to the people involved, with absolute
# links built from WAGTAILADMIN_BASE_URL.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILADMIN_COMMENTS_ENABLED = True

# Stories one address may send through "Share your story" per period.
STORY_SUBMISSION_RATE_LIMIT = os.environ.get("STORY_SUBMISSION_RATE_LIMIT", "5/h")

# Survey responses one address may send per period (`N/s`, `N/m`, `N/h`, `N/d`).
SURVEY_RATE_LIMIT = os.environ.get("SURVEY_RATE_LIMIT", "10/h")
