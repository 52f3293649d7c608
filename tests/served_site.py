"""The site served in a test as in production: gunicorn with
lhs_cms/gunicorn.conf.py and the production settings
(tests/served_settings.py), on PostgreSQL and Redis. Used by
tests/test_proxy_varnish.py and tests/test_two_app_servers.py.

- Everything a served site uses is its own: a PostgreSQL database created
  for it and dropped afterwards, a Redis database number emptied before and
  after, a folder for static files, uploads and logs, and free loopback
  ports. Tests serving sites can run side by side (xdist), and touch nothing
  else on the machine.
- Every process of one site (each gunicorn, each `manage.py` command) gets
  the same environment, so they share the database and the cache as app
  servers do in production.
- A service that is missing (PostgreSQL, Redis, varnishd) skips the test,
  unless REQUIRE_PROXY=1 (as in CI), which makes it fail instead.

`python -m tests.served_site`, in a site's environment, builds the site: the
small one of tests/outage_site.py (tables made from the models, a story, the
engage pages) with an About section of three pages below it and an editor
who may use the admin.
"""

import contextlib
import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

import django
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
POSTGRES = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
REDIS = "redis://127.0.0.1:6379"
HOST = "localhost"  # the Wagtail Site's hostname, which purge requests carry
EDITOR, EDITOR_PASSWORD = "editor", "served-site-editor"
BUSY_WAIT = 30  # seconds to wait for a server to answer, or a command to end
# Variables that would change what a served site does; it gets its own.
SITE_VARIABLES = ("PAGE_CACHE", "FRONTEND_CACHE_", "AWS_", "GUNICORN_", "DB_CONN_MAX_AGE")


def require(available, reason):
    """Skip the test unless `available`; fail instead under REQUIRE_PROXY=1."""
    if available:
        return
    if os.environ.get("REQUIRE_PROXY") == "1":
        pytest.fail(f"{reason}; REQUIRE_PROXY=1 makes this test required.")
    pytest.skip(reason)


def postgres_available():
    import psycopg

    try:
        with psycopg.connect(**POSTGRES, dbname="postgres", connect_timeout=2):
            return True
    except psycopg.OperationalError:
        return False


def redis_available():
    import redis

    try:
        return redis.Redis.from_url(REDIS, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Visitor:
    """A browser, as far as the site can tell: cookies, and the CSRF token of
    the last form shown."""

    def __init__(self, port):
        self.port = port
        self.cookies = SimpleCookie()
        self.csrf_token = ""

    def request(self, method, path, fields=None):
        headers = {"Host": HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={morsel.value}" for name, morsel in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": self.csrf_token}, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=BUSY_WAIT)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.text = response.read().decode()
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            self.cookies.load(cookie)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
        if token:
            self.csrf_token = token.group(1)
        return response

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, fields)


class Server:
    """One gunicorn as in production (lhs_cms/gunicorn.conf.py) with one
    worker, on a free loopback port, its output in `log`."""

    def __init__(self, env, log):
        self.port = free_port()
        self.log = log
        command = [str(GUNICORN), "-c", "lhs_cms/gunicorn.conf.py", "--bind", f"127.0.0.1:{self.port}"]
        with log.open("wb") as output:
            self.process = subprocess.Popen(
                [*command, "--no-control-socket"], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
            )

    def wait_until_serving(self):
        deadline = time.monotonic() + BUSY_WAIT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn exited:\n{self.output()}")
            try:
                if Visitor(self.port).get("/healthz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        pytest.fail(f"gunicorn did not answer within {BUSY_WAIT} s:\n{self.output()}")

    def output(self):
        return self.log.read_text(errors="replace")[-3000:]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=BUSY_WAIT)


class ServedSite:
    """A site's database, cache and folder, and the servers serving it."""

    def __init__(self, name, redis_db, folder, environment):
        self.database = f"lhs_{name}_{os.getpid()}"
        self.redis_url = f"{REDIS}/{redis_db}"
        self.folder = folder
        self.servers = []
        inherited = {key: value for key, value in os.environ.items() if not key.startswith(SITE_VARIABLES)}
        self.env = {
            **inherited,
            "DJANGO_SETTINGS_MODULE": "tests.served_settings",
            "SERVED_STATIC_ROOT": str(folder / "static"),
            "MEDIA_ROOT": str(folder / "media"),
            "SECRET_KEY": secrets.token_urlsafe(50),
            # The same release in every process, whatever changes in the tree meanwhile.
            "RELEASE_ID": f"served-{name}",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.database}",
            "REDIS_URL": self.redis_url,
            "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "ADMIN_PATH": "admin",
            "WEB_CONCURRENCY": "1",
            "LOG_LEVEL": "WARNING",
            **environment,
        }

    def _postgres(self, dbname):
        import psycopg

        return psycopg.connect(**POSTGRES, dbname=dbname, autocommit=True)

    def _drop_database(self):
        with self._postgres("postgres") as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def _flush_redis(self):
        import redis

        redis.Redis.from_url(self.redis_url).flushdb()

    def create(self):
        self._drop_database()
        with self._postgres("postgres") as connection:
            connection.execute(f'CREATE DATABASE "{self.database}"')
        self._flush_redis()
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        self.python("-m", "tests.served_site")

    def python(self, *arguments):
        """Runs Python in the site's environment; its output, or the test fails."""
        done = subprocess.run(
            [sys.executable, *arguments], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120
        )
        if done.returncode:
            output = done.stdout[-2000:] + done.stderr[-3000:]
            pytest.fail(f"{' '.join(arguments)} failed ({done.returncode}):\n{output}")
        return done.stdout + done.stderr

    def manage(self, *arguments):
        return self.python("manage.py", *arguments)

    def query(self, sql, *parameters):
        """The rows of `sql`, read directly from the site's database."""
        with self._postgres(self.database) as connection:
            return connection.execute(sql, parameters).fetchall()

    def page_id(self, url_path):
        """The id of the page at Wagtail's url_path (from the tree's root: /home/about/)."""
        (row,) = self.query("SELECT id FROM wagtailcore_page WHERE url_path = %s", url_path)
        return row[0]

    def serve(self):
        """A new gunicorn serving the site, once it answers."""
        server = Server(self.env, self.folder / f"gunicorn-{len(self.servers) + 1}.log")
        self.servers.append(server)
        server.wait_until_serving()
        return server

    def remove(self):
        for server in self.servers:
            server.stop()
        self._drop_database()
        self._flush_redis()


@contextlib.contextmanager
def served_site(name, redis_db, folder, **environment):
    """A ServedSite built and ready to serve, removed afterwards.
    `redis_db` is a Redis database number only this test uses."""
    require(postgres_available(), f"PostgreSQL does not answer at {POSTGRES['host']}:{POSTGRES['port']}")
    require(redis_available(), f"Redis does not answer at {REDIS}")
    site = ServedSite(name, redis_db, folder, environment)
    try:
        site.create()
        yield site
    finally:
        site.remove()


def build_site():
    from django.contrib.auth import get_user_model

    from home.models import HomePage
    from tests import factories, outage_site

    outage_site.build_site()
    about = factories.StandardPageFactory(parent=HomePage.objects.get(), title="About", slug="about")
    for title in ("Governance", "History", "Members"):
        factories.StandardPageFactory(parent=about, title=title, slug=title.lower())
    get_user_model().objects.create_superuser(EDITOR, "editor@example.org", EDITOR_PASSWORD)


if __name__ == "__main__":
    from tests.outage_site import NoMigrations

    settings.MIGRATION_MODULES = NoMigrations()
    django.setup()
    build_site()
