"""A caching proxy in front of the site is purged when a page is published.

Varnish (Debian's package) runs on a loopback port in front of gunicorn
serving the site as in production (tests/served_site.py), with
FRONTEND_CACHE_PURGE_URL naming Varnish, so Wagtail's HTTPBackend is one of
the frontend cache backends beside the page cache. Its VCL is Varnish's
built-in one (GET and HEAD without cookies cached for `s-maxage`) plus
`PURGE` from 127.0.0.1.

- A public page asked for twice is answered by Varnish the second time.
- Publishing a change from another process (as an editor's request on any
  app server would) sends PURGE for the page and the pages showing it,
  after the commit: the next request through Varnish shows the change.
- The purge needs no task worker, though production queues background
  tasks in the database: the frontend-cache task is called at once.

Without varnishd the test is skipped, unless REQUIRE_PROXY=1 (CI).
"""

import os
import shutil
import socket
import subprocess
import time

import pytest

from tests.served_site import BUSY_WAIT, Visitor, free_port, require, served_site

VARNISHD = shutil.which("varnishd", path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin"]))
REDIS_DB = 11  # only this test uses it
STORY, LISTING = "/stories/asking-patients/", "/stories/"
OLD_TITLE, NEW_TITLE = "Asking patients", "Patients set our agenda"
PUBLISH = f"""
from stories.models import StoryPage
page = StoryPage.objects.get(slug="asking-patients")
page.title = "{NEW_TITLE}"
page.save_revision().publish()
"""
VCL = """vcl 4.1;

backend default {{ .host = "127.0.0.1"; .port = "{backend_port}"; }}

acl purgers {{ "127.0.0.1"; }}

sub vcl_recv {{
    if (req.method == "PURGE") {{
        if (client.ip !~ purgers) {{
            return (synth(405, "Not allowed"));
        }}
        return (purge);
    }}
}}
"""


class Varnish:
    """varnishd in the foreground on `port`, in front of `backend_port`,
    with its working folder in the test's own; without privilege separation
    (`-j none`), so it runs as whoever runs the test."""

    def __init__(self, folder, port, backend_port):
        self.port = port
        self.log = folder / "varnish.log"
        vcl = folder / "site.vcl"
        vcl.write_text(VCL.format(backend_port=backend_port))
        command = [VARNISHD, "-F", "-j", "none", "-n", str(folder / "varnish"), "-T", "none", "-s", "malloc,32m"]
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                [*command, "-a", f"127.0.0.1:{port}", "-f", str(vcl)], stdout=output, stderr=subprocess.STDOUT
            )

    def wait_until_listening(self):
        deadline = time.monotonic() + BUSY_WAIT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"varnishd exited:\n{self.output()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        pytest.fail(f"varnishd did not listen within {BUSY_WAIT} s:\n{self.output()}")

    def output(self):
        return self.log.read_text(errors="replace")[-3000:]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=BUSY_WAIT)


@pytest.fixture
def varnish_port():
    require(VARNISHD, "varnishd is not installed (Debian: apt-get install varnish)")
    return free_port()


@pytest.fixture
def site(tmp_path, varnish_port):
    with served_site(
        "varnish", REDIS_DB, tmp_path, FRONTEND_CACHE_PURGE_URL=f"http://127.0.0.1:{varnish_port}"
    ) as site:
        yield site


@pytest.fixture
def varnish(site, varnish_port, tmp_path):
    varnish = Varnish(tmp_path, varnish_port, site.serve().port)
    try:
        varnish.wait_until_listening()
        yield varnish
    finally:
        varnish.stop()


def from_cache(response):
    """Whether Varnish answered from its cache: X-Varnish then holds this
    request's id and that of the request that stored the object."""
    return len(response.headers["X-Varnish"].split()) == 2


def test_publishing_a_page_purges_it_from_varnish(site, varnish):
    for path in (STORY, LISTING):
        first = Visitor(varnish.port).get(path)
        assert first.status == 200 and OLD_TITLE in first.text, (path, first.status, first.text[:500])
        assert not from_cache(first)
        second = Visitor(varnish.port).get(path)
        assert from_cache(second) and OLD_TITLE in second.text, path

    site.manage("shell", "-c", PUBLISH)

    for path in (STORY, LISTING):
        fresh = Visitor(varnish.port).get(path)
        assert fresh.status == 200 and NEW_TITLE in fresh.text and OLD_TITLE not in fresh.text, path
        assert not from_cache(fresh)
        assert from_cache(Visitor(varnish.port).get(path)), path
    # Production queues background tasks for a worker (none runs here); the
    # purge was not among them.
    waiting = [path for (path,) in site.query("SELECT task_path FROM django_tasks_database_dbtaskresult")]
    assert waiting
    assert not [path for path in waiting if "frontend_cache" in path]
