from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from home.blocks import LinkBlock


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details and footer links, set per site by editors."""

    organization_name = models.CharField(max_length=200, default="National Academy of Medicine")
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    contact_address = models.TextField(blank=True)
    footer_text = models.TextField(blank=True, help_text=_("One or two sentences about the initiative."))
    footer_links = StreamField([("link", LinkBlock())], blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organization_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact details"),
        ),
        FieldPanel("footer_text"),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("site settings")
