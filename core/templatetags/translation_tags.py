"""Template tags of the translation loop: the review panel of the
translation editor, and the public notice that a translated page is behind
its source (see core/translation/)."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from core.translation.editor import review_context
from core.translation.status import newer_source

register = template.Library()


@register.inclusion_tag("core/translation/review_panel.html", takes_context=True)
def translation_review(context, part):
    """`part` is "panel" (status, comment, strings to do) or "footer" (the actions)."""
    return review_context(context["request"], context["translation"], context["instance"]) | {"part": part}


@register.simple_tag
def newer_source_page(page):
    """The source page of a translated page published before the source last
    changed, or None; no query on pages in the default language."""
    if get_language() == settings.LANGUAGE_CODE:
        return None
    return newer_source(page)
