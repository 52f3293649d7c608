import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from stories.models import Sector
from tests import factories


@pytest.mark.django_db
def test_a_slug_is_unique_within_a_language_but_shared_by_translations():
    factories.SectorFactory(slug="payers")
    duplicate = Sector(name="Payers again", slug="payers", locale=Locale.get_default())
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug" in error.value.message_dict

    spanish = Locale.objects.create(language_code="es")
    Sector(name="Aseguradoras", slug="payers", locale=spanish).full_clean()  # no error


@pytest.mark.django_db
def test_framework_slugs_follow_the_same_rule():
    framework = factories.FrameworkFactory(slug="triple-aim")
    clash = factories.FrameworkFactory.build(slug="triple-aim", locale=framework.locale)
    with pytest.raises(ValidationError):
        clash.full_clean()


@pytest.mark.django_db
def test_a_story_names_only_the_published_stakeholders_it_matters_to(client, story_index):
    story = factories.StoryPageFactory(parent=story_index, title="Fewer falls", slug="fewer-falls")
    published = factories.StakeholderFactory(name="Patients and families", live=True)
    draft = factories.StakeholderFactory(name="Unreviewed group", live=False)
    factories.link_story(story, stakeholders=[published, draft])
    html = client.get(story.url).content.decode()
    assert "Patients and families" in html
    assert "Unreviewed group" not in html
