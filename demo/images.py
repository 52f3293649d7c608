"""Abstract illustrations for the demo content, drawn with Pillow so the demo
needs no downloads. Each motif is simple enough to describe exactly in its
alternative text."""

import random
from io import BytesIO

from PIL import Image, ImageDraw

PALETTES = {
    "teal": ("#e6f4f1", "#0f766e", "#5eead4"),
    "blue": ("#e8f0fb", "#1d4ed8", "#93c5fd"),
    "green": ("#ecf7ec", "#15803d", "#86efac"),
    "plum": ("#f5ecf6", "#7e22ce", "#d8b4fe"),
    "amber": ("#fdf5e6", "#b45309", "#fcd34d"),
    "slate": ("#eef1f5", "#334155", "#94a3b8"),
}
SIZE = (1200, 675)
PORTRAIT_SIZE = (480, 480)


def _rings(draw, w, h, fg, accent, rng):
    for i, r in enumerate(range(60, 340, 56)):
        draw.ellipse((w / 2 - r, h / 2 - r, w / 2 + r, h / 2 + r), outline=fg if i % 2 else accent, width=14)


def _bars(draw, w, h, fg, accent, rng):
    for i in range(5):
        height = 110 + i * 95
        x = 200 + i * 170
        draw.rectangle((x, h - 80 - height, x + 110, h - 80), fill=fg if i == 4 else accent)


def _waves(draw, w, h, fg, accent, rng):
    for row in range(5):
        y0 = 160 + row * 90
        points = [(x, y0 + 40 * ((x // 150) % 2)) for x in range(0, w + 150, 150)]
        draw.line(points, fill=fg if row % 2 else accent, width=16, joint="curve")


def _grid(draw, w, h, fg, accent, rng):
    for row in range(4):
        for col in range(7):
            x, y = 150 + col * 135, 110 + row * 125
            draw.rounded_rectangle((x, y, x + 100, y + 90), radius=14, fill=fg if rng.random() < 0.35 else accent)


def _path(draw, w, h, fg, accent, rng):
    points = [(100 + i * 125, h - 120 - int(i * 45 + rng.randint(-30, 30))) for i in range(9)]
    draw.line(points, fill=fg, width=18, joint="curve")
    for x, y in points:
        draw.ellipse((x - 22, y - 22, x + 22, y + 22), fill=accent, outline=fg, width=6)


def _nodes(draw, w, h, fg, accent, rng):
    nodes = [(rng.randint(120, w - 120), rng.randint(100, h - 100)) for _ in range(12)]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 : i + 3]:
            draw.line((a, b), fill=accent, width=6)
    for x, y in nodes:
        draw.ellipse((x - 26, y - 26, x + 26, y + 26), fill=fg)


def _arc(draw, w, h, fg, accent, rng):
    draw.pieslice((w / 2 - 320, h - 360, w / 2 + 320, h + 280), 180, 360, fill=accent)
    draw.arc((w / 2 - 420, h - 460, w / 2 + 420, h + 380), 180, 360, fill=fg, width=22)


def _steps(draw, w, h, fg, accent, rng):
    for i in range(6):
        x, y = 150 + i * 150, h - 100 - (i + 1) * 70
        draw.rectangle((x, y, x + 150, h - 100), fill=accent if i % 2 else fg)


def _cross(draw, w, h, fg, accent, rng):
    draw.ellipse((w / 2 - 250, h / 2 - 250, w / 2 + 250, h / 2 + 250), fill=accent)
    draw.rectangle((w / 2 - 60, h / 2 - 180, w / 2 + 60, h / 2 + 180), fill=fg)
    draw.rectangle((w / 2 - 180, h / 2 - 60, w / 2 + 180, h / 2 + 60), fill=fg)


def _blocks(draw, w, h, fg, accent, rng):
    for i in range(4):
        size = 260 - i * 40
        x = 180 + i * 230
        draw.rectangle((x, h / 2 - size / 2, x + size, h / 2 + size / 2), fill=fg if i % 2 else accent)


def _people(draw, w, h, fg, accent, rng):
    draw.ellipse((w / 2 - 80, h / 2 - 150, w / 2 + 80, h / 2 + 10), fill=fg)
    draw.pieslice((w / 2 - 170, h / 2 + 30, w / 2 + 170, h / 2 + 370), 180, 360, fill=fg)


def _leaf(draw, w, h, fg, accent, rng):
    draw.ellipse((w / 2 - 330, h / 2 - 170, w / 2 + 330, h / 2 + 170), fill=accent)
    draw.line((w / 2 - 330, h / 2, w / 2 + 330, h / 2), fill=fg, width=14)
    for i in range(1, 6):
        x = w / 2 - 330 + i * 110
        draw.line((x, h / 2, x + 70, h / 2 - 110), fill=fg, width=8)
        draw.line((x, h / 2, x + 70, h / 2 + 110), fill=fg, width=8)


MOTIFS = {
    "rings": _rings,
    "bars": _bars,
    "waves": _waves,
    "grid": _grid,
    "path": _path,
    "nodes": _nodes,
    "arc": _arc,
    "steps": _steps,
    "cross": _cross,
    "blocks": _blocks,
    "people": _people,
    "leaf": _leaf,
}


def draw_illustration(key, motif, palette):
    """JPEG bytes of one illustration; the same key always draws the same picture."""
    background, fg, accent = PALETTES.get(palette, PALETTES["teal"])
    size = PORTRAIT_SIZE if motif == "people" else SIZE
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    MOTIFS.get(motif.lower(), _rings)(draw, size[0], size[1], fg, accent, random.Random(key))
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()
