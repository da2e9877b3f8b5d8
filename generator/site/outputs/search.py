"""Pagefind's full-text index of the built pages, the index the search page queries.

Each page goes to Pagefind as MkDocs writes it, so Pagefind indexes on the second core while the
other pages are built; the index is written once the last page is in. Swedish stemming comes
from ``<html lang="sv">``. Each published handling with a text layer is a record of its own (its
pages' text, its title, the § 's body, date and dnr), found at the handling's address; a
withheld one, or one of a withheld §, never reaches the index.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from generator import messages
from generator.index import Archive
from generator.site import labels, urls
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

    def add_documents(self, archive: Archive) -> None:
        """Every published handling with a text layer, as a record of its own."""
        for meeting in archive.meetings:
            body = archive.body(meeting.body).name
            day = meeting.date.isoformat()
            for item in meeting.items:
                for document in item.published_documents:
                    if document.pages is None:
                        continue  # no text layer: published, marked "ej sökbar" on its §
                    meta = {
                        "title": document.title,
                        "organ": body,
                        "datum": day,
                        "paragraf": labels.DOCUMENT_OF.format(paragraph=f"§ {item.number} {item.title}"),
                        # The §, relative to the handling: handlingar/fil.pdf -> ../#paragraf-71
                        "paragraf_lank": urls.relative(
                            urls.document_url(meeting, document), urls.item_url(meeting, item.anchor)
                        ),
                    }
                    if item.dnr:
                        meta["dnr"] = ", ".join(str(d) for d in item.dnr)
                    filters = {
                        "organ": [body],
                        "år": [str(meeting.date.year)],
                        "typ": [labels.KIND_DOCUMENT],
                    }
                    content = "\n".join((document.title, *document.pages))
                    try:
                        self.service.add_record(
                            "/" + urls.document_url(meeting, document), content, meta, filters, {"datum": day}
                        )
                    except PagefindFailed as exc:
                        self.close()
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
    index = SearchIndex()
    index.add_documents(context.archive)
    return index


OUTPUT = Output("search-index", pages=start)
