"""Site search and robots.txt.

A search result is shown as a kind a visitor knows ("Story", "Commitment",
"Page"), never a model's name, and its summary as plain text: rich text is
turned into text once here, so no tag is ever shown or cut in half."""

import html
import logging
import re

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError
from django.db.models import F
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

logger = logging.getLogger(__name__)

SEARCH_RESULTS_PER_PAGE = 10
WORD = re.compile(r"\w+")
MAX_QUERY_LENGTH = 200
SUMMARY_WORDS = 40

# What each page type is called in a list of results; a type not named
# here is a "Page".
RESULT_KINDS = {
    "homepage": _("Home page"),
    "standardpage": _("Page"),
    "workinggrouppage": _("Working group"),
    "commitmentindexpage": _("Commitments"),
    "commitmentpage": _("Commitment"),
    "crosswalkpage": _("Crosswalk"),
    "storyindexpage": _("Stories"),
    "storypage": _("Story"),
    "engagepage": _("Get involved"),
    "surveypage": _("Survey"),
    "sharestorypage": _("Share a story"),
}
DEFAULT_RESULT_KIND = _("Page")


def result_kind(page):
    """The kind of page, as a visitor would name it."""
    return RESULT_KINDS.get(page.specific_class._meta.model_name if page.specific_class else "", DEFAULT_RESULT_KIND)


def plain_text(value, words=SUMMARY_WORDS):
    """Rich text or plain text as plain text: tags removed, entities read,
    white space collapsed, at most `words` words."""
    text = " ".join(html.unescape(strip_tags(str(value or ""))).split())
    parts = text.split(" ")
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def result_entry(page, description=""):
    """What a result shows: the page, its kind and a plain-text summary."""
    summary = description or next(
        (
            value
            for value in (
                getattr(page, "card_summary", ""),
                page.search_description,
                getattr(page, "summary", ""),
                getattr(page, "intro", ""),
            )
            if value
        ),
        "",
    )
    return {"page": page, "kind": result_kind(page), "summary": plain_text(summary)}


@require_GET
def search(request):
    """Pages of the current language that match ?q=, promoted results first.
    An unreadable page number or an overlong query answers 400, never 500.

    Never stored in any cache (`Cache-Control: private`): every search is
    counted for "popular searches", and an edited promotion shows on the
    next search."""
    query_string = request.GET.get("q", "").replace("\x00", "").strip()
    context = {
        "search_query": query_string,
        "error": "",
        "promotions": [],
        "results": None,
        "paginator": None,
        "entries": [],
    }
    status = 200
    if len(query_string) > MAX_QUERY_LENGTH:
        context["error"] = "too_long"
        context["search_query"] = ""
        status = 400
    elif query_string:
        # Wagtail's public(): the search backend takes plain field filters only.
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        normalised = normalise_query_string(query_string)
        _count_hit(query_string, normalised)
        # Promotions of pages in this language that anyone may see.
        picks = list(
            SearchPromotion.objects.filter(query__query_string=normalised, page__isnull=False).order_by(
                "sort_order", "pk"
            )
        )
        promoted = {page.pk: page for page in pages.filter(pk__in=[pick.page_id for pick in picks])}
        context["promotions"] = [
            result_entry(promoted[pick.page_id], pick.description) for pick in picks if pick.page_id in promoted
        ]
        promoted_ids = list(promoted)
        # Words only: quotes and operators mean something to the database's
        # full-text syntax, and an unbalanced quote is an error there.
        words = " ".join(WORD.findall(query_string))
        results = pages.exclude(pk__in=promoted_ids).search(words) if words else Page.objects.none()
        paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
        try:
            try:
                page_of_results = paginator.page(request.GET.get("page", 1))
            except (PageNotAnInteger, EmptyPage):
                context["error"] = "bad_page"
                status = 400
                page_of_results = paginator.page(1)
            page_of_results.object_list = list(page_of_results.object_list)
        except DatabaseError:
            logger.exception("Search failed for %r", query_string)
            paginator = Paginator(Page.objects.none(), SEARCH_RESULTS_PER_PAGE)
            page_of_results = paginator.page(1)
        context["results"] = page_of_results
        context["entries"] = [result_entry(page) for page in page_of_results.object_list]
        context["paginator"] = paginator
    response = TemplateResponse(request, "search/search.html", context, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _count_hit(query_string, normalised):
    """Wagtail's `Query.get(...).add_hit()` in one statement on most days:
    an UPDATE of the day's count; the day's first search makes the query and
    the day's row first (an insert that skips a row another request made
    meanwhile), with no savepoint."""
    today = timezone.now().date()
    hits = QueryDailyHits.objects.filter(query__query_string=normalised, date=today)
    if not hits.update(hits=F("hits") + 1):
        query = Query.get(query_string)
        QueryDailyHits.objects.bulk_create([QueryDailyHits(query=query, date=today, hits=0)], ignore_conflicts=True)
        hits.update(hits=F("hits") + 1)


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    # A custom admin path stays out of robots.txt: listing it would tell
    # scanners where to look.
    if settings.ADMIN_PATH == "admin":
        lines.append("Disallow: /admin/")
    lines += [
        "Disallow: /search/",
        "Disallow: /es/search/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
