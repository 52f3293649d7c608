"""The page table has an index for "the children of a page" (depth and
path): the navigation's query on every page served reads the rows it needs
through it, not every page of the site (core/migrations/0001); and one for
a language's pages at one depth (language, depth, path), from which the
story listing and its count are answered (core/migrations/0002)."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_pages_are_indexed_by_depth_then_path():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    indexed = [info["columns"] for info in constraints.values() if info["index"]]
    assert ["depth", "path"] in indexed


@pytest.mark.django_db
def test_pages_are_indexed_by_language_then_depth_then_path():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    indexed = [info["columns"][:3] for info in constraints.values() if info["index"]]
    assert ["locale_id", "depth", "path"] in indexed
