"""The site-wide pieces every public page repeats (locales, site, site root,
menu, breadcrumb trails, section pages, view restrictions, translations,
settings, page addresses) as plain data in the shared cache, under keys that
include the content version (home/content_version.py). They are rebuilt once
after a change instead of on every request; what varies per page
(aria-current, the page's own crumb, lang attributes against the active
language) is worked out per request from this data.

An entry never changes for its content version, so each process also keeps
the entries it has used: a request asks the shared cache for the version
only, instead of making a round trip per piece."""

import contextvars
import pickle

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db.models import Q
from django.http.request import split_domain_port
from django.utils.translation import get_language, get_supported_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site

from home import content_version

# Entries are keyed by content version, so they never go stale; the
# timeout only frees memory taken by old versions.
TIMEOUT = 60 * 60 * 24

_REQUEST_ATTR = "_site_chrome"

# Entries kept in this process for the current content version; past the
# limit, further entries come from the shared cache only.
PROCESS_MAX_ENTRIES = 10_000
# {content version: {entry: pickled value}}; pickled, so no request ever
# shares an object with another, as when they came from the shared cache.
_process_entries = {}

# Section pages that templates link to from elsewhere, found together.
LANDMARK_MODELS = ("commitments.CommitmentIndexPage", "commitments.CrosswalkPage", "stories.StoryIndexPage")


# The memo of the request being served, for callers that have no request
# at hand (model methods, forms): they share its content version and pieces.
_current_memo = contextvars.ContextVar("site_chrome_memo", default=None)


def per_request(request):
    """A dict that lives as long as the request: the one being served when
    `request` is None, else empty and unshared."""
    if request is None:
        memo = _current_memo.get()
        return memo if memo is not None else {}
    memo = getattr(request, _REQUEST_ATTR, None)
    if memo is None:
        memo = {}
        setattr(request, _REQUEST_ATTR, memo)
    return memo


class RequestMemoMiddleware:
    """Makes the request's memo the one used where no request is passed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_memo.set(per_request(request))
        try:
            return self.get_response(request)
        finally:
            _current_memo.reset(token)


def version(request):
    # One content version for the whole request, so one page is never
    # built from two versions.
    memo = per_request(request)
    if "version" not in memo:
        memo["version"] = content_version.current()
    return memo["version"]


def cached(request, name, *parts, build):
    """`build()`, kept in the shared cache for this content version and in
    the request for repeated use. `parts` say what the value depends on."""
    memo = per_request(request)
    memo_key = (name, *parts)
    if memo_key not in memo:
        boxed = _lookup(request, memo_key)  # boxed, so None can be cached too
        if boxed is None:
            boxed = (build(),)
            _store(request, memo_key, boxed)
        memo[memo_key] = boxed[0]
    return memo[memo_key]


def cached_many(request, name, keys, build):
    """{key: value} for each key (a tuple of parts), kept like `cached`, with
    one round trip to the shared cache for all of them; `build(keys)` gives
    {key: value} for the keys kept nowhere yet."""
    memo = per_request(request)
    entries = _entries_of_version(version(request))
    found, missing = {}, []
    for key in keys:
        entry = (name, *key)
        if entry not in memo and entry in entries:
            memo[entry] = pickle.loads(entries[entry])
        if entry in memo:
            found[key] = memo[entry]
        else:
            missing.append(key)
    if missing:
        shared_keys = {key: _key(request, name, *key) for key in missing}
        shared = cache.get_many(list(shared_keys.values()))
        unbuilt = [key for key in missing if shared_keys[key] not in shared]
        built = {key: (value,) for key, value in build(unbuilt).items()} if unbuilt else {}
        if built:
            cache.set_many({shared_keys[key]: boxed for key, boxed in built.items()}, TIMEOUT)
        for key in missing:
            boxed = built.get(key) or shared.get(shared_keys[key])
            if boxed is None:
                continue
            memo[(name, *key)] = found[key] = boxed[0]
            _keep_in_process(entries, (name, *key), boxed[0])
    return found


def cached_pks(request, name, *parts, select):
    """The pks of the rows `select()` (a queryset) gives, in its order, kept
    like any piece: which stories a listing shows changes only when the
    content does, so the selection (a sort of every match, a count) runs
    once per change, and each request loads just the rows it shows. A
    preview always selects afresh: it shows content that is not live."""
    if getattr(request, "is_preview", False):
        return list(select().values_list("pk", flat=True))
    return cached(request, name, *parts, build=lambda: list(select().values_list("pk", flat=True)))


def cached_for_visitors(request, name, *parts, build, timeout):
    """Like `cached`, for pieces that depend on what visitors type (search
    words): kept in the shared cache only, for `timeout` seconds, so no one
    can crowd the site-wide pieces out of a process's memory."""
    key = _key(request, name, *parts)
    boxed = cache.get(key)
    if boxed is None:
        boxed = (build(),)
        cache.set(key, boxed, timeout)
    return boxed[0]


def _lookup(request, entry):
    """(value,) from this process or the shared cache, or None."""
    entries = _entries_of_version(version(request))
    if entry in entries:
        return (pickle.loads(entries[entry]),)
    boxed = cache.get(_key(request, *entry))
    if boxed is not None:
        _keep_in_process(entries, entry, boxed[0])
    return boxed


def _store(request, entry, boxed):
    cache.set(_key(request, *entry), boxed, TIMEOUT)
    _keep_in_process(_entries_of_version(version(request)), entry, boxed[0])


def _entries_of_version(number):
    if number is None:  # the shared cache is down: nothing is kept
        return {}
    entries = _process_entries.get(number)
    if entries is None:
        # Entries of older versions are never asked for again.
        _process_entries.clear()
        entries = _process_entries[number] = {}
    return entries


def _keep_in_process(entries, entry, value):
    if len(entries) < PROCESS_MAX_ENTRIES:
        entries[entry] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def _key(request, name, *parts):
    return ":".join(["site-chrome", str(version(request)), name, *map(str, parts)])


def site(request):
    """The request's Site, else the default site. Wagtail reads it from the
    database once per request; here it comes from the cache, and Wagtail
    finds it on the request."""
    if request is None:
        return _default_site(request)
    if not hasattr(request, "_wagtail_site"):
        try:
            request.get_host()  # only hosts in ALLOWED_HOSTS get an entry
        except DisallowedHost:
            return Site.find_for_request(request) or _default_site(request)
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = cached(
            request, "site-for", hostname, request.get_port(), build=lambda: Site.find_for_request(request)
        )
    return request._wagtail_site or _default_site(request)


def _default_site(request):
    return cached(
        request,
        "default-site",
        build=lambda: Site.objects.filter(is_default_site=True).select_related("root_page").first(),
    )


def locales(request):
    """Locales of the languages in settings.LANGUAGES, in that order."""

    def build():
        by_code = {locale.language_code: locale for locale in Locale.objects.all()}
        return [by_code[code] for code, _name in settings.LANGUAGES if code in by_code]

    return cached(request, "locales", build=build)


def locale_by_id(request, locale_id):
    return next((locale for locale in locales(request) if locale.pk == locale_id), None)


def active_locale_id(request):
    """The pk of the active language's locale (like Locale.get_active, without a query)."""
    try:
        code = get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        code = settings.LANGUAGE_CODE
    enabled = locales(request)
    match = next((locale for locale in enabled if locale.language_code == code), None)
    if match is None:
        match = next((locale for locale in enabled if locale.language_code == settings.LANGUAGE_CODE), None)
    return match.pk if match is not None else None


def site_root(request, locale_id):
    """The current site's root page in that locale (a plain Page), falling
    back to the root itself when it has no live translation there."""
    current = site(request)
    if current is None:
        return None
    root = current.root_page
    if locale_id is None or root.locale_id == locale_id:
        return root

    def build():
        translation = root.get_translations().live().filter(locale_id=locale_id).first()
        return translation or root

    return cached(request, "site-root", current.pk, locale_id, build=build)


def restricted_paths(request=None):
    """Tree paths of the pages that have view restrictions, and of their
    aliases (an alias takes its source's restrictions)."""

    def build():
        restricted = dict(PageViewRestriction.objects.values_list("page_id", "page__path"))
        if not restricted:
            return []
        aliases = Page.objects.filter(alias_of_id__in=restricted).values_list("path", flat=True)
        return sorted({*restricted.values(), *aliases})

    return cached(request, "restricted-paths", build=build)


def private_q(request=None):
    """Matches pages in private sections: `queryset.exclude(private_q(request))`
    is `queryset.public()` without reading the restrictions again."""
    paths = restricted_paths(request)
    q = Q()
    for path in paths:
        q |= Q(path__startswith=path)
    return q if paths else Q(pk__in=[])


def public(queryset, request=None):
    """`queryset.public()`, with the private sections read from the cache
    rather than the database."""
    return queryset.exclude(private_q(request))


def _source_languages(pages):
    """{page pk: language code of the source} for pages that are aliases."""
    sources = {page.pk: page.alias_of_id for page in pages if page.alias_of_id}
    if not sources:
        return {}
    codes = dict(Page.objects.filter(pk__in=set(sources.values())).values_list("pk", "locale__language_code"))
    return {pk: codes[source] for pk, source in sources.items() if source in codes}


def _item(page, request, languages):
    return {
        "pk": page.pk,
        "path": page.path,
        "title": page.title,
        "url": page.get_url(request=request),
        "source_language": languages.get(page.pk, ""),
    }


def menu_items(request, root):
    """The live, public, 'show in menus' children of the root, as dicts."""

    def build():
        children = list(
            root.get_children()
            .live()
            .in_menu()
            .exclude(private_q(request))
            .order_by("path")
            .only("pk", "path", "depth", "url_path", "title", "locale_id", "alias_of_id")
        )
        languages = _source_languages(children)
        return [_item(child, request, languages) for child in children]

    return cached(request, "menu", site(request).pk, root.pk, build=build)


def trail(request, root, page_path):
    """Crumbs (dicts) for the ancestors of the page at `page_path`, from the
    root down to its parent."""
    steplen = Page.steplen
    ancestor_paths = [page_path[:end] for end in range(len(root.path), len(page_path), steplen)]

    def build():
        ancestors = Page.objects.filter(path__in=ancestor_paths).order_by("depth")
        ancestors = list(ancestors.only("pk", "path", "depth", "url_path", "title", "locale_id", "alias_of_id"))
        languages = _source_languages(ancestors)
        return [_item(ancestor, request, languages) for ancestor in ancestors]

    return cached(request, "trail", site(request).pk, page_path[:-steplen], build=build)


def source_language(request, page):
    """Language code of the page an alias shows, or "" for a page that is not an alias."""
    if not page.alias_of_id:
        return ""
    return cached(
        request,
        "source-language",
        page.alias_of_id,
        build=lambda: (
            Page.objects.filter(pk=page.alias_of_id).values_list("locale__language_code", flat=True).first() or ""
        ),
    )


def landmarks(request, locale_id):
    """{model label (lower case): first live public page of that type in the locale (a plain Page) or None}."""

    def build():
        content_types = ContentType.objects.get_for_models(*(apps.get_model(label) for label in LANDMARK_MODELS))
        pages = public(Page.objects.live().filter(content_type__in=content_types.values()), request)
        if locale_id:
            pages = pages.filter(locale_id=locale_id)
        by_type = {}
        for page in pages.order_by("path"):
            by_type.setdefault(page.content_type_id, page)
        return {model._meta.label_lower: by_type.get(ct.pk) for model, ct in content_types.items()}

    return cached(request, "landmarks", locale_id, build=build)


def language_homes(request):
    """{locale pk: URL} of the live translations of the site's root page."""
    current = site(request)
    if current is None:
        return {}

    def build():
        homes = current.root_page.get_translations(inclusive=True).live()
        return {home.locale_id: home.get_url(request=request) for home in homes}

    return cached(request, "language-homes", current.pk, build=build)


def translations(request, page):
    """{locale pk: {"url", "full_url"}} of the page and its live translations.
    Aliases of another language's page are not translations: their content
    is not in their locale's language yet."""
    if not isinstance(page, Page) or not page.pk:
        return {}

    def build():
        found = page.get_translations(inclusive=True).live().filter(alias_of__isnull=True)
        return {
            translation.locale_id: {
                "url": translation.get_url(request=request),
                "full_url": translation.get_full_url(request=request),
            }
            for translation in found
        }

    current = site(request)
    return cached(request, "translations", current.pk if current else "", page.translation_key, build=build)


def site_settings(request):
    """The SiteSettings of the request's site."""
    from home.models import SiteSettings

    current = site(request)
    if current is None:
        return None
    return cached(request, "site-settings", current.pk, build=lambda: SiteSettings.for_site(current))


def known_route(request):
    """(page pk, content type pk) of the page remembered at the request's
    address on its site, or None."""
    current = site(request)
    if current is None:
        return None
    boxed = _lookup(request, ("route", current.pk, request.path))
    return boxed[0] if boxed is not None else None


def remember_route(request, page):
    """Remember that `page` answers at the request's address. Only pages
    found are remembered, so requests for missing addresses cannot fill the
    cache."""
    current = site(request)
    if current is not None:
        _store(request, ("route", current.pk, request.path), ((page.pk, page.content_type_id),))
