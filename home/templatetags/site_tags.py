"""Template tags for the site's own templates: navigation, icons and small
formatting helpers. Every tag tolerates a missing page or request, so error
pages and previews render too."""

import itertools
import json
from decimal import Decimal, InvalidOperation

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from commitments.icons import ICONS

register = template.Library()

_CACHE_ATTR = "_site_tags_cache"
_uid_counter = itertools.count(1)


def _request_cache(request):
    """A dict that lives as long as the request, so tags used several times
    on one page (site root, index pages) cost one query each."""
    if request is None:
        return {}
    cache = getattr(request, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(request, _CACHE_ATTR, cache)
    return cache


def get_site_root(request, page=None):
    """The site's root page in the active language, or None. When the current
    page is in the root's own language the root is used as it is, which saves
    looking up the active locale."""
    cache = _request_cache(request)
    if "site_root" not in cache:
        site = Site.find_for_request(request) if request is not None else None
        if site is None:
            site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        root = site.root_page if site is not None else None
        if root is not None and not (isinstance(page, Page) and page.locale_id == root.locale_id):
            root = root.localized
        cache["site_root"] = root
    return cache["site_root"]


def active_locale_id(request):
    """The pk of the locale of the active language, looked up once per request."""
    cache = _request_cache(request)
    if "locale_id" not in cache:
        try:
            cache["locale_id"] = Locale.get_active().pk
        except Locale.DoesNotExist:
            cache["locale_id"] = None
    return cache["locale_id"]


def localize(page, request):
    """`page.localized`, without a locale query when the page is already in
    the active language (the usual case)."""
    if page is None or page.locale_id == active_locale_id(request):
        return page
    return page.localized


def public_pages(queryset, request):
    """`queryset.public()`, with the page view restrictions read once per
    request rather than once per query."""
    cache = _request_cache(request)
    if "private_q" not in cache:
        cache["private_q"] = Page.objects.all().private_q()
    return queryset.exclude(cache["private_q"])


def _locale_id(page):
    locale_id = getattr(page, "locale_id", None)
    if locale_id:
        return locale_id
    try:
        return Locale.get_active().pk
    except Locale.DoesNotExist:
        return None


def source_languages(pages, request):
    """{page pk: language code} for the pages that are aliases of a page in
    another language, i.e. still show that language's text. One query."""
    aliases = {page.pk: page.alias_of_id for page in pages if page.alias_of_id}
    if not aliases:
        return {}
    cache = _request_cache(request)
    known = cache.setdefault("alias_languages", {})
    missing = set(aliases.values()) - set(known)
    if missing:
        known.update(Page.objects.filter(pk__in=missing).values_list("pk", "locale__language_code"))
    current = get_language()
    return {pk: known[source] for pk, source in aliases.items() if known.get(source) not in (None, current)}


@register.simple_tag(takes_context=True)
def site_root(context):
    """`{% site_root as home %}`: the home page of the current site and language."""
    return get_site_root(context.get("request"), context.get("page"))


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_menu(context):
    """Live, public, 'show in menus' children of the home page. The item for
    the current page gets aria-current="page"; the section the current page
    sits in gets aria-current="true"."""
    request = context.get("request")
    current = context.get("page")
    root = get_site_root(request, current)
    current_path = current.path if isinstance(current, Page) else ""
    items = []
    if root is not None:
        children = list(public_pages(root.get_children().live().in_menu(), request).order_by("path"))
        languages = source_languages(children, request)
        for child in children:
            if current_path == child.path:
                state = "page"
            elif current_path.startswith(child.path):
                state = "true"
            else:
                state = ""
            items.append(
                {
                    "page": child,
                    "title": child.title,
                    "url": child.get_url(request=request),
                    "current": state,
                    "lang": languages.get(child.pk, ""),
                }
            )
    return {"items": items, "request": request}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    """The trail from the home page down to the current page. Empty on the
    home page itself and on pages outside the site (error pages)."""
    request = context.get("request")
    page = page or context.get("page")
    root = get_site_root(request, page)
    crumbs = []
    if isinstance(page, Page) and root is not None and page.depth > root.depth and page.path.startswith(root.path):
        if page.depth == root.depth + 1:
            ancestors = [root]  # a top-level section: no query needed
        else:
            ancestors = page.get_ancestors().filter(depth__gte=root.depth).order_by("depth")
        trail = [*ancestors, page]
        languages = source_languages(trail, request)
        crumbs = [
            {
                "title": crumb.title,
                "url": crumb.get_url(request=request),
                "home": crumb.pk == root.pk,
                "current": crumb.pk == page.pk,
                "lang": languages.get(crumb.pk, ""),
            }
            for crumb in trail
        ]
    return {"crumbs": crumbs, "request": request}


@register.inclusion_tag("includes/commitment_icon.html")
def commitment_icon(key, decorative=False, css_class=""):
    """`{% commitment_icon page.icon %}`: the icon as inline SVG (hidden from
    assistive technology) followed by its text equivalent in a visually
    hidden span. Pass decorative=True where the text beside the icon already
    says everything (e.g. on a card under the commitment's title)."""
    label, inner = ICONS.get(key, ("", ""))
    return {
        "key": key,
        "svg": mark_safe(inner),  # noqa: S308 - fixed markup from commitments/icons.py
        "label": "" if decorative else label,
        "css_class": css_class,
    }


# Section pages that templates link to from elsewhere. They are looked up
# together, in one query per request, whichever of them a page needs.
LANDMARK_MODELS = ("commitments.CommitmentIndexPage", "commitments.CrosswalkPage", "stories.StoryIndexPage")


def _landmarks(request, locale_id):
    cache = _request_cache(request)
    key = ("landmarks", locale_id)
    if key not in cache:
        content_types = ContentType.objects.get_for_models(*(apps.get_model(label) for label in LANDMARK_MODELS))
        by_type = {}
        pages = public_pages(Page.objects.live().filter(content_type__in=content_types.values()), request)
        if locale_id:
            pages = pages.filter(locale_id=locale_id)
        for page in pages.order_by("path"):
            by_type.setdefault(page.content_type_id, page)
        cache[key] = {model._meta.label_lower: by_type.get(ct.pk) for model, ct in content_types.items()}
    return cache[key]


@register.simple_tag(takes_context=True)
def page_of_type(context, model_label, page=None):
    """`{% page_of_type "stories.StoryIndexPage" as story_index %}`: the first
    live, public page of that type in the page's language (or the active
    one). For the section pages in LANDMARK_MODELS this is a plain Page (title
    and URL only); for other types, the specific page."""
    request = context.get("request")
    page = page or context.get("page")
    locale_id = _locale_id(page)
    label = model_label.lower()
    if label in {name.lower() for name in LANDMARK_MODELS}:
        return _landmarks(request, locale_id).get(label)
    cache = _request_cache(request)
    key = ("page_of_type", label, locale_id)
    if key not in cache:
        queryset = public_pages(apps.get_model(model_label).objects.live(), request)
        if locale_id:
            queryset = queryset.filter(locale_id=locale_id)
        cache[key] = queryset.order_by("path").first()
    return cache[key]


@register.simple_tag(takes_context=True)
def story_index_url(context, page=None):
    """`{% story_index_url %}` or `{% story_index_url page as url %}`: address
    of the story listing in the page's language, or "" if there is none."""
    index = page_of_type(context, "stories.StoryIndexPage", page)
    return index.get_url(request=context.get("request")) if index else ""


@register.simple_tag
def child_pages(page):
    """`{% child_pages page as children %}`: live, public children, specific."""
    if not isinstance(page, Page):
        return []
    return page.get_children().live().public().specific().defer_streamfields()


@register.simple_tag(takes_context=True)
def link_url(context, link):
    """`{% link_url value as href %}` for a LinkBlock or CallToActionBlock
    value: the chosen page in the current language, or the address."""
    request = context.get("request")
    page = link.get("page") if hasattr(link, "get") else None
    if page is not None:
        return localize(page, request).get_url(request=request) or ""
    return (link.get("url") if hasattr(link, "get") else "") or ""


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """`{% localized_url page.survey_page %}`: address of the page's
    translation in the active language (the page itself if it has none)."""
    if not isinstance(page, Page):
        return ""
    request = context.get("request")
    return localize(page, request).get_url(request=request) or ""


@register.simple_tag
def social_image(page):
    """`{% social_image page as image %}`: the image for sharing: the page's
    social or listing image, else its hero image or main image, else None."""
    if page is None or not hasattr(page, "get_social_image"):
        return None
    return page.get_social_image() or getattr(page, "hero_image", None) or getattr(page, "image", None)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`{% absolute_url rendition.url %}`: the address with scheme and host of
    the current request (addresses that already have them are unchanged)."""
    request = context.get("request")
    if not url or request is None:
        return url or ""
    return request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def unique_id(context, prefix="id"):
    """`{% unique_id "table" as table_id %}`: an id unique within the page."""
    request = context.get("request")
    if request is None:
        return f"{prefix}-{next(_uid_counter)}"
    cache = _request_cache(request)
    cache["uid"] = cache.get("uid", 0) + 1
    return f"{prefix}-{cache['uid']}"


def _to_decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def trim_number(value):
    """43.60 → "43.6", 120.00 → "120", localized; other values unchanged."""
    number = _to_decimal(value)
    if number is None:
        return value if value is not None else ""
    number = number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()
    return number_format(number, force_grouping=True)


@register.filter
def with_unit(value, unit=""):
    """A measured value with its unit: "80.4%", "12 days"; "" if no value."""
    text = trim_number(value)
    if text == "":
        return ""
    unit = (unit or "").strip()
    if not unit:
        return text
    if unit in {"%", "‰"}:
        return format_html("{}{}", text, unit)
    return format_html("{}\u00a0{}", text, unit)


@register.filter
def pad_cells(cells, width):
    """The row's cells, padded with "" so every row has `width` cells."""
    cells = list(cells or [])
    try:
        width = int(width)
    except (TypeError, ValueError):
        return cells
    return cells + [""] * (width - len(cells))


@register.filter
def iframe_title(html, title):
    """Give an embedded iframe a title (for screen readers) if it has none."""
    html = str(html or "")
    if not html or not title or "<iframe" not in html:
        return mark_safe(html)  # noqa: S308 - embed HTML from Wagtail's embed finders
    head, _, tail = html.partition("<iframe")
    tag_end = tail.find(">")
    if tag_end != -1 and " title=" in tail[:tag_end]:
        return mark_safe(html)  # noqa: S308
    return mark_safe(head + format_html('<iframe title="{}"', title) + tail)  # noqa: S308


def _enabled_locales(request):
    """Locales of the languages in settings.LANGUAGES, in that order."""
    cache = _request_cache(request)
    if "locales" not in cache:
        by_code = {locale.language_code: locale for locale in Locale.objects.all()}
        cache["locales"] = [by_code[code] for code, _name in settings.LANGUAGES if code in by_code]
    return cache["locales"]


def _live_translations(page, request):
    """{locale_id: page} for the page and its live translations. Aliases of
    another language's page are not translations: their content is not in
    their locale's language yet."""
    cache = _request_cache(request)
    key = ("translations", getattr(page, "pk", None))
    if key not in cache:
        found = {}
        if isinstance(page, Page) and page.pk:
            for translation in page.get_translations(inclusive=True).live().filter(alias_of__isnull=True):
                found[translation.locale_id] = translation
        cache[key] = found
    return cache[key]


@register.simple_tag(takes_context=True)
def language_links(context):
    """`{% language_links as links %}`: one entry per enabled language, linking
    to the live translation of this page, or to that language's home page."""
    request = context.get("request")
    page = context.get("page")
    translations = _live_translations(page, request)
    site = Site.find_for_request(request) if request is not None else None
    homes = {}
    if site is not None:
        homes = {home.locale_id: home for home in site.root_page.get_translations(inclusive=True).live()}
    current_code = get_language()
    links = []
    for locale in _enabled_locales(request):
        target = translations.get(locale.pk) or homes.get(locale.pk)
        if target is None:
            continue
        info = get_language_info(locale.language_code)
        links.append(
            {
                "code": locale.language_code,
                "name": info["name_local"],
                "url": target.get_url(request=request),
                "current": locale.language_code == current_code,
                "is_translation": locale.pk in translations,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """`{% hreflang_links as alternates %}`: (hreflang, absolute URL) for each
    live translation of the page, plus x-default for the default language."""
    request = context.get("request")
    page = context.get("page")
    translations = _live_translations(page, request)
    if len(translations) < 2:
        return []
    by_locale = {locale.pk: locale for locale in _enabled_locales(request)}
    alternates = [
        (by_locale[locale_id].language_code, translation.get_full_url(request=request))
        for locale_id, translation in translations.items()
        if locale_id in by_locale
    ]
    default = next((url for code, url in alternates if code == settings.LANGUAGE_CODE), None)
    if default:
        alternates.append(("x-default", default))
    return sorted(alternates)


@register.simple_tag
def untranslated_source(page):
    """`{% untranslated_source page as source %}`: for an alias of a page in
    another language (not translated yet), that page; otherwise None."""
    if not isinstance(page, Page) or not page.alias_of_id:
        return None
    source = page.alias_of
    return source if source.locale_id != page.locale_id else None


@register.simple_tag(takes_context=True)
def story_commitments(context, story):
    """`{% story_commitments story as commitments %}`: the story's commitments
    in the story's language. Stories link to commitment pages of the language
    they were written in; the pages of every language are read once per
    request, so a listing costs one query however many cards it has."""
    cache = _request_cache(context.get("request"))
    key = ("commitments_by_key", story.locale_id)
    if key not in cache:
        from commitments.models import CommitmentPage

        pages = CommitmentPage.objects.live().filter(locale_id=story.locale_id).defer_streamfields()
        cache[key] = {page.translation_key: page for page in pages}
    by_key = cache[key]
    return [by_key.get(link.commitment.translation_key, link.commitment) for link in story.story_commitments.all()]


@register.simple_tag(takes_context=True)
def footer_text(context):
    """`{% footer_text as footer %}`: the live footer text in the active
    language, or the default language's when it has none yet."""
    cache = _request_cache(context.get("request"))
    if "footer_text" not in cache:
        from home.models import FooterText

        # Oldest first wins: ordered newest first, later entries overwrite.
        footers = {
            footer.locale.language_code: footer
            for footer in FooterText.objects.filter(live=True).select_related("locale").order_by("-pk")
        }
        cache["footer_text"] = footers.get(get_language()) or footers.get(settings.LANGUAGE_CODE)
    return cache["footer_text"]


@register.filter
def page_type_name(page):
    """`{{ page|page_type_name }}`: the page type's name, translated and
    capitalised ("Story page"); "" for anything that is not a page."""
    if not isinstance(page, Page):
        return ""
    name = str(page.specific_class._meta.verbose_name if page.specific_class else page._meta.verbose_name)
    return name[:1].upper() + name[1:]


_JSON_LD_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _json_ld(data):
    """A <script type="application/ld+json"> element. <, > and & are escaped
    as \\u003C etc., so "</script>" in a title cannot end the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_LD_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def _organization(name, url=""):
    data = {"@type": "Organization", "name": name}
    if url:
        data["url"] = url
    return data


@register.simple_tag(takes_context=True)
def structured_data(context, page=None):
    """`{% structured_data page %}`: JSON-LD for search engines: an
    Organization on the home page, an Article on a story; "" otherwise."""
    from home.models import HomePage, SiteSettings
    from stories.models import StoryPage

    request = context.get("request")
    page = page or context.get("page")
    if request is None or not isinstance(page, (HomePage, StoryPage)):
        return ""
    site_settings = SiteSettings.for_request(request)
    site_name = site_settings.organization_name
    if isinstance(page, HomePage):
        data = {"@context": "https://schema.org", **_organization(site_name, page.get_full_url(request=request))}
        if site_settings.contact_email:
            data["email"] = site_settings.contact_email
        return _json_ld(data)
    url = page.get_full_url(request=request)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "description": page.summary,
        "inLanguage": next(
            (locale.language_code for locale in _enabled_locales(request) if locale.pk == page.locale_id),
            get_language(),
        ),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "author": _organization(page.organization),
        "publisher": _organization(site_name),
    }
    if page.date:
        data["datePublished"] = page.date.isoformat()
    modified = page.last_published_at or page.first_published_at
    if modified:
        data["dateModified"] = modified.isoformat()
    elif page.date:
        data["dateModified"] = page.date.isoformat()
    if page.hero_image:
        rendition = page.hero_image.get_rendition("fill-1200x630")
        data["image"] = request.build_absolute_uri(rendition.url)
    return _json_ld(data)


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def story_feed_links(context, page=None):
    """`{% story_feed_links %}`: <link rel="alternate"> to the RSS and Atom
    feeds of the stories, on the story index and on a story. A story's
    index is its parent, whose address is the story's without its slug, so
    no query is needed."""
    from stories.models import StoryIndexPage, StoryPage

    request = context.get("request")
    page = page or context.get("page")
    base = ""
    if isinstance(page, StoryIndexPage):
        base = page.get_url(request=request) or ""
    elif isinstance(page, StoryPage):
        url = page.get_url(request=request) or ""
        suffix = f"{page.slug}/"
        base = url[: -len(suffix)] if url.endswith(suffix) else ""
    if not base:
        return {"feeds": []}
    if request is not None:
        base = request.build_absolute_uri(base)
    return {"feeds": [("application/rss+xml", f"{base}feed/"), ("application/atom+xml", f"{base}feed/atom/")]}
