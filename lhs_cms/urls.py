from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.admin_login import RateLimitedLoginView
from core.sitemaps import TranslatedSitemap
from core.views import serve_page
from home import views
from lhs_cms.api import api_router

ADMIN = settings.ADMIN_PATH

handler500 = "lhs_cms.errors.server_error"

urlpatterns = [
    # Before Wagtail's own login view: the same view, with failures counted.
    path(f"{ADMIN}/login/", RateLimitedLoginView.as_view(), name="wagtailadmin_login"),
    path(f"{ADMIN}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("api/v2/", api_router.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# English at unprefixed URLs, other languages under /<code>/.
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    # Wagtail's page URLs, served by core.views.serve_page (Wagtail's view,
    # routed in two queries); the name stays Wagtail's, which page URLs use.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
    prefix_default_language=False,
)
