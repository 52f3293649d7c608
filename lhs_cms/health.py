"""`/healthz` for load balancers: 200 when this app server can reach the
database and the cache, 503 (with which one failed) when it cannot. It says
nothing else: no versions, hosts or error texts.

A middleware, first in the list, because load balancers ask by IP address,
which the ALLOWED_HOSTS check (and the HTTPS redirect) would refuse."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)

PATH = "/healthz"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return what was stored")
    cache.delete(key)


CHECKS = {"database": check_database, "cache": check_cache}


def health_response():
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure means unhealthy
            logger.warning("Health check %s failed: %s", name, error.__class__.__name__)
            results[name] = "unavailable"
        else:
            results[name] = "ok"
    healthy = all(value == "ok" for value in results.values())
    response = JsonResponse({"status": "ok" if healthy else "unavailable", **results}, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") == PATH and request.method in ("GET", "HEAD"):
            return health_response()
        return self.get_response(request)
