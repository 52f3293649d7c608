"""The guards of the public forms (the survey and share-your-story) against
bots and repeats. Both forms use these, in this order, and nothing else:

1. Honeypot: a text field named HONEYPOT that people never see (the
   templates hide it with CSS and from screen readers, out of the tab
   order). Only bots fill it in; such a post is thanked and nothing is
   stored, so the bot learns nothing.
2. Double submit: what a post would store is identified (`SubmitOnce`); the
   same thing again within DUPLICATE_WINDOW is answered as the first was and
   stored once. A repeat is checked before the rate limit, so a second
   click never counts against anyone.
3. Rate limit: per client address, counted in the cache (core.ratelimit),
   so shared across processes with Redis. Only posts that would be stored
   are counted, so people who correct mistakes are not held back. Over the
   limit the form is shown again with everything typed, as a 429 with
   Retry-After.

Then the post claims its identity (`SubmitOnce.claim`, atomic: of two
parallel posts one stores, the other is answered as the first), stores
inside `SubmitOnce.storing()` (which lets go of the claim when storing
fails, so sending again works) and answers.

The survey also remembers, in the session, what it last sent
(`remember_sent`/`sent_recently`): after sending, its answers are gone from
the session, so a second click on "Send" cannot be identified by them."""

import hashlib
import json
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder

from core import ratelimit

# The dash keeps it apart from the form builder's field names (clean_name has none).
HONEYPOT = "website-url"
DUPLICATE_WINDOW = 10 * 60  # seconds in which the same thing from the same sender is stored once


def is_spam(request):
    """True when the hidden field was filled in: only bots do that."""
    return bool(request.POST.get(HONEYPOT, "").strip())


@dataclass(frozen=True)
class RateLimit:
    """At most settings.<setting> stored posts per client address, e.g. "10/h"."""

    name: str
    setting: str

    @property
    def rate(self):
        return getattr(settings, self.setting)

    def allows(self, request):
        """Counts this post; False once the address is over the limit."""
        return ratelimit.hit(self.name, request, self.rate)

    def refuse(self, response):
        """The form shown again, as a 429 that says when to try again."""
        response.status_code = 429
        response["Retry-After"] = str(ratelimit.retry_after(self.rate))
        return response


class SubmitOnce:
    """One identity (form name and whatever makes two posts "the same"),
    stored at most once per DUPLICATE_WINDOW. The cache holds the value
    the first post answered with (the survey's results token; True for a
    story), under a hash, so no answer is readable in the cache."""

    def __init__(self, form_name, *identity):
        digest = hashlib.sha256(json.dumps(identity, sort_keys=True, cls=DjangoJSONEncoder).encode()).hexdigest()
        self.key = f"{form_name}:sent:{digest}"

    def earlier(self):
        """What the earlier post answered with, or None."""
        return cache.get(self.key)

    def claim(self, value):
        """Marks the identity as sent with `value`. Returns what a parallel
        post that claimed it first answered with, or None when this one
        may store."""
        if cache.add(self.key, value, timeout=DUPLICATE_WINDOW):
            return None
        earlier = cache.get(self.key)
        if earlier:
            return earlier
        cache.set(self.key, value, timeout=DUPLICATE_WINDOW)  # it expired in between
        return None

    @contextmanager
    def storing(self):
        """Lets go of the claim if storing fails: nothing was stored, so the same may be sent again."""
        try:
            yield
        except Exception:
            cache.delete(self.key)
            raise


def remember_sent(request, key, value):
    """Keeps in the session what this visitor was answered with after sending."""
    request.session[key] = {"value": value, "at": time.time()}


def sent_recently(request, key):
    """What `remember_sent` kept under `key` in the last DUPLICATE_WINDOW, or None."""
    sent = request.session.get(key)
    if not isinstance(sent, dict):
        return None
    try:
        recent = time.time() - float(sent.get("at", 0)) < DUPLICATE_WINDOW
    except (TypeError, ValueError):
        return None
    return sent.get("value") if recent else None
