from home.models.mixins import BasePage, ListingMixin, SameSlugInEveryLanguage, SlugPerLocaleMixin, SocialMixin
from home.models.pages import (
    HomePage,
    HomePageFeaturedCommitment,
    HomePageFeaturedStory,
    StandardPage,
    WorkingGroupMember,
    WorkingGroupPage,
)
from home.models.settings import SiteSettings
from home.models.snippets import FooterText, Person, Resource
from home.models.workflow import FinalApprovalTask, PlainLanguageReviewTask

__all__ = [
    "FinalApprovalTask",
    "PlainLanguageReviewTask",
    "FooterText",
    "BasePage",
    "HomePage",
    "HomePageFeaturedCommitment",
    "HomePageFeaturedStory",
    "ListingMixin",
    "Person",
    "Resource",
    "SameSlugInEveryLanguage",
    "SiteSettings",
    "SlugPerLocaleMixin",
    "SocialMixin",
    "StandardPage",
    "WorkingGroupMember",
    "WorkingGroupPage",
]
