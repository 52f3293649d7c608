"""Builds a small site in an empty database for tests/test_database_outage.py:
`python -m tests.outage_site`, with DATABASE_URL naming the database.

The tables come straight from the models, without running the migrations
(which take minutes); the rows Wagtail's migrations would add (locale, root
page, root collection, site) are made here, with a few pages to ask for."""

import os

import django
from django.conf import settings


class NoMigrations:
    """MIGRATION_MODULES for every app: none, so `migrate --run-syncdb`
    creates each table from its model."""

    def __contains__(self, app_label):
        return True

    def __getitem__(self, app_label):
        return None


def build_site():
    from django.core.management import call_command
    from wagtail.models import Collection, Locale, Page, Site

    from engage.models import ShareStoryPage
    from home.models import SiteSettings
    from tests import factories

    call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
    Locale.objects.create(language_code="en")
    Collection.add_root(name="Root")
    root = Page.add_root(title="Root", slug="root", locale=Locale.get_default())
    home = factories.HomePageFactory(parent=root)
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="LHS Commons"
    )
    # Made on the first request otherwise, which purges every page.
    SiteSettings.for_site(site)
    stories = factories.StoryIndexPageFactory(parent=home)
    factories.StoryPageFactory(parent=stories, title="Asking patients", slug="asking-patients")
    engage = factories.EngagePageFactory(parent=home)
    factories.SurveyPageFactory(parent=engage)
    engage.add_child(instance=ShareStoryPage(title="Share your story", slug="share-your-story"))


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lhs_cms.settings.test")
    settings.MIGRATION_MODULES = NoMigrations()
    django.setup()
    build_site()
