"""Small mixins shared by every page type: social sharing and listing cards."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.fields import SynchronizedField

from home import site_chrome
from home.panels import PlainLanguagePanel


class SameSlugInEveryLanguage:
    """Translations keep the original's slug, so /commitments/safe/ is
    /es/commitments/safe/ in Spanish and filter links survive a change of
    language. Every other field follows wagtail-localize's defaults: text is
    translated; numbers, dates, choices, URLs, images and page links are
    synchronised."""

    override_translatable_fields = [SynchronizedField("slug")]


class SocialMixin(models.Model):
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social media. 1200×630 works best."),
    )
    social_text = models.CharField(
        max_length=255, blank=True, help_text=_("Text for social media; the search description is used if blank.")
    )

    promote_panels_social = [
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Social sharing"))
    ]

    class Meta:
        abstract = True

    def get_social_text(self):
        return self.social_text or self.get_meta_description()

    def get_social_image(self):
        return self.social_image or getattr(self, "listing_image", None)


class ListingMixin(models.Model):
    listing_title = models.CharField(
        max_length=255, blank=True, help_text=_("Title on cards and lists; the page title is used if blank.")
    )
    listing_summary = models.CharField(
        max_length=300, blank=True, help_text=_("One or two plain sentences for cards and lists.")
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Image on cards and lists."),
    )

    promote_panels_listing = [
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Cards and lists"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def card_title(self):
        return self.listing_title or self.title

    @property
    def card_summary(self):
        return self.listing_summary or self.search_description

    def get_meta_description(self):
        return self.search_description or self.listing_summary


class ViewRestrictionsFromCache:
    """For page types: Wagtail checks a page's view restrictions (with two
    queries, more for aliases) on every request. The restriction is read
    from the database only when the page is in a private section (or an
    alias of one), as the site-wide cache says; elsewhere, which is nearly
    everywhere, none applies and no query is needed."""

    def get_view_restrictions(self):
        if not any(self.path.startswith(path) for path in site_chrome.restricted_paths()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class BasePage(ViewRestrictionsFromCache, SameSlugInEveryLanguage, SocialMixin, ListingMixin, Page):
    """Abstract parent of every page type: SEO, social and listing fields in
    the Promote tab, and the text a card shows."""

    promote_panels = Page.promote_panels + SocialMixin.promote_panels_social + ListingMixin.promote_panels_listing

    class Meta:
        abstract = True

    def __init_subclass__(cls, **kwargs):
        """Every page type ends its Content tab with the read-only "Plain
        language" panel (reading level of the last saved version)."""
        super().__init_subclass__(**kwargs)
        if not any(isinstance(panel, PlainLanguagePanel) for panel in cls.content_panels):
            cls.content_panels = [*cls.content_panels, PlainLanguagePanel()]


class SlugPerLocaleMixin(SameSlugInEveryLanguage):
    """For translatable snippets with a `slug`: unique within a language, so
    filter links and lookups find one entry. (Not unique=True: translations
    share the slug.)"""

    def clean(self):
        super().clean()
        if self.slug and self.locale_id:
            clash = type(self).objects.filter(slug=self.slug, locale_id=self.locale_id).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"slug": _("Another entry in this language already uses this slug.")})
