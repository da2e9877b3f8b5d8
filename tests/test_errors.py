"""Bad sources get `file:line: message` and exit code 1, never a traceback or a half-built site."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from generator.problems import Problems
from generator.readers.organisation import read_organisation
from generator.readers.sources import read_meeting
from tests import hostile_pdfs
from tests.conftest import PROTOCOLS, TESTMARK, arkiv, copy_project
from tests.helpers import line_of


def copy_sources(tmp_path: Path, origin: Path = PROTOCOLS) -> Path:
    target = tmp_path / "protocols"
    shutil.copytree(origin, target)
    return target


def assert_located_failure(result_stderr: str, file: str, line: int, fragment: str) -> None:
    assert "Traceback" not in result_stderr
    assert re.search(rf"{re.escape(file)}:{line}:\d+: error: ", result_stderr), result_stderr
    assert fragment in result_stderr, result_stderr


@pytest.mark.parametrize(
    ("change", "where", "fragment"),
    [
        (lambda t: t.replace("2023-11-06\tDatum", "2023-11-31\tDatum"), ("2023-11-31\tDatum",), "inget datum"),
        (
            lambda t: t.replace("§ 72\n\nDnr", "§ 71\n\nDnr"),
            ("§ 71", 2, True),  # the second paragraph numbered 71
            "§ 71 förekommer två gånger",
        ),
        (lambda t: t.replace("**Direktionen**", "**Styrelsen**"), ("**Styrelsen**",), "Styrelsen"),
        (
            lambda t: t.replace("Sammanträdesdatum\t2023-10-26", "Sammanträdesdatum\t2023-10-25"),
            ("**ANSLAG/BEVIS**",),  # the anslag block that states the date
            "2023-10-25",
        ),
        (
            lambda t: t.replace("Faktureringsrutiner**", "Faktureringsrutiner**\n\nKontakt 19121212-1212 tack"),
            ("Kontakt 19121212-1212",),
            "personnummer",
        ),
    ],
)
def test_bad_markdown_source(tmp_path: Path, change, where: tuple[Any, ...], fragment: str) -> None:  # type: ignore[no-untyped-def]
    protocols = copy_sources(tmp_path)
    source = protocols / "direktionen" / "2023-10-26.md"
    changed = change(source.read_text(encoding="utf-8"))
    source.write_text(changed, encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1
    assert_located_failure(result.stderr, "direktionen/2023-10-26.md", line_of(changed, *where), fragment)


def test_a_dnr_that_reads_as_none_is_a_warning_at_its_line_and_kept_as_written(tmp_path: Path) -> None:
    """Fail soft: "Dnr 2023/nittiotre" links no case, but the protocol is published with the
    line as written, and staff are told where it is."""
    protocols = copy_sources(tmp_path)
    source = protocols / "direktionen" / "2023-10-26.md"
    changed = source.read_text(encoding="utf-8").replace("Dnr 2023/93", "Dnr 2023/nittiotre")
    source.write_text(changed, encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 0, result.stderr
    line = line_of(changed, "Dnr 2023/nittiotre")
    assert re.search(rf"direktionen/2023-10-26.md:{line}:\d+: warning: .*diarienummer", result.stderr), result.stderr
    problems = Problems()
    meeting = read_meeting(protocols, source, read_organisation(protocols, problems), problems)
    assert meeting is not None
    [item] = [i for i in meeting.items if any("Dnr 2023/nittiotre" in s.text for s in i.sections)]
    assert item.dnr == ()


@pytest.mark.parametrize(
    ("name", "content", "line", "fragment"),
    [
        ("2023-11-30.yaml", b"organ: direktionen\ndatum: 2023-11-30\nparagrafer: [\n", 4, "YAML-fel"),
        ("2023-11-30.yaml", b"- bara\n- en lista\n", 1, "inte en lista"),
        ("2023-11-30.yaml", b"\xff\xfe\x00\x01binary", 1, ""),
        (
            "2023-11-30.yaml",
            (
                b"organ: direktionen\ndatum: 2023-11-30\nparagrafer:\n  - paragraf: 1\n    rubrik: x\n"
                b"    hemligt: !!python/object/apply:os.system [echo hi]\n"
            ),
            6,
            "taggen",
        ),
        ("2023-11-30.md", b"", 1, "inga paragrafer"),
        ("2023-11-30.md", "Hej!\n\n§ 1\n".encode(), 3, "§ 1 saknar rubrik"),
        ("2023-11-30.md", b"**Direktionen**\n\nbara text\n", 1, "inga paragrafer"),
        ("30-11-2023.md", b"x", 1, "filnamnet"),
    ],
)
def test_bad_new_file(tmp_path: Path, name: str, content: bytes, line: int, fragment: str) -> None:
    protocols = copy_sources(tmp_path)
    (protocols / "direktionen" / name).write_bytes(content)
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1
    assert_located_failure(result.stderr, f"direktionen/{name}", line, fragment)


def test_unknown_body_folder(tmp_path: Path) -> None:
    protocols = copy_sources(tmp_path)
    (protocols / "styrelsen").mkdir()
    shutil.copy(protocols / "direktionen" / "2023-10-26.md", protocols / "styrelsen" / "2023-10-26.md")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1
    assert_located_failure(result.stderr, "styrelsen/2023-10-26.md", 1, "styrelsen")


def test_same_meeting_in_two_files(tmp_path: Path) -> None:
    protocols = copy_sources(tmp_path)
    converted = arkiv("convert", protocols / "direktionen" / "2023-10-26.md")
    (protocols / "direktionen" / "2023-10-26.yaml").write_text(converted.stdout, encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1
    assert "finns redan i direktionen/2023-10-26.md" in result.stderr


def test_name_missing_from_roster_is_read_with_a_warning(tmp_path: Path) -> None:
    protocols = copy_sources(tmp_path)
    source = protocols / "direktionen" / "2023-10-26.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Thomas Lidberg", "Tove Okänd"), encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 0, result.stderr
    assert "direktionen/2023-10-26.md:6:1: warning: Tove Okänd finns inte i personlistan" in result.stderr
    json_result = arkiv("validate", "--protocols", protocols, "--format", "json")
    assert '"name": "Tove Okänd"' not in json_result.stdout and "Tove Okänd" in json_result.stdout


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    protocols = copy_sources(tmp_path, TESTMARK)
    site = tmp_path / "site"
    assert arkiv("build", "--protocols", protocols, "--site", site).returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    (protocols / "direktionen" / "2022-05-10.yaml").write_text(
        "organ: direktionen\ndatum: 2022-05-10\n", encoding="utf-8"
    )
    result = arkiv("build", "--protocols", protocols, "--site", site)
    assert result.returncode == 1
    assert_located_failure(result.stderr, "direktionen/2022-05-10.yaml", 1, "'paragrafer' saknas")
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_mkdocs_build_itself_stops_on_a_bad_source(tmp_path: Path) -> None:
    import subprocess
    import sys

    project = copy_project(tmp_path / "project")
    protocols = project / "protocols"
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("gammal sida", encoding="utf-8")
    (protocols / "direktionen" / "2023-11-30.yaml").write_text("organ: direktionen\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "direktionen/2023-11-30.yaml:1:1: error: fältet 'datum' saknas" in result.stderr
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "gammal sida"


@pytest.mark.parametrize(
    ("change", "where", "fragment", "severity"),
    [
        # Each located at the paragraph, attendee or anslag line it is about.
        (
            lambda t: t.replace("Paragrafer §§ 65 - 73", "Paragrafer §§ 65 - 72"),
            ("§ 73", 1, True),
            "§ 73 ligger utanför",
            "error",
        ),
        (
            lambda t: t.replace("§ 73\tUppdrag", "§ 74\tUppdrag"),
            ("§ 73", 1, True),
            "§ 73 finns inte i ärendelistan",
            "warning",
        ),
        (
            lambda t: t.replace("Kinda kommun §§ 65-72\t\t\n\tErsättare", "Kinda kommun §§ 65-80\t\t\n\tErsättare"),
            ("Kinda kommun §§ 65-80",),
            "§§ 65–80",
            "error",
        ),
        (
            lambda t: t.replace("tas ned\t2023-11-28", "tas ned\t2023-11-20"),
            ("Datum då anslaget sätts upp",),
            "före sista dag att överklaga",
            "error",
        ),
        (
            lambda t: t.replace("sätts upp\t2023-11-06", "sätts upp\t2023-10-20"),
            ("Datum då anslaget sätts upp",),
            "före sammanträdet",
            "error",
        ),
        (
            lambda t: t.replace("§ 68\tFaktureringsrutiner", "§ 68\tFakturering"),
            ("§ 68", 1, True),
            "annan rubrik",
            "warning",
        ),
        (
            lambda t: t.replace(
                "Förvaringsplats för protokollet\tItsam",
                "Sista dag för överklagande\t2023-11-28\t\t\nFörvaringsplats för protokollet\tItsam",
            ),
            ("Datum då anslaget sätts upp",),
            "enligt lag (1930:173) är den 2023-11-27",
            "warning",
        ),
    ],
)
def test_protocol_that_disagrees_with_itself(
    tmp_path: Path, change, where: tuple[Any, ...], fragment: str, severity: str
) -> None:  # type: ignore[no-untyped-def]
    protocols = copy_sources(tmp_path)
    source = protocols / "direktionen" / "2023-10-26.md"
    changed = change(source.read_text(encoding="utf-8"))
    assert changed != source.read_text(encoding="utf-8")
    source.write_text(changed, encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == (1 if severity == "error" else 0), result.stderr
    line = line_of(changed, *where)
    assert f"direktionen/2023-10-26.md:{line}:1: {severity}: " in result.stderr, result.stderr
    assert fragment in result.stderr


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("../../../../etc/passwd", "utanför protocols/"),
        ("/etc/passwd", "utanför protocols/"),
        ("../organisation.yaml", "ingen PDF-fil"),
        ("saknas.pdf", "finns inte"),
        ("länk.pdf", "utanför protocols/"),  # a symlink inside protocols/ that points out of it
    ],
)
def test_original_pdf_must_stay_inside_protocols(tmp_path: Path, value: str, fragment: str) -> None:
    protocols = copy_sources(tmp_path)
    outside = tmp_path / "hemlig.pdf"
    outside.write_bytes(b"%PDF-1.4 hemligt")
    (protocols / "direktionen" / "länk.pdf").symlink_to(outside)
    source = protocols / "direktionen" / "2023-10-26.md"
    source.write_text(f"<!-- arkiv: original {value} -->\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 1
    assert_located_failure(result.stderr, "direktionen/2023-10-26.md", 1, fragment)


def test_original_pdf_is_published_beside_its_meeting(tmp_path: Path) -> None:
    protocols = copy_sources(tmp_path)
    # A real PDF: one that cannot be read cannot be scanned for personnummer, and is refused.
    pdf = hostile_pdfs.protocol()
    (protocols / "direktionen" / "2023-10-26.pdf").write_bytes(pdf)
    source = protocols / "direktionen" / "2023-10-26.md"
    source.write_text(
        "<!-- arkiv: original 2023-10-26.pdf -->\n" + source.read_text(encoding="utf-8"), encoding="utf-8"
    )
    site = tmp_path / "site"
    result = arkiv("build", "--protocols", protocols, "--site", site)
    assert result.returncode == 0, result.stderr
    assert (site / "direktionen" / "2023-10-26" / "protokoll.pdf").read_bytes() == pdf
    assert 'href="protokoll.pdf"' in (site / "direktionen" / "2023-10-26" / "index.html").read_text(encoding="utf-8")
    assert "arkiv: original" not in (site / "direktionen" / "2023-10-26" / "index.html").read_text(encoding="utf-8")


def test_unknown_header_label_is_kept_as_written_with_a_warning(tmp_path: Path) -> None:
    """An unknown label in the header is no refusal: its words are kept under their own label."""
    protocols = copy_sources(tmp_path)
    source = protocols / "direktionen" / "2023-10-26.md"
    text = source.read_text(encoding="utf-8")
    changed = text.replace("Justerare\t", "Nämndens gäster\tElsa Fiktiv från Ungdomsrådet\nJusterare\t", 1)
    assert changed != text
    source.write_text(changed, encoding="utf-8")
    result = arkiv("validate", "--protocols", protocols)
    assert result.returncode == 0, result.stderr
    line = line_of(changed, "Nämndens gäster")
    assert re.search(rf"direktionen/2023-10-26.md:{line}:\d+: warning: .*Nämndens gäster", result.stderr)
    site = tmp_path / "site"
    built = arkiv("build", "--protocols", protocols, "--site", site)
    assert built.returncode == 0, built.stderr
    data = json.loads((site / "data" / "moten" / "direktionen" / "2023-10-26.json").read_text(encoding="utf-8"))
    assert data["extra"] == [{"label": "Nämndens gäster", "text": "Elsa Fiktiv från Ungdomsrådet"}]
    page = (site / "direktionen" / "2023-10-26" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<dt>Nämndens gäster</dt>\s*<dd>Elsa Fiktiv från Ungdomsrådet</dd>", page)
