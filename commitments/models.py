"""The ten Shared Commitments, and how they map onto earlier frameworks."""

from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    Orderable,
    Page,
    TranslatableMixin,
)
from wagtail.search import index

from commitments.blocks import PillarBlock, SignOfProgressBlock
from commitments.icons import ICON_CHOICES, ICONS
from core.pages import BasePage, SlugPerLocaleMixin
from core.panels import PlainLanguagePanel
from core.review import ReviewedSnippet
from core.visibility import public

PLAIN_RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


class CommitmentIndexPage(BasePage):
    """The framework: the ten commitments in order, the four pillars, and how
    the commitments extend earlier frameworks."""

    template = "commitments/commitment_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["commitments.CommitmentPage", "commitments.CrosswalkPage"]
    max_count_per_parent = 1

    intro = RichTextField(features=PLAIN_RICH_TEXT, verbose_name=_("introduction"))
    pillars_intro = models.TextField(blank=True, max_length=500, verbose_name=_("introduction to the pillars"))
    pillars = StreamField([("pillar", PillarBlock())], blank=True, verbose_name=_("pillars"))
    frameworks_text = RichTextField(
        features=PLAIN_RICH_TEXT, blank=True, verbose_name=_("how the commitments extend earlier frameworks")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("pillars_intro"), FieldPanel("pillars")], heading=_("Pillars")),
        FieldPanel("frameworks_text"),
        PlainLanguagePanel(),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("commitment index page")
        verbose_name_plural = _("commitment index pages")

    def get_commitments(self):
        return CommitmentPage.in_locale(self.locale_id).child_of(self).only(*CommitmentPage.CARD_FIELDS)

    def get_crosswalk_page(self):
        """The comparison page, for a link: its title and address only."""
        return public(CrosswalkPage.objects.child_of(self).live()).only("title", "url_path").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["commitments"] = self.get_commitments()
        context["crosswalk_page"] = self.get_crosswalk_page()
        return context


class CommitmentPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("number")
        if number and self.parent_page:
            clash = CommitmentPage.objects.child_of(self.parent_page).filter(number=number)
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error("number", _("Another commitment already has number %(n)s.") % {"n": number})
        return cleaned_data


class CommitmentPage(BasePage):
    base_form_class = CommitmentPageForm
    template = "commitments/commitment_page.html"
    parent_page_types = ["commitments.CommitmentIndexPage"]
    subpage_types = []

    number = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        verbose_name=_("number"),
        help_text=_("Position in the list of commitments."),
    )
    summary = models.CharField(
        max_length=200,
        verbose_name=_("summary"),
        help_text=_("One plain sentence, at most 200 characters. Shown on cards and in the survey."),
    )
    icon = models.CharField(max_length=20, choices=ICON_CHOICES, verbose_name=_("icon"))
    for_people = RichTextField(features=PLAIN_RICH_TEXT, verbose_name=_("what it means for people and families"))
    for_clinicians = RichTextField(
        features=PLAIN_RICH_TEXT, verbose_name=_("what it means for clinicians and care teams")
    )
    for_organizations = RichTextField(features=PLAIN_RICH_TEXT, verbose_name=_("what it means for organizations"))
    signs = StreamField(
        [("sign", SignOfProgressBlock())],
        blank=True,
        verbose_name=_("signs it is working"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("icon"),
        FieldPanel("for_people"),
        FieldPanel("for_clinicians"),
        FieldPanel("for_organizations"),
        FieldPanel("signs"),
        InlinePanel("crosswalk_links", label=_("Links to other frameworks")),
        PlainLanguagePanel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("for_people"),
        index.SearchField("for_clinicians"),
        index.SearchField("for_organizations"),
        index.FilterField("number"),
    ]
    api_fields = [APIField("number"), APIField("summary")]

    RELATED_STORY_COUNT = 6
    # What includes/commitment_card.html shows (its address from url_path).
    CARD_FIELDS = ("title", "number", "summary", "icon", "url_path", "locale_id", "translation_key")

    class Meta:
        verbose_name = _("commitment page")
        verbose_name_plural = _("commitment pages")

    @classmethod
    def in_locale(cls, locale_id):
        """The live, public commitment pages of one language by number, with
        streamfields deferred."""
        return public(cls.objects.live()).filter(locale_id=locale_id).defer_streamfields().order_by("number")

    @property
    def icon_svg(self):
        return ICONS.get(self.icon, ("", ""))[1]

    @property
    def icon_label(self):
        return ICONS.get(self.icon, ("", ""))[0]

    def pages_showing_this(self):
        """Its listing and the crosswalk, the home page (featured
        commitments) and the other sections (the story listing's filter and
        cards name it). The stories that name it link to it: the reference
        index finds them."""
        siblings = self.get_siblings(inclusive=False)
        sections = Page.objects.filter(depth__in=[2, 3], path__startswith=self.path[: Page.steplen * 2])
        return super().pages_showing_this() | siblings | sections

    def get_crosswalk_links(self):
        return (
            self.crosswalk_links.filter(element__live=True, element__framework__live=True)
            .select_related("element__framework")
            .order_by("element__framework__sort_order", "element__sort_order")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["crosswalk_links"] = self.get_crosswalk_links()
        # The other commitments (the pager: number, title, address) and the
        # crosswalk page are its siblings: one query for both.
        siblings = list(
            public(Page.objects.sibling_of(self, inclusive=False).live())
            .filter(locale_id=self.locale_id)
            .annotate(number=F("commitmentpage__number"))
            .only("title", "url_path", "locale_id", "content_type_id")
            .order_by("number", "path")
        )
        commitments = [page for page in siblings if page.number is not None]
        context["previous_commitment"] = next((p for p in reversed(commitments) if p.number < self.number), None)
        context["next_commitment"] = next((p for p in commitments if p.number > self.number), None)
        crosswalk_type = ContentType.objects.get_for_model(CrosswalkPage)
        context["crosswalk_page"] = next((p for p in siblings if p.content_type_id == crosswalk_type.pk), None)
        return context


class CrosswalkPage(BasePage):
    """A matrix of the commitments against other quality frameworks."""

    template = "commitments/crosswalk_page.html"
    parent_page_types = ["commitments.CommitmentIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = RichTextField(features=PLAIN_RICH_TEXT, blank=True, verbose_name=_("introduction"))

    content_panels = Page.content_panels + [FieldPanel("intro"), PlainLanguagePanel()]

    class Meta:
        verbose_name = _("crosswalk page")
        verbose_name_plural = _("crosswalk pages")

    def get_matrix(self):
        """Rows of (commitment, [cells]) with one cell per framework, each cell
        the list of that framework's elements the commitment maps to."""
        commitments = CommitmentPage.in_locale(self.locale_id)
        # Only published frameworks and elements: they are reviewed before visitors see them.
        frameworks = list(
            Framework.objects.filter(live=True, locale_id=self.locale_id).prefetch_related(
                Prefetch("elements", queryset=FrameworkElement.objects.filter(live=True))
            )
        )
        links = CrosswalkLink.objects.filter(page__in=commitments, element__live=True).select_related("element")
        cells = {}
        for link in links:
            cells.setdefault((link.page_id, link.element.framework_id), []).append(link)
        rows = [
            (commitment, [cells.get((commitment.pk, framework.pk), []) for framework in frameworks])
            for commitment in commitments
        ]
        return frameworks, rows

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["frameworks"], context["rows"] = self.get_matrix()
        return context


class Framework(
    SlugPerLocaleMixin,
    ReviewedSnippet,
    index.Indexed,
    models.Model,
):
    """An earlier quality framework, e.g. the six aims of Crossing the Quality
    Chasm. Reviewed like a page: the row is the live version (public queries
    ask for `live=True`); an edit waits in a revision until published."""

    name = models.CharField(max_length=200, verbose_name=_("name"))
    short_name = models.CharField(
        max_length=60, verbose_name=_("short name"), help_text=_("Used as a column heading in the crosswalk.")
    )
    slug = models.SlugField(max_length=80, verbose_name=_("slug"), help_text=_("Same in every language."))
    publisher = models.CharField(max_length=200, blank=True, verbose_name=_("publisher"))
    year = models.PositiveSmallIntegerField(null=True, blank=True, verbose_name=_("year"))
    url = models.URLField(blank=True, verbose_name=_("address"))
    description = models.TextField(blank=True, max_length=1000, verbose_name=_("description"))
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("position"))

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("publisher"),
        FieldPanel("year"),
        FieldPanel("url"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self):
        return self.name


class FrameworkElement(
    ReviewedSnippet,
    index.Indexed,
    models.Model,
):
    """One aim, characteristic or priority of a framework; reviewed like its framework."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="elements", verbose_name=_("framework")
    )
    name = models.CharField(max_length=200, verbose_name=_("name"))
    group = models.CharField(
        max_length=200, blank=True, verbose_name=_("group"), help_text=_("Heading the element sits under, if any.")
    )
    description = models.TextField(blank=True, max_length=1000, verbose_name=_("description"))
    sort_order = models.PositiveSmallIntegerField(default=0, verbose_name=_("position"))

    panels = [
        FieldPanel("framework"),
        FieldPanel("name"),
        FieldPanel("group"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["framework__sort_order", "sort_order", "name"]
        verbose_name = _("framework element")
        verbose_name_plural = _("framework elements")

    def __str__(self):
        return f"{self.framework.short_name}: {self.name}"


class CrosswalkLink(TranslatableMixin, Orderable):
    """A commitment relates to one element of another framework."""

    page = ParentalKey(
        CommitmentPage, on_delete=models.CASCADE, related_name="crosswalk_links", verbose_name=_("commitment")
    )
    element = models.ForeignKey(
        FrameworkElement, on_delete=models.CASCADE, related_name="commitment_links", verbose_name=_("element")
    )
    note = models.CharField(
        max_length=255, blank=True, verbose_name=_("note"), help_text=_("How the commitment extends or relates to it.")
    )

    panels = [FieldPanel("element"), FieldPanel("note")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("link to another framework")
        verbose_name_plural = _("links to other frameworks")
