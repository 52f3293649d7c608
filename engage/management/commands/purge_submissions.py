"""Remove or delete personal data from old survey responses and story
submissions, for the retention period in the privacy notice.

    manage.py purge_submissions --older-than 365            # remove contact details
    manage.py purge_submissions --older-than 730 --delete   # delete the rows
    manage.py purge_submissions --older-than 365 --dry-run  # say what would happen

Safe on a schedule (cron, systemd timer): no prompts, one transaction, and a
second run finds nothing left to do and says so."""

import argparse
import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from engage.models import StorySubmission, SurveyFormField, SurveySubmission

REMOVED = "(removed)"  # for a required text field that cannot be left empty
BATCH = 500


def positive_days(value):
    try:
        days = int(str(value).strip())
    except (TypeError, ValueError):
        raise argparse.ArgumentTypeError(f"DAYS must be a whole number of days, 1 or more (got {value!r}).") from None
    if days < 1:
        raise argparse.ArgumentTypeError(f"DAYS must be a whole number of days, 1 or more (got {value!r}).")
    return days


def plural(count, singular, plural_form):
    return f"{count} {singular if count == 1 else plural_form}"


class Command(BaseCommand):
    help = (
        "Remove contact details (or with --delete, delete entirely) survey responses and story "
        "submissions older than DAYS days."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            dest="older_than",
            metavar="DAYS",
            type=positive_days,
            required=True,
            help="Only rows sent more than DAYS days ago (a whole number, 1 or more).",
        )
        parser.add_argument(
            "--delete", action="store_true", help="Delete the rows entirely instead of removing contact details."
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would be done; change nothing.")

    def handle(self, *args, older_than, delete=False, dry_run=False, **options):
        # call_command(older_than=...) may pass the value without the parser's check.
        try:
            days = positive_days(older_than)
        except argparse.ArgumentTypeError as error:
            raise CommandError(str(error)) from None
        try:
            cutoff = timezone.now() - datetime.timedelta(days=days)
        except OverflowError:
            raise CommandError(f"DAYS is too large: {days} days ago is before the calendar starts.") from None

        with transaction.atomic():
            if delete:
                surveys, stories = self.delete(cutoff, dry_run)
                done = "Would delete" if dry_run else "Deleted"
            else:
                surveys, stories = self.remove_contacts(cutoff, dry_run)
                done = "Would remove contact details from" if dry_run else "Removed contact details from"

        message = (
            f"{done} {plural(surveys, 'survey response', 'survey responses')} and "
            f"{plural(stories, 'story submission', 'story submissions')} older than "
            f"{plural(days, 'day', 'days')}."
        )
        if dry_run:
            message = "Dry run: " + message[0].lower() + message[1:] + " Nothing was changed."
        self.stdout.write(message)

    # Deleting ---------------------------------------------------------------

    def delete(self, cutoff, dry_run):
        surveys = SurveySubmission.objects.filter(submit_time__lt=cutoff)
        stories = StorySubmission.objects.filter(submitted_at__lt=cutoff)
        if dry_run:
            return surveys.count(), stories.count()
        _total, survey_counts = surveys.delete()
        _total, story_counts = stories.delete()
        return (
            survey_counts.get(SurveySubmission._meta.label, 0),
            story_counts.get(StorySubmission._meta.label, 0),
        )

    # Removing contact details -----------------------------------------------

    def remove_contacts(self, cutoff, dry_run):
        return self.remove_survey_contacts(cutoff, dry_run), self.remove_story_contacts(cutoff, dry_run)

    @staticmethod
    def email_questions():
        """{survey page id: clean names of its questions of type email}.
        Responses are stored against the original survey, whose questions
        have the same keys as its translations'; every language's are read."""
        keys = {}
        fields = SurveyFormField.objects.filter(field_type="email").select_related("page")
        for field in fields:
            names = {field.clean_name}
            keys.setdefault(field.page_id, set()).update(names)
            # A translation's question: blank the key on the original survey too.
            results_page = field.page.get_results_page()
            if results_page.pk != field.page_id:
                keys.setdefault(results_page.pk, set()).update(names)
        return keys

    def remove_survey_contacts(self, cutoff, dry_run):
        email_keys = self.email_questions()
        candidates = SurveySubmission.objects.filter(submit_time__lt=cutoff).filter(
            ~Q(contact_email="") | Q(page_id__in=list(email_keys))
        )
        changed = []
        count = 0
        for response in candidates.only("pk", "page_id", "contact_email", "form_data").iterator(chunk_size=BATCH):
            dirty = False
            if response.contact_email:
                response.contact_email = ""
                dirty = True
            data = response.form_data if isinstance(response.form_data, dict) else {}
            for key in email_keys.get(response.page_id, ()):
                if data.get(key) not in (None, ""):
                    data[key] = ""
                    dirty = True
            if not dirty:
                continue
            count += 1
            if not dry_run:
                changed.append(response)
                if len(changed) >= BATCH:
                    SurveySubmission.objects.bulk_update(changed, ["contact_email", "form_data"])
                    changed = []
        if changed:
            SurveySubmission.objects.bulk_update(changed, ["contact_email", "form_data"])
        return count

    def remove_story_contacts(self, cutoff, dry_run):
        name_field = StorySubmission._meta.get_field("contact_name")
        removed_name = "" if name_field.blank else REMOVED
        blanked = {"contact_name": removed_name, "contact_email": "", "contact_phone": ""}
        old = StorySubmission.objects.filter(submitted_at__lt=cutoff).exclude(**blanked)
        if dry_run:
            return old.count()
        return old.update(**blanked)
