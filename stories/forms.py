from django import forms
from django.utils.translation import gettext_lazy as _

from commitments.models import CommitmentPage
from stories.models import Sector, Stakeholder


class StoryFilterForm(forms.Form):
    """Filters for the story listing. Values are slugs, so links can be shared
    and combined; every facet narrows the result (AND)."""

    commitment = forms.ModelChoiceField(
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
        self.fields["commitment"].queryset = (
            CommitmentPage.objects.live().public().filter(locale_id=locale_id).defer_streamfields().order_by("number")
        )
        self.fields["sector"].queryset = Sector.objects.filter(locale_id=locale_id)
        self.fields["stakeholder"].queryset = Stakeholder.objects.filter(locale_id=locale_id)
        self.fields["commitment"].label_from_instance = lambda page: f"{page.number}. {page.title}"

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
