"""`arkiv preview FILE`: a small site with one protocol and the pages that show it."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.problems import Problems
from generator.readers.sources import read_sources
from tests.conftest import ROOT, arkiv

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"


def test_one_protocol_and_the_pages_that_show_it(tmp_path: Path) -> None:
    protocols = tmp_path / "protocols"
    shutil.copytree(LAYOUTS, protocols)
    # Another protocol with an error does not stop a preview of this one.
    broken = protocols / "direktionen" / "2022-02-03.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("§ 7", "§ 7.5"), encoding="utf-8")
    source = protocols / "kommunstyrelsen" / "2018-09-04.md"
    site = tmp_path / "granska"
    result = arkiv("preview", source, "--site", site, "--config", ROOT / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    page = site / "kommunstyrelsen" / "2018-09-04" / "index.html"
    assert str(page) in result.stdout
    assert "Förhandsvisning av ett protokoll" in page.read_text(encoding="utf-8")

    problems = Problems()
    sources = read_sources(LAYOUTS, problems)
    assert sources is not None
    (meeting,) = [m for m in sources.meetings if m.source == "kommunstyrelsen/2018-09-04.md"]
    built = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}
    expected = {
        ".",
        "kommunstyrelsen",
        "kommunstyrelsen/2018",
        "kommunstyrelsen/2018-09-04",
        *(f"arenden/{d.key}" for item in meeting.items for d in item.dnr),
        *(f"personer/{a.person}" for a in meeting.attendees if a.person),
    }
    assert expected <= built
    assert not any(path.startswith("direktionen") for path in built)  # other meetings are left out
    assert not (site / "pagefind").exists() and not (site / "flode.xml").exists()


def test_errors_in_the_protocol_itself_are_shown_with_their_line(tmp_path: Path) -> None:
    protocols = tmp_path / "protocols"
    shutil.copytree(LAYOUTS, protocols)
    source = protocols / "direktionen" / "2016-11-24.md"
    lines = source.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if line.startswith("Anslagsdatum"))
    lines[number - 1] = "Anslagsdatum: 2016-13-45"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = arkiv("preview", source, "--site", tmp_path / "granska", "--config", ROOT / "mkdocs.yml")
    assert result.returncode == 1
    assert f"direktionen/2016-11-24.md:{number}:" in result.stderr
    assert not (tmp_path / "granska").exists()
