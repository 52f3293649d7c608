"""What a reviewer checks at a glance: how hard the page is to read, which
sentences are too long, and which figures it cites."""

import re
from dataclasses import dataclass, field

import textstat
from django.db.models import TextField
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField

LONG_SENTENCE_WORDS = 25
PLAIN_LANGUAGE_GRADE = 8
NOT_PROSE = {"slug", "seo_title", "url_path", "draft_title", "search_description", "title"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass
class ReadingReport:
    grade: float | None
    words: int
    long_sentences: list[str] = field(default_factory=list)

    @property
    def is_plain(self):
        return self.grade is not None and self.grade <= PLAIN_LANGUAGE_GRADE


def page_text(page):
    """The page's own words: title, summaries, text, rich text and block text."""
    parts = [page.title]
    for model_field in page._meta.concrete_fields:
        if model_field.name in NOT_PROSE:
            continue
        value = getattr(page, model_field.name, None)
        if not value:
            continue
        if isinstance(model_field, StreamField):
            parts.extend(str(text) for text in model_field.stream_block.get_searchable_content(value))
        elif isinstance(model_field, RichTextField | TextField) or model_field.name in {"summary", "intro"}:
            parts.append(str(value))
    text = " ".join(strip_tags(part) for part in parts)
    return re.sub(r"\s+", " ", text).strip()


def reading_report(page):
    text = page_text(page)
    words = textstat.lexicon_count(text)
    if words < 10:
        return ReadingReport(grade=None, words=words)
    sentences = [sentence for sentence in _SENTENCE_END.split(text) if sentence]
    long_ones = [sentence for sentence in sentences if len(sentence.split()) > LONG_SENTENCE_WORDS]
    return ReadingReport(grade=round(textstat.flesch_kincaid_grade(text), 1), words=words, long_sentences=long_ones)


def cited_measures(page):
    """(what, figure, source) for every measure, statistic or sign of progress
    the page's blocks cite."""
    found = []
    for model_field in page._meta.get_fields():
        if not isinstance(model_field, StreamField):
            continue
        for block in getattr(page, model_field.name) or []:
            value = block.value
            if block.block_type == "outcome":
                figure = " → ".join(
                    f"{number}{value.get('unit') or ''}"
                    for number in (value.get("before"), value.get("after"))
                    if number is not None
                )
                found.append((value["measure"], figure or value.get("change", ""), value.get("source", "")))
            elif block.block_type == "statistic":
                found.append((value["label"], value["value"], value.get("source", "")))
            elif block.block_type == "sign":
                found.append((value["measure"], "", ""))
    return found


SUMMARY_FIELD_MODELS = {("commitments", "commitmentpage"), ("stories", "storypage")}


def text_grade(text):
    """Flesch-Kincaid grade of a short text, or None when it has under ten words."""
    text = re.sub(r"\s+", " ", strip_tags(text or "")).strip()
    if textstat.lexicon_count(text) < 10:
        return None
    return round(textstat.flesch_kincaid_grade(text), 1)


def summary_grade(page):
    """Grade of the summary alone, for page types whose summary stands on
    cards and lists (commitments and stories); None otherwise."""
    meta = page._meta
    if (meta.app_label, meta.model_name) not in SUMMARY_FIELD_MODELS:
        return None
    return text_grade(getattr(page, "summary", ""))
