import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.accounts import DEMO_USERS, NotForProduction, demo_password, ensure_admin


class Command(BaseCommand):
    help = (
        "Development only: create or update the 'admin' superuser and print the login of the admin "
        "and the demo users. The password is ADMIN_PASSWORD, or generated once and kept in .admin-password."
    )

    def handle(self, *args, **options):
        try:
            ensure_admin()
        except NotForProduction as error:
            raise CommandError(f"{error} Create real accounts with createsuperuser.") from error
        admin_url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/{settings.ADMIN_PATH}/"
        password = demo_password()
        self.stdout.write(self.style.SUCCESS(f"Admin: {admin_url}  user: admin  password: {password}"))
        users = ", ".join(f"{username} ({group})" for username, group in DEMO_USERS)
        self.stdout.write(f"Demo users, same password: {users}")
