"""'Translate this page' that publishes nothing: wagtail-localize's form and
page, but starting a translation only records it (review.start_page_translation),
so visitors keep the alias, with its notice, until a translation is
published. Served at wagtail-localize's own address (registered ahead of it)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from core.translation.review import start_page_translation


class StartPageTranslationView(SubmitPageTranslationView):
    @transaction.atomic
    def form_valid(self, form):
        locales = list(form.cleaned_data["locales"])
        pages = [self.object]
        if form.cleaned_data["include_subtree"]:
            pages += [page.specific for page in self.object.get_descendants().order_by("path")]
        for page in pages:
            start_page_translation(page, locales)
        if len(locales) == 1:
            label = locales[0].get_display_name()
            target = self.object.get_translation_or_none(locales[0])
        else:
            label = _("{} locales").format(len(locales))
            target = None
        messages.success(self.request, self.get_success_message(label))
        return redirect(self.get_success_url() or self.get_default_success_url(target))
