"""The "Plain language" panel on every page's Content tab: the reading level
of the page as last saved, computed on the server with textstat."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from core.readability import PLAIN_LANGUAGE_GRADE, reading_report, summary_grade


class PlainLanguagePanel(Panel):
    """Read-only: Flesch-Kincaid grade, word count and sentences over 25 words
    of the last saved revision (nothing for a page not yet saved)."""

    def __init__(self, heading="", **kwargs):
        super().__init__(heading=heading or _("Plain language"), **kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "plain_language"

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/plain_language.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            saved = None
            if page is not None and page.pk and hasattr(page, "get_latest_revision_as_object"):
                saved = page.get_latest_revision_as_object()
            context["saved"] = saved is not None
            if saved is not None:
                context["report"] = reading_report(saved)
                grade = summary_grade(saved)
                context["summary_grade"] = grade
                context["summary_too_hard"] = grade is not None and grade > PLAIN_LANGUAGE_GRADE
            return context
