import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from tests import factories


@pytest.fixture(autouse=True, scope="session")
def _test_media(tmp_path_factory):
    """Each test process (xdist worker) keeps uploads in its own folder, so
    one worker finishing never deletes another's images."""
    call_command("compile_catalogues", verbosity=0)  # the Spanish interface strings
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media")))
    media.enable()
    yield
    media.disable()


@pytest.fixture(autouse=True)
def _english_by_default():
    """A request under /es/ leaves Spanish active in this thread; every test
    starts in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database is rolled back
    after every test, and pieces cached under the content version (and
    whole pages) must not outlive the content they were built from."""
    cache.clear()


@pytest.fixture
def home_page(db):
    """A fresh home page as the default site's root, replacing Wagtail's welcome page."""
    # Transactional tests flush the tables, migration data included.
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    for child in root.get_children():
        child.delete()
    home = factories.HomePageFactory(parent=root)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="LHS Commons")
    return home


@pytest.fixture
def commitment_index(home_page):
    return factories.CommitmentIndexPageFactory(parent=home_page)


@pytest.fixture
def commitments(commitment_index):
    names = ["Engaged", "Safe", "Effective"]
    return [
        factories.CommitmentPageFactory(parent=commitment_index, number=n, title=name, slug=name.lower())
        for n, name in enumerate(names, start=1)
    ]


@pytest.fixture
def story_index(home_page):
    return factories.StoryIndexPageFactory(parent=home_page)
