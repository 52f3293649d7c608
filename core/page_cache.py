"""The one full-page cache for anonymous visitors, purged through Wagtail's
frontend-cache machinery, and the Cache-Control header of every response.

Serving (before the session middleware: a hit costs no database query):
GET and HEAD outside the admin, from visitors without a session or
messages cookie. Stored: 200s to GET that set no cookie, hold no form
token, are not private and are HTML, XML, a feed or plain text.

Keys: an entry's key holds the release (settings.RELEASE_ID: a deploy never
serves old markup), scheme, host, path and sorted query string (tracking
parameters dropped); the entry holds the response and its path's token,
read before rendering, and is served only while that token is current (one
round trip). Purging a path sets a new token: every query string of it is
retired in one write, and a page rendered from data changed meanwhile is
never served.

Purging goes through Wagtail's frontend cache: PageCacheBackend is one
backend beside the proxy and CDN ones. What a change purges comes from one
place: a page's URLs (`get_cached_paths`) in every language, the pages its
type says show it (`pages_showing_this`, core/pages.py), the pages linking
to it (Wagtail's reference index) and the sitemap; a home or main-menu page
purges every page. A snippet, setting, image or document purges the pages
the reference index says show it, and its model's `pages_showing_this()`;
a view restriction the page and everything below it. Tokens are retired at
once and again on commit; the other backends are told after the commit.
"""

import hashlib
import uuid
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete
from django.http import HttpResponse, QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.cache import cc_delim_re, get_max_age, patch_cache_control, patch_vary_headers
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, pre_page_move
from wagtail.snippets.models import get_snippet_models

from core.pages import every_page

KEY_PREFIX = "page-cache"
BACKEND_NAME = "pagecache"
STALE_WHILE_REVALIDATE = 60
CACHEABLE_TYPES = ("text/html", "text/plain", "text/xml", *(f"application/{kind}xml" for kind in ("", "rss+", "atom+")))
# The language is in the path; only requests without cookies are served.
IGNORED_VARY = {"accept-language", "cookie"}
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
# A visitor holding one of these may see something of their own.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
# Home pages (2) and the main menu's pages (3): their titles are on every page.
TOP_LEVEL_DEPTH = 3


# Serving -------------------------------------------------------------------


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        enabled = settings.PAGE_CACHE_ENABLED
        lookup = _lookup(request) if enabled and _may_use_cache(request) else None
        if lookup is not None and lookup[2] is not None:
            return lookup[2]
        if lookup is not None:
            # One copy serves every tracking variant: make it without them.
            request.GET = QueryDict(shared_query(request))

        response = self.get_response(request)
        timeout = _storable_for(request, response) if lookup is not None else 0
        set_cache_control(request, response)
        if timeout:
            entry_key, token, _stored = lookup
            cache.set(entry_key, (token, _freeze(response)), timeout)
        if enabled:
            response["X-Page-Cache"] = "miss" if timeout else "skip"
        return response


def _is_admin(request):
    return request.path.startswith(f"/{settings.ADMIN_PATH}/")


def _has_personal_cookie(request):
    return any(name in request.COOKIES for name in PERSONAL_COOKIES)


def _may_use_cache(request):
    return request.method in ("GET", "HEAD") and not _is_admin(request) and not _has_personal_cookie(request)


def shared_query(request):
    """The query string without tracking parameters, sorted: all a cached page varies by."""
    return urlencode(
        sorted(
            (name, value)
            for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
            if not name.startswith(TRACKING_PARAMETERS)
        )
    )


def _lookup(request):
    """(entry key, the path's current token, the stored response or None),
    in one round trip to the cache."""
    query = shared_query(request)
    # get_host() refuses hosts not in ALLOWED_HOSTS before anything is served.
    parts = "\n".join([settings.RELEASE_ID, request.scheme, request.get_host(), request.path, query])
    entry_key = f"{KEY_PREFIX}:entry:{hashlib.sha256(parts.encode()).hexdigest()}"
    path_key = _path_key(request.path)
    found = cache.get_many([entry_key, path_key])
    token = found.get(path_key)
    if token is None:
        # Never purged, or evicted: a fresh token, so nothing stored before
        # an eviction is served again.
        cache.add(path_key, uuid.uuid4().hex, None)
        token = cache.get(path_key) or uuid.uuid4().hex
    stored = found.get(entry_key)
    response = _thaw(stored[1]) if stored is not None and stored[0] == token else None
    return entry_key, token, response


def _path_key(path):
    return f"{KEY_PREFIX}:path:{hashlib.sha256(path.encode()).hexdigest()}"


def _storable_for(request, response):
    """Seconds to keep this response for, 0 when it must not be stored.
    Decided on the headers the view set, before set_cache_control."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return 0
    if response.cookies or getattr(request, "is_preview", False):
        return 0  # a CSRF token or a session: someone's own
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if content_type not in CACHEABLE_TYPES:
        return 0
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}
    if vary - IGNORED_VARY:
        return 0
    if b'name="csrfmiddlewaretoken"' in response.content:
        return 0  # a form whose token came from the visitor's own cookie
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return 0
    max_age = get_max_age(response)  # a view's own limit, e.g. the survey summary's
    timeout = settings.PAGE_CACHE_SECONDS
    return timeout if max_age is None else min(timeout, max_age)


def set_cache_control(request, response):
    """Shared caches may keep public pages for PAGE_CACHE_SECONDS (browsers
    always revalidate); the admin, previews, forms and anything for a
    visitor with a session stay private. A view's own header is kept
    otherwise."""
    if (
        _is_admin(request)
        or getattr(request, "is_preview", False)
        or _has_personal_cookie(request)
        or settings.CSRF_COOKIE_NAME in response.cookies
        or settings.SESSION_COOKIE_NAME in response.cookies
    ):
        patch_cache_control(response, private=True, no_store=True)
    elif (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.has_header("Cache-Control")
        and response.get("Content-Type", "").split(";")[0].strip() in CACHEABLE_TYPES
    ):
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=settings.PAGE_CACHE_SECONDS,
            stale_while_revalidate=STALE_WHILE_REVALIDATE,
        )
        # A logged-in visitor's copy (with the user bar) differs.
        patch_vary_headers(response, ["Cookie"])


def _freeze(response):
    headers = [(name, value) for name, value in response.items() if name.lower() != "x-page-cache"]
    return (response.status_code, headers, response.content)


def _thaw(stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


class PageCacheBackend(BaseBackend):
    """The page cache as one of Wagtail's frontend cache backends: purging a
    URL retires its path's token, so every stored query-string variant of
    it is gone in one write."""

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        cache.set_many({_path_key(urlsplit(url).path): uuid.uuid4().hex for url in urls}, None)


# What a change purges -----------------------------------------------------
#
# Pages are handled as querysets of Page (any page type's queryset, or a
# list of pages, is turned into one), so a purge of a thousand pages is a
# few queries and no model instances; their URLs are built from their
# url_path as Wagtail builds them (site root path, language prefix).


def _as_pages(pages):
    """A queryset of Page for a page queryset of any type, or a list of pages."""
    if isinstance(pages, QuerySet):
        return Page.objects.filter(pk__in=pages.values("pk"))
    return Page.objects.filter(pk__in=[page.pk for page in pages])


def _every_language(pages):
    """The pages with their translations and aliases."""
    return Page.objects.filter(
        Q(pk__in=pages.values("pk"))
        | Q(translation_key__in=pages.values("translation_key"))
        | Q(alias_of__in=pages.values("pk"))
    )


def _referencing_pages(objects, depth=2):
    """Pages that show any of `objects`, directly or through a snippet that
    shows it (a person's photo), from Wagtail's reference index."""
    pages = set()
    for source, _references in ReferenceIndex.get_references_to_in_bulk(objects).group_by_source_object():
        if isinstance(source, Page):
            pages.add(source)
        elif source is not None and depth > 1:
            pages |= _referencing_pages([source], depth - 1)
    return pages


def pages_for_page(page):
    """The pages a change to `page` (publish, unpublish, delete, move) makes
    stale, worked out while the page is still where it was: a queryset.
    What shows the page is asked of the page itself; the page's copies in
    other languages show, and are shown by, the copies of the same pages."""
    if page.depth <= TOP_LEVEL_DEPTH:
        return every_page()
    page = page.specific_deferred
    copies = _every_language(_as_pages([page]))
    showing = _as_pages(getattr(page, "pages_showing_this", list)())
    referencing = _as_pages(_referencing_pages(list(copies)))
    return _every_language(copies | showing | referencing)


def pages_for_object(instance):
    """The pages a change to a snippet, setting, image or document makes stale."""
    pages = _as_pages(getattr(instance, "pages_showing_this", list)())
    for page in _referencing_pages([instance]):
        pages |= pages_for_page(page)
    return Page.objects.filter(pk__in=pages.values("pk"))


def page_urls(pages):
    """The full URLs of the pages (a Page queryset) with each page type's
    `get_cached_paths()`, built from their url_path as Wagtail builds a
    page's URL, without loading the pages. `get_cached_paths()` is asked of
    one page of each type: in this project it depends on the type alone."""
    roots = Site.get_site_root_paths()
    prefixes = {}
    for root in roots:
        if root.language_code not in prefixes:
            with translation.override(root.language_code):
                prefixes[root.language_code] = reverse("wagtail_serve", args=("",))
    paths_of_type = {}
    urls = set()
    rows = pages.values_list("pk", "url_path", "content_type_id", "locale__language_code").order_by()
    for pk, url_path, content_type_id, language in rows:
        if content_type_id not in paths_of_type:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            sample = model.objects.filter(pk=pk).first() if model is not None else None
            paths_of_type[content_type_id] = sample.get_cached_paths() if sample is not None else ["/"]
        matches = [root for root in roots if url_path.startswith(root.root_path)]
        root = next((root for root in matches if root.language_code == language), matches[0] if matches else None)
        if root is None:
            continue
        base = root.root_url + prefixes[root.language_code] + url_path[len(root.root_path) :]
        urls.update(base + path.lstrip("/") for path in paths_of_type[content_type_id])
    return urls


def purge(pages=None, urls=()):
    """Retire these pages' URLs (a Page queryset), the given URLs and the
    sitemaps at once and again on commit in the page cache; send them to
    every other frontend cache backend (a proxy, a CDN) after the commit."""
    found = set(urls)
    if pages is not None:
        found |= page_urls(pages)
    found |= {f"{site.root_url}/sitemap.xml" for site in Site.objects.all()}
    found = sorted(found)
    PageCacheBackend({}).purge_batch(found)

    def after_commit():
        PageCacheBackend({}).purge_batch(found)
        others = [name for name in settings.WAGTAILFRONTENDCACHE if name != BACKEND_NAME]
        if others:
            purge_urls_from_cache_task.call(found, None, others)

    transaction.on_commit(after_commit)
    return found


def _purging_needed():
    return settings.PAGE_CACHE_ENABLED or len(settings.WAGTAILFRONTENDCACHE) > 1


def _on_page_changed(instance, **_kwargs):
    if _purging_needed():
        purge(pages_for_page(instance))


def _on_page_published(instance, **_kwargs):
    # An alias is published only with its source, whose purge named every
    # language's copy already.
    if not instance.alias_of_id:
        _on_page_changed(instance)


def _on_page_created(instance, created, raw=False, **_kwargs):
    # A page made live at once (a script, the demo loader) is published
    # without Wagtail's signal.
    if created and instance.live and not raw and _purging_needed():
        purge(pages_for_page(instance))


def _on_slug_changed(instance, instance_before, **_kwargs):
    if _purging_needed():
        # Every page below moves with it: the old addresses are stale too.
        below = _as_pages(instance.get_descendants(inclusive=True))
        new_urls = page_urls(below)
        new_base, old_base = instance.get_full_url(), instance_before.get_full_url()
        old_urls = {
            old_base + url[len(new_base) :] for url in new_urls if new_base and old_base and url.startswith(new_base)
        }
        purge(pages_for_page(instance) | below, urls=old_urls)


def _on_page_moved(instance, **_kwargs):
    # Before the move, the old addresses of the page and every page below
    # it; after it, the new ones.
    if _purging_needed():
        purge(pages_for_page(instance) | _as_pages(instance.get_descendants()))


def _on_object_changed(instance, **_kwargs):
    if _purging_needed():
        purge(pages_for_object(instance))


def _on_restriction_changed(instance, **_kwargs):
    if _purging_needed():
        page = instance.page
        purge(pages_for_page(page) | _as_pages(page.get_descendants()))


def _on_site_wide_change(**_kwargs):
    if _purging_needed():
        purge(every_page())


def _is_shown_on_pages(instance):
    """Whether pages show objects of this kind: snippets, settings, images
    and documents (asked at each save: snippets register after app start)."""
    shown = [*get_snippet_models(), *settings_registry, get_image_model(), get_document_model()]
    return type(instance) in shown


def _on_any_change(sender, instance, **kwargs):
    if _is_shown_on_pages(instance):
        _on_object_changed(instance)


def connect():
    """Called once from CoreConfig.ready()."""
    page_published.connect(_on_page_published, dispatch_uid="page-cache-published")
    page_unpublished.connect(_on_page_changed, dispatch_uid="page-cache-unpublished")
    # Before the move, the old addresses and listings; after it, the new.
    pre_page_move.connect(_on_page_moved, dispatch_uid="page-cache-pre-move")
    post_page_move.connect(_on_page_moved, dispatch_uid="page-cache-post-move")
    page_slug_changed.connect(_on_slug_changed, dispatch_uid="page-cache-slug")
    # Page subclasses send these as themselves, not as Page.
    for model in apps.get_models():
        if issubclass(model, Page):
            post_save.connect(_on_page_created, sender=model, dispatch_uid=f"page-cache-create-{model._meta.label}")
            # Before the delete, while the page's place and references are known.
            pre_delete.connect(_on_page_changed, sender=model, dispatch_uid=f"page-cache-delete-{model._meta.label}")
    post_save.connect(_on_any_change, dispatch_uid="page-cache-save-shown")
    # Before the delete: the reference index forgets it afterwards.
    pre_delete.connect(_on_any_change, dispatch_uid="page-cache-delete-shown")
    for signal in (post_save, post_delete):
        signal.connect(_on_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"page-cache-pvr-{id(signal)}")
        for model in (Locale, Site):
            signal.connect(
                _on_site_wide_change, sender=model, dispatch_uid=f"page-cache-{model._meta.label}-{id(signal)}"
            )
