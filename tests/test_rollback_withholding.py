"""A rollback never puts withheld text back online: a build from before a withholding is refused."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import arkiv
from tests.helpers import fetch, git
from tests.test_publishing import publishing  # noqa: F401 (the fixture)

GROUND = "OSL 39 kap. 3 §"


def test_rollback_to_a_build_from_before_a_withholding_is_refused(
    publishing: tuple[Path, Path, Path, str],  # noqa: F811
) -> None:
    _, work, web, url = publishing
    source = work / "protocols" / "direktionen" / "2023-10-26.md"
    text = source.read_text(encoding="utf-8")
    assert "Månadsfaktureringen" in fetch(url + "direktionen/2023-10-26/")[1]
    heading = "## **Faktureringsrutiner**\n"
    assert text.count(heading) == 1
    correction = "<!-- arkiv: rättelse: 2023-11-20: § 68 omfattas av sekretess -->"
    withheld = text.replace(heading, f"{heading}\n<!-- arkiv: sekretess: {GROUND} -->\n")
    source.write_text(f"{withheld}\n{correction}\n", encoding="utf-8")
    git("commit", "-am", "Sekretess för § 68", cwd=work)
    pushed = git("push", "origin", "main", cwd=work)
    assert pushed.returncode == 0, pushed.stderr
    target = os.readlink(web)
    assert "Månadsfaktureringen" not in fetch(url + "direktionen/2023-10-26/")[1]

    rolled = arkiv("rollback", "--web-root", web)
    assert rolled.returncode == 1 and "Traceback" not in rolled.stderr
    assert "direktionen/2023-10-26 § 68" in rolled.stderr and "återställningen gjordes inte" in rolled.stderr
    assert os.readlink(web) == target
    page = fetch(url + "direktionen/2023-10-26/")[1]
    assert "Månadsfaktureringen" not in page and GROUND in page
