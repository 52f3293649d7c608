"""Development accounts: the admin and demo users for every group, all with
the password `make demo` prints. Never made when DEBUG is off.

Each demo user has a real first and last name (Wagtail's account settings
form requires both, so a user without them cannot save their settings), and
there are two Editors and a Reviewer, so the review path (one Editor submits,
another or a Reviewer takes the plain-language step, a Moderator approves)
can be walked in the demo."""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from home.roles import EDITORS, ENGAGEMENT_MANAGERS, MODERATORS, REVIEWERS, TRANSLATORS

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"
DEMO_USERS = [
    ("editor", EDITORS),
    ("editor2", EDITORS),
    ("reviewer", REVIEWERS),
    ("moderator", MODERATORS),
    ("translator", TRANSLATORS),
    ("engagement", ENGAGEMENT_MANAGERS),
]
# (first name, last name) of each demo user.
DEMO_NAMES = {
    "editor": ("Ana", "García"),
    "editor2": ("Ben", "Carter"),
    "reviewer": ("Rosa", "Delgado"),
    "moderator": ("Maya", "Chen"),
    "translator": ("Tomás", "Rivera"),
    "engagement": ("Erin", "Walsh"),
}


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
    return _account(username, demo_password(), is_staff=True, is_superuser=True, first_name="Sam", last_name="Morgan")


def ensure_demo_users():
    """The demo users, each in one group; returns [(username, group name)]."""
    password = demo_password()
    made = []
    for username, group_name in DEMO_USERS:
        first_name, last_name = DEMO_NAMES[username]
        user = _account(username, password, first_name=first_name, last_name=last_name)
        user.groups.set([Group.objects.get(name=group_name)])
        made.append((username, group_name))
    return made
