from home.models.mixins import BasePage, ListingMixin, SlugPerLocaleMixin, SocialMixin
from home.models.pages import (
    HomePage,
    HomePageFeaturedCommitment,
    HomePageFeaturedStory,
    StandardPage,
    WorkingGroupMember,
    WorkingGroupPage,
)
from home.models.settings import SiteSettings
from home.models.snippets import Person, Resource

__all__ = [
    "BasePage",
    "HomePage",
    "HomePageFeaturedCommitment",
    "HomePageFeaturedStory",
    "ListingMixin",
    "Person",
    "Resource",
    "SiteSettings",
    "SlugPerLocaleMixin",
    "SocialMixin",
    "StandardPage",
    "WorkingGroupMember",
    "WorkingGroupPage",
]
