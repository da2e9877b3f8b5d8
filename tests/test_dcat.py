"""The open-data catalogue as the national data portal's harvester checks it: DCAT-AP 3.0.1's SHACL
shapes (pyshacl) and DCAT-AP-SE's mandatory properties, on the Testmark site and the small
synthetic archive, both built with a site address and an organisation number."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, FOAF, RDF

from tests.conftest import BUILD_DAY, TESTMARK, build_site
from tests.htmlcheck import Page
from tests.validators import dcat_ap_shacl

DCAT = Namespace("http://www.w3.org/ns/dcat#")

# DCAT-AP-SE 3.0.1 (25 November 2024, the profile of DCAT-AP 3): the properties with a minimum
# cardinality of 1 on the classes our catalogue has (it has no dcat:DataService). 2.2.0 asks the
# same but the agent's dcterms:type.
MANDATORY = {
    DCAT.Catalog: (DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCTERMS.license, DCAT.dataset),
    DCAT.Dataset: (DCTERMS.title, DCTERMS.description, DCTERMS.publisher),
    DCAT.Distribution: (DCAT.accessURL, DCTERMS["format"]),
    FOAF.Agent: (FOAF.name, DCTERMS.type),
}


def dcat_ap_se_missing(catalogue: Path) -> list[str]:
    """What DCAT-AP-SE makes mandatory and ``catalogue`` lacks, as "subject: property"."""
    graph = Graph().parse(catalogue, format="xml")
    missing = [
        f"{subject}: {prop}"
        for kind, properties in MANDATORY.items()
        for subject in graph.subjects(RDF.type, kind)
        for prop in properties
        if graph.value(subject, prop) is None
    ]
    # Each publisher is an agent described here, so that its own mandatory properties are checked.
    missing += [
        f"{agent}: not a foaf:Agent"
        for agent in set(graph.objects(None, DCTERMS.publisher))
        if (agent, RDF.type, FOAF.Agent) not in graph
    ]
    for kind in (DCAT.Catalog, DCAT.Dataset, DCAT.Distribution):
        if next(graph.subjects(RDF.type, kind), None) is None:
            missing.append(f"no {kind}")
    return missing


@pytest.fixture(scope="module")
def catalogues(tmp_path_factory: pytest.TempPathFactory, synth_small: tuple[Path, Path]) -> list[Path]:
    site = tmp_path_factory.mktemp("testmark-addressed") / "site"
    testmark = build_site(TESTMARK, site, "--site-url", "https://arkiv.example.org/", today=BUILD_DAY)
    return [testmark / "datasets" / "dcat", synth_small[1] / "datasets" / "dcat"]


def test_the_catalogue_passes_the_dcat_ap_3_shapes(catalogues: list[Path]) -> None:
    for catalogue in catalogues:
        assert dcat_ap_shacl(catalogue) == [], catalogue


def test_the_catalogue_has_every_property_dcat_ap_se_makes_mandatory(catalogues: list[Path]) -> None:
    for catalogue in catalogues:
        assert dcat_ap_se_missing(catalogue) == [], catalogue


def test_both_checks_report_a_defect_put_back(catalogues: list[Path], tmp_path: Path) -> None:
    """The checks have teeth: a distribution without its format, a contact point without the class
    DCAT-AP gives it, a publisher without its name."""
    text = catalogues[0].read_text(encoding="utf-8")
    defects = {
        "format": (text.replace("<dcterms:format ", "<dcterms:source "), dcat_ap_se_missing, "terms/format"),
        "contact": (text.replace("2006/vcard/ns#Kind", "2006/vcard/ns#Individual"), dcat_ap_shacl, "contactPoint"),
        "name": (
            text.replace("<foaf:name ", "<foaf:nick ").replace("</foaf:name>", "</foaf:nick>"),
            dcat_ap_shacl,
            "name",
        ),
    }
    for key, (broken, check, expected) in defects.items():
        path = tmp_path / key
        path.write_text(broken, encoding="utf-8")
        report = check(path)
        assert report and all(expected in line for line in report), (key, report)


def test_the_open_data_page_says_what_the_catalogue_needs(testmark_site: Path) -> None:
    text = " ".join(Page(testmark_site, "oppna-data/").text.split())
    assert "DCAT-AP-SE" in text and "webbplatsens adress och organisationens organisationsnummer" in text
