"""An index on Wagtail's page table for "the children of a page" (depth
and path), which Wagtail does not have: with it the navigation's query
reads the rows it needs instead of every page (core_tags.Navigation)."""

from django.db import migrations

INDEX = "core_page_depth_path"


def create(apps, schema_editor):
    table = schema_editor.quote_name("wagtailcore_page")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} (depth, path)")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
