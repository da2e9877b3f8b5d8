"""Page writers: the archive index turned into the pages MkDocs builds.

Each page is a small Markdown file (front matter only) that MkDocs sees as part of the docs, and
HTML that the plugin puts in as the page's content. The HTML is rendered from Jinja templates with
autoescaping, so text from sources is always escaped; source Markdown goes through
``generator.render``. Links are relative, so the site works under any base path.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from generator import labels
from generator.archive import Archive, Case, PersonRecord
from generator.dnr import Dnr, js_pattern
from generator.model import AgendaEntry, AttendanceGroup, Body, Meeting
from generator.render import to_html

CASES_DIR = "arenden"
SEARCH_DIR = "sok"
NOTICE_BOARD_DIR = "anslagstavla"
ORIGINAL_NAME = "protokoll.pdf"  # the signed PDF, beside its meeting page
NOTICES_DOWN_SHOWN = 20
# Pages outside the navigation whose header, sidebars and footer are shared per folder.
SHARED = (("arkiv_shared", "ja"),)
PERSONS_DIR = "personer"


@dataclass(frozen=True)
class Page:
    """A generated page: where it lives in the docs, its title, and how to render its HTML."""

    src_uri: str
    title: str
    description: str
    render: Callable[[], str]
    meta: tuple[tuple[str, str], ...] = ()  # more front matter, e.g. the body's feed

    @property
    def url(self) -> str:
        return url_of(self.src_uri)

    def markdown(self) -> str:
        meta = {"title": self.title, "description": self.description, **dict(self.meta)}
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n"


def url_of(src_uri: str) -> str:
    """The directory URL MkDocs gives ``src_uri`` (``use_directory_urls`` is on)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index").removesuffix("index") + "/"


def meeting_url(meeting: Meeting) -> str:
    return f"{meeting.body}/{meeting.slug}/"


def case_url(dnr: Dnr) -> str:
    return f"{CASES_DIR}/{dnr.key}/"


def person_url(slug: str) -> str:
    return f"{PERSONS_DIR}/{slug}/"


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


class PageWriter:
    """Renders every page of an archive."""

    def __init__(self, archive: Archive, today: date) -> None:
        self.archive = archive
        self.today = today
        self.env = Environment(
            loader=PackageLoader("generator", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["md"] = lambda text, offset=3: to_html(text, offset)
        self.env.globals.update(
            t=labels,
            meeting_url=meeting_url,
            case_url=case_url,
            person_url=person_url,
            body=lambda meeting: archive.body(meeting.body),
            organisation=archive.organisation,
            archive=archive,
            today=today,
            original_name=ORIGINAL_NAME,
        )

    def render(self, template: str, url: str, **context: Any) -> str:
        def href(target: str) -> str:
            return relative(url, target)

        return self.env.get_template(template).render(href=href, **context)

    def page(
        self,
        src_uri: str,
        title: str,
        description: str,
        template: str,
        meta: tuple[tuple[str, str], ...] = (),
        **context: Any,
    ) -> Page:
        url = url_of(src_uri)
        return Page(src_uri, title, description, lambda: self.render(template, url, title=title, **context), meta)

    def pages(self) -> list[Page]:
        archive = self.archive
        org = archive.organisation
        pages = [
            self.page(
                "index.md",
                labels.START_TITLE,
                labels.START_INTRO.format(organisation=org.short_name),
                "start.html",
                latest=archive.meetings[:10],
                with_body=True,
                example_dnr=str(next(iter(archive.cases.values())).dnr)
                if archive.cases
                else f"{org.dnr_prefix} 2023/93",
            ),
            self.page(
                f"{CASES_DIR}/index.md", labels.CASES, labels.CASES_INTRO, "cases.html", by_year=self.cases_by_year()
            ),
            self.page(
                f"{PERSONS_DIR}/index.md",
                labels.PERSONS,
                labels.PERSONS_INTRO,
                "persons.html",
                records=sorted(archive.persons.values(), key=lambda r: r.person.name),
            ),
        ]
        for body in org.bodies:
            pages += self.body_pages(body)
        pages += [self.case_page(case) for case in archive.cases.values()]
        pages += [self.person_page(record) for record in archive.persons.values()]
        pages.append(self.search_page())
        pages.append(self.notice_board_page())
        pages.append(self.open_data_page())
        return pages

    def body_pages(self, body: Body) -> list[Page]:
        """The body's page, one page per year, and every meeting with links to its neighbours."""
        years = self.archive.years(body.slug)
        newest = next(iter(years.values()), [])
        pages = [
            self.page(
                f"{body.slug}/index.md",
                body.name,
                body.description or body.name,
                "body.html",
                meta=(("feed", f"{body.slug}/flode.xml"), ("feed_title", labels.FEED_TITLE.format(name=body.name))),
                b=body,
                years=years,
                latest=newest,
                with_body=False,
            )
        ]
        ordered_years = list(years)
        for i, (year, meetings) in enumerate(years.items()):
            title = labels.YEAR_TITLE.format(body=body.name, year=year)
            pages.append(
                self.page(
                    f"{body.slug}/{year}/index.md",
                    title,
                    title,
                    "year.html",
                    meta=SHARED,
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
            f"{PERSONS_DIR}/{record.person.slug}.md", name, name, "person.html", meta=SHARED, record=record, roles=roles
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
        return self.page(
            f"{meeting.body}/{meeting.slug}.md",
            title,
            ", ".join(item.title for item in meeting.items)[:300],
            "meeting.html",
            meta=SHARED,
            meeting=meeting,
            groups=groups,
            agenda=agenda,
            decision_heading=body.decision_heading,
            previous=previous,
            following=following,
        )

    def case_page(self, case: Case) -> Page:
        title = labels.CASE_TITLE.format(dnr=case.dnr, title=case.title)
        meetings = [h.meeting for h in case.handlings]
        return self.page(
            f"{CASES_DIR}/{case.key}.md",
            title,
            title,
            "case.html",
            meta=SHARED,
            case=case,
            body_names=sorted({self.archive.body(m.body).name for m in meetings}),
            years=sorted({m.date.year for m in meetings}),
        )

    def notice_board_page(self) -> Page:
        """The anslagstavla on the build day: notices up, how to appeal, recent notices taken down."""
        posted = [m for m in self.archive.meetings if m.posting is not None]
        up = [m for m in posted if m.posting and m.posting.posted <= self.today <= m.posting.taken_down]
        down = [m for m in posted if m.posting and m.posting.taken_down < self.today]
        down.sort(key=lambda m: m.posting.taken_down if m.posting else m.date, reverse=True)
        intro = labels.NOTICE_BOARD_INTRO.format(organisation=self.archive.organisation.short_name)
        return self.page(
            f"{NOTICE_BOARD_DIR}/index.md",
            labels.NOTICE_BOARD,
            intro,
            "notice_board.html",
            up=up,
            down=down[:NOTICES_DOWN_SHOWN],
            adjusted_on=adjusted_on,
        )

    def open_data_page(self) -> Page:
        meeting = self.archive.meetings[0] if self.archive.meetings else None
        case = next(iter(self.archive.cases.values()), None)
        return self.page(
            "oppna-data/index.md",
            labels.OPEN_DATA,
            labels.OPEN_DATA_INTRO,
            "open_data.html",
            example_meeting=f"data/moten/{meeting.body}/{meeting.slug}.json" if meeting else "",
            example_case=f"data/arenden/{case.key}.json" if case else "",
        )

    def search_page(self) -> Page:
        """The search page: the form, and the dnr rule from ``generator.dnr`` for its script."""
        years = sorted({m.date.year for m in self.archive.meetings}, reverse=True)
        return self.page(
            f"{SEARCH_DIR}/index.md",
            labels.SEARCH_TITLE,
            labels.SEARCH_HELP,
            "search.html",
            years=years,
            dnr_pattern=js_pattern(),
            texts=json.dumps(labels.SEARCH_TEXTS, ensure_ascii=False),
        )

    def dnr_index(self) -> dict[str, str]:
        """One small JSON file per diarium year: serial -> [prefix, case URL, dnr, title].

        A dnr lookup fetches only the file of its year, a few kilobytes even in a large archive.
        """
        years: dict[int, dict[str, list[list[str]]]] = {}
        for case in self.archive.cases.values():
            entry = [case.dnr.prefix, case_url(case.dnr), str(case.dnr), case.title]
            years.setdefault(case.dnr.year, {}).setdefault(str(case.dnr.serial), []).append(entry)
        return {
            f"{SEARCH_DIR}/dnr/{year}.json": json.dumps(serials, ensure_ascii=False, separators=(",", ":"))
            for year, serials in years.items()
        }

    def cases_by_year(self) -> list[tuple[int, list[Case]]]:
        ordered = sorted(self.archive.cases.values(), key=lambda c: (-c.dnr.year, c.dnr.prefix, c.dnr.serial))
        return [(year, list(cases)) for year, cases in groupby(ordered, key=lambda c: c.dnr.year)]


def adjusted_on(meeting: Meeting) -> date | None:
    """The day the protocol was adjusted, when e-signatures record it (the last signature)."""
    if meeting.signing and meeting.signing.signatures:
        return max(s.signed_at for s in meeting.signing.signatures).date()
    return None


def _agenda_from_items(meeting: Meeting) -> list[AgendaEntry]:
    return [AgendaEntry(item.number, item.title, item.dnr) for item in meeting.items]
