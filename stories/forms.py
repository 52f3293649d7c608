from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from commitments.models import CommitmentPage
from home import site_chrome
from stories.models import Sector, Stakeholder


class ChoiceBySlugField(forms.ChoiceField):
    """A choice among objects with a `slug`, given as a list (read from the
    site-wide cache rather than queried per request); cleans to the object.
    Renders and validates like a ModelChoiceField with to_field_name="slug"."""

    default_error_messages = {"invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]}

    def __init__(self, *, empty_label, **kwargs):
        super().__init__(**kwargs)
        self.empty_label = empty_label
        self.objects = {}

    def set_objects(self, objects, label=str):
        self.objects = {obj.slug: obj for obj in objects}
        self.choices = [("", self.empty_label), *((slug, label(obj)) for slug, obj in self.objects.items())]

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if value not in self.objects:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return self.objects[value]

    def validate(self, value):
        if value is None and self.required:
            raise ValidationError(self.error_messages["required"], code="required")


def _terms(model, locale_id):
    return site_chrome.cached(
        None, "terms", model._meta.label_lower, locale_id, build=lambda: list(model.objects.filter(locale_id=locale_id))
    )


class StoryFilterForm(forms.Form):
    """Filters for the story listing. Values are slugs, so links can be shared
    and combined; every facet narrows the result (AND)."""

    commitment = ChoiceBySlugField(required=False, label=_("Commitment"), empty_label=_("All commitments"))
    sector = ChoiceBySlugField(required=False, label=_("Sector"), empty_label=_("All sectors"))
    stakeholder = ChoiceBySlugField(required=False, label=_("Who it matters to"), empty_label=_("Everyone"))

    def __init__(self, *args, locale_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commitment"].set_objects(
            CommitmentPage.in_locale(locale_id), label=lambda page: f"{page.number}. {page.title}"
        )
        self.fields["sector"].set_objects(_terms(Sector, locale_id))
        self.fields["stakeholder"].set_objects(_terms(Stakeholder, locale_id))

    def filter(self, stories):
        data = self.cleaned_data
        if data.get("commitment"):
            stories = stories.with_commitment(data["commitment"].translation_key)
        if data.get("sector"):
            stories = stories.with_sector(data["sector"].translation_key)
        if data.get("stakeholder"):
            stories = stories.with_stakeholder(data["stakeholder"].translation_key)
        return stories

    def chosen_slugs(self):
        """The slug chosen for each facet ("" for none), in field order: what
        the filtered selection depends on."""
        data = self.cleaned_data if self.is_bound else {}
        return [data[name].slug if data.get(name) else "" for name in self.fields]

    def active_filters(self):
        """(field name, chosen object) for each facet in use, for 'remove' links."""
        return [(name, value) for name, value in self.cleaned_data.items() if value]
