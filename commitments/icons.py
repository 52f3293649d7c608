"""Commitment icons, drawn as inline SVG so they scale, print and take the
text colour. Each entry is the inner markup of a 24×24 stroke icon."""

from django.utils.translation import gettext_lazy as _

ICONS = {
    "engaged": (
        _("Two people side by side"),
        '<circle cx="8" cy="8" r="3"/><circle cx="16" cy="8" r="3"/><path d="M3 20c0-3 2.5-5 5-5s5 2 5 5M11 20c0-3 2.5-5 5-5s5 2 5 5"/>',
    ),
    "safe": (
        _("A shield with a check mark"),
        '<path d="M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6z"/><path d="M8.5 12l2.5 2.5 4.5-5"/>',
    ),
    "effective": (
        _("A target with an arrow in the centre"),
        '<circle cx="12" cy="12" r="8"/><circle cx="12" cy="12" r="4"/><path d="M12 12l7-7M16 5h3v3"/>',
    ),
    "equitable": (
        _("A balanced pair of scales"),
        '<path d="M12 4v16M7 20h10M5 7h14"/><path d="M5 7l-3 6h6zM19 7l-3 6h6z"/>',
    ),
    "efficient": (
        _("A gauge with the needle at the top"),
        '<path d="M4 17a8 8 0 1 1 16 0"/><path d="M12 17l3-6"/><circle cx="12" cy="17" r="1"/>',
    ),
    "accessible": (
        _("An open door"),
        '<path d="M5 21V4h10v17M3 21h18"/><path d="M15 4l4 2v15"/><circle cx="12" cy="13" r=".8"/>',
    ),
    "accountable": (
        _("A clipboard with a list of ticks"),
        '<rect x="5" y="4" width="14" height="17" rx="2"/><path d="M9 4V3h6v1M8 10l1.5 1.5L12 9M8 16l1.5 1.5L12 15M14 10h3M14 16h3"/>',
    ),
    "transparent": (
        _("An open eye"),
        '<path d="M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3"/>',
    ),
    "secure": (
        _("A closed padlock"),
        '<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3M12 15v2"/>',
    ),
    "adaptive": (
        _("Two arrows turning in a circle"),
        '<path d="M20 12a8 8 0 0 1-14 5.3M4 12a8 8 0 0 1 14-5.3"/><path d="M18 3v4h-4M6 21v-4h4"/>',
    ),
}

# An editor chooses an icon by what it shows, in their own language.
ICON_CHOICES = [(key, description) for key, (description, _svg) in ICONS.items()]
