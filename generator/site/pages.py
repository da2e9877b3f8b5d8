"""Page writers: the archive index turned into the pages MkDocs builds.

Each page is a small Markdown file (front matter only) that MkDocs sees as part of the docs, and
HTML that the plugin puts in as the page's content. The HTML is rendered from Jinja templates with
autoescaping, so text from sources is always escaped; source Markdown goes through
``generator.site.render``. Links are relative, so the site works under any base path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import groupby
from typing import Any

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket

from generator.index import Archive, Case, PersonRecord
from generator.model import STOCKHOLM, AgendaEntry, AttendanceGroup, Body, Meeting
from generator.model.dnr import MAX_LENGTH, Dnr, js_pattern
from generator.site import labels, urls
from generator.site.collation import initial, swedish_order
from generator.site.render import first_sentence, json_ld, to_html, word_diff

NOTICES_DOWN_SHOWN = 20
# Pages outside the navigation whose header, sidebars and footer are shared per folder.
SHARED = (("arkiv_shared", "ja"),)
DATA_SCHEMAS = ("mote", "arende", "arkiv", "omrostningar")


@dataclass(frozen=True)
class Page:
    """A generated page: where it lives in the docs, its title, and how to render its HTML."""

    src_uri: str
    title: str
    description: str
    render: Callable[[], str]
    meta: tuple[tuple[str, str], ...] = ()  # more front matter, e.g. the body's feed
    # The sources (paths in protocols/) whose meetings the page shows; None: it may show any
    # (an index, the start page). An incremental preview renders a page again only when one of
    # them changed.
    depends: frozenset[str] | None = None
    # The page's own parts for the "På sidan" list beside it: (anchor, title), as shown.
    toc: tuple[tuple[str, str], ...] = ()

    @property
    def url(self) -> str:
        return urls.url_of(self.src_uri)


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept for the process: each build makes a new environment (its globals
    are the archive's), and a preview rebuild must not compile every template again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = _CompiledTemplates()
# Pagefind joins the words of cells that touch ("NamnKommunRoll", "Datum26 oktober"): a line
# break after each cell keeps them apart in the index, and changes nothing on the page.
_CELL_END = re.compile(r"(</(?:th|td|dt|dd)>)(?=<)")


class PageWriter:
    """Renders every page of an archive."""

    def __init__(self, archive: Archive, today: date, site_url: str = "") -> None:
        self.archive = archive
        self.today = today
        self.site_url = site_url  # the site's address, for what must be absolute (JSON-LD); "" if unknown
        self.env = Environment(
            loader=PackageLoader("generator.site", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            bytecode_cache=COMPILED_TEMPLATES,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["md"] = lambda text, offset=3: to_html(text, offset)
        self.env.filters["word_diff"] = word_diff
        self.env.filters["first_sentence"] = first_sentence
        self.env.filters["body_name"] = lambda slug: archive.body(slug).name
        self.env.filters["json_ld"] = json_ld
        self.env.globals.update(
            t=labels,
            urls=urls,
            body=lambda meeting: archive.body(meeting.body),
            organisation=archive.organisation,
            archive=archive,
            today=today,
        )

    def render(self, template: str, url: str, **context: Any) -> str:
        def href(target: str) -> str:
            return urls.relative(url, target)

        return _CELL_END.sub(r"\1\n", self.env.get_template(template).render(href=href, **context))

    def page(
        self,
        src_uri: str,
        title: str,
        description: str,
        template: str,
        meta: tuple[tuple[str, str], ...] = (),
        depends: Iterable[Meeting] | None = None,
        toc: tuple[tuple[str, str], ...] = (),
        **context: Any,
    ) -> Page:
        url = urls.url_of(src_uri)
        sources = None if depends is None else frozenset(m.source for m in depends)
        return Page(
            src_uri, title, description, lambda: self.render(template, url, title=title, **context), meta, sources, toc
        )

    def pages(self) -> list[Page]:
        archive = self.archive
        org = archive.organisation
        pages = [
            self.page(
                urls.HOME,
                labels.START_TITLE,
                labels.START_INTRO.format(organisation=org.short_name),
                "start.html",
                latest=archive.meetings[:10],
                with_body=True,
                example_dnr=str(self.example_dnr()),
            ),
            self.page(
                urls.CASES_INDEX,
                labels.CASES,
                labels.CASES_INTRO,
                "cases.html",
                by_year=self.cases_by_year(),
                latest=sorted(archive.cases.values(), key=_last_handled, reverse=True)[:CASES_LATEST],
            ),
            *self.cases_year_pages(),
            self.page(
                urls.PERSONS_INDEX,
                labels.PERSONS,
                labels.PERSONS_INTRO,
                "persons.html",
                by_letter=persons_by_surname(archive.persons.values()),
            ),
        ]
        for body in org.bodies:
            pages += self.body_pages(body)
        pages += [self.case_page(case) for case in archive.cases.values()]
        pages += [self.person_page(record) for record in archive.persons.values()]
        pages.append(self.search_page())
        pages.append(self.notice_board_page())
        pages += self.notice_archive_pages()
        pages.append(self.open_data_page())
        pages.append(self.accessibility_page())
        return pages

    def navigation(self) -> list[tuple[str, str]]:
        """The menu: (label, source URI) of the fixed pages only, so a page's HTML does not grow
        with the archive. The MkDocs plugin adds the documentation pages after these."""
        return [
            (labels.NAV_START, urls.HOME),
            *((body.name, urls.body_src(body.slug)) for body in self.archive.organisation.bodies),
            (labels.CASES, urls.CASES_INDEX),
            (labels.PERSONS, urls.PERSONS_INDEX),
            (labels.NOTICE_BOARD, urls.NOTICE_BOARD_PAGE),
            (labels.OPEN_DATA, urls.OPEN_DATA_PAGE),
        ]

    def body_pages(self, body: Body) -> list[Page]:
        """The body's page, one page per year, and every meeting with links to its neighbours."""
        years = self.archive.years(body.slug)
        newest = next(iter(years.values()), [])
        pages = [
            self.page(
                urls.body_src(body.slug),
                body.name,
                body.description or body.name,
                "body.html",
                depends=self.archive.by_body[body.slug],
                b=body,
                years=years,
                latest=newest,
                last=(last := max(newest, key=lambda m: m.date)) if newest else None,
                members=members(last) if newest else None,
                with_body=False,
            )
        ]
        ordered_years = list(years)
        for i, (year, meetings) in enumerate(years.items()):
            title = labels.YEAR_TITLE.format(body=body.name, year=year)
            pages.append(
                self.page(
                    urls.year_src(body.slug, year),
                    title,
                    title,
                    "year.html",
                    meta=SHARED,
                    depends=self.archive.by_body[body.slug],  # and its neighbours' years
                    b=body,
                    meetings=list(reversed(meetings)),
                    previous_year=ordered_years[i + 1] if i + 1 < len(ordered_years) else None,
                    next_year=ordered_years[i - 1] if i else None,
                )
            )
        meetings = self.archive.by_body[body.slug]
        for i, meeting in enumerate(meetings):
            previous = meetings[i + 1] if i + 1 < len(meetings) else None
            following = meetings[i - 1] if i else None
            pages.append(self.meeting_page(meeting, previous=previous, following=following))
        return pages

    def person_page(self, record: PersonRecord) -> Page:
        roles = sorted(record.roles.values(), key=lambda r: (r.body, r.first))
        name = record.person.name
        return self.page(
            urls.person_src(record.person.slug),
            name,
            name,
            "person.html",
            meta=SHARED,
            depends=_person_meetings(record),
            record=record,
            roles=roles,
        )

    def meeting_page(self, meeting: Meeting, previous: Meeting | None, following: Meeting | None) -> Page:
        body = self.archive.body(meeting.body)
        title = labels.MEETING_TITLE.format(body=body.name, date=meeting.date.isoformat())
        groups = [
            (group, [a for a in meeting.attendees if a.group is group])
            for group in AttendanceGroup
            if any(a.group is group for a in meeting.attendees)
        ]
        # The ärendelista as published; a protocol without one gets it from its paragraphs.
        agenda = meeting.agenda or tuple(_agenda_from_items(meeting))
        running = f"{self.archive.organisation.name} · {labels.PROTOCOL} · {title}"
        return self.page(
            urls.meeting_src(meeting),
            title,
            ", ".join(item.title for item in meeting.items)[:300],
            "meeting.html",
            meta=(*SHARED, ("arkiv_print", css_string(running))),
            depends=self.meeting_depends(meeting, previous, following),
            # Beside the page on a wide screen, staying in view: every §, to go straight to it.
            toc=tuple(
                (item.anchor, labels.PARAGRAPH_IN_TOC.format(number=item.number, title=item.title))
                for item in meeting.items
            ),
            meeting=meeting,
            groups=groups,
            agenda=agenda,
            items_by_number={item.number: item for item in meeting.items},
            decision_heading=body.decision_heading,
            previous=previous,
            following=following,
            structured=lambda: self.structured_data(meeting, title),  # only when the page is rendered
        )

    def related_meetings(self, case: Case) -> list[Meeting]:
        """The meetings of the cases a case page links to (it shows their titles)."""
        related = [self.archive.cases[d.key] for d in case.related if d.key in self.archive.cases]
        return [handling.meeting for other in related for handling in other.handlings]

    def meeting_depends(
        self, meeting: Meeting, previous: Meeting | None, following: Meeting | None
    ) -> list[Meeting] | None:
        """The meeting, its neighbours (linked by date) and the meetings its references link to;
        None while a reference is unresolved (the meeting it names may be added)."""
        found = [meeting, *(m for m in (previous, following) if m is not None)]
        for item in meeting.items:
            for reference in item.references:
                if reference.target is None:
                    continue
                target = self.archive.target(reference)
                if target is None:
                    return None
                found.append(target.meeting)
        return found

    def structured_data(self, meeting: Meeting, title: str) -> dict[str, Any]:
        """schema.org JSON-LD for search engines: the meeting as an Event, each decision in it."""

        def moment(clock: time | None) -> str:
            # With its UTC offset: a time without one is read as the reader's own (or UTC).
            if clock is None:
                return meeting.date.isoformat()
            return datetime.combine(meeting.date, clock, tzinfo=STOCKHOLM).isoformat(timespec="minutes")

        organizer = {"@type": "Organization", "name": self.archive.organisation.name}
        event: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": title,
            "startDate": moment(meeting.start),
            # A meeting held in a room, as planned: what search engines assume otherwise is unsaid.
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "organizer": organizer,
            "about": [
                {
                    "@type": "CreativeWork",
                    "name": item.title,
                    "identifier": [str(d) for d in item.dnr],
                    "dateCreated": meeting.date.isoformat(),
                    **({} if item.withheld or not item.decision else {"text": item.decision}),
                }
                for item in meeting.items
            ],
        }
        if self.site_url:
            # The archive's address is the organisation's own site for its protocols.
            organizer["url"] = urls.absolute(self.site_url, "")
            event["url"] = urls.absolute(self.site_url, urls.meeting_url(meeting))
        if meeting.end:
            event["endDate"] = moment(meeting.end)
        if meeting.place:
            # A Place needs an address for search engines; the protocol gives one line for both.
            event["location"] = {"@type": "Place", "name": meeting.place, "address": meeting.place}
        return event

    def case_page(self, case: Case) -> Page:
        title = labels.CASE_TITLE.format(dnr=case.dnr, title=case.title)
        meetings = [h.meeting for h in case.handlings]
        return self.page(
            urls.case_src(case.key),
            title,
            title,
            "case.html",
            depends=[
                *meetings,
                *(
                    h.meeting
                    for d in case.related
                    if d.key in self.archive.cases
                    for h in self.archive.cases[d.key].handlings
                ),
            ],
            meta=SHARED,
            case=case,
            # Worked out when the page is rendered (a preview renders few of ~9,000 case pages).
            body_names=lambda: sorted({self.archive.body(m.body).name for m in meetings}),
            years=lambda: sorted({m.date.year for m in meetings}),
        )

    def notice_board_page(self) -> Page:
        """The anslagstavla on the build day: notices up, how to appeal, recent notices taken down."""
        posted = [m for m in self.archive.meetings if m.posting is not None]
        up = [m for m in posted if m.posting and m.posting.posted <= self.today <= m.posting.until]
        down = [m for m in posted if m.posting and m.posting.until < self.today]
        down.sort(key=lambda m: m.posting.until if m.posting else m.date, reverse=True)
        intro = labels.NOTICE_BOARD_INTRO.format(organisation=self.archive.organisation.short_name)
        return self.page(
            urls.NOTICE_BOARD_PAGE,
            labels.NOTICE_BOARD,
            intro,
            "notice_board.html",
            up=up,
            down=down[:NOTICES_DOWN_SHOWN],
            years=sorted(self.notices_by_year(), reverse=True),
            adjusted_on=adjusted_on,
        )

    def notices_by_year(self) -> dict[int, list[Meeting]]:
        """Every notice ever posted, by the year it went up, oldest first."""
        years: dict[int, list[Meeting]] = {}
        for meeting in reversed(self.archive.meetings):
            if meeting.posting is not None:
                years.setdefault(meeting.posting.posted.year, []).append(meeting)
        return years

    def notice_archive_pages(self) -> list[Page]:
        """The anslagstavla's archive: a page per year with every notice and how its appeal period ended."""
        pages = []
        for year, meetings in self.notices_by_year().items():
            title = labels.NOTICE_ARCHIVE_TITLE.format(year=year)
            pages.append(
                self.page(
                    urls.notice_year_src(year),
                    title,
                    title,
                    "notice_archive.html",
                    meta=SHARED,
                    depends=meetings,
                    year=year,
                    notices=meetings,
                )
            )
        return pages

    def open_data_page(self) -> Page:
        meeting = self.archive.meetings[0] if self.archive.meetings else None
        case = next(iter(self.archive.cases.values()), None)
        example_meeting = urls.meeting_data_path(meeting) if meeting else ""
        example_case = urls.case_data_path(case.key) if case else ""
        files = [
            (urls.BULK_DATA, True, labels.OPEN_DATA_BULK),
            (urls.DECISIONS_CSV, True, labels.OPEN_DATA_CSV),
            (urls.DECISIONS_EXCEL, True, labels.OPEN_DATA_CSV_EXCEL),
            (urls.VOTES_DATA, True, labels.OPEN_DATA_VOTES),
            (urls.OPARL_SYSTEM, False, labels.OPEN_DATA_OPARL),
            (urls.DCAT_CATALOGUE, False, labels.OPEN_DATA_DCAT),
            (urls.MEETING_DATA_PATTERN, False, labels.OPEN_DATA_MEETING.format(example=example_meeting)),
            (urls.CASE_DATA_PATTERN, False, labels.OPEN_DATA_CASE.format(example=example_case)),
            *((urls.data_schema_path(name), True, labels.OPEN_DATA_SCHEMAS[name]) for name in DATA_SCHEMAS),
        ]
        return self.page(urls.OPEN_DATA_PAGE, labels.OPEN_DATA, labels.OPEN_DATA_INTRO, "open_data.html", files=files)

    def accessibility_page(self) -> Page:
        """The tillgänglighetsredogörelse: the organisation's part from organisation.yaml, and what
        the archive knows itself (signed originals are published as signed, not adapted)."""
        org = self.archive.organisation
        given = org.accessibility
        gaps = [*given.shortcomings]
        if any(m.original_file for m in self.archive.meetings):
            gaps.append(labels.ACCESSIBILITY_ORIGINALS)
        return self.page(
            urls.ACCESSIBILITY_PAGE,
            labels.ACCESSIBILITY,
            labels.ACCESSIBILITY_INTRO.format(organisation=org.name, short=org.short_name),
            "accessibility.html",
            statement=given,
            gaps=gaps,
            updated=given.updated or self.today,
        )

    def search_page(self) -> Page:
        """The search page: the form, and the dnr rule from ``generator.model.dnr`` for its script."""
        years = sorted({m.date.year for m in self.archive.meetings}, reverse=True)
        example = self.example_dnr()
        help_text = labels.SEARCH_HELP.format(
            full=example, short=f"{example.year}/{example.serial}", dashed=f"{example.year}-{example.serial}"
        )
        return self.page(
            urls.SEARCH_PAGE,
            labels.SEARCH_TITLE,
            help_text,
            "search.html",
            years=years,
            help_text=help_text,
            dnr_pattern=js_pattern(),
            dnr_max=MAX_LENGTH,
            texts=json.dumps({**labels.SEARCH_TEXTS, "months": labels.MONTHS}, ensure_ascii=False),
        )

    def example_dnr(self) -> Dnr:
        """A dnr to show as an example: the newest case of this archive, so that it leads somewhere."""
        cases = self.archive.cases.values()
        if not cases:
            return Dnr(self.archive.organisation.dnr_prefix, self.today.year, 1)
        return max((c.dnr for c in cases), key=lambda d: (d.year, d.serial))

    def cases_year_pages(self) -> list[Page]:
        """One page per diarium year: the list of twenty years' cases is never one page."""
        return [
            self.page(
                urls.cases_year_src(year),
                labels.CASES_YEAR_TITLE.format(year=year),
                labels.CASES_YEAR_INTRO.format(year=year),
                "cases_year.html",
                year=year,
                cases=cases,
                bodies=lambda cases=cases: sorted(
                    {self.archive.body(h.meeting.body).name for c in cases for h in c.handlings}
                ),
                recent_since=(self.today - timedelta(days=RECENT_DAYS)).isoformat(),
            )
            for year, cases in self.cases_by_year()
        ]

    def cases_by_year(self) -> list[tuple[int, list[Case]]]:
        ordered = sorted(self.archive.cases.values(), key=lambda c: (-c.dnr.year, c.dnr.prefix, c.dnr.serial))
        return [(year, list(cases)) for year, cases in groupby(ordered, key=lambda c: c.dnr.year)]


@dataclass(frozen=True)
class Member:
    """A member or substitute as the latest protocol names them."""

    name: str
    person: str | None
    detail: str  # role, party, municipality as written


def members(meeting: Meeting) -> tuple[list[Member], list[Member]]:
    """The body's ledamöter and ersättare by its latest protocol: those present, the members a
    substitute served for, and those who sent apologies (as members: the protocol names them so)."""
    found: dict[str, list[Member]] = {"members": [], "substitutes": []}
    seen: set[str] = set()

    def add(kind: str, name: str, person: str | None, *details: str | None) -> None:
        if name not in seen:
            seen.add(name)
            found[kind].append(Member(name, person, ", ".join(d for d in details if d)))

    for a in meeting.attendees:
        if a.group is AttendanceGroup.MEMBER and not a.serving_for:
            add("members", a.name, a.person, a.role, a.party, a.municipality)
    for a in meeting.attendees:
        if a.serving_for:
            add("members", a.serving_for, None)
    for absent in meeting.absentees:
        add("members", absent.name, absent.person)
    for a in meeting.attendees:
        if a.group is AttendanceGroup.SUBSTITUTE or a.serving_for:
            add("substitutes", a.name, a.person, a.party, a.municipality)
    return found["members"], found["substitutes"]


CASES_LATEST = 20  # cases on the cases page, latest handled first: the rest is a year's page away
RECENT_DAYS = 365  # "behandlade de senaste 12 månaderna"


def _last_handled(case: Case) -> tuple[date, int]:
    last = case.handlings[-1] if case.handlings else None
    return (last.meeting.date, last.item.number) if last else (date.min, 0)


def css_string(text: str) -> str:
    """``text`` inside a CSS string: letters, digits and spaces as they are, every other
    character as a hex escape, so nothing from a source can end the string or the style."""
    return "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text)


def persons_by_surname(records: Iterable[PersonRecord]) -> list[tuple[str, list[PersonRecord]]]:
    """The persons in a register's order: by surname (the name's last word), in Swedish
    alphabetical order, under the surname's first letter."""

    def key(record: PersonRecord) -> tuple[str, str]:
        words = record.person.name.split()
        return swedish_order(words[-1]), swedish_order(" ".join(words[:-1]))

    ordered = sorted(records, key=key)
    return [
        (letter, list(group)) for letter, group in groupby(ordered, key=lambda r: initial(r.person.name.split()[-1]))
    ]


def adjusted_on(meeting: Meeting) -> date | None:
    """The day the protocol was adjusted, when e-signatures record it (the last signature)."""
    if meeting.signing and meeting.signing.signatures:
        return max(s.signed_at for s in meeting.signing.signatures).date()
    return None


def _agenda_from_items(meeting: Meeting) -> list[AgendaEntry]:
    return [AgendaEntry(item.number, item.title, item.dnr) for item in meeting.items]


def _person_meetings(record: PersonRecord) -> list[Meeting]:
    """Every meeting a person's page draws on."""
    return [
        *record.attended,
        *record.adjusted,
        *(meeting for meeting, _ in record.signed),
        *(h.meeting for h, _ in record.votes),
        *(h.meeting for h in record.reservations),
        *(h.meeting for h in record.disqualified),
    ]
