"""Reading a protocols directory: the organisation, then every meeting file in its format.

Layout: ``organisation.yaml`` and one folder per body slug holding ``YYYY-MM-DD.md`` (the Markdown
export of the signed protocol) or ``YYYY-MM-DD.yaml`` (the YAML format), and beside it, for its
handlingar, ``YYYY-MM-DD-handlingar/*.pdf``. Sources are only read.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from generator import messages
from generator.model import Meeting, Organisation
from generator.problems import Problem, Problems, SourceError
from generator.readers import documents, guards, originals, personal_data, provenance
from generator.readers.cache import Entry, SourceCache, generator_version
from generator.readers.checks import check_meeting
from generator.readers.organisation import FILE_NAME, read_organisation
from generator.readers.registry import READERS, SOURCE_SUFFIXES, SourceText
from generator.readers.yaml_source import decode

_MEETING_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.(md|yaml|yml)$")
PARALLEL_FROM = 200  # below this, starting worker processes costs more than it saves


@dataclass
class Sources:
    organisation: Organisation
    meetings: list[Meeting]


def meeting_files(directory: Path) -> list[Path]:
    """Every file that may hold a meeting, in a stable order; hidden files are skipped."""
    return sorted(
        p
        for p in directory.rglob("*")
        if p.is_file()
        and p.suffix in SOURCE_SUFFIXES
        and p.name != FILE_NAME
        and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


def read_sources(
    directory: Path,
    problems: Problems,
    only: list[Path] | None = None,
    workers: int = 1,
    reserved: tuple[str, ...] = (),
    cache: SourceCache | None = None,
) -> Sources | None:
    """Read the sources; every problem is added to ``problems``. None when nothing can be built.

    ``reserved``: the site's own top-level names, which no body may take (from the caller, who
    knows the site).
    """
    organisation = read_organisation(directory, problems, reserved)
    if organisation is None:
        return None
    meetings: list[Meeting] = []
    seen: dict[tuple[str, date], str] = {}
    paths = only if only is not None else meeting_files(directory)
    with _no_cycle_collection():
        cached = cache is not None and only is None  # a cache holds a whole archive
        results = _read_cached(directory, paths, organisation, workers, cache) if cached and cache else None
        for meeting, found in results or _read_all(directory, paths, organisation, workers):
            _add(meeting, found, problems, meetings, seen)
    # What the original PDFs hold, scanned once per PDF (by content) before any is published.
    meetings = originals.check(directory, meetings, problems, workers, cache)
    # The handlingar likewise, each scanned once (by content) and its text kept for the search.
    meetings = documents.check(directory, meetings, problems, workers, cache)
    return Sources(organisation, meetings)


def _read_cached(
    directory: Path, paths: list[Path], organisation: Organisation, workers: int, cache: SourceCache
) -> list[tuple[Meeting | None, list[Problem]]]:
    """Each file's meeting and problems, read anew only for the files the cache does not hold
    as they are now; the cache learns what was read and which paths changed."""
    if not cache.loaded:
        cache.load()
    # What reading depends on besides the file: the generator, the organisation, the year (the
    # plausible meeting years end next year).
    context = f"{generator_version()} {date.today().year}"
    with suppress(OSError):
        context += hashlib.sha256((directory / FILE_NAME).read_bytes()).hexdigest()
    relatives = [path.relative_to(directory).as_posix() for path in paths]
    keys: dict[str, str] = {}
    stale: list[Path] = []
    for path, relative in zip(paths, relatives, strict=True):
        try:
            # A source is read again when its handlingar folder changes (a file added or replaced).
            keys[relative] = cache.key(path.read_bytes(), context + documents.stat(path))
        except OSError:
            keys[relative] = ""  # unreadable: read_meeting says so
        entry = cache.entries.get(relative)
        if entry is None or entry.key != keys[relative] or entry.original != _original_stat(directory, entry.meeting):
            stale.append(path)
    gone = set(cache.entries) - set(keys)
    cache.changed = {path.relative_to(directory).as_posix() for path in stale} | gone
    for path, (meeting, found) in zip(stale, _read_all(directory, stale, organisation, workers), strict=True):
        relative = path.relative_to(directory).as_posix()
        cache.entries[relative] = Entry(keys[relative], meeting, found, _original_stat(directory, meeting))
    for relative in gone:
        del cache.entries[relative]
    if cache.changed and cache.persist:
        cache.save()
    return [(cache.entries[relative].meeting, cache.entries[relative].problems) for relative in relatives]


def _original_stat(directory: Path, meeting: Meeting | None) -> tuple[str, int, int] | None:
    """The original PDF as the file system sees it: a replaced PDF is read (and checked) again."""
    if meeting is None or meeting.original is None:
        return None
    try:
        found = (directory / meeting.original).stat()
    except OSError:
        return (meeting.original, -1, -1)
    return (meeting.original, found.st_size, found.st_mtime_ns)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Reading makes hundreds of thousands of objects and no cycles; Python's cycle collector
    would walk all of them again and again as they pile up (measured: unpickling the meetings
    that worker processes send back took 1.0 s with it and 0.16 s without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _add(
    meeting: Meeting | None,
    found: list[Problem],
    problems: Problems,
    meetings: list[Meeting],
    seen: dict[tuple[str, date], str],
) -> None:
    """One file's meeting added to the archive, unless another file holds the same meeting."""
    problems.items += found
    if meeting is None:
        return
    key = (meeting.body, meeting.date)
    if key in seen:
        problems.error(
            meeting.source,
            1,
            messages.DUPLICATE_MEETING.format(body=meeting.body, date=meeting.date, other=seen[key]),
        )
        return
    seen[key] = meeting.source
    meetings.append(meeting)


def _check_original(directory: Path, path: Path, meeting: Meeting, problems: Problems) -> Meeting:
    """The signed PDF a source names must be a PDF inside protocols/: no path may leave it."""
    if meeting.original is None:
        return meeting
    line = meeting.original_line or 1
    written = meeting.original
    target = (path.parent / written).resolve()
    root = directory.resolve()
    if Path(written).is_absolute() or not target.is_relative_to(root):
        problems.error(meeting.source, line, messages.ORIGINAL_OUTSIDE.format(value=written))
    elif target.suffix.lower() != ".pdf" or not target.is_file():
        problems.error(meeting.source, line, messages.ORIGINAL_MISSING.format(value=written))
    else:
        described = provenance.describe(target)
        if meeting.original_sha512 and described.sha512 != meeting.original_sha512:
            problems.error(meeting.source, line, messages.ORIGINAL_CHANGED.format(value=written))
            return meeting
        return replace(meeting, original=target.relative_to(root).as_posix(), original_file=described)
    return meeting


def _read_one(task: tuple[Path, Path, Organisation]) -> tuple[Meeting | None, list[Problem]]:
    directory, path, organisation = task
    found = Problems()
    return read_meeting(directory, path, organisation, found), found.items


def _read_all(
    directory: Path, paths: list[Path], organisation: Organisation, workers: int
) -> Iterator[tuple[Meeting | None, list[Problem]]]:
    """Each file's meeting and problems, in order; large archives are read on several cores."""
    tasks = [(directory, path, organisation) for path in paths]
    if workers <= 1 or len(tasks) < PARALLEL_FROM:
        yield from map(_read_one, tasks)
        return
    # Forked workers share the organisation; only paths go out and meetings come back.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_read_one, tasks, chunksize=32)


def read_text(path: Path, relative: str, problems: Problems) -> str | None:
    """A source file as text; None (with a located problem) when it is not readable UTF-8 text."""
    try:
        return decode(path.read_bytes(), relative)
    except SourceError as exc:
        problems.items.append(exc.problem)
    except OSError as exc:
        problems.error(relative, 1, messages.UNREADABLE.format(reason=exc.strerror))
    return None


def read_meeting(directory: Path, path: Path, organisation: Organisation, problems: Problems) -> Meeting | None:
    relative = path.relative_to(directory).as_posix()
    parts = relative.split("/")
    name_ok = _MEETING_FILE.match(parts[-1])
    if len(parts) != 2 or not name_ok:
        problems.error(relative, 1, messages.FILE_NAME.format(name=relative))
        return None
    if any((directory / Path(*parts[: i + 1])).is_symlink() for i in range(len(parts))):
        # A link could point anywhere on the machine that builds: never follow one.
        problems.error(relative, 1, messages.SYMLINK_SOURCE.format(path=relative))
        return None
    body = organisation.body(parts[0])
    if body is None:
        problems.error(relative, 1, messages.UNKNOWN_BODY.format(body=parts[0]))
        return None
    try:
        file_date = date.fromisoformat(name_ok[1])
    except ValueError:
        problems.error(relative, 1, messages.FILE_NAME.format(name=relative))
        return None
    text = read_text(path, relative, problems)
    if text is None:
        return None
    for line, value in personal_data.find(text):
        problems.error(relative, line, messages.PERSONNUMMER.format(value=value))
    guarded = list(guards.check(text))
    for line, message in guarded:
        problems.error(relative, line, message)
    if guarded:
        return None  # the reader and the renderer never see what could hold the build
    before = len(problems.errors)
    meeting = READERS[path.suffix](SourceText(organisation, body, relative, text, file_date), problems)
    if meeting is not None:
        meeting = replace(meeting, allowed_numbers=frozenset(personal_data.exceptions(text)))
        check_meeting(meeting, problems)
        meeting = _check_original(directory, path, meeting, problems)
        meeting = documents.check_files(directory, path, meeting, problems)
    return meeting if len(problems.errors) == before else None
