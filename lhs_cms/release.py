"""The release id: what the deployed code is, for cache keys.

A digest of every file that shapes a rendered page (Python code, templates,
static files, compiled catalogues) under the project, so any deploy that
changes markup changes the id, without anyone having to remember to set it.
Read once at start-up (about 10 ms for the tree)."""

import hashlib
from pathlib import Path

SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".svg", ".mo", ".po"}
SKIPPED = {".venv", ".git", "node_modules", "media", "static_collected", "tests", "bench", "__pycache__"}


def release_digest(base_dir):
    digest = hashlib.sha256()
    base = Path(base_dir)
    for path in sorted(_files(base)):
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _files(directory):
    for entry in directory.iterdir():
        if entry.name in SKIPPED or entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _files(entry)
        elif entry.suffix in SUFFIXES:
            yield entry
