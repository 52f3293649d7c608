"""What a document is before a visitor opens it: its kind, its page count
(PDFs) and its size, e.g. "PDF, 2 pages, 14 KB".

The page count is read from the file when a Resource is saved
(Resource.document_pages), never while a page renders. A PDF whose page
objects are compressed (not countable without a PDF library) shows kind and
size only."""

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
MAX_BYTES_READ = 20 * 1024 * 1024


def count_pdf_pages(document):
    """The number of pages of a PDF document, or None when it cannot be told."""
    if document is None or document.file_extension.lower() != "pdf":
        return None
    try:
        with document.file.open("rb") as handle:
            return len(PAGE_OBJECT.findall(handle.read(MAX_BYTES_READ))) or None
    except OSError:
        return None  # a missing file: say nothing rather than fail the save


def size_in_words(size):
    if size < 1024:
        return _("%(size)s bytes") % {"size": size}
    if size < 1024 * 1024:
        return _("%(size)s KB") % {"size": round(size / 1024)}
    return _("%(size)s MB") % {"size": f"{size / (1024 * 1024):.1f}"}


def document_facts(document, pages):
    """ "PDF, 2 pages, 14 KB" in the active language, from what Wagtail and
    the resource recorded at upload and save."""
    parts = [document.file_extension.upper()]
    if pages:
        parts.append(ngettext("%(count)s page", "%(count)s pages", pages) % {"count": pages})
    if document.file_size:
        parts.append(size_in_words(document.file_size))
    return ", ".join(parts)
