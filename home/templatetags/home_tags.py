"""Template tags for what the home app owns: the footer text."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from home.models import FooterText

register = template.Library()


@register.simple_tag
def footer_text():
    """`{% footer_text as footer %}`: the live footer text in the active
    language, or the default language's when it has none yet (one query)."""
    footers = FooterText.objects.filter(live=True, locale__language_code__in={get_language(), settings.LANGUAGE_CODE})
    # Oldest first wins: ordered newest first, later entries overwrite.
    by_language = {footer.locale.language_code: footer for footer in footers.select_related("locale").order_by("-pk")}
    return by_language.get(get_language()) or by_language.get(settings.LANGUAGE_CODE)
