"""Template tags of the engage section."""

from django import template

register = template.Library()


@register.simple_tag
def crumbs_to_subpage(crumbs, title, subpage):
    """`{% crumbs_to_subpage nav.crumbs _("Results so far") "results/" as crumbs %}`:
    the page's breadcrumb trail (base.html's `nav.crumbs`) with the page no
    longer current, then one of its routes (`subpage`, relative to the page),
    which is. No trail, no crumbs."""
    if not crumbs:
        return []
    page = {**crumbs[-1], "current": False}
    return [*crumbs[:-1], page, {"title": title, "url": page["url"] + subpage, "current": True}]
