"""The engage section: ways to take part."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models import BasePage


class EngagePage(BasePage):
    template = "engage/engage_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["engage.SurveyPage", "engage.ShareStoryPage", "home.StandardPage"]
    max_count_per_parent = 1

    intro = models.TextField(blank=True, max_length=500)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("engage page")
