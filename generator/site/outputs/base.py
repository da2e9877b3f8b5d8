"""What every output of the site shares: its context, its entry in the registry, how files are written.

An output turns the archive into files beside the HTML pages (feeds, calendars, open data,
schemas, the dnr index) or works over the built HTML (the search index). Each module of this
package defines one ``OUTPUT``; ``generator.site.outputs.OUTPUTS`` lists them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from generator.index import Archive
from generator.model import STOCKHOLM

__all__ = ["STOCKHOLM", "Output", "OutputContext", "PageSink", "files_output", "write_files"]


@dataclass(frozen=True)
class OutputContext:
    """What an output may use: the archive, the site's address, the build day."""

    archive: Archive
    site_url: str  # "" when unknown: links are then relative
    today: date


class PageSink(Protocol):
    """What an output made from the built pages is: given each page as MkDocs writes it, then
    asked to write its files once all are written (or closed when the build fails)."""

    def add(self, url: str, html: str) -> None: ...

    def finish(self, site: Path) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Output:
    """One output: files made from the archive alone (``write``, while MkDocs builds the pages),
    or from the built pages (``pages`` starts a ``PageSink`` before the first page is built)."""

    name: str
    write: Callable[[OutputContext, Path], None] | None = None
    pages: Callable[[OutputContext], PageSink] | None = None
    in_preview: bool = False  # also written under ``mkdocs serve`` (the rest wait for a real build)


def files_output(name: str, make: Callable[[OutputContext], Mapping[str, str]], in_preview: bool = False) -> Output:
    """An output whose files (path in the site -> text) are made from the archive alone."""

    def write(context: OutputContext, site: Path) -> None:
        write_files(site, make(context))

    return Output(name, write, in_preview=in_preview)


def write_files(site: Path, files: Mapping[str, str]) -> None:
    for path, content in files.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
