"""The translation loop, as the Translator and the Moderator walk it: start
a translation (visitors keep the alias and its notice), translate, submit
for review, get changes requested with a comment, resubmit, get approved
and published; an English change marks the translation out of date (on the
dashboard and to Spanish visitors); the dashboard stays cheap as pages grow."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, Translation

from home.roles import MODERATORS, TRANSLATORS, ensure_roles
from tests import factories

SPANISH_SUMMARY = "Atención que evita daños."


@pytest.fixture
def site(home_page, spanish, commitments, django_user_model):
    """English site with a Spanish home; the commitments are Spanish aliases.
    The team's groups and workflows, and a translator and a moderator."""
    es_home = factories.publish_translation(home_page, spanish, title="Compromisos Compartidos")
    index = commitments[0].get_parent()
    index.copy_for_translation(spanish, alias=True)
    safe = commitments[1]
    es_safe = safe.copy_for_translation(spanish, alias=True)
    ensure_roles()

    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw", first_name=username)
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "es_home": es_home,
        "safe": safe,
        "es_safe": es_safe,
        "translator": member("translator", TRANSLATORS),
        "moderator": member("moderator", MODERATORS),
    }


def start(client, page, locale):
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]})
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def translate(client, record, **values):
    """Type a translation for each string, by its field name, in the editor."""
    segments = StringSegment.objects.filter(source=record.source).select_related("context")
    for segment in segments:
        value = values.get(segment.context.path, f"ES {segment.string.data}")
        response = client.put(
            f"/admin/localize/translate/{record.pk}/strings/{segment.pk}/edit/",
            encode_multipart(BOUNDARY, {"value": value}),
            content_type=MULTIPART_CONTENT,
        )
        assert response.status_code in (200, 201), response.content


def editor(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def submit(client, page):
    return client.post(f"/admin/pages/{page.pk}/edit/", {"action": "submit-for-review"})


def decide(client, page, action, comment=""):
    state = Page.objects.get(pk=page.pk).specific.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/",
        {"comment": comment, "next": f"/admin/pages/{page.pk}/edit/"},
    )


def public(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_starting_a_translation_keeps_the_alias_public_with_its_notice(client, site, spanish):
    client.force_login(site["translator"])
    start(client, site["safe"], spanish)
    es_safe = Page.objects.get(pk=site["es_safe"].pk)
    assert es_safe.alias_of_id == site["safe"].pk and es_safe.live
    html = public(client, "/es/commitments/safe/")
    assert "notice--untranslated" in html and 'lang="en"' in html
    # The editor opens on the alias, with review (not publishing, not "convert to alias") as its action.
    page = editor(client, es_safe)
    assert 'value="submit-for-review"' in page
    assert "without review" not in page
    assert "strings are new or changed" in page


@pytest.mark.django_db
def test_a_translation_is_reviewed_rejected_with_a_comment_resubmitted_approved_and_published(client, site, spanish):
    es_safe = site["es_safe"]
    client.force_login(site["translator"])
    record = start(client, site["safe"], spanish)
    translate(client, record, title="Seguro", summary="Atención que evita dano.")
    mail.outbox.clear()
    assert submit(client, es_safe).status_code == 302

    es_safe = Page.objects.get(pk=es_safe.pk).specific
    assert es_safe.workflow_in_progress
    assert es_safe.current_workflow_task.name == "Translation approval"
    # Moderators are told; visitors still see the alias and its notice.
    assert any("moderator@example.org" in message.to for message in mail.outbox)
    assert es_safe.alias_of_id and "notice--untranslated" in public(client, "/es/commitments/safe/")
    assert "this translation is awaiting review" in editor(client, es_safe)

    client.force_login(site["moderator"])
    review = editor(client, es_safe)
    assert "Request changes" in review and "without review" in review
    # The decisions (panel) and the publish form (footer) each carry the form's security check.
    decision = review.split('class="translation-review__decision"', 1)[1].split("</form>", 1)[0]
    footer = review.split("translation-review-footer", 2)[2].split("</form>", 1)[0]
    assert 'name="csrfmiddlewaretoken"' in decision and 'name="csrfmiddlewaretoken"' in footer
    decide(client, es_safe, "reject", "“daño”, con eñe y tilde.")

    client.force_login(site["translator"])
    page = editor(client, es_safe)
    assert "Changes requested by moderator" in page and "“daño”, con eñe y tilde." in page
    assert "Resubmit for review" in page
    translate(client, record, title="Seguro", summary=SPANISH_SUMMARY)
    submit(client, es_safe)
    es_safe = Page.objects.get(pk=es_safe.pk).specific
    assert es_safe.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(site["moderator"])
    decide(client, es_safe, "approve", "Bien.")
    es_safe = Page.objects.get(pk=es_safe.pk).specific
    assert es_safe.alias_of_id is None and es_safe.live
    assert es_safe.title == "Seguro" and es_safe.summary == SPANISH_SUMMARY
    client.logout()
    html = public(client, "/es/commitments/safe/")
    assert SPANISH_SUMMARY in html and "notice--untranslated" not in html
    # The English page is untouched.
    assert "Atención" not in public(client, "/commitments/safe/")


@pytest.mark.django_db
def test_only_a_moderator_publishes_a_translation_without_review(client, site, spanish):
    es_safe = site["es_safe"]
    client.force_login(site["translator"])
    record = start(client, site["safe"], spanish)
    translate(client, record, title="Seguro", summary=SPANISH_SUMMARY)
    forged = client.post(f"/admin/pages/{es_safe.pk}/edit/", {"action": "publish"})
    assert forged.status_code in (302, 403) and forged.get("Location", "/admin/") == "/admin/"
    assert Page.objects.get(pk=es_safe.pk).alias_of_id

    client.force_login(site["moderator"])
    client.post(f"/admin/pages/{es_safe.pk}/edit/", {"action": "publish"})
    es_safe = Page.objects.get(pk=es_safe.pk).specific
    assert es_safe.alias_of_id is None and es_safe.summary == SPANISH_SUMMARY


def test_a_moderator_publishing_without_review_ends_the_review_once_live(
    client, site, spanish, django_capture_on_commit_callbacks
):
    client.force_login(site["translator"])
    record = start(client, site["safe"], spanish)
    translate(client, record, title="Seguro", summary=SPANISH_SUMMARY)
    submit(client, site["es_safe"])
    assert WorkflowState.objects.filter(object_id=str(site["es_safe"].pk), status="in_progress").exists()

    client.force_login(site["moderator"])
    # wagtail-localize publishes when the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{site['es_safe'].pk}/edit/", {"action": "publish"})
    es_safe = Page.objects.get(pk=site["es_safe"].pk).specific
    assert es_safe.summary == SPANISH_SUMMARY and es_safe.live_revision.content["summary"] == SPANISH_SUMMARY
    assert not WorkflowState.objects.filter(object_id=str(site["es_safe"].pk), status="in_progress").exists()


@pytest.fixture
def published_translation(client, site, spanish):
    """The Spanish "Safe", translated, approved and published."""
    client.force_login(site["translator"])
    record = start(client, site["safe"], spanish)
    translate(client, record, title="Seguro", summary=SPANISH_SUMMARY)
    submit(client, site["es_safe"])
    client.force_login(site["moderator"])
    decide(client, site["es_safe"], "approve")
    client.logout()
    return record


def dashboard_row(html, title):
    rows = [row for row in html.split("<tr ") if f">{title}</a>" in row and 'data-locale="es"' in row]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.django_db
def test_publishing_the_english_marks_the_translation_out_of_date(client, site, published_translation):
    client.force_login(site["translator"])
    assert 'data-status="current"' in dashboard_row(client.get("/admin/translations/").content.decode(), "Safe")
    html = public(client, "/es/commitments/safe/")
    assert "notice--outdated" not in html
    # A newer English home page says nothing about this page.
    factories.publish(site["safe"].get_parent().get_parent().specific)
    assert "notice--outdated" not in public(client, "/es/commitments/safe/")

    # An editor's change goes live in English: no one syncs by hand.
    factories.publish(site["safe"], summary="Proven steps keep you from harm.")

    dashboard = client.get("/admin/translations/?status=out_of_date&locale=es").content.decode()
    row = dashboard_row(dashboard, "Safe")
    assert "Out of date" in row and "since" in row
    # The translator sees the changed string in the editor.
    page = editor(client, site["es_safe"])
    assert "Proven steps keep you from harm." in page and "1 string is new or changed" in page
    # Spanish visitors keep the reviewed Spanish, told in Spanish that the English is newer, with a link.
    html = public(client, "/es/commitments/safe/")
    assert SPANISH_SUMMARY in html
    assert "notice--outdated" in html and 'href="/commitments/safe/"' in html
    assert "Hay una versión más reciente de esta página en inglés." in html


@pytest.mark.django_db
def test_the_dashboard_shows_every_page_and_snippet_by_status_with_counts(client, site, spanish):
    factories.SectorFactory(name="Hospitals")
    client.force_login(site["translator"])
    start(client, site["safe"], spanish)
    html = client.get("/admin/translations/").content.decode()
    assert 'data-status="in_progress"' in dashboard_row(html, "Safe")
    assert "0% of strings" in dashboard_row(html, "Safe")
    assert 'data-status="not_started"' in dashboard_row(html, "Engaged")
    assert 'data-status="current"' in dashboard_row(html, "Shared Commitments")
    assert 'data-status="not_started"' in dashboard_row(html, "Hospitals")
    assert f'href="/admin/pages/{site["es_safe"].pk}/edit/"' in dashboard_row(html, "Safe")
    only_snippets = client.get("/admin/translations/?section=snippets").content.decode()
    assert "Hospitals" in only_snippets and ">Safe</a>" not in only_snippets
    assert client.get("/admin/translations/?status=nonsense").status_code == 400


@pytest.mark.django_db
def test_the_dashboard_marks_pages_and_snippets_waiting_for_review(client, site, spanish):
    sector = factories.SectorFactory(name="Hospitals", slug="hospitals")
    sector.save_revision().publish()
    client.force_login(site["translator"])
    client.post(f"/admin/localize/submit/snippet/stories/sector/{sector.pk}/", {"locales": [spanish.pk]})
    record = start(client, site["safe"], spanish)
    translate(client, record, title="Seguro", summary=SPANISH_SUMMARY)
    html = client.get("/admin/translations/").content.decode()
    assert "in review" not in dashboard_row(html, "Safe") and "in review" not in dashboard_row(html, "Hospitals")

    assert submit(client, site["es_safe"]).status_code == 302
    copy = type(sector).objects.get(translation_key=sector.translation_key, locale=spanish)
    copy.save_revision(user=site["translator"])
    copy.get_workflow().start(copy, site["translator"])
    html = client.get("/admin/translations/").content.decode()
    assert "in review" in dashboard_row(html, "Safe")
    assert "in review" in dashboard_row(html, "Hospitals")
    assert "in review" not in dashboard_row(html, "Engaged")


@pytest.mark.django_db
def test_the_dashboard_is_for_translators_and_moderators(client, site, django_user_model):
    client.force_login(site["moderator"])
    assert client.get("/admin/translations/").status_code == 200
    editor_user = django_user_model.objects.create_user("ed", "ed@example.org", "pw")
    editor_user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor_user)
    assert client.get("/admin/translations/").status_code in (302, 403)


def _dashboard_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/translations/")
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_dashboard_query_count_is_flat_from_10_to_200_pages(
    client, site, spanish, story_index, django_assert_max_num_queries
):
    client.force_login(site["translator"])
    start(client, site["safe"], spanish)
    client.force_login(site["moderator"])  # the Moderator's rights take a query more than the Translator's
    stories = [factories.StoryPageFactory(parent=story_index) for _n in range(10)]
    stories[0].copy_for_translation(spanish, alias=True, copy_parents=True)
    _dashboard_queries(client)  # content types and the like, cached from here on
    with django_assert_max_num_queries(30):
        at_10 = _dashboard_queries(client)
    for _n in range(190):
        factories.StoryPageFactory(parent=story_index)
    with django_assert_max_num_queries(30):
        at_200 = _dashboard_queries(client)
    assert at_200 == at_10


@pytest.mark.django_db
def test_starting_a_snippet_translation_makes_a_draft_not_a_public_copy(client, site, spanish):
    sector = factories.SectorFactory(name="Hospitals", slug="hospitals")
    sector.save_revision().publish()
    client.force_login(site["translator"])
    response = client.post(f"/admin/localize/submit/snippet/stories/sector/{sector.pk}/", {"locales": [spanish.pk]})
    assert response.status_code == 302
    copy = type(sector).objects.get(translation_key=sector.translation_key, locale=spanish)
    assert not copy.live
    # Its translation is put to review from the editor, like a page's.
    edit = client.get(f"/admin/snippets/stories/sector/edit/{copy.pk}/")
    assert edit.status_code == 200 and 'value="submit-for-review"' in edit.content.decode()


@pytest.mark.django_db
def test_an_approved_translation_replaces_the_cached_alias_at_once(client, site, spanish, page_cache_on):
    visitor = Client()  # no cookies, so served from the page cache
    for _view in range(2):  # the first view may make renditions, which purge the page
        assert "notice--untranslated" in public(visitor, "/es/commitments/safe/")
    assert visitor.get("/es/commitments/safe/")["X-Page-Cache"] == "hit"
    client.force_login(site["translator"])
    record = start(client, site["safe"], spanish)
    translate(client, record, title="Seguro", summary=SPANISH_SUMMARY)
    submit(client, site["es_safe"])
    client.force_login(site["moderator"])
    decide(client, site["es_safe"], "approve")
    html = public(visitor, "/es/commitments/safe/")
    assert SPANISH_SUMMARY in html and "notice--untranslated" not in html


@pytest.mark.django_db
def test_publishing_an_english_snippet_marks_its_translation_out_of_date(
    client, site, spanish, django_capture_on_commit_callbacks
):
    sector = factories.SectorFactory(name="Hospitals", slug="hospitals")
    sector.save_revision().publish()
    client.force_login(site["translator"])
    client.post(f"/admin/localize/submit/snippet/stories/sector/{sector.pk}/", {"locales": [spanish.pk]})
    record = Translation.objects.get(source__object_id=sector.translation_key, target_locale=spanish)
    translate(client, record, name="Hospitales")
    copy = type(sector).objects.get(translation_key=sector.translation_key, locale=spanish)
    client.force_login(site["moderator"])
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        client.post(f"/admin/snippets/stories/sector/edit/{copy.pk}/", {"action": "publish"})
    copy.refresh_from_db()
    assert copy.live and copy.name == "Hospitales"
    assert 'data-status="current"' in dashboard_row(client.get("/admin/translations/").content.decode(), "Hospitals")

    sector.name = "Hospitals and clinics"
    sector.save_revision().publish()
    row = dashboard_row(client.get("/admin/translations/").content.decode(), "Hospitals and clinics")
    assert 'data-status="out_of_date"' in row
