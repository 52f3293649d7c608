from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PillarBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=60, label=_("Name"))
    description = blocks.TextBlock(max_length=400, label=_("Description"))

    class Meta:
        icon = "placeholder"
        label = _("Pillar")
        template = "commitments/blocks/pillar.html"
        preview_value = {"name": "Culture", "description": "Leaders make learning part of everyday work."}
        description = _("One pillar of a learning health system.")


class SignOfProgressBlock(blocks.StructBlock):
    measure = blocks.CharBlock(
        max_length=200,
        label=_("Measure"),
        help_text=_("An example measure, e.g. share of patients whose goals are recorded."),
    )
    description = blocks.TextBlock(required=False, max_length=400, label=_("Description"))

    class Meta:
        icon = "tick"
        label = _("Sign of progress")
        template = "commitments/blocks/sign_of_progress.html"
        preview_value = {
            "measure": "Share of patients whose care plan records their own goals",
            "description": "Rises as teams ask people what matters to them.",
        }
        description = _("A sign that the commitment is working, and how to measure it.")
