"""The "Plain language" panel on every page's Content tab: the reading level
of each text field on its own, in the page's language's scale (see
core.readability), updated while the editor types.

The panel's small Stimulus controller (static/js/plain_language.js) posts the
edit form, at most about once a second while it changes, to
PlainLanguageOnEdit / PlainLanguageOnCreate, which bind the form the way
Wagtail's preview does and answer with the panel's readings. The server
computes every figure, so the live panel and the review screen agree."""

from django import forms
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.admin.views.pages.preview import PreviewOnCreate, PreviewOnEdit

from core.readability import field_readings

READINGS_TEMPLATE = "home/panels/plain_language_readings.html"


def readings_context(obj):
    readings = field_readings(obj)
    return {
        "readings": readings,
        "scale": readings[0].report.scale if readings else None,
        "hard": [reading for reading in readings if reading.report.score is not None and not reading.report.is_plain],
    }


class PlainLanguagePanel(Panel):
    """Read-only: each prose field's score on the page language's scale, its
    word count and its sentences over 25 words."""

    def __init__(self, heading="", **kwargs):
        super().__init__(heading=heading or _("Plain language"), **kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "plain_language"

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/plain_language.html"

        @property
        def media(self):
            return forms.Media(js=["js/plain_language.js"])

        def _update_url(self):
            page = self.instance
            if page is not None and page.pk:
                return reverse("plain_language_edit", args=[page.pk])
            parent = getattr(self.form, "parent_page", None)
            if parent is None or page is None:
                return ""
            return reverse("plain_language_create", args=[page._meta.app_label, page._meta.model_name, parent.pk])

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            if page is not None and page.pk and hasattr(page, "get_latest_revision_as_object"):
                page = page.get_latest_revision_as_object()
            context.update(readings_context(page) if page is not None else {"readings": []})
            context["update_url"] = self._update_url()
            return context


class _Readings:
    """Answers a posted edit form with the panel's readings of what it holds."""

    def post(self, request, *args, **kwargs):
        try:
            form = self.get_form(request.POST)
            form.is_valid()  # fields with errors keep their saved text; the rest are read as typed
        except KeyError:  # a form posted without its StreamField counts is not the editor's
            return HttpResponseBadRequest(_("The edit form arrived incomplete; reload the page."))
        page = form.instance
        if not page.locale_id and getattr(form, "parent_page", None) is not None:
            page.locale = form.parent_page.locale
        return render(request, READINGS_TEMPLATE, readings_context(page))


class PlainLanguageOnEdit(_Readings, PreviewOnEdit):
    http_method_names = ["post"]


class PlainLanguageOnCreate(_Readings, PreviewOnCreate):
    http_method_names = ["post"]
