"""Factories for every page type and snippet, so tests build only what they need."""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from commitments.models import CommitmentIndexPage, CommitmentPage, CrosswalkPage, Framework, FrameworkElement
from engage.models import EngagePage, ShareStoryPage, SurveyFormField, SurveyPage
from home.models import HomePage, Person, Resource, StandardPage, WorkingGroupPage
from stories.models import Sector, Stakeholder, StoryCommitment, StoryIndexPage, StoryPage, StoryStakeholder


def default_locale():
    return Locale.get_default()


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Shared Commitments"
    slug = "home"
    hero_lead = "Health care that learns from every patient."
    lhs_definition = "A learning health system is one in which science, informatics, incentives and culture align."
    lhs_definition_source = "National Academy of Medicine"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "A plain introduction."

    class Meta:
        model = StandardPage


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Working group {n}")
    intro = "What the group does."
    group_type = WorkingGroupPage.GroupType.WORKING

    class Meta:
        model = WorkingGroupPage


class CommitmentIndexPageFactory(wagtail_factories.PageFactory):
    title = "The Shared Commitments"
    slug = "commitments"
    intro = "<p>Ten commitments.</p>"

    class Meta:
        model = CommitmentIndexPage


class CommitmentPageFactory(wagtail_factories.PageFactory):
    # Page factories share one sequence; numbers stay within the field's 1..99.
    number = factory.Sequence(lambda n: n % 99 + 1)
    title = factory.Sequence(lambda n: f"Commitment {n + 1}")
    summary = "Care that puts people's own goals first."
    icon = "engaged"
    for_people = "<p>Your goals come first.</p>"
    for_clinicians = "<p>Ask what matters.</p>"
    for_organizations = "<p>Measure what matters.</p>"

    class Meta:
        model = CommitmentPage


class CrosswalkPageFactory(wagtail_factories.PageFactory):
    title = "Crosswalk"
    slug = "crosswalk"

    class Meta:
        model = CrosswalkPage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stories"
    slug = "stories"

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Story {n}")
    summary = "A team learned from its own care and got better results."
    organization = "Riverside Health"
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    challenge = "<p>Too many infections.</p>"
    approach = "<p>They screened every patient.</p>"
    results = "<p>Infections fell.</p>"

    class Meta:
        model = StoryPage


class EngagePageFactory(wagtail_factories.PageFactory):
    title = "Engage"
    slug = "engage"

    class Meta:
        model = EngagePage


class ShareStoryPageFactory(wagtail_factories.PageFactory):
    title = "Share your story"
    slug = "share-your-story"
    intro = "Tell us what your organization did."
    thank_you_text = "<p>Thank you for your story.</p>"

    class Meta:
        model = ShareStoryPage


class SurveyPageFactory(wagtail_factories.PageFactory):
    title = "Survey"
    slug = "survey"
    to_address = "team@example.org"
    from_address = "no-reply@example.org"
    subject = "New survey response"

    class Meta:
        model = SurveyPage


class SurveyFormFieldFactory(DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Question {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = SurveyFormField


class TaxonomyFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.Sequence(lambda n: f"term-{n}")
    locale = factory.LazyFunction(default_locale)


class SectorFactory(TaxonomyFactory):
    class Meta:
        model = Sector


class StakeholderFactory(TaxonomyFactory):
    class Meta:
        model = Stakeholder


class FrameworkFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Framework {n}")
    short_name = factory.Sequence(lambda n: f"F{n}")
    slug = factory.Sequence(lambda n: f"framework-{n}")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Framework


class FrameworkElementFactory(DjangoModelFactory):
    framework = factory.SubFactory(FrameworkFactory)
    name = factory.Sequence(lambda n: f"Element {n}")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = FrameworkElement


class PersonFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person {n}")
    role = "Chief Quality Officer"
    organization = "Riverside Health"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Person


class ResourceFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Resource {n}")
    kind = Resource.Kind.REPORT
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    summary = "<p>A useful report.</p>"
    url = "https://example.org/report"
    live = True
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Resource


def link_story(story, commitments=(), stakeholders=()):
    """Attach commitments and stakeholders to a saved story."""
    for position, commitment in enumerate(commitments):
        StoryCommitment.objects.create(page=story, commitment=commitment, sort_order=position)
    for position, stakeholder in enumerate(stakeholders):
        StoryStakeholder.objects.create(page=story, stakeholder=stakeholder, locale=story.locale, sort_order=position)


def publish(page, **fields):
    """Set `fields` on the page and publish a revision, as an editor would."""
    page = page.specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def publish_translation(page, locale, **fields):
    """A real (not alias) translation of `page` in `locale`, with `fields`
    set, published."""
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated
