"""gunicorn settings for production: `gunicorn -c lhs_cms/gunicorn.conf.py`.

Every value can be changed from the environment (gunicorn also reads
GUNICORN_CMD_ARGS). The app servers keep no state of their own, so scale out
by running more of them behind the load balancer rather than by raising
WEB_CONCURRENCY far above the number of cores.
"""

import gc
import multiprocessing
import os

wsgi_app = "lhs_cms.wsgi:application"
bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"

# Synchronous workers: page rendering is CPU-bound and the slow work (mail,
# reference index) runs in the task worker. Two per core keeps a core busy
# while the other waits on PostgreSQL.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
worker_class = "sync"
# Recycle workers now and then so slow leaks cannot build up; the jitter
# keeps them from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# A request that takes longer than this is stuck, not slow.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Load the app once in the master: faster starts and shared memory pages.
preload_app = True

# Access log on stdout beside the application's JSON logs; the error log on
# stderr. X-Forwarded-For is only trusted from the proxies listed here.
accesslog = "-"
errorlog = "-"
access_log_format = (
    '{"time": "%(t)s", "method": "%(m)s", "path": "%(U)s", "status": %(s)s, "bytes": %(B)s, "duration_ms": %(M)s}'
)
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


# Python's garbage collector: the app's own objects, loaded once before the
# workers fork, are set aside from every collection (and their memory pages
# stay shared between workers), and the young generation is collected less
# often, since a request makes thousands of short-lived ORM objects. About a
# tenth less CPU per uncached page (bench/RESULTS.md, 2026-12-07 20:00).
def when_ready(server):
    gc.collect()
    gc.freeze()


def post_fork(server, worker):
    gc.set_threshold(20000, 20, 20)
