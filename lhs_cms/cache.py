"""Django's Redis cache, made to fail soft.

Everything the site keeps in Redis (the page cache, site-wide fragments,
rate-limit counters, renditions) can be rebuilt, so a Redis that is down or
restarting should make pages slower, never broken. Each operation that cannot
reach Redis is answered as a miss (get: the default, add/set: not stored,
incr: "no such key") and logged; the next operation tries again.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError, TimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (ConnectionError, TimeoutError)


def _miss(answer):
    """Wrap a client method so that an unreachable Redis gives `answer(args)`."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except UNREACHABLE as error:
                logger.warning("Redis unavailable (%s): cache %s treated as a miss.", error, method.__name__)
                return answer(*args)

        return wrapper

    return decorate


def _no_such_key(key, *_):
    raise ValueError(f"Key {key!r} not found (Redis unavailable).")


class FailSoftRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        # Django makes a new redis.Redis for every operation, which costs
        # more than a cached page's round trip; one per connection pool does
        # (it only holds the pool, which is safe to share).
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        if id(pool) not in clients:
            clients[id(pool)] = self._client(connection_pool=pool)
        return clients[id(pool)]

    add = _miss(lambda *_: False)(RedisCacheClient.add)
    get = _miss(lambda key, default: default)(RedisCacheClient.get)
    set = _miss(lambda *_: None)(RedisCacheClient.set)
    touch = _miss(lambda *_: False)(RedisCacheClient.touch)
    delete = _miss(lambda *_: False)(RedisCacheClient.delete)
    get_many = _miss(lambda *_: {})(RedisCacheClient.get_many)
    has_key = _miss(lambda *_: False)(RedisCacheClient.has_key)
    incr = _miss(_no_such_key)(RedisCacheClient.incr)
    set_many = _miss(lambda *_: [])(RedisCacheClient.set_many)
    delete_many = _miss(lambda *_: None)(RedisCacheClient.delete_many)
    clear = _miss(lambda *_: False)(RedisCacheClient.clear)


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FailSoftRedisCacheClient
