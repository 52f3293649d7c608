"""The engagement team's view of the survey: counts and self-assessment
averages as charts and tables, and the raw answers as CSV or Excel.

Only superusers and people with the engage.view_responses right (the
Engagement managers group) may see any of it; everyone else who can reach
the admin gets a plain 403. Staff see every group however small: the
suppression of groups under ten is for the public summary."""

import csv
import datetime
import io
import itertools
from collections import OrderedDict

from django import forms
from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import HttpResponse, HttpResponseForbidden, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from engage import charts, self_assessment
from engage.models import SurveyFormField, SurveyPage, SurveySubmission

VIEW_RESPONSES = "engage.view_responses"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_BATCH = 500


def can_view_responses(user):
    return bool(user and user.is_active and (user.is_superuser or user.has_perm(VIEW_RESPONSES)))


def responses_required(view):
    """A plain 403 for anyone without the right (Wagtail has already sent
    people who cannot use the admin at all to the login page)."""

    def wrapped(request, *args, **kwargs):
        if not can_view_responses(request.user):
            return HttpResponseForbidden("You do not have permission to see survey responses.")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


# Which surveys and sectors ---------------------------------------------------


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


def sector_names():
    """{slug: name} of the sectors in the default language."""
    from stories.models import Sector

    rows = Sector.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("sort_order", "name")
    return dict(rows.values_list("slug", "name"))


def language_name(code):
    try:
        return capfirst(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


# Filters ---------------------------------------------------------------------


class ResponseFilterForm(forms.Form):
    """Dates are inclusive, in the site's time zone."""

    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)

    def __init__(self, *args, sectors, surveys, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("All sectors")), *sectors.items()]
        self.surveys = {page.pk: page for page in surveys}
        if len(surveys) > 1:
            self.fields["survey"] = forms.TypedChoiceField(
                label=_("Survey"),
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("", _("All surveys")), *((page.pk, page.title) for page in surveys)],
            )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        for name in ("date_from", "date_to"):
            day = data.get(name)
            if day and not datetime.date(1900, 1, 1) <= day <= datetime.date(9998, 12, 31):
                self.add_error(name, _("Enter a date between 1900 and 9998."))
        return data

    @property
    def chosen_surveys(self):
        """The surveys the numbers are about: the chosen one, or all."""
        chosen = self.cleaned_data.get("survey") if self.is_bound and self.is_valid() else None
        return [self.surveys[chosen]] if chosen in self.surveys else list(self.surveys.values())

    def filter(self, responses):
        data = self.cleaned_data
        zone = timezone.get_current_timezone()
        if data.get("date_from"):
            start = datetime.datetime.combine(data["date_from"], datetime.time.min)
            responses = responses.filter(submit_time__gte=timezone.make_aware(start, zone))
        if data.get("date_to"):
            end = datetime.datetime.combine(data["date_to"] + datetime.timedelta(days=1), datetime.time.min)
            responses = responses.filter(submit_time__lt=timezone.make_aware(end, zone))
        if data.get("sector"):
            responses = responses.filter(sector=data["sector"])
        if data.get("survey"):
            responses = responses.filter(page_id=data["survey"])
        return responses


def filtered(request):
    """(form, responses or None when the filters are not valid)."""
    surveys = survey_pages()
    form = ResponseFilterForm(request.GET or None, sectors=sector_names(), surveys=surveys)
    responses = SurveySubmission.objects.all()
    if not form.is_bound:
        form.cleaned_data = {}
        return form, responses
    if not form.is_valid():
        return form, None
    return form, form.filter(responses)


# The dashboard ---------------------------------------------------------------


def _months(first, last):
    """Every month from first to last (dates on the 1st), inclusive."""
    months, month = [], first
    while month <= last:
        months.append(month)
        month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return months


def responses_by_month(responses):
    rows = (
        responses.annotate(month=TruncMonth("submit_time"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    counts = {}
    for row in rows:
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


@responses_required
def dashboard(request):
    form, responses = filtered(request)
    context = {
        "page_title": _("Survey results"),
        "header_title": _("Survey results"),
        "header_icon": "table",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": _("Survey results")},
        ],
        "form": form,
        "query": request.GET.urlencode(),
        "valid": responses is not None,
    }
    if responses is None:
        return TemplateResponse(request, "engage/admin/dashboard.html", context, status=400)

    total = responses.count()
    names = form.fields["sector"].choices
    sector_labels = {slug: name for slug, name in names if slug}

    months = responses_by_month(responses)
    month_rows = [(formats.date_format(month, "YEAR_MONTH_FORMAT"), count) for month, count in months]

    sector_rows = [
        (sector_labels.get(slug, slug) if slug else _("Not given"), slug, count, share(count, total))
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

    context.update(
        total=total,
        month_rows=month_rows,
        month_chart=charts.column_chart(
            [(formats.date_format(month, "M Y"), count) for month, count in months],
            title=_("Responses by month"),
        ),
        sector_rows=sector_rows,
        sector_chart=charts.bar_chart(
            [charts.Bar(label, count) for label, _slug, count, _share in sector_rows],
            maximum=max((row[2] for row in sector_rows), default=0),
            title=_("Responses by sector"),
            value_format="{:.0f}",
        ),
        language_rows=language_rows,
        language_chart=charts.bar_chart(
            [charts.Bar(label, count) for label, _code, count, _share in language_rows],
            maximum=max((row[2] for row in language_rows), default=0),
            title=_("Responses by language"),
            value_format="{:.0f}",
        ),
        commitment_rows=commitment_rows,
        commitment_chart=charts.bar_chart(
            [
                charts.Bar(f"{row.question.number}. {row.question.title}", row.average, spread=row.spread)
                for row in commitment_rows
            ],
            maximum=max(self_assessment.SCALE),
            title=_("Average self-assessment per commitment (1 to 5, with spread)"),
            value_format="{:.2f}",
        ),
    )
    return TemplateResponse(request, "engage/admin/dashboard.html", context)


# Exports ---------------------------------------------------------------------


def neutralise(value):
    """A cell as text a spreadsheet will not run: text that starts like a
    formula gets a leading apostrophe. Numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        value = ", ".join(str(item) for item in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export_columns(form):
    """[(header, how to read a response)]: the fixed columns, one per
    commitment in number order, then one per form-builder question (labels
    from the English survey). The results token is a private link and is
    never exported."""
    fixed = [
        (_("Submitted"), lambda r: timezone.localtime(r.submit_time).isoformat(timespec="seconds")),
        (_("Language"), lambda r: r.language_code),
        (_("Organization"), lambda r: r.organization),
        (_("Sector"), lambda r: r.sector),
        (_("Role"), lambda r: r.role),
        (_("Contact email"), lambda r: r.contact_email),
        (_("Consent version"), lambda r: r.consent_version),
    ]
    question_list = self_assessment.questions(Locale.get_default().pk)
    commitments = [
        (question.slug, lambda r, slug=question.slug: (r.scores or {}).get(slug)) for question in question_list
    ]
    pages = [page.pk for page in form.chosen_surveys]
    labels = OrderedDict()
    fields = SurveyFormField.objects.filter(page_id__in=pages).order_by("page__path", "sort_order", "pk")
    for clean_name, label in fields.values_list("clean_name", "label"):
        labels.setdefault(clean_name, label)
    questions = [
        (label, lambda r, key=key: (r.form_data or {}).get(key) if isinstance(r.form_data, dict) else None)
        for key, label in labels.items()
    ]
    return fixed + commitments + questions


def export_header(columns):
    """Built in the view, while the user's admin language is active."""
    return [neutralise(str(header)) for header, _read in columns]


def export_rows(columns, responses):
    """One row per response, oldest first, read in batches."""
    responses = responses.order_by("submit_time", "pk").only(
        "submit_time",
        "language_code",
        "organization",
        "sector",
        "role",
        "contact_email",
        "consent_version",
        "scores",
        "form_data",
    )
    for response in responses.iterator(chunk_size=EXPORT_BATCH):
        yield [neutralise(read(response)) for _header, read in columns]


def export_filename(extension):
    return f"survey-responses-{timezone.localdate().isoformat()}.{extension}"


def _bad_filters(form):
    errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in form.errors.items())
    return HttpResponse(f"The filters are not valid. {errors}", status=400, content_type="text/plain; charset=utf-8")


class _Echo:
    """csv.writer writes into this, and the row comes straight back."""

    def write(self, value):
        return value


@responses_required
def export_csv(request):
    form, responses = filtered(request)
    if responses is None:
        return _bad_filters(form)
    writer = csv.writer(_Echo())
    columns = export_columns(form)
    header = export_header(columns)

    def stream():
        # The byte order mark tells Excel the file is UTF-8.
        yield "\ufeff" + writer.writerow(header)
        for row in export_rows(columns, responses):
            yield writer.writerow(row)

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export_filename("csv")}"'
    response["Cache-Control"] = "private, no-store"
    return response


@responses_required
def export_xlsx(request):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    form, responses = filtered(request)
    if responses is None:
        return _bad_filters(form)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Responses")
    columns = export_columns(form)
    for row in itertools.chain([export_header(columns)], export_rows(columns, responses)):
        # Characters Excel files cannot hold (control characters) are dropped.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) if isinstance(cell, str) else cell for cell in row])
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(
        output.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{export_filename("xlsx")}"'
    response["Cache-Control"] = "private, no-store"
    return response
