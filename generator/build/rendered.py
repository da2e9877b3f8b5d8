"""The article HTML of earlier builds, so that a build renders only the pages whose makings changed.

A page's HTML is made from the meetings it shows (``Page.depends``), the build day and the site's
address, by the generator's code and templates (with Jinja and Python-Markdown). Its key is a
digest of exactly that: the cache keys of those sources (each already the file's SHA-256 with
``organisation.yaml``, the generator's code and templates and the original PDF's stat), the day,
the address, the two libraries' versions and the page. A page that may show any meeting (an
index, the start page) has no key and is always rendered. The store lies beside the cache of read
sources and is signed the same way; it keeps only the pages of the last build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import jinja2
import markdown

from generator.readers.cache import load_signed, save_signed
from generator.site.pages import Page


class RenderedPages:
    def __init__(self, store: Path | None, source_keys: Mapping[str, str], today: date, site_url: str) -> None:
        self.store = store
        self.source_keys = source_keys
        # The libraries that turn the model into HTML count too: an upgrade renders anew.
        self.context = f"{today.isoformat()}\0{site_url}\0{jinja2.__version__}\0{markdown.__version__}"
        earlier = load_signed(store) if store is not None else None
        self.earlier: dict[str, str] = earlier if isinstance(earlier, dict) else {}
        self.now: dict[str, str] = {}  # the pages of this build, by key
        self.rendered = 0  # pages rendered anew (the rest came from the store)

    def key(self, page: Page) -> str | None:
        if page.depends is None:
            return None
        try:
            sources = [f"{source}\0{self.source_keys[source]}" for source in sorted(page.depends)]
        except KeyError:
            return None  # read without the cache: nothing to know it by
        text = "\n".join([page.src_uri, self.context, *sources])
        return hashlib.sha256(text.encode()).hexdigest()

    def html(self, page: Page) -> str:
        """The page's article HTML: from the store when nothing it is made from changed."""
        key = self.key(page)
        if key is not None and key in self.earlier:
            html = self.now[key] = self.earlier[key]
            return html
        html = page.render()
        self.rendered += 1
        if key is not None:
            self.now[key] = html
        return html

    def save(self) -> None:
        """Keep this build's pages for the next, when they differ from what is stored."""
        if self.store is not None and self.now.keys() != self.earlier.keys():
            save_signed(self.store, self.now)
            self.earlier = dict(self.now)
