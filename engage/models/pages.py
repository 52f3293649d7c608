"""The engage section: ways to take part."""

from django.utils.translation import gettext_lazy as _

from core.pages import ContentPage


class EngagePage(ContentPage):
    template = "engage/engage_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["engage.SurveyPage", "engage.ShareStoryPage", "home.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("engage page")
        verbose_name_plural = _("engage pages")
