"""The build use case: sources -> model -> archive index -> pages and outputs -> MkDocs -> site.

``generate`` reads and plans (used by the MkDocs plugin under ``mkdocs build``/``serve`` too);
``build`` is the whole build into a site directory, used by the CLI and the publishing hooks. It
builds beside the live site and swaps at the end, so a failed build never leaves half a site.
"""

from __future__ import annotations

import os
import resource
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol, cast

from generator import messages
from generator.build import published_scan
from generator.index import Archive, Unresolved, build_archive
from generator.problems import Problems
from generator.readers.cache import SourceCache
from generator.readers.organisation import FILE_NAME as ORGANISATION_FILE
from generator.readers.sources import read_sources
from generator.site import urls
from generator.site.pages import Page, PageWriter


def build_day() -> date:
    """The day the site is built for: what the anslagstavla shows as up.

    ARKIV_IDAG=YYYY-MM-DD fixes it, for tests and for rebuilding a past day's board. It is read
    once per build, so one build never straddles two days.
    """
    fixed = os.environ.get("ARKIV_IDAG")
    return date.fromisoformat(fixed) if fixed else date.today()


@dataclass
class Generated:
    """What the generator made of the sources for one build, on one build day."""

    protocols: Path
    archive: Archive
    pages: list[Page]
    navigation: list[tuple[str, str]]  # (label, source URI) of the menu's generated pages
    problems: Problems  # warnings only: a build with errors never gets this far
    today: date
    # Each source's cache key, and where the pages rendered from them are kept (with a cache).
    source_keys: dict[str, str] = field(default_factory=dict)
    rendered_store: Path | None = None
    scanned_store: Path | None = None  # the digests of built files found free of personnummer


class BuildFailed(Exception):
    """Nothing was published; ``problems`` has the sources' errors when they are the reason."""

    def __init__(self, message: str, problems: Problems | None = None) -> None:
        super().__init__(message)
        self.problems = problems


def generate(
    protocols: Path, today: date | None = None, workers: int = 1, cache: SourceCache | None = None, site_url: str = ""
) -> Generated:
    """Read ``protocols`` and plan every page for ``today`` (default: the build day) on a site at
    ``site_url`` ("" when not known); with a ``cache``, only the sources that changed since it was
    filled are read.

    Raises ``BuildFailed`` on any error in a source.
    """
    today = today or build_day()
    problems = Problems()
    sources = read_sources(protocols, problems, workers=workers, reserved=urls.RESERVED_SLUGS, cache=cache)
    if sources is None or problems.errors:
        raise BuildFailed(problems.report(), problems)
    archive = build_archive(sources.organisation, sources.meetings)
    writer = PageWriter(archive, today, site_url)
    generated = Generated(protocols, archive, writer.pages(), writer.navigation(), problems, today)
    if cache is not None:
        generated.source_keys, generated.rendered_store = cache.keys(), cache.beside("sidor")
        scanned = cache.beside("granskat")
        generated.scanned_store = scanned.with_suffix(".txt") if scanned else None
    return generated


class ArchiveStep(Protocol):
    """The archive's step inside MkDocs (``generator.mkdocs_plugin``), as the build uses it."""

    render_seconds: float

    def use(self, generated: Generated, parallel_outputs: bool, preview: bool = False) -> None: ...


CACHE_FOLDER = Path(".cache") / "arkiv"  # beside mkdocs.yml; ignored by git


@dataclass(frozen=True)
class BuildOptions:
    protocols: Path
    site: Path
    config_file: Path
    site_url: str | None = None
    today: date | None = None  # None: the build day (see ``build_day``)
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    cache: Path | None = None  # the folder of the cache of read sources; None: read every source
    shared_cache: bool = False  # one cache whatever folder the sources are in (the server's builds)


@dataclass(frozen=True)
class Timings:
    read_and_index_s: float
    render_s: float
    generator_s: float
    mkdocs_s: float
    personnummer_scan_s: float  # every built file read for personnummer before the site goes live
    total_s: float
    peak_rss_mb: int


@dataclass(frozen=True)
class BuildResult:
    site: Path
    pages: int
    warnings: Problems
    unresolved: list[Unresolved]
    timings: Timings


def build(options: BuildOptions) -> BuildResult:
    """Build the site into ``options.site``; raises ``BuildFailed`` and leaves the old site if anything fails."""
    started = time.perf_counter()
    generated = generate(
        options.protocols, options.today, options.workers, _source_cache(options), options.site_url or ""
    )
    return _write_site(options, generated, started, preview=False)


def build_preview(options: BuildOptions, source: Path) -> BuildResult:
    """A small site for checking one protocol: its meeting page, the pages that show it (its
    cases, body, year and the persons it names) and the start page, marked as a preview.

    Errors in other sources do not stop it (they leave their meetings out); errors in ``source``
    raise ``BuildFailed``.
    """
    started = time.perf_counter()
    today = options.today or build_day()
    problems = Problems()
    sources = read_sources(
        options.protocols, problems, workers=options.workers, reserved=urls.RESERVED_SLUGS, cache=_source_cache(options)
    )
    if not source.resolve().is_relative_to(options.protocols.resolve()):
        raise BuildFailed(messages.PREVIEW_NOT_A_SOURCE.format(path=source))
    relative = source.resolve().relative_to(options.protocols.resolve()).as_posix()
    own = Problems([p for p in problems.items if p.file == relative])
    if sources is None or own.errors:
        raise BuildFailed((own if own.errors else problems).report(), own if own.errors else problems)
    if not any(m.source == relative for m in sources.meetings):
        raise BuildFailed(messages.PREVIEW_NOT_A_SOURCE.format(path=relative))
    archive = build_archive(sources.organisation, sources.meetings)
    writer = PageWriter(archive, today, options.site_url or "")
    pages = [p for p in writer.pages() if p.src_uri == urls.HOME or (p.depends is not None and relative in p.depends)]
    kept = {p.src_uri for p in pages}
    navigation = [(label, src) for label, src in writer.navigation() if src in kept]
    generated = Generated(options.protocols, archive, pages, navigation, own, today)
    return _write_site(options, generated, started, preview=True)


# ARKIV_BYGGVERKTYG=properdocs builds with ProperDocs, the maintained fork of MkDocs 1.6: imported
# first, it answers every later "mkdocs" import, the theme's and the plugin's included.
BUILD_TOOL = "ARKIV_BYGGVERKTYG"


def _write_site(options: BuildOptions, generated: Generated, started: float, preview: bool) -> BuildResult:
    if os.environ.get(BUILD_TOOL) == "properdocs":
        import properdocs.replacement  # noqa: F401

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    site = options.site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-ny-", dir=site.parent))
    try:
        overrides = {"site_url": options.site_url} if options.site_url else {}
        config = load_config(str(options.config_file), site_dir=str(staging), **overrides)
        plugin = cast(ArchiveStep, config.plugins["arkiv"])
        plugin.use(generated, parallel_outputs=not preview, preview=preview)
        generated_at = time.perf_counter()
        mkdocs_build(config)
        scan_started = time.perf_counter()
        _refuse_personnummer(staging, site.name, generated, 1 if preview else options.workers)
        scan_seconds = time.perf_counter() - scan_started
        _make_readable(staging)
    except (Abort, MkDocsException) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(str(exc)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = site.with_name(f".{site.name}-gammal")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    timings = _timings(started, generated_at, plugin.render_seconds, scan_seconds)
    return BuildResult(site, len(generated.pages), generated.problems, generated.archive.unresolved, timings)


def _refuse_personnummer(staging: Path, name: str, generated: Generated, workers: int) -> None:
    """Nothing the site would serve holds a personnummer, however the sources came to make one."""
    problems = Problems()
    allowed = published_scan.allowed_numbers(generated.archive.meetings, generated.protocols / ORGANISATION_FILE)
    for file, line, number in published_scan.scan(staging, allowed, generated.scanned_store, workers):
        problems.error(f"{name}/{file}", line, messages.PERSONNUMMER_PUBLISHED.format(value=number))
    if problems.errors:
        raise BuildFailed(problems.report(), problems)


def _source_cache(options: BuildOptions) -> SourceCache | None:
    if options.cache is None:
        return None
    if options.shared_cache:
        return SourceCache(options.cache)  # the server reads each push from a new folder: one cache
    return SourceCache.for_archive(options.cache, options.protocols)


def _make_readable(root: Path) -> None:
    """Folders 0755 and files 0644: a web server running as another user must read the site
    (the staging folder is made 0700 by mkdtemp)."""
    root.chmod(0o755)
    for folder, folders, files in os.walk(root):
        for name in folders:
            os.chmod(os.path.join(folder, name), 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)


def _timings(started: float, generated_at: float, render_seconds: float, scan_seconds: float) -> Timings:
    total = time.perf_counter() - started
    read = generated_at - started
    return Timings(
        read_and_index_s=round(read, 2),
        render_s=round(render_seconds, 2),
        generator_s=round(read + render_seconds, 2),
        mkdocs_s=round(total - read - render_seconds - scan_seconds, 2),
        personnummer_scan_s=round(scan_seconds, 2),
        total_s=round(total, 2),
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    )
