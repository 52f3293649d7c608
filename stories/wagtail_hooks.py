from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.language_rights import VisitorSnippetIndexView
from stories.models import Sector, Stakeholder


class SectorViewSet(SnippetViewSet):
    model = Sector
    index_view_class = VisitorSnippetIndexView
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class StakeholderViewSet(SnippetViewSet):
    model = Stakeholder
    index_view_class = VisitorSnippetIndexView
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class StoryTaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (SectorViewSet, StakeholderViewSet)
    menu_icon = "tag"
    menu_label = _("Story filters")
    menu_name = "story-filters"


register_snippet(StoryTaxonomyViewSetGroup)
