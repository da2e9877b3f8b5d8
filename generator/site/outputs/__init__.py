"""Every non-HTML output of the site, as one list.

Adding an output is one module in this package that defines ``OUTPUT`` and one line here.
The build writes the outputs that need only the archive while MkDocs renders the pages, and
hands each built page to the ones made from the pages (the search index).
"""

from __future__ import annotations

from generator.site.outputs import calendars, dcat, dnr_index, feeds, follow, oparl, open_data, schemas, search
from generator.site.outputs.base import Output, OutputContext, PageSink

OUTPUTS: tuple[Output, ...] = (
    open_data.OUTPUT,
    feeds.OUTPUT,
    follow.OUTPUT,
    calendars.OUTPUT,
    schemas.OUTPUT,
    dcat.OUTPUT,
    oparl.OUTPUT,
    dnr_index.OUTPUT,
    search.OUTPUT,
)

__all__ = ["OUTPUTS", "Output", "OutputContext", "PageSink"]
