"""Admin hooks of the translation loop (core/translation/). The URLs and the
edit hooks are registered with order -1, so Wagtail puts them ahead of
wagtail-localize's: our views answer at its addresses, and our editor
(with review) is tried before its own."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.translation import po_upload
from core.translation.editor import edit_with_review
from core.translation.start import StartPageTranslationView, StartSnippetTranslationView
from core.translation.views import TranslationDashboardView, may_see_dashboard

AHEAD_OF_WAGTAIL_LOCALIZE = -1


@hooks.register("register_admin_urls", order=AHEAD_OF_WAGTAIL_LOCALIZE)
def translation_urls():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            StartPageTranslationView.as_view(),
            name="start_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            StartSnippetTranslationView.as_view(),
            name="start_snippet_translation",
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            po_upload.upload_pofile,
            name="checked_upload_pofile",
        ),
        path("translations/", TranslationDashboardView.as_view(), name="translation_dashboard"),
    ]


@hooks.register("before_edit_page", order=AHEAD_OF_WAGTAIL_LOCALIZE)
def edit_page_translation_with_review(request, page):
    return edit_with_review(request, page)


@hooks.register("before_edit_snippet", order=AHEAD_OF_WAGTAIL_LOCALIZE)
def edit_snippet_translation_with_review(request, instance):
    return edit_with_review(request, instance)


class TranslationDashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_dashboard(request.user)


@hooks.register("register_admin_menu_item")
def translation_dashboard_menu_item():
    return TranslationDashboardMenuItem(
        _("Translations"),
        reverse("translation_dashboard"),
        name="translation-dashboard",
        icon_name="wagtail-localize-language",
        order=350,
    )


@hooks.register("construct_reports_menu")
def hide_slow_translations_report(request, menu_items):
    """wagtail-localize's Translations report is replaced by the dashboard."""
    menu_items[:] = [item for item in menu_items if item.name != "translations"]
