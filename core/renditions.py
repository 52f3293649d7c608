"""Image renditions made ahead of time, off the visitor's request.

Wagtail makes a rendition the first time a template asks for it, inside that
visitor's request; an AVIF of a large photo can take a second. In production
(PREGENERATE_RENDITIONS) every saved image is queued for a background task
that makes all the renditions the templates use, so pages never wait for one.
`manage.py generate_renditions` does the same for every image, e.g. after a
release changes a size.

TEMPLATE_SPECS repeats, in the templates' own notation, the filter specs of
every `{% image %}` and `{% picture %}` tag; a test fails when a template asks
for one that is missing here.
"""

import logging

from django.conf import settings
from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_renditions_or_not_found

logger = logging.getLogger(__name__)

# Listings prefetch only the renditions a story card shows.
STORY_CARD_SPECS = "fill-{320x180,640x360} format-{webp,jpeg}"

TEMPLATE_SPECS = (
    "format-{avif,webp,jpeg} width-{480,800,1200}",  # hero images
    "format-{webp,jpeg} width-{480,800}",  # home page hero
    "format-{webp,jpeg} width-{480,800,1200}",  # figures and page images
    STORY_CARD_SPECS,
    "fill-{80x80,160x160} format-{webp,jpeg}",  # people
    "fill-1200x630",  # Open Graph / Twitter card (SHARE_SPEC)
)
SHARE_SPEC = "fill-1200x630"


def filter_specs(patterns=TEMPLATE_SPECS):
    """Every single filter spec (one rendition each) in the patterns; by
    default all that the templates use."""
    return sorted({spec for pattern in patterns for spec in Filter.expand_spec(pattern)})


@task()
def generate_renditions(image_id):
    """Make every rendition the templates use for one image. A missing image
    (deleted meanwhile) or a broken file is logged, never raised."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    try:
        return len(image.get_renditions(*filter_specs()))
    except Exception:
        logger.exception("Could not make the renditions of image %s.", image_id)
        return 0


def queue_renditions(sender, instance, **kwargs):
    """post_save of the image model: queue the renditions once the image is
    committed (the worker must be able to read it)."""
    if settings.PREGENERATE_RENDITIONS:
        transaction.on_commit(lambda: generate_renditions.enqueue(instance.pk))


def connect():
    from django.db.models.signals import post_save

    post_save.connect(queue_renditions, sender=get_image_model(), dispatch_uid="pregenerate-renditions")


def share_rendition(image):
    """The image's Open Graph and JSON-LD rendition (SHARE_SPEC). As
    `{% image %}` finds it, from the renditions loaded with the page, but
    without writing it back to the cache on every use, as Wagtail's
    get_rendition does."""
    return get_renditions_or_not_found(image, [SHARE_SPEC])[SHARE_SPEC]
