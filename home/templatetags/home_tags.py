"""Template tags for what the home app owns: the site's contact details and
its footer text, which every page shows."""

import json

from django import template
from django.conf import settings
from django.db.models import Case, IntegerField, JSONField, Subquery, Value, When
from django.db.models.functions import JSONObject
from django.utils.translation import get_language
from wagtail.models import Site

from home.models import FooterText, SiteSettings

register = template.Library()


def _footers():
    """Live footer texts in the active language, else the default
    language's; the oldest first."""
    language = get_language()
    return (
        FooterText.objects.filter(live=True, locale__language_code__in={language, settings.LANGUAGE_CODE})
        .annotate(
            preferred=Case(
                When(locale__language_code=language, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("preferred", "pk")
    )


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
    footers = _footers()
    # The footer's id, publication and links as one JSON value: one
    # subquery to build and run instead of one per column.
    footer = footers.values(footer=JSONObject(id="pk", published="last_published_at", links="links"))[:1]
    found = SiteSettings.objects.filter(site=site).annotate(footer=Subquery(footer, output_field=JSONField())).first()
    if found is None:  # a new site: Wagtail makes its settings on first use
        found = SiteSettings.for_site(site)
        found.footer = footer.values_list("footer", flat=True).first()
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
