"""The production settings for a site a test serves (tests/served_site.py),
with the static files collected into that test's own folder
(SERVED_STATIC_ROOT), so a test never rewrites the project's
static_collected/ while someone else serves it."""

import os

from lhs_cms.settings.production import *  # noqa: F403

STATIC_ROOT = os.environ["SERVED_STATIC_ROOT"]
