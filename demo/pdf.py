"""A small PDF writer for the demo's resource documents: plain text in,
a US Letter PDF out, with no dependency.

The text stays text (PDF's built-in Helvetica, WinAnsi encoding), so it
can be selected, searched and read aloud. Layout rules: the first line is
the title; a line in capitals is a heading; other lines wrap to the
measure; a page breaks when the next line would cross the bottom margin.
Characters WinAnsi lacks become "?" rather than stopping the demo."""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 612, 792  # US Letter, in points
MARGIN = 72
MEASURE = 88  # characters per line at 11 pt Helvetica on a Letter page
STYLES = {  # font resource, size, leading
    "title": ("F2", 16, 24),
    "heading": ("F2", 11.5, 20),
    "body": ("F1", 11, 15),
}


def _lines(text):
    """(style, line) pairs for the text, in reading order."""
    lines = text.strip("\n").split("\n")
    yield "title", lines[0]
    for line in lines[1:]:
        if not line.strip():
            yield "body", ""
        elif line.isupper():
            yield "heading", line
        else:
            indent = "  " if line.startswith("- ") else ""
            for part in textwrap.wrap(line, MEASURE, subsequent_indent=indent) or [""]:
                yield "body", part


def _pages(text):
    """Lists of (style, line, y) per page."""
    pages, page, y = [], [], PAGE_HEIGHT - MARGIN
    for style, line in _lines(text):
        leading = STYLES[style][2]
        if y - leading < MARGIN:
            pages.append(page)
            page, y = [], PAGE_HEIGHT - MARGIN
        y -= leading
        page.append((style, line, y))
    pages.append(page)
    return pages


def _escape(line):
    data = line.encode("cp1252", errors="replace")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(page):
    parts = [b"BT"]
    for style, line, y in page:
        font, size, _leading = STYLES[style]
        if line:
            parts.append(b"/%s %g Tf 1 0 0 1 %d %g Tm (%s) Tj" % (font.encode(), size, MARGIN, y, _escape(line)))
    parts.append(b"ET")
    return b"\n".join(parts)


def text_to_pdf(text, title):
    """PDF bytes of `text`, with `title` as the document's title."""
    pages = _pages(text)
    objects = []  # object n is objects[n - 1]

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    page_tree = add(None)
    regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    kids = []
    for page in pages:
        stream = _content(page)
        contents = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>"
                % (page_tree, PAGE_WIDTH, PAGE_HEIGHT, contents, regular, bold)
            )
        )
    info = add(b"<< /Title (%s) /Producer (LHS Commons demo) >>" % _escape(title))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R /Lang (en-US) >>" % page_tree
    objects[page_tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)
