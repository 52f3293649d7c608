"""The admin sign-in, slowed down for password guessing.

Failed sign-ins are counted per client address and per user name (so that
neither one address trying many accounts nor many addresses trying one
account gets far). Once either count reaches ADMIN_LOGIN_FAILURE_LIMIT in the
current window, further attempts are refused with 429 before any password is
checked, until the window ends. Counts live in the shared cache, so every app
server sees them.
"""

from django.conf import settings
from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.admin.views.account import LoginView

from core import ratelimit


def _who(request):
    username = (request.POST.get("username") or "").strip().lower()
    return f"user:{username}" if username else None


class RateLimitedLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        rate = settings.ADMIN_LOGIN_FAILURE_LIMIT
        who = _who(request)
        if ratelimit.exhausted("admin-login", request, rate) or (
            who and ratelimit.exhausted("admin-login", request, rate, who=who)
        ):
            return self.refuse(request, rate)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        rate = settings.ADMIN_LOGIN_FAILURE_LIMIT
        ratelimit.hit("admin-login", self.request, rate)
        who = _who(self.request)
        if who:
            ratelimit.hit("admin-login", self.request, rate, who=who)
        return super().form_invalid(form)

    def refuse(self, request, rate):
        # A fresh form: binding the posted one would check the password.
        # The user name typed is kept.
        form = self.get_form_class()(request, initial={"username": request.POST.get("username", "")})
        minutes = max(1, round(ratelimit.retry_after(rate) / 60))
        messages.error(
            request,
            _("Too many failed sign-in attempts. Please try again in %(minutes)s minutes.") % {"minutes": minutes},
        )
        response = self.render_to_response(self.get_context_data(form=form), status=429)
        response["Retry-After"] = str(ratelimit.retry_after(rate))
        return response
