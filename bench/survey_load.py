"""Concurrent survey submissions against the site served by gunicorn on
PostgreSQL, then a count of the stored rows.

    .venv/bin/python bench/survey_load.py [--clients 20] [--submissions 2000] [--workers 3]

It makes its own PostgreSQL database (dropped afterwards), migrates it, loads
the demo content, starts gunicorn with the production settings on a local
port, with Redis db 12 as the cache (emptied before and after: production
refuses to start without a shared cache), and has each client walk the whole
survey (every step, as a browser without JavaScript would) as fast as it
can. It prints submissions per second, p50/p95 latency of the final "Send",
and lost submissions (sent and answered with a results link, but not
stored), which must be zero. Traffic goes only to 127.0.0.1.
"""

import argparse
import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
HOST, PORT = "127.0.0.1", 8765
REDIS_URL = "redis://127.0.0.1:6379/12"  # a database nothing else uses
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class StepForm(HTMLParser):
    """The fields of one survey step, answered as a person would: every
    question answered, the honeypot left empty, and the plain submit button
    pressed: "Next", or "Send" on the last step ("Step N of N"). The hidden
    inputs (the CSRF token, the wizard's step field) go with it; formtools'
    "go to step" button (`wizard_goto_step`, "Back") is never pressed."""

    def __init__(self, number, step_field):
        super().__init__()
        self.number = number
        self.step_field = step_field
        self.fields = {}
        self.radios = {}
        self.progress = ""
        self._select = None
        self._in_progress = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name", "")
        kind = attrs.get("type", "text")
        if tag == "input" and name and "website" not in name:
            if kind == "hidden":
                self.fields[name] = attrs.get("value", "")
            elif kind == "radio":
                self.radios.setdefault(name, []).append(attrs.get("value", ""))
            elif kind == "checkbox":
                self.fields.setdefault(name, attrs.get("value", "on"))
            elif kind == "email":
                self.fields[name] = f"bench{self.number}@example.org"
            elif kind in ("text", "number", "date"):
                self.fields[name] = {"number": "3", "date": "2026-01-01"}.get(kind, f"Bench organization {self.number}")
        elif tag == "textarea" and name:
            self.fields[name] = "We review our results every month and change what does not work."
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and attrs.get("value") and self._select not in self.fields:
            self.fields[self._select] = attrs["value"]
        elif tag == "p" and "survey-progress__status" in attrs.get("class", ""):
            self._in_progress = True

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "p":
            self._in_progress = False

    def handle_data(self, data):
        if self._in_progress:
            self.progress += data

    def answers(self):
        """(fields to post, the step they answer, whether it is the last step)."""
        if self.step_field not in self.fields:
            raise RuntimeError(f"no survey step here (no {self.step_field} field)")
        fields = dict(self.fields)
        for name, values in self.radios.items():
            fields[name] = values[self.number % len(values)]
        number, total = (int(n) for n in re.findall(r"\d+", self.progress))
        return fields, fields[self.step_field], number == total


class Browser:
    """One visitor: keeps its cookies (the server marks them Secure for HTTPS;
    on this loopback run they are sent anyway) and follows redirects."""

    def __init__(self):
        self.cookies = {}
        self.connection = http.client.HTTPConnection(HOST, PORT, timeout=60)

    def request(self, method, path, fields=None):
        headers = {"Host": f"{HOST}:{PORT}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return response.status, response.headers.get("Location"), content

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, fields)


def answer_step(html, number, step_field):
    form = StepForm(number, step_field)
    form.feed(html[html.find("<main") :])
    return form.answers()


def walk_survey(survey_path, step_field, number):
    """One respondent walks every step; returns (seconds the final "Send"
    took, the results path it was sent to)."""
    browser = Browser()
    status, _location, html = browser.get(survey_path)
    step_path = survey_path
    for _ in range(10):
        fields, step, final = answer_step(html, number, step_field)
        fields["csrfmiddlewaretoken"] = CSRF.search(html).group(1)
        started = time.perf_counter()
        status, location, html = browser.post(step_path, fields)
        elapsed = time.perf_counter() - started
        if status not in (302, 303):
            raise RuntimeError(f"step {step!r} answered {status}")
        location = urlsplit(location)
        target = location.path + (f"?{location.query}" if location.query else "")
        if final:
            return elapsed, target
        step_path = target
        status, _location, html = browser.get(step_path)
    raise RuntimeError("the survey never ended")


def empty_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def run(command, env, **kwargs):
    return subprocess.run(command, cwd=ROOT, env=env, check=True, **kwargs)


def psql(sql):
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql], check=True, capture_output=True)


def survey_step_field(env):
    """The name of the demo survey's step field (engage.survey_flow.step_field)."""
    script = (
        "from wagtail.models import Locale; from engage import survey_flow; from engage.models import SurveyPage; "
        "print(survey_flow.step_field(SurveyPage.objects.get(locale=Locale.get_default())))"
    )
    output = run([PYTHON, "manage.py", "shell", "-c", script], env, capture_output=True, text=True).stdout
    return output.strip().splitlines()[-1]


def count_rows(env):
    script = "from engage.models import SurveySubmission; print(SurveySubmission.objects.count())"
    output = run([PYTHON, "manage.py", "shell", "-c", script], env, capture_output=True, text=True).stdout
    return int(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--submissions", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    options = parser.parse_args()

    database = f"lhs_bench_{os.getpid()}"
    media = Path(f"/tmp/{database}_media")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lhs_cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "ALLOWED_HOSTS": f"{HOST}",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(media),
        "REDIS_URL": REDIS_URL,
        "LOG_LEVEL": "WARNING",
        # One address sends every submission here; the per-address limit is
        # what this run is not about.
        "SURVEY_RATE_LIMIT": f"{options.submissions * 10}/h",
    }
    psql(f"CREATE DATABASE {database}")
    empty_redis()
    server = None
    try:
        quiet = {"stdout": subprocess.DEVNULL}
        run([PYTHON, "manage.py", "migrate", "--noinput"], env, **quiet)
        run([PYTHON, "manage.py", "collectstatic", "--noinput"], env, **quiet)
        run([PYTHON, "manage.py", "load_demo_content"], env, **quiet)
        server = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "lhs_cms.wsgi",
                "--workers",
                str(options.workers),
                "--bind",
                f"{HOST}:{PORT}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,  # the console mail backend prints every notification
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                Browser().get("/engage/survey/")
                break
            except OSError:
                time.sleep(0.1)
        step_field = survey_step_field(env)
        before = count_rows(env)
        lock = threading.Lock()
        latencies, failures = [], []

        def one(number):
            try:
                latency, results_path = walk_survey("/engage/survey/", step_field, number)
                status, _location, _html = Browser().get(results_path)
                with lock:
                    (latencies.append(latency) if status == 200 else failures.append(f"results {status}"))
            except Exception as error:  # a failed submission is counted, not fatal
                with lock:
                    failures.append(repr(error))

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=options.clients) as pool:
            list(pool.map(one, range(options.submissions)))
        elapsed = time.perf_counter() - started
        stored = count_rows(env) - before
        answered = len(latencies)
        quantiles = statistics.quantiles(latencies, n=20) if answered > 1 else [0] * 19
        print(f"{'clients':<28}{options.clients:>10}")
        print(f"{'gunicorn workers':<28}{options.workers:>10}")
        print(f"{'submissions attempted':<28}{options.submissions:>10}")
        print(f"{'answered with results':<28}{answered:>10}")
        print(f"{'failed (no results link)':<28}{len(failures):>10}")
        print(f"{'rows stored':<28}{stored:>10}")
        print(f"{'lost (answered, not stored)':<28}{max(0, answered - stored):>10}")
        print(f"{'submissions per second':<28}{answered / elapsed:>10.1f}")
        print(f"{'Send p50 (ms)':<28}{statistics.median(latencies) * 1000 if latencies else 0:>10.1f}")
        print(f"{'Send p95 (ms)':<28}{quantiles[18] * 1000:>10.1f}")
        if failures:
            print("first failures:", *failures[:3], sep="\n  ")
        return 0 if answered == stored and not failures else 1
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        empty_redis()
        subprocess.run(["rm", "-rf", str(media)], check=False)


if __name__ == "__main__":
    sys.exit(main())
