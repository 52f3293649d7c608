"""The engagement team's view of the survey (/admin/engagement/): a Wagtail
ReportView of the responses, filtered by dates, sector and (with more than
one survey) survey in Wagtail's filter drawer. Above the list, counts and
self-assessment averages as SVG charts, each with its numbers in a table;
the raw answers as CSV or Excel from the same view and filters
(`?export=csv|xlsx`, Wagtail's SpreadsheetExportMixin).

Invariants:
- Only superusers and people with engage.view_responses (Engagement
  managers) see any of it, exports included; everyone else who can reach
  the admin gets a plain 403 (not Wagtail's redirect), and Wagtail sends
  visitors who are not signed in to the login page.
- Filters that are not valid are a 400 that says why, on the page and for
  the exports: never all responses instead.
- The page shows no organization names, emails or free text. Exports hold
  every answer (contact details too) but never the private results token,
  and no text cell starts like a formula: Wagtail's export turns formulas
  into text only in Excel files and only those starting with "=", so
  every text that starts with = + - @ or a tab or carriage return gets a
  leading apostrophe, in both formats.
- The number of queries does not grow with the number of responses.
- Staff see every group however small: the suppression of groups under
  ten is for the public summary."""

import datetime
from collections import OrderedDict

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import HttpResponse, HttpResponseForbidden
from django.utils import formats, timezone, translation
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from engage import charts, self_assessment
from engage.models import SurveyFormField, SurveyPage, SurveySubmission

VIEW_RESPONSES = "engage.view_responses"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def can_view_responses(user):
    """Superusers and active users with the right (Django's has_perm checks both)."""
    return user.has_perm(VIEW_RESPONSES)


# Which surveys, sectors and roles --------------------------------------------


def survey_pages():
    """The surveys responses are stored against: one per translation key, the
    default-language page where there is one (as SurveyPage.get_results_page),
    in tree order."""
    chosen = OrderedDict()
    pages = SurveyPage.objects.filter(alias_of__isnull=True).select_related("locale").order_by("path")
    for page in pages:
        current = chosen.get(page.translation_key)
        is_default = page.locale.language_code == settings.LANGUAGE_CODE
        if current is None or (is_default and current.locale.language_code != settings.LANGUAGE_CODE):
            chosen[page.translation_key] = page
    return list(chosen.values())


def term_names(model):
    """{slug: name} of a taxonomy's terms in the default language."""
    return dict(model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list("slug", "name"))


def language_name(code):
    try:
        return capfirst(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


# Filters ---------------------------------------------------------------------


class ResponseFilterForm(forms.Form):
    """Dates are inclusive, in the site's time zone, and make a period."""

    def clean(self):
        data = super().clean()
        period = data.get("date")
        if period:
            if period.start and period.stop and period.start > period.stop:
                self.add_error("date", _("The end date is before the start date."))
            elif any(day and not 1900 <= day.year <= 9998 for day in (period.start, period.stop)):
                self.add_error("date", _("Enter a date between 1900 and 9998."))
        return data


class ResponseFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(
        field_name="submit_time", label=_("Submitted"), widget=DateRangePickerWidget
    )
    sector = django_filters.ChoiceFilter(label=_("Sector"), empty_label=_("All sectors"))
    survey = django_filters.ChoiceFilter(field_name="page", label=_("Survey"), empty_label=_("All surveys"))

    class Meta:
        model = SurveySubmission
        fields = []
        form = ResponseFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from stories.models import Sector

        self.sector_names = term_names(Sector)
        self.filters["sector"].extra["choices"] = list(self.sector_names.items())
        self.surveys = survey_pages()
        if len(self.surveys) > 1:
            self.filters["survey"].extra["choices"] = [(page.pk, page.title) for page in self.surveys]
        else:
            del self.filters["survey"]

    @property
    def chosen_surveys(self):
        """The surveys the numbers are about: the chosen one, or all."""
        chosen = self.form.cleaned_data.get("survey") if self.is_valid() else None
        return [page for page in self.surveys if str(page.pk) == chosen] or self.surveys


# The numbers -----------------------------------------------------------------


def _months(first, last):
    """Every month from first to last (dates on the 1st), inclusive."""
    months, month = [], first
    while month <= last:
        months.append(month)
        month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return months


def responses_by_month(responses):
    rows = responses.annotate(month=TruncMonth("submit_time")).values("month").annotate(count=Count("pk"))
    counts = {}
    for row in rows.order_by("month"):
        month = row["month"]
        if isinstance(month, datetime.datetime):
            month = month.date()
        counts[month.replace(day=1)] = counts.get(month.replace(day=1), 0) + row["count"]
    if not counts:
        return []
    return [(month, counts.get(month, 0)) for month in _months(min(counts), max(counts))]


def counts_by(responses, field):
    """{value: count}, largest first."""
    rows = responses.values(field).annotate(count=Count("pk")).order_by("-count", field)
    return {row[field]: row["count"] for row in rows}


def share(count, total):
    return round(100 * count / total) if total else 0


def charts_and_tables(responses, total, sector_names):
    """What the dashboard shows above the list, for the template."""
    months = responses_by_month(responses)
    sector_rows = [
        (sector_names.get(slug, slug) if slug else _("Not given"), slug, count, share(count, total))
        for slug, count in counts_by(responses, "sector").items()
    ]
    language_rows = [
        (language_name(code), code, count, share(count, total))
        for code, count in counts_by(responses, "language_code").items()
    ]
    question_list = self_assessment.questions(Locale.get_default().pk)
    known = {question.slug for question in question_list}
    score_sets = [self_assessment.clean_scores(scores, known) for scores in responses.values_list("scores", flat=True)]
    commitment_rows = self_assessment.summarize(score_sets, question_list, smallest_group=1)
    return {
        "month_rows": [(formats.date_format(month, "YEAR_MONTH_FORMAT"), count) for month, count in months],
        "month_chart": charts.column_chart(
            [(formats.date_format(month, "M Y"), count) for month, count in months], title=_("Responses by month")
        ),
        "sector_rows": sector_rows,
        "sector_chart": charts.bar_chart(
            [charts.Bar(label, count) for label, _slug, count, _share in sector_rows],
            maximum=max((row[2] for row in sector_rows), default=0),
            title=_("Responses by sector"),
            value_format="{:.0f}",
        ),
        "language_rows": language_rows,
        "language_chart": charts.bar_chart(
            [charts.Bar(label, count) for label, _code, count, _share in language_rows],
            maximum=max((row[2] for row in language_rows), default=0),
            title=_("Responses by language"),
            value_format="{:.0f}",
        ),
        "commitment_rows": commitment_rows,
        "commitment_chart": charts.bar_chart(
            [
                charts.Bar(f"{row.question.number}. {row.question.title}", row.average, spread=row.spread)
                for row in commitment_rows
            ],
            maximum=max(self_assessment.SCALE),
            title=_("Average self-assessment per commitment (1 to 5, with spread)"),
            value_format="{:.2f}",
        ),
    }


# Spreadsheet cells -----------------------------------------------------------


def neutralise(value):
    """Text a spreadsheet will not run as a formula: a leading apostrophe
    when it starts like one. Anything else is left as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def answer(response, key):
    """One form-builder answer of a response, as one cell."""
    return as_text(response.form_data.get(key)) if isinstance(response.form_data, dict) else None


def as_text(value):
    """An answer as one cell: several choices joined, nothing for no answer."""
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return value


# The view --------------------------------------------------------------------


class ResponsesReport(ReportView):
    """/admin/engagement/ (and its results-only twin, which Wagtail's filters fetch)."""

    model = SurveySubmission
    page_title = _("Survey results")
    header_icon = "table"
    template_name = "engage/admin/dashboard.html"
    results_template_name = "engage/admin/dashboard_results.html"
    index_url_name = "engage_dashboard"
    index_results_url_name = "engage_dashboard_results"
    filterset_class = ResponseFilterSet
    default_ordering = "-submit_time"
    verbose_name = _("response")
    verbose_name_plural = _("responses")

    def dispatch(self, request, *args, **kwargs):
        if not can_view_responses(request.user):
            # Plain, where Wagtail's permission checks redirect to the admin's home page.
            return HttpResponseForbidden(str(_("You do not have permission to see survey responses.")))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.filters.is_valid():
            return super().get(request, *args, **kwargs)
        if self.is_export:
            errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in self.filters.errors.items())
            return HttpResponse(
                _("The filters are not valid. %(errors)s") % {"errors": errors},
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        self.object_list = self.model.objects.none()
        return self.render_to_response(self.get_context_data(), status=400)

    def get_ordering(self):
        # Exports list the responses oldest first, whatever the list's order.
        return ("submit_time", "pk") if self.is_export else super().get_ordering()

    @cached_property
    def role_names(self):
        from stories.models import Stakeholder

        return term_names(Stakeholder)

    @cached_property
    def columns(self):
        sectors, roles = self.filters.sector_names, self.role_names
        return [
            DateColumn("submit_time", label=_("Submitted"), sort_key="submit_time"),
            Column("language", label=_("Language"), accessor=lambda r: language_name(r.language_code)),
            Column("sector", label=_("Sector"), accessor=lambda r: sectors.get(r.sector, r.sector)),
            Column("role", label=_("Role"), accessor=lambda r: roles.get(r.role, r.role)),
            Column("consent_version", label=_("Privacy notice version")),
        ]

    @cached_property
    def no_results_message(self):
        if self.is_filtering:
            return _("No responses match these filters.")
        return _("There are no responses yet.")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["filters_valid"] = self.filters.is_valid()
        if context["filters_valid"] and not self.is_export:
            total = context["items_count"]
            context["total"] = total
            if total:
                context.update(charts_and_tables(self.object_list.order_by(), total, self.filters.sector_names))
        return context

    # Exports -------------------------------------------------------------------

    def get_filename(self):
        return f"survey-responses-{timezone.localdate().isoformat()}"

    @cached_property
    def export_columns(self):
        """{key: (heading, how to read a response)}: the fixed columns, one per
        commitment in number order, then one per form-builder question
        (labels from the English survey). The results token is a private
        link and is never exported."""
        columns = OrderedDict(
            [
                ("submitted", (_("Submitted"), lambda r: timezone.localtime(r.submit_time).isoformat("T", "seconds"))),
                ("language", (_("Language"), lambda r: r.language_code)),
                ("organization", (_("Organization"), lambda r: r.organization)),
                ("sector", (_("Sector"), lambda r: r.sector)),
                ("role", (_("Role"), lambda r: r.role)),
                ("contact_email", (_("Contact email"), lambda r: r.contact_email)),
                ("consent_version", (_("Consent version"), lambda r: r.consent_version)),
            ]
        )
        for question in self_assessment.questions(Locale.get_default().pk):
            columns[f"score:{question.slug}"] = (
                question.slug,
                lambda r, slug=question.slug: (r.scores or {}).get(slug),
            )
        surveys = [page.pk for page in self.filters.chosen_surveys]
        fields = SurveyFormField.objects.filter(page_id__in=surveys).order_by("page__path", "sort_order", "pk")
        for clean_name, label in fields.values_list("clean_name", "label"):
            columns.setdefault(f"answer:{clean_name}", (label, lambda r, key=clean_name: answer(r, key)))
        return columns

    @cached_property
    def list_export(self):
        return list(self.export_columns)

    @cached_property
    def export_headings(self):
        return {key: heading for key, (heading, _read) in self.export_columns.items()}

    def get_heading(self, queryset, field):
        return neutralise(super().get_heading(queryset, field))

    def to_row_dict(self, item):
        return OrderedDict((key, read(item)) for key, (_heading, read) in self.export_columns.items())

    def preprocess_field_value(self, field, value, export_format):
        value = neutralise(super().preprocess_field_value(field, value, export_format))
        if export_format == self.FORMAT_XLSX and isinstance(value, str):
            from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

            # Characters an Excel file cannot hold (control characters) are dropped.
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value

    def stream_csv(self, queryset):
        yield "\ufeff"  # the byte order mark tells Excel the file is UTF-8
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
