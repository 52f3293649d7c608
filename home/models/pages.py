"""Site-wide page types: the home page, standard pages and working groups."""

from django.db import models
from django.db.models import Case, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.queryset import FakeQuerySet
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from commitments.models import CommitmentPage
from core.expressions import AnyOf
from core.pages import BasePage, ContentPage
from core.panels import PlainLanguagePanel
from core.visibility import public
from home.models.snippets import Resource
from stories.models import StoryPage
from stories.models.story import NEWEST_FIRST

FEATURED_STORY_MAX = 6
FEATURED_COMMITMENT_MAX = 5


class HomePage(BasePage):
    template = "home/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "commitments.CommitmentIndexPage",
        "stories.StoryIndexPage",
        "engage.EngagePage",
    ]

    hero_lead = models.TextField(
        max_length=400, verbose_name=_("opening text"), help_text=_("Two short sentences in plain words.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    # In the page's language (the image library's description is one
    # language for every page that uses the image).
    hero_image_alt = models.CharField(
        max_length=250,
        blank=True,
        verbose_name=_("hero image alternative text"),
        help_text=_("What the image shows. Required when there is an image."),
    )
    lhs_definition = models.TextField(verbose_name=_("definition of a learning health system"))
    lhs_definition_source = models.CharField(max_length=200, verbose_name=_("source of the definition"))
    lhs_definition_source_url = models.URLField(blank=True, verbose_name=_("address of the source"))
    featured_commitments_intro = models.TextField(
        blank=True, max_length=400, verbose_name=_("introduction to the featured commitments")
    )
    survey_cta_heading = models.CharField(max_length=120, blank=True, verbose_name=_("heading"))
    survey_cta_text = models.TextField(blank=True, max_length=400, verbose_name=_("text"))
    survey_cta_button = models.CharField(max_length=60, blank=True, verbose_name=_("button text"))
    survey_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("survey page"),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_lead"), FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero")
        ),
        MultiFieldPanel(
            [
                FieldPanel("lhs_definition"),
                FieldPanel("lhs_definition_source"),
                FieldPanel("lhs_definition_source_url"),
            ],
            heading=_("Definition"),
        ),
        FieldPanel("featured_commitments_intro"),
        InlinePanel("featured_commitments", label=_("Featured commitments"), max_num=FEATURED_COMMITMENT_MAX),
        InlinePanel(
            "featured_stories",
            label=_("Featured stories"),
            max_num=FEATURED_STORY_MAX,
            help_text=_("Leave empty to show the newest stories."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("survey_cta_heading"),
                FieldPanel("survey_cta_text"),
                FieldPanel("survey_cta_button"),
                PageChooserPanel("survey_page", ["engage.SurveyPage"]),
            ],
            heading=_("Survey call to action"),
        ),
        PlainLanguagePanel(),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_lead")]

    FEATURED_COMMITMENT_FALLBACK = 4
    FEATURED_STORY_COUNT = 3
    LATEST_RESOURCE_COUNT = 3

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_featured_commitments(self):
        """The chosen commitments in this language, in the chosen order, or
        the first few when none are chosen."""
        pages = public(CommitmentPage.objects.live()).filter(locale_id=self.locale_id).only(*CommitmentPage.CARD_FIELDS)
        featured = self.featured_commitments.all()
        if isinstance(featured, FakeQuerySet):  # a preview: the choice is in memory
            keys = [item.commitment.translation_key for item in featured]
            by_key = {page.translation_key: page for page in pages.filter(translation_key__in=keys)}
            return [by_key[key] for key in keys if key in by_key]
        # Chosen first, in the chosen order; the first few by number when none is chosen.
        position = featured.filter(commitment__translation_key=OuterRef("translation_key")).values("sort_order")
        pages = list(
            pages.annotate(position=Subquery(position[:1])).order_by(F("position").asc(nulls_last=True), "number")[
                : max(self.FEATURED_COMMITMENT_FALLBACK, FEATURED_COMMITMENT_MAX)
            ]
        )
        chosen = [page for page in pages if page.position is not None]
        return chosen or pages[: self.FEATURED_COMMITMENT_FALLBACK]

    def get_featured_stories(self):
        """The chosen stories in the chosen order, topped up with the newest
        others to FEATURED_STORY_COUNT, in one query."""
        featured = self.featured_stories.all()
        listed = StoryPage.objects.listed(self.locale_id)
        # The newest few by the newest-first index; the card's subqueries
        # then run for the candidates only.
        newest = listed.order_by(*NEWEST_FIRST)[: self.FEATURED_STORY_COUNT].values("translation_key")
        if isinstance(featured, FakeQuerySet):
            # A preview: the chosen stories are in memory, not in the database.
            keys = [item.story.translation_key for item in featured]
            candidate = Q(translation_key__in=keys) | AnyOf(F("translation_key"), newest)
            chosen_position = Case(
                *(When(translation_key=key, then=Value(n)) for n, key in enumerate(keys)), output_field=IntegerField()
            )
        else:
            # Both sets by translation key, the page table's own indexed
            # column: with the newest by id, on the story table, the
            # database joined every story of the language first (2.6 ms to
            # 0.8 ms on the 1,000-story site).
            candidate = AnyOf(F("translation_key"), featured.values("story__translation_key")) | AnyOf(
                F("translation_key"), newest
            )
            chosen = featured.filter(story__translation_key=OuterRef("translation_key")).values("sort_order")
            chosen_position = Subquery(chosen[:1])
        candidates = list(
            listed.filter(candidate)
            .for_cards()
            .annotate(chosen_position=chosen_position)
            .order_by(F("chosen_position").asc(nulls_last=True), *NEWEST_FIRST)[
                : max(FEATURED_STORY_MAX, self.FEATURED_STORY_COUNT)
            ]
        )
        chosen = [story for story in candidates if story.chosen_position is not None]
        newest = [story for story in candidates if story.chosen_position is None]
        return chosen + newest[: max(0, self.FEATURED_STORY_COUNT - len(chosen))]

    def linked_page_ids(self):
        """Pages the template links to, found with the navigation."""
        return [self.survey_page_id] if self.survey_page_id else []

    def get_working_groups(self):
        return (
            public(WorkingGroupPage.objects.live())
            .filter(locale_id=self.locale_id, group_type=WorkingGroupPage.GroupType.WORKING)
            .only(*WorkingGroupPage.CARD_FIELDS, "intro")
            .order_by("path")
        )

    def get_latest_resources(self):
        return (
            Resource.objects.filter(live=True, locale_id=self.locale_id)
            .with_link_language()
            .select_related("document")
            .order_by("-date", "title")[: self.LATEST_RESOURCE_COUNT]
        )

    def structured_data(self, request, site_settings):
        """schema.org Organization for search engines."""
        data = {"@context": "https://schema.org", "@type": "Organization", "name": site_settings.organization_name}
        data["url"] = self.get_full_url(request=request)
        if site_settings.contact_email:
            data["email"] = site_settings.contact_email
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            featured_commitments=self.get_featured_commitments(),
            featured_stories=self.get_featured_stories(),
            working_groups=self.get_working_groups(),
            latest_resources=self.get_latest_resources(),
        )
        return context


class HomePageFeaturedCommitment(Orderable):
    page = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_commitments", verbose_name=_("home page")
    )
    commitment = models.ForeignKey(
        "commitments.CommitmentPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("commitment")
    )

    panels = [PageChooserPanel("commitment")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured commitment")
        verbose_name_plural = _("featured commitments")


class HomePageFeaturedStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories", verbose_name=_("home page"))
    story = models.ForeignKey("stories.StoryPage", on_delete=models.CASCADE, related_name="+", verbose_name=_("story"))

    panels = [PageChooserPanel("story")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured story")
        verbose_name_plural = _("featured stories")


class StandardPage(ContentPage):
    """About, Contact, Privacy and other pages made of content blocks."""

    template = "home/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage", "engage.EngagePage"]
    subpage_types = ["home.StandardPage", "home.WorkingGroupPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class WorkingGroupPage(BasePage):
    template = "home/working_group_page.html"
    parent_page_types = ["home.StandardPage"]
    subpage_types = []

    class GroupType(models.TextChoices):
        STRATEGY = "strategy", _("Strategy group")
        WORKING = "working", _("Working group")

    group_type = models.CharField(
        max_length=20, choices=GroupType.choices, default=GroupType.WORKING, verbose_name=_("kind of group")
    )
    intro = models.TextField(
        max_length=500, verbose_name=_("introduction"), help_text=_("What the group is for, in one or two sentences.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    image_alt = models.CharField(
        max_length=250,
        blank=True,
        verbose_name=_("image alternative text"),
        help_text=_("What the image shows. Required when there is an image."),
    )
    focus_areas = StreamField(
        [("focus_area", blocks.CharBlock(max_length=300, label=_("Focus area")))],
        blank=True,
        verbose_name=_("focus areas"),
    )
    body = RichTextField(blank=True, features=["bold", "italic", "link", "ul", "ol", "h3"], verbose_name=_("text"))

    content_panels = Page.content_panels + [
        FieldPanel("group_type"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("focus_areas"),
        FieldPanel("body"),
        InlinePanel("members", label=_("Members")),
        PlainLanguagePanel(),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("working group page")
        verbose_name_plural = _("working group pages")

    def get_members(self):
        # Only published people: a person's entry is reviewed before visitors see it.
        return self.members.filter(person__live=True).select_related("person", "person__photo")


class WorkingGroupMember(TranslatableMixin, Orderable):
    page = ParentalKey(
        WorkingGroupPage, on_delete=models.CASCADE, related_name="members", verbose_name=_("working group")
    )
    person = models.ForeignKey(
        "home.Person", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    role_in_group = models.CharField(
        max_length=100, blank=True, verbose_name=_("role in the group"), help_text=_("e.g. Chair, Member.")
    )

    panels = [FieldPanel("person"), FieldPanel("role_in_group")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
