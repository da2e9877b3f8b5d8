"""Every page type, on the seed site, the Testmark site and a synthetic archive, passes the Nu
HTML Checker (vnu-jar, the W3C's validator) with no error of ours."""

from __future__ import annotations

from pathlib import Path

from tests.validators import nu_html_checker


def test_every_page_passes_the_nu_html_checker(
    seed_site: Path, testmark_site: Path, synth_small: tuple[Path, Path]
) -> None:
    sites = (seed_site, testmark_site, synth_small[1])
    pages = [p for site in sites for p in site.rglob("*.html")]
    # Every page type is among them: meeting, case, person, body, year, lists, search, guide.
    kinds = {p.relative_to(site).parts[0] for site in sites for p in site.rglob("*.html")}
    assert {"direktionen", "arenden", "personer", "sok", "publicera", "anslagstavla", "oppna-data"} <= kinds
    assert len(pages) > 200
    assert nu_html_checker(*sites) == []


def test_the_guides_message_table_shows_every_message_as_text(seed_site: Path) -> None:
    from generator import messages

    html = (seed_site / "publicera" / "index.html").read_text(encoding="utf-8")
    table = html.split('id="alla-meddelanden"')[1].split("<table>")[1].split("</table>")[0]
    assert "&lt;organ&gt;" in table and "<organ>" not in table
    multi_line = messages.SOURCES_INVALID.splitlines()[0].replace("{", "‹").replace("}", "›")
    rows = table.count("<tr>")
    assert rows > 100 and multi_line in table  # a message of two lines is in the table, in one row
    assert "| " not in table
