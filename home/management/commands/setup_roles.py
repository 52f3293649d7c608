from django.core.management.base import BaseCommand

from home.roles import ensure_translators_group


class Command(BaseCommand):
    help = "Create or update the site's user groups and their rights. Safe to run again."

    def handle(self, *args, **options):
        group = ensure_translators_group()
        self.stdout.write(f"Group '{group.name}': {group.permissions.count()} rights.")
