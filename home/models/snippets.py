"""Snippets that belong to the whole site: people, resources and the footer.

Visitors read all three, so each is drafted and goes through the
review of its language like a page (core.review, DraftStateMixin): the row
holds the live version and public queries ask for `live=True`; an edit waits
in a revision until it is approved and published."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    PreviewableMixin,
    TranslatableMixin,
)
from wagtail.search import index

from core.blocks import LinkBlock
from core.pages import ShownOnEveryPage
from core.review import ReviewedSnippet
from home.documents import count_pdf_pages, document_facts


class Person(
    ReviewedSnippet,
    index.Indexed,
    models.Model,
):
    name = models.CharField(max_length=200, verbose_name=_("name"))
    role = models.CharField(
        max_length=200, verbose_name=_("role"), help_text=_("Job title, e.g. Chief Quality Officer.")
    )
    organization = models.CharField(max_length=200, verbose_name=_("organization"))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
    )
    bio = models.TextField(
        blank=True, max_length=600, verbose_name=_("short biography"), help_text=_("One or two sentences.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organization"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("organization"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class ResourceQuerySet(models.QuerySet):
    def with_link_language(self):
        """Annotated `source_link_language`: the default language's code
        when a translation still links the same document or address as its
        source (a Spanish card opening an English PDF), else ""."""
        same_link = self.model.objects.filter(
            Q(document_id__isnull=False, document_id=OuterRef("document_id"))
            | Q(document_id__isnull=True, url=OuterRef("url")),
            translation_key=OuterRef("translation_key"),
            locale__language_code=settings.LANGUAGE_CODE,
        ).exclude(locale_id=OuterRef("locale_id"))
        return self.annotate(
            source_link_language=Case(
                When(Exists(same_link), then=Value(settings.LANGUAGE_CODE)),
                default=Value(""),
                output_field=models.CharField(),
            )
        )


class Resource(
    ReviewedSnippet,
    PreviewableMixin,
    index.Indexed,
    models.Model,
):
    """A report, commentary, webinar or toolkit: a document here or a page elsewhere."""

    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        COMMENTARY = "commentary", _("Commentary")
        WEBINAR = "webinar", _("Webinar")
        TOOLKIT = "toolkit", _("Toolkit")

    title = models.CharField(max_length=255, verbose_name=_("title"))
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    date = models.DateField(verbose_name=_("date"), help_text=_("Publication date, or the date of the event."))
    summary = RichTextField(features=["bold", "italic", "link"], max_length=1000, verbose_name=_("summary"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    url = models.URLField(blank=True, verbose_name=_("address"), help_text=_("Use this or a document, not both."))
    # Read from the file when saved, so no page view opens the file.
    document_pages = models.PositiveIntegerField(
        null=True, blank=True, editable=False, verbose_name=_("pages of the document")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("url"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("summary"), index.FilterField("kind")]

    objects = ResourceQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        ordering = ["-date", "title"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.document_pages = count_pdf_pages(self.document)
        super().save(*args, **kwargs)

    def document_facts(self):
        """ "PDF, 2 pages, 14 KB", or "" without a document."""
        return document_facts(self.document, self.document_pages) if self.document_id else ""

    def clean(self):
        super().clean()
        if bool(self.document_id) == bool(self.url):
            raise ValidationError(
                {"url": _("Give either a document or an address, so readers have exactly one place to go.")}
            )

    @property
    def link(self):
        return self.document.url if self.document_id else self.url

    def link_language(self):
        """The code of the language the link opens in, when it is not the
        resource's own (see ResourceQuerySet.with_link_language), else ""."""
        if not hasattr(self, "source_link_language"):
            # Not loaded with it: a preview, whose link may not be saved yet.
            default = settings.LANGUAGE_CODE
            source = (
                Resource.objects.filter(translation_key=self.translation_key, locale__language_code=default)
                .exclude(locale_id=self.locale_id)
                .first()
            )
            same = source is not None and (
                source.document_id == self.document_id if self.document_id else source.url == self.url
            )
            self.source_link_language = default if same else ""
        return self.source_link_language

    def get_preview_template(self, request, mode_name):
        return "home/previews/resource.html"


class FooterText(
    ShownOnEveryPage,
    ReviewedSnippet,
    models.Model,
):
    """The footer's words and links, one per language (contact details, the
    same in every language, are in the site settings)."""

    body = models.TextField(
        max_length=500, verbose_name=_("text"), help_text=_("One or two sentences about the initiative.")
    )
    links = StreamField([("link", LinkBlock())], blank=True, verbose_name=_("links"))

    panels = [FieldPanel("body"), FieldPanel("links")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer text")

    def __str__(self):
        return _("Footer text (%(language)s)") % {"language": self.locale.get_display_name()}
