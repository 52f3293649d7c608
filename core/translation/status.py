"""Where each page and translatable snippet stands in each language.

A row is one object of the default language in one other language:

- not started: no translation going (the page is shown as an alias, or the
  snippet has no copy);
- in progress: a translation is going and has not been published yet, or is
  published with strings still to do (with the share of strings done);
- out of date: published before its source last changed (since that date);
- translated and current: published after its source last changed (or
  translated outside wagtail-localize, with no source to compare).

Every row comes from a fixed number of queries (one per translatable model
and a few for wagtail-localize's records), however many pages there are.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Max, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationLog

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
CURRENT = "current"
OUT_OF_DATE = "out_of_date"
STATUS_LABELS = {
    NOT_STARTED: _("Not started"),
    IN_PROGRESS: _("In progress"),
    CURRENT: _("Translated and current"),
    OUT_OF_DATE: _("Out of date"),
}
SNIPPETS_SECTION = "snippets"


@dataclass
class Row:
    title: str
    kind: str
    section: str
    locale: Locale
    status: str = NOT_STARTED
    strings_total: int = 0
    strings_done: int = 0
    out_of_date_since: datetime | None = None
    in_review: bool = False
    edit_url: str = ""
    start_url: str = ""
    source_edit_url: str = ""

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def share_done(self):
        """Whole per cent of strings translated, or None with no strings."""
        if not self.strings_total:
            return None
        return round(100 * self.strings_done / self.strings_total)


@dataclass
class Overview:
    rows: list
    locales: list
    sections: list  # (key, label)
    counts: dict = field(default_factory=dict)  # locale code -> {status: count}


@dataclass
class _Target:
    pk: object
    is_alias: bool = False
    published_at: datetime | None = None
    never_published: bool = False


def _translations(default):
    """{(translation key, target locale id): (Translation values)} of enabled translations."""
    rows = Translation.objects.filter(enabled=True, source__locale=default).values(
        "id", "source_id", "source__object_id", "target_locale_id", "source__last_updated_at"
    )
    return {(row["source__object_id"], row["target_locale_id"]): row for row in rows}


def _progress(default, locales):
    """{(source id, locale id): (done, total)}, in one query."""
    done = {
        f"done_{locale.pk}": Count(
            "pk",
            filter=Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=locale.pk,
                    has_error=False,
                )
            ),
        )
        for locale in locales
    }
    rows = StringSegment.objects.filter(source__locale=default).values("source_id").annotate(total=Count("pk"), **done)
    return {
        (row["source_id"], locale.pk): (row[f"done_{locale.pk}"], row["total"]) for row in rows for locale in locales
    }


def _last_translated(default):
    """{(source id, locale id): when wagtail-localize last made the translation}."""
    rows = (
        TranslationLog.objects.filter(source__locale=default)
        .values("source_id", "locale_id")
        .annotate(latest=Max("created_at"))
    )
    return {(row["source_id"], row["locale_id"]): row["latest"] for row in rows}


def _decide(row, target, translation, progress, logged_at):
    """Set the row's status from its target and translation record."""
    if translation is None:
        row.status = CURRENT if target is not None and not target.is_alias else NOT_STARTED
        return
    row.strings_done, row.strings_total = progress.get((translation["source_id"], row.locale.pk), (0, 0))
    source_changed_at = translation["source__last_updated_at"]
    published_at = target.published_at or logged_at if target else None
    if target is None or target.is_alias or target.never_published:
        row.status = IN_PROGRESS
    elif published_at is None or published_at < source_changed_at:
        row.status = OUT_OF_DATE
        row.out_of_date_since = source_changed_at
    elif row.strings_done < row.strings_total:
        row.status = IN_PROGRESS
    else:
        row.status = CURRENT


def _in_review():
    """(base content type id, object id) of everything waiting in a
    workflow: pages and snippets alike, in one query."""
    return set(WorkflowState.objects.active().values_list("base_content_type_id", "object_id"))


def _page_rows(default, locales, translations, progress, logs, in_review):
    sources = list(
        Page.objects.filter(locale=default, depth__gte=2)
        .order_by("path")
        .values("id", "title", "path", "depth", "translation_key", "content_type_id")
    )
    targets = {
        (page["translation_key"], page["locale_id"]): _Target(
            pk=page["id"],
            is_alias=page["alias_of_id"] is not None,
            published_at=page["last_published_at"],
            never_published=not page["live"] or page["last_published_at"] is None,
        )
        for page in Page.objects.exclude(locale=default)
        .filter(depth__gte=2)
        .values("id", "translation_key", "locale_id", "alias_of_id", "live", "last_published_at")
    }
    page_type = ContentType.objects.get_for_model(Page).pk
    kinds = {
        content_type.pk: str(content_type.model_class()._meta.verbose_name)
        for content_type in ContentType.objects.filter(pk__in={page["content_type_id"] for page in sources})
        if content_type.model_class()
    }
    sections = []
    section_of_depth = 3
    rows = []
    for page in sources:
        if page["depth"] <= section_of_depth:
            sections.append((page["path"], page["title"]))
        section = page["path"][: Page.steplen * section_of_depth]
        for locale in locales:
            target = targets.get((page["translation_key"], locale.pk))
            translation = translations.get((page["translation_key"], locale.pk))
            row = Row(
                title=page["title"],
                kind=kinds.get(page["content_type_id"], ""),
                section=section,
                locale=locale,
                source_edit_url=reverse("wagtailadmin_pages:edit", args=[page["id"]]),
            )
            if target is not None:
                row.edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
                row.in_review = (page_type, str(target.pk)) in in_review
            row.start_url = (
                reverse("wagtail_localize:submit_page_translation", args=[page["id"]])
                + f"?select_locale={locale.language_code}"
            )
            logged_at = logs.get((translation["source_id"], locale.pk)) if translation else None
            _decide(row, target, translation, progress, logged_at)
            rows.append(row)
    return rows, sections


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _snippet_rows(model, default, locales, translations, progress, logs, in_review):
    """One query for every language's rows of the model."""
    opts = model._meta
    snippet_type = ContentType.objects.get_for_model(model).pk
    has_drafts = issubclass(model, DraftStateMixin)
    # Forward foreign keys too, for names like "Framework: element".
    related = [f.name for f in opts.concrete_fields if f.many_to_one and f.name != "locale"]
    sources, targets = [], {}
    for instance in model.objects.select_related(*related).order_by("pk"):
        if instance.locale_id == default.pk:
            sources.append(instance)
            continue
        # A copy is made with its source's publication date; only a live copy has been published.
        published_at = instance.last_published_at if has_drafts else None
        targets[(instance.translation_key, instance.locale_id)] = _Target(
            pk=instance.pk,
            published_at=published_at,
            never_published=has_drafts and (not instance.live or published_at is None),
        )
    viewset = model.snippet_viewset
    rows = []
    for instance in sources:
        for locale in locales:
            target = targets.get((instance.translation_key, locale.pk))
            translation = translations.get((instance.translation_key, locale.pk))
            row = Row(
                title=str(instance),
                kind=str(opts.verbose_name),
                section=SNIPPETS_SECTION,
                locale=locale,
                source_edit_url=reverse(viewset.get_url_name("edit"), args=[quote(instance.pk)]),
                start_url=reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[opts.app_label, opts.model_name, quote(instance.pk)],
                )
                + f"?select_locale={locale.language_code}",
            )
            if target is not None:
                row.edit_url = reverse(viewset.get_url_name("edit"), args=[quote(target.pk)])
                row.in_review = (snippet_type, str(target.pk)) in in_review
            logged_at = logs.get((translation["source_id"], locale.pk)) if translation else None
            _decide(row, target, translation, progress, logged_at)
            rows.append(row)
    return rows


def overview():
    """Every page and translatable snippet in every other language, with counts."""
    default = Locale.get_default()
    locales = list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))
    translations = _translations(default)
    progress = _progress(default, locales)
    logs = _last_translated(default)
    in_review = _in_review()
    rows, sections = _page_rows(default, locales, translations, progress, logs, in_review)
    for model in translatable_snippet_models():
        rows += _snippet_rows(model, default, locales, translations, progress, logs, in_review)
    counts = {locale.language_code: dict.fromkeys(STATUS_LABELS, 0) for locale in locales}
    for row in rows:
        counts[row.locale.language_code][row.status] += 1
    return Overview(rows=rows, locales=locales, sections=sections, counts=counts)
