"""The terms stories are filtered by: sectors and stakeholders.

Visitors read them (filters, cards, the survey), so a term is drafted and
reviewed like a page: the row is the live version, public queries ask for
`live=True`, and an edit waits in a revision until it is published."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from core.pages import SlugPerLocaleMixin
from core.review import ReviewedSnippet


class TaxonomyTerm(
    SlugPerLocaleMixin,
    ReviewedSnippet,
    index.Indexed,
    models.Model,
):
    """A term stories are filtered by. Its slug is the same in every language
    so filter links survive a change of language."""

    name = models.CharField(max_length=120, verbose_name=_("name"))
    slug = models.SlugField(
        max_length=80, verbose_name=_("slug"), help_text=_("Used in filter links; the same in every language.")
    )
    description = models.TextField(blank=True, max_length=500, verbose_name=_("description"))
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("position"))

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def pages_showing_this(self):
        """The story listings, whose filter names every term (the stories
        tagged with it are found through the reference index)."""
        from stories.models.index import StoryIndexPage

        return StoryIndexPage.objects.all()


class Sector(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")


class Stakeholder(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
