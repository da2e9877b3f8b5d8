"""The generator's one direction of flow: sources -> model -> archive index -> pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.archive import Archive, build_archive
from generator.pages import Page, PageWriter
from generator.problems import Problems
from generator.sources import read_sources


@dataclass
class Generated:
    archive: Archive
    pages: list[Page]
    data_files: dict[str, str]  # path in the site -> content (search's dnr index)
    problems: Problems


class SourcesInvalid(Exception):
    """The sources have errors; nothing may be built from them."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(problems.report())
        self.problems = problems


def generate(protocols: Path) -> Generated:
    """Read ``protocols`` and plan every page; raises ``SourcesInvalid`` on any error."""
    problems = Problems()
    sources = read_sources(protocols, problems)
    if sources is None or problems.errors:
        raise SourcesInvalid(problems)
    archive = build_archive(sources.organisation, sources.meetings)
    writer = PageWriter(archive)
    return Generated(archive, writer.pages(), writer.dnr_index(), problems)
