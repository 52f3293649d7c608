"""The page tree can only be built the sensible way, and every page type renders."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from commitments.models import CommitmentIndexPage, CommitmentPage, CrosswalkPage
from engage.models import EngagePage, ShareStoryPage, SurveyPage
from home.models import HomePage, StandardPage, WorkingGroupPage
from stories.models import StoryIndexPage, StoryPage
from tests import factories


def commitment_form_data(**fields):
    """Admin form data for a complete commitment page; `fields` override."""
    data = {
        "title": "Safe",
        "slug": "safe",
        "number": 2,
        "summary": "Care that uses proven steps to prevent harm.",
        "icon": "safe",
        "for_people": rich_text("<p>You are protected from harm.</p>"),
        "for_clinicians": rich_text("<p>Checklists help.</p>"),
        "for_organizations": rich_text("<p>Track harm.</p>"),
        "signs": streamfield([]),
        "crosswalk_links-TOTAL_FORMS": 0,
        "crosswalk_links-INITIAL_FORMS": 0,
    }
    data.update(fields)
    return nested_form_data(data)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {StandardPage, CommitmentIndexPage, StoryIndexPage, EngagePage})

    def test_standard_pages_nest_and_hold_working_groups(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage, EngagePage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, WorkingGroupPage})
        self.assertAllowedParentPageTypes(WorkingGroupPage, {StandardPage})
        self.assertAllowedSubpageTypes(WorkingGroupPage, set())

    def test_commitments_live_only_under_the_commitment_index(self):
        self.assertAllowedParentPageTypes(CommitmentIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CommitmentIndexPage, {CommitmentPage, CrosswalkPage})
        self.assertAllowedParentPageTypes(CommitmentPage, {CommitmentIndexPage})
        self.assertAllowedParentPageTypes(CrosswalkPage, {CommitmentIndexPage})
        self.assertCanNotCreateAt(HomePage, CommitmentPage)
        self.assertCanNotCreateAt(StandardPage, CommitmentPage)

    def test_stories_live_only_under_the_story_index(self):
        self.assertAllowedParentPageTypes(StoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(StoryIndexPage, {StoryPage})
        self.assertAllowedParentPageTypes(StoryPage, {StoryIndexPage})
        self.assertCanNotCreateAt(HomePage, StoryPage)
        self.assertCanNotCreateAt(CommitmentIndexPage, StoryPage)

    def test_survey_lives_under_engage(self):
        self.assertAllowedParentPageTypes(EngagePage, {HomePage})
        self.assertAllowedSubpageTypes(EngagePage, {SurveyPage, ShareStoryPage, StandardPage})
        self.assertAllowedParentPageTypes(SurveyPage, {EngagePage})
        self.assertCanNotCreateAt(HomePage, SurveyPage)


class EditorCreatesPagesTests(WagtailPageTestCase):
    """Pages are created through the admin, as an editor would."""

    @classmethod
    def setUpTestData(cls):
        cls.home = factories.HomePageFactory(parent=Page.get_first_root_node(), slug="home-test")

    def setUp(self):
        self.login()

    def test_editor_can_create_a_standard_page_with_blocks(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "About the initiative",
                    "slug": "about",
                    "intro": "Who we are.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Our aim", "level": "h2"}),
                            ("paragraph", rich_text("<p>Care that learns.</p>")),
                            ("statistic", {"value": "80%", "label": "of patients", "source": "JAMA"}),
                        ]
                    ),
                }
            ),
        )

    def test_editor_can_create_a_commitment_page(self):
        index = factories.CommitmentIndexPageFactory(parent=self.home)
        self.assertCanCreate(index, CommitmentPage, commitment_form_data())

    def test_commitment_summary_over_200_characters_is_refused_with_a_message(self):
        index = factories.CommitmentIndexPageFactory(parent=self.home)
        data = commitment_form_data(summary="x" * 201)
        response = self.client.post(f"/admin/pages/add/commitments/commitmentpage/{index.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "at most 200 characters")
        self.assertFalse(CommitmentPage.objects.exists())

    def test_two_commitments_cannot_share_a_number(self):
        index = factories.CommitmentIndexPageFactory(parent=self.home)
        factories.CommitmentPageFactory(parent=index, number=2, title="Safe", slug="safe")
        data = commitment_form_data(title="Also safe", slug="also-safe")
        response = self.client.post(f"/admin/pages/add/commitments/commitmentpage/{index.pk}/", data)
        self.assertContains(response, "Another commitment already has number 2")
        self.assertEqual(CommitmentPage.objects.count(), 1)

    def test_a_story_cannot_be_published_without_a_commitment(self):
        story_index = factories.StoryIndexPageFactory(parent=self.home)
        data = nested_form_data(
            {
                "title": "A story",
                "slug": "a-story",
                "summary": "Short.",
                "organization": "Riverside Health",
                "date": "2024-01-01",
                "challenge": rich_text("<p>a</p>"),
                "approach": rich_text("<p>b</p>"),
                "results": rich_text("<p>c</p>"),
                "outcomes": streamfield([]),
                "quotes": streamfield([]),
                "sources": streamfield([]),
                "story_commitments-TOTAL_FORMS": 0,
                "story_commitments-INITIAL_FORMS": 0,
                "story_stakeholders-TOTAL_FORMS": 0,
                "story_stakeholders-INITIAL_FORMS": 0,
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(f"/admin/pages/add/stories/storypage/{story_index.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The page could not be created due to validation errors")
        self.assertContains(response, "Please submit at least 1 form.")
        self.assertFalse(StoryPage.objects.exists())


class EveryPageTypeRendersTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = factories.HomePageFactory(parent=root, slug="home-render")
        site = Site.objects.get(is_default_site=True)
        site.root_page = cls.home
        site.save()
        about = factories.StandardPageFactory(parent=cls.home, title="About", slug="about")
        commitment_index = factories.CommitmentIndexPageFactory(parent=cls.home)
        commitment = factories.CommitmentPageFactory(parent=commitment_index, title="Safe", slug="safe")
        story_index = factories.StoryIndexPageFactory(parent=cls.home)
        story = factories.StoryPageFactory(parent=story_index)
        factories.link_story(story, commitments=[commitment])
        engage = factories.EngagePageFactory(parent=cls.home)
        cls.pages = [
            cls.home,
            about,
            factories.WorkingGroupPageFactory(parent=about),
            commitment_index,
            commitment,
            factories.CrosswalkPageFactory(parent=commitment_index),
            story_index,
            story,
            engage,
            factories.SurveyPageFactory(parent=engage),
        ]

    def test_every_page_type_is_routable_and_renders(self):
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
