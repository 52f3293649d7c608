"""Pictures for the demo content, drawn with Pillow from the content itself,
so the demo needs no downloads and every picture says something true.

Two kinds, both in the site's palette (the colours of static/css/site.css):
- a result card: a story's headline result as a large figure, what it
  measures, and the organization and place, with a before/after bar pair
  when the story gives both numbers;
- a text card: a kicker, a title and up to three short lines (the home
  page, the About page and the working groups: what they are for).

The same text always draws the same picture, so a picture and its
alternative text (written next to the text in demo/content.py) agree.
Text uses DejaVu Sans when the machine has it, else Pillow's own scalable
font, so `make demo` works with only python3."""

from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 675)
BACKGROUND = "#eef4f6"  # --tint
TEXT = "#1b1f23"  # --text
MUTED = "#4a5560"  # --muted
ACCENT = "#0d6b5f"  # --accent
LINE = "#c9d2da"  # --line
BEFORE_BAR = "#8a96a3"  # a lighter grey than --muted, still 3:1 on the tint

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]
MARGIN = 72


def font(size, bold=False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size)
    return ImageFont.load_default(size=size)


def _wrap(draw, text, face, width):
    """The text broken into lines no wider than `width` pixels."""
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and draw.textlength(trial, font=face) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _fit(draw, text, size, width, bold=False, floor=28):
    """The largest font, from `size` down, that fits `text` on one line."""
    while size > floor and draw.textlength(text, font=font(size, bold)) > width:
        size -= 4
    return font(size, bold)


def _face_for(draw, text, sizes, width, max_lines, bold=False):
    """The largest of `sizes` at which `text` wraps to at most `max_lines`
    lines, so no word of a longer (e.g. Spanish) text is cut off."""
    for size in sizes:
        face = font(size, bold)
        if len(_wrap(draw, text, face, width)) <= max_lines:
            return face
    return face


def _paragraph(draw, xy, text, face, width, fill, spacing=1.25, max_lines=3):
    x, y = xy
    for line in _wrap(draw, text, face, width)[:max_lines]:
        draw.text((x, y), line, font=face, fill=fill)
        y += int(face.size * spacing)
    return y


def _canvas():
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 18, SIZE[1]), fill=ACCENT)
    return image, draw


def _jpeg(image):
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=88, optimize=True)
    return buffer.getvalue()


def _bars(draw, box, bars):
    """Two labelled bars (label, value, caption) side by side in `box`,
    scaled to the larger value; each is named by its caption, so colour is
    not the only cue."""
    left, top, right, bottom = box
    largest = max(value for _label, value, _caption in bars) or 1
    column = (right - left) / len(bars)
    value_face, caption_face = font(40, bold=True), font(30)
    base = bottom - 44
    for index, (label, value, caption) in enumerate(bars):
        x0 = left + index * column + 24
        x1 = x0 + column - 48
        height = (base - top - 60) * value / largest
        fill = ACCENT if index == len(bars) - 1 else BEFORE_BAR
        draw.rectangle((x0, base - height, x1, base), fill=fill)
        draw.text(((x0 + x1) / 2, base - height - 12), label, font=value_face, fill=TEXT, anchor="md")
        draw.text(((x0 + x1) / 2, base + 12), caption, font=caption_face, fill=MUTED, anchor="ma")
    draw.line((left, base, right, base), fill=MUTED, width=3)


def draw_result_card(figure, caption, organization, place, bars=None):
    """JPEG bytes: `figure` large (e.g. "−40%"), `caption` under it (what
    changed), the organization and place at the foot; `bars`, a list of
    (value label, number, caption) pairs, draws a before/after chart on
    the right."""
    image, draw = _canvas()
    text_width = SIZE[0] - 2 * MARGIN - (420 if bars else 0)
    draw.text((MARGIN, 60), figure, font=_fit(draw, figure, 200, text_width, bold=True), fill=ACCENT)
    caption_face = _face_for(draw, caption, (46, 42, 38, 34, 30), text_width, 3, bold=True)
    _paragraph(draw, (MARGIN, 300), caption, caption_face, text_width, TEXT)
    draw.line((MARGIN, 520, SIZE[0] - MARGIN, 520), fill=LINE, width=3)
    full_width = SIZE[0] - 2 * MARGIN
    draw.text((MARGIN, 540), organization, font=_fit(draw, organization, 38, full_width, bold=True), fill=TEXT)
    if place:
        draw.text((MARGIN, 592), place, font=_fit(draw, place, 34, full_width), fill=MUTED)
    if bars:
        _bars(draw, (SIZE[0] - MARGIN - 420, 70, SIZE[0] - MARGIN, 500), bars)
    return _jpeg(image)


def draw_text_card(kicker, title, lines):
    """JPEG bytes: a small `kicker`, a large `title`, then each of `lines`
    as a ticked point."""
    image, draw = _canvas()
    width = SIZE[0] - 2 * MARGIN
    draw.text((MARGIN, 64), kicker.upper(), font=font(34, bold=True), fill=ACCENT)
    title_face = _face_for(draw, title, (72, 64, 56, 50), width, 2, bold=True)
    y = _paragraph(draw, (MARGIN, 124), title, title_face, width, TEXT, spacing=1.15, max_lines=3)
    y += 30
    face = font(38)
    for line in lines[:3]:
        draw.rectangle((MARGIN, y + 12, MARGIN + 22, y + 34), fill=ACCENT)
        y = _paragraph(draw, (MARGIN + 48, y), line, face, width - 48, TEXT, max_lines=2) + 18
    return _jpeg(image)


def draw_picture(spec, translate=str):
    """JPEG bytes of the picture a demo/content.py IMAGES entry describes,
    with each text passed through `translate` (the Spanish picture passes
    the catalogue's Spanish)."""
    if "figure" in spec:
        bars = [(translate(label), value, translate(caption)) for label, value, caption in spec.get("bars", [])]
        return draw_result_card(
            translate(spec["figure"]),
            translate(spec["caption"]),
            translate(spec["organization"]),
            translate(spec.get("place", "")) if spec.get("place") else "",
            bars=bars,
        )
    lines = [translate(line) for line in spec["lines"]]
    return draw_text_card(translate(spec["kicker"]), translate(spec["title"]), lines)


def picture_strings(spec):
    """The texts drawn in a picture and its alternative text, for the
    Spanish catalogue."""
    if "figure" in spec:
        texts = [spec["figure"], spec["caption"], spec["organization"], spec.get("place", "")]
        for label, _value, caption in spec.get("bars", []):
            texts += [label, caption]
    else:
        texts = [spec["kicker"], spec["title"], *spec["lines"]]
    texts.append(spec["alt"])  # the Spanish picture's description in the image library
    return [text for text in texts if text]
