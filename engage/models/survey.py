"""The engagement survey and its responses."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin

from core.pages import PageBase, promote_panels_for
from core.panels import PlainLanguagePanel


class SurveyFormField(TranslatableMixin, AbstractFormField):
    """A question of the survey. Translatable, so labels, help text and
    choices are localized while the stored field keys stay the same."""

    page = ParentalKey("SurveyPage", on_delete=models.CASCADE, related_name="form_fields", verbose_name=_("survey"))

    class Meta(AbstractFormField.Meta):
        unique_together = [("translation_key", "locale")]
        verbose_name = _("question")
        verbose_name_plural = _("questions")


def new_results_token():
    return secrets.token_urlsafe(32)


class SurveySubmission(AbstractFormSubmission):
    """A survey response. Responses to every translation of the survey are
    stored against the original-language survey, with the language they were
    given in, so results compare across languages (the field keys are the same)."""

    language_code = models.CharField(
        max_length=12, default=settings.LANGUAGE_CODE, db_index=True, verbose_name=_("language of the answers")
    )
    # The private, unguessable link to the respondent's own results.
    results_token = models.CharField(max_length=64, unique=True, default=new_results_token, editable=False)
    # Fixed parts of the survey, stored as columns so they can be charted,
    # filtered and purged; the editors' own questions stay in form_data.
    organization = models.CharField(max_length=200, blank=True, verbose_name=_("organization"))
    sector = models.CharField(
        max_length=80, blank=True, verbose_name=_("sector"), help_text=_("Slug of the Sector snippet.")
    )
    role = models.CharField(
        max_length=80, blank=True, verbose_name=_("stakeholder group"), help_text=_("Slug of the Stakeholder snippet.")
    )
    contact_email = models.EmailField(blank=True, verbose_name=_("contact email address"))
    consent_version = models.CharField(
        max_length=20,
        blank=True,
        verbose_name=_("version of the privacy notice"),
        help_text=_("Version of the privacy notice agreed to."),
    )
    scores = models.JSONField(
        default=dict,
        blank=True,
        verbose_name=_("self-assessment scores"),
        help_text=_("Self-assessment: commitment slug → 1 to 5."),
    )

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["page", "submit_time"])]
        # Form submissions are personal data: only the engagement team (and
        # superusers) may see them, whatever page rights they have.
        permissions = [("view_responses", _("Can view, chart and export survey and form responses"))]


class SurveyPage(PageBase, RoutablePageMixin, AbstractEmailForm):
    """The survey: the editors' own questions (form builder) between fixed
    parts the code knows about (organization, sector, role, contact email,
    the self-assessment against the commitments, consent), in steps.

    The steps (a django-formtools wizard), the results page and the public
    summary live in engage/survey_flow.py and engage/summary.py; this model
    holds the content."""

    template = "engage/survey_page.html"
    landing_page_template = "engage/survey_page_landing.html"
    parent_page_types = ["engage.EngagePage"]
    subpage_types = []

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul"], verbose_name=_("introduction"))
    thank_you_text = RichTextField(
        blank=True, features=["bold", "italic", "link", "ul"], verbose_name=_("thank-you text")
    )
    self_assessment_intro = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("introduction to the self-assessment"),
        help_text=_("Shown above the ten self-assessment questions."),
    )
    scale_label_1 = models.CharField(max_length=40, default="Not started", verbose_name=_("scale point 1"))
    scale_label_2 = models.CharField(max_length=40, default="Planning", verbose_name=_("scale point 2"))
    scale_label_3 = models.CharField(max_length=40, default="Getting started", verbose_name=_("scale point 3"))
    scale_label_4 = models.CharField(max_length=40, default="Well under way", verbose_name=_("scale point 4"))
    scale_label_5 = models.CharField(max_length=40, default="Leading the way", verbose_name=_("scale point 5"))
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice page"),
    )
    privacy_notice_version = models.CharField(
        max_length=20,
        default="1.0",
        verbose_name=_("version of the privacy notice"),
        help_text=_("Stored with every response as the version of the notice the respondent agreed to."),
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(heading=_("Responses")),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Questions")),
        MultiFieldPanel(
            [
                FieldPanel("self_assessment_intro"),
                FieldRowPanel([FieldPanel("scale_label_1"), FieldPanel("scale_label_2"), FieldPanel("scale_label_3")]),
                FieldRowPanel([FieldPanel("scale_label_4"), FieldPanel("scale_label_5")]),
            ],
            heading=_("Self-assessment"),
        ),
        MultiFieldPanel([PageChooserPanel("privacy_page"), FieldPanel("privacy_notice_version")], heading=_("Privacy")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Notification email"),
        ),
        PlainLanguagePanel(),
    ]
    promote_panels = promote_panels_for(AbstractEmailForm)

    class Meta:
        verbose_name = _("survey page")
        verbose_name_plural = _("survey pages")

    @property
    def scale_labels(self):
        """The five points of the self-assessment scale, 1 to 5."""
        return [self.scale_label_1, self.scale_label_2, self.scale_label_3, self.scale_label_4, self.scale_label_5]

    def get_cached_paths(self):
        # The public summary is stored too; the survey and private results never are.
        return ["/", "/results/"]

    def get_submission_class(self):
        return SurveySubmission

    def get_results_page(self):
        """The survey whose submissions hold every language's responses."""
        if self.alias_of_id:
            return self.alias_of.specific.get_results_page()
        source = self.get_translations(inclusive=True).filter(locale__language_code=settings.LANGUAGE_CODE).first()
        return source.specific if source else self

    @path("")
    def survey(self, request):
        from engage.survey_flow import SurveyWizard

        return SurveyWizard.as_view(page=self)(request)

    @path("results/")
    def public_summary(self, request):
        from engage import summary

        return summary.serve_public_summary(self, request)

    @path("results/<str:token>/")
    def private_results(self, request, token):
        from engage import survey_flow

        return survey_flow.serve_results(self, request, token)
