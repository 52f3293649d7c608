"""Which pages anyone may see, in the same query as the pages themselves.

Wagtail's `PageQuerySet.public()` reads every view restriction first (one
more query each time it is used). `public(queryset)` says the same thing as
a subquery: a page is private when it, an ancestor, or the page it is an
alias of (or one of that page's ancestors) has a view restriction.

The subquery is one SQL template around the page's own `path` and
`alias_of_id` columns (core.expressions): built from ORM lookups it cost
about 0.9 ms of Python per query to compile, several times on every page.
Tree paths are made of digits and capital letters only, so they need no
escaping in LIKE."""

from django.db.models import BooleanField, F
from wagtail.models import Page, PageViewRestriction

from core.expressions import SQLAround, table


class RestrictionAbove(SQLAround):
    """True when a view restriction is on the page's path or its source's
    (an alias), or on a path above either."""

    output_field = BooleanField()

    def __init__(self):
        super().__init__(F("path"), F("alias_of_id"))

    def template(self, connection, path, alias_of):
        restrictions, pages = table(connection, PageViewRestriction), table(connection, Page)
        return (
            f'EXISTS(SELECT 1 FROM {restrictions} "lhs_restriction" '
            f'INNER JOIN {pages} "lhs_restricted" ON ("lhs_restricted"."id" = "lhs_restriction"."page_id") '
            f'WHERE {path} LIKE ("lhs_restricted"."path" || \'%%\') '
            f'OR (SELECT "lhs_source"."path" FROM {pages} "lhs_source" WHERE "lhs_source"."id" = {alias_of}) '
            f'LIKE ("lhs_restricted"."path" || \'%%\'))'
        )


def public(queryset):
    """The pages of `queryset` that have no view restriction."""
    return queryset.filter(~RestrictionAbove())


def is_private():
    """An annotation: True for pages `public()` leaves out."""
    return RestrictionAbove()
