"""Small helpers for asserting on built HTML with the standard library's parser."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


class Page:
    def __init__(self, site: Path, url: str) -> None:
        self.path = site / url / "index.html" if not url.endswith(".html") else site / url
        self.url = url
        self.html = self.path.read_text(encoding="utf-8")
        collector = _Collector()
        collector.feed(self.html)
        self.links = collector.links
        self.ids = collector.ids
        self.text = " ".join(" ".join(collector.text).split())

    def targets(self, links: list[str] | None = None) -> list[str]:
        """The links resolved to URLs from the site root, like ``direktionen/2023-10-26/#paragraf-71``."""
        out = []
        for link in self.links if links is None else links:
            path, anchor = _resolve(self.url, link)
            out.append((path + "/" if path and not path.endswith(".html") else path) + (f"#{anchor}" if anchor else ""))
        return out

    @staticmethod
    def links_in(html: str) -> list[str]:
        collector = _Collector()
        collector.feed(html)
        return collector.links

    def links_to(self, fragment: str) -> list[str]:
        return [link for link in self.links if fragment in link]


def _resolve(page_url: str, link: str) -> tuple[str, str]:
    path, _, anchor = link.partition("#")
    path = path.partition("?")[0]  # "?utdrag=71": the same static page, shown otherwise by its script
    target = posixpath.normpath(posixpath.join(page_url, path)) if path else page_url.rstrip("/")
    return ("" if target == "." else target.strip("/")), anchor


def broken_links(site: Path) -> tuple[int, list[str]]:
    """Every internal link and #anchor in the built site: (links checked, the broken ones)."""
    pages: dict[str, Page] = {}
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        url = relative.removesuffix("index.html") if path.name == "index.html" else relative
        pages[url.rstrip("/")] = Page(site, url)
    checked, broken = 0, []
    for url, page in pages.items():
        base = url + "/" if url and not url.endswith(".html") else url
        for link in page.links:
            if link.startswith(("http://", "https://", "mailto:")):
                continue
            checked += 1
            target, anchor = _resolve(base, link)
            found = pages.get(target.removesuffix("/index.html").removesuffix("index.html").rstrip("/"))
            if not anchor and (site / target).is_file():
                continue  # a feed, calendar or data file
            if found is None or (anchor and anchor not in found.ids):
                broken.append(f"{url or '/'}: {link}")
    return checked, broken
