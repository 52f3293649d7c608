"""The survey, one step a page, and each respondent's private results.

Steps: about you; your views (the editors' own questions, left out when there
are none); the self-assessment (one question per live commitment, left out
when there are none); consent. Each step is a plain HTML form that works
without JavaScript: it posts its answers with "Next" (checked) or "Back"
(not checked), and is then redirected (303) to the step to show, so reloading
a page never posts again. The answers wait in the session, under one key per
page, until "Send" checks every step again and stores one SurveySubmission in
one transaction; the team is told by a background task once it commits, and
the visitor is redirected to a private results page whose address holds a
random token.

Spam and repeats are handled as on the share-your-story page: a honeypot
field (thanked, nothing stored), a per-address rate limit counted in the
cache (429) and a ten-minute guard against sending the same answers twice
from one session (one row, the same results link)."""

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.datastructures import MultiValueDict
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from engage import self_assessment
from engage.charts import Bar, bar_chart
from engage.models.survey import SurveySubmission, new_results_token
from engage.survey_forms import (
    MAX_ANSWER_LENGTH,
    AboutYouForm,
    ConsentForm,
    SelfAssessmentForm,
    screen,
    term_name,
)
from engage.tasks import notify_survey_team
from home import ratelimit
from stories.models import Sector, Stakeholder, StoryPage

logger = logging.getLogger(__name__)

ABOUT, VIEWS, SELF_ASSESSMENT, CONSENT = "about", "views", "self-assessment", "consent"
STEP_NAMES = {
    ABOUT: _("About you"),
    VIEWS: _("Your views"),
    SELF_ASSESSMENT: _("Self-assessment"),
    CONSENT: _("Consent"),
}
# Names of the form's own controls. Each has a dash, which the form builder's
# clean_name never has, so no editor's question can take the same name.
STEP_FIELD = "survey-step"
ACTION_FIELD = "survey-action"
HONEYPOT = "website-url"
BACK, NEXT, SEND = "back", "next", "send"

RATE_LIMIT_KEY = "survey"
DUPLICATE_WINDOW = 10 * 60  # seconds in which the same answers from one session are stored once
STORIES_PER_COMMITMENT = 2
RESULTS_TEMPLATE = "engage/survey_results.html"


@dataclass(frozen=True)
class Step:
    key: str
    number: int

    @property
    def name(self):
        return STEP_NAMES[self.key]


def serve_survey(page, request):
    """The step the visitor is on; on POST, that step's answers."""
    if getattr(request, "is_preview", False) and getattr(request, "preview_mode", "") == "landing":
        return SurveyFlow(page, request).render_thanks()
    flow = SurveyFlow(page, request)
    if request.method == "POST":
        response = flow.post()
    elif request.method in ("GET", "HEAD"):
        response = flow.get()
    else:
        response = HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    # Every step holds a CSRF token and the visitor's own answers.
    add_never_cache_headers(response)
    return response


class SurveyFlow:
    def __init__(self, page, request):
        self.page = page
        self.request = request

    # Steps -------------------------------------------------------------------

    @cached_property
    def questions(self):
        return self_assessment.questions(self.page.locale_id)

    @cached_property
    def steps(self):
        keys = [ABOUT]
        if self.page.get_form_fields().exists():
            keys.append(VIEWS)
        if self.questions:
            keys.append(SELF_ASSESSMENT)
        keys.append(CONSENT)
        return [Step(key, number) for number, key in enumerate(keys, start=1)]

    def step_numbered(self, value):
        """The step with this number (a string from the visitor), or None."""
        value = str(value or "").strip()
        if not value.isascii() or not value.isdigit() or len(value) > 3:
            return None
        number = int(value)
        return self.steps[number - 1] if 1 <= number <= len(self.steps) else None

    def step_url(self, step):
        url = self.page.get_url(self.request)
        return url if step.number == 1 else f"{url}?step={step.number}"

    def results_url(self, token):
        return f"{self.page.get_url(self.request)}results/{token}/"

    def form_for(self, step, data=None, initial=None):
        page = self.page
        if step.key == ABOUT:
            form = AboutYouForm(data, initial=initial, locale_id=page.locale_id)
        elif step.key == VIEWS:
            form = page.get_form(data, initial=initial, page=page, user=self.request.user)
        elif step.key == SELF_ASSESSMENT:
            form = SelfAssessmentForm(data, initial=initial, questions=self.questions, scale_labels=page.scale_labels)
        else:
            form = ConsentForm(data, initial=initial, notice_version=page.privacy_notice_version)
        return screen(form)

    # Answers kept in the session ---------------------------------------------

    @property
    def session_key(self):
        return f"survey:{self.page.pk}"

    def _state(self):
        session = getattr(self.request, "session", None)
        state = session.get(self.session_key) if session is not None else None
        return state if isinstance(state, dict) else {}

    def _save_state(self, state):
        session = getattr(self.request, "session", None)
        if session is not None:
            session[self.session_key] = state

    def answers(self):
        answers = self._state().get("answers")
        return answers if isinstance(answers, dict) else {}

    def keep_answers(self, step, form):
        """What was typed into this step, as posted (valid or not), so it is
        shown again after Back and Next. Answers too long to keep are dropped."""
        data = self.request.POST
        kept = {}
        for name in form.fields:
            html_name = form.add_prefix(name)
            if html_name in data:
                values = data.getlist(html_name)
                if all(len(value) <= MAX_ANSWER_LENGTH for value in values):
                    kept[name] = values
        state = self._state()
        state["answers"] = {**self.answers(), step.key: kept}
        self._save_state(state)

    def kept_data(self, step):
        """A step's kept answers as form data."""
        kept = self.answers().get(step.key)
        if not isinstance(kept, dict):
            return MultiValueDict()
        return MultiValueDict(
            {str(name): [str(value) for value in values] for name, values in kept.items() if isinstance(values, list)}
        )

    def kept_initial(self, step, form):
        """A step's kept answers as the initial values of an unbound form."""
        data = self.kept_data(step)
        initial = {}
        for name, field in form.fields.items():
            if name in data:
                multiple = getattr(field.widget, "allow_multiple_selected", False)
                initial[name] = data.getlist(name) if multiple else data.get(name)
        return initial

    def has_earlier_answers(self):
        return any(self.answers().get(step.key) for step in self.steps if step.key != CONSENT)

    def forget_answers(self, token):
        self._save_state({"sent": {"token": token, "at": time.time()}})

    def recently_sent(self):
        """The results token of what this session sent in the last ten minutes."""
        sent = self._state().get("sent")
        if isinstance(sent, dict) and time.time() - float(sent.get("at", 0)) < DUPLICATE_WINDOW:
            return sent.get("token")
        return None

    # Requests ----------------------------------------------------------------

    def get(self):
        step = self.step_numbered(self.request.GET.get("step", "1"))
        if step is None:
            return self.start_again()
        form = self.form_for(step)
        form.initial.update(self.kept_initial(step, form))
        return self.render(step, form)

    def post(self):
        data = self.request.POST
        if data.get(HONEYPOT, "").strip():
            # Only bots fill in the hidden field: thanked, nothing stored.
            return self.render_thanks()
        step = self.step_numbered(data.get(STEP_FIELD))
        action = data.get(ACTION_FIELD, NEXT)
        if step is None or action not in (BACK, NEXT, SEND):
            return self.start_again()
        last = step == self.steps[-1]
        if action == SEND and not last:
            return self.start_again()

        form = self.form_for(step, data=data)
        if action == BACK:
            # Back never checks: what was typed is kept for later.
            self.keep_answers(step, form)
            return self.redirect(self.step_url(self.steps[max(step.number - 2, 0)]))

        valid = form.is_valid()
        if last and valid and not self.has_earlier_answers():
            # "Send" again after sending (the session's answers are gone):
            # the same results, nothing stored twice.
            token = self.recently_sent()
            if token:
                return self.redirect(self.results_url(token))
        self.keep_answers(step, form)
        if not valid:
            return self.render(step, form, status=400)
        if not last:
            return self.redirect(self.step_url(self.steps[step.number]))
        return self.send()

    def send(self):
        """Check every step again, from the session, and store the answers."""
        forms = {}
        for step in self.steps:
            form = self.form_for(step, data=self.kept_data(step))
            if not form.is_valid():
                if self.has_earlier_answers():
                    problem = _("Some answers need your attention before you send them.")
                else:
                    problem = _(
                        "We could not find your answers to the earlier steps. They are kept for a limited "
                        "time, and your browser must accept cookies from this site. Please answer again."
                    )
                return self.render(step, form, status=400, problem=problem)
            forms[step.key] = form

        duplicate_key = self.duplicate_key()
        earlier = cache.get(duplicate_key)
        if earlier:
            # A second click on "Send" before the first was answered.
            return self.sent(earlier)

        # Only answers that would be stored are counted, so people who correct
        # mistakes are not held back.
        rate = settings.SURVEY_RATE_LIMIT
        if not ratelimit.hit(RATE_LIMIT_KEY, self.request, rate):
            step = self.steps[-1]
            form = self.form_for(step)
            form.initial.update(self.kept_initial(step, form))
            response = self.render(step, form, status=429, rate_limited=True)
            response["Retry-After"] = str(ratelimit.retry_after(rate))
            return response

        token = new_results_token()
        if not cache.add(duplicate_key, token, timeout=DUPLICATE_WINDOW):
            earlier = cache.get(duplicate_key)
            if earlier:
                return self.sent(earlier)  # a parallel post of the same answers got here first
            cache.set(duplicate_key, token, timeout=DUPLICATE_WINDOW)
        try:
            self.store(forms, token)
        except Exception:
            cache.delete(duplicate_key)  # nothing was stored, so the answers may be sent again
            raise
        return self.sent(token)

    def duplicate_key(self):
        session = getattr(self.request, "session", None)
        identity = json.dumps(
            [getattr(session, "session_key", None) or "", self.page.pk, self.answers()],
            sort_keys=True,
            cls=DjangoJSONEncoder,
        )
        return "survey:sent:" + hashlib.sha256(identity.encode()).hexdigest()

    def sent(self, token):
        self.forget_answers(token)
        return self.redirect(self.results_url(token))

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

    @staticmethod
    def redirect(url):
        response = HttpResponseRedirect(url)
        response.status_code = 303  # "see other": the browser asks for it with GET
        return response

    def start_again(self):
        """A step that does not exist (a tampered or old link or form): the first step, with a 400."""
        step = self.steps[0]
        form = self.form_for(step)
        form.initial.update(self.kept_initial(step, form))
        problem = _("We could not tell which step of the survey you were on. Please continue from here.")
        return self.render(step, form, status=400, problem=problem)

    def render(self, step, form, status=200, **extra):
        context = self.page.get_context(self.request)
        context.update(
            form=form,
            step=step,
            steps=self.steps,
            previous_step=self.steps[step.number - 2] if step.number > 1 else None,
            is_last_step=step == self.steps[-1],
            step_field=STEP_FIELD,
            action_field=ACTION_FIELD,
            honeypot=HONEYPOT,
            scale_labels=self.page.scale_labels,
            **extra,
        )
        return TemplateResponse(self.request, self.page.get_template(self.request), context, status=status)

    def render_thanks(self):
        context = self.page.get_context(self.request)
        response = TemplateResponse(self.request, self.page.get_landing_page_template(self.request), context)
        add_never_cache_headers(response)
        return response


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
    )

    context = page.get_context(request)
    context.update(
        submission=submission,
        sector_name=term_name(Sector, submission.sector, page.locale_id) if submission.sector else "",
        role_name=term_name(Stakeholder, submission.role, page.locale_id) if submission.role else "",
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
                StoryPage.objects.for_listing(locale_id)
                .with_commitment(keys[question.slug])
                .order_by("-date", "-pk")[:STORIES_PER_COMMITMENT]
            )
        yield question, stories
