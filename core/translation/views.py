"""The translation dashboard: every page and translatable snippet by
language and status (status.py), with filters by language, section and
status, counts per language, and links into the translation editor. For
those who translate (may submit translations) or publish translations (may
publish pages in another language's tree)."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import GroupPagePermission

from core.translation.status import SNIPPETS_SECTION, STATUS_LABELS, overview

ROWS_PER_PAGE = 100


def may_see_dashboard(user):
    """Asked by the menu and the view in one request: answered once per user object."""
    if not hasattr(user, "_may_see_translation_dashboard"):
        user._may_see_translation_dashboard = _may_see_dashboard(user)
    return user._may_see_translation_dashboard


def _may_see_dashboard(user):
    if not user.is_active or not user.has_perm("wagtailadmin.access_admin"):
        return False
    if user.is_superuser or user.has_perm("wagtail_localize.submit_translation"):
        return True
    return (
        GroupPagePermission.objects.filter(
            group__user=user, permission__content_type__app_label="wagtailcore", permission__codename="publish_page"
        )
        .exclude(page__locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
        .exists()
    )


class DashboardFilters(forms.Form):
    locale = forms.ChoiceField(label=_("Language"), required=False)
    section = forms.ChoiceField(label=_("Section"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *STATUS_LABELS.items()]
    )

    def __init__(self, data, locales, sections):
        super().__init__(data)
        self.fields["locale"].choices = [("", _("Every language"))] + [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]
        self.fields["section"].choices = [("", _("Every section")), *sections, (SNIPPETS_SECTION, _("Snippets"))]

    def keep(self, row):
        wanted = self.cleaned_data
        return (
            (not wanted["locale"] or row.locale.language_code == wanted["locale"])
            and (not wanted["section"] or row.section == wanted["section"])
            and (not wanted["status"] or row.status == wanted["status"])
        )


class TranslationDashboardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/translation/dashboard.html"
    page_title = _("Translation dashboard")
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_dashboard(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        state = overview()
        filters = DashboardFilters(request.GET, state.locales, state.sections)
        valid = filters.is_valid()
        rows = [row for row in state.rows if filters.keep(row)] if valid else []
        page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("p"))
        query = request.GET.copy()
        query.pop("p", None)
        context = self.get_context_data(
            filter_form=filters,
            rows=page,
            row_count=len(rows),
            counts=[(locale, state.counts[locale.language_code]) for locale in state.locales],
            status_labels=STATUS_LABELS,
            query=query.urlencode(),
        )
        return self.render_to_response(context, status=200 if valid else 400)
