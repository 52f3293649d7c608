"""The demo loader builds the whole site, and running it again changes nothing.

`demo_site` (tests/conftest.py) is the loader's first run, shared by these tests."""

import io

from django.core.management import call_command
from wagtail.models import Locale, Page, Revision

from commitments.models import CommitmentPage, Framework
from home.models import Person, Resource
from stories.models import StoryPage

DEMO_PATHS = [
    "/",
    "/about/",
    "/about/working-groups/",
    "/commitments/",
    "/commitments/safe/",
    "/commitments/crosswalk/",
    "/stories/",
    "/engage/",
    "/engage/survey/",
    "/engage/share-your-story/",
    "/contact/",
    "/privacy/",
]


def load(*args):
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


SPANISH_PATHS = [
    "/es/",
    "/es/commitments/",
    "/es/commitments/safe/",
    "/es/commitments/crosswalk/",
    "/es/engage/",
    "/es/engage/survey/",
]


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "people": Person.objects.count(),
        "resources": Resource.objects.count(),
        "frameworks": Framework.objects.count(),
    }


def test_demo_site_answers_at_every_documented_path(client, demo_site):
    for path in DEMO_PATHS:
        assert client.get(path).status_code == 200, path
    for story in StoryPage.objects.live():
        assert client.get(story.url).status_code == 200, story.url
    assert client.get("/admin/").status_code == 302  # to the login page


def test_demo_content_is_complete(demo_site):
    english = Locale.get_default()
    commitments = CommitmentPage.objects.live().filter(locale=english)
    assert list(commitments.order_by("number").values_list("number", flat=True)) == list(range(1, 11))
    assert StoryPage.objects.live().filter(locale=english).count() >= 8
    assert Framework.objects.filter(locale=english).count() >= 4
    for story in StoryPage.objects.filter(locale=english):
        assert story.outcomes, story.title
        assert story.sources, story.title
        assert story.story_commitments.exists(), story.title
        assert story.hero_image and story.hero_image_alt, story.title
    assert "created" in demo_site

    before = snapshot()
    output = load()
    assert snapshot() == before
    assert "nothing changed" in output


def test_reset_rebuilds_the_same_site(demo_site, client):
    before = snapshot()
    CommitmentPage.objects.get(slug="safe", locale=Locale.get_default()).delete()
    output = load("--reset")
    after = snapshot()
    assert after["pages"] == before["pages"]
    assert after["people"] == before["people"]
    assert "Removed the demo content" in output
    assert client.get("/commitments/safe/").status_code == 200


def test_demo_site_in_spanish(client, demo_site):
    from wagtail_localize.models import Translation

    spanish = Locale.objects.get(language_code="es")
    for path in SPANISH_PATHS:
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.context["page"]
        assert page.locale == spanish and page.alias_of_id is None, path
        assert '<html lang="es"' in response.content.decode()
    translated_stories = StoryPage.objects.live().filter(locale=spanish, alias_of__isnull=True)
    assert translated_stories.count() >= 3
    for story in translated_stories:
        assert client.get(story.url).status_code == 200
    assert CommitmentPage.objects.live().filter(locale=spanish, alias_of__isnull=True).count() == 10
    # Made through wagtail-localize, so the admin lists them as translations.
    assert Translation.objects.filter(target_locale=spanish).count() >= 17
    # Every page is translated, so none says it is not.
    about = client.get("/es/about/").content.decode()
    assert "notice--untranslated" not in about
    assert "Acerca de la iniciativa" in about
    # The Spanish survey has Spanish questions with the English field keys.
    english_survey = client.get("/engage/survey/?step=2").context["form"]  # step 2: the editors' questions
    spanish_survey = client.get("/es/engage/survey/?step=2").context["form"]
    assert list(spanish_survey.fields) == list(english_survey.fields)
    assert [f.label for f in spanish_survey.fields.values()] != [f.label for f in english_survey.fields.values()]


def test_loading_again_after_an_editor_added_a_page_leaves_it_an_alias(demo_site, client):
    from tests import factories

    english_about = Page.objects.get(slug="about", locale=Locale.get_default())
    factories.StandardPageFactory(parent=english_about, title="Board minutes, March", slug="board-minutes")
    output = load()
    assert "left untranslated  StandardPage Board minutes, March" in output
    spanish = Page.objects.get(slug="board-minutes", locale__language_code="es")
    assert spanish.alias_of_id is not None  # visitors see the English with the "not translated yet" notice
    assert client.get("/es/about/board-minutes/").status_code == 200
