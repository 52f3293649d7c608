"""The page table has an index for "the children of a page" (depth and
path): the navigation's query on every page served reads the rows it needs
through it, not every page of the site (core/migrations/0001)."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_pages_are_indexed_by_depth_then_path():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    indexed = [info["columns"] for info in constraints.values() if info["index"]]
    assert ["depth", "path"] in indexed
