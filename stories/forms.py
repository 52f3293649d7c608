"""The story listing's filters: Django's ModelChoiceField keyed by slug, so
filter links are readable, shareable and the same in every language."""

from django import forms
from django.db.models import F, Value
from django.utils.translation import gettext_lazy as _

from commitments.models import CommitmentPage
from stories.models import Sector, Stakeholder


class StoryFilterForm(forms.Form):
    """Filters for the story listing. Values are slugs; every facet narrows
    the result (AND). A slug that names nothing is an invalid choice (the
    listing answers 400 with the message)."""

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
        # What a chosen commitment is used for: its translation key
        # (filter) and title ("Remove filter"), not its whole page.
        commitments = CommitmentPage.in_locale(locale_id)
        self.fields["commitment"].queryset = commitments.only("title", "slug", "translation_key")
        # Only published terms: a term is reviewed before visitors see it.
        self.fields["sector"].queryset = Sector.objects.filter(live=True, locale_id=locale_id)
        self.fields["stakeholder"].queryset = Stakeholder.objects.filter(live=True, locale_id=locale_id)
        self._set_choices_in_one_query()

    def _set_choices_in_one_query(self):
        """The three fields' choices from one query (a union) instead of
        one each; a chosen value is still looked up by its field."""
        rows = (
            self.fields["commitment"]
            .queryset.order_by()
            .annotate(facet=Value("commitment"), position=F("number"))
            .values_list("facet", "slug", "title", "position")
            .union(
                *(
                    self.fields[name]
                    .queryset.order_by()
                    .annotate(facet=Value(name), position=F("sort_order"))
                    .values_list("facet", "slug", "name", "position")
                    for name in ("sector", "stakeholder")
                ),
                all=True,
            )
        )
        choices = {name: [("", field.empty_label)] for name, field in self.fields.items()}
        for facet, slug, label, position in sorted(rows, key=lambda row: (row[0], row[3], row[2])):
            choices[facet].append((slug, f"{position}. {label}" if facet == "commitment" else label))
        for name, field in self.fields.items():
            field.choices = choices[name]

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
