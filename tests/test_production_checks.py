"""Production refuses to run without a shared cache: `manage.py check
--deploy` with the production settings fails with lhs.E001 when REDIS_URL
is not set, and passes (as CI runs it, warnings failing too) when it is.
Each check runs in its own process, as a deploy would run it."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

CHECK = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]


def check_deploy(**variables):
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(DJANGO_SETTINGS_MODULE="lhs_cms.settings.production", SECRET_KEY=secrets.token_urlsafe(50), **variables)
    return subprocess.run(CHECK, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120)


def test_check_deploy_fails_without_redis_url():
    done = check_deploy()
    assert done.returncode != 0
    assert "lhs.E001" in done.stderr, done.stderr


def test_check_deploy_passes_with_redis_url():
    done = check_deploy(REDIS_URL="redis://127.0.0.1:6379/0")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "lhs.E001" not in done.stdout + done.stderr
