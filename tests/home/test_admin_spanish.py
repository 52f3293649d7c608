"""An editor whose account language is Spanish works in a Spanish admin: the
project's own labels, help texts, panel headings, choices and block labels
are Spanish, and so are the dates the admin shows.

The catalogue test walks every model of the project's apps, their edit
panels and every block of their StreamFields, so a field added later without
a translatable label (or without its Spanish) fails here."""


from django.apps import apps
from django.utils import translation
from django.utils.functional import Promise
from wagtail import blocks
from wagtail.admin.panels import get_edit_handler
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from commitments.wagtail_hooks import CrosswalkViewSetGroup
from home.wagtail_hooks import SiteContentViewSetGroup
from stories.wagtail_hooks import StoryTaxonomyViewSetGroup

PROJECT_APPS = ["core", "home", "commitments", "stories", "engage"]

# Words written the same in English and Spanish, and proper names.
SNIPPET_MENU_GROUPS = [CrosswalkViewSetGroup, SiteContentViewSetGroup, StoryTaxonomyViewSetGroup]

SAME_IN_BOTH = {"URL", "Total", "sector", "Sector"}


def _is_project_class(cls):
    return cls.__module__.split(".")[0] in PROJECT_APPS


def _inherited_field_names(model):
    """Names of the fields the model takes from Wagtail or Django (Page,
    DraftStateMixin...): those have their own apps' catalogues."""
    names = set()
    for base in model.__mro__[1:]:
        meta = getattr(base, "_meta", None)
        if meta is not None and not _is_project_class(base):
            names |= {field.name for field in meta.get_fields(include_hidden=True)}
    return names


def project_models():
    for label in PROJECT_APPS:
        yield from apps.get_app_config(label).get_models()


def _texts_of_field(model, field):
    where = f"{model._meta.label}.{field.name}"
    yield f"{where} verbose_name", field.verbose_name
    if field.help_text:
        yield f"{where} help_text", field.help_text
    for value, label in field.flatchoices or []:
        yield f"{where} choice {value}", label
    if isinstance(field, StreamField):
        yield from _texts_of_block(where, field.stream_block)


def _texts_of_block(where, block):
    if getattr(block.meta, "help_text", None):
        yield f"{where} help_text", block.meta.help_text
    if isinstance(block, blocks.ChoiceBlock):
        for value, label in block.field.choices:
            if value:
                yield f"{where} choice {value}", label
    if isinstance(block, blocks.ListBlock):
        yield from _texts_of_block(f"{where}.item", block.child_block)
    # The inside of Wagtail's own composite blocks (ImageBlock) is Wagtail's.
    children = getattr(block, "child_blocks", {}) if _is_project_class(type(block)) or _is_plain(block) else {}
    for name, child in children.items():
        yield f"{where}.{name} label", child.label
        yield from _texts_of_block(f"{where}.{name}", child)


def _is_plain(block):
    return type(block) in (blocks.StreamBlock, blocks.StructBlock, blocks.ListBlock)


def _texts_of_panel(where, panel):
    if panel.heading:
        yield f"{where} panel heading", panel.heading
    if panel.help_text:
        yield f"{where} panel help_text", panel.help_text
    for child in getattr(panel, "children", []):
        yield from _texts_of_panel(where, child)


def _edit_handler(model):
    if issubclass(model, Page):
        return model.get_edit_handler()
    if model in get_snippet_models():
        return model.snippet_viewset.get_edit_handler()
    if hasattr(model, "panels") or hasattr(model, "edit_handler"):
        return get_edit_handler(model)
    return None


def interface_texts():
    """(where, text) for every label the admin shows of the project's models."""
    for model in project_models():
        meta = model._meta
        yield f"{meta.label} verbose_name", meta.verbose_name
        yield f"{meta.label} verbose_name_plural", meta.verbose_name_plural
        inherited = _inherited_field_names(model)
        for field in meta.get_fields():
            if (
                field.auto_created
                or field.name in inherited
                or not field.editable
                or field.is_relation
                and field.many_to_many
            ):
                continue
            yield from _texts_of_field(model, field)
        handler = _edit_handler(model)
        if handler is not None:
            yield from _texts_of_panel(meta.label, handler)
        if model in get_snippet_models():
            viewset = model.snippet_viewset
            yield f"{meta.label} menu label", viewset.menu_label
    for group in SNIPPET_MENU_GROUPS:
        yield f"{group.__name__} menu label", group.menu_label


def untranslated_labels():
    """Every label with no Spanish: a plain string, a missing entry, or an
    empty one."""
    missing = []
    for where, text in interface_texts():
        with translation.override("en"):
            english = str(text)
        with translation.override("es"):
            spanish = str(text)
        if not isinstance(text, Promise) and english not in SAME_IN_BOTH:
            missing.append(f"{where}: {english!r} is not translatable")
        elif not spanish.strip() or (spanish == english and english not in SAME_IN_BOTH):
            missing.append(f"{where}: {english!r} has no Spanish")
    return missing


def test_every_label_of_the_projects_models_and_blocks_has_spanish():
    assert untranslated_labels() == []
