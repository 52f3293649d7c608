"""Two app servers, as production runs them behind a load balancer: two
gunicorn processes (one worker each, on their own ports) sharing one
PostgreSQL database and one Redis database (tests/served_site.py). An
editor works in the admin of server A; server B must never answer from its
page cache with what that made stale.

Each change is checked on B's very next request, after B's page cache was
shown to hold the page (`X-Page-Cache: hit`), so the test fails if the
purge did not reach the cache B reads:
- a page moved on A is at its new address on B, and its old address on B
  no longer shows it (it redirects to the new one: Wagtail's automatic
  redirect);
- a page unpublished on A is not found on B;
- a page given a view restriction (signed-in users only) on A is never
  served to an anonymous visitor by B again: B sends them to sign in.
"""

import json

import pytest

from tests.served_site import EDITOR, EDITOR_PASSWORD, Visitor, served_site

REDIS_DB = 12  # only this test uses it
MOVED, MOVED_TO = "/about/governance/", "/engage/governance/"
UNPUBLISHED = "/about/history/"
RESTRICTED = "/about/members/"


@pytest.fixture
def site(tmp_path):
    with served_site("two_servers", REDIS_DB, tmp_path) as site:
        yield site


def assert_cached(server, path):
    """Two anonymous visits: the second is answered from the page cache."""
    first = Visitor(server.port).get(path)
    assert first.status == 200, (path, first.status, first.text[:500])
    second = Visitor(server.port).get(path)
    assert second.status == 200
    assert second.headers["X-Page-Cache"] == "hit", path


def sign_in(server):
    editor = Visitor(server.port)
    editor.get("/admin/login/")
    signed_in = editor.post("/admin/login/", {"username": EDITOR, "password": EDITOR_PASSWORD, "next": "/admin/"})
    assert signed_in.status == 302, signed_in.text[:500]
    assert editor.get("/admin/").status == 200  # a page of the admin, with a fresh form token
    return editor


def test_a_change_made_on_one_app_server_is_seen_on_the_other_at_once(site):
    a, b = site.serve(), site.serve()
    for path in (MOVED, UNPUBLISHED, RESTRICTED):
        assert_cached(b, path)
    assert Visitor(b.port).get(MOVED_TO).status == 404
    editor = sign_in(a)

    confirm = f"/admin/pages/{site.page_id('/home/about/governance/')}/move/{site.page_id('/home/engage/')}/confirm/"
    assert editor.get(confirm).status == 200
    assert editor.post(confirm, {}).status == 302
    old_address = Visitor(b.port).get(MOVED)
    assert old_address.status == 301, old_address.text[:500]
    assert old_address.headers["Location"].endswith(MOVED_TO)
    new_address = Visitor(b.port).get(MOVED_TO)
    assert new_address.status == 200 and "Governance" in new_address.text

    unpublish = f"/admin/pages/{site.page_id('/home/about/history/')}/unpublish/"
    assert editor.get(unpublish).status == 200
    assert editor.post(unpublish, {}).status == 302
    assert Visitor(b.port).get(UNPUBLISHED).status == 404

    privacy = f"/admin/pages/{site.page_id('/home/about/members/')}/privacy/"
    assert editor.get(privacy).status == 200
    restricted = editor.post(privacy, {"restriction_type": "login"})
    assert restricted.status == 200 and json.loads(restricted.text)["step"] == "set_privacy_done", restricted.text
    for _ in range(2):
        anonymous = Visitor(b.port).get(RESTRICTED)
        assert anonymous.status == 302, anonymous.text[:500]
        assert "login" in anonymous.headers["Location"]
