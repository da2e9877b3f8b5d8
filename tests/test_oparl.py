"""The static OParl 1.1 endpoint: every object, in its own file, in the lists and embedded in
others, validates against the official OParl 1.1 JSON Schemas (vendored with their licence); the
lists are walked as a client walks them, from the System, by their links."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from tests.conftest import BUILD_DAY, TESTMARK, build_site

SCHEMAS = Path(__file__).resolve().parent / "fixtures" / "oparl-schema"
SITE_URL = "https://arkiv.example.org/"
# Objects embedded in others, by property, and their type.
EMBEDDED = {
    "agendaItem": "AgendaItem",
    "location": "Location",
    "verbatimProtocol": "File",
    "auxiliaryFile": "File",
    "consultation": "Consultation",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(TESTMARK, tmp_path_factory.mktemp("oparl") / "site", "--site-url", SITE_URL, today=BUILD_DAY)


def load(site: Path, url: str) -> dict[str, Any]:
    assert url.startswith(SITE_URL), url
    data: dict[str, Any] = json.loads((site / url.removeprefix(SITE_URL)).read_text(encoding="utf-8"))
    return data


def objects(data: dict[str, Any]) -> list[dict[str, Any]]:
    """``data`` and every OParl object embedded in it, recursively."""
    found = [data]
    for key, kind in EMBEDDED.items():
        value = data.get(key)
        for child in value if isinstance(value, list) else [value] if isinstance(value, dict) else []:
            assert child["type"] == f"https://schema.oparl.org/1.1/{kind}"
            found += objects(child)
    return found


def validate(data: dict[str, Any]) -> None:
    kind = data["type"].removeprefix("https://schema.oparl.org/1.1/")
    schema = json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8"))
    errors = [error.message for error in Draft4Validator(schema).iter_errors(data)]
    assert errors == [], (data["id"], errors)
    assert data["id"].startswith(SITE_URL)  # an absolute URL


def walk(site: Path, first: str) -> list[dict[str, Any]]:
    """Every element of a paginated list, following its next links."""
    elements: list[dict[str, Any]] = []
    url: str | None = first
    while url:
        page = load(site, url)
        elements += page["data"]
        url = page["links"].get("next")
    return elements


def test_every_object_validates_against_the_official_schemas(site: Path) -> None:
    system = load(site, SITE_URL + "oparl/system.json")
    validate(system)
    bodies = walk(site, system["body"])
    assert [b["name"] for b in bodies] == ["Kommunalförbundet Testmark"]
    checked = 0
    for body in bodies:
        validate(body)
        assert load(site, body["id"]) == body
        for key in ("organization", "person", "meeting", "paper"):
            for element in walk(site, body[key]):
                for data in objects(element):
                    validate(data)
                    checked += 1
                assert load(site, element["id"]) == element  # each object is also served at its id
    assert checked > 20


def test_meetings_and_papers_carry_the_archive(site: Path) -> None:
    body = load(site, SITE_URL + "oparl/body.json")
    meetings = {m["name"]: m for m in walk(site, body["meeting"])}
    meeting = meetings["Direktionen 2022-05-10"]
    held = meetings["Direktionen 2022-03-15"]
    assert held["start"] == "2022-03-15T13:00:00+01:00" and held["location"]["description"]
    items = {i["number"]: i for i in meeting["agendaItem"]}
    assert items["20"]["name"] == "Ny gemensam e-tjänsteplattform" and items["20"]["public"]
    assert items["21"]["public"] is False and "resolutionText" not in items["21"]  # withheld: no text
    assert all(p.startswith(SITE_URL + "oparl/person/") for p in meeting["participant"])
    papers = {p["reference"]: p for p in walk(site, body["paper"])}
    paper = papers["TESTM 2022/14"]
    assert [c["meeting"] for c in paper["consultation"]][-1] == meeting["id"]
    assert paper["web"] == SITE_URL + "arenden/testm-2022-14/"


def test_no_endpoint_without_absolute_urls(tmp_path: Path) -> None:
    assert not (build_site(TESTMARK, tmp_path / "site", today=BUILD_DAY) / "oparl").exists()


NON_EMBEDDED_LISTS = ("organization", "person", "meeting", "paper")


def _every_object(site: Path) -> list[dict[str, Any]]:
    system = load(site, SITE_URL + "oparl/system.json")
    body = walk(site, system["body"])[0]
    return [system, body, *(element for key in NON_EMBEDDED_LISTS for element in walk(site, body[key]))]


def test_every_object_has_created_and_modified_from_its_sources(site: Path, tmp_path: Path) -> None:
    """OParl 1.1 requires ``created`` and ``modified`` on every non-embedded object; harvesters
    sync by them, so they must come from the sources (stable between builds) and move with a
    rättelse, not with the build."""
    objects_now = _every_object(site)
    assert len(objects_now) > 10
    for data in objects_now:
        created, modified = (datetime.fromisoformat(data[key]) for key in ("created", "modified"))
        assert created.tzinfo is not None and created <= modified, data["id"]
    system = objects_now[0]
    assert system["product"].startswith(SITE_URL)  # a URL, as the specification asks
    meetings = {m["name"]: m for m in objects_now if m["type"].endswith("/Meeting")}
    assert meetings["Direktionen 2022-05-10"]["created"].startswith("2022-05-16")  # its anslag
    # Another build on another day, with a rättelse in one protocol.
    protocols = tmp_path / "protocols"
    shutil.copytree(TESTMARK, protocols)
    source = protocols / "direktionen" / "2022-05-10.yaml"
    source.write_text(
        source.read_text(encoding="utf-8") + "rättelser:\n  - {datum: 2022-06-20, skäl: Fel årtal i § 20.}\n",
        encoding="utf-8",
    )
    later = build_site(protocols, tmp_path / "site", "--site-url", SITE_URL, today="2023-01-09")
    by_id = {d["id"]: d for d in _every_object(later)}
    changed = {d["id"] for d in objects_now if by_id[d["id"]]["modified"] != d["modified"]}
    corrected = meetings["Direktionen 2022-05-10"]["id"]
    assert corrected in changed and by_id[corrected]["modified"].startswith("2022-06-20")
    assert by_id[corrected]["created"] == meetings["Direktionen 2022-05-10"]["created"]
    unchanged = [d for d in objects_now if "2022-03" in d.get("name", "") and d["type"].endswith("/Meeting")]
    assert unchanged and all(by_id[d["id"]]["modified"] == d["modified"] for d in unchanged)
