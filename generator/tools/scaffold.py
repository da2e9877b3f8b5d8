"""``arkiv new``: a YAML meeting to fill in, with the body's people already listed.

The people are those of the body's latest meeting in the archive (without their paragraph
ranges), or, for a body without meetings, everyone in the roster. The title of the paragraph
is left empty on purpose: the file does not validate, and so cannot be published, until staff
have written the protocol.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from generator import messages
from generator.index import build_archive
from generator.model import Meeting
from generator.model.deadlines import appeal_deadline
from generator.problems import Problems
from generator.readers.sources import read_sources
from generator.readers.yaml_format import dump_data, to_data
from generator.site import urls


class ScaffoldError(Exception):
    pass


def scaffold(protocols: Path, body_slug: str, day: date) -> Path:
    problems = Problems()
    sources = read_sources(protocols, problems, reserved=urls.RESERVED_SLUGS)
    if sources is None:
        raise ScaffoldError(problems.report())
    body = sources.organisation.body(body_slug)
    if body is None:
        raise ScaffoldError(messages.UNKNOWN_BODY.format(body=body_slug))
    target = protocols / body.slug / f"{day.isoformat()}.yaml"
    if target.exists() or target.with_suffix(".md").exists():
        raise ScaffoldError(messages.SCAFFOLD_EXISTS.format(path=target))
    archive = build_archive(sources.organisation, sources.meetings)
    latest: Meeting | None = next(iter(archive.by_body.get(body.slug, [])), None)
    attendance: list[dict[str, Any]]
    if latest is not None:
        attendance = [{k: v for k, v in a.items() if k != "paragrafer"} for a in to_data(latest).get("närvaro", [])]
    else:
        attendance = [
            {"namn": p.name, "grupp": "beslutande", **({"kommun": p.municipality} if p.municipality else {})}
            for p in sources.organisation.persons
        ]
    posted = day  # staff set the real day the notice goes up
    data: dict[str, Any] = {
        "organ": body.slug,
        "datum": day.isoformat(),
        "plats": latest.place if latest else "",
        "start": "09:00",
        "slut": "12:00",
        "närvaro": attendance,
        "justering": {
            "justerare": [],
            "plats_och_tid": "",
            "underskrifter": [{"roll": "Sekreterare", "namn": ""}, {"roll": "Ordförande", "namn": ""}],
            "paragrafer": "1-1",
        },
        "anslag": {
            "text": "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
            "uppsatt": posted.isoformat(),
            "nedtaget": appeal_deadline(posted).isoformat(),
            "förvaringsplats": sources.organisation.short_name,
        },
        "paragrafer": [
            {
                "paragraf": 1,
                "rubrik": "",
                "dnr": [],
                "beslut": f"{body.name} beslutar att ...",
                "avsnitt": [{"rubrik": "Sammanfattning av ärendet", "text": ""}],
                "beslutsunderlag": [],
                "beslutsexpediering": ["Akt"],
            }
        ],
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dump_data(data), encoding="utf-8")
    return target
