"""The reference validators installed from the registries (`make validators`: npm packages in
tests/validators/, Java from Debian), as the tests call them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent / "validators"
MODULES = HERE / "node_modules"


def _require(tool: str, path: Path | None = None) -> None:
    if shutil.which(tool) is None or (path is not None and not path.exists()):
        pytest.fail(f"{tool} or {path} is missing: run `make validators` (make test does)")


def ical_js(calendar: Path) -> dict[str, Any]:
    """What ical.js (2.2.1, the parser of many web calendars) reads: every event's start and end in UTC."""
    _require("node", MODULES / "ical.js")
    result = subprocess.run(
        ["node", HERE / "ical_utc.mjs", calendar], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


VNU = MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Messages about Material for MkDocs' own markup, which we do not write, each with its reason.
MATERIAL_OWN = (
    # base.html: its drawer and search toggles are checkboxes with autocomplete="off" (a Firefox
    # workaround that keeps a toggle's state from being restored on back navigation).
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
)


def nu_html_checker(*sites: Path) -> list[str]:
    """The Nu HTML Checker's errors over every HTML page of ``sites``, as "file:line: message",
    without Material's own (listed above)."""
    _require("java", VNU)
    result = subprocess.run(
        ["java", "-jar", VNU, "--skip-non-html", "--errors-only", "--format", "json", *sites],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads(result.stderr or '{"messages": []}')
    found = []
    for message in report["messages"]:
        text, extract = message.get("message", ""), message.get("extract", "")
        if any(text.startswith(start) and marker in extract for start, marker in MATERIAL_OWN):
            continue
        found.append(f"{message.get('url', '')}:{message.get('lastLine', 0)}: {text}")
    return found


SHAPES = Path(__file__).resolve().parent / "fixtures" / "dcat-ap-shacl"
SHACL = "http://www.w3.org/ns/shacl#"

# Range shapes whose value is a term of a vocabulary someone else publishes: its class is stated
# only there (range.ttl expects imports.ttl and mdr_imports.ttl to load them), and the tests run
# offline. Each with the reason; our own resources are checked in full.
NOT_LOADED = (
    # The EU's authority tables (file types, languages, data themes, access rights).
    "http://publications.europa.eu/resource/authority/",
    # ADMS' publisher types (the agent's dcterms:type), concepts of the ADMS vocabulary.
    "http://purl.org/adms/publishertype/",
    # IANA's media types, which are typed dct:MediaType by no published RDF at all.
    "http://www.iana.org/assignments/media-types/",
    # Creative Commons' licences, described by Creative Commons' own RDF.
    "http://creativecommons.org/licenses/",
    "http://creativecommons.org/publicdomain/",
)


def dcat_ap_shacl(catalogue: Path) -> list[str]:
    """pyshacl's violations of the DCAT-AP 3.0.1 shapes (shapes.ttl: existence, literals,
    cardinalities; range.ttl: the classes of objects) over the RDF/XML ``catalogue``, as
    "focus path value: message", without ranges on vocabularies not loaded (listed above)."""
    from pyshacl import validate
    from rdflib import Graph, URIRef

    data = Graph().parse(catalogue, format="xml")
    found = []
    for name in ("shapes.ttl", "range.ttl"):
        _, report, _ = validate(data, shacl_graph=Graph().parse(SHAPES / name, format="turtle"), inference="none")
        for result in report.subjects(URIRef(SHACL + "resultSeverity"), URIRef(SHACL + "Violation")):
            focus, path, value, message = (
                report.value(result, URIRef(SHACL + key))
                for key in ("focusNode", "resultPath", "value", "resultMessage")
            )
            if name == "range.ttl" and str(value).startswith(NOT_LOADED):
                continue
            found.append(f"{name}: {focus} {path} {value}: {message}")
    return sorted(found)


LIGHTHOUSE = MODULES / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"  # Debian's; Lighthouse never downloads a browser (CHROME_PATH)
SCORED = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(url: str) -> dict[str, Any]:
    """Lighthouse's report on ``url`` (a phone, simulated throttling, its defaults), in headless Chromium."""
    _require("node", LIGHTHOUSE)
    result = subprocess.run(
        [
            LIGHTHOUSE,
            url,
            "--quiet",
            "--output=json",
            f"--only-categories={','.join(SCORED)}",
            "--chrome-flags=--headless=new --no-sandbox",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def lighthouse_scores(report: dict[str, Any]) -> dict[str, float]:
    return {key: report["categories"][key]["score"] for key in SCORED}


def lighthouse_failures(report: dict[str, Any], category: str) -> list[str]:
    """The audits that cost ``category`` points, as "id: title"."""
    audits = report["audits"]
    return [
        f"{ref['id']}: {audits[ref['id']]['title']}"
        for ref in report["categories"][category]["auditRefs"]
        if ref.get("weight") and audits[ref["id"]].get("score") is not None and audits[ref["id"]]["score"] < 1
    ]
