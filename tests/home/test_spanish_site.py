"""The demo in Spanish is a whole site: every page and every visitor-facing
snippet is translated through wagtail-localize's records (so translators see
it as translated), English left on a Spanish page is marked lang="en", and
numbers and dates follow one convention (lhs_cms/formats/): "20 de enero de
2027", "43.6 %" with a no-break space, "25,000"."""

import datetime
import re

from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from core.templatetags.core_tags import with_unit
from demo.loader import demo_address
from demo.spanish import objects_to_translate
from engage.charts import Bar, bar_chart
from stories.models import StoryPage

NBSP = "\u00a0"
# Page titles that are the same in both languages because they are names.
PROPER_NAMES = set()


def translation_of(obj, spanish_locale):
    source = TranslationSource.objects.get_for_instance(obj)
    return Translation.objects.get(source=source, target_locale=spanish_locale)


def test_every_demo_page_has_a_live_spanish_translation_in_spanish(demo_site):
    english, spanish_locale = Locale.get_default(), Locale.objects.get(language_code="es")
    pages = Page.objects.filter(locale=english, depth__gt=1).specific()
    assert pages.count() >= 30
    for page in pages:
        es_page = page.get_translation(spanish_locale)
        assert es_page.live and es_page.alias_of_id is None, page.url_path
        assert es_page.title != page.title or page.title in PROPER_NAMES, page.title
        # Every string translated in wagtail-localize, so its editor shows "translated".
        total, done = translation_of(page, spanish_locale).get_progress()
        assert total and done == total, page.url_path


def test_no_spanish_page_shows_english_sentences_unmarked(client, demo_site):
    """English left in a Spanish page's main content is inside an element
    marked lang="en"; elsewhere no English phrase ("of the", "for your")."""
    english_phrase = re.compile(r"\b(the|and|of|with|your|for|to) [a-z]+")
    marked_english = re.compile(r'<(\w+)[^>]*lang="en"[^>]*>.*?</\1>', re.S)
    for page in Page.objects.filter(locale__language_code="es", depth__gt=1):
        html = client.get(page.url).content.decode()
        main = html[html.index("<main") : html.index("</main>")]
        text = re.sub(r"<[^>]+>", " ", marked_english.sub("", main))
        assert not english_phrase.search(text), (page.url, english_phrase.search(text))


def test_every_visitor_snippet_has_spanish(demo_site):
    english, spanish_locale = Locale.get_default(), Locale.objects.get(language_code="es")
    snippets = [obj for obj in objects_to_translate(english) if not isinstance(obj, Page)]
    kinds = {type(obj).__name__ for obj in snippets}
    # No Person: the demo invents no people (the working groups show their charge).
    assert kinds == {"Framework", "FrameworkElement", "Sector", "Stakeholder", "Resource", "FooterText"}
    for obj in snippets:
        es_obj = obj.get_translation(spanish_locale)
        assert getattr(es_obj, "live", True), obj
        total, done = translation_of(obj, spanish_locale).get_progress()
        assert total and done == total, obj


def test_spanish_menu_footer_and_sectors_are_spanish(client, demo_site):
    html = client.get("/es/").content.decode()
    for spanish_text in ["Acerca de la iniciativa", "Contáctenos", "Aviso de privacidad"]:
        assert spanish_text in html
    for english_text in ["About the initiative", "Contact us", "Privacy notice"]:
        assert english_text not in html
    stories = client.get("/es/stories/").content.decode()
    assert "Hospitales y sistemas de salud" in stories or "Atención primaria" in stories


def test_the_spanish_survey_consent_links_to_the_spanish_privacy_notice(client, demo_site):
    first = client.get("/es/engage/survey/")
    last = len(first.context["steps"])
    html = client.get(f"/es/engage/survey/?step={last}").content.decode()
    assert 'href="/es/privacy/"' in html
    assert client.get("/es/privacy/").context["page"].title == "Aviso de privacidad"


def test_source_titles_on_spanish_pages_are_marked_english_and_the_hero_is_described_in_spanish(client, demo_site):
    story = client.get("/es/stories/kaiser-sepsis-care/").content.decode()
    assert '<cite class="source__title" lang="en">' in story
    assert '<cite class="source__title">' in client.get("/stories/kaiser-sepsis-care/").content.decode()
    # The home page's own alternative text is Spanish, so not marked English.
    home = client.get("/es/").content.decode()
    assert '<div class="hero__image">' in home and 'alt="Tarjeta de título: Diez Compromisos' in home


def test_spanish_numbers_and_dates_follow_one_convention_in_text_and_tables(client, demo_site):
    html = client.get("/es/stories/kaiser-hypertension-control/").content.decode()
    outcome_table = html[html.index("<table") : html.index("</table>")]
    assert f"43.6{NBSP}%" in outcome_table and f"80.4{NBSP}%" in outcome_table
    summary = StoryPage.objects.get(slug="kaiser-hypertension-control", locale__language_code="es").summary
    assert summary in html
    assert f"43.6{NBSP}%" in summary
    assert not re.search(r"\d,\d%|\d%", summary)
    assert re.search(
        r">(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}<", html
    )
    english = client.get("/stories/kaiser-hypertension-control/").content.decode()
    assert "43.6%" in english
    with translation.override("es"):
        assert with_unit("25000", "") == "25,000"
        assert with_unit("43.60", "%") == f"43.6{NBSP}%"
        assert date_format(datetime.date(2027, 1, 20)) == "20 de enero de 2027"


def test_the_demo_site_points_to_where_make_demo_serves(demo_site):
    site = Site.objects.get(is_default_site=True)
    hostname, port = demo_address()
    assert (site.hostname, site.port) == (hostname, port) and hostname == "127.0.0.1"
    assert site.root_url == f"http://127.0.0.1:{port}"


def test_spanish_tables_and_charts_write_decimals_alike():
    """The survey summary's table (floatformat) and its chart (engage/charts.py) show the same "3.4"."""
    with translation.override("es"):
        table = Template("{{ value|floatformat:1 }}").render(Context({"value": 3.4}))
        chart = bar_chart([Bar("Seguro", 3.4)], maximum=5, title="Promedio")
    assert table == "3.4"
    assert ">3.4</text>" in chart
