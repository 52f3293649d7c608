"""Read-only JSON API for partners (Wagtail API v2): live, public pages
(filter by language with ?locale=es), images and documents."""

import re

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

MAX_SEARCH_LENGTH = 200
WORD = re.compile(r"\w+")


class WordsSearchFilter(SearchFilter):
    """?search= with words only: quotes and operators mean something to the
    database's full-text syntax, and an unbalanced quote is an error there."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            query = request.GET["search"]
            if len(query) > MAX_SEARCH_LENGTH:
                raise BadRequestError(f"search is limited to {MAX_SEARCH_LENGTH} characters")
            if request.GET.get("search_operator") not in (None, "and", "or"):
                raise BadRequestError("search_operator must be 'and' or 'or'")
            params = request._request.GET.copy()
            params["search"] = " ".join(WORD.findall(query))
            request._request.GET = params
            if not params["search"]:
                return queryset.none()
        return super().filter_queryset(request, queryset, view)


def _with_safe_search(viewset):
    backends = [WordsSearchFilter if backend is SearchFilter else backend for backend in viewset.filter_backends]
    return type(viewset.__name__, (viewset,), {"filter_backends": backends})


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", _with_safe_search(PagesAPIViewSet))
api_router.register_endpoint("images", _with_safe_search(ImagesAPIViewSet))
api_router.register_endpoint("documents", _with_safe_search(DocumentsAPIViewSet))
