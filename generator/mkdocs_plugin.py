"""MkDocs plugin: runs the generator inside ``mkdocs build`` and ``mkdocs serve``.

Like Material's blog plugin, it turns data into pages during the build: the sources are read in
``on_config`` (before MkDocs cleans ``site/``, so a bad source leaves the old site untouched), the
pages are added as virtual files in ``on_files`` (nothing is written to the docs folder), and each
page's HTML replaces its near-empty Markdown in ``on_page_content``.
"""

from __future__ import annotations

import gc
import hashlib
import html
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

import watchdog.events
import watchdog.observers
from markupsafe import Markup, escape
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from generator import messages
from generator.build import CACHE_FOLDER, BuildFailed, Generated, generate
from generator.build.rendered import RenderedPages
from generator.readers import vocabulary
from generator.readers.cache import SourceCache
from generator.site import labels, urls
from generator.site.outputs import OUTPUTS, Output, OutputContext, PageSink
from generator.site.pages import COMPILED_TEMPLATES, Page

log = logging.getLogger("mkdocs.plugins.arkiv")
MESSAGES_MARKER = "<!-- arkiv:meddelanden -->"
VOCABULARY_MARKER = "<!-- arkiv:ordlista -->"


def vocabulary_table() -> str:
    """The layout vocabulary as the staff guide shows it: each key and the words it knows, as code
    (patterns hold characters Markdown would act on)."""
    rows = [f"- `{key}`: " + ", ".join(f"`{word}`" for word in words) for key, words in vocabulary.listing()]
    return f"{messages.VOCABULARY_TABLE_WORDS}, per nyckel:\n\n" + "\n".join(rows) + "\n"


def message_table() -> str:
    """Every message as a table row: escaped (a message shows ``<organ>`` as text, not as a tag),
    its line breaks kept inside the cell, its placeholders shown as ‹name›."""
    rows = [
        "| "
        + "<br>".join(html.escape(line).replace("|", "&#124;") for line in text.splitlines())
        .replace("{", "‹")
        .replace("}", "›")
        + " |"
        for name, text in vars(messages).items()
        if name.isupper() and isinstance(text, str) and not name.endswith(("_HEADING", "_KEY", "_WORDS"))
    ]
    return f"| {messages.MESSAGE_TABLE_HEADING} |\n| --- |\n" + "\n".join(rows) + "\n"


COLLECT_AFTER_S = 1.0  # under ``mkdocs serve``: the cycle collector waits this long after a build

_HEADER_LABELS = ("MENU", "SEARCH_LABEL", "SEARCH_PLACEHOLDER", "SEARCH_BUTTON", "SKIP_TO_CONTENT")


def safe(text: str) -> Markup:
    """Text from a source, escaped for templates that print it raw."""
    return escape(text)


class ArchivePage(MkDocsPage):
    """A page of the archive inside MkDocs: its title and HTML come from the archive's ``Page``.

    MkDocs would otherwise write front matter as YAML, parse it back and run a fresh
    Python-Markdown instance over an empty text for each of ~10,000 pages (measured: ~3 s of a
    full build); the theme's template then renders it as any other page.
    """

    def __init__(
        self,
        page: Page,
        file: File,
        config: MkDocsConfig,
        clock: _Clock,
        nav_title: str | None,
        html: Callable[[], str],
    ) -> None:
        # In the menu a page is named by its menu label (MkDocs names pages it makes itself so).
        super().__init__(safe(nav_title) if nav_title is not None else None, file, config)
        self.archive_page = page
        self.clock = clock
        self.html = html  # rendered now, or earlier (by an incremental preview, or a build before)

    def read_source(self, config: MkDocsConfig) -> None:
        page = self.archive_page
        self.markdown = ""
        # Escaped once here: Material prints titles and descriptions unescaped.
        self.meta = {"title": safe(page.title), "description": safe(page.description), **dict(page.meta)}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        started = time.perf_counter()
        self.content = self.html()
        self.clock.seconds += time.perf_counter() - started
        # Escaped here: Material prints the entries' titles as they are.
        entries = self.archive_page.toc
        self.toc = get_toc(
            [{"level": 2, "id": anchor, "name": safe(title), "children": []} for anchor, title in entries]
        )
        self.present_anchor_ids = set()


def _given(html: str) -> Callable[[], str]:
    return lambda: html


class ArchiveFile(File):
    """A generated page's file. In an incremental preview (``mkdocs serve --dirty``) it tells
    MkDocs whether its page changed since the last build; MkDocs builds only those."""

    modified = True

    def is_modified(self) -> bool:
        return self.modified


@dataclass
class _Built:
    """What the last preview build made: each page's HTML digest and the sources it showed."""

    digests: dict[str, str] = field(default_factory=dict)
    depends: dict[str, frozenset[str] | None] = field(default_factory=dict)
    navigation: list[tuple[str, str]] = field(default_factory=list)
    today: date | None = None


class _Clock:
    """Seconds spent rendering the archive's pages (for the build's timings)."""

    def __init__(self) -> None:
        self.seconds = 0.0


class ArchiveConfig(Config):
    protocols = config_options.Type(str, default="protocols")
    about_page = config_options.Type(str, default=urls.ABOUT_PAGE)
    staff_guide = config_options.Type(str, default="publicera.md")


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    def __init__(self) -> None:
        self.generated: Generated | None = None
        self.preloaded: Generated | None = None
        self.pages: dict[str, Page] = {}
        self.clock = _Clock()  # time spent rendering our pages, for the benchmark
        self.fragments: dict[tuple[str, str], Any] = {}
        # Outputs are written in a forked process only when the build asks (``generator.build``);
        # never under ``mkdocs serve``, whose threads make forking unsafe.
        self.parallel_outputs = False
        self.outputs_process: Any = None
        self.sinks: list[PageSink] = []  # outputs made from the built pages (the search index)
        self.preview = False  # under ``mkdocs serve``: staff check pages; feeds, data and search wait
        self.cache: SourceCache | None = None
        self.incremental = False  # mkdocs serve --dirty: only changed pages are built again
        self.preview_note = labels.PREVIEW_NOTE
        self.built = _Built()
        self.removed: list[str] = []  # pages of the last build that this one no longer has
        self.files_made: dict[str, ArchiveFile] = {}  # an incremental preview reuses them
        self.rendered: RenderedPages | None = None  # article HTML of the build before
        self.rendered_at_start: RenderedPages | None = None  # a preview's, kept when it stops
        self.observers: list[Any] = []  # what watches the protocols under ``mkdocs serve``
        self.builds = 0  # builds begun under ``mkdocs serve``

    @property
    def render_seconds(self) -> float:
        return self.clock.seconds

    def site_url(self, config: MkDocsConfig) -> str:
        """The archive's own address; ``mkdocs serve`` puts its dev server's in site_url, which no
        page of the archive may carry (a preview's page equals a build's without an address)."""
        return "" if self.preview else config.site_url or ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = command == "serve"
        self.incremental = self.preview and dirty
        if self.preview and not dirty:
            log.info(messages.PREVIEW_NOT_DIRTY)

    def use(self, generated: Generated, parallel_outputs: bool, preview: bool = False) -> None:
        """Build from sources the caller has already read (``generator.build``), not from the config;
        a ``preview`` (``arkiv preview``) says so on its pages and writes no feeds, data or index."""
        self.preloaded = generated
        self.parallel_outputs = parallel_outputs
        self.preview = preview
        self.preview_note = labels.PREVIEW_ONE_NOTE

    def protocols_dir(self, config: MkDocsConfig) -> Path:
        if self.generated is not None:
            return self.generated.protocols
        return Path(config.config_file_path).parent / self.config.protocols

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.incremental:
            # A rebuild makes objects by the hundred thousand beside an archive of millions; the
            # cycle collector would walk them all several times. It runs again a moment after the
            # pages are written (``on_post_build``), off the path from saving a file to seeing it.
            gc.disable()
            self.builds += 1
        try:
            # Under mkdocs build/serve the sources are read here, once per build, for one build day.
            protocols = Path(config.config_file_path).parent / self.config.protocols
            if self.preloaded is None and self.cache is None:
                # Kept by this plugin across the rebuilds of ``mkdocs serve``, and on disk.
                self.cache = SourceCache.for_archive(Path(config.config_file_path).parent / CACHE_FOLDER, protocols)
            self.generated = self.preloaded or generate(protocols, cache=self.cache, site_url=self.site_url(config))
            if self.preview and self.cache is not None:
                self.cache.persist = False  # kept in memory while staff edit; written when serve stops
        except BuildFailed as exc:
            raise PluginError(messages.SOURCES_INVALID.format(report=str(exc))) from None
        for problem in self.generated.problems.warnings:
            log.warning(str(problem))
        self.pages = {page.src_uri: page for page in self.generated.pages}
        organisation = self.generated.archive.organisation
        config.site_name = safe(labels.SITE_NAME.format(organisation=organisation.name))
        config.site_description = safe(
            config.site_description or labels.SITE_DESCRIPTION.format(organisation=organisation.name)
        )
        for unresolved in self.generated.archive.unresolved:
            log.info(messages.UNRESOLVED_REFERENCE.format(**vars(unresolved)))
        if not config.site_url:
            log.info(messages.NO_SITE_URL)
        config.nav = [
            *({safe(label): src} for label, src in self.generated.navigation),
            {labels.ABOUT: self.config.about_page},
            {labels.STAFF_GUIDE: self.config.staff_guide},
        ]
        # Material names the list of a page's parts by the toc extension's title.
        config.mdx_configs.setdefault("toc", {})["title"] = labels.ON_THIS_PAGE
        # What the theme overrides (site_overrides/) show and link to.
        config.extra["arkiv"] = {
            "labels": {n: getattr(labels, n) for n in _HEADER_LABELS},
            "urls": {"feed": urls.feed_path(None), "search": urls.SEARCH_URL, "stylesheet": urls.STYLESHEET},
            "preview": self.preview_note if self.preview else "",
            # A phone's header has room for the short name ("Itsam") beside the search.
            "short_title": safe(organisation.short_name or organisation.name),
            # The footer of every page: who publishes, the accessibility statement, a contact.
            "footer": {
                "organisation": organisation.name,
                "contact": organisation.accessibility.contact,
                "accessibility": urls.url_of(urls.ACCESSIBILITY_PAGE),
                "accessibility_label": labels.ACCESSIBILITY,
                "contact_label": labels.FOOTER_CONTACT,
            },
        }
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        files = self._add_files(files, config)
        if self.parallel_outputs:
            # MkDocs has cleaned site/ by now; the outputs made from the archive alone do not
            # depend on the HTML, so a forked process writes them on the second core while pages build.
            self.outputs_process = multiprocessing.get_context("fork").Process(
                target=self.write_outputs_forked, args=(config,), daemon=True
            )
            # The archive is never collected while it is shared: a collector pass over it would
            # copy every page of the heap into each process (copy-on-write), here or there.
            gc.freeze()
            self.outputs_process.start()
        # Started after the fork: the forked process must not hold their pipes or threads.
        self.sinks = [output.pages(self.context(config)) for output in self.outputs() if output.pages]
        return files

    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.generated is not None
        generated = self.generated
        # A full build (and the first build of a preview) takes unchanged pages from the last
        # build; a preview's later builds render only what changed anyway (``plan``).
        self.rendered = None
        if not self.incremental or not self.built.digests:
            store = generated.rendered_store
            self.rendered = RenderedPages(store, generated.source_keys, generated.today, self.site_url(config))
            if self.incremental:
                self.rendered_at_start = self.rendered
        menu = {src: label for label, src in self.generated.navigation}
        plan = self.plan() if self.incremental else None
        for page in self.pages.values():
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                files.remove(existing)
            file = self.files_made.get(page.src_uri) if plan is not None else None
            if file is None:
                file = cast(ArchiveFile, ArchiveFile.generated(config, page.src_uri, content=""))
                if plan is not None:
                    self.files_made[page.src_uri] = file
            html = self.article(page)
            if plan is not None:
                file.modified, rendered = plan.get(page.src_uri, (False, None))
                if rendered is not None:
                    html = _given(rendered)
            ArchivePage(page, file, config, self.clock, menu.get(page.src_uri), html)  # MkDocs uses file.page
            files.append(file)
        # The signed PDFs, copied beside their meeting pages (the paths were checked on reading).
        protocols = self.protocols_dir(config)
        for meeting in self.generated.archive.meetings:
            if meeting.original:
                uri = urls.original_url(meeting)
                files.append(File.generated(config, uri, abs_src_path=str(protocols / meeting.original)))
            # Its handlingar under it: never one of a withheld paragraph, never a withheld one.
            for item in meeting.items:
                for document in item.published_documents:
                    uri = urls.document_path(meeting, document)
                    files.append(File.generated(config, uri, abs_src_path=str(protocols / document.file)))
        return files

    def plan(self) -> dict[str, tuple[bool, str | None]]:
        """For each page: whether it changed since the last preview build, and its HTML when it
        was rendered to find out. A page is rendered again only when it is new, shows a source
        that changed (before or now), or may show any; it counts as changed only when its HTML
        differs. A new build day, a changed menu or a first build rebuild everything."""
        assert self.generated is not None and self.cache is not None
        built, generated = self.built, self.generated
        everything = not built.digests or built.navigation != generated.navigation or built.today != generated.today
        changed = self.cache.changed
        plan: dict[str, tuple[bool, str | None]] = {}
        for uri, page in self.pages.items():
            before = built.depends.get(uri, frozenset())
            stale = (
                everything
                or uri not in built.digests
                or page.depends is None
                or before is None
                or not changed.isdisjoint(page.depends)
                or not changed.isdisjoint(before)
            )
            if not stale:
                continue
            html = self.article(page)()
            digest = hashlib.sha256(html.encode()).hexdigest()
            plan[uri] = (everything or built.digests.get(uri) != digest, html)
            built.digests[uri] = digest
        self.removed = [uri for uri in built.digests if uri not in self.pages]
        for uri in self.removed:
            del built.digests[uri]
        built.depends = {uri: page.depends for uri, page in self.pages.items()}
        built.navigation, built.today = list(generated.navigation), generated.today
        return plan

    def article(self, page: Page) -> Callable[[], str]:
        rendered = self.rendered
        if rendered is None:
            return page.render
        return lambda: rendered.html(page)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.fragments.clear()

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        env.globals["arkiv_cached"] = self.cached_fragment
        env.bytecode_cache = COMPILED_TEMPLATES  # the theme's templates compiled once per process
        return env

    def cached_fragment(self, part: str, folder: str, caller: Any) -> Any:
        """Page furniture shared by all generated pages of one folder, rendered once."""
        key = (part, folder)
        if key not in self.fragments:
            self.fragments[key] = caller()
        return self.fragments[key]

    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
        # Material prints titles and descriptions unescaped (its Jinja has no autoescape); they
        # come from sources, so they are escaped here, once, as Markup that "| e" leaves alone.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = safe(page.meta[key])
        # The staff guide lists every message and the whole vocabulary, so it is never stale.
        if MESSAGES_MARKER in markdown:
            markdown = markdown.replace(MESSAGES_MARKER, message_table())
        if VOCABULARY_MARKER in markdown:
            markdown = markdown.replace(VOCABULARY_MARKER, vocabulary_table())
        return markdown

    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        if self.sinks and isinstance(page, ArchivePage) and page.content:
            # Only the archive's pages are searchable, and all they show for search is in the
            # article: it goes alone, in a document of the site's language (a third of the bytes).
            language = config.theme["language"]
            document = f'<!DOCTYPE html><html lang="{language}"><head></head><body>{page.content}</body></html>'
            for sink in self.sinks:
                sink.add("/" + page.url, document)  # the URL Pagefind would give the page's file
        return output

    def outputs(self) -> list[Output]:
        """The outputs this build writes (``generator.site.outputs.OUTPUTS``): under a preview
        only those marked for it."""
        return [output for output in OUTPUTS if output.in_preview or not self.preview]

    def context(self, config: MkDocsConfig) -> OutputContext:
        assert self.generated is not None
        return OutputContext(self.generated.archive, self.site_url(config), self.generated.today)

    def write_outputs_forked(self, config: MkDocsConfig) -> None:
        gc.disable()  # a short-lived process that makes data, no cycles to collect
        os.nice(10)
        self.write_outputs(config)

    def write_outputs(self, config: MkDocsConfig) -> None:
        """Write the outputs made from the archive alone into the site."""
        context, site = self.context(config), Path(config.site_dir)
        for output in self.outputs():
            if output.write is not None:
                output.write(context, site)

    def _collect_after(self, build: int) -> None:
        if build == self.builds:  # not when the next build has begun
            gc.enable()

    def on_build_error(self, *, error: Exception) -> None:
        gc.enable()
        gc.unfreeze()
        if self.outputs_process is not None:  # its folder is about to be removed
            self.outputs_process.terminate()
            self.outputs_process.join()
            self.outputs_process = None
        for sink in self.sinks:
            sink.close()
        self.sinks = []

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.incremental:
            # Enabled now, the collector would take ~0.7 s over the archive before the page
            # staff wait for is shown; a moment later it runs while they read it.
            timer = threading.Timer(COLLECT_AFTER_S, self._collect_after, args=(self.builds,))
            timer.daemon = True
            timer.start()
        else:
            gc.enable()
        # A page the archive no longer has (a protocol removed) must not stay in the preview.
        for uri in self.removed:
            page = Path(config.site_dir) / urls.url_of(uri) / "index.html"
            page.unlink(missing_ok=True)
        self.removed = []
        if self.outputs_process is not None:
            self.outputs_process.join()
            gc.unfreeze()
            if self.outputs_process.exitcode != 0:
                raise PluginError(messages.DATA_FAILED)
            self.outputs_process = None
        else:
            self.write_outputs(config)
        # The rendered pages are kept for the next build while Pagefind writes its index (a
        # preview keeps its pages when it stops, ``on_shutdown``).
        saving = threading.Thread(target=self.rendered.save) if self.rendered and not self.incremental else None
        if saving is not None:
            saving.start()
        sinks, self.sinks = self.sinks, []
        try:
            for sink in sinks:  # what was made from the pages as they were built: the search index
                sink.finish(Path(config.site_dir))
        finally:
            if saving is not None:
                saving.join()

    def on_shutdown(self) -> None:
        if self.cache is not None and not self.cache.persist:
            self.cache.save()
        if self.rendered_at_start is not None:
            self.rendered_at_start.save()
        for observer in self.observers:
            observer.stop()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # Staff preview: a changed protocol rebuilds the site like a changed doc page. MkDocs
        # looks for changes by reading every watched folder twice a second; the protocols are
        # watched by the system's notifications instead (inotify on Linux, where there are
        # any), so a save is seen at once and 1,600 files are not read over and over.
        protocols = str(self.protocols_dir(config))
        if not _notifications_work(protocols):
            server.watch(protocols)  # MkDocs' reading, as for the docs
            return server
        notified = watchdog.observers.Observer()
        polling, server.observer = server.observer, notified
        try:
            server.watch(protocols)  # MkDocs' own handler, on that observer
        finally:
            server.observer = polling
        notified.start()
        self.observers.append(notified)
        return server


def _notifications_work(folder: str) -> bool:
    """Whether the system can notify about changes in ``folder`` (not, for one, when its limit
    on watched folders is reached)."""
    trial = watchdog.observers.Observer()
    try:
        trial.schedule(watchdog.events.FileSystemEventHandler(), folder, recursive=True)
        trial.start()
    except OSError:
        return False
    trial.stop()
    trial.join()
    return True
