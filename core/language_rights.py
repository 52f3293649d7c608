"""Who may change content in the site's default language (English).

Wagtail's snippet rights are per model, not per language, so translators
hold a model's add and change rights for its translations. The rule here
narrows that: a user whose page rights are all on the other languages' trees
(a translator) may change the other languages' instances and never the
default-language ones; editors, moderators and superusers may change both.
Enforced by home.wagtail_hooks (before_create/edit/delete_snippet answer 403
with a message) and shown by the snippet listings, which offer no edit link."""

from django.conf import settings
from django.utils.functional import cached_property
from wagtail.models import GroupPagePermission, Locale
from wagtail.snippets.views.snippets import IndexView

CHANGE_CODENAMES = ("add_page", "change_page", "publish_page")


def default_locale_id():
    return Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values_list("pk", flat=True).first()


def may_change_default_language(user):
    """False for a user whose page rights are all on other languages' trees
    (a translator); True for everyone else with the model's rights.
    Remembered on the user for the request."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_may_change_default_language"):
        rights = GroupPagePermission.objects.filter(group__user=user, permission__codename__in=CHANGE_CODENAMES)
        languages = set(rights.values_list("page__locale__language_code", flat=True).distinct())
        user._may_change_default_language = not languages or settings.LANGUAGE_CODE in languages
    return user._may_change_default_language


def in_default_language(instance, default_id=None):
    locale_id = getattr(instance, "locale_id", None)
    return locale_id is None or locale_id == (default_id or default_locale_id())


def may_change(user, instance, default_id=None):
    """`default_id`, the default locale's, saves a query per instance in a listing."""
    return not in_default_language(instance, default_id) or may_change_default_language(user)


class VisitorSnippetIndexView(IndexView):
    """A snippet listing with no edit link (title or menu) on a
    default-language instance for a user who may not change it."""

    @cached_property
    def default_locale_id(self):
        return default_locale_id()

    def get_edit_url(self, instance):
        if not may_change(self.request.user, instance, self.default_locale_id):
            return None
        return super().get_edit_url(instance)
