"""SQL the ORM cannot say cheaply, written around a row's own columns.

A `SQLAround` expression compiles its source expressions (columns, a
subquery) as Django compiles any, so they are relabelled inside subqueries
like any column, and puts them into one SQL template of its own. Built from
ORM lookups the same SQL cost up to a millisecond of Python to compile on
every page (bench/RESULTS.md). Tables in a template are named from the
models' `db_table`, with aliases prefixed `lhs_` so they never meet
Django's."""

from django.db.models import BooleanField, Exists, Expression, Subquery


def table(connection, model):
    """The model's table name, quoted for `connection`."""
    return connection.ops.quote_name(model._meta.db_table)


class SQLAround(Expression):
    """Subclasses write `template(connection, *compiled_sources)`."""

    def __init__(self, *sources):
        super().__init__()
        self.sources = list(sources)

    def get_source_expressions(self):
        return self.sources

    def set_source_expressions(self, expressions):
        self.sources = list(expressions)

    def template(self, connection, *sql):
        raise NotImplementedError

    def as_sql(self, compiler, connection):
        compiled = [compiler.compile(source) for source in self.sources]
        params = [param for _sql, source_params in compiled for param in source_params]
        return self.template(connection, *(sql for sql, _params in compiled)), params


class AnyOf(SQLAround):
    """`column IN (subquery)`, written `column = ANY(ARRAY(subquery))` on
    PostgreSQL, which can then answer it from an index inside an OR (an IN
    subquery there makes it read every row)."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, column, queryset):
        super().__init__(column, Subquery(queryset))

    def template(self, connection, column, subquery):
        if connection.vendor == "postgresql":
            return f"{column} = ANY(ARRAY{subquery})"
        return f"{column} IN {subquery}"


class ExistsPerRow(Exists):
    """Exists, checked for each row the rest of the query reads. `OFFSET 0`
    keeps PostgreSQL from turning it into a join that starts from the
    subquery's rows: a listing filtered by a commitment then reads its
    stories newest first and stops at a page's worth, and one filtered by
    a commitment and a sector starts from the sector's few stories (5 ms to
    1 to 3 ms on the 1,000-story site) instead of from all of the
    commitment's."""

    template = "EXISTS(%(subquery)s OFFSET 0)"
