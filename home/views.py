"""Site search and robots.txt."""

import hashlib
import logging
import re

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page

from home import site_chrome

logger = logging.getLogger(__name__)

SEARCH_RESULTS_PER_PAGE = 10
WORD = re.compile(r"\w+")
MAX_QUERY_LENGTH = 200
# Results of a search are kept this long at most (and never past a change
# of content): long enough for a popular search, short enough that words
# typed once do not fill the cache.
SEARCH_CACHE_SECONDS = 10 * 60


@require_GET
def search(request):
    """Pages of the current language that match ?q=, promoted results first.
    An unreadable page number or an overlong query answers 400, never 500."""
    query_string = request.GET.get("q", "").replace("\x00", "").strip()
    context = {
        "search_query": query_string,
        "error": "",
        "promotions": [],
        "results": None,
        "paginator": None,
    }
    status = 200
    locale_id = site_chrome.active_locale_id(request)
    if len(query_string) > MAX_QUERY_LENGTH:
        context["error"] = "too_long"
        context["search_query"] = ""
        status = 400
    elif query_string and locale_id is not None:
        pages = site_chrome.public(Page.objects.live(), request).filter(locale_id=locale_id).specific()
        query = Query.get(query_string)
        query.add_hit()
        # Promotions of pages in this language that anyone may see.
        picks = list(query.editors_picks.filter(page__isnull=False).order_by("sort_order", "pk"))
        promoted = {page.pk: page for page in pages.filter(pk__in=[pick.page_id for pick in picks])}
        context["promotions"] = [
            {"page": promoted[pick.page_id], "description": pick.description}
            for pick in picks
            if pick.page_id in promoted
        ]
        promoted_ids = list(promoted)
        # Words only: quotes and operators mean something to the database's
        # full-text syntax, and an unbalanced quote is an error there.
        words = " ".join(WORD.findall(query_string))
        results = pages.exclude(pk__in=promoted_ids).search(words) if words else Page.objects.none()
        # The same words give the same results until the content changes:
        # the count and each page's pks are kept under the content version.
        selection = (locale_id, hashlib.sha256(words.lower().encode()).hexdigest()[:32], *promoted_ids)
        paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
        try:
            paginator.count = site_chrome.cached_for_visitors(
                request, "search-count", *selection, build=lambda: results.count(), timeout=SEARCH_CACHE_SECONDS
            )
            try:
                page_of_results = paginator.page(request.GET.get("page", 1))
            except (PageNotAnInteger, EmptyPage):
                context["error"] = "bad_page"
                status = 400
                page_of_results = paginator.page(1)
            pks = site_chrome.cached_for_visitors(
                request,
                "search-page",
                *selection,
                page_of_results.number,
                build=lambda: [page.pk for page in page_of_results.object_list],
                timeout=SEARCH_CACHE_SECONDS,
            )
            by_pk = pages.in_bulk(pks)
            page_of_results.object_list = [by_pk[pk] for pk in pks if pk in by_pk]
        except DatabaseError:
            logger.exception("Search failed for %r", query_string)
            paginator = Paginator(Page.objects.none(), SEARCH_RESULTS_PER_PAGE)
            page_of_results = paginator.page(1)
        context["results"] = page_of_results
        context["paginator"] = paginator
    return TemplateResponse(request, "search/search.html", context, status=status)


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
