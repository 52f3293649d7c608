"""Background tasks of the engage section (django-tasks, as Wagtail uses).

In production (TASKS in settings/production.py) tasks are stored in the
database and run by `manage.py db_worker`; in development and tests they run
at once, in the process that enqueues them. The survey enqueues only after its
transaction commits, so the answers are stored whatever happens here."""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.admin.mail import send_mail

logger = logging.getLogger(__name__)


@task()
def notify_survey_team(submission_id):
    """Email the survey's team (its "to" addresses) a new response in plain
    text. Any failure is logged, never raised."""
    try:
        send_survey_notification(submission_id)
    except Exception:
        logger.exception("Could not send the notification for survey response %s.", submission_id)


def send_survey_notification(submission_id):
    from engage import self_assessment
    from engage.models import SurveySubmission
    from engage.survey_forms import term_names

    submission = SurveySubmission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None:
        logger.warning("Survey response %s is gone; no notification sent.", submission_id)
        return False
    page = submission.page.specific
    addresses = [address.strip() for address in (getattr(page, "to_address", "") or "").split(",") if address.strip()]
    if not addresses:
        return False

    terms = term_names(page.locale_id)
    with translation.override(settings.LANGUAGE_CODE):
        none = _("(none)")
        lines = [
            _("A new response to “%(survey)s” (language: %(language)s).")
            % {"survey": page.title, "language": submission.language_code},
            "",
            f"{_('Organization')}: {submission.organization or none}",
            f"{_('Sector')}: {terms['sector'].get(submission.sector, submission.sector) or none}",
            f"{_('Role')}: {terms['role'].get(submission.role, submission.role) or none}",
            f"{_('Email address')}: {submission.contact_email or none}",
            f"{_('Privacy notice version agreed to')}: {submission.consent_version or none}",
        ]

        labels = {field.clean_name: field.label for field in page.get_form_fields()}
        if submission.form_data:
            lines += ["", _("Answers") + ":"]
            for name, value in submission.form_data.items():
                if isinstance(value, list):
                    value = ", ".join(str(item) for item in value)
                lines.append(f"{labels.get(name, name)}: {value if value not in ('', None) else none}")

        if submission.scores:
            scale = [
                label or default
                for label, default in zip(page.scale_labels, self_assessment.DEFAULT_SCALE_LABELS, strict=True)
            ]
            lines += ["", _("Self-assessment, from 1 to 5") + ":"]
            questions = {question.slug: question for question in self_assessment.questions(page.locale_id)}
            in_order = sorted(
                submission.scores.items(),
                key=lambda item: (questions[item[0]].number if item[0] in questions else 999, item[0]),
            )
            for slug, score in in_order:
                question = questions.get(slug)
                title = f"{question.number}. {question.title}" if question else slug
                label = scale[score - 1] if isinstance(score, int) and 1 <= score <= len(scale) else ""
                lines.append(f"{title}: {score} ({label})" if label else f"{title}: {score}")

        base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        lines += ["", _("All responses") + f": {base_url}{reverse('wagtailforms:list_submissions', args=[page.pk])}"]
        subject = page.subject or _("New survey response")

    send_mail(subject, "\n".join(lines), addresses, page.from_address or None)
    return True
