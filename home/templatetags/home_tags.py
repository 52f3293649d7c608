"""Template tags for what the home app owns: the site's contact details and
its footer text, which every page shows."""

import json

from django import template
from django.conf import settings
from django.db.models import Case, IntegerField, Subquery, TextField, Value, When
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
    found = (
        SiteSettings.objects.filter(site=site)
        .annotate(
            footer_id=Subquery(footers.values("pk")[:1]),
            footer_published_at=Subquery(footers.values("last_published_at")[:1]),
            footer_links=Subquery(footers.values("links")[:1], output_field=TextField()),
        )
        .first()
    )
    if found is None:  # a new site: Wagtail makes its settings on first use
        found = SiteSettings.for_site(site)
        footer = footers.first()
        found.footer_id = footer.pk if footer else None
        found.footer_published_at = footer.last_published_at if footer else None
        found.footer_links = json.dumps(footer.links.get_prep_value()) if footer else "[]"
    found.footer_page_ids = _linked_page_ids(found.footer_links)
    return found


def _linked_page_ids(stored_links):
    """The ids of the pages the footer's links (LinkBlocks, as stored) name:
    the navigation finds their addresses, which the footer's key holds."""
    try:
        blocks = json.loads(stored_links or "[]")
    except (TypeError, ValueError):
        return []
    if isinstance(blocks, str):  # some databases hand JSON back as a JSON string
        blocks = json.loads(blocks)
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
