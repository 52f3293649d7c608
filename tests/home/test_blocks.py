"""Every shared block has its own template and renders its preview value."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from core.blocks import BaseStreamBlock, CallToActionBlock, TableBlock
from tests import factories

OFFLINE_UNSAFE = {"embed"}  # rendering fetches oEmbed from the network


@pytest.mark.django_db
def test_every_block_has_a_template_and_a_preview_that_renders():
    factories.wagtail_factories.ImageFactory(description="A teal bar chart")
    factories.wagtail_factories.DocumentFactory(title="Conversation guide")
    for name, block in BaseStreamBlock().child_blocks.items():
        assert block.meta.template, name
        assert block.is_previewable, name
        assert block.get_description(), name
        if name in OFFLINE_UNSAFE:
            continue
        html = block.render(block.get_preview_value())
        assert html.strip(), name


def test_heading_renders_the_chosen_level():
    block = BaseStreamBlock().child_blocks["heading"]
    html = block.render(block.to_python({"text": "What changed", "level": "h3"}))
    assert "<h3" in html and "What changed" in html


@pytest.mark.django_db
def test_table_has_a_caption_and_column_headers():
    block = TableBlock()
    html = block.render(block.get_preview_value())
    assert "<caption" in html and 'scope="col"' in html


def test_table_rejects_rows_wider_than_the_header():
    block = TableBlock()
    value = block.to_python({"caption": "c", "header": ["A"], "rows": [{"cells": ["1", "2"]}]})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "more cells" in str(error.value.block_errors["rows"])


def test_call_to_action_needs_exactly_one_target():
    block = CallToActionBlock()
    value = block.to_python({"heading": "Go", "button_text": "Go", "page": None, "url": ""})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
