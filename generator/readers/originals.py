"""The original PDFs the meetings publish, scanned (``pdf_scan``) before anything is built.

A meeting whose original holds a personnummer (where its source does not except it), a script,
a launch action or an embedded file, or cannot be read within the limits, is refused: each
reason an error at the source's original marker, naming the PDF, and the meeting left out. Scans
are kept by the PDF's SHA-512 in the source cache (memory under ``mkdocs serve``, a signed file
beside it for builds), so a build reads only PDFs it has not seen; new ones are read on every core.
"""

from __future__ import annotations

from pathlib import Path

from generator.model import Meeting
from generator.problems import Problems
from generator.readers import pdf_cache, pdf_scan
from generator.readers.cache import SourceCache


def check(
    directory: Path, meetings: list[Meeting], problems: Problems, workers: int = 1, cache: SourceCache | None = None
) -> list[Meeting]:
    """The meetings whose original may be published (or who have none); problems for the rest."""
    scans = pdf_cache.kept(cache)
    todo: dict[str, Path] = {}
    for meeting in meetings:
        if meeting.original and meeting.original_file and meeting.original_file.sha512 not in scans:
            todo[meeting.original_file.sha512] = directory / meeting.original
    pdf_cache.scan_new(todo, scans, cache, workers, pdf_scan.scan)
    kept = []
    for meeting in meetings:
        said = _reasons(meeting, scans)
        for reason in said:
            problems.error(meeting.source, meeting.original_line or 1, reason)
        if not said:
            kept.append(meeting)
    return kept


def _reasons(meeting: Meeting, scans: dict[str, pdf_scan.Scan]) -> list[str]:
    if not meeting.original or not meeting.original_file:
        return []
    found = scans[meeting.original_file.sha512]
    if not found.findings and not found.refusals:
        return []
    return pdf_scan.reasons(found, meeting.original, set(meeting.allowed_numbers))
