from django.core.management import call_command
from django.core.management.base import BaseCommand

from demo.accounts import NotForProduction, ensure_demo_users
from demo.loader import DemoLoader
from demo.spanish import SpanishLoader


class Command(BaseCommand):
    help = "Build the demo site with real content. Safe to run again: what exists is left as it is."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Remove the demo content first, then rebuild it.")

    def handle(self, *args, reset=False, **options):
        loader = DemoLoader(log=self.stdout.write)
        if reset:
            loader.reset()
        created = loader.load()
        self.stdout.write("Spanish")
        created += SpanishLoader(log=self.stdout.write).load()
        call_command("setup_roles", stdout=self.stdout)
        try:
            users = ensure_demo_users()
            self.stdout.write(
                f"Demo users: {', '.join(name for name, _group in users)} (password as printed by make demo)"
            )
        except NotForProduction as error:
            self.stdout.write(f"Demo users not created: {error}")
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {created} items created."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already loaded; nothing changed."))
