"""Template tags of the translation loop: the review panel of the
translation editor (see core/translation/). The public notice that a
translated page is behind its source comes with the navigation
(core_tags.Navigation.newer_source)."""

from django import template

from core.translation.editor import review_context

register = template.Library()


@register.inclusion_tag("core/translation/review_panel.html", takes_context=True)
def translation_review(context, part):
    """`part` is "panel" (status, comment, strings to do) or "footer" (the actions)."""
    return review_context(context["request"], context["translation"], context["instance"]) | {"part": part}
