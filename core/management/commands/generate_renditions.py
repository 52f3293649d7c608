from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from core.renditions import filter_specs, generate_renditions


class Command(BaseCommand):
    help = "Make every rendition the templates use, for every image, now (in this process)."

    def handle(self, *args, **options):
        images = get_image_model().objects.order_by("pk").values_list("pk", flat=True)
        made = sum(generate_renditions.call(pk) for pk in images)
        self.stdout.write(f"{made} renditions of {len(images)} images ({len(filter_specs())} sizes and formats each).")
