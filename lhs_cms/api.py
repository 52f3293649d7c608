"""Read-only JSON API for partners (Wagtail API v2): live, public pages
(filter by language with ?locale=es), images and documents."""

import re

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Site

MAX_SEARCH_LENGTH = 200
WORD = re.compile(r"\w+")
SITE = re.compile(r"[^:]+(:[0-9]{1,5})?")


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


class CheckedQueryMixin:
    """A clear 400 for query strings Wagtail would answer with a 500: a NUL
    character (PostgreSQL refuses it in any text), and ?site= naming no site
    or with a port that is not a number."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                raise BadRequestError("query parameters may not contain NUL characters")
        if "site" in request.GET and not SITE.fullmatch(request.GET["site"]):
            raise BadRequestError("site must be a hostname, optionally with :port")

    def get_base_queryset(self):
        try:
            return super().get_base_queryset()
        except Site.DoesNotExist:
            raise BadRequestError("site: no site has this hostname and port") from None


def _checked(viewset):
    backends = [WordsSearchFilter if backend is SearchFilter else backend for backend in viewset.filter_backends]
    return type(viewset.__name__, (CheckedQueryMixin, viewset), {"filter_backends": backends})


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", _checked(PagesAPIViewSet))
api_router.register_endpoint("images", _checked(ImagesAPIViewSet))
api_router.register_endpoint("documents", _checked(DocumentsAPIViewSet))
