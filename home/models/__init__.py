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
    "HomePage",
    "HomePageFeaturedCommitment",
    "HomePageFeaturedStory",
    "Person",
    "Resource",
    "SiteSettings",
    "StandardPage",
    "WorkingGroupMember",
    "WorkingGroupPage",
]
