"""What a visitor sees of the demo content is true and readable: each story's
picture shows its own headline result and says so in its alternative text
(in English and in Spanish); resources are PDF documents whose cards give
their page count and size; no invented person appears on the working
groups, which show their charge instead; the home page's definition is a
whole sentence; cards and search results show rich text as text, never a
tag; and search results name each page's kind as a visitor would.

`demo_site` (tests/conftest.py) is the demo loader's first run."""

import html as html_module
import re

from wagtail.models import Locale

from demo import content
from demo.images import draw_picture
from demo.spanish import load_catalogue
from home.documents import PAGE_OBJECT
from home.models import HomePage, Person, Resource, WorkingGroupMember, WorkingGroupPage
from stories.models import StoryPage

LITERAL_TAG = re.compile(r"&lt;/?[a-zA-Z][^&]*&gt;")


def main_of(response):
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def img_alts(markup):
    return [html_module.unescape(alt) for alt in re.findall(r'<img[^>]* alt="([^"]*)"', markup)]


def read(image):
    with image.file.open("rb") as handle:
        return handle.read()


def test_story_pictures_show_their_headline_result_with_alt_text_in_both_languages(client, demo_site):
    english, spanish = Locale.get_default(), Locale.objects.get(language_code="es")
    catalogue = load_catalogue()
    for story in StoryPage.objects.filter(locale=english):
        spec = content.IMAGES[story.slug]
        # Drawn from the story's own result, not an abstract motif.
        assert "figure" in spec and "motif" not in spec, story.slug
        assert read(story.hero_image) == draw_picture(spec), story.slug
        assert story.hero_image_alt.startswith("Chart-style card: "), story.slug
        assert spec["organization"].split(",")[0] in story.hero_image_alt, story.slug

        spanish_story = story.get_translation(spanish)
        assert spanish_story.hero_image_id != story.hero_image_id, story.slug
        assert read(spanish_story.hero_image) == draw_picture(spec, catalogue.__getitem__), story.slug
        assert spanish_story.hero_image_alt.startswith("Tarjeta con gráfico: "), story.slug
        spanish_organization = catalogue[spec["organization"]].split(",")[0]
        assert spanish_organization in spanish_story.hero_image_alt, story.slug

    sepsis = StoryPage.objects.get(locale=english, slug="kaiser-sepsis-care")
    alt = "Chart-style card: sepsis deaths down more than 40% at Kaiser Permanente Northern California, 21 hospitals."
    assert alt in img_alts(main_of(client.get(sepsis.url)))
    spanish_alt = (
        "Tarjeta con gráfico: las muertes por sepsis bajaron más del 40 % en Kaiser "
        "Permanente Northern California, 21 hospitales."
    )
    assert spanish_alt in img_alts(main_of(client.get(sepsis.get_translation(spanish).url)))
    # The story list's cards carry the same descriptions.
    assert alt in img_alts(main_of(client.get("/stories/")))


def test_home_and_working_group_pictures_are_described_in_the_page_language(client, demo_site):
    spanish = Locale.objects.get(language_code="es")
    catalogue = load_catalogue()
    home = HomePage.objects.get(locale=Locale.get_default())
    assert content.IMAGES["home-hero"]["alt"] in img_alts(main_of(client.get("/")))
    spanish_alt = catalogue[content.IMAGES["home-hero"]["alt"]]
    assert home.get_translation(spanish).hero_image_alt == spanish_alt
    assert spanish_alt in img_alts(main_of(client.get("/es/")))
    for group in WorkingGroupPage.objects.filter(locale=Locale.get_default()):
        spanish_group = group.get_translation(spanish)
        alt = catalogue[content.IMAGES[group.slug]["alt"]]
        assert alt in img_alts(main_of(client.get(spanish_group.url))), group.slug
        assert read(spanish_group.image) != read(group.image), group.slug  # the Spanish picture has Spanish words


def test_resources_are_pdf_documents_with_page_count_and_size_on_their_cards(client, demo_site):
    documents = [resource.document for resource in Resource.objects.filter(document__isnull=False)]
    assert documents
    for document in documents:
        assert document.file.name.endswith(".pdf"), document.file.name
        with document.file.open("rb") as handle:
            data = handle.read()
        assert data.startswith(b"%PDF-") and len(PAGE_OBJECT.findall(data)) >= 1
        assert b"Tj" in data  # text, so it can be selected and read aloud
    resource = Resource.objects.get(locale=Locale.get_default(), title="Shared Commitments conversation guide")
    guide = resource.document
    pages, size = len(PAGE_OBJECT.findall(read(guide))), round(guide.file_size / 1024)
    assert pages == 2 and resource.document_pages == 2
    english = main_of(client.get("/"))
    assert f"PDF, {pages} pages, {size} KB" in english
    spanish = main_of(client.get("/es/"))
    assert f"PDF, {pages} páginas, {size} KB" in spanish
    # The demo's Spanish resources open the English documents, and say so.
    assert "En inglés" in spanish and 'hreflang="en"' in spanish
    assert "In English" not in english
    for markup in (english, spanish):
        assert "TXT" not in markup and ".txt" not in markup


def test_demo_working_groups_show_their_charge_and_no_invented_people(client, demo_site):
    assert not Person.objects.exists() and not WorkingGroupMember.objects.exists()
    for group in WorkingGroupPage.objects.all():
        markup = main_of(client.get(group.url))
        assert "person__name" not in markup and "person__photo" not in markup, group.url
        assert 'id="focus-heading"' in markup, group.url
        for block in group.focus_areas:
            assert html_module.escape(block.value) in markup, group.url
        english = group.locale.language_code == "en"
        assert ("draws on the experience of" if english else "se apoya en la experiencia de") in markup, group.url
        assert (
            "The group's members will be listed here once they are published."
            if english
            else "Los miembros del grupo aparecerán aquí cuando se publiquen."
        ) in markup, group.url
    overview = main_of(client.get("/about/working-groups/"))
    assert "fictional" not in overview and "silhouette" not in overview


def test_the_home_definition_is_a_whole_sentence_in_both_languages(client, demo_site):
    for path, opening in (
        ("/", "A learning health system is one in which"),
        ("/es/", "Un sistema de salud que aprende es"),
    ):
        markup = main_of(client.get(path))
        quote = re.search(r'<figure class="definition">\s*<blockquote[^>]*>\s*<p>([^<]*)', markup).group(1)
        assert quote.startswith(opening), (path, quote[:60])
        assert quote[0].isupper() and quote.rstrip().endswith(".")


def test_no_literal_html_tags_in_cards_and_search_results(client, demo_site):
    paths = [
        "/",
        "/es/",
        "/engage/",
        "/es/engage/",
        "/stories/",
        "/es/stories/",
        "/about/working-groups/",
        "/search/?q=survey",
        "/search/?q=health",
        "/es/search/?q=encuesta",
        "/es/search/?q=salud",
    ]
    for path in paths:
        markup = main_of(client.get(path))
        assert not LITERAL_TAG.search(markup), (path, LITERAL_TAG.search(markup))
    results = main_of(client.get("/search/?q=survey"))
    summaries = re.findall(r'<p class="search-result__summary">([^<]*)</p>', results)
    assert summaries and all(summary.strip() for summary in summaries)


def test_search_results_name_page_kinds_as_visitors_do(client, demo_site):
    def kinds(path):
        return re.findall(r'<p class="search-result__type">([^<]*)</p>', main_of(client.get(path)))

    english = kinds("/search/?q=survey") + kinds("/search/?q=sepsis") + kinds("/search/?q=engaged")
    assert {"Survey", "Story", "Commitment", "Page"} <= set(english), english
    spanish = kinds("/es/search/?q=encuesta") + kinds("/es/search/?q=sepsis")
    assert {"Encuesta", "Historia", "Página"} <= set(spanish), spanish
    for kind in english + spanish:
        assert not kind.endswith(" page") or kind == "Home page", kind  # not "Standard page", "Story page"
        assert "página estándar" not in kind.lower(), kind
