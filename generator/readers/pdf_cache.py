"""The PDF scans kept in the source cache by SHA-512, and the new ones read on every core: one
mechanism for the originals (``originals.py``) and the handlingar (``documents.py``)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path

from generator.readers import pdf_scan
from generator.readers.cache import SourceCache

Read = Callable[[Path], pdf_scan.Scan]


def kept(cache: SourceCache | None) -> dict[str, pdf_scan.Scan]:
    """The scans the cache holds (an empty dict without a cache), by SHA-512."""
    if cache is None:
        return {}
    if not cache.scans_loaded:
        cache.load_scans()
    return cache.scans


def scan_new(
    todo: dict[str, Path], scans: dict[str, pdf_scan.Scan], cache: SourceCache | None, workers: int, read: Read
) -> None:
    """Scan the files of ``todo`` (SHA-512 -> file) into ``scans``, and keep them in the cache."""
    for digest, found in zip(todo, _scan_all(list(todo.values()), workers, read), strict=True):
        scans[digest] = found
    if todo and cache is not None:
        cache.scans_changed = True
        if cache.persist:
            cache.save_scans()


def _scan_all(paths: list[Path], workers: int, read: Read) -> Iterator[pdf_scan.Scan]:
    if workers <= 1 or len(paths) < 2:
        yield from map(read, paths)
        return
    with multiprocessing.get_context("fork").Pool(min(workers, len(paths))) as pool:
        yield from pool.imap(read, paths)
