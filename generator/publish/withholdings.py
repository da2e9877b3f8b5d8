"""What each kept build withholds, so that a rollback never puts withheld text back online.

A build's open data lists every withheld paragraph, part and handling with its ground (never its
text): read from there, the builds need no record of their own. A rollback to a build that
publishes a paragraph, part or handling that a later build withholds is refused, with the
paragraphs named.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.site.urls import DATA_DIR

Withholding = tuple[str, str, str]  # (meeting's data file, paragraph number, part's heading or "")


def withheld_in(site: Path) -> set[Withholding]:
    """Every withholding that ``site`` publishes."""
    found: set[Withholding] = set()
    meetings = site / DATA_DIR / "moten"
    for path in sorted(meetings.rglob("*.json")) if meetings.is_dir() else []:
        try:
            items = json.loads(path.read_text(encoding="utf-8")).get("agendaItem", [])
        except (OSError, ValueError, AttributeError):
            continue  # not a meeting's data file: it withholds nothing
        meeting = path.relative_to(meetings).with_suffix("").as_posix()
        for item in items:
            number = str(item.get("number", ""))
            if "withheld" in item:
                found.add((meeting, number, ""))
            found |= {(meeting, number, str(s.get("heading", ""))) for s in item.get("sections", []) if "withheld" in s}
            # A handling withheld on its own: its file must not come back with an older build.
            found |= {
                (meeting, number, f"handling {f.get('name', '')}")
                for f in item.get("auxiliaryFile", [])
                if isinstance(f, dict) and "withheld" in f
            }
    return found


def published_again(target: Path, later: list[Path]) -> list[Withholding]:
    """The withholdings of the ``later`` sites that the site ``target`` would publish in full: of
    meetings it has, paragraphs or parts it has without their withholding."""
    kept = withheld_in(target)
    meetings = target / DATA_DIR / "moten"
    lost = set().union(*(withheld_in(site) for site in later)) - kept
    return sorted(
        (meeting, number, part)
        for meeting, number, part in lost
        if (meetings / f"{meeting}.json").is_file() and (meeting, number, "") not in kept
    )
