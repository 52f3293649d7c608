"""Builds a large site on PostgreSQL, serves it with gunicorn as in
production, and prints a Markdown table per page type with three columns
of latency: uncached (page cache off, template fragments warm), first view
after a publish (every cache empty) and warm (page cache hits); with
requests per second at 8 connections, SQL queries per uncached render,
compressed page weight, and the time to publish a story with its purge.

    .venv/bin/python bench/site_bench.py [--stories 1000] [--requests 200] [--changes 20]
        [--seconds 5] [--publishes 7] [--workers N] [--keep-db]

It makes the PostgreSQL database lhs_bench, migrates it, loads the demo
content (`manage.py load_demo_content`: ten commitments, English and Spanish)
and copies demo stories until there are --stories (bench/site_content.py).
gunicorn then serves it twice with the production settings and
lhs_cms/gunicorn.conf.py, both with Redis db 13 as the cache:

- uncached: PAGE_CACHE=off, after every worker has rendered the page, so
  the template fragments (menu, footer, story cards, in the
  template_fragments cache) are kept, as they are between changes. It also
  reads the workers' CPU time per request from /proc, which other programs
  busy on the machine do not lengthen the way they lengthen latency.
- first view after a publish: PAGE_CACHE=on, Redis db 13 emptied
  (FLUSHDB) before each measured request, so the page cache, its tokens,
  every fragment and Wagtail's cached site root paths are all gone: the
  most a publish (or a deploy) can leave to rebuild. The request renders
  the page and stores it.
- warm: PAGE_CACHE=on, after the page has been asked for: page cache hits.

Queries are counted in this process with Django's test client on the same
database, settings and Redis db: the second render (fragments warm) and,
in brackets, the first, made just after emptying Redis db 13. Page weight
is the HTML plus every stylesheet and script it links, gzipped as the
server sends them (the HTML gzipped here when the server sends it plain, as
a proxy in front would). Publishing is timed in this process with the page
cache's purge on (PAGE_CACHE_ENABLED), as in the admin. Throughput comes
from wrk when it is installed, from one Python process per connection
otherwise. A fixed reference workload (a Django template over 2,000 rows)
is timed before publishing and before each run, so runs on machines, or
moments, of different speed can be compared. Traffic goes only to
127.0.0.1; the database is dropped afterwards unless --keep-db.
"""

import argparse
import contextlib
import datetime
import gzip
import http.client
import io
import math
import multiprocessing
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
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the project's apps and bench.settings
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
HOST, PORT = "127.0.0.1", 8766
DATABASE = "lhs_bench"
REDIS_URL = "redis://127.0.0.1:6379/13"  # a database nothing else uses; emptied during the run
WORK = Path(f"/tmp/{DATABASE}")  # collected static files and uploads
CONNECTIONS = 8
SEARCH_WORD = "patients"  # in most story bodies
LATE_PAGE = 40

# Targets from issue 12 ("Speed must hold"), on a 2-core machine.
MAX_UNCACHED_MEDIAN_MS = 20
MAX_FIRST_VIEW_MS = 40
MAX_QUERIES = 12
MIN_WARM_RATIO = 20
MAX_PUBLISH_SECONDS = 0.2
# From issue 7.
MAX_WEIGHT_KB = 60


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


def load_average():
    return ", ".join(f"{load:.1f}" for load in os.getloadavg())


def empty_shared_cache():
    """Empties Redis db 13: the page cache, its tokens, every template
    fragment and everything else the site keeps in its cache."""
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


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
    # Planner statistics and the visibility map (which lets PostgreSQL
    # answer from an index alone), as autovacuum keeps them on a database
    # in use: loading leaves more dead page rows than live ones.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


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


def publish_times(count):
    """(seconds, URLs purged) of each of `count` story publishes, with the
    page cache's purge on as in the admin: the pages that show the story
    worked out, their tokens retired in Redis at once and again on commit,
    and the Spanish alias Wagtail keeps in step."""
    from django.test.utils import override_settings
    from wagtail.models import Locale

    from core import page_cache
    from stories.models import StoryPage

    purged = []
    purge = page_cache.purge

    def counting_purge(*args, **kwargs):
        found = purge(*args, **kwargs)
        purged[-1] += len(found)
        return found

    stories = StoryPage.objects.live().filter(locale=Locale.get_default()).order_by("pk")
    seconds = []
    with override_settings(PAGE_CACHE_ENABLED=True), _patched(page_cache, "purge", counting_purge):
        for story in stories[:count]:
            revision = story.save_revision()
            purged.append(0)
            started = time.perf_counter()
            revision.publish()
            seconds.append(time.perf_counter() - started)
    return seconds, purged


@contextlib.contextmanager
def _patched(module, name, value):
    original = getattr(module, name)
    setattr(module, name, value)
    try:
        yield
    finally:
        setattr(module, name, original)


def count_queries(pages):
    """{label: (queries of the first render with Redis db 13 empty, of the
    second, fragments kept)} with the page cache off."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    counts = {}
    for label, path in pages:
        empty_shared_cache()
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


def timed_get(connection, path):
    started = time.perf_counter()
    status, headers, _body = get(connection, path)
    seconds = time.perf_counter() - started
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    return seconds, headers.get("X-Page-Cache", "no header")


def latencies(path, count):
    """Seconds per request over `count` requests in a row, and the
    X-Page-Cache answers seen."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    seconds, cache = [], Counter()
    for _ in range(count):
        took, state = timed_get(connection, path)
        seconds.append(took)
        cache[state] += 1
    return seconds, cache


def first_view_latencies(path, count):
    """Seconds of `count` requests, each made just after Redis db 13 was
    emptied: no page in the page cache, no fragment, nothing the site keeps
    in its cache. The emptying is not timed."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    seconds, cache = [], Counter()
    for _ in range(count):
        empty_shared_cache()
        took, state = timed_get(connection, path)
        seconds.append(took)
        cache[state] += 1
    return seconds, cache


def _answered_between(url_path, start, deadline):
    """One connection's requests from `start` until `deadline` (a loop in
    its own process, so eight of them are not held back by one interpreter
    lock)."""
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    time.sleep(max(0, start - time.time()))
    answered = errors = 0
    while time.time() < deadline:
        status, _headers, _body = get(connection, url_path)
        answered += 1
        errors += status != 200
    return answered, errors


def requests_per_second(path, seconds):
    url = f"http://{HOST}:{PORT}{path}"
    if shutil.which("wrk"):
        command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "-H", "Accept-Encoding: gzip", url]
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        if "Non-2xx" in output:
            raise RuntimeError(f"{path} answered errors under load:\n{output}")
        return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    with multiprocessing.get_context("fork").Pool(CONNECTIONS) as pool:
        # Every process starts at the same moment, once all are forked.
        start = time.time() + 0.5
        answers = pool.starmap(_answered_between, [(path, start, start + seconds)] * CONNECTIONS)
    if any(errors for _answered, errors in answers):
        raise RuntimeError(f"{path} answered errors under load")
    return sum(answered for answered, _errors in answers) / seconds


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


def summary(seconds):
    return statistics.median(seconds) * 1000, statistics.quantiles(seconds, n=20)[18] * 1000


def states(cache):
    return ", ".join(f"{state} {count}" for state, count in cache.most_common())


def measure_uncached(env, pages, options, log):
    """{label: {...}} with PAGE_CACHE=off, template fragments kept."""
    empty_shared_cache()
    server = Server(env, "off")
    try:
        results, asset_sizes = {}, {}
        for label, path in pages:
            # Every worker renders the page before the clock starts, so the
            # fragments it shows are kept and no worker's first request counts.
            latencies(path, options.workers * 3)
            cpu_before = server.workers_cpu_seconds()
            seconds, cache = latencies(path, options.requests)
            cpu = (server.workers_cpu_seconds() - cpu_before) / options.requests
            median, p95 = summary(seconds)
            results[label] = {
                "median": median,
                "p95": p95,
                "cpu": cpu * 1000,
                "cache": states(cache),
                "rps": requests_per_second(path, options.seconds),
                "weight": page_weight(path, asset_sizes),
            }
            log(f"  uncached {label:<28}{median:7.1f} ms{cpu * 1000:7.1f} ms CPU{results[label]['rps']:7.0f}/s")
        return results
    finally:
        server.stop()


def measure_cached(env, pages, options, log):
    """{label: {...}} with PAGE_CACHE=on: hits, then first views with every cache empty."""
    empty_shared_cache()
    server = Server(env, "on")
    try:
        results = {}
        for label, path in pages:
            latencies(path, options.workers * 3)  # stored, and every worker warm
            seconds, cache = latencies(path, options.requests)
            rps = requests_per_second(path, options.seconds)
            median, p95 = summary(seconds)
            cpu_before = server.workers_cpu_seconds()
            first, first_cache = first_view_latencies(path, options.changes)
            first_cpu = (server.workers_cpu_seconds() - cpu_before) / options.changes
            results[label] = {
                "median": median,
                "p95": p95,
                "cache": states(cache),
                "rps": rps,
                "first": statistics.median(first) * 1000,
                "first_max": max(first) * 1000,
                "first_cpu": first_cpu * 1000,
                "first_cache": states(first_cache),
            }
            log(
                f"  warm     {label:<28}{median:7.1f} ms{rps:7.0f}/s; "
                f"first view {results[label]['first']:.1f} ms ({results[label]['first_cache']})"
            )
        return results
    finally:
        server.stop()


def mark(ok):
    return "✔" if ok else "✘"


REFERENCE_TEMPLATE = (
    "{% for row in rows %}<tr><td>{{ row.name|title }}</td><td>{{ row.value|floatformat:2 }}</td>"
    "<td>{% if row.flag %}yes{% else %}no{% endif %}</td></tr>{% endfor %}"
)


def reference_ms():
    """How fast this machine runs Python right now: the median time of a
    fixed piece of work like a page's (a Django template over 2,000 rows),
    measured several times across the run. The same code's latencies are
    comparable between runs and machines only as far as this is."""
    from django.template import Context, Engine

    template = Engine().from_string(REFERENCE_TEMPLATE)
    rows = [{"name": f"row {n}", "value": n / 7, "flag": n % 2} for n in range(2000)]
    times = []
    for _ in range(7):
        began = time.perf_counter()
        template.render(Context({"rows": rows}))
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def machine(loads, references):
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), platform.processor()
    )
    return {
        "Date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "Python": platform.python_version(),
        "PostgreSQL": psql("SHOW server_version"),
        "Load average (1, 5, 15 min)": "; ".join(f"{when}: {load}" for when, load in loads.items()),
        "Reference workload (a Django template over 2,000 rows, median ms; lower is a faster machine)": "; ".join(
            f"{when}: {ms:.1f}" for when, ms in references.items()
        ),
        "Load generator": (
            f"{'wrk' if shutil.which('wrk') else 'Python, one process per connection (wrk not installed)'}, "
            f"{CONNECTIONS} connections, on the same machine"
        ),
    }


def table(pages, queries, uncached, cached):
    rows = [
        "| Page | Queries | Uncached median ms | Uncached p95 ms | Uncached CPU ms "
        "| First view after a publish median ms | First view CPU ms | Warm median ms | Warm p95 ms "
        "| Uncached req/s | Warm req/s | Warm/uncached | KB gz | Warm cache |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ]
    for label, path in pages:
        first_render, second = queries[label]
        cold, warm = uncached[label], cached[label]
        ratio = warm["rps"] / cold["rps"]
        kilobytes = cold["weight"] / 1024
        rows.append(
            f"| {label} `{path}` "
            f"| {second} ({first_render}) {mark(second <= MAX_QUERIES)} "
            f"| {cold['median']:.1f} {mark(cold['median'] <= MAX_UNCACHED_MEDIAN_MS)} "
            f"| {cold['p95']:.1f} | {cold['cpu']:.1f} "
            f"| {warm['first']:.1f} {mark(warm['first'] <= MAX_FIRST_VIEW_MS)} "
            f"| {warm['first_cpu']:.1f} "
            f"| {warm['median']:.1f} | {warm['p95']:.1f} "
            f"| {cold['rps']:.0f} | {warm['rps']:.0f} "
            f"| {ratio:.1f}× {mark(ratio >= MIN_WARM_RATIO)} "
            f"| {kilobytes:.1f} {mark(kilobytes <= MAX_WEIGHT_KB)} "
            f"| {warm['cache']} |"
        )
    return "\n".join(rows)


def verdicts(pages, queries, uncached, cached, publish_median):
    """One line per target: how many page types meet it, and the worst."""
    labels = [label for label, _path in pages]

    def line(name, values, ok, unit, worst=max):
        met = [label for label in labels if ok(values[label])]
        missed = [f"{label} {values[label]:.1f}{unit}" for label in labels if not ok(values[label])]
        text = f"- {name}: {len(met)} of {len(labels)} page types {mark(not missed)}"
        text += f" (worst {worst(values.values()):.1f}{unit})"
        return text + (f"; missed by {', '.join(missed)}" if missed else "")

    return "\n".join(
        [
            line(
                f"Uncached median ≤ {MAX_UNCACHED_MEDIAN_MS} ms",
                {label: uncached[label]["median"] for label in labels},
                lambda value: value <= MAX_UNCACHED_MEDIAN_MS,
                " ms",
            ),
            line(
                f"First view after a publish ≤ {MAX_FIRST_VIEW_MS} ms",
                {label: cached[label]["first"] for label in labels},
                lambda value: value <= MAX_FIRST_VIEW_MS,
                " ms",
            ),
            line(
                f"≤ {MAX_QUERIES} queries per uncached render",
                {label: queries[label][1] for label in labels},
                lambda value: value <= MAX_QUERIES,
                "",
            ),
            line(
                f"Warm ≥ {MIN_WARM_RATIO}× uncached throughput",
                {label: cached[label]["rps"] / uncached[label]["rps"] for label in labels},
                lambda value: value >= MIN_WARM_RATIO,
                "×",
                worst=min,
            ),
            f"- Publishing a story with its purge ≤ {MAX_PUBLISH_SECONDS} s: "
            f"{publish_median:.2f} s {mark(publish_median <= MAX_PUBLISH_SECONDS)}",
        ]
    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0].replace("\n", " "),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--stories", type=int, default=1000, help="English stories on the site")
    parser.add_argument("--requests", type=int, default=200, help="requests in a row per page, for latency")
    parser.add_argument("--seconds", type=int, default=5, help="length of each throughput run")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() * 2, help="gunicorn workers (the config's default)"
    )
    parser.add_argument("--changes", type=int, default=20, help="first views per page, each after emptying every cache")
    parser.add_argument("--publishes", type=int, default=7, help="story publishes timed (the median is reported)")
    parser.add_argument("--keep-db", action="store_true", help="keep the database, and use it again next time")
    options = parser.parse_args()

    began = time.perf_counter()
    loads = {"at the start": load_average()}

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
        references = {"before publishing": reference_ms()}
        empty_shared_cache()
        publishing, purged = publish_times(options.publishes)
        log(f"Publishing a story: {statistics.median(publishing):.2f} s, {statistics.median(purged):.0f} URLs purged")
        queries = count_queries(pages)

        from django.db import connections

        connections.close_all()
        loads["before the uncached run"] = load_average()
        references["before the uncached run"] = reference_ms()
        log("Page cache off (uncached)")
        uncached = measure_uncached(env, pages, options, log)
        loads["before the cached run"] = load_average()
        references["before the cached run"] = reference_ms()
        log("Page cache on (first views after a publish, warm)")
        cached = measure_cached(env, pages, options, log)
        loads["after the runs"] = load_average()
    finally:
        if not options.keep_db:
            psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            shutil.rmtree(WORK, ignore_errors=True)
        empty_shared_cache()
    log("Done")

    publish_median = statistics.median(publishing)
    print()
    for name, value in {
        **machine(loads, references),
        "Site": f"{options.stories} English stories, Spanish aliases and translations, {DATABASE} on PostgreSQL",
        f"Publishing a story (median of {options.publishes}, page cache purge included)": (
            f"{publish_median:.2f} s {mark(publish_median <= MAX_PUBLISH_SECONDS)} "
            f"(fastest {min(publishing):.2f} s, slowest {max(publishing):.2f} s; "
            f"{statistics.median(purged):.0f} URLs purged, median)"
        ),
        "Server": f"gunicorn, lhs_cms/gunicorn.conf.py, {options.workers} workers, production settings, Redis db 13",
        "Parameters": (
            f"--stories {options.stories} --requests {options.requests} --changes {options.changes} "
            f"--seconds {options.seconds} --publishes {options.publishes} --workers {options.workers}"
        ),
        "Samples": (
            f"{options.requests} requests in a row per page uncached and warm; {options.changes} first views "
            f"after emptying every cache; throughput over {options.seconds} s at {CONNECTIONS} connections"
        ),
    }.items():
        print(f"- {name}: {value}")
    print()
    print(table(pages, queries, uncached, cached))
    print()
    print(verdicts(pages, queries, uncached, cached, publish_median))
    print()
    print(
        f"Targets (issue 12): uncached median ≤ {MAX_UNCACHED_MEDIAN_MS} ms, first view after a publish "
        f"≤ {MAX_FIRST_VIEW_MS} ms, ≤ {MAX_QUERIES} queries, warm ≥ {MIN_WARM_RATIO}× uncached req/s, "
        f"publishing with its purge ≤ {MAX_PUBLISH_SECONDS} s; at most {MAX_WEIGHT_KB} KB compressed "
        "HTML+CSS+JS (issue 7). "
        "Uncached: page cache off (PAGE_CACHE=off); the template fragments (menu, footer, story cards) are "
        "kept, as between changes. Queries: second render in process, fragments kept (first, with Redis db 13 "
        "empty, in brackets). Uncached CPU and first view CPU: gunicorn worker CPU time per request "
        "(PostgreSQL's and Redis's not included). First view after a publish: page cache on, Redis db 13 "
        "emptied before each request (page cache, tokens, fragments, everything the site caches): the page "
        "rendered from nothing and stored. Warm: page cache on, hits."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
