"""A stricter front door for wagtail-localize's PO upload: a file that is
missing, too large, not a PO file, or made for another translation gets a
clear message and a 400, and nothing is imported. Good files go on to
wagtail-localize's own view."""

import contextlib
import os
import tempfile

import polib
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

MAX_PO_FILE_BYTES = 5 * 1024 * 1024


def _parse_po(upload):
    """polib reads a path or a string of content; a temporary file keeps an
    uploaded file that holds a path from being read as one."""
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    try:
        return polib.pofile(handle.name)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        upload.seek(0)


def _problem_with(upload, translation):
    if upload is None:
        return _("Choose a PO file to upload.")
    if upload.size > MAX_PO_FILE_BYTES:
        return _("That file is too large for a PO file (the limit is 5 MB).")
    try:
        po = _parse_po(upload)
    except (OSError, UnicodeDecodeError, ValueError):
        return _("That file is not a valid PO file. Download the PO file again and edit only the msgstr lines.")
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        return _("That PO file was made for a different translation. Download the PO file of this translation.")
    return None


@require_admin_access
def upload_pofile(request, translation_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    problem = _problem_with(request.FILES.get("file"), translation)
    if problem:
        return TemplateResponse(
            request,
            "core/admin_refusal.html",
            {
                "title": _("The PO file was not imported"),
                "summary": _("The PO file was not imported, and nothing was changed."),
                "problem": problem,
                "next_url": get_valid_next_url_from_request(request),
                "next_label": _("Back to the translation"),
            },
            status=400,
        )
    return edit_translation.upload_pofile(request, translation_id)
