import polib
from django.core.management.base import BaseCommand
from wagtail.models import Locale

from demo.spanish import CATALOGUE, catalogue_strings, load_catalogue


class Command(BaseCommand):
    help = (
        "Refresh demo/content_es.po from the English demo content: adds an entry for each new "
        "segment, keeps existing Spanish, drops segments no longer used. Run after changing the demo text."
    )

    def handle(self, *args, **options):
        existing = load_catalogue()
        catalogue = polib.POFile()
        catalogue.metadata = {
            "Content-Type": "text/plain; charset=UTF-8",
            "Language": "es",
            "Project-Id-Version": "LHS Commons demo content",
        }
        strings = catalogue_strings(Locale.get_default())
        for msgid in strings:
            catalogue.append(polib.POEntry(msgid=msgid, msgstr=existing.get(msgid, "")))
        catalogue.save(str(CATALOGUE))
        missing = sum(1 for msgid in strings if msgid not in existing)
        self.stdout.write(f"{CATALOGUE.name}: {len(strings)} segments, {missing} without Spanish.")
