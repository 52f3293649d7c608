"""The story listing's filters: Django's ModelChoiceField keyed by slug, so
filter links are readable, shareable and the same in every language."""

from django import forms
from django.utils.translation import gettext_lazy as _

from commitments.models import CommitmentPage
from stories.models import Sector, Stakeholder


class CommitmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number}. {obj.title}"


class StoryFilterForm(forms.Form):
    """Filters for the story listing. Values are slugs; every facet narrows
    the result (AND). A slug that names nothing is an invalid choice (the
    listing answers 400 with the message)."""

    commitment = CommitmentChoiceField(
        queryset=CommitmentPage.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Commitment"),
        empty_label=_("All commitments"),
    )
    sector = forms.ModelChoiceField(
        queryset=Sector.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Sector"),
        empty_label=_("All sectors"),
    )
    stakeholder = forms.ModelChoiceField(
        queryset=Stakeholder.objects.none(),
        to_field_name="slug",
        required=False,
        label=_("Who it matters to"),
        empty_label=_("Everyone"),
    )

    def __init__(self, *args, locale_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commitment"].queryset = CommitmentPage.in_locale(locale_id).only("pk", "slug", "number", "title")
        self.fields["sector"].queryset = Sector.objects.filter(locale_id=locale_id)
        self.fields["stakeholder"].queryset = Stakeholder.objects.filter(locale_id=locale_id)

    def filter(self, stories):
        data = self.cleaned_data
        if data.get("commitment"):
            stories = stories.with_commitment(data["commitment"].translation_key)
        if data.get("sector"):
            stories = stories.with_sector(data["sector"].translation_key)
        if data.get("stakeholder"):
            stories = stories.with_stakeholder(data["stakeholder"].translation_key)
        return stories

    def active_filters(self):
        """(field name, chosen object) for each facet in use, for 'remove' links."""
        return [(name, value) for name, value in self.cleaned_data.items() if value]
