"""A Redis that is down makes pages slower, never broken: production's
cache configuration (django-redis with IGNORE_EXCEPTIONS, both aliases)
pointed at an address where nothing listens answers every operation as a
miss."""

from django.core.cache import cache
from django.test import Client, RequestFactory, override_settings
from wagtail.models import Page

from core import ratelimit
from tests import factories


def unreachable_redis(key_prefix):
    """As lhs_cms/settings/base.py configures Redis, but nothing listens on
    port 1: every connection is refused at once."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5, "IGNORE_EXCEPTIONS": True},
    }


UNREACHABLE_REDIS = {"default": unreachable_redis("lhs"), "template_fragments": unreachable_redis("lhs:release")}


def test_pages_are_served_while_redis_is_unreachable(home_page):
    factories.StandardPageFactory(parent=home_page, title="About the commitments", slug="about")
    with override_settings(CACHES=UNREACHABLE_REDIS):
        for _ in range(2):
            response = Client().get("/about/")
            assert response.status_code == 200
            assert "About the commitments" in response.content.decode()
            assert response["X-Page-Cache"] != "hit"


def test_a_change_shows_on_the_next_request_while_redis_is_unreachable(home_page):
    """No app server keeps its own copy of anything when the shared cache
    is gone: a change another server made shows at once."""
    about = factories.StandardPageFactory(parent=home_page, title="About", slug="about", show_in_menus=True)
    with override_settings(CACHES=UNREACHABLE_REDIS):
        client = Client()
        assert ">About<" in client.get("/about/").content.decode()
        Page.objects.filter(pk=about.pk).update(title="Who we are")
        html = client.get("/about/").content.decode()
    assert ">Who we are<" in html and ">About<" not in html


def test_cache_operations_answer_as_misses(db):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        assert cache.get("anything", "fallback") == "fallback"
        assert not cache.add("key", 1)
        cache.set("key", 1)
        assert cache.get_many(["key"]) == {}
        # Rate limits let visitors through rather than failing the form.
        request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.1")
        assert all(ratelimit.hit("test", request, "1/h") for _ in range(3))


def test_healthz_names_the_cache_when_redis_is_unreachable(db):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}
