"""'Translate this page' (and 'Translate' on a snippet) that publishes
nothing: wagtail-localize's forms and pages, but starting a translation only
records it (review.start_page_translation, start_snippet_translation), so
visitors keep the alias, with its notice, until a translation is published.
Served at wagtail-localize's own addresses (registered ahead of them)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView

from core.translation.review import start_page_translation, start_snippet_translation


def _chosen(locales):
    """The success message's name for the locales, and the one locale, if one."""
    if len(locales) == 1:
        return locales[0].get_display_name(), locales[0]
    return _("{} locales").format(len(locales)), None


class StartPageTranslationView(SubmitPageTranslationView):
    @transaction.atomic
    def form_valid(self, form):
        locales = list(form.cleaned_data["locales"])
        pages = [self.object]
        if form.cleaned_data["include_subtree"]:
            pages += [page.specific for page in self.object.get_descendants().order_by("path")]
        for page in pages:
            start_page_translation(page, locales)
        label, locale = _chosen(locales)
        target = self.object.get_translation_or_none(locale) if locale else None
        messages.success(self.request, self.get_success_message(label))
        return redirect(self.get_success_url() or self.get_default_success_url(target))


class StartSnippetTranslationView(SubmitSnippetTranslationView):
    @transaction.atomic
    def form_valid(self, form):
        locales = list(form.cleaned_data["locales"])
        start_snippet_translation(self.object, locales)
        label, locale = _chosen(locales)
        target = self.object.get_translation_or_none(locale) if locale else None
        messages.success(self.request, self.get_success_message(label))
        return redirect(self.get_success_url() or self.get_default_success_url(target))
