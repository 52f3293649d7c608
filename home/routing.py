"""Pages found in one query.

Wagtail's serve view reads the site, the active locale, the site's root page
(and its specific page), then a page and its specific page per segment of the
address, before it serves anything. Once a page has answered at an address,
the address is remembered under the content version (home/site_chrome.py):
the site comes from the cache, and the page is read in one query, with what
it shows of its own (images, linked terms) in the same query. Any publish,
move or deletion changes the content version, so a remembered address never
outlives the page that answered there.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.views import serve

from home import site_chrome


class KnownRouteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        route = getattr(request, "_wagtail_route_for_request", None)
        if route is not None and not getattr(request, "_route_was_known", False) and _own_address(route[0], request):
            site_chrome.remember_route(request, route[0])
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not serve:
            return None
        known = site_chrome.known_route(request)
        if known is None:
            return None
        page = _load(*known)
        if page is not None and page.live:
            try:
                # The page's own route: a routable page's index view.
                request._wagtail_route_for_request = page.route(request, [])
            except Http404:
                return None
            request._route_was_known = True
        return None


def _own_address(page, request):
    """Whether the request asked for the page's own address (not one of a
    routable page's sub-paths, nor a page of another site)."""
    parts = page.get_url_parts(request=request)
    return parts is not None and parts[2] == request.path


def _load(pk, content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    related = [field.name for field in model._meta.local_fields if field.many_to_one and not field.primary_key]
    return model.objects.select_related(*related).filter(pk=pk).first()
