"""A small rate limiter for public forms, kept in Django's cache.

    if not ratelimit.hit("share-story", request, "5/h"):
        ...  # too many: answer 429

A rate is "COUNT/PERIOD", PERIOD one of s, m, h, d ("5/h": five an hour).
Each client address gets one counter per fixed window of PERIOD (the window
number is part of the cache key), so the counter needs only the cache's
atomic `add` and `incr`: it works the same with the local memory cache of a
single process and with Redis shared by several. The count starts again when
a new window starts, so a client may send up to twice COUNT across a window
boundary; for slowing down floods of form posts that is enough.
"""

import hashlib
import time

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

PERIODS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}


def parse_rate(rate):
    """("5/h") -> (5, 3600): how many hits are allowed in how many seconds."""
    try:
        count, period = str(rate).strip().split("/")
        count = int(count)
        seconds = PERIODS[period.strip().lower()]
    except (ValueError, KeyError):
        raise ImproperlyConfigured(
            f"Rate {rate!r} is not COUNT/PERIOD with PERIOD one of {', '.join(PERIODS)}, e.g. '5/h'."
        ) from None
    if count < 0:
        raise ImproperlyConfigured(f"Rate {rate!r} has a negative count.")
    return count, seconds


def client_address(request):
    """The address the request came from.

    Only REMOTE_ADDR: X-Forwarded-For is written by the client unless a proxy
    we run replaces it, so trusting it would let anyone pick a fresh address
    for every post. Behind a reverse proxy, have the proxy (or a middleware
    that knows how many proxies there are) set REMOTE_ADDR to the real client.
    """
    return request.META.get("REMOTE_ADDR") or "unknown"


def _key(key_prefix, who, seconds, now):
    # Who is hashed: cache keys stay short and safe for every backend, and
    # the cache holds no readable addresses or user names.
    digest = hashlib.sha256(who.encode()).hexdigest()[:32]
    window = int(now // seconds)
    return f"ratelimit:{key_prefix}:{digest}:{window}"


def hit(key_prefix, request, rate, who=None):
    """Count one hit for this client (or for `who`, e.g. a user name, when
    given); True while it is within `rate`."""
    count, seconds = parse_rate(rate)
    key = _key(key_prefix, who if who is not None else client_address(request), seconds, time.time())
    # add() creates the counter only if it is missing; incr() is atomic in
    # both the local memory cache and Redis, so parallel requests are counted.
    cache.add(key, 0, timeout=seconds)
    try:
        hits = cache.incr(key)
    except ValueError:
        # The counter expired between add() and incr(): this is the first hit.
        cache.set(key, 1, timeout=seconds)
        hits = 1
    # An unreachable cache (django-redis with IGNORE_EXCEPTIONS) counts
    # nothing: visitors are let through rather than the form failing.
    return hits is None or hits <= count


def exhausted(key_prefix, request, rate, who=None):
    """True when this client (or `who`) has used up `rate` in the current
    window; counts nothing."""
    count, seconds = parse_rate(rate)
    key = _key(key_prefix, who if who is not None else client_address(request), seconds, time.time())
    return (cache.get(key) or 0) >= count


def retry_after(rate):
    """Seconds until the current window ends, for a Retry-After header."""
    _count, seconds = parse_rate(rate)
    return max(1, int(seconds - time.time() % seconds))
