"""Running Pagefind over a built site: the full-text index the search page queries."""

from __future__ import annotations

import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from pagefind_bin import get_executable

from generator import messages
from generator.site import urls
from generator.site.outputs.base import Output, OutputContext


def index_site(site: Path) -> None:
    """Write ``site/pagefind/``: only elements marked ``data-pagefind-body`` are indexed."""
    result = subprocess.run(
        [str(get_executable()), "--site", str(site), "--output-subdir", urls.SEARCH_INDEX_DIR, "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise PluginError(messages.SEARCH_INDEX_FAILED.format(output=(result.stdout + result.stderr).strip()))


def write(context: OutputContext, site: Path) -> None:
    index_site(site)


OUTPUT = Output("search-index", write, after_pages=True)
