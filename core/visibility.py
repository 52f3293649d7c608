"""Which pages anyone may see, in the same query as the pages themselves.

Wagtail's `PageQuerySet.public()` reads every view restriction first (one
more query each time it is used). `public(queryset)` says the same thing as
a subquery: a page is private when it, an ancestor, or the page it is an
alias of (or one of that page's ancestors) has a view restriction."""

from django.db.models import BooleanField, CharField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction


def _restriction_above(path_field):
    target = ExpressionWrapper(OuterRef(path_field), output_field=CharField())
    return Exists(PageViewRestriction.objects.filter(StartsWith(target, F("page__path"))))


def public(queryset):
    """The pages of `queryset` that have no view restriction."""
    return queryset.filter(~_restriction_above("path"), ~_restriction_above("alias_of__path"))


def is_private():
    """An annotation: True for pages `public()` leaves out."""
    return ExpressionWrapper(
        Q(_restriction_above("path")) | Q(_restriction_above("alias_of__path")), output_field=BooleanField()
    )
