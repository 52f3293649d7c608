"""English at unprefixed URLs, Spanish under /es/: language, switcher,
hreflang, untranslated notice, and the translator's tools."""

import re

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.utils import translation
from wagtail_localize.models import StringTranslation, Translation

from engage import survey_flow
from engage.models import SurveySubmission
from home.roles import TRANSLATORS, ensure_translators_group
from tests import factories


@pytest.fixture
def bilingual(home_page, spanish, commitments):
    """English site; Spanish home and one commitment translated; about only an alias."""
    es_home = factories.publish_translation(home_page, spanish, title="Compromisos Compartidos")
    safe = commitments[1]
    es_safe = factories.publish_translation(safe, spanish, title="Seguro", summary="Atención que evita daños.")
    about = factories.StandardPageFactory(parent=home_page, title="About", slug="about", show_in_menus=True)
    es_about = about.copy_for_translation(spanish, alias=True)
    return {
        "home": home_page,
        "es_home": es_home,
        "safe": safe,
        "es_safe": es_safe,
        "about": about,
        "es_about": es_about,
    }


def links_in(html, rel="alternate"):
    return sorted(re.findall(rf'<link rel="{rel}" hreflang="([^"]+)" href="([^"]+)"', html))


@pytest.mark.django_db
def test_spanish_page_is_in_spanish_with_the_right_lang(client, bilingual):
    html = client.get("/es/commitments/safe/").content.decode()
    assert '<html lang="es"' in html
    assert "Seguro" in html and "Atención que evita daños." in html
    assert "Ir al contenido principal" in html  # interface string from the catalogue
    english = client.get("/commitments/safe/").content.decode()
    assert '<html lang="en"' in english and "Skip to main content" in english


@pytest.mark.django_db
def test_hreflang_lists_exactly_the_live_translations(client, bilingual):
    html = client.get("/commitments/safe/").content.decode()
    assert links_in(html) == [
        ("en", "http://localhost/commitments/safe/"),
        ("es", "http://localhost/es/commitments/safe/"),
        ("x-default", "http://localhost/commitments/safe/"),
    ]
    bilingual["es_safe"].unpublish()
    assert links_in(client.get("/commitments/safe/").content.decode()) == []


@pytest.mark.django_db
def test_switcher_links_to_the_translation_or_the_other_home(client, bilingual):
    html = client.get("/commitments/safe/").content.decode()
    assert 'href="/es/commitments/safe/" hreflang="es"' in html
    # About has no Spanish translation (only an alias): the switcher goes to the Spanish home.
    html = client.get("/about/").content.decode()
    assert 'href="/es/" hreflang="es"' in html
    assert 'hreflang="es"' not in "".join(re.findall(r"<link[^>]+>", html))


@pytest.mark.django_db
def test_an_alias_says_in_spanish_that_it_is_not_translated(client, bilingual):
    html = client.get("/es/about/").content.decode()
    assert "Esta página aún no" in html or "todavía no" in html
    assert '<main id="main-content" tabindex="-1" lang="en">' in html
    # Its English title in the Spanish menu and breadcrumbs is marked as English.
    assert 'href="/es/about/" aria-current="page" lang="en">About<' in html
    assert html.count('lang="en">About<') == 2
    translated = client.get("/es/commitments/safe/").content.decode()
    assert "notice--untranslated" not in translated


@pytest.mark.django_db
def test_story_listing_shows_the_current_language_only(client, bilingual, story_index, spanish):
    english = factories.StoryPageFactory(parent=story_index, title="English story")
    factories.link_story(english, commitments=[bilingual["safe"]])
    spanish_story = factories.publish_translation(english, spanish, title="Historia en español")
    factories.StoryPageFactory(parent=story_index, title="Untranslated story")
    es_titles = [story.title for story in client.get("/es/stories/?commitment=safe").context["stories"]]
    assert es_titles == [spanish_story.title]
    en_titles = [story.title for story in client.get("/stories/").context["stories"]]
    assert "Historia en español" not in en_titles


@pytest.mark.django_db
def test_spanish_survey_responses_land_with_the_english_ones(client, home_page, spanish):
    engage = factories.EngagePageFactory(parent=home_page)
    survey = factories.SurveyPageFactory(parent=engage)
    factories.SurveyFormFieldFactory(page=survey, label="Organization name")
    es_survey = factories.publish_translation(survey, spanish, title="Encuesta")
    es_field = es_survey.form_fields.get()
    es_field.label = "Nombre de la organización"
    es_field.save()
    factories.SectorFactory(slug="payers")
    factories.StakeholderFactory(slug="clinicians")

    def answer(page, organization):
        # The survey's steps: about you, the editors' question, consent.
        step = survey_flow.step_field(page)
        about = {"organization": organization, "sector": "payers", "role": "clinicians"}
        for name, data in [(survey_flow.ABOUT, about), (survey_flow.VIEWS, {"organization_name": organization})]:
            assert client.post(page.url, {**data, step: name}).status_code == 303
        sent = client.post(page.url, {"consent": "on", step: survey_flow.CONSENT})
        assert sent.status_code == 303 and sent["Location"].startswith(page.url + "results/")

    assert es_survey.url == "/es/engage/survey/"
    answer(survey, "Riverside")
    answer(es_survey, "Clínica del Norte")
    responses = SurveySubmission.objects.filter(page=survey).order_by("pk")
    assert [(r.language_code, r.get_data()["organization_name"], r.organization) for r in responses] == [
        ("en", "Riverside", "Riverside"),
        ("es", "Clínica del Norte", "Clínica del Norte"),
    ]


@pytest.mark.django_db
def test_the_interface_catalogue_has_no_untranslated_entries():
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert len(catalogue) > 200
    with translation.override("es"):
        assert translation.gettext("Show stories") != "Show stories"


# The translator's workflow in the admin --------------------------------------


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    return client


def start_translation(admin_client, page, locale):
    response = admin_client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [locale.pk]})
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


@pytest.mark.django_db
def test_a_page_translated_with_the_machine_translator_appears_under_es(
    admin_client, home_page, spanish, commitments, django_capture_on_commit_callbacks
):
    factories.publish_translation(home_page, spanish, title="Inicio")
    safe = commitments[1]
    translation_record = start_translation(admin_client, safe.get_parent(), spanish)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation_record.save_target(publish=True)
    translation_record = start_translation(admin_client, safe, spanish)
    response = admin_client.post(f"/admin/localize/translate/{translation_record.pk}/machine_translate/")
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation_record.save_target(publish=True)
    response = admin_client.get("/es/commitments/safe/")
    assert response.status_code == 200
    # The dummy translator reverses the words of each segment.
    translated = response.context["page"]
    assert translated.locale == spanish
    assert translated.summary == "first. goals own people's puts that Care"
    assert "first. goals own people&#x27;s puts that Care" in response.content.decode()


@pytest.mark.django_db
def test_po_file_round_trip(admin_client, home_page, spanish, commitments, django_capture_on_commit_callbacks):
    factories.publish_translation(home_page, spanish, title="Inicio")
    index_translation = start_translation(admin_client, commitments[0].get_parent(), spanish)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        index_translation.save_target(publish=True)
    record = start_translation(admin_client, commitments[0], spanish)
    download = admin_client.get(f"/admin/localize/translate/{record.pk}/pofile/download/")
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    entry = next(entry for entry in po if entry.msgid == "Engaged")
    entry.msgstr = "Participativo"
    for other in po:
        other.msgstr = other.msgstr or other.msgid
    upload = admin_client.post(
        f"/admin/localize/translate/{record.pk}/pofile/upload/",
        {"file": _po_upload(po), "next": "/admin/"},
    )
    assert upload.status_code == 302
    assert StringTranslation.objects.filter(locale=spanish, data="Participativo").exists()
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        record.save_target(publish=True)
    assert "Participativo" in admin_client.get("/es/commitments/engaged/").content.decode()


def _po_upload(po, name="translation.po"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, str(po).encode("utf-8"), content_type="text/x-gettext-translation")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not a po file \x00\xff", "not a valid PO file"),
        (
            b'msgid ""\nmsgstr ""\n"X-WagtailLocalize-TranslationID: 00000000-0000-0000-0000-000000000000\\n"\n',
            "different",
        ),
        (b"", "different translation"),
    ],
)
def test_a_bad_po_file_gets_a_message_and_changes_nothing(
    admin_client, home_page, spanish, commitments, content, message
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    record = start_translation(admin_client, commitments[0], spanish)
    before = StringTranslation.objects.count()
    response = admin_client.post(
        f"/admin/localize/translate/{record.pk}/pofile/upload/",
        {"file": SimpleUploadedFile("bad.po", content)},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert StringTranslation.objects.count() == before


@pytest.mark.django_db
def test_a_missing_po_file_gets_a_400(admin_client, commitments, spanish):
    record = start_translation(admin_client, commitments[0], spanish)
    response = admin_client.post(f"/admin/localize/translate/{record.pk}/pofile/upload/", {})
    assert response.status_code == 400
    assert "Choose a PO file" in response.content.decode()


@pytest.mark.django_db
def test_a_translator_edits_spanish_pages_but_is_refused_english_ones(client, bilingual):
    ensure_translators_group()
    translator = User.objects.create_user("traductora", password="pw")
    translator.groups.add(Group.objects.get(name=TRANSLATORS))
    client.force_login(translator)
    english = bilingual["safe"]
    assert client.get(f"/admin/pages/{english.pk}/edit/").status_code in (302, 403)
    forged = client.post(f"/admin/pages/{english.pk}/edit/", {"title": "Hacked", "action-publish": "1"})
    assert forged.status_code in (302, 403)
    english.refresh_from_db()
    assert english.title == "Safe"
    assert client.get(f"/admin/pages/{bilingual['es_safe'].pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_sitemap_lists_translations_with_their_alternates(client, bilingual):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/es/commitments/safe/</loc>" in xml
    assert '<xhtml:link rel="alternate" hreflang="es" href="http://localhost/es/commitments/safe/"' in xml
    assert '<xhtml:link rel="alternate" hreflang="en" href="http://localhost/commitments/safe/"' in xml
    assert "http://localhost/es/about/" not in xml  # an alias, not a translation


@pytest.mark.parametrize(
    ("key", "translator"),
    [
        ("", "wagtail_localize.machine_translators.dummy.DummyTranslator"),
        ("abc:fx", "wagtail_localize.machine_translators.deepl.DeepLTranslator"),
    ],
)
def test_machine_translator_follows_the_deepl_key(monkeypatch, key, translator):
    import importlib

    from lhs_cms.settings import base

    monkeypatch.setenv("DEEPL_API_KEY", key)
    try:
        reloaded = importlib.reload(base)
        assert reloaded.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"] == translator
        if key:
            assert reloaded.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["OPTIONS"]["AUTH_KEY"] == key
    finally:
        monkeypatch.delenv("DEEPL_API_KEY")
        importlib.reload(base)


def test_spanish_strings_keep_every_placeholder():
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    placeholder = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
    for entry in catalogue:
        translations = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
        for text in translations:
            assert sorted(placeholder.findall(text)) == sorted(placeholder.findall(entry.msgid)), entry.msgid


@pytest.mark.django_db
def test_an_untranslated_story_card_on_a_spanish_listing_is_marked_english(client, bilingual, story_index, spanish):
    factories.publish_translation(story_index, spanish, title="Historias")
    english = factories.StoryPageFactory(parent=story_index, title="Untranslated story", summary="English summary")
    english.copy_for_translation(spanish, alias=True)
    translated = factories.StoryPageFactory(parent=story_index, title="Translated story")
    factories.publish_translation(translated, spanish, title="Historia traducida", summary="Resumen en español")
    html = client.get("/es/stories/").content.decode()
    assert re.search(r'<a href="[^"]+" lang="en">Untranslated story</a>', html)
    assert re.search(r'<p class="card__summary" lang="en">English summary</p>', html)
    assert re.search(r'<a href="[^"]+">Historia traducida</a>', html)
    # The English listing shows the same story unmarked: the cached card is per language.
    english_html = client.get("/stories/").content.decode()
    assert re.search(r'<a href="[^"]+">Untranslated story</a>', english_html)


@pytest.mark.django_db
def test_the_switcher_keeps_the_story_filters_and_the_page_number(
    client, bilingual, story_index, spanish, page_cache_on
):
    factories.publish_translation(story_index, spanish, title="Historias")
    for number in range(14):
        story = factories.StoryPageFactory(parent=story_index, title=f"Story {number}")
        factories.link_story(story, commitments=[bilingual["safe"]])
    html = client.get("/stories/?commitment=safe&page=2&utm_source=newsletter").content.decode()
    assert 'href="/es/stories/?commitment=safe&amp;page=2" hreflang="es"' in html
    assert [
        line for line in html.splitlines() if "newsletter" in line
    ] == []  # tracking parameters are no one's to keep (one cached copy serves all)
    # Back from Spanish to English keeps them too.
    html = client.get("/es/stories/?commitment=safe").content.decode()
    assert 'href="/stories/?commitment=safe" hreflang="en"' in html
    # A page with no translation sends to the other home page, without the query.
    html = client.get("/about/?page=2").content.decode()
    assert 'href="/es/" hreflang="es"' in html


@pytest.mark.django_db
def test_switching_language_mid_survey_keeps_the_step_and_the_answers(client, home_page, spanish):
    engage = factories.EngagePageFactory(parent=home_page)
    survey = factories.SurveyPageFactory(parent=engage)
    factories.SurveyFormFieldFactory(
        page=survey, label="Working toward it?", field_type="radio", choices="Yes\nNot yet", required=True
    )
    factories.SurveyFormFieldFactory(page=survey, label="What helps?", field_type="multiline", required=False)
    factories.publish_translation(engage, spanish, title="Participe")
    es_survey = factories.publish_translation(survey, spanish, title="Encuesta")
    radio = es_survey.form_fields.get(clean_name="working_toward_it")
    radio.label, radio.choices = "¿Van en camino?", "Sí\nTodavía no"
    radio.save()
    factories.SectorFactory(slug="payers")
    factories.StakeholderFactory(slug="clinicians")
    step = survey_flow.step_field(survey)
    about = {"organization": "Riverside Health", "sector": "payers", "role": "clinicians"}
    assert client.post(survey.url, {**about, step: survey_flow.ABOUT}).status_code == 303
    views = {"working_toward_it": "Not yet", "what_helps": "Time to meet."}
    assert client.post(survey.url, {**views, step: survey_flow.VIEWS}).status_code == 303

    # On step 3 in English, the switcher goes to step 3 in Spanish.
    html = client.get(f"{survey.url}?step=3").content.decode()
    assert f'href="{es_survey.url}?step=3" hreflang="es"' in html
    spanish_step = client.get(f"{es_survey.url}?step=3")
    assert spanish_step.status_code == 200 and spanish_step.context["step"].number == 3
    # Going back in Spanish shows every answer given in English, a choice as its Spanish twin.
    first = client.get(es_survey.url).context["form"]
    assert first["organization"].value() == "Riverside Health"
    second = client.get(f"{es_survey.url}?step=2")
    assert second.context["form"]["working_toward_it"].value() == "Todavía no"
    assert second.context["form"]["what_helps"].value() == "Time to meet."
    assert re.search(r'value="Todavía no"[^>]*checked', second.content.decode())
    # And the answers are sent from Spanish (step 3 is consent: no commitments, no self-assessment).
    es_step = survey_flow.step_field(es_survey)
    sent = client.post(es_survey.url, {"consent": "on", es_step: survey_flow.CONSENT})
    assert sent.status_code == 303 and sent["Location"].startswith(es_survey.url + "results/"), sent.content[:300]
    response = SurveySubmission.objects.get()
    assert (response.language_code, response.organization) == ("es", "Riverside Health")
    assert response.get_data()["working_toward_it"] == "Todavía no"
