"""Template tags of the translation loop: the review panel of the
translation editor (see core/translation/). The public notice that a
translated page is behind its source comes with the navigation
(core_tags.Navigation.newer_source)."""

from django import template

from core.translation.editor import review_context

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_review_context(context):
    """`{% translation_review_context as review %}`: what the review panel
    and its footer show, worked out once for both."""
    return review_context(context["request"], context["translation"], context["instance"])


@register.inclusion_tag("core/translation/review_panel.html")
def translation_review(review, part):
    """`part` is "panel" (status, comment, strings to do) or "footer" (the actions)."""
    return review | {"part": part}
