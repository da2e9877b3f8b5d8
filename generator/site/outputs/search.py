"""Pagefind's full-text index of the built pages, the index the search page queries.

Each page goes to Pagefind as MkDocs writes it, so Pagefind indexes on the second core while the
other pages are built; the index is written once the last page is in. Swedish stemming comes
from ``<html lang="sv">``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from generator import messages
from generator.site import urls
from generator.site.outputs.base import Output, OutputContext, PageSink
from generator.site.outputs.pagefind_service import PagefindFailed, PagefindService

# Only what a page marks for search is indexed; a page without the mark is left out (Pagefind's
# own rule once any page has it), so it is not sent at all.
SEARCHABLE = "data-pagefind-body"


class SearchIndex:
    def __init__(self) -> None:
        try:
            self.service = PagefindService()
        except (OSError, PagefindFailed) as exc:
            raise _failed(exc) from None

    def add(self, url: str, html: str) -> None:
        if SEARCHABLE in html:
            try:
                self.service.add(url, html)
            except PagefindFailed as exc:
                self.close()
                raise _failed(exc) from None

    def finish(self, site: Path) -> None:
        try:
            self.service.write(site / urls.SEARCH_INDEX_DIR)
        except PagefindFailed as exc:
            raise _failed(exc) from None
        finally:
            self.close()

    def close(self) -> None:
        self.service.close()


def _failed(cause: Exception) -> PluginError:
    return PluginError(messages.SEARCH_INDEX_FAILED.format(output=cause))


def start(context: OutputContext) -> PageSink:
    return SearchIndex()


OUTPUT = Output("search-index", pages=start)
