"""Template tags for the site's own templates: navigation, icons and small
formatting helpers. Every tag tolerates a missing page or request, so error
pages and previews render too."""

import itertools
import json
from decimal import Decimal, InvalidOperation

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from commitments.icons import ICONS
from home import site_chrome

register = template.Library()

_uid_counter = itertools.count(1)


def get_site_root(request, page=None):
    """The site's root page in the active language, or None. A page in the
    root's own language gets the root as it is."""
    current = site_chrome.site(request)
    if current is None:
        return None
    if isinstance(page, Page) and page.locale_id == current.root_page.locale_id:
        return current.root_page
    return site_chrome.site_root(request, site_chrome.active_locale_id(request))


def localized_page_url(page, request):
    """Address of the page's live translation in the active language (the
    page's own address if it has none)."""
    locale_id = site_chrome.active_locale_id(request)
    if page.locale_id == locale_id:
        return page.get_url(request=request) or ""
    current = site_chrome.site(request)
    return site_chrome.cached(
        request,
        "localized-url",
        current.pk if current else "",
        page.translation_key,
        locale_id,
        build=lambda: page.localized.get_url(request=request) or "",
    )


def _locale_id(page, request):
    return getattr(page, "locale_id", None) or site_chrome.active_locale_id(request)


def _lang(source_language):
    """The lang attribute for text in `source_language`: "" when it is the active language."""
    return source_language if source_language and source_language != get_language() else ""


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
        for item in site_chrome.menu_items(request, root):
            if current_path == item["path"]:
                state = "page"
            elif current_path.startswith(item["path"]):
                state = "true"
            else:
                state = ""
            items.append({**item, "current": state, "lang": _lang(item["source_language"])})
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
        trail = site_chrome.trail(request, root, page.path)
        own = {
            "pk": page.pk,
            "title": page.title,
            "url": page.get_url(request=request),
            "source_language": site_chrome.source_language(request, page),
        }
        crumbs = [
            {
                "title": crumb["title"],
                "url": crumb["url"],
                "home": crumb["pk"] == root.pk,
                "current": crumb is own,
                "lang": _lang(crumb["source_language"]),
            }
            for crumb in [*trail, own]
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


@register.simple_tag(takes_context=True)
def page_of_type(context, model_label, page=None):
    """`{% page_of_type "stories.StoryIndexPage" as story_index %}`: the first
    live, public page of that section type (site_chrome.LANDMARK_MODELS) in
    the page's language (or the active one), as a plain Page (title and URL)."""
    request = context.get("request")
    page = page or context.get("page")
    return site_chrome.landmarks(request, _locale_id(page, request)).get(model_label.lower())


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
    return site_chrome.public(page.get_children().live()).specific().defer_streamfields()


@register.simple_tag(takes_context=True)
def link_url(context, link):
    """`{% link_url value as href %}` for a LinkBlock or CallToActionBlock
    value: the chosen page in the current language, or the address."""
    request = context.get("request")
    page = link.get("page") if hasattr(link, "get") else None
    if page is not None:
        return localized_page_url(page, request)
    return (link.get("url") if hasattr(link, "get") else "") or ""


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """`{% localized_url page.survey_page_id %}` (or a page): address of the
    page's translation in the active language (the page itself if it has
    none). Given the pk, the chosen page is not read at all once cached."""
    request = context.get("request")
    if isinstance(page, Page):
        return localized_page_url(page, request)
    if not page:
        return ""
    current = site_chrome.site(request)

    def build():
        found = Page.objects.filter(pk=page).first()
        return localized_page_url(found, request) if found is not None else ""

    locale_id = site_chrome.active_locale_id(request)
    return site_chrome.cached(request, "localized-url-of", current.pk if current else "", page, locale_id, build=build)


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
    memo = site_chrome.per_request(request)
    memo["uid"] = memo.get("uid", 0) + 1
    return f"{prefix}-{memo['uid']}"


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


@register.simple_tag(takes_context=True)
def language_links(context):
    """`{% language_links as links %}`: one entry per enabled language, linking
    to the live translation of this page, or to that language's home page."""
    request = context.get("request")
    translations = site_chrome.translations(request, context.get("page"))
    homes = site_chrome.language_homes(request)
    current_code = get_language()
    links = []
    for locale in site_chrome.locales(request):
        if locale.pk in translations:
            url = translations[locale.pk]["url"]
        elif locale.pk in homes:
            url = homes[locale.pk]
        else:
            continue
        info = get_language_info(locale.language_code)
        links.append(
            {
                "code": locale.language_code,
                "name": info["name_local"],
                "url": url,
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
    translations = site_chrome.translations(request, context.get("page"))
    if len(translations) < 2:
        return []
    by_locale = {locale.pk: locale for locale in site_chrome.locales(request)}
    alternates = [
        (by_locale[locale_id].language_code, translation["full_url"])
        for locale_id, translation in translations.items()
        if locale_id in by_locale
    ]
    default = next((url for code, url in alternates if code == settings.LANGUAGE_CODE), None)
    if default:
        alternates.append(("x-default", default))
    return sorted(alternates)


@register.simple_tag(takes_context=True)
def untranslated_language(context, page):
    """`{% untranslated_language page as language %}`: for an alias of a page
    in another language (not translated yet), the Locale it is shown in;
    otherwise None."""
    if not isinstance(page, Page) or not page.alias_of_id:
        return None
    request = context.get("request")
    code = site_chrome.source_language(request, page)
    source = next((locale for locale in site_chrome.locales(request) if locale.language_code == code), None)
    return source if source is not None and source.pk != page.locale_id else None


@register.simple_tag(takes_context=True)
def story_commitments(context, story):
    """`{% story_commitments story as commitments %}`: the titles of the
    story's commitments in the story's language, with the lang of a title
    still in another language ({"title", "lang"}). Stories link to
    commitment pages of the language they were written in; the pages of
    each language are kept in the site-wide cache, so a listing costs no
    query for them."""
    from commitments.models import CommitmentPage

    request = context.get("request")
    by_key = {page.translation_key: page for page in CommitmentPage.in_locale(story.locale_id, request)}
    titles = []
    for link in story.story_commitments.all():
        key, title, locale_id = link.commitment_summary()
        if key in by_key:
            title, locale_id = by_key[key].title, by_key[key].locale_id
        lang = ""
        if locale_id != story.locale_id:
            locale = site_chrome.locale_by_id(request, locale_id)
            lang = locale.language_code if locale is not None else ""
        titles.append({"title": title, "lang": lang})
    return titles


@register.simple_tag(takes_context=True)
def footer_text(context):
    """`{% footer_text as footer %}`: the live footer text in the active
    language, or the default language's when it has none yet. (The footer
    is a cached fragment, so this runs once per language and content version.)"""
    from home.models import FooterText

    # Oldest first wins: ordered newest first, later entries overwrite.
    footers = {
        footer.locale.language_code: footer
        for footer in FooterText.objects.filter(live=True).select_related("locale").order_by("-pk")
    }
    return footers.get(get_language()) or footers.get(settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def content_version(context):
    """`{% content_version as version %}`: the content version of this
    request, for the keys of cached fragments that show live content."""
    return site_chrome.version(context.get("request"))


@register.simple_tag(takes_context=True)
def site_settings(context):
    """`{% site_settings as site_settings %}`: the current site's SiteSettings."""
    return site_chrome.site_settings(context.get("request"))


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
    from home.models import HomePage
    from stories.models import StoryPage

    request = context.get("request")
    page = page or context.get("page")
    if request is None or not isinstance(page, (HomePage, StoryPage)):
        return ""
    site_settings = site_chrome.site_settings(request)
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
            (locale.language_code for locale in site_chrome.locales(request) if locale.pk == page.locale_id),
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
