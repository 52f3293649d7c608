from engage.models.pages import EngagePage
from engage.models.public_stories import ShareStoryPage, StorySubmission, get_submissions_user
from engage.models.survey import SurveyFormField, SurveyPage, SurveySubmission

__all__ = [
    "EngagePage",
    "ShareStoryPage",
    "StorySubmission",
    "SurveyFormField",
    "SurveyPage",
    "SurveySubmission",
    "get_submissions_user",
]
