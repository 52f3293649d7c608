"""A real PostgreSQL goes away while the site is serving, then comes back.

The test starts a throw-away PostgreSQL 15 cluster of its own (never the
shared server on port 5432), builds a small site in it (tests/outage_site.py),
and serves that with gunicorn as in production. It then stops the cluster:
pages give the friendly 503, pages already in the page cache are still
served, and form posts are refused with nothing written. When the cluster is
started again the same gunicorn serves every page without a restart, and the
posts refused during the outage go through, the visitor's answers intact."""

import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings

from engage.models import StorySubmission, SurveySubmission
from stories.models import StoryPage
from tests.served_site import Visitor, free_port

POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")
GUNICORN = Path(sys.executable).parent / "gunicorn"
BUSY_WAIT = 30  # seconds to wait for PostgreSQL or gunicorn to be ready

pytestmark = pytest.mark.skipif(
    not (POSTGRES_BIN / "initdb").exists(), reason=f"PostgreSQL 15 server binaries are not installed in {POSTGRES_BIN}"
)


class Cluster:
    """A PostgreSQL cluster in a temporary folder, on a free port. initdb
    refuses to run as root, so as root every command runs as `postgres`."""

    def __init__(self):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="lhs-outage-"))
        self.data = self.folder / "data"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.folder, user="postgres")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def run(self, *command):
        if self.as_root:
            command = ("runuser", "-u", "postgres", "--", *command)
        subprocess.run(command, check=True, capture_output=True, timeout=BUSY_WAIT + 10)

    def create(self):
        initdb = str(POSTGRES_BIN / "initdb")
        self.run(initdb, "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")

    def start(self):
        # Durability is not under test: no fsync keeps start and stop quick.
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.folder} -c fsync=off"
        self.run(
            str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"), "-o", options, "-w",
            "-t", str(BUSY_WAIT), "start",
        )  # fmt: skip

    def stop(self, mode="immediate"):
        """Immediate: connections drop mid-stream, as when the server dies."""
        self.run(str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def count(self, model, **where):
        """Rows of `model` (matching column = value), read directly from the cluster."""
        import psycopg

        condition = " AND ".join(f"{column} = %s" for column in where) or "TRUE"
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres") as connection:
            row = connection.execute(
                f"SELECT count(*) FROM {model._meta.db_table} WHERE {condition}", list(where.values())
            ).fetchone()
        return row[0]

    def remove(self):
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def wait_until_serving(server, port, log):
    deadline = time.monotonic() + BUSY_WAIT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"gunicorn exited:\n{log.read_text()[-3000:]}")
        try:
            if Visitor(port).get("/healthz").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer within {BUSY_WAIT} s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def cluster():
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root, and there is no `postgres` user to run PostgreSQL as")
    cluster = Cluster()
    try:
        cluster.create()
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def site(cluster):
    """gunicorn serving a small site from the cluster, as in production: one
    worker that keeps its database connection between requests."""
    env = {key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "PAGE_CACHE")}
    env.update(
        DATABASE_URL=cluster.url,
        DJANGO_SETTINGS_MODULE="lhs_cms.settings.test",
        WEB_CONCURRENCY="1",
        DB_CONN_MAX_AGE="60",
    )
    subprocess.run([sys.executable, "-m", "tests.outage_site"], cwd=settings.BASE_DIR, env=env, check=True, timeout=120)
    port = free_port()
    log = cluster.folder / "gunicorn.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [str(GUNICORN), "-c", "lhs_cms/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}", "--no-control-socket"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_serving(server, port, log)
        yield server, port
    finally:
        server.terminate()
        server.wait(timeout=BUSY_WAIT)


SURVEY = "/engage/survey/"
SHARE = "/engage/share-your-story/"
STORY = {
    "story_title": "Asking patients cut our waiting times",
    "organization": "Riverside Health",
    "what_they_did": "We asked every patient what slowed them down.",
    "results": "Waiting times fell by a third.",
    "contact_name": "Ana López",
    "contact_email": "ana@riverside.example",
    "consent": "on",
}
# The survey wizard's hidden step field, as the browser posts it back (its
# name holds the page's id). The outage site's survey has two steps: about
# you and consent.
STEP_FIELD = re.compile(r'<input type="hidden" name="([^"]+-current_step)"')


def assert_friendly_503(response, language):
    assert response.status == 503, response.text[:500]
    assert int(response.headers["Retry-After"]) > 0
    assert "no-store" in response.headers["Cache-Control"]
    assert f'<html lang="{language}">' in response.text
    assert response.text.count("<h1>") == 1


def test_the_site_says_sorry_while_postgresql_is_down_and_recovers_by_itself(cluster, site):
    server, port = site
    visitor = Visitor(port)
    for path in ("/", "/stories/", "/stories/asking-patients/", SHARE):
        assert visitor.get(path).status == 200, path
    survey = visitor.get(SURVEY)
    assert survey.status == 200
    step = STEP_FIELD.search(survey.text).group(1)
    send_survey = {step: "consent", "consent": "on"}
    # The survey's first step is answered before the outage; its answers wait in the session.
    assert visitor.post(SURVEY, {step: "about", "organization": "Riverside"}).status == 303

    cluster.stop()

    outage = visitor.get("/stories/?sector=payers")
    assert_friendly_503(outage, "en")
    assert "The site is taking a short break" in outage.text
    assert_friendly_503(visitor.get("/es/"), "es")
    assert visitor.get("/healthz").status == 503
    # A page asked for before the outage comes from the page cache, for a
    # visitor without a session (a session may hold something of their own).
    cached = Visitor(port).get("/stories/asking-patients/")
    assert cached.status == 200 and "Asking patients" in cached.text
    # Form posts are refused, and nothing of them is stored.
    assert_friendly_503(visitor.post(SURVEY, send_survey), "en")
    assert_friendly_503(visitor.post(SHARE, STORY), "en")

    cluster.start()

    assert cluster.count(SurveySubmission) == 0
    assert cluster.count(StorySubmission) == 0
    assert cluster.count(StoryPage) == 1  # the site's own story, no draft from the post
    # The same gunicorn worker serves again, from its first request on.
    for path in ("/", "/stories/", "/healthz", SHARE):
        assert visitor.get(path).status == 200, path
    assert server.poll() is None
    # Sending again works: the answers typed before the outage were kept.
    sent = visitor.post(SURVEY, send_survey)
    assert sent.status == 303, sent.text[:500]
    assert visitor.get(sent.headers["Location"]).status == 200
    assert cluster.count(SurveySubmission, organization="Riverside") == 1
    visitor.get(SHARE)
    assert visitor.post(SHARE, STORY).status == 200
    assert cluster.count(StorySubmission, contact_email=STORY["contact_email"]) == 1
    assert cluster.count(StoryPage) == 2
