"""Site-wide views that are not pages.

`csrf_failure` (CSRF_FAILURE_VIEW): a form sent without its security check
(cookies blocked, or a page left open past its token) gets a 403 in the
site's design and the visitor's language that says what happened and what to
do. It never offers to resend what was posted: a page that re-submits
someone else's form data would undo the protection. What the visitor typed
is still in the page they came from, which the page links back to when it is
one of this site's."""

from django.http import HttpResponseForbidden
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme


def csrf_failure(request, reason=""):
    referer = request.META.get("HTTP_REFERER", "")
    back_url = referer if url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()) else ""
    html = loader.render_to_string("csrf_failure.html", {"back_url": back_url}, request=request)
    response = HttpResponseForbidden(html)
    response["Cache-Control"] = "no-store"
    return response
