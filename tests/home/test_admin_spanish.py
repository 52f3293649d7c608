"""An editor whose account language is Spanish works in a Spanish admin: the
project's own labels, help texts, panel headings, choices and block labels
are Spanish, and so are the dates the admin shows.

The catalogue test walks every model of the project's apps, their edit
panels (with the Wagtail fields they show), snippet menus and listing
columns, and every block of their StreamFields, so a field added later
without a translatable label (or without its Spanish) fails here."""

import datetime
import re

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from wagtail import blocks
from wagtail.admin.panels import get_edit_handler
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from commitments.wagtail_hooks import CrosswalkViewSetGroup
from home.wagtail_hooks import SiteContentViewSetGroup
from stories.models import StoryPage
from stories.wagtail_hooks import StoryTaxonomyViewSetGroup
from tests import factories
from tests.home.test_workflow import edit, team  # noqa: F401 (a fixture)

PROJECT_APPS = ["core", "home", "commitments", "stories", "engage"]

SNIPPET_MENU_GROUPS = [CrosswalkViewSetGroup, SiteContentViewSetGroup, StoryTaxonomyViewSetGroup]

# Words written the same in English and Spanish, and proper names.
SAME_IN_BOTH = {"URL", "Total", "sector", "Sector"}


def _is_project_class(cls):
    return cls.__module__.split(".")[0] in PROJECT_APPS


def _inherited_field_names(model):
    """Names of the fields the model takes from Wagtail or Django (Page,
    DraftStateMixin...): those the forms show are checked through the panels."""
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
    # The fields Wagtail's own models bring onto the form (title, slug,
    # search description...) are shown too.
    field = getattr(panel, "db_field", None)
    if field is not None and hasattr(field, "verbose_name"):
        yield f"{where}.{field.name} label", field.verbose_name
        if field.help_text:
            yield f"{where}.{field.name} help_text", field.help_text
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
            for column in viewset.list_display:
                if isinstance(column, str):
                    heading = meta.verbose_name if column == "__str__" else meta.get_field(column).verbose_name
                    yield f"{meta.label} list column {column}", heading
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


# A Spanish-speaking editor ------------------------------------------------------------------

# Labels of the project's fields as Django would write them from the field
# names, or as they read in English: none may be left on a Spanish edit form.
ENGLISH_LABELS = [
    "Summary",
    "Organization",
    "Place",
    "Setting",
    "Hero image",
    "Outcome measures",
    "Quotes",
    "Sources",
    "Number",
    "Icon",
    "Social image",
    "Listing title",
    "Sort order",
    "Description",
    "Where and when",
    "Financial impact",
    "Commitments it shows",
    "Plain language",
]


@pytest.fixture
def spanish_editor(client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(admin_user)
    return client


def _labels(html):
    """The text of the form's labels and panel headings."""
    found = re.findall(r"<(?:label|h2)[^>]*>(.*?)</(?:label|h2)>", html, flags=re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", text).split()) for text in found]


def _english_left(labels):
    return sorted({english for english in ENGLISH_LABELS for label in labels if label.startswith(english)})


def test_a_spanish_editor_edits_a_story_in_spanish(spanish_editor, story_index):
    story = factories.StoryPageFactory(parent=story_index)
    html = spanish_editor.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    labels = _labels(html)
    for spanish in ["Resumen", "Organización", "Lugar", "Entorno de atención", "Dónde y cuándo", "Fuentes"]:
        assert any(label.startswith(spanish) for label in labels), spanish
    assert _english_left(labels) == []


def test_a_spanish_editor_edits_a_commitment_in_spanish(spanish_editor, commitments):
    html = spanish_editor.get(reverse("wagtailadmin_pages:edit", args=[commitments[0].pk])).content.decode()
    labels = _labels(html)
    for spanish in ["Número", "Resumen", "Ícono", "Señales de que funciona", "Relación con otros marcos"]:
        assert any(label.startswith(spanish) for label in labels), spanish
    assert "Dos personas lado a lado" in html  # the icon is chosen by what it shows
    assert _english_left(labels) == []


def test_a_spanish_editor_edits_a_sector_in_spanish(spanish_editor, home_page):
    sector = factories.SectorFactory(name="Hospitals")
    html = spanish_editor.get(reverse(sector.snippet_viewset.get_url_name("edit"), args=[sector.pk])).content.decode()
    labels = _labels(html)
    for spanish in ["Nombre", "Descripción", "Posición"]:
        assert any(label.startswith(spanish) for label in labels), spanish
    assert _english_left(labels) == []
    listing = spanish_editor.get(reverse(sector.snippet_viewset.get_url_name("list"))).content.decode()
    assert "Sectores" in listing and "Sectors" not in listing


# A story's sector ------------------------------------------------------------------------------


def test_a_story_can_be_given_only_a_published_sector(spanish_editor, story_index):
    published = factories.SectorFactory(name="Hospitals")
    draft = factories.SectorFactory(name="Pharmacies", live=False)
    story = factories.StoryPageFactory(parent=story_index)
    form = StoryPage.get_edit_handler().get_form_class()(instance=story, for_user=None, parent_page=story_index)
    sector = form.fields["sector"]
    assert published in sector.queryset and draft not in sector.queryset
    assert sector.clean(published.pk) == published
    with pytest.raises(ValidationError) as refused:
        sector.clean(draft.pk)
    with translation.override("es"):
        assert refused.value.messages == ["Este sector aún no está publicado: elija uno publicado."]


# Dates -------------------------------------------------------------------------------------------

ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


def test_a_spanish_editor_reads_dates_in_spanish(spanish_editor, story_index):
    resource = factories.ResourceFactory(date=datetime.date(2027, 1, 20))
    listing = spanish_editor.get(reverse(resource.snippet_viewset.get_url_name("list"))).content.decode()
    assert "20 de enero de 2027" in listing

    story = factories.StoryPageFactory(parent=story_index)
    story.save_revision().publish()
    for url in [
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        reverse("wagtailadmin_pages:history", args=[story.pk]),
        reverse("wagtailadmin_explore", args=[story_index.pk]),
    ]:
        html = spanish_editor.get(url).content.decode()
        # When it was last saved or published, in the hover text of "hace 1 minuto".
        assert re.search(r"\d{1,2} de [a-z]+ de \d{4}, \d\d:\d\d", html), url
        assert not ENGLISH_MONTHS.search(html), url


# Wagtail's and wagtail-localize's own words -------------------------------------------------------


def test_translating_and_syncing_a_page_is_offered_in_spanish(spanish_editor, commitments):
    Locale.objects.create(language_code="es")
    commitment = commitments[0]
    url = reverse("wagtail_localize:submit_page_translation", args=[commitment.pk])
    labels = _labels(spanish_editor.get(url).content.decode())
    assert any(label.startswith("Idiomas") for label in labels)
    assert not any(label.startswith("Locales") for label in labels)

    spanish_editor.post(url, {"locales": [Locale.objects.get(language_code="es").pk]})
    source = TranslationSource.objects.get(object_id=commitment.translation_key)
    html = spanish_editor.get(reverse("wagtail_localize:update_translations", args=[source.pk])).content.decode()
    assert "¿Para qué sincronizar la página?" in html
    assert "Why would I sync" not in html
    assert "Publicar de inmediato" in html


def test_the_translation_editors_buttons_are_spanish(spanish_editor):
    catalogue = spanish_editor.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    # "Publicar en" is followed by the language's name: the space must stay.
    assert '"Publish in ": "Publicar en "' in catalogue
    assert '"Applying editor lock": "Bloqueando la edici\\u00f3n"' in catalogue or "Bloqueando la edición" in catalogue
    assert "docuemento" not in catalogue


def test_the_page_editors_wagtail_strings_are_spanish(spanish_editor, commitments):
    Locale.objects.create(language_code="es")
    html = spanish_editor.get(reverse("wagtailadmin_pages:edit", args=[commitments[0].pk])).content.decode()
    for english in ["Content metrics", "Reading time", "Keyboard shortcuts", "Schedule to publish"]:
        assert english not in html
    for spanish in ["Datos del contenido", "Tiempo de lectura", "Atajos de teclado", "Programar la publicación"]:
        assert spanish in html
    # A locale is a language on this site, not a region.
    assert "Idioma:" in html and "Región" not in html


def test_a_spanish_reviewer_reviews_in_spanish(client, team, commitments):  # noqa: F811
    for user in team.values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "es"
        profile.save()
    page = commitments[1]
    client.force_login(team["author"])
    mail.outbox.clear()
    edit(client, page, "action-submit", summary="Proven steps keep you from harm.")
    page.refresh_from_db()
    told = next(message for message in mail.outbox if team["peer"].email in message.to)
    assert "Puede ver la vista previa de la página aquí:" in told.body

    client.force_login(team["peer"])
    state = page.current_workflow_task_state
    review = client.get(f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/").json()["html"]
    assert any(label.startswith("Comentario") for label in _labels(review))
    assert "Comment" not in _labels(review)
    status = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    # When it was sent to review, in humanize's Spanish ("ahora", "hace 5 minutos").
    assert re.search(r"Enviada a [^<]* (ahora|hace )", status)
    assert "Reviewers can edit" not in status
