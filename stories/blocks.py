from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class OutcomeBlock(blocks.StructBlock):
    """One measured result, as the source reported it."""

    measure = blocks.CharBlock(max_length=200, label=_("Measure"), help_text=_("What was measured, in plain words."))
    before = blocks.DecimalBlock(required=False, decimal_places=2, label=_("Before"))
    after = blocks.DecimalBlock(required=False, decimal_places=2, label=_("After"))
    change = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Change"),
        help_text=_("When the source gives only a change, e.g. 'down over 40%'."),
    )
    unit = blocks.CharBlock(required=False, max_length=40, label=_("Unit"), help_text=_("e.g. %, days, children."))
    timeframe = blocks.CharBlock(required=False, max_length=80, label=_("Period"), help_text=_("e.g. 2001–2009."))
    source = blocks.CharBlock(max_length=200, label=_("Source"), help_text=_("Where the figures were published."))

    class Meta:
        icon = "pick"
        label = _("Outcome measure")
        template = "stories/blocks/outcome.html"
        preview_value = {
            "measure": "Patients with blood pressure under control",
            "before": "43.6",
            "after": "80.4",
            "unit": "%",
            "timeframe": "2001–2009",
            "source": "JAMA 2013;310:699",
        }
        description = _("A measured result: before, after, unit, timeframe and source.")

    def clean(self, value):
        value = super().clean(value)
        if value.get("before") is None and value.get("after") is None and not value.get("change"):
            raise StructBlockValidationError(
                block_errors={
                    "change": ErrorList([ValidationError(_("Give before and after figures, or the change."))])
                }
            )
        return value


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=300, label=_("Title"))
    publisher = blocks.CharBlock(
        max_length=200, label=_("Publisher"), help_text=_("Journal, publisher or organization.")
    )
    year = blocks.IntegerBlock(min_value=1900, max_value=2100, label=_("Year"))
    url = blocks.URLBlock(required=False, label=_("Address"))

    class Meta:
        icon = "doc-full"
        label = _("Source")
        template = "stories/blocks/source.html"
        preview_value = {
            "title": "Improved blood pressure control associated with a large-scale hypertension program",
            "publisher": "JAMA",
            "year": 2013,
        }
        description = _("A published source for the story.")
