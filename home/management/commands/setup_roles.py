from django.core.management.base import BaseCommand

from home.roles import ensure_roles


class Command(BaseCommand):
    help = "Create or repair the user groups, their rights and the review workflows. Safe to run again."

    def handle(self, *args, **options):
        for name, group in ensure_roles().items():
            self.stdout.write(
                f"Group '{name}': {group.permissions.count()} rights, {group.page_permissions.count()} page rights."
            )
