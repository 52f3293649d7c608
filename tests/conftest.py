import io
import json

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import translation
from pytest_django.fixtures import validate_django_db
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


class WorkerDatabase:
    """This process's test database: as the migrations left it, put back
    after each test that commits, and with the demo site when asked for."""

    def __init__(self, blocker):
        self.blocker = blocker
        with blocker.unblock():
            migrated = json.loads(connection.creation.serialize_db_to_string())
        # Content types first: making some objects (Wagtail's tasks) looks theirs up.
        migrated.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
        self.migrated = json.dumps(migrated)
        self.demo_output = None  # what the demo loader printed, while the demo is in

    def load_demo(self):
        """Committed, so the live server sees it too; the tests on it roll
        back, or commit and empty the database (it is then put back)."""
        if self.demo_output is not None:
            return
        out = io.StringIO()
        try:
            with self.blocker.unblock(), translation.override(settings.LANGUAGE_CODE):
                call_command("load_demo_content", stdout=out)
        except BaseException:
            self.put_back()
            raise
        self.demo_output = out.getvalue()

    def put_back(self):
        with self.blocker.unblock():
            # Keeping the sequences past the ids put back; without post_migrate,
            # which would make content types under new ids.
            call_command("flush", interactive=False, reset_sequences=False, inhibit_post_migrate=True, verbosity=0)
            ContentType.objects.clear_cache()
            connection.creation.deserialize_db_from_string(self.migrated)
        self.demo_output = None


_database = None  # this process's WorkerDatabase, while the test database exists


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    global _database
    _database = WorkerDatabase(django_db_blocker)
    yield _database
    _database.put_back()  # as found, for --reuse-db
    _database = None


@pytest.fixture(scope="session")
def _demo_loaded(django_db_setup, _test_media):
    """Session-scoped, so that it comes before each test's own transaction;
    after the demo is put back, pytest_runtest_setup loads it again."""
    django_db_setup.load_demo()


@pytest.fixture
def demo_site(_demo_loaded, db):
    """The demo content (English and Spanish), loaded once for the tests that
    ask for it while they run one after another; returns what the loader printed."""
    return _database.demo_output


def _uses_demo(item):
    return "_demo_loaded" in item.fixturenames


def _commits(item):
    """Transactional tests commit, and empty the database after."""
    marker = item.get_closest_marker("django_db")
    if marker:
        transaction, reset_sequences, *_ = validate_django_db(marker)
        if transaction or reset_sequences:
            return True
    return bool({"transactional_db", "live_server"} & set(item.fixturenames))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if _database and _uses_demo(item):
        _database.load_demo()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        # After the last test there is no _database: django_db_setup put it back.
        if _database:
            demo_done = _database.demo_output is not None and not _uses_demo(nextitem)
            if _commits(item) or demo_done:
                _database.put_back()


# Tests that `-n` hands to one worker, to run one after another: those on
# the demo site share one load (and the browser tests one Chromium).
DEMO_GROUP = (
    "tests/home/test_demo_content.py::",
    "tests/home/test_spanish_site.py::",
    "tests/home/test_content_quality.py::",
    "tests/home/test_page_cache.py::test_no_cached_page_holds_a_csrf_token",
    "tests/browser/",
)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """For `-n` (xdist's "load"): single tests, but DEMO_GROUP as one unit,
    in the order of the collection. (xdist's own --dist loadgroup does not
    group on pytest 9.2: pytest-xdist issue #1386.)"""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class DemoGroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return "demo group" if nodeid.startswith(DEMO_GROUP) else nodeid

    config.option.loadscopereorder = False  # as pytest_collection_modifyitems left it
    return DemoGroupScheduling(config, log)


def pytest_collection_modifyitems(items):
    """DEMO_GROUP first, so that `-n 2` starts it on one worker and the other
    tests on the other. (Within it, pytest-django has put the transactional
    tests, the browser tests, last.)"""
    for item in items:
        if _uses_demo(item) and not item.nodeid.startswith(DEMO_GROUP):
            raise pytest.UsageError(f"{item.nodeid} uses the demo site: add it to DEMO_GROUP in tests/conftest.py.")
    items.sort(key=lambda item: not item.nodeid.startswith(DEMO_GROUP))


@pytest.fixture(autouse=True)
def _english_by_default():
    """A request under /es/ leaves Spanish active in this thread; every test
    starts in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with empty caches: the database is rolled back
    after every test, and whole pages and template fragments must not
    outlive the content they were built from."""
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def page_cache_on(settings):
    """The page cache on, whatever the test settings say (caches start empty)."""
    settings.PAGE_CACHE_ENABLED = True


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
def spanish(db):
    """The Spanish locale (the demo's and the site's second language)."""
    return Locale.objects.create(language_code="es")


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
