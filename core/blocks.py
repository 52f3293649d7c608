"""StreamField blocks shared by every page type. Each block has its own
template under templates/blocks/ and a preview_value for the block picker."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
PARAGRAPH_PREVIEW = (
    "<p>A learning health system uses what it learns from every patient to make care better for the next one.</p>"
)


class LinkTargetMixin:
    """A link that points at a page of the site or at another address, never both."""

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ErrorList([ValidationError(_("Choose a page or enter an address, not both."))])}
            )
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
        label=_("Level"),
        help_text=_("Use a section heading before subheadings, so the outline makes sense to screen readers."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        preview_value = {"text": "What changed for patients", "level": "h2"}
        description = _("A heading that starts a section of the page.")


def _first_image_preview():
    from wagtail.images import get_image_model

    image = get_image_model().objects.order_by("pk").first()
    return {
        "image": {"image": image, "alt_text": (image.description or image.title) if image else "", "decorative": False},
        "caption": "A caption says what to notice in the image.",
        "credit": "Illustration: LHS Commons",
    }


def _first_document_preview():
    from wagtail.documents import get_document_model

    document = get_document_model().objects.order_by("pk").first()
    return {"heading": "Downloads", "documents": [{"document": document}] if document else []}


class FigureBlock(blocks.StructBlock):
    """Wagtail's ImageBlock: the image with its alternative text (or marked
    decorative), which it checks and offers from the image's description."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))
    credit = blocks.CharBlock(required=False, max_length=120, label=_("Credit"), help_text=_("Photographer or source."))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure.html"
        preview_value = staticmethod(_first_image_preview)
        description = _("An image with alternative text, and an optional caption and credit.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(max_length=200, label=_("Attribution"), help_text=_("Who said or wrote it."))
    source_url = blocks.URLBlock(required=False, label=_("Source address"))

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "blocks/quote.html"
        preview_value = {
            "text": "Individuals and families are active participants in all elements.",
            "attribution": "National Academy of Medicine",
        }
        description = _("A quotation with the name of who said it.")


class CallToActionBlock(LinkTargetMixin, blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    button_text = blocks.CharBlock(max_length=60, label=_("Button text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("Or an address"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"
        preview_value = {
            "heading": "Tell us how your organization is learning",
            "text": "The survey takes about ten minutes.",
            "button_text": "Take the survey",
            "url": "https://example.org/engage/survey/",
        }
        description = _("A short invitation with one button.")


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("tip", _("Tip")), ("important", _("Important"))],
        default="info",
        label=_("Tone"),
    )
    heading = blocks.CharBlock(max_length=120, required=False, label=_("Heading"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("Text"))

    class Meta:
        icon = "info-circle"
        label = _("Callout")
        template = "blocks/callout.html"
        preview_value = {"tone": "tip", "heading": "Good to know", "text": PARAGRAPH_PREVIEW}
        description = _("A highlighted note that stands out from the text.")


class StatisticBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        max_length=30, label=_("Value"), help_text=_("The number as readers should see it, e.g. 80.4%.")
    )
    label = blocks.CharBlock(
        max_length=200, label=_("What it measures"), help_text=_("What the number measures, in plain words.")
    )
    source = blocks.CharBlock(max_length=200, label=_("Source"), help_text=_("Where the number comes from."))
    source_url = blocks.URLBlock(required=False, label=_("Source address"))

    class Meta:
        icon = "pick"
        label = _("Statistic")
        template = "blocks/statistic.html"
        preview_value = {
            "value": "80.4%",
            "label": "of patients with high blood pressure had it under control in 2009",
            "source": "JAMA, 2013",
        }
        description = _("One number, what it measures, and its source.")


class TableRowBlock(blocks.StructBlock):
    cells = blocks.ListBlock(blocks.CharBlock(max_length=500, required=False), min_num=1, label=_("Cells"))

    class Meta:
        icon = "list-ul"
        label = _("Row")


class TableBlock(blocks.StructBlock):
    """A simple data table. Built from plain blocks (not contrib's TableBlock)
    so that every cell is a text segment translators can localize."""

    caption = blocks.CharBlock(
        max_length=200, label=_("Caption"), help_text=_("Says what the table shows; read out first.")
    )
    header = blocks.ListBlock(blocks.CharBlock(max_length=120), min_num=1, label=_("Column headings"))
    rows = blocks.ListBlock(TableRowBlock(), min_num=1, label=_("Rows"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blocks/table.html"
        preview_value = {
            "caption": "Reports the Shared Commitments build on",
            "header": ["Report", "Year"],
            "rows": [{"cells": ["To Err Is Human", "1999"]}, {"cells": ["Crossing the Quality Chasm", "2001"]}],
        }
        description = _("A table with a caption and column headings.")

    def clean(self, value):
        value = super().clean(value)
        width = len(value["header"])
        for index, row in enumerate(value["rows"], start=1):
            if len(row["cells"]) > width:
                raise StructBlockValidationError(
                    block_errors={
                        "rows": ErrorList(
                            [
                                ValidationError(
                                    _("Row %(row)s has more cells than there are column headings.") % {"row": index}
                                )
                            ]
                        )
                    }
                )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False, max_length=200, label=_("Title"), help_text=_("The document's own title is used if blank.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    documents = blocks.ListBlock(DocumentLinkBlock(), min_num=1, label=_("Documents"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Document list")
        template = "blocks/document_list.html"
        preview_value = staticmethod(_first_document_preview)
        description = _("A list of documents to download, with their type and size.")


class LinkBlock(LinkTargetMixin, blocks.StructBlock):
    text = blocks.CharBlock(
        max_length=120, label=_("Link text"), help_text=_("Say where the link goes; avoid 'click here'.")
    )
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("Or an address"))

    class Meta:
        icon = "link"
        label = _("Link")


class LinkListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    links = blocks.ListBlock(LinkBlock(), min_num=1, label=_("Links"))

    class Meta:
        icon = "list-ul"
        label = _("Link list")
        template = "blocks/link_list.html"
        preview_value = {
            "heading": "Read more",
            "links": [{"text": "National Academy of Medicine", "url": "https://nam.edu/"}],
        }
        description = _("A short list of links.")


class CaptionedEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Media address"), help_text=_("Address of a video or other media, e.g. a YouTube link."))
    title = blocks.CharBlock(max_length=200, label=_("Title"), help_text=_("Names the media for screen readers."))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "media"
        label = _("Video or media")
        template = "blocks/embed.html"
        preview_value = {
            "embed": "https://example.org/videos/learning-health-systems",
            "title": "An introduction to learning health systems",
        }
        description = _("A video or other media from another site, with a title.")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Paragraph"),
        template="blocks/paragraph.html",
        preview_value=PARAGRAPH_PREVIEW,
        description=_("Text with simple formatting and links."),
    )
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    callout = CalloutBlock()
    statistic = StatisticBlock()
    table = TableBlock()
    document_list = DocumentListBlock()
    link_list = LinkListBlock()
    embed = CaptionedEmbedBlock()
