"""English: Django's formats, plus the project's PERCENT_SEPARATOR ("43.6%")."""

PERCENT_SEPARATOR = ""
