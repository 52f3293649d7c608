from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from commitments.models import Framework, FrameworkElement
from core.language_rights import VisitorSnippetIndexView


class FrameworkViewSet(SnippetViewSet):
    model = Framework
    index_view_class = VisitorSnippetIndexView
    icon = "table"
    list_display = ["name", "short_name", "year"]
    search_fields = ["name"]


class FrameworkElementViewSet(SnippetViewSet):
    model = FrameworkElement
    index_view_class = VisitorSnippetIndexView
    icon = "list-ul"
    list_display = ["name", "framework", "group"]
    list_filter = ["framework"]
    search_fields = ["name"]


class CrosswalkViewSetGroup(SnippetViewSetGroup):
    items = (FrameworkViewSet, FrameworkElementViewSet)
    menu_icon = "table"
    menu_label = _("Crosswalk")
    menu_name = "crosswalk"


register_snippet(CrosswalkViewSetGroup)
