"""The engagement survey and its responses."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin

from home.models import ListingMixin, SameSlugInEveryLanguage, SocialMixin


class SurveyFormField(TranslatableMixin, AbstractFormField):
    """A question of the survey. Translatable, so labels, help text and
    choices are localized while the stored field keys stay the same."""

    page = ParentalKey("SurveyPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        unique_together = [("translation_key", "locale")]


class SurveySubmission(AbstractFormSubmission):
    """A survey response. Responses to every translation of the survey are
    stored against the original-language survey, with the language they were
    given in, so results compare across languages (the field keys are the same)."""

    language_code = models.CharField(max_length=12, default=settings.LANGUAGE_CODE, db_index=True)

    class Meta:
        verbose_name = _("survey response")
        # Form submissions are personal data: only the engagement team (and
        # superusers) may see them, whatever page rights they have.
        permissions = [("view_responses", _("Can view, chart and export survey and form responses"))]


class SurveyPage(SameSlugInEveryLanguage, SocialMixin, ListingMixin, AbstractEmailForm):
    template = "engage/survey_page.html"
    landing_page_template = "engage/survey_page_landing.html"
    parent_page_types = ["engage.EngagePage"]
    subpage_types = []

    intro = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])
    thank_you_text = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Notification email"),
        ),
    ]
    promote_panels = (
        AbstractEmailForm.promote_panels + SocialMixin.promote_panels_social + ListingMixin.promote_panels_listing
    )

    class Meta:
        verbose_name = _("survey page")

    def get_submission_class(self):
        return SurveySubmission

    def get_results_page(self):
        """The survey whose submissions hold every language's responses."""
        if self.alias_of_id:
            return self.alias_of.specific.get_results_page()
        source = self.get_translations(inclusive=True).filter(locale__language_code=settings.LANGUAGE_CODE).first()
        return source.specific if source else self

    def process_form_submission(self, form):
        submission = self.get_submission_class().objects.create(
            form_data=form.cleaned_data,
            page=self.get_results_page(),
            language_code=self.locale.language_code,
        )
        if self.to_address:
            self.send_mail(form)
        return submission

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        form = getattr(response, "context_data", {}).get("form")
        if request.method == "POST" and form is not None and form.errors:
            # The form is shown again with its answers and messages; 400 tells
            # clients (and tests) that nothing was stored.
            response.status_code = 400
        return response


# Stories from the public -----------------------------------------------------
