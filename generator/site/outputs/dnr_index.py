"""The dnr index the search box reads: one small JSON file per diarium year.

Each maps a serial number to its cases as [prefix, case URL, dnr, title], so a dnr lookup
fetches only the file of its year, a few kilobytes even in a large archive.
"""

from __future__ import annotations

import json

from generator.site import urls
from generator.site.outputs.base import OutputContext, files_output


def files(context: OutputContext) -> dict[str, str]:
    years: dict[int, dict[str, list[list[str]]]] = {}
    for case in context.archive.cases.values():
        entry = [case.dnr.prefix, urls.case_url(case.dnr), str(case.dnr), case.title]
        years.setdefault(case.dnr.year, {}).setdefault(str(case.dnr.serial), []).append(entry)
    return {
        urls.dnr_index_path(year): json.dumps(serials, ensure_ascii=False, separators=(",", ":"))
        for year, serials in years.items()
    }


# Small, and what the search box needs to find a case by its dnr: written in the preview too.
OUTPUT = files_output("dnr-index", files, in_preview=True)
