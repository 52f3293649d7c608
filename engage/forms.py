"""The public "share your story" form."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from commitments.models import CommitmentPage

ALLOWED_CONTROL_CHARACTERS = {"\n", "\r", "\t"}


def reject_control_characters(value):
    """Text from the public may hold line breaks and tabs, but no other
    control characters (they hide text, break exports and e-mail)."""
    for character in str(value):
        if character not in ALLOWED_CONTROL_CHARACTERS and unicodedata.category(character) == "Cc":
            raise ValidationError(
                _("Remove the hidden control characters from this text. They can come from copying and pasting."),
                code="control_characters",
            )


class NoControlCharactersMixin:
    """Checks for control characters before the field's other validators, so
    a null character gives this one message instead of two."""

    def run_validators(self, value):
        if value not in self.empty_values:
            reject_control_characters(value)
        super().run_validators(value)


class PlainTextField(NoControlCharactersMixin, forms.CharField):
    pass


class PlainEmailField(NoControlCharactersMixin, forms.EmailField):
    pass


def _textarea(rows):
    return forms.Textarea(attrs={"rows": rows})


class ShareStoryForm(forms.Form):
    """What an organization did and what changed, and how to reach the person
    who tells it. The contact details are stored apart from the story."""

    STORY_FIELDS = [
        "story_title",
        "organization",
        "place",
        "what_they_did",
        "results",
        "challenge",
        "commitments",
    ]
    CONTACT_FIELDS = ["contact_name", "contact_email", "contact_phone"]

    story_title = PlainTextField(
        max_length=120,
        label=_("A short title for your story"),
        help_text=_("For example: “Our clinic cut waiting times by asking patients”."),
    )
    organization = PlainTextField(
        max_length=200,
        label=_("Organization"),
        help_text=_("The organization that did the work."),
    )
    place = PlainTextField(
        max_length=200,
        required=False,
        label=_("Place"),
        help_text=_("City, state or country. Optional."),
    )
    what_they_did = PlainTextField(
        max_length=5000,
        widget=_textarea(8),
        label=_("What did your organization do?"),
        help_text=_("Tell us what you tried and who took part. Leave a blank line between paragraphs."),
    )
    results = PlainTextField(
        max_length=5000,
        widget=_textarea(6),
        label=_("What changed as a result?"),
        help_text=_("Numbers help, but they are not needed. Tell us what you learned, too."),
    )
    challenge = PlainTextField(
        max_length=3000,
        required=False,
        widget=_textarea(5),
        label=_("What problem were you trying to solve?"),
        help_text=_("Optional."),
    )
    commitments = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Which Shared Commitments does your story show?"),
        help_text=_("Choose any that fit. Optional."),
    )
    contact_name = PlainTextField(
        max_length=120,
        label=_("Your name"),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = PlainEmailField(
        max_length=254,  # StorySubmission.contact_email
        label=_("Your email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We use it only to ask you about this story. We never publish it."),
    )
    contact_phone = PlainTextField(
        max_length=40,
        required=False,
        label=_("Your phone number"),
        help_text=_("Optional. We never publish it."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    consent = forms.BooleanField(
        label=_("You may contact me about this story and publish it after review."),
        error_messages={"required": _("Tick this box so we can contact you and publish your story.")},
    )

    def __init__(self, *args, locale_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitment_pages = {
            page.slug: page
            for page in CommitmentPage.objects.live()
            .public()
            .filter(locale_id=locale_id)
            .defer_streamfields()
            .order_by("number")
        }
        self.fields["commitments"].choices = [
            (slug, f"{page.number}. {page.title}") for slug, page in self.commitment_pages.items()
        ]

    def story_fields(self):
        return [self[name] for name in self.STORY_FIELDS]

    def contact_fields(self):
        return [self[name] for name in self.CONTACT_FIELDS]

    def chosen_commitments(self):
        """The chosen commitment pages, in the order of the commitments."""
        chosen = set(self.cleaned_data.get("commitments") or [])
        return [page for slug, page in self.commitment_pages.items() if slug in chosen]
