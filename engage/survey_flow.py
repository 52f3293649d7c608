"""The survey, one step a page, and each respondent's private results.

The steps are a django-formtools SessionWizardView (SurveyWizard), served
from SurveyPage's "" route with the page in its initkwargs: about you; your
views (the editors' own questions, left out when there are none); the
self-assessment (one question per live commitment, left out when there are
none); consent. On top of formtools:

- Each step is a plain HTML form that works without JavaScript. "Next"
  checks the step shown; "Back" (formtools' `wizard_goto_step`) checks
  nothing. Either way what was typed waits in the session (formtools'
  session storage, one per survey page) and the browser is redirected
  (303) to the step to show, `?step=N`, so reloading never posts again. A
  GET shows a step with what was typed into it, where formtools would
  start again. Until something is typed the session holds nothing, so
  opening the survey starts no session.
- No step takes a file: an uploaded file never reaches a form or the
  session (formtools would need a file storage for it), so a post with
  one is answered like the same post without it.
- A step shown again because of a mistake is a 400 with everything typed;
  a step the visitor cannot be on (a tampered or old form or link) is a 400
  with a message, showing the step they were on: never a 500.
- "Send" checks every step again from the session and stores one
  SurveySubmission in one transaction, against the English survey with the
  language it was given in; the team is told by a background task once it
  commits; the visitor is redirected to a private results page whose
  address holds a random token. Only then are the answers forgotten.
- engage/guards.py, in its order: the honeypot (thanked, nothing stored);
  the same answers from the same session within ten minutes are stored once
  and get the same results link, as does a second click on "Send" after
  the answers are gone; SURVEY_RATE_LIMIT per address counts only what
  would be stored (429, the answers kept).
- Every response is private and never stored by caches: it holds a CSRF
  token or the visitor's own answers."""

import logging
from dataclasses import dataclass
from functools import partial

from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.datastructures import MultiValueDict
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from formtools.wizard.forms import ManagementForm
from formtools.wizard.views import SessionWizardView
from wagtail.contrib.forms.forms import FormBuilder

from engage import guards, self_assessment
from engage.charts import Bar, bar_chart
from engage.models.survey import SurveyFormField, SurveySubmission, new_results_token
from engage.survey_forms import (
    MAX_ANSWER_LENGTH,
    AboutYouForm,
    ConsentForm,
    SelfAssessmentForm,
    screen,
    term_names,
)
from engage.tasks import notify_survey_team
from stories.models import StoryPage

logger = logging.getLogger(__name__)

ABOUT, VIEWS, SELF_ASSESSMENT, CONSENT = "about", "views", "self-assessment", "consent"
STEP_NAMES = {
    ABOUT: _("About you"),
    VIEWS: _("Your views"),
    SELF_ASSESSMENT: _("Self-assessment"),
    CONSENT: _("Consent"),
}
BACK_FIELD = "wizard_goto_step"  # formtools' own name for "go to this step without checking"
RATE_LIMIT = guards.RateLimit("survey", "SURVEY_RATE_LIMIT")
WRONG_STEP = _("We could not tell which step of the survey you were on. Please continue from here.")
NEEDS_ATTENTION = _("Some answers need your attention before you send them.")
ANSWERS_GONE = _(
    "We could not find your answers to the earlier steps. They are kept for a limited "
    "time, and your browser must accept cookies from this site. Please answer again."
)
STORIES_PER_COMMITMENT = 2
RESULTS_TEMPLATE = "engage/survey_results.html"


@dataclass(frozen=True)
class Step:
    key: str
    number: int

    @property
    def name(self):
        return STEP_NAMES[self.key]


def wizard_prefix(page):
    """Where a survey's answers wait in the session; also the prefix of its
    step field. The same for every language of the survey (its translation
    key), so switching language mid-survey resumes the same answers."""
    return f"survey-{page.translation_key}"


def step_field(page):
    """The name of the hidden field that says which step a post answers."""
    return ManagementForm(prefix=wizard_prefix(page))["current_step"].html_name


def has_editor_questions(wizard):
    return bool(wizard.form_list[VIEWS].base_fields)


def has_self_assessment(wizard):
    return bool(wizard.questions)


def see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303  # the browser asks for it with GET
    return response


class SurveyWizard(SessionWizardView):
    page = None  # the SurveyPage, given to as_view()
    condition_dict = {VIEWS: has_editor_questions, SELF_ASSESSMENT: has_self_assessment}
    http_method_names = ["get", "head", "post"]

    @classmethod
    def get_initkwargs(cls, *, page, **kwargs):
        form_list = [
            (ABOUT, AboutYouForm),
            (VIEWS, page.get_form_class()),
            (SELF_ASSESSMENT, SelfAssessmentForm),
            (CONSENT, ConsentForm),
        ]
        return super().get_initkwargs(form_list, page=page, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if not any(self.storage.data[self.storage.step_data_key].values()):
            # No answers to keep, so no wizard state either (formtools
            # writes it on every request): looking at the survey starts no
            # session, and the visitor's other pages still come from the
            # page cache, which serves only visitors without one.
            request.session.pop(self.storage.prefix, None)
        add_never_cache_headers(response)
        return response

    # Steps and their forms -----------------------------------------------------

    @cached_property
    def questions(self):
        return self_assessment.questions(self.page.locale_id)

    def get_prefix(self, request, *args, **kwargs):
        return wizard_prefix(self.page)

    def get_form_prefix(self, step=None, form=None):
        # Field names stay those of the stored answers, the same in every language.
        return None

    def get_form_kwargs(self, step=None):
        page = self.page
        if step == ABOUT:
            return {"locale_id": page.locale_id}
        if step == VIEWS:
            return {"page": page, "user": self.request.user}
        if step == SELF_ASSESSMENT:
            return {"questions": self.questions, "scale_labels": page.scale_labels}
        return {"notice_version": page.privacy_notice_version}

    def get_form(self, step=None, data=None, files=None):
        # No step takes a file, so uploaded ones are left out; a huge or
        # hostile answer gets one clear message, whatever the field.
        return screen(super().get_form(step, data))

    def get_form_step_data(self, form):
        """What is kept of a posted step: what was typed into its own fields
        (not the CSRF token or the buttons), leaving out answers too long to keep."""
        kept = {}
        for name in form.fields:
            key = form.add_prefix(name)
            values = form.data.getlist(key)
            if key in form.data and all(len(value) <= MAX_ANSWER_LENGTH for value in values):
                kept[key] = values
        return kept

    def form_to_show(self, step):
        """The step's form, not checked, holding what was typed into it last."""
        form = self.get_form(step)
        kept = self.storage.get_step_data(step)
        if kept:
            typed = self.get_form(step, data=kept)
            form.initial.update({name: typed[name].data for name in form.fields if form.add_prefix(name) in kept})
        return form

    def step_numbered(self, value):
        """The step with this number (a string from the visitor), or None."""
        value = str(value or "").strip()
        if not value.isascii() or not value.isdigit() or len(value) > 3:
            return None
        keys = self.steps.all
        number = int(value)
        return keys[number - 1] if 1 <= number <= len(keys) else None

    def step_url(self, step):
        url = self.page.get_url(self.request)
        number = self.steps.all.index(step) + 1
        return url if number == 1 else f"{url}?step={number}"

    def has_earlier_answers(self):
        return any(self.storage.get_step_data(step) for step in self.steps.all if step != CONSENT)

    # Requests ----------------------------------------------------------------

    def carry_over_answers(self):
        """Answers given to the survey in another language, in this page's
        words: the answers are kept under the survey's own field names, the
        same in every language, but a choice is stored as its text, so it is
        mapped to the choice at the same place in this page's list."""
        kept = self.storage.get_step_data(VIEWS)
        if not kept:
            return
        builder = FormBuilder([])
        fields = SurveyFormField.objects.filter(page__translation_key=self.page.translation_key).exclude(choices="")
        choices = {}  # clean_name: {page pk: [choice texts]}
        for field in fields.only("page_id", "clean_name", "choices"):
            texts = [value for value, _label in builder.get_formatted_field_choices(field)]
            choices.setdefault(field.clean_name, {})[field.page_id] = texts
        changed = False
        for name, by_page in choices.items():
            own = by_page.get(self.page.pk)
            if own is None or name not in kept:
                continue
            mapped = []
            for value in kept.getlist(name):
                place = next((texts.index(value) for texts in by_page.values() if value in texts), None)
                mapped.append(own[place] if value not in own and place is not None and place < len(own) else value)
            if mapped != kept.getlist(name):
                kept.setlist(name, mapped)
                changed = True
        if changed:
            self.storage.set_step_data(VIEWS, kept)

    def get(self, request, *args, **kwargs):
        if getattr(request, "is_preview", False) and getattr(request, "preview_mode", "") == "landing":
            return self.render_thanks()
        self.carry_over_answers()
        step = self.step_numbered(request.GET.get("step", "1"))
        if step is None:
            return self.show_again(WRONG_STEP)
        self.storage.current_step = step
        return self.render(self.form_to_show(step))

    def post(self, *args, **kwargs):
        """formtools' post once the honeypot is checked and the step posted
        is known (formtools would fail on a tampered one); "Back" keeps what
        was typed, unchecked."""
        request = self.request
        if guards.is_spam(request):
            return self.render_thanks()
        self.carry_over_answers()
        step = request.POST.get(step_field(self.page))
        if step not in self.get_form_list():
            return self.show_again(WRONG_STEP)
        self.storage.current_step = step
        back_to = request.POST.get(BACK_FIELD)
        if back_to is None:
            return super().post(*args, **kwargs)
        form = self.get_form(data=request.POST)
        self.storage.set_step_data(step, self.get_form_step_data(form))
        if back_to not in self.get_form_list():
            return self.show_again(WRONG_STEP)
        return self.render_goto_step(back_to)

    def render_next_step(self, form, **kwargs):
        return self.redirect_to(self.steps.next)

    def render_goto_step(self, goto_step, **kwargs):
        return self.redirect_to(goto_step)

    def redirect_to(self, step):
        self.storage.current_step = step
        return see_other(self.step_url(step))

    def render_done(self, form, **kwargs):
        """formtools' check of every step again, from the session, before
        sending; a second "Send" after sending shows the same results."""
        if not self.has_earlier_answers():
            token = guards.sent_recently(self.request, self.sent_key)
            if token:
                return see_other(self.results_url(token))
        forms = {}
        for step in self.get_form_list():
            step_form = self.get_form(step, data=self.storage.get_step_data(step) or MultiValueDict())
            if not step_form.is_valid():
                return self.render_revalidation_failure(step, step_form, **kwargs)
            forms[step] = step_form
        return self.done(list(forms.values()), form_dict=forms, **kwargs)

    def render_revalidation_failure(self, step, form, **kwargs):
        self.storage.current_step = step
        return self.render(form, problem=NEEDS_ATTENTION if self.has_earlier_answers() else ANSWERS_GONE)

    def done(self, form_list, form_dict, **kwargs):
        """Stores the answers once, within the rate limit, and shows the results."""
        request = self.request
        once = guards.SubmitOnce("survey", request.session.session_key, self.page.pk, self.answers())
        earlier = once.earlier()
        if earlier:
            return self.sent(earlier)  # a second click on "Send" before the first was answered
        if not RATE_LIMIT.allows(request):
            return RATE_LIMIT.refuse(self.render(self.form_to_show(self.steps.current), rate_limited=True))
        token = new_results_token()
        earlier = once.claim(token)
        if earlier:
            return self.sent(earlier)  # a parallel post of the same answers got here first
        with once.storing():
            self.store(form_dict, token)
        return self.sent(token)

    def answers(self):
        """Every step's kept answers, as plain data: what makes two sends the same."""
        answers = {}
        for step in self.steps.all:
            kept = self.storage.get_step_data(step)
            if kept:
                answers[step] = dict(kept.lists())
        return answers

    @property
    def sent_key(self):
        return f"{self.prefix}-sent"

    def sent(self, token):
        """The answers forgotten, what was sent remembered, and the results shown."""
        self.storage.reset()
        guards.remember_sent(self.request, self.sent_key, token)
        return see_other(self.results_url(token))

    def results_url(self, token):
        return self.page.get_url(self.request) + self.page.reverse_subpage("private_results", args=[token])

    def store(self, forms, token):
        """One SurveySubmission, in one transaction; the team is told once it commits."""
        page = self.page
        about = forms[ABOUT].cleaned_data
        views = forms[VIEWS].cleaned_data if VIEWS in forms else {}
        scores = forms[SELF_ASSESSMENT].scores() if SELF_ASSESSMENT in forms else {}
        with transaction.atomic():
            submission = SurveySubmission.objects.create(
                page=page.get_results_page(),
                language_code=page.locale.language_code,
                # The editors' questions, by clean_name; dates and numbers are
                # turned into JSON by the field's DjangoJSONEncoder.
                form_data=dict(views),
                organization=about["organization"],
                sector=about.get("sector", ""),
                role=about.get("role", ""),
                contact_email=about.get("contact_email", ""),
                consent_version=page.privacy_notice_version,
                scores=scores,
                results_token=token,
            )
            transaction.on_commit(partial(enqueue_notification, submission.pk))
        return submission

    # Responses ---------------------------------------------------------------

    def show_again(self, problem):
        """The step the visitor was on (the first if none), with what was typed into it and a message: a 400."""
        step = self.storage.current_step
        if step not in self.get_form_list():
            step = self.steps.first
        self.storage.current_step = step
        return self.render(self.form_to_show(step), problem=problem)

    def get_template_names(self):
        return [self.page.get_template(self.request)]

    def get_context_data(self, form, **kwargs):
        context = self.page.get_context(self.request)
        context.update(super().get_context_data(form=form, **kwargs))
        steps = [Step(key, number) for number, key in enumerate(self.steps.all, start=1)]
        step = steps[self.steps.index or 0]
        context.update(
            form=form,
            step=step,
            steps=steps,
            previous_step=steps[step.number - 2] if step.number > 1 else None,
            is_last_step=step == steps[-1],
            honeypot=guards.HONEYPOT,
            scale_labels=self.page.scale_labels,
        )
        return context

    def render(self, form=None, **kwargs):
        """formtools' render; a step shown with mistakes or a problem is a 400."""
        response = super().render(form, **kwargs)
        if kwargs.get("problem") or (form is not None and form.is_bound and form.errors):
            response.status_code = 400
        return response

    def render_thanks(self):
        context = self.page.get_context(self.request)
        return TemplateResponse(self.request, self.page.get_landing_page_template(self.request), context)


def enqueue_notification(submission_id):
    """Hand the notification to the task backend; a failure there is logged,
    never shown to the visitor, whose answers are already stored."""
    try:
        notify_survey_team.enqueue(submission_id)
    except Exception:
        logger.exception("Could not queue the notification for survey response %s.", submission_id)


# Results -------------------------------------------------------------------------


@dataclass
class ResultRow:
    question: self_assessment.Question
    score: int | None
    scale_label: str
    room_to_grow: bool


@dataclass
class GrowthArea:
    question: self_assessment.Question
    score: int
    scale_label: str
    stories: list


def serve_results(page, request, token):
    """The respondent's own results, at an address only they were given."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    if not token or len(token) > 64:
        raise Http404
    submission = SurveySubmission.objects.filter(page=page.get_results_page(), results_token=token).first()
    if submission is None:
        raise Http404

    questions = self_assessment.questions(page.locale_id)
    scores = self_assessment.clean_scores(submission.scores, {question.slug for question in questions})
    labels = [
        label or default for label, default in zip(page.scale_labels, self_assessment.DEFAULT_SCALE_LABELS, strict=True)
    ]
    growth = self_assessment.room_to_grow(scores, questions)
    growth_slugs = {question.slug for question in growth}

    rows = [
        ResultRow(
            question=question,
            score=scores.get(question.slug),
            scale_label=labels[scores[question.slug] - 1] if question.slug in scores else "",
            room_to_grow=question.slug in growth_slugs,
        )
        for question in questions
    ]
    chart = bar_chart(
        [
            Bar(label=f"{row.question.number}. {row.question.title}", value=row.score, highlight=row.room_to_grow)
            for row in rows
        ],
        maximum=max(self_assessment.SCALE),
        title=_("Your self-assessment, from 1 (not started) to 5 (leading the way)"),
        value_format="{:.0f}",
        unit=" / 5",
        highlight_note=_("room to grow"),
    )

    terms = term_names(page.locale_id)
    context = page.get_context(request)
    context.update(
        submission=submission,
        sector_name=terms["sector"].get(submission.sector, submission.sector),
        role_name=terms["role"].get(submission.role, submission.role),
        rows=rows,
        chart=mark_safe(chart),  # built by engage.charts, which escapes every label
        growth=[
            GrowthArea(question, scores[question.slug], labels[scores[question.slug] - 1], stories)
            for question, stories in _stories_for(growth, page.locale_id)
        ],
        scale_labels=labels,
        all_top=bool(scores) and not growth,
        results_url=request.build_absolute_uri(),
    )
    response = TemplateResponse(request, RESULTS_TEMPLATE, context)
    # Personal answers: never kept by browsers or shared caches.
    add_never_cache_headers(response)
    return response


def _stories_for(questions, locale_id):
    """Each question with up to two stories, in the same language, that show its commitment."""
    from commitments.models import CommitmentPage

    keys = dict(
        CommitmentPage.objects.live()
        .filter(locale_id=locale_id, slug__in=[question.slug for question in questions])
        .values_list("slug", "translation_key")
    )
    for question in questions:
        stories = []
        if question.slug in keys:
            stories = list(
                StoryPage.objects.listed(locale_id)
                .with_commitment(keys[question.slug])
                .defer_streamfields()
                .order_by("-date", "-pk")[:STORIES_PER_COMMITMENT]
            )
        yield question, stories
