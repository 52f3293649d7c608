"""A story page: one published case, its measures, sources and commitments."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import CharField, Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.blocks import QuoteBlock
from core.expressions import ExistsPerRow, SQLAround, table
from core.pages import BasePage
from core.panels import PlainLanguagePanel
from core.renditions import STORY_CARD_SPECS, filter_specs, share_rendition
from core.visibility import public
from stories.blocks import OutcomeBlock, SourceBlock
from stories.models.taxonomy import Sector, Stakeholder

STORY_RICH_TEXT = ["bold", "italic", "link", "ul", "ol"]


NEWEST_FIRST = ("-date", "-pk")
# What includes/story_card.html shows of a story (its image whole).
CARD_FIELDS = (
    "title",
    "listing_title",
    "listing_summary",
    "summary",
    "organization",
    "place",
    "date",
    "url_path",
    "alias_of_id",
    "hero_image_alt",
    "sector__name",
    "sector__locale_id",
    "locale__language_code",
    "hero_image",
)
# What story_tags.card_key reads: a card's markup comes from the cache or
# from StoryPage.objects.for_listing(), never from these rows.
CARD_KEY_FIELDS = (
    "url_path",
    "last_published_at",
    "alias_of_id",
    "date",
    "sector__name",
    "sector__locale_id",
    "hero_image__file_hash",
    "hero_image__focal_point_x",
    "hero_image__focal_point_y",
    "hero_image__focal_point_width",
)


class LiveCommitmentsStamp(SQLAround):
    """ "<number>:<latest publication>" of the live commitment pages. One SQL
    template: as two ORM subqueries it cost 0.6 ms of Python to compile
    for every list of cards."""

    output_field = CharField()

    def template(self, connection):
        from commitments.models import CommitmentPage

        return (
            "(SELECT COUNT(*) || ':' || COALESCE(CAST(MAX(\"lhs_page\".\"last_published_at\") AS TEXT), '') "
            f'FROM {table(connection, CommitmentPage)} "lhs_commitment" '
            f'INNER JOIN {table(connection, Page)} "lhs_page" ON ("lhs_page"."id" = "lhs_commitment"."page_ptr_id") '
            'WHERE "lhs_page"."live")'
        )


class StoryPageQuerySet(PageQuerySet):
    def listed(self, locale_id):
        """Live, public stories of one language."""
        return public(self.live()).filter(locale_id=locale_id)

    def for_cards(self):
        """With what a card's key is made of (story_tags.card_key) and
        nothing more, in the same query: the sector, the image, and the
        number and last publication of the live commitment pages, whose
        titles cards show (one subquery for the whole query, not one per
        story: a commitment's change, which is rare, gives every card a new
        key)."""
        return (
            self.select_related("sector", "hero_image")
            .only(*CARD_KEY_FIELDS)
            .annotate(commitments_stamp=LiveCommitmentsStamp())
        )

    def cards(self, selection):
        """The stories an ordered, sliced `selection` (a listing's page, the
        newest few) picks, newest first, loaded as for_cards loads them: the
        selection uses the newest-first index and the card's subqueries run
        for the rows shown only, not for every row the database passes."""
        return self.for_cards().filter(pk__in=selection.values("pk")).order_by(*NEWEST_FIRST)

    def for_listing(self):
        """Stories with what a card shows loaded in a fixed number of queries."""
        from commitments.models import CommitmentPage

        renditions = (
            get_image_model().get_rendition_model().objects.filter(filter_spec__in=filter_specs([STORY_CARD_SPECS]))
        )
        return (
            self.select_related("sector", "locale", "hero_image")
            .only(*CARD_FIELDS)
            .prefetch_related(
                # As Wagtail's prefetch_renditions(), for images loaded with the stories.
                Prefetch("hero_image__renditions", queryset=renditions, to_attr="prefetched_renditions"),
                Prefetch(
                    "story_commitments",
                    queryset=StoryCommitment.objects.annotate(
                        commitment_key=F("commitment__translation_key"),
                        commitment_title=F("commitment__title"),
                        commitment_locale_code=F("commitment__locale__language_code"),
                        story_language=F("page__locale__language_code"),
                        localized_title=Subquery(
                            CommitmentPage.objects.live()
                            .filter(
                                translation_key=OuterRef("commitment__translation_key"),
                                locale_id=OuterRef("page__locale_id"),
                            )
                            .values("title")[:1]
                        ),
                    ).order_by("sort_order"),
                ),
            )
        )

    def with_commitment(self, translation_key):
        return self.filter(Exists(_links_to_commitment(translation_key)))

    def newest_with_commitment(self, translation_key, count):
        """The newest `count` stories that show the commitment, checked
        story by story newest first (ExistsPerRow): a commitment page's few
        stories are found without reading all of the commitment's links
        (2 ms less a commitment page; a filtered listing, which also
        counts, is not faster that way)."""
        return self.filter(ExistsPerRow(_links_to_commitment(translation_key))).order_by(*NEWEST_FIRST)[:count]

    def with_sector(self, translation_key):
        return self.filter(sector__translation_key=translation_key)

    def with_stakeholder(self, translation_key):
        return self.filter(
            Exists(StoryStakeholder.objects.filter(page=OuterRef("pk"), stakeholder__translation_key=translation_key))
        )


def _links_to_commitment(translation_key):
    return StoryCommitment.objects.filter(page=OuterRef("pk"), commitment__translation_key=translation_key)


StoryPageManager = PageManager.from_queryset(StoryPageQuerySet)


class StoryPageForm(WagtailAdminPageForm):
    """Editors choose only a published sector: a draft one is not shown to
    visitors, and a story filed under it would be missing from the sector
    filter. The rule is the form's, not the model's (limit_choices_to):
    wagtail-localize saves a translated story with its sector's translation,
    which may still be waiting for review."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "sector" in self.fields:
            sector = self.fields["sector"]
            sector.queryset = sector.queryset.filter(live=True)
            sector.error_messages["invalid_choice"] = _("This sector is not published yet: choose a published one.")


class StoryPage(BasePage):
    base_form_class = StoryPageForm
    template = "stories/story_page.html"
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    summary = models.CharField(
        max_length=300,
        verbose_name=_("summary"),
        help_text=_("One or two plain sentences, at most 300 characters."),
    )
    organization = models.CharField(max_length=200, verbose_name=_("organization"))
    place = models.CharField(max_length=200, blank=True, verbose_name=_("place"))
    sector = models.ForeignKey(
        Sector,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stories",
        verbose_name=_("sector"),
    )
    setting = models.CharField(
        max_length=200, blank=True, verbose_name=_("setting"), help_text=_("e.g. Pediatric specialty clinics.")
    )
    date = models.DateField(verbose_name=_("date"), help_text=_("When the results were reported."))
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_image_alt = models.CharField(
        max_length=250,
        blank=True,
        verbose_name=_("hero image alternative text"),
        help_text=_("What the image shows. Required when there is an image."),
    )
    challenge = RichTextField(features=STORY_RICH_TEXT, verbose_name=_("the challenge"))
    approach = RichTextField(features=STORY_RICH_TEXT, verbose_name=_("what they did"))
    results = RichTextField(features=STORY_RICH_TEXT, verbose_name=_("what changed"))
    outcomes = StreamField([("outcome", OutcomeBlock())], blank=True, verbose_name=_("outcome measures"))
    financial_investment = models.CharField(max_length=200, blank=True, verbose_name=_("investment"))
    financial_return = models.CharField(max_length=200, blank=True, verbose_name=_("return"))
    return_ratio = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        verbose_name=_("return per dollar"),
        help_text=_("Return for each dollar invested, e.g. 1.50."),
    )
    financial_source = models.CharField(max_length=200, blank=True, verbose_name=_("source of the financial figures"))
    quotes = StreamField([("quote", QuoteBlock())], blank=True, verbose_name=_("quotations"))
    sources = StreamField([("source", SourceBlock())], blank=True, verbose_name=_("sources"))

    objects = StoryPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("organization"), FieldPanel("place")]),
                FieldRowPanel([FieldPanel("sector"), FieldPanel("setting")]),
                FieldPanel("date"),
            ],
            heading=_("Where and when"),
        ),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Image")),
        FieldPanel("challenge"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("financial_investment"), FieldPanel("financial_return")]),
                FieldRowPanel([FieldPanel("return_ratio"), FieldPanel("financial_source")]),
            ],
            heading=_("Financial impact (optional)"),
        ),
        FieldPanel("quotes"),
        InlinePanel("story_commitments", label=_("Commitments it shows"), min_num=1),
        InlinePanel("story_stakeholders", label=_("Who it matters to")),
        FieldPanel("sources"),
        PlainLanguagePanel(),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("organization"),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.FilterField("date"),
        index.FilterField("locale_id"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("organization"),
        APIField("place"),
        APIField("date"),
        APIField("sector_name"),
    ]

    RELATED_STORY_COUNT = 3

    class Meta:
        verbose_name = _("story page")
        verbose_name_plural = _("story pages")
        # Every listing shows the newest first: read in this order, a page
        # of stories stops after its few rows instead of sorting them all.
        indexes = [models.Index(F("date").desc(), F("page_ptr").desc(), name="story_newest_first")]

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": _("Describe the image for people who cannot see it.")})
        if self.return_ratio is not None and self.return_ratio < 0:
            raise ValidationError({"return_ratio": _("The return per dollar cannot be negative.")})

    @property
    def card_summary(self):
        return self.listing_summary or self.summary

    @property
    def sector_name(self):
        return self.sector.name if self.sector_id else ""

    @property
    def has_financial_impact(self):
        return bool(self.financial_investment or self.financial_return or self.return_ratio is not None)

    def get_commitments(self):
        """The story's live commitments in the story's own language, in its
        order, with what their links show."""
        from commitments.models import CommitmentPage

        links = StoryCommitment.objects.filter(page=self, commitment__translation_key=OuterRef("translation_key"))
        pages = (
            public(CommitmentPage.objects.live())
            .filter(locale_id=self.locale_id)
            .annotate(position=Subquery(links.values("sort_order")[:1]))
            .filter(position__isnull=False)
        )
        return list(pages.only(*CommitmentPage.CARD_FIELDS).order_by("position"))

    def commitment_titles(self):
        """[{"title", "lang"}] of the commitments it names, in the story's
        language where translated (loaded by StoryPage.objects.for_listing)."""
        titles = []
        for link in self.story_commitments.all():
            title, code = link.commitment_summary()
            titles.append({"title": title, "lang": code if code != self.locale.language_code else ""})
        return titles

    def get_related_stories(self):
        """The newest other stories that share a commitment with this one."""
        own_keys = StoryCommitment.objects.filter(page=self).values("commitment__translation_key")
        shares_commitment = StoryCommitment.objects.filter(
            page=OuterRef("pk"), commitment__translation_key__in=own_keys
        )
        newest = (
            StoryPage.objects.listed(self.locale_id)
            .exclude(pk=self.pk)
            .filter(Exists(shares_commitment))
            .order_by(*NEWEST_FIRST)[: self.RELATED_STORY_COUNT]
        )
        return StoryPage.objects.cards(newest)

    def pages_showing_this(self):
        """Its listing and the home page (newest stories), the commitments
        it names, and the stories that may show it beside them. A story is
        among another's newest RELATED_STORY_COUNT related stories only if
        it is among the newest RELATED_STORY_COUNT + 1 of a commitment they
        share (the other story itself takes at most one of those places), so
        only the stories of such commitments are named: publishing an older
        story purges a handful of pages, a new one every story beside it.
        Its newest date, before or after this change, counts."""
        from commitments.models import CommitmentPage

        keys = list(StoryCommitment.objects.filter(page=self).values_list("commitment__translation_key", flat=True))
        date = max(filter(None, [self.date, self._previous_date()]))
        newer = Q(date__gt=date) | Q(date=date, pk__gt=self.pk)
        newer_others = StoryPage.objects.live().filter(newer, locale_id=self.locale_id).exclude(pk=self.pk)
        ahead = dict(
            StoryCommitment.objects.filter(commitment__translation_key__in=keys, page__in=newer_others)
            .values("commitment__translation_key")
            .annotate(stories=Count("page", distinct=True))
            .values_list("commitment__translation_key", "stories")
        )
        near_the_front = [key for key in keys if ahead.get(key, 0) <= self.RELATED_STORY_COUNT]
        beside = StoryPage.objects.filter(
            locale_id=self.locale_id,
            pk__in=StoryCommitment.objects.filter(commitment__translation_key__in=near_the_front).values("page"),
        )
        home = Page.objects.filter(depth=2, path=self.path[: 2 * self.steplen])
        commitments = CommitmentPage.objects.filter(translation_key__in=keys)
        return super().pages_showing_this() | home | _pages(commitments) | _pages(beside)

    def _previous_date(self):
        """The date in the revision before the live one, if any."""
        previous = self.revisions.exclude(pk=self.live_revision_id).order_by("-created_at").first()
        date = previous.content.get("date") if previous is not None else None
        return datetime.date.fromisoformat(date) if date else None

    def structured_data(self, request, site_settings):
        """schema.org Article for search engines."""
        url = self.get_full_url(request=request)
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "inLanguage": self.locale.language_code,  # loaded with the page (core.pages.route_for_request)
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
            "author": {"@type": "Organization", "name": self.organization},
            "publisher": {"@type": "Organization", "name": site_settings.organization_name},
        }
        if self.date:
            data["datePublished"] = self.date.isoformat()
        modified = self.last_published_at or self.first_published_at
        data["dateModified"] = modified.isoformat() if modified else data.get("datePublished")
        if self.hero_image:
            rendition = share_rendition(self.hero_image)
            data["image"] = request.build_absolute_uri(rendition.url)
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["commitments"] = self.get_commitments()
        # Published stakeholders only: a draft term is not shown to visitors.
        links = self.story_stakeholders.filter(stakeholder__live=True).select_related("stakeholder")
        context["stakeholders"] = [link.stakeholder for link in links]
        context["related_stories"] = self.get_related_stories()
        return context


def _pages(queryset):
    return Page.objects.filter(pk__in=queryset.values("pk"))


class StoryCommitment(Orderable):
    """Links a story to a commitment page. The page link is synchronised across
    languages; lookups go through the commitment's translation key."""

    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_commitments", verbose_name=_("story"))
    commitment = models.ForeignKey(
        "commitments.CommitmentPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("commitment")
    )

    panels = [PageChooserPanel("commitment")]

    class Meta(Orderable.Meta):
        verbose_name = _("commitment of a story")
        verbose_name_plural = _("commitments of a story")

    def commitment_summary(self):
        """(title, language code) of the linked commitment in the story's
        language where it has a live translation there: from the annotations
        of StoryPage.objects.for_listing when it loaded the link."""
        if getattr(self, "localized_title", None):
            return self.localized_title, self.story_language
        if hasattr(self, "commitment_title"):
            return self.commitment_title, self.commitment_locale_code
        return self.commitment.title, self.commitment.locale.language_code


class StoryStakeholder(TranslatableMixin, Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="story_stakeholders", verbose_name=_("story"))
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="+", verbose_name=_("stakeholder")
    )

    panels = [FieldPanel("stakeholder")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("who a story matters to")
        verbose_name_plural = _("who stories matter to")
