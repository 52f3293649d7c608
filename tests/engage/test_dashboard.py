"""The engagement team's survey results (a Wagtail ReportView) and their
CSV and Excel exports: only for Engagement managers and superusers, numbers
that match the data, filters, safe exports, and a fixed number of queries
however many responses there are."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from engage import charts, dashboard
from engage.models import SurveySubmission
from home.roles import EDITORS, ENGAGEMENT_MANAGERS, MODERATORS, ensure_roles
from tests import factories

DASHBOARD = "/admin/engagement/"
RESULTS_ONLY = "/admin/engagement/results/"  # what Wagtail swaps in when the filters change
CSV = DASHBOARD + "?export=csv"
XLSX = DASHBOARD + "?export=xlsx"
UTC = datetime.UTC


@pytest.fixture
def survey(home_page, commitments):
    engage = factories.EngagePageFactory(parent=home_page)
    page = factories.SurveyPageFactory(parent=engage)
    factories.SurveyFormFieldFactory(page=page, label="What matters most to you?", field_type="multiline")
    factories.SurveyFormFieldFactory(page=page, label="Follow-up email", field_type="email", required=False)
    return page


@pytest.fixture
def sectors(db):
    return {
        "payers": factories.SectorFactory(name="Payers", slug="payers"),
        "primary-care": factories.SectorFactory(name="Primary care", slug="primary-care"),
    }


@pytest.fixture
def team(db, django_user_model, home_page):
    ensure_roles()

    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "editor": member("ana", EDITORS),
        "moderator": member("mo", MODERATORS),
        "manager": member("eve", ENGAGEMENT_MANAGERS),
    }


def respond(survey, when=datetime.datetime(2025, 3, 10, 15, tzinfo=UTC), **fields):
    values = {
        "page": survey,
        "form_data": {"what_matters_most_to_you": "Shorter waits", "follow_up_email": "follow@example.org"},
        "organization": "Riverside Health",
        "sector": "payers",
        "role": "clinician",
        "contact_email": "ana@riverside.example",
        "consent_version": "1.0",
        "language_code": "en",
        "scores": {"engaged": 3, "safe": 4},
    }
    values.update(fields)
    response = SurveySubmission.objects.create(**values)
    SurveySubmission.objects.filter(pk=response.pk).update(submit_time=when)
    return response


@pytest.fixture
def responses(survey, sectors):
    """Five responses: three payers (two in March, one in May; one in
    Spanish), two in primary care in May."""
    march, may = datetime.datetime(2025, 3, 10, 15, tzinfo=UTC), datetime.datetime(2025, 5, 20, 15, tzinfo=UTC)
    return [
        respond(survey, march, scores={"engaged": 1, "safe": 5}),
        respond(survey, march, scores={"engaged": 3, "safe": 5}, language_code="es"),
        respond(survey, may, scores={"engaged": 5}),
        respond(survey, may, sector="primary-care", scores={"engaged": 2, "effective": 4}),
        respond(survey, may, sector="primary-care", scores={"engaged": 4}),
    ]


def table(html, table_id):
    """{row heading: [cells]} of one of the dashboard's tables."""
    body = re.search(rf'<table[^>]*id="{table_id}".*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        heading = re.sub(r"\s+", " ", re.search(r"<th[^>]*>(.*?)</th>", row, re.S).group(1)).strip()
        rows[heading] = [cell.strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    return rows


def export(client, file_format, **filters):
    return client.get(DASHBOARD, {**filters, "export": file_format})


def read_xlsx(response):
    """The first sheet of an Excel download."""
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def read_csv(response):
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:])))


# Who may see it ----------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["editor", "moderator"])
@pytest.mark.parametrize("url", [DASHBOARD, RESULTS_ONLY, CSV, XLSX])
def test_editors_and_moderators_get_a_plain_403(client, team, responses, role, url):
    client.force_login(team[role])
    response = client.get(url)
    assert response.status_code == 403
    assert "Location" not in response
    assert b"Riverside" not in response.content


@pytest.mark.django_db
def test_the_refusal_and_a_bad_export_filter_speak_the_users_admin_language(client, team, responses):
    from wagtail.users.models import UserProfile

    for user in (team["editor"], team["manager"]):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "es"
        profile.save()
    client.force_login(team["editor"])
    assert "No tiene permiso para ver las respuestas" in client.get(DASHBOARD).content.decode()
    client.force_login(team["manager"])
    refused = export(client, "csv", date_from="not-a-date")
    assert refused.status_code == 400 and refused.content.decode().startswith("Los filtros no son válidos.")


@pytest.mark.django_db
@pytest.mark.parametrize("url", [DASHBOARD, RESULTS_ONLY, CSV, XLSX])
def test_anonymous_visitors_are_sent_to_the_login_page(client, responses, url):
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", [DASHBOARD, RESULTS_ONLY, CSV, XLSX])
def test_engagement_managers_and_superusers_get_in(client, admin_user, team, responses, url):
    for user in (team["manager"], admin_user):
        client.force_login(user)
        assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_exports_go_only_to_those_with_the_right_to_see_responses(
    client, team, responses, django_user_model, file_format
):
    from django.contrib.auth.models import Permission

    # Admin access alone is not enough, nor are page rights.
    for role in ("editor", "moderator"):
        client.force_login(team[role])
        refused = export(client, file_format)
        assert refused.status_code == 403 and "Content-Disposition" not in refused
        assert b"Riverside" not in refused.content
    # The right itself, however it is given: the group, or the user alone.
    analyst = django_user_model.objects.create_user("ali", "ali@example.org", "pw")
    analyst.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_responses")
    )
    for user in (team["manager"], analyst):
        client.force_login(user)
        response = export(client, file_format)
        assert response.status_code == 200
        disposition = response["Content-Disposition"]
        assert disposition.startswith("attachment;")
        assert "survey-responses-" in disposition and f".{file_format}" in disposition
    # Taking the right away closes the exports again.
    analyst.user_permissions.remove(Permission.objects.get(codename="view_responses"))
    client.force_login(django_user_model.objects.get(pk=analyst.pk))
    assert export(client, file_format).status_code == 403


@pytest.mark.django_db
def test_the_menu_item_is_shown_only_to_those_who_may_see_the_results(client, team):
    client.force_login(team["manager"])
    assert DASHBOARD in client.get("/admin/").content.decode()
    client.force_login(team["editor"])
    assert DASHBOARD not in client.get("/admin/").content.decode()


# The numbers ---------------------------------------------------------------------


@pytest.mark.django_db
def test_the_tables_hold_the_numbers_of_the_data(client, team, responses):
    client.force_login(team["manager"])
    response = client.get(DASHBOARD)
    html = response.content.decode()
    assert "5 responses" in html
    assert table(html, "table-months") == {"March 2025": ["2"], "April 2025": ["0"], "May 2025": ["3"]}
    assert table(html, "table-sectors") == {"Payers": ["3", "60%"], "Primary care": ["2", "40%"]}
    assert table(html, "table-languages") == {"English": ["4", "80%"], "Spanish": ["1", "20%"]}
    commitments = table(html, "table-commitments")
    # Engaged: 1, 3, 5, 2, 4 → mean 3, population standard deviation √2.
    assert commitments["1. Engaged"] == ["5", "3.00", "1.41"]
    assert commitments["2. Safe"] == ["2", "5.00", "0.00"]
    # Staff see a commitment answered once; the public summary would not.
    assert commitments["3. Effective"] == ["1", "4.00", "0.00"]
    # Each table comes with its chart.
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 4
    assert "Riverside" not in html and "ana@riverside.example" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "total", "expected"),
    [
        ({"sector": "primary-care"}, 2, {"Primary care": ["2", "100%"]}),
        ({"date_from": "2025-05-01"}, 3, {"Primary care": ["2", "67%"], "Payers": ["1", "33%"]}),
        ({"date_to": "2025-03-31"}, 2, {"Payers": ["2", "100%"]}),
        ({"date_from": "2025-03-10", "date_to": "2025-03-10", "sector": "payers"}, 2, {"Payers": ["2", "100%"]}),
    ],
)
def test_filters_narrow_the_numbers(client, team, responses, query, total, expected):
    client.force_login(team["manager"])
    html = client.get(DASHBOARD, query).content.decode()
    assert f"{total} responses" in html
    assert table(html, "table-sectors") == expected


@pytest.mark.django_db
def test_no_matching_responses_says_so(client, team, responses):
    client.force_login(team["manager"])
    html = client.get(DASHBOARD, {"date_from": "2030-01-01"}).content.decode()
    assert "0 responses" in html and "No responses match these filters." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "error"),
    [
        ({"date_from": "not-a-date"}, "Submitted: Enter a valid date."),
        ({"date_to": "2025-02-30"}, "Submitted: Enter a valid date."),
        ({"date_from": "2025-06-01", "date_to": "2025-05-01"}, "Submitted: The end date is before the start date."),
        ({"date_from": "0001-01-01"}, "Submitted: Enter a date between 1900 and 9998."),
        ({"date_to": "9999-12-31"}, "Submitted: Enter a date between 1900 and 9998."),
        ({"sector": "no-such-sector"}, "Sector: Select a valid choice."),
    ],
)
def test_bad_filters_get_a_400_with_the_error_shown(client, team, responses, query, error):
    client.force_login(team["manager"])
    response = client.get(DASHBOARD, query)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "Correct the filters to see the responses." in html
    assert error in html
    assert "table-sectors" not in html and "Riverside" not in html
    for file_format in ("csv", "xlsx"):
        refused = export(client, file_format, **query)
        assert refused.status_code == 400
        assert b"The filters are not valid." in refused.content and "Content-Disposition" not in refused


@pytest.mark.django_db
def test_a_survey_filter_appears_when_there_is_more_than_one_survey(client, team, responses, survey, home_page):
    client.force_login(team["manager"])
    assert 'name="survey"' not in client.get(DASHBOARD).content.decode()
    other = factories.SurveyPageFactory(parent=survey.get_parent(), title="Second survey", slug="second")
    respond(other, sector="primary-care")
    html = client.get(DASHBOARD).content.decode()
    assert 'name="survey"' in html and "6 responses" in html
    html = client.get(DASHBOARD, {"survey": other.pk}).content.decode()
    assert "1 response" in html and table(html, "table-sectors") == {"Primary care": ["1", "100%"]}


def add_many(survey, count):
    SurveySubmission.objects.bulk_create(
        SurveySubmission(
            page=survey,
            form_data={"what_matters_most_to_you": f"Answer {number}"},
            sector=["payers", "primary-care"][number % 2],
            language_code=["en", "es"][number % 3 == 0],
            scores={"engaged": number % 5 + 1, "safe": 3},
        )
        for number in range(count)
    )


@pytest.mark.django_db
def test_the_dashboard_runs_the_same_few_queries_for_20_or_200_responses(
    client, team, survey, sectors, django_assert_max_num_queries
):
    client.force_login(team["manager"])
    add_many(survey, 20)
    client.get(DASHBOARD)  # warm up per-process caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        assert client.get(DASHBOARD).status_code == 200
    add_many(survey, 180)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(DASHBOARD).content.decode()
    assert "200 responses" in html
    assert len(few.captured_queries) <= 30


# Exports ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_csv_export_has_the_columns_and_rows_and_no_token(client, team, responses):
    client.force_login(team["manager"])
    response = client.get(CSV)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and re.search(r"survey-responses-\d{4}-\d{2}-\d{2}\.csv", disposition)
    rows = read_csv(response)
    assert rows[0] == [
        "Submitted",
        "Language",
        "Organization",
        "Sector",
        "Role",
        "Contact email",
        "Consent version",
        "engaged",
        "safe",
        "effective",
        "What matters most to you?",
        "Follow-up email",
    ]
    assert len(rows) == 6
    first = rows[1]
    assert first[0] == "2025-03-10T11:00:00-04:00"  # 15:00 UTC in New York, ISO 8601
    assert first[1:] == [
        "en",
        "Riverside Health",
        "payers",
        "clinician",
        "ana@riverside.example",
        "1.0",
        "1",
        "5",
        "",
        "Shorter waits",
        "follow@example.org",
    ]
    content = "\n".join(",".join(row) for row in rows)
    for response_row in responses:
        assert response_row.results_token not in content


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_exports_run_the_same_few_queries_for_20_or_200_responses(
    client, team, survey, sectors, django_assert_max_num_queries, file_format
):
    client.force_login(team["manager"])

    def download():
        """The rows of the file, read inside the query count (a CSV is read from the database as it is sent)."""
        response = export(client, file_format)
        if file_format == "csv":
            return read_csv(response)
        return list(read_xlsx(response).iter_rows(values_only=True))

    add_many(survey, 20)
    download()  # warm up per-process caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        download()
    add_many(survey, 180)
    with django_assert_max_num_queries(len(few.captured_queries)):
        rows = download()
    assert len(rows) == 1 + 200
    assert len(few.captured_queries) <= 20


@pytest.mark.django_db
def test_the_exports_follow_the_filters(client, team, responses):
    client.force_login(team["manager"])
    rows = read_csv(export(client, "csv", sector="primary-care"))
    assert len(rows) == 3 and {row[3] for row in rows[1:]} == {"primary-care"}
    sheet = read_xlsx(export(client, "xlsx", date_to="2025-03-31"))
    assert sheet.max_row == 3


@pytest.mark.django_db
@pytest.mark.parametrize("attack", ['=HYPERLINK("http://evil.example")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_spreadsheet_formulas_are_neutralised(client, team, survey, sectors, attack):
    respond(survey, organization=attack, form_data={"what_matters_most_to_you": attack})
    client.force_login(team["manager"])
    row = read_csv(client.get(CSV))[1]
    assert row[2] == "'" + attack and row[10] == "'" + attack
    sheet = read_xlsx(client.get(XLSX))
    cells = [cell.value for cell in sheet[2]]
    # (XML reads a carriage return back as a line feed; the apostrophe is what matters.)
    assert cells[2].replace("\n", "\r") == "'" + attack.replace("\n", "\r")
    assert cells[10].replace("\n", "\r") == "'" + attack.replace("\n", "\r")
    assert sheet.cell(row=2, column=3).data_type == "s"


def test_neutralise_keeps_numbers_and_plain_text():
    assert dashboard.neutralise(4) == 4
    assert dashboard.neutralise("Riverside") == "Riverside"
    assert dashboard.neutralise(None) is None  # an empty cell
    assert dashboard.neutralise(dashboard.as_text(["a", "b"])) == "a, b"
    assert dashboard.neutralise(dashboard.as_text(["=a", "b"])) == "'=a, b"
    assert dashboard.neutralise("-5") == "'-5"


@pytest.mark.django_db
def test_the_xlsx_export_opens_and_has_the_same_rows_as_the_csv(client, team, responses):
    respond(survey=responses[0].page, organization="Control\x0bcharacter")
    client.force_login(team["manager"])
    response = client.get(XLSX)
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith("attachment;") and ".xlsx" in response["Content-Disposition"]
    sheet = read_xlsx(response)
    xlsx_rows = [["" if value is None else str(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    csv_rows = read_csv(client.get(CSV))
    assert len(xlsx_rows) == len(csv_rows) == 7
    for xlsx_row, csv_row in zip(xlsx_rows, csv_rows, strict=True):
        assert xlsx_row == [cell.replace("\x0b", "") for cell in csv_row]
    assert sheet.cell(row=2, column=8).value == 1  # scores stay numbers


# Charts ------------------------------------------------------------------------------


def test_charts_escape_labels_and_give_each_chart_its_own_pattern():
    bars = [charts.Bar("<script>alert(1)</script>", 3, highlight=True), charts.Bar("Small group", None)]
    first = charts.bar_chart(bars, maximum=5, title='Scores "so far"')
    second = charts.bar_chart(bars, maximum=5, title="Again")
    assert "<script>" not in first and "&lt;script&gt;" in first
    assert 'aria-label="Scores &quot;so far&quot;"' in first
    ids = re.findall(r'<pattern id="([^"]+)"', first + second)
    assert len(ids) == 2 and ids[0] != ids[1]
    assert f"url(#{ids[0]})" in first
    assert ">–</text>" in first  # a value not shown is marked, not drawn as zero
    assert charts.bar_chart([], maximum=5, title="Nothing") == ""


def test_a_spread_is_written_out_in_plain_words():
    svg = charts.bar_chart([charts.Bar("Safe", 3.0, spread=1.0)], maximum=5, title="t", value_format="{:.1f}")
    assert "±" not in svg
    note = " ".join(re.findall(r'class="chart__note">([^<]*)</text>', svg))
    assert note == "average 3.0 out of 5, most answers between 2 and 4"


def test_column_chart_splits_long_labels_and_handles_empty_months():
    svg = charts.column_chart([("Jan 2025", 0), ("Feb 2025", 4)], title="By month")
    assert ">Jan</tspan>" in svg and ">2025</tspan>" in svg
    assert charts.column_chart([], title="Nothing") == ""
