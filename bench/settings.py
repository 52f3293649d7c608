"""The production settings, with static files collected into a folder of the
benchmark's own (BENCH_STATIC_ROOT), so a run never rewrites the project's
static_collected/ while someone else serves it."""

import os

from lhs_cms.settings.production import *  # noqa: F403

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
