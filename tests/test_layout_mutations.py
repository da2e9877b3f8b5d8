"""Layout mutations: every protocol the reader reads (the layouts beside the code, the corpus and
the blind layouts) is rewritten along the axes an export varies on, and each variant must give the
same facts, invent no person and keep the words of its paragraphs in order.

The axes (each drawn independently by hypothesis, several at once):
- tabs: a cell break written with spaces around the tab;
- emphasis: a bold line written plain, or a plain title or label written bold;
- case: a header label in capitals;
- colon: a header label with a colon after it;
- running headers: the organisation's name with a page number, and "Justerandes sign", inserted
  before paragraphs as the PDF prints them at page breaks;
- prefix: every paragraph start given the body's abbreviation ("§ 5" -> "AU § 5");
- split labels: a header label of two words or more broken over two lines, its value beside the
  first line, as exports of narrow cells write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from generator.model import Meeting, Organisation
from generator.problems import Problems
from generator.readers.markdown import MarkdownReader
from generator.readers.markdown.paragraph_starts import abbreviates
from generator.readers.organisation import read_organisation
from generator.readers.vocabulary import normalise, vocabulary_for

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass(frozen=True)
class Protocol:
    name: str
    organisation_dir: Path
    body: str
    day: date
    text: str


def _protocols() -> list[Protocol]:
    found = []
    layouts = FIXTURES / "layouts"
    for path in sorted(layouts.glob("*/*.md")):
        found.append(
            Protocol(
                path.parent.name + "/" + path.stem,
                layouts,
                path.parent.name,
                date.fromisoformat(path.stem),
                path.read_text(encoding="utf-8"),
            )
        )
    import json

    for folder in (
        FIXTURES / "corpus" / "layouts",
        FIXTURES / "blind",
        FIXTURES / "blind2" / "a",
        FIXTURES / "blind2" / "b",
    ):
        for expectation in sorted(folder.glob("*.expect.json")):
            name = expectation.name.removesuffix(".expect.json")
            org = folder / f"{name}.organisation.yaml"
            if not org.exists():
                continue  # the Itsam additions need the project's file merged: the layouts above cover Itsam
            data = json.loads(expectation.read_text(encoding="utf-8"))
            found.append(
                Protocol(
                    name,
                    org,
                    data["body"]["slug"],
                    date.fromisoformat(data["date"]),
                    (folder / f"{name}.md").read_text(encoding="utf-8"),
                )
            )
    return found


PROTOCOLS = _protocols()


@cache
def _organisation(path: Path) -> Organisation:
    if path.is_dir():
        directory = path
    else:
        import tempfile

        directory = Path(tempfile.mkdtemp(prefix="mutations-"))
        (directory / "organisation.yaml").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    problems = Problems()
    organisation = read_organisation(directory, problems)
    assert organisation is not None, problems.report()
    return organisation


def _read(protocol: Protocol, text: str) -> tuple[Meeting | None, Problems]:
    organisation = _organisation(protocol.organisation_dir)
    body = organisation.body(protocol.body)
    assert body is not None
    problems = Problems()
    return MarkdownReader(organisation, body, f"{protocol.body}/{protocol.day}.md", problems).read(
        text, protocol.day
    ), problems


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _facts(meeting: Meeting) -> dict[str, object]:
    """What a reader must get the same whatever the layout's cosmetics."""
    return {
        "place": _words(meeting.place),
        "time": (meeting.start, meeting.end),
        "attendees": sorted((_words(a.name), a.group.value) for a in meeting.attendees),
        "adjusters": sorted(a.name for a in meeting.adjustment.adjusters) if meeting.adjustment else [],
        "posting": (meeting.posting.posted, meeting.posting.taken_down) if meeting.posting else None,
        "items": [(i.number, _words(i.title), [d.key for d in i.dnr], _words(i.decision)[:12]) for i in meeting.items],
    }


def _paragraph_words(meeting: Meeting) -> list[str]:
    """The words of the paragraphs, in order: titles, decisions, their sections."""
    out: list[str] = []
    for item in meeting.items:
        out += _words(item.title) + _words(item.proposal) + _words(item.decision)
        for section in item.sections:
            out += _words(section.heading) + _words(section.text)
    return out


@cache
def _baseline(index: int) -> tuple[Meeting, int]:
    protocol = PROTOCOLS[index]
    meeting, problems = _read(protocol, protocol.text)
    assert meeting is not None and not problems.errors, problems.report()
    return meeting, len(problems.errors)


def _label_cell(line: str, protocol: Protocol) -> str | None:
    """The header label a line opens with, as written (None when it opens with none)."""
    vocabulary = vocabulary_for(_organisation(protocol.organisation_dir).vocabulary)
    first = line.split("\t", 1)[0]
    found = vocabulary.label(vocabulary.header, first) if "\t" in line and first.strip() else None
    return found[1] if found and not found[2] and first.strip() == found[1] else None


_START = re.compile(r"^(?P<lead>(?:#{1,3}\s+)?(?:\*\*)?)§(?P<rest>\s*\d+.*)$")


def mutate(protocol: Protocol, meeting: Meeting, data: st.DataObject) -> str:
    lines = protocol.text.splitlines()
    head_end = min((item.line for item in meeting.items), default=len(lines)) - 1
    draw = data.draw
    out: list[str] = []
    kinds = ["same", "same", "same", "tabs", "emphasis", "case", "colon", "split"]
    plan = draw(st.lists(st.sampled_from(kinds), min_size=len(lines), max_size=len(lines)), label="axes per line")
    breaks = draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)), label="page breaks")
    spacing = draw(st.sampled_from([" \t ", "\t ", " \t"]), label="tab written as")
    prefix = draw(st.booleans(), label="prefix on starts")
    abbreviation = "".join(w[0] for w in re.findall(r"[A-Za-zÅÄÖåäö]+", protocol.body.replace("-", " ")))[:3].upper()
    if not abbreviates(abbreviation, _organisation(protocol.organisation_dir).body(protocol.body).name):  # type: ignore[union-attr]
        prefix = False
    starts = {item.line for item in meeting.items}
    uses_prefix = any(
        re.match(r"^(?:#{1,3}\s+)?(?:\*\*)?[A-ZÅÄÖ][A-Za-zåäö]{0,4}\.?\s+§", lines[n - 1]) for n in starts
    )
    organisation = _organisation(protocol.organisation_dir)
    for number, line in enumerate(lines, start=1):
        kind = plan[number - 1]
        if number in starts and breaks[number - 1]:
            out += [
                "",
                "Justerandes sign\tUtdragsbestyrkande",
                "",
                f"{organisation.name.upper()}\tSAMMANTRÄDESPROTOKOLL\tSida {number} (99)",
                "",
            ]
        if number in starts and prefix and not uses_prefix and (found := _START.match(line)):
            line = f"{found['lead']}{abbreviation} §{found['rest']}"
        label = _label_cell(line, protocol) if number <= head_end else None
        if kind == "tabs" and "\t" in line.strip("\t"):
            line = re.sub(r"(?<=\S)\t(?=\S)", spacing, line)
        elif kind == "emphasis" and (bold := re.fullmatch(r"\*\*([^*]+)\*\*", line.strip())) and number not in starts:
            line = bold[1]
        elif kind == "case" and label:
            line = label.upper() + line[len(label) :]
        elif kind == "colon" and label and not label.endswith(":"):
            line = label + ":" + line[len(label) :]
        elif kind == "split" and label and " " in label and not label.endswith(":"):
            head, tail = label.rsplit(" ", 1)
            line = head + line[len(label) :] + "\n" + tail
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("index", range(len(PROTOCOLS)), ids=[p.name for p in PROTOCOLS])
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_a_layout_variant_reads_as_the_original(index: int, data: st.DataObject) -> None:
    protocol = PROTOCOLS[index]
    original, _ = _baseline(index)
    text = mutate(protocol, original, data)
    import difflib

    note("\n".join(difflib.unified_diff(protocol.text.splitlines(), text.splitlines(), lineterm="", n=0)))
    variant, problems = _read(protocol, text)
    assert variant is not None and not problems.errors, problems.report()
    assert _facts(variant) == _facts(original)
    invented = {normalise(a.name) for a in variant.attendees} - {normalise(a.name) for a in original.attendees}
    assert invented == set()
    assert _paragraph_words(variant) == _paragraph_words(original)
