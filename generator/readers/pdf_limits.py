"""Bounds on reading a PDF: pages, bytes decompressed and time, checked while it is read.

A PDF is small on disk and may be huge inside: a 1 MB file can inflate to 1 GB, and a file of
10,000 pages took two minutes and 2.9 GB to read. ``bounded(limits)`` sets a budget for the
current thread; every stream pdfminer (and so pdfplumber) decompresses while it holds is inflated
in chunks and counted, and reading stops with ``PdfLimit`` as soon as the budget is spent, before
the memory is taken. The page count is checked from the catalog before any page is read, and
the time between pages and chunks.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

CHUNK = 1 << 20  # bytes inflated at a time


@dataclass(frozen=True)
class Limits:
    pages: int = 2_000
    decompressed: int = 500 * 1024 * 1024  # bytes, all streams together
    seconds: float = 120.0
    # Characters, paths and images drawn on one page: a dense A4 page has about 5,000; a content
    # stream that draws millions (it compresses to nothing) would take gigabytes to lay out.
    objects_per_page: int = 200_000


LIMITS = Limits()


class PdfLimit(Exception):
    """Reading went past a limit; ``kind`` is "pages", "decompressed", "seconds" or "objects"."""

    def __init__(self, kind: str, limit: float) -> None:
        super().__init__(kind, limit)
        self.kind = kind
        self.limit = limit

    @property
    def detail(self) -> str:
        """The limit as written in a message: 2000, 524288000, 120."""
        return f"{self.limit:.0f}" if float(self.limit).is_integer() else f"{self.limit}"


@dataclass
class Budget:
    limits: Limits
    deadline: float
    left: int

    def spend(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise PdfLimit("decompressed", self.limits.decompressed)
        self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise PdfLimit("seconds", self.limits.seconds)

    def check_pages(self, count: int) -> None:
        if count > self.limits.pages:
            raise PdfLimit("pages", self.limits.pages)

    def check_objects(self, count: int) -> None:
        """``count`` objects drawn so far on the page being read."""
        if count > self.limits.objects_per_page:
            raise PdfLimit("objects", self.limits.objects_per_page)
        if count % 4096 == 0:
            self.check_time()  # a page's content is read in one go: the time is looked at within it


_current = threading.local()


def budget() -> Budget | None:
    """The budget of the PDF being read in this thread, if any."""
    found: Budget | None = getattr(_current, "budget", None)
    return found


@contextmanager
def bounded(limits: Limits = LIMITS) -> Iterator[Budget]:
    """Read PDFs within ``limits`` inside this block (the budget is shared by what it reads)."""
    _install()
    before = budget()
    _current.budget = Budget(limits, time.monotonic() + limits.seconds, limits.decompressed)
    try:
        yield _current.budget
    finally:
        _current.budget = before


def limit_in(exc: BaseException) -> PdfLimit | None:
    """The ``PdfLimit`` behind ``exc``: pdfplumber wraps pdfminer's errors in its own."""
    seen: BaseException | None = exc
    for _ in range(5):
        if isinstance(seen, PdfLimit):
            return seen
        if seen is None:
            return None
        cause = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = cause or seen.__cause__ or seen.__context__
    return None


class _Inflater:
    """zlib's decompress object, counting what it gives against the thread's budget."""

    def __init__(self) -> None:
        self._inner = zlib.decompressobj()

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        spent = budget()
        if spent is None:
            return self._inner.decompress(data, max_length)
        out = bytearray()
        while True:
            piece = self._inner.decompress(data, CHUNK)
            spent.spend(len(piece))
            out += piece
            data = self._inner.unconsumed_tail
            if not data or not piece:
                return bytes(out)

    @property
    def eof(self) -> bool:
        return self._inner.eof

    @property
    def unused_data(self) -> bytes:
        return self._inner.unused_data

    @property
    def unconsumed_tail(self) -> bytes:
        return self._inner.unconsumed_tail

    def flush(self, *args: Any) -> bytes:
        rest = self._inner.flush(*args)
        if (spent := budget()) is not None:
            spent.spend(len(rest))
        return rest


class _BoundedZlib:
    """What pdfminer uses of the zlib module, inflating within the budget."""

    error = zlib.error

    @staticmethod
    def decompressobj(*args: Any) -> _Inflater:
        return _Inflater()

    @staticmethod
    def decompress(data: bytes, *args: Any) -> bytes:
        if budget() is None:
            return zlib.decompress(data, *args)
        inflater = _Inflater()
        out = inflater.decompress(data)
        if not inflater.eof:
            raise zlib.error("incomplete or truncated stream")  # as zlib says; pdfminer then reads what it can
        return out


def _bounded_lzw(data: bytes) -> bytes:
    from io import BytesIO

    from pdfminer.lzw import LZWDecoder

    spent = budget()
    out = bytearray()
    for piece in LZWDecoder(BytesIO(data)).run():
        if spent is not None:
            spent.spend(len(piece))
        out += piece
    return bytes(out)


_installed = False


def _install() -> None:
    """pdfminer's stream decoder inflates with our zlib (a thread without a budget gets zlib's
    own behaviour): one place where every stream it reads passes, lazily, as it is needed."""
    global _installed
    if _installed:
        return
    from pdfminer import pdftypes

    setattr(pdftypes, "zlib", _BoundedZlib)  # noqa: B010 (the module's own names, not exported)
    setattr(pdftypes, "lzwdecode", _bounded_lzw)  # noqa: B010
    _installed = True
