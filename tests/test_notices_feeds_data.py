"""Anslagstavla, Atom feeds, iCalendar files and open data, on the fictional Testmark site."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree

import feedparser
from icalendar import Calendar
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from generator.model import Meeting
from generator.site import labels
from tests.conftest import BUILD_DAY, TESTMARK, build_site
from tests.htmlcheck import Page, broken_links


def test_notice_board_shows_the_notices_up_on_the_build_day(testmark_site: Path) -> None:
    page = Page(testmark_site, "anslagstavla/")
    up = page.html.split('id="uppe"')[1].split('id="overklaga"')[0]
    assert "Direktionen 2022-05-10" in up
    assert "2022-03-15" not in up  # taken down 2022-04-12
    text = " ".join(Page.links_in(up))
    assert "../direktionen/2022-05-10/" in text
    up_text = page.text.split("Så överklagar du")[0]
    for fact in (
        "Sammanträdesdag 2022-05-10",
        "Anslaget sattes upp 2022-05-16",
        "Sista dag att överklaga 2022-06-07",  # 2022-06-06 is nationaldagen
        "Anslaget tas ned 2022-06-08",
        "Protokollet förvaras Förbundskansliet",
    ):
        assert fact in up_text, fact
    down = page.html.split('id="nedtagna"')[1]
    assert "../direktionen/2022-03-15/" in Page.links_in(down) and "Nedtaget 2022-04-12" in down
    assert "förvaltningsrätten" in page.text and "tre veckor" in page.text


def test_meeting_page_says_whether_its_notice_is_up(testmark_site: Path) -> None:
    assert "Anslaget sitter uppe till och med 2022-06-08." in Page(testmark_site, "direktionen/2022-05-10/").text
    assert "Anslaget är nedtaget (2022-04-12)." in Page(testmark_site, "direktionen/2022-03-15/").text


def test_feeds_parse_and_every_entry_link_resolves(testmark_site: Path) -> None:
    for path, expected in (("flode.xml", 3), ("direktionen/flode.xml", 2), ("arbetsutskottet/flode.xml", 1)):
        feed = feedparser.parse((testmark_site / path).read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert len(feed.entries) == expected
        folder = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
        for entry in feed.entries:
            target = Page(testmark_site, folder).targets([entry.link])[0] if folder else entry.link
            assert (testmark_site / target / "index.html").exists(), entry.link
    assert feedparser.parse((testmark_site / "flode.xml").read_bytes()).entries[0].title == "Direktionen 2022-05-10"


ATOM = "{http://www.w3.org/2005/Atom}"


def atom_problems(feed_file: Path, site: Path) -> list[str]:
    """What RFC 4287 (section 4.1) requires of a feed and its entries and this feed lacks."""
    root = ElementTree.fromstring(feed_file.read_bytes())
    problems = []

    def one(parent: ElementTree.Element, name: str, where: str) -> None:
        if len(parent.findall(ATOM + name)) != 1:
            problems.append(f"{where}: atom:{name} must occur once")

    for name in ("id", "title", "updated"):
        one(root, name, "feed")
    selves = [link for link in root.findall(ATOM + "link") if link.get("rel") == "self"]
    if len(selves) != 1:
        problems.append("feed: no link rel=self")
    else:
        href = selves[0].get("href", "")
        local = (feed_file.parent / href).resolve() == feed_file.resolve()
        if not local and not href.endswith("/" + feed_file.relative_to(site).as_posix()):
            problems.append(f"feed: rel=self {href} is not the feed")
    feed_author = root.find(ATOM + "author")
    for entry in root.findall(ATOM + "entry"):
        for name in ("id", "title", "updated"):
            one(entry, name, "entry")
        author = entry.find(ATOM + "author") or feed_author
        if author is None or not (author.findtext(ATOM + "name") or "").strip():
            problems.append("entry: no atom:author with a name (nor one on the feed)")
        if not any(link.get("rel", "alternate") == "alternate" for link in entry.findall(ATOM + "link")):
            problems.append("entry: no alternate link and no content")
        published, updated = entry.findtext(ATOM + "published"), entry.findtext(ATOM + "updated")
        if published and updated and datetime.fromisoformat(updated) < datetime.fromisoformat(published):
            problems.append("entry: updated before published")
    return problems


def test_feeds_have_what_rfc_4287_requires(testmark_site: Path, tmp_path: Path) -> None:
    with_address = build_site(TESTMARK, tmp_path / "site", "--site-url", "https://arkiv.example.org/", today=BUILD_DAY)
    for site in (testmark_site, with_address):
        feeds = sorted(site.rglob("flode.xml"))
        assert len(feeds) >= 3
        for feed in feeds:
            assert atom_problems(feed, site) == [], feed
    root = ElementTree.fromstring((testmark_site / "direktionen" / "flode.xml").read_bytes())
    authors = [e.findtext(f"{ATOM}author/{ATOM}name") for e in root.findall(ATOM + "entry")]
    assert authors == ["Direktionen", "Direktionen"]  # the body whose protocol it is
    updated = [e.findtext(ATOM + "updated") for e in root.findall(ATOM + "entry")]
    published = [e.findtext(ATOM + "published") for e in root.findall(ATOM + "entry")]
    assert updated == published and len(set(updated)) == 2  # no rättelse: updated is the publishing day


def test_feeds_are_announced_in_the_head(testmark_site: Path) -> None:
    meeting = Page(testmark_site, "direktionen/2022-05-10/").html
    assert 'rel="alternate" type="application/atom+xml"' in meeting and "../../flode.xml" in meeting
    body = Page(testmark_site, "direktionen/")
    # The body's own feed is a link on its page, not in <head>: Material fetches sitemap.xml
    # beside every alternate link, and direktionen/sitemap.xml does not exist.
    assert 'href="flode.xml"' not in body.html.split("</head>")[0]
    assert "flode.xml" in body.links
    for html_file in testmark_site.rglob("index.html"):
        head = html_file.read_text(encoding="utf-8").split("</head>")[0]
        for href in re.findall(r'<link rel="alternate"[^>]*href="([^"]+)"', head):
            beside = (html_file.parent / href).resolve().parent / "sitemap.xml"
            assert beside.exists(), (html_file, href)
    assert "kalender.ics" in Page(testmark_site, "direktionen/").links_to("kalender")[0]


def test_calendar_has_held_and_planned_meetings_linking_back(tmp_path: Path) -> None:
    site = build_site(TESTMARK, tmp_path / "site", "--site-url", "https://arkiv.example.org/", today="2022-05-20")
    calendar = Calendar.from_ical((site / "direktionen" / "kalender.ics").read_bytes())
    events = sorted(calendar.walk("VEVENT"), key=lambda e: str(e["uid"]))
    assert [str(e["uid"]).split("@")[0] for e in events] == [
        "direktionen-2022-03-15",
        "direktionen-2022-05-10",
        "direktionen-2022-09-20",
        "direktionen-2022-11-15",
    ]
    held = events[0]
    assert "https://arkiv.example.org/direktionen/2022-03-15/" in str(held["description"])
    assert str(held["url"]) == "https://arkiv.example.org/direktionen/2022-03-15/"
    assert held.decoded("dtstart").hour == 13  # kl. 13:00 local time
    planned = events[2]
    assert "planerat" in str(planned["summary"]) and str(planned["url"]) == "https://arkiv.example.org/direktionen/"
    for event in events:
        path = str(event["url"]).removeprefix("https://arkiv.example.org/")
        assert (site / path / "index.html").exists()
    everything = Calendar.from_ical((site / "kalender.ics").read_bytes())
    assert len(everything.walk("VEVENT")) == 5  # four for the direktion, one for the utskott
    feed = feedparser.parse((site / "flode.xml").read_bytes())
    assert feed.entries[0].link == "https://arkiv.example.org/direktionen/2022-05-10/"


def _validator(site: Path, name: str) -> Draft202012Validator:
    schemas = {p.name: json.loads(p.read_text()) for p in (site / "data" / "schema").glob("*.json")}
    registry: Registry = Registry().with_resources(
        (key, Resource.from_contents(value)) for key, value in schemas.items()
    )
    return Draft202012Validator(schemas[f"{name}.schema.json"], registry=registry)


def test_open_data_validates_against_its_published_schema(testmark_site: Path, synth_small: tuple[Path, Path]) -> None:
    for site in (testmark_site, synth_small[1]):
        meeting, case, bulk = (_validator(site, n) for n in ("mote", "arende", "arkiv"))
        meetings = list((site / "data" / "moten").rglob("*.json"))
        cases = list((site / "data" / "arenden").glob("*.json"))
        assert meetings and cases
        for path in meetings:
            errors = list(meeting.iter_errors(json.loads(path.read_text())))
            assert errors == [], (path, errors[0].message if errors else "")
        for path in cases:
            assert list(case.iter_errors(json.loads(path.read_text()))) == [], path
        assert list(bulk.iter_errors(json.loads((site / "data" / "arkiv.json").read_text()))) == []


def test_open_data_content_and_csv(testmark_site: Path) -> None:
    data = json.loads((testmark_site / "data" / "moten" / "direktionen" / "2022-05-10.json").read_text())
    assert data["type"] == "Meeting" and data["organization"]["name"] == "Direktionen"
    items = {i["number"]: i for i in data["agendaItem"]}
    assert items["21"]["withheld"] == {"ground": "Sekretess enligt OSL 18 kap. 8 §"}
    assert "resolutionText" not in items["21"]
    assert items["20"]["votes"][0]["no"] == ["Cecilia Fiktiv"]
    case = json.loads((testmark_site / "data" / "arenden" / "testm-2022-14.json").read_text())
    assert [c["date"] for c in case["consultation"]] == ["2022-03-01", "2022-03-15", "2022-05-10"]
    rows = list(csv.DictReader(io.StringIO((testmark_site / "data" / "beslut.csv").read_text())))
    assert len(rows) == 6  # every paragraph of the three meetings
    row = next(r for r in rows if r["paragraf"] == "13")
    assert (
        row["dnr"] == "TESTM 2022/20; TESTM 2022/21" and row["beslut"] == "Direktionen beslutar att godkänna avtalen."
    )
    withheld = next(r for r in rows if r["paragraf"] == "21")
    assert withheld["beslut"] == "" and withheld["sekretess"].startswith("Sekretess")


def test_decisions_for_excel_are_the_same_table_as_excel_with_swedish_settings_reads_it(testmark_site: Path) -> None:
    raw = (testmark_site / "data" / "beslut-excel.csv").read_bytes()
    # Excel reads a CSV as UTF-8 only after a byte-order mark, and splits it at its list separator.
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    excel = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    plain = list(csv.reader(io.StringIO((testmark_site / "data" / "beslut.csv").read_text(encoding="utf-8"))))
    assert excel == plain and len(excel) == 7
    assert any("ä" in cell or "å" in cell or "ö" in cell for row in excel for cell in row)
    assert "../data/beslut-excel.csv" in Page(testmark_site, "oppna-data/").links


def test_open_data_page_and_links(testmark_site: Path) -> None:
    page = Page(testmark_site, "oppna-data/")
    assert "OParl" in page.text
    assert "../data/arkiv.json" in page.links and "../data/beslut.csv" in page.links
    checked, broken = broken_links(testmark_site)
    assert checked > 50 and broken == []


# -- following one case or one person ------------------------------------------------------------


def test_a_case_feed_lists_every_handling_newest_first(testmark_site: Path) -> None:
    feed = feedparser.parse((testmark_site / "arenden" / "testm-2022-14" / "flode.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title.startswith("Ärende TESTM 2022/14")
    titles = [entry.title for entry in feed.entries]
    assert titles[0].startswith("Direktionen 2022-05-10, § 20") and len(titles) >= 2
    assert [e.updated for e in feed.entries] == sorted((e.updated for e in feed.entries), reverse=True)
    assert "gemensam e-tjänsteplattform" in feed.entries[0].summary  # the decision
    # Relative links work from where the feed lies.
    link = feed.entries[0].link
    assert (testmark_site / "arenden" / "testm-2022-14" / link.split("#")[0] / "index.html").resolve().exists()


def test_a_person_feed_has_meetings_votes_and_reservations(testmark_site: Path) -> None:
    feed = feedparser.parse((testmark_site / "personer" / "cecilia-fiktiv" / "flode.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    summaries = [entry.summary for entry in feed.entries]
    assert "Röstade nej i omröstningen." in summaries and "Reserverade sig mot beslutet." in summaries
    assert "Närvarande vid sammanträdet." in summaries


def test_follow_links_on_case_and_person_pages_and_in_head(testmark_site: Path) -> None:
    case = Page(testmark_site, "arenden/testm-2022-14/")
    assert "flode.xml" in case.links and "Följ ärendet (Atom-flöde)" in case.text
    assert "flödesläsare" in case.text
    assert '<link rel="alternate" type="application/atom+xml"' in case.html and 'href="flode.xml"' in case.html
    mail = next(link for link in case.links if link.startswith("mailto:"))
    assert mail.startswith("mailto:registrator@testmark.example?subject=")
    assert "TESTM%202022/14" in mail or "TESTM%202022%2F14" in mail
    person = Page(testmark_site, "personer/cecilia-fiktiv/")
    assert "flode.xml" in person.links and "Följ personen (Atom-flöde)" in person.text


def test_follow_feeds_have_absolute_links_with_a_site_url(tmp_path: Path) -> None:
    site = build_site(TESTMARK, tmp_path / "site", "--site-url", "https://arkiv.example.org/", today=BUILD_DAY)
    feed = feedparser.parse((site / "arenden" / "testm-2022-14" / "flode.xml").read_bytes())
    assert feed.entries[0].link == "https://arkiv.example.org/direktionen/2022-05-10/#paragraf-20"
    assert feed.entries[0].id == feed.entries[0].link


def test_the_notice_archive_keeps_every_notice_by_year(testmark_site: Path) -> None:
    board = Page(testmark_site, "anslagstavla/")
    assert "2022/" in board.links and "Alla anslag, per år" in board.text
    archive = Page(testmark_site, "anslagstavla/2022/")
    # On the build day 2022-05-20 the March notice's appeal period has ended, the May one's runs.
    assert "Direktionen 2022-03-15" in archive.text and "Överklagandetiden gick ut 2022-04-11." in archive.text
    assert "Direktionen 2022-05-10" in archive.text and "Överklagandetiden går ut 2022-06-07." in archive.text
    assert "../../direktionen/2022-05-10/" in archive.links


def test_dcat_ap_se_catalogue_parses_as_rdf_with_absolute_uris(tmp_path: Path) -> None:
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, RDF

    dcat = Namespace("http://www.w3.org/ns/dcat#")
    site = build_site(TESTMARK, tmp_path / "site", "--site-url", "https://arkiv.example.org/", today=BUILD_DAY)
    graph = Graph().parse(data=(site / "datasets" / "dcat").read_text(encoding="utf-8"), format="xml")
    assert not any(isinstance(node, BNode) for triple in graph for node in triple)  # no blank nodes
    [catalog] = graph.subjects(RDF.type, dcat.Catalog)
    assert catalog == URIRef("https://arkiv.example.org/datasets/dcat")
    publisher = graph.value(catalog, DCTERMS.publisher)
    assert publisher == URIRef("http://dataportal.se/organisation/SE2220000000")
    assert graph.value(publisher, DCTERMS.identifier) == Literal("222000-0000")
    datasets = set(graph.objects(catalog, dcat.dataset))
    assert len(datasets) == 3 and datasets == set(graph.subjects(RDF.type, dcat.Dataset))
    for dataset in datasets:
        distribution = graph.value(dataset, dcat.distribution)
        url = str(graph.value(distribution, dcat.downloadURL))
        assert url.startswith("https://arkiv.example.org/data/")
        assert (site / url.removeprefix("https://arkiv.example.org/")).is_file()
        assert graph.value(distribution, DCTERMS.license) == URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
        # DCAT-AP-SE's mandatory format and DCAT-AP 3's media type, both as IRIs of their vocabularies.
        kind = url.rsplit(".", 1)[-1].upper()
        file_type = graph.value(distribution, DCTERMS["format"])
        assert file_type == URIRef(f"http://publications.europa.eu/resource/authority/file-type/{kind}")
        media_type = graph.value(distribution, dcat.mediaType)
        assert isinstance(media_type, URIRef)
        assert media_type.startswith("http://www.iana.org/assignments/media-types/")
    # Without the site's address there are no absolute URIs to give: no catalogue is written.
    assert not (build_site(TESTMARK, tmp_path / "utan", today=BUILD_DAY) / "datasets" / "dcat").exists()


def test_a_notice_says_where_it_stands_in_the_right_tense(tmp_path: Path, seed: Meeting) -> None:
    """Before the anslag is put up, while it is up, after it is taken down: each in its tense."""
    from tests.conftest import PROTOCOLS

    post = seed.posting
    assert post is not None and post.taken_down is not None
    days = {
        post.posted - timedelta(days=5): (labels.POSTED_FUTURE, labels.NOTICE_STATUS_COMING.format(day=post.posted)),
        post.posted + timedelta(days=1): (labels.POSTED, labels.NOTICE_STATUS_UP.format(day=post.taken_down)),
        post.taken_down + timedelta(days=1): (labels.POSTED, labels.NOTICE_STATUS_DOWN.format(day=post.taken_down)),
    }
    for day, (posted_label, status) in days.items():
        site = build_site(PROTOCOLS, tmp_path / day.isoformat(), today=day.isoformat())
        page = Page(site, f"{seed.body}/{seed.slug}/")
        assert status in page.text and f"{posted_label} {post.posted}" in page.text, (day, page.text[:300])
