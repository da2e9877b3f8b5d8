"""Open data: JSON for every meeting and case, one bulk file, a CSV of all decisions.

Shaped after OParl 1.1 (Meeting, AgendaItem, Paper, Consultation, Organization, Person) where it
fits. URLs are absolute when the site has a ``site_url``, else relative to the site root. A
withheld paragraph carries its number, title, dnr and ground, never its text (the model has none).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from generator.index import Archive, Case
from generator.model import Document, Item, Meeting, ParagraphRange, PersonName
from generator.site import labels, urls
from generator.site.outputs.base import STOCKHOLM, OutputContext, files_output


class OpenData:
    def __init__(self, archive: Archive, site_url: str) -> None:
        self.archive = archive
        self.site_url = site_url

    def url(self, path: str) -> str:
        return urls.absolute(self.site_url, path)

    def moment(self, meeting: Meeting, clock: Any) -> str | None:
        if clock is None:
            return None
        return datetime.combine(meeting.date, clock, tzinfo=STOCKHOLM).isoformat()

    def item(self, meeting: Meeting, item: Item) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": "AgendaItem",
            "number": str(item.number),
            "name": item.title,
            "paper": [{"reference": str(d), "id": self.url(urls.case_data_path(d.key))} for d in item.dnr],
            "web": self.url(urls.item_url(meeting, item.anchor)),
        }
        if item.withheld:
            data["withheld"] = {"ground": item.withheld.ground}
            return data
        if item.proposal:
            data["proposal"] = {"heading": item.proposal_heading, "text": item.proposal}
        data |= {
            "resolutionText": item.decision,
            "sections": [
                {
                    "heading": s.heading,
                    "text": s.text,
                    **({"withheld": {"ground": s.withheld.ground}} if s.withheld else {}),
                }
                for s in item.sections
            ],
            "references": [r.text for r in item.references],
            "auxiliaryFile": [self.document(meeting, d) for d in item.documents],
            "recipients": list(item.recipients),
            "motions": list(item.motions),
            "votes": [
                {
                    "question": v.question,
                    "yes": _names(v.yes),
                    "no": _names(v.no),
                    "abstaining": _names(v.abstaining),
                    "result": v.result,
                }
                for v in item.votes
            ],
            "reservations": [{"by": _names(r.by), "text": r.text} for r in item.reservations],
            "disqualified": _names(item.disqualified),
            "notes": list(item.notes),
            "adjustedImmediately": item.adjusted_immediately,
        }
        return data

    def meeting(self, meeting: Meeting) -> dict[str, Any]:
        body = self.archive.body(meeting.body)
        posting = meeting.posting
        adjustment = meeting.adjustment
        return {
            "type": "Meeting",
            "id": self.url(urls.meeting_data_path(meeting)),
            "name": f"{body.name} {meeting.date.isoformat()}",
            "organization": {"type": "Organization", "id": self.url(urls.body_url(body.slug)), "name": body.name},
            "date": meeting.date.isoformat(),
            "start": self.moment(meeting, meeting.start),
            "end": self.moment(meeting, meeting.end),
            "location": {"description": meeting.place},
            "participant": [
                {
                    "name": a.name,
                    "person": self.url(urls.person_url(a.person)) if a.person else None,
                    "group": a.group.value,
                    "municipality": a.municipality,
                    "role": a.role,
                    "servingFor": a.serving_for,
                    "party": a.party,
                    "paragraphs": [a.paragraphs.first, a.paragraphs.last] if a.paragraphs else None,
                    # "§§ 61-64, 69": every span; "paragraphs" above is the first.
                    **(
                        {"paragraphSpans": [list(span) for span in a.paragraphs.spans()]}
                        if a.paragraphs and a.paragraphs.also
                        else {}
                    ),
                }
                for a in meeting.attendees
            ],
            "adjustment": adjustment
            and {
                "adjusters": _names(adjustment.adjusters),
                "placeAndTime": adjustment.place_and_time,
                "signatories": [{"role": s.role, "name": s.name} for s in adjustment.signatories],
                "paragraphs": [adjustment.signed.first, adjustment.signed.last] if adjustment.signed else None,
            },
            "extra": [{"label": e.label, "text": e.text} for e in meeting.extras],
            "annexes": [{"label": e.label, "text": e.text} for e in meeting.annexes],
            "posting": posting
            and {
                "posted": posting.posted.isoformat(),
                "takenDown": posting.taken_down.isoformat() if posting.taken_down else None,
                "appealDeadline": posting.appeal_deadline.isoformat(),
                "keptAt": posting.kept_at,
            },
            "agendaItem": [self.item(meeting, item) for item in meeting.items],
            **({"verbatimProtocol": self.original(meeting)} if meeting.original_file else {}),
            "web": self.url(urls.meeting_url(meeting)),
        }

    def document(self, meeting: Meeting, document: Document) -> dict[str, Any]:
        """A handling as OParl's File; a withheld one by its title and ground only."""
        if document.withheld is not None or not document.sha512:
            ground = document.withheld.ground if document.withheld else ""
            return {"type": "File", "name": document.title, "withheld": {"ground": ground}}
        return {
            "type": "File",
            "name": document.title,
            "fileName": document.name,
            "accessUrl": self.url(urls.document_url(meeting, document)),
            "mimeType": "application/pdf",
            "size": document.size,
            "sha512Checksum": document.sha512,
            "searchable": document.pages is not None,
        }

    def original(self, meeting: Meeting) -> dict[str, Any]:
        """The signed original as OParl's File, with the signatures as checked (our extension)."""
        original = meeting.original_file
        assert original is not None
        return {
            "type": "File",
            "accessUrl": self.url(urls.original_url(meeting)),
            "mimeType": "application/pdf",
            "size": original.size,
            "sha512Checksum": original.sha512,
            "redacted": meeting.original_redacted,
            "signatures": [
                {
                    "status": s.status.value,
                    "signer": s.signer,
                    "signedAt": s.signed_at.isoformat() if s.signed_at else None,
                }
                for s in original.signatures
            ],
        }

    def case(self, case: Case) -> dict[str, Any]:
        return {
            "type": "Paper",
            "id": self.url(urls.case_data_path(case.key)),
            "reference": str(case.dnr),
            "name": case.title,
            "consultation": [
                {
                    "type": "Consultation",
                    "meeting": self.url(urls.meeting_data_path(h.meeting)),
                    "organization": self.archive.body(h.meeting.body).name,
                    "date": h.meeting.date.isoformat(),
                    "agendaItem": str(h.item.number),
                    "name": h.item.title,
                    "resolutionText": None if h.item.withheld else h.item.decision,
                    "web": self.url(urls.item_url(h.meeting, h.item.anchor)),
                }
                for h in case.handlings
            ],
            "relatedPaper": [str(d) for d in case.related],
            "web": self.url(urls.case_url(case.dnr)),
        }

    def vote_events(self) -> dict[str, Any]:
        """Every omröstning shaped after Popolo: vote events with their counts, and each vote,
        linked to the OParl-shaped person and agenda item."""
        events: list[dict[str, Any]] = []
        votes: list[dict[str, Any]] = []
        for meeting in reversed(self.archive.meetings):
            body = self.archive.body(meeting.body)
            for item in meeting.items:
                for n, vote in enumerate(item.votes, start=1):
                    event_id = self.url(f"{urls.item_url(meeting, item.anchor)}-omrostning-{n}")
                    options = (("yes", vote.yes), ("no", vote.no), ("abstain", vote.abstaining))
                    events.append(
                        {
                            "id": event_id,
                            "motion": {"text": vote.question},
                            "organization": {"id": self.url(urls.body_url(body.slug)), "name": body.name},
                            "start_date": meeting.date.isoformat(),
                            "result": vote.result,
                            "counts": [{"option": option, "value": len(names)} for option, names in options],
                            "agendaItem": self.url(urls.item_url(meeting, item.anchor)),
                        }
                    )
                    votes += [
                        {
                            "vote_event_id": event_id,
                            "option": option,
                            "voter": {
                                "name": name.name,
                                "id": self.url(urls.person_url(name.person)) if name.person else None,
                            },
                        }
                        for option, names in options
                        for name in names
                    ]
        return {"vote_events": events, "votes": votes}

    def decisions_csv(self, excel: bool = False) -> str:
        """Every decision, one row each. For Excel with Swedish settings: a byte-order mark (else
        it reads å, ä, ö as Latin-1), semicolons (its list separator) and CRLF."""
        out = io.StringIO()
        if excel:
            out.write("\ufeff")
        writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
        writer.writerow(labels.DECISIONS_CSV_COLUMNS)
        for meeting in reversed(self.archive.meetings):
            body = self.archive.body(meeting.body).name
            for item in meeting.items:
                writer.writerow(
                    [
                        meeting.date.isoformat(),
                        _cell(body),
                        item.number,
                        "; ".join(str(d) for d in item.dnr),
                        _cell(item.title),
                        _cell("" if item.withheld else item.decision),
                        _cell(item.withheld.ground if item.withheld else ""),
                        self.url(urls.item_url(meeting, item.anchor)),
                    ]
                )
        return out.getvalue()

    def files(self) -> dict[str, str]:
        """Every open-data file: path in the site -> content."""
        org = self.archive.organisation
        meetings = {urls.meeting_data_path(m): self.meeting(m) for m in self.archive.meetings}
        cases = {urls.case_data_path(c.key): self.case(c) for c in self.archive.cases.values()}
        bulk = {
            "type": "Body",
            "name": org.name,
            "dnrPrefix": org.dnr_prefix,
            "municipalities": list(org.municipalities),
            "organization": [
                {"type": "Organization", "id": self.url(urls.body_url(b.slug)), "name": b.name} for b in org.bodies
            ],
            "meeting": list(meetings.values()),
            "paper": list(cases.values()),
        }
        files = {path: _json(data) for path, data in (meetings | cases).items()}
        files[urls.BULK_DATA] = _json(bulk)
        files[urls.DECISIONS_CSV] = self.decisions_csv()
        files[urls.DECISIONS_EXCEL] = self.decisions_csv(excel=True)
        files[urls.VOTES_DATA] = _json(self.vote_events())
        return files


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _names(values: tuple[PersonName, ...]) -> list[str]:
    return [value.name for value in values]


def files(context: OutputContext) -> dict[str, str]:
    return OpenData(context.archive, context.site_url).files()


OUTPUT = files_output("open-data", files)


# A spreadsheet program runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Text from a source for a CSV cell: a leading apostrophe keeps a formula from running."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _spans(paragraphs: ParagraphRange | None) -> dict[str, Any]:
    """ "§§ 61-64, 69": every span, beside the first in "paragraphs" (only when there is a gap)."""
    return {"paragraphSpans": [list(span) for span in paragraphs.spans()]} if paragraphs and paragraphs.also else {}
