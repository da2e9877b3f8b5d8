"""Sources that used to end in a traceback, hold the build for minutes, or be accepted although
they make no sense: each gets `file:line: message` and exit code 1 (lines computed from the source)."""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import PROTOCOLS, arkiv, build_site
from tests.helpers import line_of

SEED = "direktionen/2023-10-26.md"


def sources(tmp_path: Path) -> Path:
    protocols = tmp_path / "protocols"
    shutil.copytree(PROTOCOLS, protocols)
    return protocols


def validate(protocols: Path) -> str:
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def edit(path: Path, change: Callable[[str], str]) -> str:
    text = path.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    return changed


@pytest.mark.parametrize(
    ("change", "needle", "fragment"),
    [
        (lambda t: t.replace("kl. 10:30 – 12.00", "kl. 10:30 – 12.60"), "12.60", "ingen tid"),
        (lambda t: t.replace("kl. 10:30 – 12.00", "kl. 13:30 – 12.00"), "13:30", "slutar (12:00:00) före"),
        (lambda t: t.replace("§ 70\n", "§ " + "7" * 5000 + "\n"), "7" * 5000, "orimligt långt"),
        (lambda t: t.replace("Akt\n", "[" * 20_000 + "\n", 1), "[[[[", "ovanligt lång följd"),
        (lambda t: t.replace("Akt\n", "*a" * 30_000 + "\n", 1), "*a*a", "längre än 50000 tecken"),
        (lambda t: t.replace("Akt\n", "`" * 1000 + "a\n", 1), "````", "ovanligt lång följd"),
        (
            lambda t: t.replace("Akt\n", "".join("  " * i + "- punkt\n" for i in range(500)), 1),
            "  " * 33 + "- punkt",
            "nästlad djupare",
        ),
        (
            lambda t: t.replace("2023-11-06 08:16:42Z", "2023-13-45 08:16:42Z"),
            "2023-13-45",
            "kunde inte paras ihop",
        ),
        (
            lambda t: t.replace("tas ned\t2023-11-28", "tas ned\t9999-12-30"),
            "Datum då anslaget sätts upp",
            "mer än ett år efter",
        ),
        # A control character no feed can carry: refused where it stands, not by the build.
        (
            lambda t: t.replace("## **Personal**", "## **Perso\x01nal**"),
            "Perso\x01nal",
            "styrtecken (U+0001)",
        ),
        (lambda t: t.replace("Akt\n", "Ak\x7ft\n", 1), "Ak\x7ft", "styrtecken (U+007F)"),
        # Reading and rendering grow with the paragraphs: past any protocol's count, refused at
        # the first paragraph too many (the seed's nine, from § 65, and as many more as it takes).
        (
            lambda t: t.replace(
                "## Undertecknare",
                "".join(f"§ {n}\n\n## Ärende {n}\n\nText.\n\n" for n in range(74, 1100)) + "## Undertecknare",
            ),
            "§ 1065",
            "fler än 1000 paragrafer",
        ),
    ],
)
def test_markdown_source(tmp_path: Path, change: Callable[[str], str], needle: str, fragment: str) -> None:
    protocols = sources(tmp_path)
    text = edit(protocols / SEED, change)
    stderr = validate(protocols)
    assert f"{SEED}:{line_of(text, needle)}:1: error: " in stderr, stderr[:2000]
    assert fragment in stderr


@pytest.mark.parametrize("day", ["9999-12-25", "0001-01-01", "2099-06-01"])
def test_implausible_meeting_dates(tmp_path: Path, day: str) -> None:
    protocols = sources(tmp_path)
    text = (protocols / SEED).read_text(encoding="utf-8").replace("2023-10-26", day)
    (protocols / "direktionen" / f"{day}.md").write_text(text, encoding="utf-8")
    stderr = validate(protocols)
    assert f"direktionen/{day}.md:1:1: error: sammanträdet {day} är ett orimligt datum" in stderr


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("  - paragraf: 1", "  - paragraf: " + "7" * 5000, "orimligt långt"),
        ('tidpunkt: "2024-03-18T09:00:00+01:00"', 'tidpunkt: "2024-03-18T09:00:00"', "ingen tidpunkt"),
        ('start: "09:00"', 'start: "13:00"', "slutar (12:00:00) före"),
        ("    rubrik: Budget", '    rubrik: "Bud\\x01get"', "styrtecken (U+0001)"),  # an escape, read
    ],
)
def test_yaml_source(tmp_path: Path, field: str, value: str, fragment: str) -> None:
    protocols = sources(tmp_path)
    meeting = (
        'organ: direktionen\ndatum: 2024-03-14\nplats: Linköping\nstart: "09:00"\nslut: "12:00"\n'
        "paragrafer:\n  - paragraf: 1\n    rubrik: Budget\n    beslut: Direktionen beslutar.\n"
        "signering:\n  tjänst: Addo Sign\n  underskrifter:\n"
        '    - {namn: Jacob Käll, tidpunkt: "2024-03-18T08:00:00Z"}\n'
        '    - {namn: Claes Sjökvist, tidpunkt: "2024-03-18T09:00:00+01:00"}\n'
    )
    assert field in meeting
    meeting = meeting.replace(field, value)
    (protocols / "direktionen" / "2024-03-14.yaml").write_text(meeting, encoding="utf-8")
    stderr = validate(protocols)
    line = line_of(meeting, "slut:" if "slutar" in fragment else value.strip())
    assert f"direktionen/2024-03-14.yaml:{line}:" in stderr and fragment in stderr, stderr


def test_a_yaml_source_with_more_paragraphs_than_any_protocol(tmp_path: Path) -> None:
    protocols = sources(tmp_path)
    items = "".join(f"  - {{paragraf: {n}, rubrik: Ärende, beslut: Beslut.}}\n" for n in range(1, 1002))
    meeting = f"organ: direktionen\ndatum: 2024-03-14\nplats: Linköping\nparagrafer:\n{items}"
    (protocols / "direktionen" / "2024-03-14.yaml").write_text(meeting, encoding="utf-8")
    stderr = validate(protocols)
    where = line_of(meeting, "paragrafer:")
    assert f"direktionen/2024-03-14.yaml:{where}:" in stderr and "1001 poster; högst 1000 godtas" in stderr, stderr


@pytest.mark.parametrize(
    ("change", "needle", "fragment"),
    [
        (
            lambda t: t.replace("slug: kommunchefsberedningen", "slug: arenden"),
            "slug: arenden",
            "kan inte heta 'arenden'",
        ),
        (
            lambda t: t.replace("slug: kommunchefsberedningen", "slug: publicera"),
            "slug: publicera",
            "kan inte heta 'publicera'",
        ),
        (
            lambda t: t.replace("slug: kommunchefsberedningen", "slug: direktionen"),
            ("slug: direktionen", 2),
            "står två gånger",
        ),
        (lambda t: t + "  - namn: Joakim  Karlsson\n", "Joakim  Karlsson", "samma adress som Joakim Karlsson"),
        (lambda t: t + '  - namn: "!!!"\n', '"!!!"', "inga bokstäver"),
        (lambda t: t + '  - namn: "Anna\\x02 Berg"\n', "Anna", "styrtecken (U+0002)"),
        # The organisation's own patterns: one that does not compile, one that would backtrack
        # for ever on a line it does not match.
        (
            lambda t: t + 'ordlista:\n  möbler_mönster:\n    - "sida \\\\d+"\n    - "(sida"\n',
            '"(sida"',
            "inget giltigt reguljärt uttryck",
        ),
        (
            lambda t: t + 'ordlista:\n  titel_mönster: ["(\\\\w+\\\\s?)+x"]\n',
            "titel_mönster",
            "inuti en upprepning",
        ),
        (
            lambda t: t.replace(
                "    genitiv: Direktionens\n", "    genitiv: Direktionens\n    sammanträdesdagar: [9999-01-01]\n"
            ),
            "9999-01-01",
            "orimligt datum",
        ),
    ],
)
def test_organisation(
    tmp_path: Path, change: Callable[[str], str], needle: str | tuple[str, int], fragment: str
) -> None:
    protocols = sources(tmp_path)
    text = edit(protocols / "organisation.yaml", change)
    stderr = validate(protocols)
    where = line_of(text, *needle) if isinstance(needle, tuple) else line_of(text, needle)
    assert f"organisation.yaml:{where}:1: error: " in stderr and fragment in stderr, stderr


def test_a_symlink_among_the_sources_is_not_followed(tmp_path: Path) -> None:
    protocols = sources(tmp_path)
    secret = tmp_path / "hemlig.md"
    secret.write_text((protocols / SEED).read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(secret, protocols / "direktionen" / "2023-12-01.md")
    stderr = validate(protocols)
    assert "direktionen/2023-12-01.md:1:1: error: direktionen/2023-12-01.md är en symbolisk länk" in stderr


def test_csv_cells_cannot_run_as_formulas(tmp_path: Path) -> None:
    protocols = sources(tmp_path)
    edit(protocols / SEED, lambda t: t.replace("## **Personal**", '## =HYPERLINK("http://example.org";"x")'))
    edit(
        protocols / SEED,
        lambda t: t.replace("Direktionen beslutar att godkänna delårsbokslut", "+Direktionen beslutar"),
    )
    site = build_site(protocols, tmp_path / "site")
    rows = list(csv.reader(io.StringIO((site / "data" / "beslut.csv").read_text(encoding="utf-8"))))
    cells = [cell for row in rows[1:] for cell in (row[1], row[4], row[5], row[6])]
    assert '\'=HYPERLINK("http://example.org";"x")' in cells
    assert any(cell.startswith("'+Direktionen beslutar") for cell in cells)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
