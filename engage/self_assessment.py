"""The self-assessment: one five-point question per Shared Commitment, taken
from the live commitment pages, so a new or renamed commitment changes the
survey without code. Scores are stored by commitment slug, the same in every
language, so answers compare across languages."""

from dataclasses import dataclass
from statistics import mean, pstdev

from django.utils.translation import gettext_lazy as _

SCALE = range(1, 6)
DEFAULT_SCALE_LABELS = [
    _("Not started"),
    _("Planning"),
    _("Getting started"),
    _("Well under way"),
    _("Leading the way"),
]
ROOM_TO_GROW = 3
SMALLEST_REPORTED_GROUP = 10


@dataclass(frozen=True)
class Question:
    slug: str
    number: int
    title: str
    help_text: str
    url: str = ""


def questions(locale_id):
    """The commitments of one language, in order, as questions."""
    from commitments.models import CommitmentPage

    pages = CommitmentPage.objects.live().filter(locale_id=locale_id).defer_streamfields().order_by("number")
    return [Question(page.slug, page.number, page.title, page.summary, page.url or "") for page in pages]


def clean_scores(raw, known_slugs):
    """Scores limited to known commitments and to 1..5; anything else dropped."""
    cleaned = {}
    for slug, value in (raw or {}).items():
        try:
            number = int(value)
        except (TypeError, ValueError):
            continue
        if slug in known_slugs and number in SCALE:
            cleaned[slug] = number
    return cleaned


def room_to_grow(scores, question_list, count=ROOM_TO_GROW):
    """The commitments with the lowest scores (earlier commitments first on
    ties), at most `count`, leaving out any already at the top of the scale."""
    answered = [q for q in question_list if q.slug in scores and scores[q.slug] < max(SCALE)]
    return sorted(answered, key=lambda q: (scores[q.slug], q.number))[:count]


@dataclass
class CommitmentSummary:
    question: Question
    responses: int
    average: float | None
    spread: float | None

    @property
    def reported(self):
        return self.average is not None


def summarize(score_sets, question_list, smallest_group=SMALLEST_REPORTED_GROUP):
    """Average and spread per commitment over many responses. A commitment
    answered by fewer than `smallest_group` respondents is not reported, so no
    small group can be singled out."""
    summaries = []
    for question in question_list:
        values = [scores[question.slug] for scores in score_sets if question.slug in scores]
        if len(values) < smallest_group:
            summaries.append(CommitmentSummary(question, len(values), None, None))
        else:
            summaries.append(CommitmentSummary(question, len(values), round(mean(values), 2), round(pstdev(values), 2)))
    return summaries


def suppress_small(counts, smallest_group=SMALLEST_REPORTED_GROUP):
    """{group: count} with groups under the threshold folded into one
    "other" line (itself hidden if still too small)."""
    shown = {group: count for group, count in counts.items() if count >= smallest_group}
    hidden = sum(count for group, count in counts.items() if count < smallest_group)
    return shown, hidden
