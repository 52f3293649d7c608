"""Builds a large site on PostgreSQL, serves it with gunicorn as in
production, and prints a Markdown table per page type: latency with the page
cache off (cold) and on (warm), requests per second at 8 connections, SQL
queries per uncached render, and compressed page weight.

    .venv/bin/python bench/site_bench.py [--stories 1000] [--requests 200] [--seconds 5] [--keep-db]

It makes the PostgreSQL database lhs_bench, migrates it, loads the demo
content (`manage.py load_demo_content`: ten commitments, English and Spanish)
and copies demo stories until there are --stories (bench/site_content.py).
gunicorn then serves it twice with the production settings and
lhs_cms/gunicorn.conf.py: cold with PAGE_CACHE=off, warm with PAGE_CACHE=on
after the pages have been asked for once. With the page cache off it also
reads the workers' CPU time per request from /proc, which other programs
busy on the machine do not lengthen the way they lengthen latency. Queries
are counted in this process with Django's test client on the same database
and settings: the second render, and in brackets the first, made while this
process's caches and Redis were still empty. Page weight is the HTML plus every
stylesheet and script it links, gzipped as the server sends them (the HTML
gzipped here when the server sends it plain, as a proxy in front would).
Throughput comes from wrk when it is installed, Python threads otherwise.
Traffic goes only to 127.0.0.1; the database is dropped afterwards unless
--keep-db.
"""

import argparse
import contextlib
import datetime
import gzip
import http.client
import io
import math
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the project's apps and bench.settings
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
HOST, PORT = "127.0.0.1", 8766
DATABASE = "lhs_bench"
REDIS_URL = "redis://127.0.0.1:6379/13"  # a database nothing else uses; emptied before each run
WORK = Path(f"/tmp/{DATABASE}")  # collected static files and uploads
CONNECTIONS = 8
SEARCH_WORD = "patients"  # in most story bodies
LATE_PAGE = 40

# Targets from issue 7.
MAX_MEDIAN_MS = 25
MAX_QUERIES = 12
MAX_WEIGHT_KB = 60
MIN_WARM_RATIO = 10


def bench_env(workers):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_STATIC_ROOT": str(WORK / "static"),
        "MEDIA_ROOT": str(WORK / "media"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "DB_CONN_MAX_AGE": "60",
        "REDIS_URL": REDIS_URL,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "WEB_CONCURRENCY": str(workers),
        # No worker replaced mid-run: its CPU time would drop out of the sum.
        "GUNICORN_MAX_REQUESTS": "0",
        "LOG_LEVEL": "WARNING",
        # This process renders pages only to count their queries.
        "PAGE_CACHE": "off",
    }


def psql(sql):
    command = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qtAc", sql]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def build_site(stories, log):
    """Migrates, loads the demo and adds stories; with Django set up in this process."""
    from django.core.management import call_command

    from bench.site_content import add_stories

    quiet = {"stdout": io.StringIO()}
    call_command("migrate", "--noinput", **quiet)
    call_command("collectstatic", "--noinput", **quiet)
    log("Loading the demo content")
    call_command("load_demo_content", **quiet)
    log(f"Adding stories up to {stories}")
    add_stories(stories, log)
    # In production a task worker makes them when an image is saved; none runs here.
    call_command("generate_renditions", **quiet)
    # Planner statistics, as autovacuum keeps them on a database in use.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def pages_to_measure():
    """(label, path) of each page type, found in the database."""
    from wagtail.models import Locale

    from commitments.models import CommitmentIndexPage, CommitmentPage
    from home.models import HomePage
    from stories.models import StoryIndexPage, StoryPage

    english = Locale.get_default()
    spanish = Locale.objects.get(language_code="es")
    index = StoryIndexPage.objects.get(locale=english)
    listed = StoryPage.objects.live().child_of(index).order_by("-date", "-pk")
    story = listed[listed.count() // 2]
    late = min(LATE_PAGE, math.ceil(listed.count() / StoryIndexPage.STORIES_PER_PAGE))
    commitment = story.story_commitments.first().commitment.slug
    spanish_story = StoryPage.objects.live().filter(locale=spanish, alias_of__isnull=True).order_by("-pk").first()
    return [
        ("Home", "/"),
        ("Commitments index", CommitmentIndexPage.objects.get(locale=english).url),
        ("A commitment", CommitmentPage.objects.filter(locale=english).order_by("number").first().url),
        ("Story index, page 1", index.url),
        (f"Story index, page {late}", f"{index.url}?page={late}"),
        ("Filtered listing", f"{index.url}?commitment={commitment}&sector={story.sector.slug}"),
        ("A story", story.url),
        ("Search", f"/search/?q={SEARCH_WORD}"),
        ("Home (es)", HomePage.objects.get(locale=spanish).url),
        ("A translated story (es)", spanish_story.url),
    ]


def publish_seconds(count=5):
    """Median seconds to publish a story, with the page cache's purge (and
    the Spanish alias Wagtail keeps in step) included."""
    from wagtail.models import Locale

    from stories.models import StoryPage

    stories = StoryPage.objects.live().filter(locale=Locale.get_default()).order_by("pk")
    seconds = []
    for story in stories[:count]:
        revision = story.save_revision()
        started = time.perf_counter()
        revision.publish()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def count_queries(pages):
    """{label: (queries of the first render, of the second)} with the page cache off."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    counts = {}
    for label, path in pages:
        renders = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code} in process")
            renders.append(len(queries))
        counts[label] = renders
    return counts


class Server:
    """gunicorn with lhs_cms/gunicorn.conf.py on a local port."""

    def __init__(self, env, page_cache):
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "lhs_cms/gunicorn.conf.py", "--bind", f"{HOST}:{PORT}"],
            cwd=ROOT,
            env={**env, "PAGE_CACHE": page_cache},
            stdout=subprocess.DEVNULL,  # one access log line per request
            stderr=subprocess.DEVNULL,
        )
        for _ in range(300):
            try:
                get(http.client.HTTPConnection(HOST, PORT, timeout=60), "/")
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def workers_cpu_seconds(self):
        """CPU time the workers have used so far: unlike latency, not
        lengthened by other programs busy on the same machine."""
        pid = self.process.pid
        ticks = 0
        for worker in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
            with contextlib.suppress(FileNotFoundError):  # a worker replaced meanwhile
                fields = Path(f"/proc/{worker}/stat").read_text().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def get(connection, path):
    """(status, headers, body) of one GET, as a browser asks for it."""
    connection.request("GET", path, headers={"Host": f"{HOST}:{PORT}", "Accept-Encoding": "gzip"})
    response = connection.getresponse()
    return response.status, response.headers, response.read()


def latencies(path, count):
    """Seconds per request over `count` requests in a row, and the
    X-Page-Cache answers seen."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    seconds, cache = [], Counter()
    for _ in range(count):
        started = time.perf_counter()
        status, headers, _body = get(connection, path)
        seconds.append(time.perf_counter() - started)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        cache[headers.get("X-Page-Cache", "no header")] += 1
    return seconds, cache


def after_change_latencies(path, count):
    """Seconds of the first request after each of `count` changes of the
    content version: every site-wide piece, listing selection, story card
    and known address is rebuilt for the new version, as after a publish."""
    from home import content_version

    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    seconds = []
    for _ in range(count):
        content_version.bump()
        started = time.perf_counter()
        status, _headers, _body = get(connection, path)
        seconds.append(time.perf_counter() - started)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    return seconds


def requests_per_second(path, seconds):
    url = f"http://{HOST}:{PORT}{path}"
    if shutil.which("wrk"):
        command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "-H", "Accept-Encoding: gzip", url]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        if "Non-2xx" in output:
            raise RuntimeError(f"{path} answered errors under load:\n{output}")
        return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    deadline = time.perf_counter() + seconds

    def one_connection(_number):
        connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
        answered = 0
        while time.perf_counter() < deadline:
            get(connection, path)
            answered += 1
        return answered

    with ThreadPoolExecutor(CONNECTIONS) as pool:
        return sum(pool.map(one_connection, range(CONNECTIONS))) / seconds


class LinkedAssets(HTMLParser):
    """Stylesheets and scripts a page makes the browser fetch."""

    def __init__(self):
        super().__init__()
        self.paths = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.paths.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.paths.append(attrs["src"])


def compressed_size(headers, body):
    if headers.get("Content-Encoding") in ("gzip", "br"):
        return len(body)
    return len(gzip.compress(body, compresslevel=6))


def page_weight(path, asset_sizes):
    """Compressed bytes of the page's HTML and of every stylesheet and script it links."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    _status, headers, body = get(connection, path)
    html = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    assets = LinkedAssets()
    assets.feed(html.decode("utf-8"))
    total = compressed_size(headers, body)
    for asset in assets.paths:
        if asset not in asset_sizes:
            status, asset_headers, asset_body = get(connection, asset)
            if status != 200:
                raise RuntimeError(f"{asset} answered {status}")
            asset_sizes[asset] = compressed_size(asset_headers, asset_body)
        total += asset_sizes[asset]
    return total


def empty_shared_cache():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def measure(env, pages, page_cache, options, log):
    """{label: {"median", "p95", "cpu", "rps", "cache", "weight"}} for one run of the server."""
    empty_shared_cache()
    server = Server(env, page_cache)
    try:
        results, asset_sizes = {}, {}
        for label, path in pages:
            # Every worker renders every page before the clock starts (and the
            # page cache, when on, holds it), so neither run measures a worker's
            # first request.
            latencies(path, options.workers * 3)
            cpu_before = server.workers_cpu_seconds()
            seconds, cache = latencies(path, options.requests)
            cpu = (server.workers_cpu_seconds() - cpu_before) / options.requests
            results[label] = {
                "median": statistics.median(seconds) * 1000,
                "p95": statistics.quantiles(seconds, n=20)[18] * 1000,
                "cpu": cpu * 1000,
                "rps": requests_per_second(path, options.seconds),
                "cache": ", ".join(f"{state} {count}" for state, count in cache.most_common()),
                "weight": page_weight(path, asset_sizes),
            }
            if page_cache == "off":
                results[label]["changed"] = statistics.median(after_change_latencies(path, options.changes)) * 1000
            log(f"  {page_cache:<4}{label:<28}{results[label]['median']:7.1f} ms{results[label]['rps']:9.0f}/s")
        return results
    finally:
        server.stop()


def mark(ok):
    return "✔" if ok else "✘"


def machine():
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), platform.processor()
    )
    return {
        "Date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "Python": platform.python_version(),
        "PostgreSQL": psql("SHOW server_version"),
        "Load average (1, 5, 15 min) after the runs": ", ".join(f"{load:.1f}" for load in os.getloadavg()),
        "Load": f"{'wrk' if shutil.which('wrk') else 'Python threads'}, {CONNECTIONS} connections, on the same machine",
    }


def table(pages, queries, cold, warm):
    rows = [
        "| Page | Queries | Cold median ms | Cold p95 ms | Cold CPU ms | Warm median ms | Warm p95 ms "
        "| After a change median ms | Cold req/s | Warm req/s | Warm/cold | KB gz | Warm cache |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for label, path in pages:
        first, second = queries[label]
        ratio = warm[label]["rps"] / cold[label]["rps"]
        kilobytes = cold[label]["weight"] / 1024
        rows.append(
            f"| {label} `{path}` "
            f"| {second} ({first}) {mark(second <= MAX_QUERIES)} "
            f"| {cold[label]['median']:.1f} {mark(cold[label]['median'] < MAX_MEDIAN_MS)} "
            f"| {cold[label]['p95']:.1f} | {cold[label]['cpu']:.1f} "
            f"| {warm[label]['median']:.1f} | {warm[label]['p95']:.1f} "
            f"| {cold[label]['changed']:.1f} "
            f"| {cold[label]['rps']:.0f} | {warm[label]['rps']:.0f} "
            f"| {ratio:.1f}× {mark(ratio >= MIN_WARM_RATIO)} "
            f"| {kilobytes:.1f} {mark(kilobytes <= MAX_WEIGHT_KB)} "
            f"| {warm[label]['cache']} |"
        )
    return "\n".join(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000, help="English stories on the site")
    parser.add_argument("--requests", type=int, default=200, help="requests in a row per page, for latency")
    parser.add_argument("--seconds", type=int, default=5, help="length of each throughput run")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() * 2, help="gunicorn workers (the config's default)"
    )
    parser.add_argument("--changes", type=int, default=20, help="content changes per page, for 'after a change'")
    parser.add_argument("--keep-db", action="store_true", help="keep the database, and use it again next time")
    options = parser.parse_args()

    began = time.perf_counter()

    def log(message):
        print(f"{time.perf_counter() - began:5.0f} s  {message}", file=sys.stderr, flush=True)

    env = bench_env(options.workers)
    os.environ.update(env)
    reuse = options.keep_db and psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'") == "1"
    if not reuse:
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        shutil.rmtree(WORK, ignore_errors=True)
        psql(f"CREATE DATABASE {DATABASE}")
    try:
        import django

        django.setup()
        build_site(options.stories, log)
        log("Site ready")
        pages = pages_to_measure()
        publishing = publish_seconds()
        empty_shared_cache()
        queries = count_queries(pages)

        from django.db import connections

        connections.close_all()
        log("Page cache off")
        cold = measure(env, pages, "off", options, log)
        log("Page cache on")
        warm = measure(env, pages, "on", options, log)
    finally:
        if not options.keep_db:
            psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            shutil.rmtree(WORK, ignore_errors=True)

    print()
    for name, value in {
        **machine(),
        "Site": f"{options.stories} English stories, Spanish aliases and translations, {DATABASE} on PostgreSQL",
        "Publishing a story (median of 5, page cache purge included)": f"{publishing:.2f} s",
        "Server": f"gunicorn, lhs_cms/gunicorn.conf.py, {options.workers} workers, production settings",
        "Samples": (
            f"{options.requests} requests in a row per page; {options.changes} after a change; "
            f"throughput over {options.seconds} s"
        ),
    }.items():
        print(f"- {name}: {value}")
    print()
    print(table(pages, queries, cold, warm))
    print()
    print(
        f"Targets: cold median under {MAX_MEDIAN_MS} ms, at most {MAX_QUERIES} queries, "
        f"at most {MAX_WEIGHT_KB} KB compressed HTML+CSS+JS, warm at least {MIN_WARM_RATIO}× cold req/s. "
        "Queries: second render in process (first, with every cache empty, in brackets). "
        "Cold CPU: gunicorn worker CPU time per request (PostgreSQL's not included). "
        "Cold: page cache off; the pieces kept under the content version (site-wide pieces, listing selections, "
        "story cards, known addresses) are in the cache, as on every request but the first after a change. "
        "After a change: the first request after the content version changed, every one of those pieces rebuilt."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
