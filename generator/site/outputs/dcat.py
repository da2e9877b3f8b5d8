"""The DCAT-AP-SE catalogue of the open data (öppna datalagen): the data sets, their files and
licence, published by the organisation identified by its organisation number, as RDF/XML at
/datasets/dcat where the national data portal harvests it.

Every resource has an absolute URI (no blank nodes), so the catalogue is written only when the
site's address (site_url) and the organisation number (organisationsnummer) are known.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.site import labels, urls
from generator.site.outputs.base import OutputContext, files_output

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}
LICENCE = "http://creativecommons.org/publicdomain/zero/1.0/"
SWEDISH = "http://publications.europa.eu/resource/authority/language/SWE"
GOVERNMENT = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
PUBLIC = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
# The publisher's kind (dcterms:type, mandatory on an agent in DCAT-AP-SE 3): the bodies this
# archive serves are kommuner and kommunalförbund, local authorities in ADMS' vocabulary.
LOCAL_AUTHORITY = "http://purl.org/adms/publishertype/LocalAuthority"
# Each file's format as DCAT-AP asks: dcterms:format from the EU's file-type authority table
# (mandatory in DCAT-AP-SE) and dcat:mediaType as an IANA media type IRI (DCAT-AP 3).
FORMATS = {
    "json": ("http://publications.europa.eu/resource/authority/file-type/JSON", "application/json"),
    "csv": ("http://publications.europa.eu/resource/authority/file-type/CSV", "text/csv"),
}
IANA = "http://www.iana.org/assignments/media-types/"

for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _node(parent: ET.Element, kind: str, about: str) -> ET.Element:
    return ET.SubElement(parent, _q(kind), {_q("rdf:about"): about})


def _text(parent: ET.Element, name: str, text: str, language: bool = True) -> None:
    element = ET.SubElement(parent, _q(name))
    element.text = text
    if language:
        element.set("{http://www.w3.org/XML/1998/namespace}lang", "sv")


def _link(parent: ET.Element, name: str, uri: str) -> None:
    ET.SubElement(parent, _q(name), {_q("rdf:resource"): uri})


def catalogue(context: OutputContext) -> str:
    org = context.archive.organisation
    site = context.site_url

    def uri(path: str) -> str:
        return urls.absolute(site, path)

    page = uri(urls.url_of(urls.OPEN_DATA_PAGE))  # the open-data page, where the data sets are described
    root = ET.Element(_q("rdf:RDF"))
    publisher = f"http://dataportal.se/organisation/SE{org.organisation_number.replace('-', '')}"
    agent = _node(root, "foaf:Agent", publisher)
    _text(agent, "foaf:name", org.name)
    _text(agent, "dcterms:identifier", org.organisation_number, language=False)
    _link(agent, "dcterms:type", LOCAL_AUTHORITY)
    catalog = _node(root, "dcat:Catalog", uri(urls.DCAT_CATALOGUE))
    _text(catalog, "dcterms:title", labels.DCAT_TITLE.format(organisation=org.name))
    _text(catalog, "dcterms:description", labels.DCAT_DESCRIPTION.format(organisation=org.name))
    _link(catalog, "dcterms:publisher", publisher)
    _link(catalog, "dcterms:language", SWEDISH)
    _link(catalog, "dcterms:license", LICENCE)
    _link(catalog, "foaf:homepage", page)
    # Our own resources carry the classes DCAT-AP 3 gives their properties' ranges, so that a
    # harvester need not load the FOAF and vCard ontologies to know them.
    _node(root, "foaf:Document", page)
    contact = None
    if org.registrar:
        contact = _node(root, "vcard:Organization", page + "#kontakt")
        _link(contact, "rdf:type", NS["vcard"] + "Kind")  # Organization is a Kind only in the vCard ontology
        _text(contact, "vcard:fn", org.name)
        _link(contact, "vcard:hasEmail", f"mailto:{org.registrar}")
    for key, path in urls.DATASETS:
        title, description = labels.DCAT_DATASETS[key]
        dataset_uri = page + f"#{key}"
        _link(catalog, "dcat:dataset", dataset_uri)
        dataset = _node(root, "dcat:Dataset", dataset_uri)
        _text(dataset, "dcterms:title", title)
        _text(dataset, "dcterms:description", description)
        _link(dataset, "dcterms:publisher", publisher)
        _link(dataset, "dcat:theme", GOVERNMENT)
        _link(dataset, "dcterms:accessRights", PUBLIC)
        if contact is not None:
            _link(dataset, "dcat:contactPoint", contact.get(_q("rdf:about")) or "")
        distribution_uri = uri(path)
        _link(dataset, "dcat:distribution", distribution_uri)
        distribution = _node(root, "dcat:Distribution", distribution_uri)
        _text(distribution, "dcterms:title", title)
        _link(distribution, "dcat:accessURL", distribution_uri)
        _link(distribution, "dcat:downloadURL", distribution_uri)
        file_type, media_type = FORMATS[path.rsplit(".", 1)[-1]]
        _link(distribution, "dcterms:format", file_type)
        _link(distribution, "dcat:mediaType", IANA + media_type)
        _link(distribution, "dcterms:license", LICENCE)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def files(context: OutputContext) -> dict[str, str]:
    org = context.archive.organisation
    if not context.site_url or not org.organisation_number:
        return {}  # absolute URIs and the publisher's number are required: no catalogue without them
    return {urls.DCAT_CATALOGUE: catalogue(context)}


OUTPUT = files_output("dcat", files)
