"""Site-wide views: pages served, and what is not a page.

`serve_page` is Wagtail's serve view (wagtail.views.serve: the same
`on_serve_page` and `before_serve_page` hooks, in the same order) with the
page found by `core.pages.route_for_request` in two queries, however deep
it is; Wagtail's own lookups of the locale and the home page, and its walk
down the tree, cost three or more.

`csrf_failure` (CSRF_FAILURE_VIEW): a form sent without its security check
(cookies blocked, or a page left open past its token) gets a 403 in the
site's design and the visitor's language that says what happened and what to
do. It never offers to resend what was posted: a page that re-submits
someone else's form data would undo the protection. What the visitor typed
is still in the page they came from, which the page links back to when it is
one of this site's."""

from django.http import HttpResponse, HttpResponseForbidden
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.views import serve_chain

from core.pages import route_for_request


def serve_page(request, path):
    page, args, kwargs = route_for_request(request, path)
    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)


def csrf_failure(request, reason=""):
    referer = request.META.get("HTTP_REFERER", "")
    back_url = referer if url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()) else ""
    html = loader.render_to_string("csrf_failure.html", {"back_url": back_url}, request=request)
    response = HttpResponseForbidden(html)
    response["Cache-Control"] = "no-store"
    return response
