"""Which pages anyone may see, in the same query as the pages themselves.

Wagtail's `PageQuerySet.public()` reads every view restriction first (one
more query each time it is used). `public(queryset)` says the same thing as
a subquery: a page is private when it, an ancestor, or the page it is an
alias of (or one of that page's ancestors) has a view restriction."""

from django.db.models import BooleanField, CharField, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.db.models.lookups import StartsWith
from wagtail.models import Page, PageViewRestriction


def _restriction_above():
    """One subquery: a restriction on the page's path or its source's (an
    alias), or on a path above either."""
    own = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    # The source's path by its id: no join in the outer query, which would
    # make the database read every page for every listing.
    source = Subquery(Page.objects.filter(pk=OuterRef(OuterRef("alias_of_id"))).values("path")[:1])
    return Exists(
        PageViewRestriction.objects.filter(Q(StartsWith(own, F("page__path"))) | Q(StartsWith(source, F("page__path"))))
    )


def public(queryset):
    """The pages of `queryset` that have no view restriction."""
    return queryset.filter(~_restriction_above())


def is_private():
    """An annotation: True for pages `public()` leaves out."""
    return ExpressionWrapper(Q(_restriction_above()), output_field=BooleanField())
