"""No raw HTML or script from a source reaches a page."""

from __future__ import annotations

import pytest

from generator.site.render import to_html


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ("text <img src=x onerror=alert(1)>", "<img"),
        ("<iframe src='https://example.org'></iframe>", "<iframe"),
        ("[klicka](javascript:alert(1))", "javascript:"),
        ("[klicka](JaVaScRiPt:alert(1))", "JaVaScRiPt:"),
        ("[x][r]\n\n[r]: javascript:alert(1)", "javascript:"),
        ("![bild](https://tracker.example/p.gif)", "<img"),
        ('<a href="https://x" onclick="alert(1)">x</a>', "<a "),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
    ],
)
def test_markup_from_sources_is_neutralised(source: str, forbidden: str) -> None:
    html = str(to_html(source))
    assert forbidden not in html


def test_text_of_escaped_markup_is_still_shown() -> None:
    assert "&lt;script&gt;" in str(to_html("<script>x</script>"))
    assert '<a href="https://www.itsam.se">Itsam</a>' in str(to_html("[Itsam](https://www.itsam.se)"))


def test_source_headings_sit_below_the_page_headings() -> None:
    html = str(to_html("# Rubrik\n\n## Under", heading_offset=3))
    assert "<h4>Rubrik</h4>" in html and "<h5>Under</h5>" in html
