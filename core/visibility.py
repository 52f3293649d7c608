"""Which pages anyone may see, in the same query as the pages themselves.

Wagtail's `PageQuerySet.public()` reads every view restriction first (one
more query each time it is used). `public(queryset)` says the same thing as
a subquery: a page is private when it, an ancestor, or the page it is an
alias of (or one of that page's ancestors) has a view restriction.

The subquery is one SQL template around the page's own `path` and
`alias_of_id` columns (which Django relabels like any column, so it works
inside subqueries too). Built from ORM lookups it cost about 0.9 ms of
Python per query to compile, several times on every page
(bench/RESULTS.md). Tree paths are made of digits and capital letters
only, so they need no escaping in LIKE."""

from django.db.models import BooleanField, Expression, F
from wagtail.models import Page, PageViewRestriction


class RestrictionAbove(Expression):
    """True when a view restriction is on the page's path or its source's
    (an alias), or on a path above either."""

    output_field = BooleanField()

    def __init__(self, path=None, alias_of=None):
        super().__init__()
        self.path = path if path is not None else F("path")
        self.alias_of = alias_of if alias_of is not None else F("alias_of_id")

    def get_source_expressions(self):
        return [self.path, self.alias_of]

    def set_source_expressions(self, expressions):
        self.path, self.alias_of = expressions

    def as_sql(self, compiler, connection):
        path_sql, path_params = compiler.compile(self.path)
        alias_sql, alias_params = compiler.compile(self.alias_of)
        quote = connection.ops.quote_name
        restrictions, pages = quote(PageViewRestriction._meta.db_table), quote(Page._meta.db_table)
        sql = (
            f'EXISTS(SELECT 1 FROM {restrictions} "lhs_restriction" '
            f'INNER JOIN {pages} "lhs_restricted" ON ("lhs_restricted"."id" = "lhs_restriction"."page_id") '
            f'WHERE {path_sql} LIKE ("lhs_restricted"."path" || \'%%\') '
            f'OR (SELECT "lhs_source"."path" FROM {pages} "lhs_source" WHERE "lhs_source"."id" = {alias_sql}) '
            f'LIKE ("lhs_restricted"."path" || \'%%\'))'
        )
        return sql, (*path_params, *alias_params)


def public(queryset):
    """The pages of `queryset` that have no view restriction."""
    return queryset.filter(~RestrictionAbove())


def is_private():
    """An annotation: True for pages `public()` leaves out."""
    return RestrictionAbove()
