from django import template

from core.readability import cited_measures, reading_report

register = template.Library()


@register.inclusion_tag("home/workflow/review_summary.html")
def review_summary(obj):
    """Reading level and cited figures of the version under review."""
    latest = obj.get_latest_revision_as_object() if hasattr(obj, "get_latest_revision_as_object") else obj
    return {"report": reading_report(latest), "measures": cited_measures(latest)}
