"""Template tags for what the home app owns: the site's contact details and
its footer text, which every page shows."""

import json

from django import template
from django.conf import settings
from django.db.models import JSONField
from django.utils.translation import get_language
from wagtail.models import Locale, Site

from core.expressions import SQLAround, table
from home.models import FooterText, SiteSettings

register = template.Library()


class FooterToShow(SQLAround):
    """The id, last publication and links, as one JSON value, of the footer
    text to show: the live one in the active language, else the default
    language's; the oldest first. One SQL template: built from ORM lookups
    it took 0.85 ms of Python to compile on every page."""

    output_field = JSONField()

    def as_sql(self, compiler, connection):
        languages = sorted({get_language(), settings.LANGUAGE_CODE})
        build = "JSONB_BUILD_OBJECT" if connection.vendor == "postgresql" else "JSON_OBJECT"
        placeholders = ", ".join(["%s"] * len(languages))
        sql = (
            f'(SELECT {build}(\'id\', "lhs_footer"."id", \'published\', "lhs_footer"."last_published_at", '
            '\'links\', "lhs_footer"."links") '
            f'FROM {table(connection, FooterText)} "lhs_footer" '
            f'INNER JOIN {table(connection, Locale)} "lhs_footer_locale" '
            'ON ("lhs_footer_locale"."id" = "lhs_footer"."locale_id") '
            f'WHERE "lhs_footer"."live" AND "lhs_footer_locale"."language_code" IN ({placeholders}) '
            'ORDER BY CASE WHEN "lhs_footer_locale"."language_code" = %s THEN 0 ELSE 1 END, "lhs_footer"."id" '
            "LIMIT 1)"
        )
        return sql, [*languages, get_language()]


@register.simple_tag(takes_context=True)
def site_details(context):
    """`{% site_details as site_details %}`: the SiteSettings of the
    request's site, with the id and last publication of the footer text to
    show (`footer_id`, `footer_published_at`) in the same query: what the
    footer fragment's key and the JSON-LD need, in one query per page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    found = SiteSettings.objects.filter(site=site).annotate(footer=FooterToShow()).first()
    if found is None:  # a new site: Wagtail makes its settings on first use
        found = SiteSettings.for_site(site)
        found.footer = SiteSettings.objects.filter(pk=found.pk).annotate(footer=FooterToShow()).get().footer
    if isinstance(found.footer, str):  # SQLite hands JSON back as text
        found.footer = json.loads(found.footer)
    footer = found.footer or {}
    found.footer_id = footer.get("id")
    found.footer_published_at = footer.get("published")
    found.footer_links = footer.get("links")
    found.footer_page_ids = _linked_page_ids(found.footer_links)
    return found


def _linked_page_ids(stored_links):
    """The ids of the pages the footer's links (LinkBlocks, as stored) name:
    the navigation finds their addresses, which the footer's key holds."""
    blocks = stored_links or []
    try:
        # Some databases hand nested JSON back as text, once or twice encoded.
        while isinstance(blocks, str):
            blocks = json.loads(blocks)
    except ValueError:
        return []
    if not isinstance(blocks, list):
        return []
    return [
        block["value"]["page"]
        for block in blocks
        if isinstance(block.get("value"), dict) and block["value"].get("page")
    ]


@register.simple_tag
def footer_text(footer_id):
    """`{% footer_text site_details.footer_id as footer %}`: the footer text
    (inside the footer's fragment: read only when it is rendered)."""
    return FooterText.objects.filter(pk=footer_id).first() if footer_id else None
