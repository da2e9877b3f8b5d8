"""MkDocs plugin: runs the generator inside ``mkdocs build`` and ``mkdocs serve``.

Like Material's blog plugin, it turns data into pages during the build: the sources are read in
``on_config`` (before MkDocs cleans ``site/``, so a bad source leaves the old site untouched), the
pages are added as virtual files in ``on_files`` (nothing is written to the docs folder), and each
page's HTML replaces its near-empty Markdown in ``on_page_content``.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from generator import labels, messages
from generator.deadlines import build_day
from generator.pages import CASES_DIR, NOTICE_BOARD_DIR, ORIGINAL_NAME, PERSONS_DIR, Page, meeting_url
from generator.pipeline import Generated, SourcesInvalid, data_files, generate
from generator.search_index import index_site

log = logging.getLogger("mkdocs.plugins.arkiv")
MESSAGES_MARKER = "<!-- arkiv:meddelanden -->"


def message_table() -> str:
    rows = [
        f"| {text.replace('|', '&#124;').replace('{', '‹').replace('}', '›')} |"
        for name, text in vars(messages).items()
        if name.isupper() and isinstance(text, str)
    ]
    return "| Meddelande (‹…› ersätts med fältet, värdet eller numret) |\n| --- |\n" + "\n".join(rows) + "\n"


_HEADER_LABELS = ("MENU", "SEARCH_LABEL", "SEARCH_PLACEHOLDER", "SEARCH_BUTTON")


class ArchiveConfig(Config):
    protocols = config_options.Type(str, default="protocols")
    about_page = config_options.Type(str, default="om-arkivet.md")
    staff_guide = config_options.Type(str, default="publicera.md")


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    def __init__(self) -> None:
        self.generated: Generated | None = None
        self.pages: dict[str, Page] = {}
        self.protocols_override: Path | None = None  # set by ``arkiv build --protocols``
        self.preloaded: Generated | None = None  # set by ``arkiv build``, which has read them
        self.render_seconds = 0.0  # time spent rendering our pages, for the benchmark
        self.fragments: dict[tuple[str, str], Any] = {}
        # ``arkiv build`` writes data files in a forked process; not under ``mkdocs serve``,
        # whose threads make forking unsafe.
        self.parallel_data = False
        self.data_process: Any = None

    def protocols_dir(self, config: MkDocsConfig) -> Path:
        if self.protocols_override is not None:
            return self.protocols_override
        return Path(config.config_file_path).parent / self.config.protocols

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.generated = self.preloaded or generate(self.protocols_dir(config))
        except SourcesInvalid as exc:
            raise PluginError(messages.SOURCES_INVALID.format(report=exc.problems.report())) from None
        for problem in self.generated.problems.warnings:
            log.warning(str(problem))
        self.pages = {page.src_uri: page for page in self.generated.pages}
        organisation = self.generated.archive.organisation
        config.site_name = labels.SITE_NAME.format(organisation=organisation.name)
        for unresolved in self.generated.archive.unresolved:
            log.info(messages.UNRESOLVED_REFERENCE.format(**vars(unresolved)))
        if not config.site_url:
            log.info(messages.NO_SITE_URL)
        # The nav holds only the fixed pages, so a page's HTML does not grow with the archive.
        config.nav = [
            {labels.NAV_START: "index.md"},
            *({body.name: f"{body.slug}/index.md"} for body in organisation.bodies),
            {labels.CASES: f"{CASES_DIR}/index.md"},
            {labels.PERSONS: f"{PERSONS_DIR}/index.md"},
            {labels.NOTICE_BOARD: f"{NOTICE_BOARD_DIR}/index.md"},
            {labels.OPEN_DATA: "oppna-data/index.md"},
            {labels.ABOUT: self.config.about_page},
            {labels.STAFF_GUIDE: self.config.staff_guide},
        ]
        # What the header partial (site_overrides/partials/header.html) shows.
        config.extra["arkiv"] = {"labels": {n: getattr(labels, n) for n in _HEADER_LABELS}}
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files = self._add_files(files, config)
        if self.parallel_data:
            # MkDocs has cleaned site/ by now; the open data, feeds and calendars do not depend on
            # the HTML, so a forked process writes them on the second core while pages build.
            self.data_process = multiprocessing.get_context("fork").Process(
                target=self.write_data, args=(config,), daemon=True
            )
            self.data_process.start()
        return files

    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        for page in self.pages.values():
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                files.remove(existing)
            files.append(File.generated(config, page.src_uri, content=page.markdown()))
        assert self.generated is not None
        for path, content in self.generated.data_files.items():
            files.append(File.generated(config, path, content=content))
        # The signed PDFs, copied beside their meeting pages (the paths were checked on reading).
        protocols = self.protocols_dir(config)
        for meeting in self.generated.archive.meetings:
            if meeting.original:
                uri = f"{meeting_url(meeting)}{ORIGINAL_NAME}"
                files.append(File.generated(config, uri, abs_src_path=str(protocols / meeting.original)))
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.fragments.clear()

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        env.globals["arkiv_cached"] = self.cached_fragment
        return env

    def cached_fragment(self, part: str, folder: str, caller: Any) -> Any:
        """Page furniture shared by all generated pages of one folder, rendered once."""
        key = (part, folder)
        if key not in self.fragments:
            self.fragments[key] = caller()
        return self.fragments[key]

    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        # The staff guide lists every message from generator/messages.py, so it is never stale.
        return markdown.replace(MESSAGES_MARKER, message_table()) if MESSAGES_MARKER in markdown else markdown

    def on_page_content(self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html
        started = time.perf_counter()
        rendered = generated.render()
        self.render_seconds += time.perf_counter() - started
        return rendered

    def write_data(self, config: MkDocsConfig) -> None:
        assert self.generated is not None
        site = Path(config.site_dir)
        for path, content in data_files(self.generated.archive, config.site_url or "", build_day()).items():
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.data_process is not None:
            self.data_process.join()
            if self.data_process.exitcode != 0:
                raise PluginError(messages.DATA_FAILED)
        else:
            self.write_data(config)
        # Pagefind indexes the built HTML (Swedish stemming from <html lang="sv">); its binary
        # comes with the pinned pagefind-bin wheel, nothing is downloaded.
        index_site(Path(config.site_dir))

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # Staff preview: a changed protocol rebuilds the site like a changed doc page.
        server.watch(str(self.protocols_dir(config)))
        return server
