from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.pages import ShownOnEveryPage


@register_setting(icon="site")
class SiteSettings(ShownOnEveryPage, BaseSiteSetting):
    """Contact details, the same in every language. The footer's words and
    links are the FooterText snippet, translated per language."""

    organization_name = models.CharField(
        max_length=200, default="National Academy of Medicine", verbose_name=_("name of the organization")
    )
    contact_email = models.EmailField(blank=True, verbose_name=_("contact email address"))
    contact_phone = models.CharField(max_length=40, blank=True, verbose_name=_("contact phone number"))
    contact_address = models.TextField(blank=True, verbose_name=_("postal address"))

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
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
