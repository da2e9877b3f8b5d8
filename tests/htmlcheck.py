"""Small helpers for asserting on built HTML with the standard library's parser."""

from __future__ import annotations

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

    def links_to(self, fragment: str) -> list[str]:
        return [link for link in self.links if fragment in link]
