import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = (
        "Create the 'admin' superuser for local development and print its credentials. "
        "The password comes from ADMIN_PASSWORD, or is generated once and kept in .admin-password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default=None, help="Defaults to $ADMIN_PASSWORD.")

    def handle(self, *args, username, password, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_admin is for development only; create real accounts with createsuperuser.")
        password = password or os.environ.get("ADMIN_PASSWORD")
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if password is None and PASSWORD_FILE.exists():
            password = PASSWORD_FILE.read_text().strip()
        if password is None:
            if user is not None:
                self.stdout.write(
                    f"User '{username}' exists; its password is unchanged (set ADMIN_PASSWORD to reset it)."
                )
                return
            password = secrets.token_urlsafe(12)
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        if user is None:
            user = User(username=username, email=f"{username}@localhost", is_staff=True, is_superuser=True)
        user.set_password(password)
        user.save()
        admin_url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/"
        self.stdout.write(self.style.SUCCESS(f"Admin: {admin_url}  user: {username}  password: {password}"))
