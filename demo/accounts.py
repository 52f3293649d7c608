"""Development accounts: the admin and one demo user per group, all with the
password `make demo` prints. Never made when DEBUG is off."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.roles import EDITORS, ENGAGEMENT_MANAGERS, MODERATORS, TRANSLATORS

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"
DEMO_USERS = [
    ("editor", EDITORS),
    ("moderator", MODERATORS),
    ("translator", TRANSLATORS),
    ("engagement", ENGAGEMENT_MANAGERS),
]


class NotForProduction(Exception):
    pass


def demo_password():
    """ADMIN_PASSWORD if set; otherwise generated once and kept in .admin-password."""
    if password := os.environ.get("ADMIN_PASSWORD"):
        return password
    if PASSWORD_FILE.exists():
        return PASSWORD_FILE.read_text().strip()
    password = secrets.token_urlsafe(12)
    PASSWORD_FILE.write_text(password + "\n")
    PASSWORD_FILE.chmod(0o600)
    return password


def _account(username, password, **flags):
    if not settings.DEBUG:
        raise NotForProduction("Demo accounts are for development only; DEBUG is off.")
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@localhost", **flags}
    )
    for name, value in flags.items():
        setattr(user, name, value)
    user.set_password(password)
    user.save()
    return user


def ensure_admin(username="admin"):
    return _account(username, demo_password(), is_staff=True, is_superuser=True)


def ensure_demo_users():
    """One user per group, named for the role; returns [(username, group name)]."""
    password = demo_password()
    made = []
    for username, group_name in DEMO_USERS:
        user = _account(username, password, first_name=group_name.split()[0].capitalize())
        user.groups.set([Group.objects.get(name=group_name)])
        made.append((username, group_name))
    return made
