"""The last check before a site is published: no personnummer in anything it would serve.

The sources are scanned as written and as read (``generator.readers.personal_data``); this scans
what the build made of them, every page, data file and feed, as a browser or a feed reader reads
it: entities and escapes decoded, format characters removed, inline markup between the digits
joined up and a table's cells set apart. A number that only rendering makes (an HTML comment
between the digits, a reference link) is found here, before the site goes live.

A file found clean is remembered by its digest (with the numbers the sources allow), so a build
after a push reads every file but scans only those that changed.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import multiprocessing
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.model import Meeting
from generator.readers import personal_data
from generator.readers.cache import generator_version

# Material's scripts and styles, and Pagefind's index (compressed, and made from the pages
# scanned here): no text from a source is in them.
SKIPPED = frozenset({"assets", "pagefind"})
MAX_BYTES = 200_000_000  # a feed or data file of a twenty-year archive is far smaller
PARALLEL_FROM = 2_000  # files; fewer are scanned faster than worker processes start

Found = tuple[str, int, str]  # (path in the site, line, number)

# A tag is read as a space: inline markup between the digits ("19<b>12</b>12-1212", a link's text
# beside the rest) leaves the parts a space apart, as a table's cells or paragraphs are.
_ONE_LINE_TAG = re.compile(r"<[^>\n]*>")
_TAG = re.compile(r"<[^>]*>")
# An attribute's value with digits in it: the only ones that could hold a number (alt text, a title).
_ATTRIBUTE = re.compile(r"""=\s*(?:"([^"<\d]*\d[^"<]*)"|'([^'<\d]*\d[^'<]*)')""")


def _without_tags(text: str) -> str:
    """The text between the tags; a tag over several lines leaves its line breaks, so that line
    numbers stay those of the file."""
    text = _ONE_LINE_TAG.sub(" ", text)
    if "<" in text:
        text = _TAG.sub(lambda found: "\n" * found[0].count("\n") or " ", text)
    return text


def _numbers(path: Path, text: str, allowed: set[str]) -> Iterator[tuple[int, str]]:
    if "<" not in text:
        yield from personal_data.find(text, allowed)  # JSON, CSV, iCalendar: the text as it stands
        return
    if path.suffix != ".html" and "&lt;" in text:
        text = html.unescape(text)  # a feed's entries carry their HTML escaped
    # What a reader sees: the text between the tags, and what the tags' attributes hold (alt
    # text, a title), read at once: each value on lines of its own after "#", which no number's
    # parts may be set apart by.
    shown = _without_tags(text)
    values: list[str] = []
    starts: list[int] = []  # for each line of the values: where in the file its attribute stands
    for found in _ATTRIBUTE.finditer(text):
        value = found[1] or found[2]
        values.append(value)
        starts += [found.start()] * (value.count("\n") + 1)
    lines = shown.count("\n") + 1
    for line, number in personal_data.find("#\n".join([shown, *values]), allowed, markdown=False):
        yield (line if line <= lines else text.count("\n", 0, starts[line - lines - 1]) + 1), number


def _text(path: Path, data: bytes) -> str | None:
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)[:MAX_BYTES]
        except (OSError, EOFError):
            return None
    if b"\x00" in data:
        return None  # an image or another binary file
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _files(site: Path) -> list[Path]:
    found = []
    for folder, folders, files in os.walk(site):
        if Path(folder) == site:
            folders[:] = [name for name in folders if name not in SKIPPED]
        found += [Path(folder, name) for name in files]
    return sorted(found)


def _scan_file(site: Path, path: Path, allowed: set[str], clean: frozenset[str]) -> tuple[str, list[Found]]:
    """The file's digest and what it would publish."""
    data = path.read_bytes()[:MAX_BYTES]
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    if digest in clean or (text := _text(path, data)) is None:
        return digest, []
    found: list[Found] = []
    seen: set[str] = set()
    for line, number in _numbers(path, text, allowed):
        if (digits := personal_data.digits(number)) not in seen:
            seen.add(digits)
            found.append((path.relative_to(site).as_posix(), line, number))
    return digest, found


def _scan_part(
    site: Path, paths: list[Path], allowed: set[str], clean: frozenset[str]
) -> list[tuple[str, list[Found]]]:
    return [_scan_file(site, path, allowed, clean) for path in paths]


def scan(site: Path, allowed: set[str], memory: Path | None = None, workers: int = 1) -> list[Found]:
    """What each file of ``site`` would publish that looks like a personnummer; ``allowed``: the
    numbers the sources except (ten digits each); ``memory``: where the digests of files found
    clean are kept between builds (None: none are)."""
    key = _key(allowed)
    clean = _remembered(memory, key)
    paths = _files(site)
    if workers > 1 and len(paths) >= PARALLEL_FROM:
        parts = [paths[i::workers] for i in range(workers)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = [r for part in pool.starmap(_scan_part, [(site, p, allowed, clean) for p in parts]) for r in part]
    else:
        results = _scan_part(site, paths, allowed, clean)
    found = sorted(f for _, files in results for f in files)
    if memory is not None and not found:
        _remember(memory, key, sorted({digest for digest, _ in results}))
    return found


def _key(allowed: set[str]) -> str:
    # Digests remembered by other generator code, or with other numbers allowed, are scanned again.
    return f"{generator_version()} " + hashlib.sha256(" ".join(sorted(allowed)).encode()).hexdigest()


def _remembered(memory: Path | None, key: str) -> frozenset[str]:
    """The digests of files found clean by the last build, if it allowed the same numbers."""
    if memory is None:
        return frozenset()
    try:
        lines = memory.read_text(encoding="ascii").split("\n")
    except (OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(lines[1:]) if lines[0] == key else frozenset()


def _remember(memory: Path, key: str, digests: list[str]) -> None:
    # Written whole, then moved into place: a killed build leaves the old list or the new one.
    memory.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=memory.parent, prefix=".granskat-")
    with os.fdopen(handle, "w", encoding="ascii") as out:
        out.write("\n".join([key, *digests]))
    os.replace(temporary, memory)


def allowed_numbers(meetings: Iterable[Meeting], organisation: Path) -> set[str]:
    """The numbers the sources themselves let through, each with its reason: as each meeting was
    read (no source is read again), and those ``organisation.yaml`` lets through."""
    allowed = set().union(*(meeting.allowed_numbers for meeting in meetings))
    try:
        return allowed | personal_data.exceptions(organisation.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return allowed
