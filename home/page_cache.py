"""Full-page cache for anonymous visitors, purged precisely, and the
Cache-Control header of every response.

Serving: PageCacheMiddleware sits before the session middleware, so a hit
costs no database query and cached pages keep being served while the
database is down. A visitor counts as anonymous when the request carries no
session cookie (request.user would need the database). Only GET and HEAD
requests outside the admin are looked up; only 200 responses to GET that set
no cookie (so hold no CSRF token), are not private and are HTML, XML, a feed
or plain text are stored.

Keys: an entry's key holds the scheme, host, path and query string (sorted,
tracking parameters dropped); the entry holds the response and two version
tokens, one for the path and one for the whole site, and is served only
while both are still current (one round trip fetches the entry and both
tokens). Purging a path sets a new token for it, which retires that path
with every query string (story filters, pagination); purging everything
sets a new site token. Retired entries are never served again and expire on
their own. The tokens are read before the page is rendered, so a page
rendered from data that changed meanwhile is stored with an old token and
never served.

Purging (connect(), from HomeConfig.ready()): a published (or created live),
unpublished, moved or deleted page purges its own URLs in every language
(translations and aliases, with its routable sub-paths such as feeds), its
ancestors' (listings), its descendants' (breadcrumbs), the pages that
reference it (Wagtail's reference index), for a story the commitments it
links to and the stories shown beside it, and search and the sitemap. Pages
at the top of the tree (home pages and the main menu) purge everything, as
do snippets and settings shown on every page. A change to another snippet or
an image is a change to each page that shows it. Each purge is done at once
and again when the transaction commits, and the same URLs go to the CDN
(Wagtail's frontend cache backends, WAGTAILFRONTENDCACHE) after the commit.
The wagtail.contrib.frontend_cache app itself is not installed: all it adds
is handlers that would purge a page's own URLs a second time.

Language needs nothing in the key: it is in the path (English unprefixed,
Spanish under /es/), so the Vary: Accept-Language that LocaleMiddleware
adds is ignored, like Vary: Cookie (only cookie-less requests are served).
Responses varying on anything else (the JSON API: Vary: Accept) are not
stored.
"""

import contextlib
import hashlib
import types
import uuid
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.http import HttpResponse
from django.urls import NoReverseMatch
from django.utils.cache import cc_delim_re, get_max_age, patch_cache_control, patch_vary_headers

KEY_PREFIX = "page-cache"
SITE_VERSION_KEY = f"{KEY_PREFIX}:site"
STALE_WHILE_REVALIDATE = 60
CACHEABLE_TYPES = (
    "text/html",
    "text/plain",
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
)
# The language is in the path; only requests without cookies are served.
IGNORED_VARY = {"accept-language", "cookie"}
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
# A visitor holding one of these may see something of their own.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)

# Pages at this depth or above are home pages (2) and the main menu's (3):
# their titles are on every page.
TOP_LEVEL_DEPTH = 3


# Serving -------------------------------------------------------------------


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        enabled = settings.PAGE_CACHE_ENABLED
        lookup = _lookup(request) if enabled and _may_use_cache(request) else None
        if lookup and lookup.response is not None:
            return lookup.response

        response = self.get_response(request)
        timeout = _storable_for(request, response) if lookup else 0
        set_cache_control(request, response)
        if timeout:
            cache.set(lookup.entry_key, (lookup.tokens, _freeze(response)), timeout)
        if enabled:
            response["X-Page-Cache"] = "miss" if timeout else "skip"
        return response


def _is_admin(request):
    return request.path.startswith(f"/{settings.ADMIN_PATH}/")


def _has_personal_cookie(request):
    return any(name in request.COOKIES for name in PERSONAL_COOKIES)


def _may_use_cache(request):
    return request.method in ("GET", "HEAD") and not _is_admin(request) and not _has_personal_cookie(request)


def _lookup(request):
    """The stored response if it is still current, with what storing this
    request's response needs: the entry, and the version tokens read
    before rendering (a purge meanwhile changes them, so a page rendered
    from data that changed while it was rendered is never served). One
    round trip to the cache for the entry and both tokens."""
    path_key = _path_key(request.path)
    query = urlencode(
        sorted(
            (name, value)
            for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
            if not name.startswith(TRACKING_PARAMETERS)
        )
    )
    # get_host() refuses hosts not in ALLOWED_HOSTS before anything is served.
    parts = "\n".join([request.scheme, request.get_host(), request.path, query])
    entry_key = f"{KEY_PREFIX}:entry:{hashlib.sha256(parts.encode()).hexdigest()}"
    found = cache.get_many([entry_key, SITE_VERSION_KEY, path_key])
    tokens = _versions([SITE_VERSION_KEY, path_key], found)
    response = None
    stored = found.get(entry_key)
    if stored is not None and stored[0] == tokens:
        response = _thaw(stored[1])
    return types.SimpleNamespace(entry_key=entry_key, tokens=tokens, response=response)


def _path_key(path):
    return f"{KEY_PREFIX}:path:{hashlib.sha256(path.encode()).hexdigest()}"


def _versions(keys, found):
    """The current token of each version key, from `found` (what the cache
    holds). A missing one (never purged, or evicted) gets a fresh token, so
    entries stored before an eviction are not served again."""
    for key in keys:
        if key not in found:
            cache.add(key, _new_token(), None)
            found[key] = cache.get(key) or _new_token()
    return [str(found[key]) for key in keys]


def _new_token():
    return uuid.uuid4().hex


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


# Purging -------------------------------------------------------------------


class Purge:
    """The URLs one change makes stale, or everything."""

    def __init__(self):
        self.urls = set()
        self.everything = False
        # Wagtail caches the site root paths on whatever object is passed as
        # `request`: one lookup per purge instead of one per page (a story
        # can have hundreds of related stories).
        self.url_cache = types.SimpleNamespace()

    def add_page(self, page):
        """The page's URLs in every language and place (translations,
        aliases), each with its routable sub-paths."""
        from wagtail.models import Page

        copies = Page.objects.filter(translation_key=page.translation_key) | Page.objects.filter(alias_of=page.pk)
        for copy in {page, *copies.specific(defer=True)}:
            self.urls.update(_page_urls(copy, self.url_cache))

    def merge(self, other):
        self.urls |= other.urls
        self.everything |= other.everything

    def add_pages(self, pages):
        for page in pages:
            self.urls.update(_page_urls(page, self.url_cache))

    def send(self):
        """Retire the URLs at once and again on commit; tell the CDN after
        the commit, when the new content is there to fetch."""
        if not self.everything and not self.urls:
            return
        everything, paths = self.everything, {urlsplit(url).path for url in self.urls}
        _retire(everything, paths)
        transaction.on_commit(lambda: _retire(everything, paths))
        transaction.on_commit(lambda: _purge_frontend_cache(everything, self.urls))


def _retire(everything, paths):
    tokens = {_path_key(path): _new_token() for path in paths}
    if everything:
        tokens[SITE_VERSION_KEY] = _new_token()
    cache.set_many(tokens, None)


def _page_urls(page, url_cache):
    url = page.get_full_url(request=url_cache)
    if url is None:
        return []
    return [url + path.lstrip("/") for path in _subpaths(page)]


def _subpaths(page):
    """ "/" and the routes of a routable page that take no argument
    (a story index's feeds, a survey's public summary)."""
    paths = set(page.get_cached_paths())
    for pattern in getattr(page, "get_subpage_urls", list)():
        with contextlib.suppress(NoReverseMatch):  # routes taking an argument: private results
            paths.add("/" + page.reverse_subpage(pattern.name).lstrip("/"))
    return paths


def _site_wide_urls():
    """Search and the sitemap, which list every page, in every language."""
    from wagtail.models import Site

    urls = set()
    for site in Site.objects.all():
        urls.add(site.root_url + "/sitemap.xml")
        for code, _name in settings.LANGUAGES:
            prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
            urls.add(f"{site.root_url}{prefix}/search/")
    return urls


def _referencing_pages(objects, depth=2):
    """Live pages that show any of `objects`, directly or through a snippet
    that shows it (a person's photo), from Wagtail's reference index."""
    from wagtail.models import Page, ReferenceIndex

    pages = set()
    for source, _references in ReferenceIndex.get_references_to_in_bulk(objects).group_by_source_object():
        if source is None:
            continue
        if isinstance(source, Page):
            pages.add(source.specific_deferred)
        elif depth > 1:
            pages |= _referencing_pages([source], depth - 1)
    return pages


def purge_for_page(page):
    """Everything a change to `page` (publish, unpublish, delete, move) makes
    stale, worked out while the page is still where it was."""
    purge = Purge()
    if page.depth <= TOP_LEVEL_DEPTH:
        purge.everything = True
        return purge
    from wagtail.models import Page

    page = page.specific_deferred
    purge.add_page(page)
    same_page = Page.objects.filter(translation_key=page.translation_key) | Page.objects.filter(alias_of=page.pk)
    for copy in same_page:
        purge.add_pages(copy.get_ancestors().filter(depth__gt=1).specific(defer=True))
        if copy.numchild:
            purge.add_pages(copy.get_descendants().specific(defer=True))
    purge.add_pages(_referencing_pages([page, *same_page]))
    purge.add_pages(_story_neighbours(page))
    purge.urls |= _site_wide_urls()
    return purge


def _story_neighbours(page):
    """For a story: the commitments it links to, in every language, and the
    stories that show it as related (they share a commitment)."""
    from stories.models import StoryCommitment, StoryPage

    if not isinstance(page, StoryPage):
        return []
    from commitments.models import CommitmentPage

    keys = CommitmentPage.objects.filter(
        pk__in=StoryCommitment.objects.filter(page__translation_key=page.translation_key).values("commitment")
    ).values("translation_key")
    commitments = CommitmentPage.objects.filter(translation_key__in=keys)
    related = StoryPage.objects.filter(
        pk__in=StoryCommitment.objects.filter(commitment__translation_key__in=keys).values("page")
    ).exclude(pk=page.pk)
    return [*commitments.defer_streamfields(), *related.defer_streamfields()]


# Snippets and settings shown on every page (footer, settings, filter
# choices, the crosswalk's frameworks, languages, view restrictions).
PURGE_EVERYTHING_MODELS = (
    "home.FooterText",
    "home.SiteSettings",
    "stories.Sector",
    "stories.Stakeholder",
    "commitments.Framework",
    "commitments.FrameworkElement",
    "commitments.CrosswalkLink",
    "wagtailcore.Locale",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
)
# Shown only where a page (or a snippet on it) references them.
PURGE_REFERENCING_MODELS = (
    "home.Person",
    "home.Resource",
    "wagtailimages.Image",
    "wagtaildocs.Document",
)


def _purging_needed():
    """Nothing to purge with the page cache off and no CDN. (Entries kept
    from before it was turned off expire within PAGE_CACHE_SECONDS.)"""
    return settings.PAGE_CACHE_ENABLED or bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _on_page_changed(instance, **_kwargs):
    if _purging_needed():
        purge_for_page(instance).send()


def _on_page_created(instance, created, raw=False, **_kwargs):
    # A page made live at once (a script, the demo loader) is published
    # without Wagtail's signal.
    if created and instance.live and not raw and _purging_needed():
        purge_for_page(instance).send()


def _on_page_moving(instance, **_kwargs):
    # Before the move: the old URLs, ancestors and menu position.
    if _purging_needed():
        purge_for_page(instance).send()


def _on_slug_changed(instance, instance_before, **_kwargs):
    if not _purging_needed():
        return
    purge = purge_for_page(instance)
    if instance.numchild:
        purge.everything = True  # every descendant's URL changed
    else:
        purge.urls.update(_page_urls(instance_before, purge.url_cache))
    purge.send()


def _on_site_wide_change(**_kwargs):
    if not _purging_needed():
        return
    purge = Purge()
    purge.everything = True
    purge.send()


def _on_referenced_change(instance, **_kwargs):
    if not _purging_needed():
        return
    from home.models import Resource

    purge = Purge()
    # A change to what a page shows is a change to that page, and to the
    # listings showing its card (with its image).
    for page in _referencing_pages([instance]):
        purge.merge(purge_for_page(page))
    if isinstance(instance, Resource):
        from wagtail.models import Site

        # The home page lists the newest resources.
        for site in Site.objects.select_related("root_page"):
            purge.add_page(site.root_page.specific_deferred)
    purge.send()


def _purge_frontend_cache(everything, urls):
    """Send the same URLs to the CDN; for everything, every live page's."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
    from wagtail.models import Page

    if everything:
        purge = Purge()
        purge.add_pages(Page.objects.live().filter(depth__gt=1).specific(defer=True))
        urls = purge.urls | _site_wide_urls()
    purge_urls_from_cache(sorted(urls))


def connect():
    """Called once from HomeConfig.ready()."""
    from django.apps import apps
    from wagtail.models import Page
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, pre_page_move

    page_published.connect(_on_page_changed, dispatch_uid="page-cache-published")
    page_unpublished.connect(_on_page_changed, dispatch_uid="page-cache-unpublished")
    pre_page_move.connect(_on_page_moving, dispatch_uid="page-cache-pre-move")
    post_page_move.connect(_on_page_changed, dispatch_uid="page-cache-post-move")
    page_slug_changed.connect(_on_slug_changed, dispatch_uid="page-cache-slug")
    # Page subclasses send these as themselves, not as Page.
    for model in apps.get_models():
        if issubclass(model, Page):
            post_save.connect(_on_page_created, sender=model, dispatch_uid=f"page-cache-create-{model._meta.label}")
            # Before the delete, while the page's place and references are known.
            pre_delete.connect(_on_page_changed, sender=model, dispatch_uid=f"page-cache-delete-{model._meta.label}")
    for label in PURGE_EVERYTHING_MODELS:
        model = apps.get_model(label)
        post_save.connect(_on_site_wide_change, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(_on_site_wide_change, sender=model, dispatch_uid=f"page-cache-delete-{label}")
    for label in PURGE_REFERENCING_MODELS:
        model = apps.get_model(label)
        post_save.connect(_on_referenced_change, sender=model, dispatch_uid=f"page-cache-save-{label}")
        # Before the delete: the reference index forgets it afterwards.
        pre_delete.connect(_on_referenced_change, sender=model, dispatch_uid=f"page-cache-delete-{label}")
