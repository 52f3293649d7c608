from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import FooterText, Person, Resource


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "organization"]
    search_fields = ["name", "organization"]


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "doc-full"
    menu_label = _("Resources")
    list_display = ["title", "kind", "date"]
    list_filter = ["kind", "live"]
    search_fields = ["title", "summary"]


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "doc-empty"
    menu_label = _("Footer")
    list_display = ["__str__", "live"]


class SiteContentViewSetGroup(SnippetViewSetGroup):
    items = (ResourceViewSet, PersonViewSet, FooterTextViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Site content")
    menu_name = "site-content"


register_snippet(SiteContentViewSetGroup)
