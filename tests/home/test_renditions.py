"""Renditions are made in the background when an image is saved, so a
visitor's request never waits for an image to be resized."""

import re
from pathlib import Path

import pytest
import wagtail_factories
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Filter

from core.renditions import SHARE_SPEC, filter_specs
from tests import factories

IMAGE_TAG = re.compile(r"\{%\s*(?:image|picture)\s+\S+\s+(.*?)%\}")


def specs_in_templates():
    """Every filter spec a template's image or picture tag asks for."""
    found = set()
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for arguments in IMAGE_TAG.findall(template.read_text()):
            # The spec is everything before the first key=value or "as".
            words = []
            for word in arguments.split():
                if "=" in word or word == "as":
                    break
                words.append(word)
            found.update(Filter.expand_spec(" ".join(words)))
    return found


def test_every_size_a_template_asks_for_is_made_ahead_of_time():
    in_templates = specs_in_templates()
    assert in_templates, "no image tags found: the pattern no longer matches the templates"
    assert in_templates <= set(filter_specs()), in_templates - set(filter_specs())


@override_settings(PREGENERATE_RENDITIONS=True)
def test_saving_an_image_makes_its_renditions_and_pages_then_only_read_them(
    story_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = wagtail_factories.ImageFactory(width=960, height=540)
    assert image.renditions.count() == len(filter_specs())

    factories.StoryPageFactory(parent=story_index, slug="clinic", hero_image=image, hero_image_alt="Nurses at work")
    share = Filter(SHARE_SPEC)
    shared_copy = image.get_rendition_model().construct_cache_key(image, share.get_cache_key(image), share.spec)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/stories/clinic/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nurses at work" in html
    assert re.search(r'<meta property="og:image" content="http://testserver/[^"]+fill-1200x630[^"]*">', html)
    assert not [q["sql"] for q in queries.captured_queries if "INSERT" in q["sql"] and "rendition" in q["sql"]]
    assert image.renditions.count() == len(filter_specs())
    # Loaded with the page, the sharing image's rendition is not written
    # back to the cache on every view (Wagtail's get_rendition would).
    assert cache.get(shared_copy) is None


def test_images_wait_for_the_first_visitor_when_pregeneration_is_off(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = wagtail_factories.ImageFactory()
    assert image.renditions.count() == 0


@pytest.mark.django_db
def test_the_command_makes_renditions_for_existing_images(capsys):
    # Wagtail keeps renditions in the cache by image pk, and a rolled-back
    # test's pks come back on SQLite.
    cache.clear()
    images = wagtail_factories.ImageFactory.create_batch(2)
    call_command("generate_renditions")
    assert [image.renditions.count() for image in images] == [len(filter_specs())] * 2
    assert f"{2 * len(filter_specs())} renditions of 2 images" in capsys.readouterr().out
