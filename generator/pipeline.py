"""The generator's one direction of flow: sources -> model -> archive index -> pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from generator.archive import Archive, build_archive
from generator.deadlines import build_day
from generator.feeds import atom, feed_path
from generator.ical import calendar_path, ical
from generator.open_data import OpenData
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


def generate(protocols: Path, workers: int = 1) -> Generated:
    """Read ``protocols`` and plan every page; raises ``SourcesInvalid`` on any error."""
    problems = Problems()
    sources = read_sources(protocols, problems, workers=workers)
    if sources is None or problems.errors:
        raise SourcesInvalid(problems)
    archive = build_archive(sources.organisation, sources.meetings)
    writer = PageWriter(archive, build_day())
    return Generated(archive, writer.pages(), writer.dnr_index(), problems)


def data_files(archive: Archive, site_url: str, today: date) -> dict[str, str]:
    """Open data, feeds and calendars: path in the site -> content."""
    files = OpenData(archive, site_url).files()
    for body in (None, *(b.slug for b in archive.organisation.bodies)):
        files[feed_path(body)] = atom(archive, body, site_url)
        files[calendar_path(body)] = ical(archive, body, site_url, today)
    for name in ("mote", "arende", "arkiv"):
        files[f"data/schema/{name}.schema.json"] = data_schema(name)
    return files


def data_schema(name: str) -> str:
    return resources.files("generator").joinpath("schemas", "data", f"{name}.schema.json").read_text(encoding="utf-8")
