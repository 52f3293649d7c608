"""Stories: what the commitments look like in practice, from published cases."""

from stories.models.index import StoryIndexPage
from stories.models.story import StoryCommitment, StoryPage, StoryPageQuerySet, StoryStakeholder
from stories.models.taxonomy import Sector, Stakeholder, TaxonomyTerm

__all__ = [
    "Sector",
    "Stakeholder",
    "StoryCommitment",
    "StoryIndexPage",
    "StoryPage",
    "StoryPageQuerySet",
    "StoryStakeholder",
    "TaxonomyTerm",
]
