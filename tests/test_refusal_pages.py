"""Refusals in the site's design and the visitor's language: a form sent
without its security check (CSRF), and a page with a password. Neither shows
anything it should not, and neither is a bare browser-default page."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from tests import factories


@pytest.fixture
def strict_visitor():
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def share_page(home_page):
    engage = factories.EngagePageFactory(parent=home_page, slug="get-involved")
    return factories.ShareStoryPageFactory(parent=engage, slug="share")


@pytest.mark.django_db
def test_a_form_sent_without_cookies_gets_a_403_in_the_sites_design_that_says_what_to_do(strict_visitor, share_page):
    response = strict_visitor.post(
        share_page.url, {"title": "Our story"}, HTTP_REFERER=f"http://testserver{share_page.url}"
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert response["Cache-Control"] == "no-store"
    assert "<h1>Your form was not sent</h1>" in html
    assert "Cookies are blocked for this site" in html
    assert 'class="site-header' in html and 'href="/static/css/site.css"' in html  # the site's own frame
    assert f'href="http://testserver{share_page.url}"' in html  # back to the form
    assert "CSRF" not in html and "Forbidden" not in html


@pytest.mark.django_db
def test_the_csrf_page_speaks_spanish_under_es_and_never_links_to_another_site(
    strict_visitor, share_page, home_page, spanish
):
    factories.publish_translation(home_page, spanish, title="Inicio")
    response = strict_visitor.post("/es/get-involved/share/", {}, HTTP_REFERER="https://evil.example/form")
    html = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="es"' in html
    assert "No se envió su formulario" in html
    assert "evil.example" not in html
    assert '<a href="/es/">Ir a la página de inicio</a>' in html  # the Spanish home page


@pytest.fixture
def protected_page(home_page):
    page = factories.StandardPageFactory(parent=home_page, title="Board minutes", slug="minutes")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    return page


@pytest.mark.django_db
def test_a_password_protected_page_asks_in_the_sites_frame_without_showing_the_page(client, protected_page):
    response = client.get("/minutes/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Password required</h1>" in html
    assert 'class="site-header' in html
    assert 'type="password"' in html and '<label for="id_password"' in html
    assert "Board minutes" not in html  # not in the title, breadcrumbs, metadata or JSON-LD


@pytest.mark.django_db
def test_a_wrong_password_gets_a_403_with_the_message_in_spanish(client, protected_page):
    restriction = PageViewRestriction.objects.get(page=protected_page)
    response = client.post(
        f"/es/_util/authenticate_with_password/{restriction.pk}/{protected_page.pk}/",
        {"password": "wrong", "return_url": "/minutes/"},
    )
    html = response.content.decode()
    assert response.status_code == 403
    assert 'role="alert"' in html and "Se requiere contraseña" in html
    assert "La contraseña que escribió no es correcta." in html


@pytest.mark.django_db
def test_the_right_password_shows_the_page(client, protected_page):
    restriction = PageViewRestriction.objects.get(page=protected_page)
    response = client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{protected_page.pk}/",
        {"password": "s3cret", "return_url": "/minutes/"},
        follow=True,
    )
    assert response.status_code == 200 and "<h1>Board minutes</h1>" in response.content.decode()
