from django.http import HttpResponseForbidden
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
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


def _asks_to_publish(request):
    return request.method == "POST" and "action-publish" in request.POST


def _refuse_publish():
    return HttpResponseForbidden(_("You may not publish this page. Submit it for review instead."))


# Wagtail hides the publish action from those who may not publish; a
# hand-made POST asking for it is refused outright (403), not saved as a draft.
@hooks.register("before_edit_page")
def refuse_forged_publish_on_edit(request, page):
    if _asks_to_publish(request) and not page.permissions_for_user(request.user).can_publish():
        return _refuse_publish()
    return None


@hooks.register("before_create_page")
def refuse_forged_publish_on_create(request, parent_page, page_class):
    if _asks_to_publish(request) and not parent_page.permissions_for_user(request.user).can_publish_subpage():
        return _refuse_publish()
    return None
