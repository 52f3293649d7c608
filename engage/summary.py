"""The survey's public summary (/engage/survey/results/): anonymous
aggregates of every language's responses, in the page's language.

Nothing here can single anyone out: no organization names, emails or free
text, groups under SMALLEST_REPORTED_GROUP folded together (and hidden if
still too small), averages only for commitments enough respondents
answered, and nothing at all until enough organizations have answered.
Holding no personal data and no form, it may be cached publicly for a few
minutes."""

from django.db.models import Count
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from engage import charts, self_assessment
from engage.models import SurveySubmission

PUBLIC_MAX_AGE = 300  # seconds


def _sector_names(slugs, locale_id, results_locale_id):
    """{slug: name} for these sectors, in the page's language where
    translated, else in the survey's original language. Slugs that are not
    a sector are left out, so nothing a respondent typed is ever shown."""
    from stories.models import Sector

    names = {}
    rows = Sector.objects.filter(slug__in=slugs, locale_id__in={locale_id, results_locale_id})
    for slug, name, row_locale in rows.values_list("slug", "name", "locale_id"):
        if row_locale == locale_id or slug not in names:
            names[slug] = name
    return names


def _language_name(code):
    try:
        return capfirst(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return None


def _group_rows(counts, label_for, smallest_group):
    """[(label, count)] of the groups big enough to show, largest first, then
    "Other (small groups)" if that is big enough itself. Groups with no
    public label (unknown values) count as small groups."""
    labelled = {}
    unlabelled = 0
    for value, count in counts.items():
        label = label_for(value)
        if label is None:
            unlabelled += count
        else:
            labelled[label] = labelled.get(label, 0) + count
    shown, hidden = self_assessment.suppress_small(labelled, smallest_group)
    # Unknown values are folded with the small groups whatever their size.
    hidden += unlabelled
    rows = sorted(shown.items(), key=lambda item: (-item[1], str(item[0])))
    if hidden >= smallest_group:
        rows.append((_("Other (small groups)"), hidden))
    return rows


def build_summary(page, smallest_group=self_assessment.SMALLEST_REPORTED_GROUP):
    """What the public summary shows, as a dict for the template."""
    results_page = page.get_results_page()
    responses = SurveySubmission.objects.filter(page=results_page)
    total = responses.count()
    summary = {"total": total, "enough": total >= smallest_group, "smallest_group": smallest_group}
    if not summary["enough"]:
        return summary

    by_sector = dict(responses.values_list("sector").annotate(count=Count("pk")).order_by())
    names = _sector_names([slug for slug in by_sector if slug], page.locale_id, results_page.locale_id)
    not_given = _("Not given")
    sector_rows = _group_rows(by_sector, lambda slug: names.get(slug) if slug else not_given, smallest_group)

    by_language = dict(responses.values_list("language_code").annotate(count=Count("pk")).order_by())
    language_rows = _group_rows(by_language, _language_name, smallest_group)

    question_list = self_assessment.questions(page.locale_id) or self_assessment.questions(results_page.locale_id)
    known = {question.slug for question in question_list}
    score_sets = [self_assessment.clean_scores(scores, known) for scores in responses.values_list("scores", flat=True)]
    commitment_rows = self_assessment.summarize(score_sets, question_list, smallest_group)

    summary.update(
        sector_rows=sector_rows,
        sector_chart=charts.bar_chart(
            [charts.Bar(label, count) for label, count in sector_rows],
            maximum=max((count for _label, count in sector_rows), default=0),
            title=_("Responses by sector"),
            value_format="{:.0f}",
        ),
        language_rows=language_rows,
        language_chart=charts.bar_chart(
            [charts.Bar(label, count) for label, count in language_rows],
            maximum=max((count for _label, count in language_rows), default=0),
            title=_("Responses by language"),
            value_format="{:.0f}",
        ),
        commitment_rows=commitment_rows,
        any_commitment_reported=any(row.reported for row in commitment_rows),
        commitment_chart=charts.bar_chart(
            [
                charts.Bar(f"{row.question.number}. {row.question.title}", row.average, spread=row.spread)
                for row in commitment_rows
            ],
            maximum=max(self_assessment.SCALE),
            title=_("Average self-assessment per commitment, from 1 to 5, and where most answers lie"),
            value_format="{:.1f}",
        ),
        # Each row with its average and spread in plain words, for the table.
        commitment_table=[
            (row, charts.spread_in_words(row.average, row.spread, max(self_assessment.SCALE)) if row.reported else "")
            for row in commitment_rows
        ],
        scale_labels=page.scale_labels,
    )
    return summary


def serve_public_summary(page, request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    with translation.override(page.locale.language_code):
        context = page.get_context(request)
        context.update(build_summary(page))
        subpage = page.reverse_subpage("public_summary")
        page_url = page.get_full_url(request)
        context["summary_url"] = page_url + subpage if page_url else ""
        context["summary_path"] = subpage
        response = render(request, "engage/survey_summary.html", context)
    if request.user.is_authenticated:
        # Logged-in editors get the Wagtail user bar: theirs alone.
        patch_cache_control(response, private=True, max_age=0)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    patch_vary_headers(response, ["Cookie"])
    return response
