"""What a document is before a visitor opens it: its kind, its page count
(PDFs) and its size, e.g. "PDF, 2 pages, 14 KB".

The page count is read from the file once per file content (its hash) and
cached; a PDF whose page objects are compressed (so not countable without
a PDF library) shows kind and size only."""

import re

from django import template
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
MAX_BYTES_READ = 20 * 1024 * 1024


def pdf_page_count(document):
    """The number of pages of a PDF document, or 0 when it cannot be told."""
    key = f"document-pages:{document.file_hash or document.pk}"
    count = cache.get(key)
    if count is None:
        try:
            with document.file.open("rb") as handle:
                count = len(PAGE_OBJECT.findall(handle.read(MAX_BYTES_READ)))
        except OSError:
            return 0  # a missing file: say nothing rather than fail the page
        cache.set(key, count, None)
    return count


def file_size(document):
    """The size Wagtail recorded at upload, else the file's (without saving:
    a page view writes nothing)."""
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except OSError:
        return None


def size_in_words(size):
    if size < 1024:
        return _("%(size)s bytes") % {"size": size}
    if size < 1024 * 1024:
        return _("%(size)s KB") % {"size": round(size / 1024)}
    return _("%(size)s MB") % {"size": f"{size / (1024 * 1024):.1f}"}


@register.filter
def document_facts(document):
    """ "PDF, 2 pages, 14 KB" for a document, in the active language."""
    kind = document.file_extension.upper()
    parts = [kind]
    if kind == "PDF" and (pages := pdf_page_count(document)):
        parts.append(ngettext("%(count)s page", "%(count)s pages", pages) % {"count": pages})
    if size := file_size(document):
        parts.append(size_in_words(size))
    return ", ".join(parts)
