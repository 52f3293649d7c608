"""A Redis that is down makes pages slower, never broken."""

from django.core.cache import cache
from django.test import Client, RequestFactory, override_settings

from core import ratelimit
from tests import factories

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "lhs_cms.cache.FailSoftRedisCache",
        # Nothing listens on port 1: every connection is refused at once.
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


def test_pages_are_served_while_redis_is_unreachable(home_page):
    factories.StandardPageFactory(parent=home_page, title="About the commitments", slug="about")
    with override_settings(CACHES=UNREACHABLE_REDIS):
        for _ in range(2):
            response = Client().get("/about/")
            assert response.status_code == 200
            assert "About the commitments" in response.content.decode()
            assert response["X-Page-Cache"] != "hit"


def test_cache_operations_answer_as_misses(db):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        assert cache.get("anything", "fallback") == "fallback"
        assert cache.add("key", 1) is False
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
