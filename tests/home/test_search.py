"""Site search: current language only, promotions first, 400s for bad input,
helpful empty states; robots.txt."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests import factories
from tests.factories import publish_translation


@pytest.fixture
def stories(story_index, commitments):
    found = factories.StoryPageFactory(
        parent=story_index,
        title="Fewer falls",
        slug="fewer-falls",
        approach="<p>Nurses ran hourly rounding on every ward.</p>",
    )
    other = factories.StoryPageFactory(parent=story_index, title="Shorter waits", slug="shorter-waits")
    return {"found": found, "other": other}


@pytest.mark.django_db
def test_search_finds_a_story_by_a_word_in_its_body(client, stories):
    response = client.get("/search/?q=rounding")
    assert response.status_code == 200
    html = response.content.decode()
    titles = [page.title for page in response.context["results"]]
    assert titles == ["Fewer falls"]
    assert 'href="/stories/fewer-falls/"' in html
    assert '<p class="search-result__type">Story</p>' in html  # the kind of page, as a visitor names it
    assert stories["found"].summary in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.django_db
def test_search_is_limited_to_the_current_language(client, stories):
    from wagtail.models import Locale

    spanish = Locale.objects.create(language_code="es")
    publish_translation(stories["found"].get_parent().get_parent(), spanish, title="Inicio")
    publish_translation(
        stories["found"],
        spanish,
        title="Menos caídas",
        approach="<p>Las enfermeras hicieron rondas cada hora (rondasenfermeria).</p>",
    )
    english = client.get("/search/?q=rondasenfermeria")
    assert english.status_code == 200
    assert list(english.context["results"]) == []
    spanish_response = client.get("/es/search/?q=rondasenfermeria")
    assert spanish_response.status_code == 200
    assert [page.title for page in spanish_response.context["results"]] == ["Menos caídas"]
    assert 'href="/es/stories/fewer-falls/"' in spanish_response.content.decode()
    assert 'action="/es/search/"' in spanish_response.content.decode()  # the header form stays in Spanish
    # English search still finds only the English story.
    assert [page.title for page in client.get("/search/?q=rounding").context["results"]] == ["Fewer falls"]


@pytest.mark.django_db
def test_empty_query_prompts_and_links_to_sections(client, stories, commitment_index):
    response = client.get("/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Type a word or two" in html
    assert 'href="/commitments/"' in html and 'href="/stories/"' in html
    assert not Query.objects.exists()


@pytest.mark.django_db
def test_no_results_says_so(client, stories, commitment_index):
    html = client.get("/search/?q=zzxqv").content.decode()
    assert "Nothing matched" in html and "Check the spelling" in html
    assert 'href="/stories/"' in html


@pytest.mark.django_db
def test_search_records_the_query(client, stories):
    client.get("/search/?q=Rounding")
    client.get("/search/?q=rounding")
    assert Query.get("rounding").hits == 2


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "0", "99"])
def test_bad_page_number_is_400(client, stories, page):
    response = client.get(f"/search/?q=rounding&page={page}")
    assert response.status_code == 400
    assert "page number could not be read" in response.content.decode()


@pytest.mark.django_db
def test_overlong_query_is_400(client, stories):
    response = client.get("/search/?q=" + "a" * 201)
    assert response.status_code == 400
    assert "too long" in response.content.decode()
    assert client.get("/search/?q=" + "a" * 200).status_code == 200


@pytest.mark.django_db
def test_results_are_paginated_keeping_the_query(client, story_index):
    for n in range(12):
        factories.StoryPageFactory(parent=story_index, title=f"Sepsis story {n}", slug=f"sepsis-{n}")
    first = client.get("/search/?q=sepsis")
    assert len(first.context["results"]) == 10
    assert "?q=sepsis&amp;page=2" in first.content.decode()
    second = client.get("/search/?q=sepsis&page=2")
    assert len(second.context["results"]) == 2


@pytest.mark.django_db
def test_promotions_come_first(client, stories):
    query = Query.get("rounding")
    SearchPromotion.objects.create(query=query, page=stories["other"], description="Our pick.", sort_order=0)
    response = client.get("/search/?q=rounding")
    html = response.content.decode()
    assert [item["page"].title for item in response.context["promotions"]] == ["Shorter waits"]
    assert "Our pick." in html
    assert html.index("Shorter waits") < html.index("Fewer falls")
    # A promoted page that is not live is not shown.
    stories["other"].unpublish()
    assert client.get("/search/?q=rounding").context["promotions"] == []


@pytest.mark.django_db
def test_header_has_a_search_form(client, home_page):
    html = client.get("/").content.decode()
    assert '<form class="site-search" role="search" action="/search/" method="get" aria-label="Site search">' in html
    assert 'for="site-search-q"' in html


@pytest.mark.django_db
def test_robots_txt(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


ODD_QUERIES = ['"', '"rounding', "rounding)", "NOT", "a AND", "*", "a:b", "^", "\\", "ñandú", "!!!"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_never_fail(client, stories, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    if "rounding" in query:
        assert [page.title for page in response.context["results"]] == ["Fewer falls"]


@pytest.mark.django_db
def test_repeated_search_sees_a_story_published_or_unpublished_since(client, stories, story_index):
    """Search is never cached, the page cache being on: a change shows on the next search."""
    assert [page.title for page in client.get("/search/?q=rounding").context["results"]] == ["Fewer falls"]
    later = factories.StoryPageFactory(
        parent=story_index, title="Safer nights", slug="safer-nights", approach="<p>Rounding at night too.</p>"
    )
    later.save_revision().publish()
    response = client.get("/search/?q=rounding")
    assert sorted(page.title for page in response.context["results"]) == ["Fewer falls", "Safer nights"]
    assert response.context["paginator"].count == 2
    stories["found"].unpublish()
    assert [page.title for page in client.get("/search/?q=ROUNDING").context["results"]] == ["Safer nights"]
