"""Real failures for tests, made through Django's public hooks instead of
patching code: `database_fails` is a query wrapper (Django's "database
instrumentation"), so the error comes from the database layer exactly where
a lost connection would raise it; `FailingEmailBackend` is an email backend
whose server refuses the connection."""

import contextlib

from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection


@contextlib.contextmanager
def database_fails(error, when=lambda sql: True):
    """Every query for which `when(sql)` holds raises `error` instead of running."""

    def wrapper(execute, sql, params, many, context):
        if when(sql):
            raise error
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield


def writes_to(table):
    """For `database_fails`: true for an INSERT into `table`."""
    return lambda sql: sql.lstrip().upper().startswith("INSERT") and f'"{table}"' in sql


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("no mail server")
