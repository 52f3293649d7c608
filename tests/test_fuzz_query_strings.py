"""Arbitrary query strings at every public page that reads one (listings,
filters, search, feeds, the survey's results, the JSON API): whatever is
asked, the answer is never a server error.

Query strings are built two ways: pairs of arbitrary text (the keys the pages
read and any others; unicode, NUL and other control characters, very long
values, repeated keys), encoded as a browser would; and raw bytes a browser
would never send (broken percent-encoding, bare `&` and `=`, bytes that are
not UTF-8), passed to the page as they are."""

from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale

from engage.models import SurveySubmission
from tests import factories
from tests.factories import publish_translation

# Keys the listings, search, feeds and API read, and a few they do not.
KNOWN_KEYS = [
    "q", "page", "commitment", "sector", "stakeholder", "step", "search", "search_operator", "type", "fields",
    "order", "limit", "offset", "locale", "translation_of", "child_of", "ancestor_of", "descendant_of", "html_path",
    "slug", "id", "title", "show_in_menus", "format", "tags", "collection_id", "site", "utm_source", "",
]  # fmt: skip
JUNK = ["%", "%2", "%zz", "%00", "%ff%fe", "%c3", "%ed%a0%80", "&", "=", "==", "&&", "+", ";", "#", "[]", "*", "\\"]

SITE_PATHS = [
    "/stories/",
    "/es/stories/",
    "/search/",
    "/es/search/",
    "/commitments/",
    "/commitments/engaged/",
    "/stories/feed/",
    "/stories/feed/atom/",
    "/engage/survey/",
    "/engage/survey/results/",
]
API_PATHS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"]

FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,
    # The site is built once per test, not per example: each example only reads it.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

text = st.text(st.characters(codec="utf-8"), max_size=40)
long_text = st.text(st.characters(codec="utf-8"), min_size=300, max_size=3000)
numbers = st.integers(min_value=-(10**30), max_value=10**30).map(str)
keys = st.one_of(st.sampled_from(KNOWN_KEYS), text)
values = st.one_of(text, numbers, long_text, st.sampled_from(["engaged", "payers", "patients", "1", "0", "-1", "*"]))
pairs = st.lists(st.tuples(keys, values), max_size=8)
raw = st.lists(
    st.one_of(st.sampled_from(JUNK), st.binary(max_size=20).map(lambda data: data.decode("latin-1")), text),
    max_size=12,
).map("".join)


# WSGI hands the query string to Django as bytes read as latin-1.
query_strings = st.one_of(
    pairs.map(urlencode).map(lambda query: query.encode().decode("latin-1")),
    raw.map(lambda query: query.encode("utf-8", "surrogatepass").decode("latin-1")),
)


@pytest.fixture
def site(home_page, commitments, story_index):
    """Every page the query strings go to, in English and Spanish."""
    cache.clear()
    sector = factories.SectorFactory(name="Payers", slug="payers")
    stakeholder = factories.StakeholderFactory(name="Patients", slug="patients")
    for number in range(3):
        story = factories.StoryPageFactory(parent=story_index, title=f"Patients story {number}", sector=sector)
        factories.link_story(story, commitments=commitments[:2], stakeholders=[stakeholder])
    factories.wagtail_factories.ImageFactory(title="A picture")
    factories.wagtail_factories.DocumentFactory(title="A guide")
    engage = factories.EngagePageFactory(parent=home_page)
    survey = factories.SurveyPageFactory(parent=engage)
    submission = SurveySubmission.objects.create(
        page=survey, form_data={}, organization="Riverside", scores={"engaged": 3}
    )
    spanish = Locale.objects.create(language_code="es")
    publish_translation(home_page, spanish)
    publish_translation(story_index, spanish, title="Historias")
    return {"results": f"/engage/survey/results/{submission.results_token}/"}


def ask(client, path, query):
    response = client.generic("GET", path, QUERY_STRING=query)
    assert response.status_code < 500, (path, query, response.content[:300])


@override_settings(DEBUG=False)
@pytest.mark.django_db
@FUZZ
@given(path=st.sampled_from(SITE_PATHS + ["results"]), query=query_strings)
def test_pages_never_fail_on_a_query_string(client, site, path, query):
    ask(client, site.get(path, path), query)


@override_settings(DEBUG=False)
@pytest.mark.django_db
@FUZZ
@given(path=st.sampled_from(API_PATHS), query=query_strings)
def test_the_api_never_fails_on_a_query_string(client, site, path, query):
    ask(client, path, query)


# Inputs that broke pages elsewhere, asked of every page on every run.
NASTY = [
    "sector=%00", "commitment=a%00b", "stakeholder=%00", "q=%00", "q=a%00b", "page=%00", "page=99999999999999999999",
    "page=-1", "page=1e3", "step=%00", "site=nowhere", "site=localhost:x", "title=%00", "child_of=99999999999999999999",
    "limit=%00", "offset=-1", "order=%00", "fields=%00", "type=%00", "locale=%00", "search=%00", "%ff=%fe",
    "q=" + "a" * 5000, "commitment=engaged&commitment=safe", "sector[]=payers", "%", "&&==&",
]  # fmt: skip


@override_settings(DEBUG=False)
@pytest.mark.django_db
def test_known_nasty_query_strings(client, site):
    # Each query string at four of the pages, taking the pages in turn: every
    # page gets seven or eight of them, and the test stays short.
    paths = SITE_PATHS + API_PATHS + [site["results"]]
    for number, query in enumerate(NASTY):
        for offset in range(4):
            ask(client, paths[(number * 4 + offset) % len(paths)], query)
