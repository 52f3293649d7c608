"""The forms of the survey's steps: about you, your views (the editors' own
questions), the self-assessment and consent.

Field names are the same in every language, so answers compare across
languages: the fixed fields have fixed names, the self-assessment questions
are named after the commitment's slug, and the editors' questions keep the
form builder's `clean_name`."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Case, Q, Value, When
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant

from engage.forms import PlainEmailField, PlainTextField, reject_control_characters
from engage.self_assessment import DEFAULT_SCALE_LABELS, SCALE
from stories.models import Sector, Stakeholder

MAX_ANSWER_LENGTH = 5000  # characters in any one answer
SCORE_PREFIX = "score-"


def screen_answer(value):
    """Every text a visitor sends, whatever the field: at most 5,000
    characters and no hidden control characters (line breaks and tabs are fine)."""
    for item in value if isinstance(value, list | tuple) else [value]:
        if not isinstance(item, str):
            continue
        if len(item) > MAX_ANSWER_LENGTH:
            raise ValidationError(
                _("This answer is too long. Keep it to %(limit)s characters or fewer (it has %(length)s)."),
                code="too_long",
                params={
                    "limit": number_format(MAX_ANSWER_LENGTH, force_grouping=True),
                    "length": number_format(len(item), force_grouping=True),
                },
            )
        reject_control_characters(item)


def _screened(clean):
    def clean_screened_first(value, *args):
        screen_answer(value)
        return clean(value, *args)

    return clean_screened_first


def screen(form):
    """Check each field's answer with `screen_answer` before the field's own
    checks, so a huge or hostile answer gets one clear message. Works for any
    form, the form builder's included."""
    for field in form.fields.values():
        field.clean = _screened(field.clean)
    return form


# The about-you field each taxonomy answers.
TERM_MODELS = {"sector": Sector, "role": Stakeholder}


def term_names(locale_id):
    """{"sector": {slug: name}, "role": {slug: name}}: each taxonomy's terms
    in this language, and in the default language those not translated yet
    (the slug is the same in every language), in the terms' order. One
    query (a union) for both taxonomies and both languages."""
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    rows = [
        model.objects.filter(Q(locale_id=locale_id) | Q(locale__language_code=default_language), live=True)
        .order_by()
        .annotate(field=Value(field), own=Case(When(locale_id=locale_id, then=Value(1)), default=Value(0)))
        .values_list("field", "slug", "name", "sort_order", "own")
        for field, model in TERM_MODELS.items()
    ]
    chosen = {}
    for field, slug, name, position, own in rows[0].union(*rows[1:], all=True):
        if own or (field, slug) not in chosen:
            chosen[field, slug] = (position, name)
    names = {field: {} for field in TERM_MODELS}
    for (field, slug), (_position, name) in sorted(chosen.items(), key=lambda item: (item[1], item[0])):
        names[field][slug] = name
    return names


class AboutYouForm(forms.Form):
    organization = PlainTextField(
        max_length=200,
        label=_("Organization"),
        help_text=_("The organization you work for or speak for."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        help_text=_("The sector your organization works in."),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the sector your organization works in.")},
    )
    role = forms.ChoiceField(
        label=_("Your role"),
        help_text=_("Choose the one that fits you best."),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the role that fits you best.")},
    )
    contact_email = PlainEmailField(
        max_length=254,  # SurveySubmission.contact_email
        required=False,
        label=_("Email address"),
        help_text=_("Optional. Only if you want us to follow up. We never publish it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, locale_id, **kwargs):
        super().__init__(*args, **kwargs)
        for name, names in term_names(locale_id).items():
            if names:
                self.fields[name].choices = list(names.items())
            else:
                # No terms to choose from at all: a question nobody could
                # answer would close the survey, so it is left out.
                del self.fields[name]


class SelfAssessmentForm(forms.Form):
    """One five-point question per live commitment of the page's language."""

    def __init__(self, *args, questions, scale_labels, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        labels = [label or default for label, default in zip(scale_labels, DEFAULT_SCALE_LABELS, strict=True)]
        choices = [(str(point), label) for point, label in zip(SCALE, labels, strict=True)]
        for question in questions:
            self.fields[SCORE_PREFIX + question.slug] = forms.ChoiceField(
                label=f"{question.number}. {question.title}",
                help_text=question.help_text,
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose the point of the scale that fits your organization best.")},
            )

    def scores(self):
        """{commitment slug: 1..5} from the valid form."""
        return {
            name.removeprefix(SCORE_PREFIX): int(value)
            for name, value in self.cleaned_data.items()
            if name.startswith(SCORE_PREFIX) and value
        }


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_("I agree to the privacy notice"),
        error_messages={
            "required": _("Tick this box to agree to the privacy notice. We cannot take your answers without it.")
        },
    )

    def __init__(self, *args, notice_version, **kwargs):
        super().__init__(*args, **kwargs)
        self.notice_version = notice_version
        self.fields["consent"].help_text = _("Version %(version)s of the privacy notice.") % {"version": notice_version}
