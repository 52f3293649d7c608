"""What a reviewer checks at a glance: how hard each text is to read, which
sentences are too long, and which figures the page cites.

Invariants:
- One scale per language, and only one verdict: English is measured with the
  Flesch-Kincaid grade (plain at grade 8 or below), Spanish with the
  Fernández-Huerta reading ease (plain at 60 or above, the same band as
  grade 8). Wagtail's own readability score in the Checks panel is hidden
  (templates/wagtailadmin/shared/side_panels/checks.html), so editors never
  see two verdicts on one text.
- Each text field is measured on its own; tables, measures, figures,
  sources, links and addresses are never measured (they are not prose).
- Works on any model with text fields (pages and snippets alike).
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import CharField, TextField
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from textstat.textstat import textstatistics
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

LONG_SENTENCE_WORDS = 25
PLAIN_LANGUAGE_GRADE = 8
PLAIN_SPANISH_EASE = 60
MIN_WORDS = 10
NOT_PROSE = {"slug", "seo_title", "url_path", "draft_title", "search_description", "title"}
# Whole fields and stream blocks that hold figures, sources or links, not prose.
NOT_PROSE_FIELDS = {"outcomes", "sources", "links"}
NOT_PROSE_BLOCKS = {"table", "statistic", "outcome", "source", "embed", "document_list", "link_list", "link", "image"}
NOT_PROSE_CHILDREN = {
    "measure",
    "source",
    "source_url",
    "url",
    "attribution",
    "credit",
    "unit",
    "timeframe",
    "change",
    "button_text",
}
PROSE_CHAR_FIELDS = {"summary", "intro"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

# textstat keeps its language on the instance, so each language has its own.
_ENGLISH = textstatistics()
_SPANISH = textstatistics()
_SPANISH.set_lang("es")


@dataclass(frozen=True)
class Scale:
    """A readability formula and where plain language starts on it."""

    name: str
    higher_is_easier: bool
    plain_at: float
    stats: textstatistics
    formula: str

    def measure(self, text):
        return round(getattr(self.stats, self.formula)(text), 1)

    def is_plain(self, score):
        return score >= self.plain_at if self.higher_is_easier else score <= self.plain_at


FLESCH_KINCAID = Scale(_("Flesch-Kincaid grade"), False, PLAIN_LANGUAGE_GRADE, _ENGLISH, "flesch_kincaid_grade")
FERNANDEZ_HUERTA = Scale(_("Fernández-Huerta reading ease"), True, PLAIN_SPANISH_EASE, _SPANISH, "fernandez_huerta")


def scale_for(language_code):
    return FERNANDEZ_HUERTA if (language_code or "").split("-")[0] == "es" else FLESCH_KINCAID


@dataclass
class ReadingReport:
    score: float | None
    words: int
    long_sentences: list[str] = field(default_factory=list)
    scale: Scale = FLESCH_KINCAID

    @property
    def is_plain(self):
        return self.score is not None and self.scale.is_plain(self.score)

    @property
    def grade(self):
        """The Flesch-Kincaid grade (English texts only)."""
        return self.score if self.scale is FLESCH_KINCAID else None


@dataclass
class FieldReading:
    name: str
    label: str
    report: ReadingReport


def _clean(text):
    return re.sub(r"\s+", " ", strip_tags(str(text))).strip()


def _block_prose(block, value):
    """The prose inside one block value, skipping tables, measures, sources and links."""
    if value is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        return [
            text
            for child in value
            if child.block_type not in NOT_PROSE_BLOCKS
            for text in _block_prose(child.block, child.value)
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in _block_prose(block.child_block, item)]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            if name not in NOT_PROSE_CHILDREN
            for text in _block_prose(child, value.get(name))
        ]
    if isinstance(block, blocks.RichTextBlock):
        return [value.source if isinstance(value, RichText) else str(value)]
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return [str(value)]
    return []


def text_fields(obj):
    """(name, label, text) for each prose field with text, in model order."""
    found = []
    for model_field in obj._meta.concrete_fields:
        name = model_field.name
        if name in NOT_PROSE or name in NOT_PROSE_FIELDS or model_field.choices:
            continue
        value = getattr(obj, name, None)
        if not value:
            continue
        if isinstance(model_field, StreamField):
            text = " ".join(_clean(part) for part in _block_prose(model_field.stream_block, value))
        elif isinstance(model_field, RichTextField | TextField) or (
            isinstance(model_field, CharField) and name in PROSE_CHAR_FIELDS
        ):
            text = _clean(value)
        else:
            continue
        if text:
            found.append((name, str(model_field.verbose_name), text))
    return found


def language_of(obj):
    locale = getattr(obj, "locale", None) if getattr(obj, "locale_id", None) else None
    return locale.language_code if locale else settings.LANGUAGE_CODE


def page_text(obj):
    """The object's own words: its title and every prose field."""
    parts = [getattr(obj, "title", "") or ""] + [text for _name, _label, text in text_fields(obj)]
    return _clean(" ".join(parts))


def text_report(text, language_code=None):
    scale = scale_for(language_code or settings.LANGUAGE_CODE)
    text = _clean(text or "")
    words = scale.stats.lexicon_count(text)
    if words < MIN_WORDS:
        return ReadingReport(score=None, words=words, scale=scale)
    sentences = [sentence for sentence in _SENTENCE_END.split(text) if sentence]
    long_ones = [sentence for sentence in sentences if len(sentence.split()) > LONG_SENTENCE_WORDS]
    return ReadingReport(score=scale.measure(text), words=words, long_sentences=long_ones, scale=scale)


def reading_report(obj):
    """The whole object's reading level, in its language's scale."""
    return text_report(page_text(obj), language_of(obj))


def field_readings(obj):
    """One report per prose field, each measured on its own."""
    language = language_of(obj)
    return [FieldReading(name, label, text_report(text, language)) for name, label, text in text_fields(obj)]


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
