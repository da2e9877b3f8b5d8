"""Every directory, path and URL of the built site, in one place.

A page has a source URI (the virtual Markdown file MkDocs builds, ``direktionen/2023-10-26.md``)
and a URL (``direktionen/2023-10-26/``, since ``use_directory_urls`` is on). Page writers, outputs,
templates (as the global ``urls``) and the MkDocs plugin all take paths from here; links between
pages are made relative with ``relative`` so the site works under any base path.
"""

from __future__ import annotations

from urllib.parse import quote

from generator.model import Document, Meeting
from generator.model.dnr import Dnr

CASES_DIR = "arenden"
PERSONS_DIR = "personer"
SEARCH_DIR = "sok"
NOTICE_BOARD_DIR = "anslagstavla"
OPEN_DATA_DIR = "oppna-data"
ACCESSIBILITY_DIR = "tillganglighet"  # the tillgänglighetsredogörelse
DATA_DIR = "data"
SEARCH_INDEX_DIR = "pagefind"  # Pagefind's index, written over the built HTML
OPARL_DIR = "oparl"  # the static OParl 1.1 endpoint
ORIGINAL_NAME = "protokoll.pdf"  # the signed PDF, beside its meeting page
DOCUMENTS_DIR = "handlingar"  # a meeting's handlingar, under its page: direktionen/2023-10-26/handlingar/

# Top-level names the site uses itself (with the documentation pages): no body may take one.
RESERVED_SLUGS = (
    CASES_DIR, PERSONS_DIR, SEARCH_DIR, NOTICE_BOARD_DIR, OPEN_DATA_DIR, DATA_DIR, SEARCH_INDEX_DIR, ACCESSIBILITY_DIR,
    "assets", "om-arkivet", "publicera", "search", "sitemap", "datasets", OPARL_DIR,
)  # fmt: skip

# Pages with a fixed place: their source URIs.
HOME = "index.md"
ABOUT_PAGE = "om-arkivet.md"  # the archive's own page on the software and its sources (docs/)
CASES_INDEX = f"{CASES_DIR}/index.md"
PERSONS_INDEX = f"{PERSONS_DIR}/index.md"
SEARCH_PAGE = f"{SEARCH_DIR}/index.md"
NOTICE_BOARD_PAGE = f"{NOTICE_BOARD_DIR}/index.md"
OPEN_DATA_PAGE = f"{OPEN_DATA_DIR}/index.md"
ACCESSIBILITY_PAGE = f"{ACCESSIBILITY_DIR}/index.md"

# Files of the theme (site_overrides/assets).
SEARCH_SCRIPT = "assets/javascripts/arkiv-sok.js"
CASES_SCRIPT = "assets/javascripts/arkiv-arenden.js"
EXTRACT_SCRIPT = "assets/javascripts/arkiv-utdrag.js"
STYLESHEET = "assets/stylesheets/arkiv.css"

# Open data: the bulk file, the decisions table and the published schemas.
BULK_DATA = f"{DATA_DIR}/arkiv.json"
DECISIONS_CSV = f"{DATA_DIR}/beslut.csv"
DECISIONS_EXCEL = f"{DATA_DIR}/beslut-excel.csv"
VOTES_DATA = f"{DATA_DIR}/omrostningar.json"
# The commit a hosted site was built from, written beside it by the CI templates; their check of a
# push against what is published reads it from the live site (``arkiv check-published``).
PUBLISHED_VERSION = f"{DATA_DIR}/publicerad-version.txt"
# The static OParl 1.1 endpoint.
OPARL_SYSTEM = f"{OPARL_DIR}/system.json"
OPARL_BODY = f"{OPARL_DIR}/body.json"
OPARL_BODIES = f"{OPARL_DIR}/bodies.json"
OPARL_ORGANIZATIONS = f"{OPARL_DIR}/organizations.json"
OPARL_PERSONS = f"{OPARL_DIR}/persons.json"


def oparl_list(kind: str, page: int) -> str:
    """A page of a paginated OParl list ("meetings", "papers")."""
    return f"{OPARL_DIR}/{kind}/{page}.json"


def oparl_object(kind: str, key: str) -> str:
    """One OParl object's own file ("meeting", "direktionen-2023-10-26")."""
    return f"{OPARL_DIR}/{kind}/{key}.json"


DCAT_CATALOGUE = "datasets/dcat"  # where Sweden's data portal harvests a catalogue (DCAT-AP-SE)
# The data sets the catalogue describes: key (its anchor on the open-data page) and file.
DATASETS = (("arkiv", BULK_DATA), ("beslut", DECISIONS_CSV), ("omrostningar", VOTES_DATA))
MEETING_DATA_PATTERN = f"{DATA_DIR}/moten/<organ>/<ÅÅÅÅ-MM-DD>.json"
CASE_DATA_PATTERN = f"{DATA_DIR}/arenden/<dnr>.json"


def url_of(src_uri: str) -> str:
    """The directory URL MkDocs gives ``src_uri``."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index").removesuffix("index") + "/"


def body_src(slug: str) -> str:
    return f"{slug}/index.md"


def year_src(slug: str, year: int) -> str:
    return f"{slug}/{year}/index.md"


def meeting_src(meeting: Meeting) -> str:
    return f"{meeting.body}/{meeting.slug}.md"


def notice_year_src(year: int) -> str:
    return f"{NOTICE_BOARD_DIR}/{year}.md"


def notice_year_url(year: int) -> str:
    return url_of(notice_year_src(year))


def case_src(key: str) -> str:
    return f"{CASES_DIR}/{key}.md"


def cases_year_src(year: int) -> str:
    """The cases of one diarium year ("arenden/2023/"); no case key is a bare year."""
    return f"{CASES_DIR}/{year}.md"


def cases_year_url(year: int) -> str:
    return url_of(cases_year_src(year))


def person_src(slug: str) -> str:
    return f"{PERSONS_DIR}/{slug}.md"


def body_url(slug: str) -> str:
    return url_of(body_src(slug))


def year_url(slug: str, year: int) -> str:
    return url_of(year_src(slug, year))


def meeting_url(meeting: Meeting) -> str:
    return url_of(meeting_src(meeting))


def item_url(meeting: Meeting, anchor: str) -> str:
    return f"{meeting_url(meeting)}#{anchor}"


def original_url(meeting: Meeting) -> str:
    return meeting_url(meeting) + ORIGINAL_NAME


def document_path(meeting: Meeting, document: Document) -> str:
    """Where a handling is published: under its meeting, by its file name (as the source names it)."""
    return f"{meeting_url(meeting)}{DOCUMENTS_DIR}/{document.name}"


def document_url(meeting: Meeting, document: Document) -> str:
    """The handling's URL (its name percent-encoded: a name may hold spaces or å, ä, ö)."""
    return f"{meeting_url(meeting)}{DOCUMENTS_DIR}/{quote(document.name)}"


def case_url(dnr: Dnr) -> str:
    return url_of(case_src(dnr.key))


def person_url(slug: str) -> str:
    return url_of(person_src(slug))


CASES_URL = url_of(CASES_INDEX)
SEARCH_URL = url_of(SEARCH_PAGE)
NOTICE_BOARD_URL = url_of(NOTICE_BOARD_PAGE)


def feed_path(body: str | None) -> str:
    """The Atom feed of a body, or of the whole archive."""
    return f"{body}/flode.xml" if body else "flode.xml"


def case_feed_path(key: str) -> str:
    """The Atom feed that follows one case, beside its page."""
    return f"{CASES_DIR}/{key}/flode.xml"


def person_feed_path(slug: str) -> str:
    """The Atom feed that follows one person, beside their page."""
    return f"{PERSONS_DIR}/{slug}/flode.xml"


def calendar_path(body: str | None) -> str:
    """The iCalendar file of a body, or of the whole archive."""
    return f"{body}/kalender.ics" if body else "kalender.ics"


def meeting_data_path(meeting: Meeting) -> str:
    return f"{DATA_DIR}/moten/{meeting.body}/{meeting.slug}.json"


def case_data_path(key: str) -> str:
    return f"{DATA_DIR}/arenden/{key}.json"


def data_schema_path(name: str) -> str:
    return f"{DATA_DIR}/schema/{name}.schema.json"


def dnr_index_path(year: int) -> str:
    """One small file per diarium year that the search box fetches for a dnr lookup."""
    return f"{SEARCH_DIR}/dnr/{year}.json"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both directory URLs from the site root)."""
    path, _, anchor = to_url.partition("#")
    base = from_url.split("/")[:-1]
    target = path.split("/")
    common = 0
    while common < len(base) and common < len(target) - 1 and base[common] == target[common]:
        common += 1
    link = "../" * (len(base) - common) + "/".join(target[common:])
    return (link or "./") + (f"#{anchor}" if anchor else "")


def absolute(site_url: str, path: str) -> str:
    """``path`` under ``site_url``; site-root relative (``/path``) when no site URL is known."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + path
