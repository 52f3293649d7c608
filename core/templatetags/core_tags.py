"""Template tags every page uses: navigation, languages, links and small
formatting helpers. Every tag tolerates a missing page or request, so error
pages and previews render too.

Cost: the whole frame of a page (home page, menu, breadcrumbs, section
links, its translations for the language switcher and hreflang, the pages
it links to) is one query (`site_navigation`); nothing is kept between
requests here. The menu's markup is a fragment keyed by what it shows (see
templates/includes/header.html)."""

import hashlib
import itertools
import json
from decimal import Decimal, InvalidOperation

from django import template
from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import BooleanField, CharField, F, Q
from django.utils.formats import get_format, number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from core import renditions
from core.expressions import SQLAround, table
from core.page_cache import shared_query
from core.visibility import is_private, public

register = template.Library()

_uid_counter = itertools.count(1)
NAV_FIELDS = ("pk", "path", "depth", "url_path", "title", "locale_id", "alias_of_id", "content_type_id")
NAV_FIELDS += ("show_in_menus", "live", "last_published_at", "translation_key")


def _site(request):
    return Site.find_for_request(request) if request is not None else Site.objects.filter(is_default_site=True).first()


def _lang(code):
    """The lang attribute for text in language `code`: "" when it is the active language."""
    return code if code and code != get_language() else ""


class SourceLanguage(SQLAround):
    """An alias's source's language code (NULL for a page that is not an
    alias), read for the rows found only: as a join on the source page it
    made the database read every page for every page served."""

    output_field = CharField()

    def __init__(self):
        super().__init__(F("alias_of_id"))

    def template(self, connection, alias_of):
        return (
            f'(SELECT "lhs_locale"."language_code" FROM {table(connection, Page)} "lhs_source" '
            f'INNER JOIN {table(connection, Locale)} "lhs_locale" ON ("lhs_locale"."id" = "lhs_source"."locale_id") '
            f'WHERE "lhs_source"."id" = {alias_of})'
        )


class NavigationRows(SQLAround):
    """The rows the navigation reads, as one condition on the page's own
    columns whose every branch an index answers: the page's ancestors
    (`paths`), the live sections (`section_depth` under `section_prefix`),
    the live translations of `keys`, and the `linked` pages with their live
    translations in `language`. One SQL template: built from ORM lookups it
    took about 1 ms of Python to compile on every page."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, *, paths, section_depth, section_prefix, keys, linked, language):
        super().__init__(F("path"), F("depth"), F("live"), F("translation_key"), F("id"), F("locale_id"))
        self.paths, self.section_depth, self.section_prefix = paths, section_depth, section_prefix
        self.keys, self.linked, self.language = keys, linked, language

    def as_sql(self, compiler, connection):
        path, depth, live, key, pk, locale = (compiler.compile(source)[0] for source in self.sources)
        translation_key = Page._meta.get_field("translation_key")
        keys = [translation_key.get_db_prep_value(value, connection) for value in self.keys]
        # Tree paths are digits and capital letters: a prefix needs no LIKE escaping.
        branches = [f"({depth} = %s AND {live} AND {path} LIKE %s)"]
        params = [self.section_depth, f"{self.section_prefix}%"]
        if self.paths:
            branches.append(_among(path, self.paths))
            params += self.paths
        if keys:
            branches.append(f"({_among(key, keys)} AND {live})")
            params += keys
        if self.linked:
            linked_ids = _among('"lhs_linked"."id"', self.linked)
            linked_keys = (
                f'SELECT "lhs_linked"."translation_key" FROM {table(connection, Page)} "lhs_linked" WHERE {linked_ids}'
            )
            # = ANY(ARRAY(...)) lets PostgreSQL answer it from an index inside the OR.
            if connection.vendor == "postgresql":
                in_linked = f"{key} = ANY(ARRAY({linked_keys}))"
            else:
                in_linked = f"{key} IN ({linked_keys})"
            language = (
                f'(SELECT "lhs_language"."id" FROM {table(connection, Locale)} "lhs_language" '
                'WHERE "lhs_language"."language_code" = %s)'
            )
            branches += [_among(pk, self.linked), f"({in_linked} AND {locale} = {language} AND {live})"]
            params += [*self.linked, *self.linked, self.language]
        return f"({' OR '.join(branches)})", params


def _among(column, values):
    return f"{column} IN ({', '.join(['%s'] * len(values))})"


class Navigation:
    """The site's home page in the page's language, the main menu, the
    breadcrumb trail and the first page of each section type, from one
    query."""

    def __init__(self, request, page, linked_page_ids=()):
        self.page = page if isinstance(page, Page) else None
        self.root, self.menu, self.crumbs, self.sections, self.translations = None, [], [], {}, []
        self.linked = {}  # {pk of a linked page: its address in the active language}
        self.newer_source = None
        site = _site(request)
        if site is None:
            return
        steplen, depth = Page.steplen, site.root_page.depth
        page_path = self.page.path if self.page is not None else ""
        language = get_language()
        if len(page_path) >= len(site.root_page.path) and page_path.startswith(site.root_page.path[:-steplen]):
            # The page's own home page: the ancestor at the root's depth.
            root_path = page_path[: len(site.root_page.path)]
            ancestors = [page_path[:end] for end in range(len(root_path), len(page_path), steplen)]
            section_prefix = root_path
        else:
            # Search, error pages: the home page in the active language,
            # found below with every home page's sections.
            root_path, ancestors = None, []
            section_prefix = site.root_page.path[:-steplen]
        # The page's and the home page's live translations come in the same
        # query, for the language switcher and hreflang (page_languages), and
        # the pages the page links to (`linked_page_ids`), in this language.
        keys = [site.root_page.translation_key, *([self.page.translation_key] if self.page is not None else [])]
        linked = [*getattr(self.page, "linked_page_ids", list)(), *linked_page_ids]
        nodes = list(
            Page.objects.filter(
                NavigationRows(
                    paths=ancestors,
                    section_depth=depth + 1,
                    section_prefix=section_prefix,
                    keys=keys,
                    linked=linked,
                    language=language,
                )
            )
            .annotate(private=is_private(), source_language=SourceLanguage(), language=F("locale__language_code"))
            .order_by("path")
            .only(*NAV_FIELDS)
        )
        self.translations = [node for node in nodes if node.translation_key in keys and node.live and not node.private]
        self.newer_source = self._newer_source(request)
        if root_path is None:
            home = [node for node in self.translations if node.translation_key == site.root_page.translation_key]
            root_path = next((node.path for node in home if node.language == language), site.root_page.path)
        by_path = {node.path: node for node in nodes}
        self.root = by_path.get(root_path) or site.root_page
        for pk in linked:
            source = next((node for node in nodes if node.pk == pk), None)
            if source is not None:
                translation = next(
                    (
                        node
                        for node in nodes
                        if node.translation_key == source.translation_key and node.language == language and node.live
                    ),
                    None,
                )
                self.linked[pk] = (translation or source).get_url(request=request) or ""
        sections = [
            node
            for node in nodes
            if node.depth == depth + 1 and node.path.startswith(root_path) and node.live and not node.private
        ]
        for node in sections:
            self.sections.setdefault(node.content_type_id, node)
        self.menu = [
            {
                "url": node.get_url(request=request),
                "title": node.title,
                "lang": _lang(node.source_language),
                "current": "page" if page_path == node.path else ("true" if page_path.startswith(node.path) else ""),
                "stamp": (node.pk, node.title, node.url_path, str(node.last_published_at)),
            }
            for node in sections
            if node.show_in_menus
        ]
        trail = [by_path[path] for path in ancestors if path in by_path]
        if self.page is not None and self.page.depth > depth and len(trail) == len(ancestors):
            # The page itself, when live, came with its translations.
            own = by_path.get(page_path)
            self.crumbs = [
                {
                    "title": node.title,
                    "url": node.get_url(request=request),
                    "home": node.depth == depth,
                    "lang": _lang(node.source_language),
                }
                for node in trail
            ] + [
                {
                    "title": self.page.title,
                    "url": self.page.get_url(request=request),
                    "current": True,
                    "lang": _lang(own.source_language) if own is not None else "",
                }
            ]

    def _newer_source(self, request):
        """For a published translation whose default-language page was
        published after it: {"url", "language_code", "language"} of that
        page, for the "newer version" notice; else None. From the
        translations this query loaded, so it costs nothing more."""
        page = self.page
        if page is None or page.alias_of_id or page.last_published_at is None:
            return None
        default = settings.LANGUAGE_CODE
        own = next((node for node in self.translations if node.pk == page.pk), None)
        newer = [
            node
            for node in self.translations
            if node.translation_key == page.translation_key and node.language == default and node.last_published_at
        ]
        source = next((node for node in newer if node.last_published_at > page.last_published_at), None)
        if own is None or own.language == default or source is None:
            return None
        return {
            "url": source.get_url(request=request),
            "language_code": default,
            "language": dict(settings.LANGUAGES).get(default, default),
        }

    def url_of(self, pk):
        """Address, in the active language where translated, of a page the
        page links to (its `linked_page_ids`), or ""."""
        return self.linked.get(pk, "")

    @property
    def linked_key(self):
        """The addresses of the linked pages, for the keys of fragments that link to them."""
        return hashlib.sha256(repr(sorted(self.linked.items())).encode()).hexdigest()

    @property
    def menu_key(self):
        """What the menu shows, for its fragment's key."""
        stamp = repr([(item["stamp"], item["current"]) for item in self.menu])
        return hashlib.sha256(stamp.encode()).hexdigest()

    def section(self, model_label):
        """The first live, public page of that type under the home page, or None."""
        from django.contrib.contenttypes.models import ContentType

        model = apps.get_model(model_label)
        return self.sections.get(ContentType.objects.get_for_model(model).pk)


@register.simple_tag(takes_context=True)
def site_navigation(context, linked_page_ids=()):
    """`{% site_navigation linked_page_ids as nav %}`: nav.root, nav.menu,
    nav.crumbs, nav.url_of(pk) for the pages the page and
    `linked_page_ids` (the footer's) link to,
    nav.section("stories.StoryIndexPage"). base.html sets `nav` once for
    every template and include of the page."""
    nav = context.get("nav")
    if isinstance(nav, Navigation):
        return nav
    return Navigation(context.get("request"), context.get("page"), linked_page_ids)


@register.simple_tag(takes_context=True)
def page_of_type(context, model_label, page=None):
    """`{% page_of_type "stories.StoryIndexPage" as story_index %}`: the
    first live, public section page of that type under the home page of
    the page's language (a plain Page: title and URL). Section types below
    the home page's children cost one query."""
    nav = site_navigation(context)
    found = nav.section(model_label)
    if found is not None or nav.root is None:
        return found
    model = apps.get_model(model_label)
    pages = public(model.objects.live().descendant_of(nav.root)).filter(locale_id=nav.root.locale_id)
    return pages.order_by("path").only(*NAV_FIELDS).first()


@register.simple_tag(takes_context=True)
def site_root(context):
    """`{% site_root as home %}`: the home page of the current site and language."""
    return site_navigation(context).root


class Languages:
    """The language switcher's links and the hreflang alternates, from the
    translations the navigation query found."""

    def __init__(self, request, page, nav):
        self.links, self.alternates = [], []
        root = nav.root
        translations, homes = {}, {}
        for other in nav.translations:
            if isinstance(page, Page) and other.translation_key == page.translation_key and not other.alias_of_id:
                translations[other.language] = other
            if root is not None and other.translation_key == root.translation_key:
                homes[other.language] = other
        current = get_language()
        # The same page in another language keeps the query string (story
        # filters, the page of a listing, the survey's step): the visitor
        # stays where they were. Tracking parameters are left out: the page
        # cache shares one copy among them, so they are not this visitor's.
        query = shared_query(request) if request is not None else ""
        for code, _name in settings.LANGUAGES:
            target = translations.get(code) or homes.get(code)
            if target is None:
                continue
            url = target.get_url(request=request) or ""
            if query and code in translations:
                url = f"{url}?{query}"
            self.links.append(
                {
                    "code": code,
                    "name": get_language_info(code)["name_local"],
                    "url": url,
                    "current": code == current,
                    "is_translation": code in translations,
                }
            )
        if len(translations) > 1:
            alternates = [
                (code, translation.get_full_url(request=request)) for code, translation in translations.items()
            ]
            default = translations.get(settings.LANGUAGE_CODE)
            if default is not None:
                alternates.append(("x-default", default.get_full_url(request=request)))
            self.alternates = sorted(alternates)


@register.simple_tag(takes_context=True)
def page_languages(context):
    """`{% page_languages as languages %}`: languages.links (the switcher:
    this page's live translation in each language, else that language's
    home page) and languages.alternates ((hreflang, absolute URL) of the
    live translations, with x-default)."""
    languages = context.get("languages")
    if isinstance(languages, Languages):
        return languages
    return Languages(context.get("request"), context.get("page"), site_navigation(context))


@register.simple_tag(takes_context=True)
def untranslated_language(context, page):
    """`{% untranslated_language page as language %}`: for an alias of a page
    in another language (not translated yet), the Locale it is shown in;
    otherwise None."""
    if not isinstance(page, Page) or not page.alias_of_id:
        return None
    # The navigation's query found the page with its source's language.
    nav = context.get("nav")
    found = next((node for node in getattr(nav, "translations", []) if node.pk == page.pk), None)
    if found is not None:
        code = found.source_language
        return Locale(language_code=code) if code and code != found.language else None
    source = Locale.objects.filter(pk=Page.objects.filter(pk=page.alias_of_id).values("locale_id")[:1]).first()
    return source if source is not None and source.pk != page.locale_id else None


@register.filter
def alias_lang(page):
    """`lang="{{ page|alias_lang }}"`: the language of what an alias shows
    (not translated yet, so its source's text, in the default language the
    other languages are synchronised from), when it is not the active
    language; "" for a translated page. Costs no query."""
    if not getattr(page, "alias_of_id", None):
        return ""
    return _lang(settings.LANGUAGE_CODE)


@register.simple_tag
def original_lang():
    """`{% original_lang as lang %}`: the lang of text kept in the original
    language on every page, such as the titles of published sources (the
    site's sources are published in its default language); "" when that is
    the active language."""
    return _lang(settings.LANGUAGE_CODE)


def localized_page_url(page, request, locale_id=None):
    """Address of the live translation in the active language (whose locale
    is `locale_id`, when known) of the page (a Page or its pk), else of the
    page itself: no query for a page already in that language, else one."""
    if isinstance(page, Page) and locale_id is not None and page.locale_id == locale_id:
        return page.get_url(request=request) or ""
    pk = page.pk if isinstance(page, Page) else page
    if not pk:
        return ""
    same_page = Page.objects.filter(pk=pk).values("translation_key")
    candidates = Page.objects.filter(
        Q(pk=pk) | Q(translation_key__in=same_page, locale__language_code=get_language(), live=True)
    )
    found = {
        candidate.pk == pk: candidate
        for candidate in candidates.only("pk", "path", "depth", "url_path", "locale_id", "live", "translation_key")
    }
    chosen = found.get(False) or found.get(True)
    return (chosen.get_url(request=request) or "") if chosen is not None else ""


def _language_locale_id(context):
    """The active language's locale pk, known from the navigation (its home
    page is in that language)."""
    nav = context.get("nav")
    root = getattr(nav, "root", None)
    return root.locale_id if root is not None and getattr(root, "language", None) == get_language() else None


@register.simple_tag(takes_context=True)
def link_url(context, link):
    """`{% link_url value as href %}` for a LinkBlock or CallToActionBlock
    value (or its stored form, with the page's id): the chosen page in the
    current language, or the address (also when the page is gone)."""
    if not hasattr(link, "get"):
        return ""
    page = link.get("page")
    href = localized_url(context, page) if page else ""
    return href or link.get("url") or ""


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """`{% localized_url page.survey_page_id %}` (a pk or a Page): address of
    the page's translation in the active language (the page itself if it
    has none). Free for the pages the navigation found (the page's
    `linked_page_ids`, the footer's links), one query at most otherwise."""
    nav = context.get("nav")
    pk = page.pk if isinstance(page, Page) else page
    if isinstance(nav, Navigation) and pk in nav.linked:
        return nav.url_of(pk)
    return localized_page_url(page, context.get("request"), _language_locale_id(context))


@register.simple_tag
def social_image(page):
    """`{% social_image page as image %}`: the image for sharing: the page's
    social or listing image, else its hero image or main image, else None."""
    if page is None or not hasattr(page, "get_social_image"):
        return None
    return page.get_social_image() or getattr(page, "hero_image", None) or getattr(page, "image", None)


@register.simple_tag
def share_rendition(image):
    """`{% share_rendition image as og_image %}`: core.renditions.share_rendition."""
    return renditions.share_rendition(image)


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
    counter = getattr(request, "_unique_ids", None) if request is not None else None
    if counter is None:
        counter = _uid_counter if request is None else itertools.count(1)
        if request is not None:
            request._unique_ids = counter
    return f"{prefix}-{next(counter)}"


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
    """A measured value with its unit: "80.4%" ("80.4 %" in Spanish), "12 days"; "" if no value."""
    text = trim_number(value)
    if text == "":
        return ""
    unit = (unit or "").strip()
    if not unit:
        return text
    if unit in {"%", "‰"}:
        return format_html("{}{}{}", text, get_format("PERCENT_SEPARATOR"), unit)
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


@register.filter
def page_type_name(page):
    """`{{ page|page_type_name }}`: the page type's name, translated and
    capitalised ("Story page"); "" for anything that is not a page."""
    if not isinstance(page, Page):
        return ""
    name = str(page.specific_class._meta.verbose_name if page.specific_class else page._meta.verbose_name)
    return name[:1].upper() + name[1:]


_JSON_LD_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def structured_data(context, page=None, site_settings=None):
    """`{% structured_data page site_details %}` (the site's settings):
    the page type's JSON-LD for search engines (`page.structured_data`), in
    a <script type="application/ld+json">; "" for types without it. <, >
    and & are escaped as \\u003C etc., so "</script>" in a title cannot end
    the element."""
    request = context.get("request")
    page = page or context.get("page")
    if request is None or not hasattr(page, "structured_data"):
        return ""
    data = page.structured_data(request, site_settings)
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_LD_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
