"""Writes a meeting in the layout of a protocol exported from the signed PDF: the seed's layout,
or one of three other templates' (``LAYOUTS``).

Used by the synthetic archive, so that the Markdown reader is exercised at scale on the layouts
staff publish, page furniture (running headers, "Justerandes sign") included.
"""

from __future__ import annotations

from generator.model import AttendanceGroup, Attendee, Body, Item, Meeting, SigningRecord

_FURNITURE = "Justerandes sign\n\nUtdragsbestyrkande\n\n{body}\n\n"
# seed: the seed's template. colon: an older template ("PROTOKOLL", "Label: value", ANSLAGSBEVIS,
# "§ 41 Dnr 2016/12"). table: another tool's export (the header as a pipe table, "**§ 5**",
# "DNR: …"). trailing: "Sammanträdesprotokoll", "28 §", an Innehållsförteckning over two lines.
LAYOUTS = ("seed", "colon", "table", "trailing")


def _entry(a: Attendee) -> str:
    text = a.name
    if a.municipality:
        text += f", {a.municipality}"
    role = a.role or ""
    if a.serving_for:
        role = f"{role} för {a.serving_for}".strip()
    if role:
        text += f", {role}"
    if a.paragraphs:
        text += " §§ " + ", ".join(f"{first}-{last}" for first, last in a.paragraphs.spans())
    return text


def export(meeting: Meeting, body: Body, dnr_prefix: str, layout: str = "seed") -> str:
    """The meeting as the PDF-to-Markdown export writes it, in ``layout`` (one of ``LAYOUTS``)."""
    if layout != "seed":
        return _other_layout(meeting, body, dnr_prefix, layout)
    name = body.name
    lines = ["", "", f"**{name}**", ""]
    lines.append(f"Plats och tid\t{_place(meeting)}\t\t")
    members = [a for a in meeting.attendees if a.group is AttendanceGroup.MEMBER]
    substitutes = [a for a in meeting.attendees if a.group is AttendanceGroup.SUBSTITUTE]
    others = [a for a in meeting.attendees if a.group is AttendanceGroup.OTHER]
    lines.append("Beslutande\tLedamöter " + " ".join(_entry(a) for a in members) + "\t\t")
    if substitutes:
        lines.append("\tErsättare " + " ".join(_entry(a) for a in substitutes) + "\t\t")
    if others:
        lines.append("Övriga närvarande\t" + " ".join(_entry(a) for a in others) + "\t\t")
    adjustment = meeting.adjustment
    if adjustment:
        lines.append(f"Justerare\t{' och '.join(a.name for a in adjustment.adjusters)}\t\t")
        lines.append(f"Justeringens plats och tid\t{adjustment.place_and_time}\t\t")
        for i, signatory in enumerate(adjustment.signatories):
            label = "Underskrifter" if i == 0 else ""
            signed = adjustment.signed
            tail = f"Paragrafer §§ {signed.first} - {signed.last}" if i == 0 and signed else ""
            lines.append(f"{label}\t{signatory.role}\t{signatory.name}\t{tail}")
    lines.append("")
    posting = meeting.posting
    if posting:
        lines += ["**ANSLAG/BEVIS**", "", posting.statement, ""]
        lines += [
            f"Organ\t{name}\t\t",
            f"Sammanträdesdatum\t{meeting.date.isoformat()}\t\t",
            f"Datum då anslaget sätts upp\t{posting.posted.isoformat()}\tDatum då anslaget tas ned\t"
            f"{posting.taken_down.isoformat() if posting.taken_down else ''}",
            f"Förvaringsplats för protokollet\t{posting.kept_at}\t\t",
            "",
            "Underskrift",
            "",
            "Justerandes sign\t\t\t\tUtdragsbestyrkande",
            "------------------\t--\t--\t--\t--------------------",
            "",
        ]
    lines += [name, "", "## Ärendelista", ""]
    for page, entry in enumerate(meeting.agenda, start=2):
        dnr = ", ".join(str(d) for d in entry.dnr)
        lines.append(
            f"§ {entry.number}\t{entry.title}\t{dnr}\t{page}" if dnr else f"§ {entry.number}\t{entry.title}\t{page}"
        )
    lines += ["", name, ""]
    out = "\n".join(lines) + "\n"
    for item in meeting.items:
        out += _item(item, body, dnr_prefix)
    if meeting.signing:
        out += _signing(meeting.signing)
    return out


def _place(meeting: Meeting) -> str:
    if meeting.start and meeting.end:
        return f"{meeting.place}, kl. {meeting.start:%H:%M} – {meeting.end:%H.%M}"
    return meeting.place


def _other_layout(meeting: Meeting, body: Body, dnr_prefix: str, layout: str) -> str:
    rows: list[tuple[str, str]] = [("Plats och tid", _place(meeting))]
    for group, label in (
        (AttendanceGroup.MEMBER, "Beslutande"),
        (AttendanceGroup.SUBSTITUTE, "Ersättare"),
        (AttendanceGroup.OTHER, "Övriga"),
    ):
        listed = [a for a in meeting.attendees if a.group is group]
        if listed:
            rows.append((label, " ".join(_entry(a) for a in listed)))
    adjustment = meeting.adjustment
    if adjustment:
        rows.append(("Utses att justera", " och ".join(a.name for a in adjustment.adjusters)))
        rows.append(("Justeringens plats och tid", adjustment.place_and_time))
    title = {"colon": "PROTOKOLL", "table": "", "trailing": f"Sammanträdesprotokoll {meeting.date:%m/%Y}"}[layout]
    lines = [title, "", f"**{body.name}**", ""] if title else [f"**{body.name}**", ""]
    if layout == "table":
        table = [f"| {label} | {value} |" for label, value in rows]
        lines += [table[0], "| --- | --- |", *table[1:]]  # the first row is the table's head
    else:
        separator = ":" if layout == "colon" else ";"
        lines += [f"{label}{separator} {value}" for label, value in rows]
    if adjustment:
        lines.append("")
        signed = adjustment.signed
        for i, signatory in enumerate(adjustment.signatories):
            tail = f"\tParagrafer {signed.first} -- {signed.last}" if i == 0 and signed else ""
            lines.append(f"{signatory.role}\t{signatory.name}{tail}")
    posting = meeting.posting
    if posting:
        lines += ["", "ANSLAGSBEVIS", "", posting.statement, ""]
        lines += [
            f"Anslagsdatum: {posting.posted.isoformat()}",
            f"Anslaget tas ner tidigast: {posting.taken_down.isoformat() if posting.taken_down else ''}",
            f"Förvaringsplats: {posting.kept_at}",
        ]
    if meeting.agenda:
        lines += ["", "Innehållsförteckning" if layout == "trailing" else "Ärendelista", ""]
        for page, entry in enumerate(meeting.agenda, start=2):
            dnr = ", ".join(str(d) for d in entry.dnr)
            if layout == "trailing":  # over two lines, the title with dotted leaders
                lines += [f"§ {entry.number}\t{dnr}\t{page}" if dnr else f"§ {entry.number}\t\t{page}"]
                lines += [f"{entry.title} {'.' * 12} {page}"]
            else:
                lines += [f"{entry.number}\t{entry.title}\t{dnr}\t{page}" if dnr else f"{entry.number}\t{entry.title}"]
    out = "\n".join(lines) + "\n\n"
    for item in meeting.items:
        out += _item(item, body, dnr_prefix, layout)
    if meeting.signing:
        out += _signing(meeting.signing)
    return out


def _signing(record: SigningRecord) -> str:
    """The e-signing service's page: its statement, the signers with UTC times, the rest."""
    statement, _, rest = record.text.partition("\n\n")
    lines = ["", statement, "", "## Undertecknare", ""]
    for pair in (record.signatures[i : i + 2] for i in range(0, len(record.signatures), 2)):
        lines.append("\t\t".join(f" <b>{s.signer}</b> {s.reference}" for s in pair) + "\t")
        lines.append("\t\t".join(f"{s.signed_at:%Y-%m-%d %H:%M:%S}Z" for s in pair) + "\t")
    lines.append("")
    return "\n".join(lines) + "\n" + rest + "\n"


def _item(item: Item, body: Body, dnr_prefix: str, layout: str = "seed") -> str:
    # The organisation's own diarium is written without its prefix, as in the seed.
    dnr = ", ".join(f"{d.year}/{d.serial}" if d.prefix == dnr_prefix else str(d) for d in item.dnr)
    if layout == "colon" and dnr:
        parts = [f"§ {item.number} Dnr {dnr}", ""]
    else:
        opening = {"table": f"**§ {item.number}**", "trailing": f"{item.number} §"}.get(layout, f"§ {item.number}")
        parts = [opening, ""]
        if dnr:
            parts += [f"{'DNR:' if layout == 'table' else 'Dnr'} {dnr}", ""]
    parts += [f"**{item.title}**" if layout != "seed" else f"## {item.title}", ""]
    if item.decision:
        parts += [f"### {body.decision_heading}", "", item.decision, ""]
    for section in item.sections:
        if section.heading:
            parts += [f"### {section.heading}", ""]
        parts += [section.text, ""]
    if item.references:
        parts += ["### Beslutsunderlag", "", *(r.text for r in item.references), ""]
    if item.recipients:
        parts += ["### Beslutsexpediering", "", *item.recipients, ""]
    return "\n".join(parts) + "\n" + _FURNITURE.format(body=body.name)
