"""Template tags for what the commitments app owns: the commitment icons."""

from django import template
from django.utils.safestring import mark_safe

from commitments.icons import ICONS

register = template.Library()


@register.inclusion_tag("includes/commitment_icon.html")
def commitment_icon(key, decorative=False, css_class=""):
    """`{% commitment_icon page.icon %}`: the icon as inline SVG (hidden from
    assistive technology) followed by its text equivalent in a visually
    hidden span. Pass decorative=True where the text beside the icon already
    says everything (e.g. on a card under the commitment's title)."""
    label, inner = ICONS.get(key, ("", ""))
    return {
        "key": key,
        "svg": mark_safe(inner),  # noqa: S308 - fixed markup from commitments/icons.py
        "label": "" if decorative else label,
        "css_class": css_class,
    }
