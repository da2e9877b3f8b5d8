"""The search index as written by the real Pagefind service: its compressed entry files are
checked after writing, and a truncated one (seen once in CI) is written again."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from generator.site.outputs.pagefind_service import PagefindService

PAGE = (
    '<html lang="sv"><body><main data-pagefind-body><h1>Delårsbokslut</h1>'
    "<p>Direktionen godkänner.</p></main></body></html>"
)


class TruncatingOnce(PagefindService):
    """Pagefind with the fault CI met: after its first WriteFiles the search program is cut short."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.writes = 0

    def _call(self, payload: dict[str, Any]) -> dict[str, Any]:
        answer = super()._call(payload)
        if payload.get("type") == "WriteFiles":
            self.writes += 1
            if self.writes == 1:
                for path in self.folder.glob("wasm.*.pagefind"):
                    path.write_bytes(path.read_bytes()[:1000])
        return answer


def test_a_truncated_search_program_is_written_again(tmp_path: Path) -> None:
    folder = tmp_path / "pagefind"
    service = TruncatingOnce(folder)
    try:
        service.add("/direktionen/2023-10-26/", PAGE)
        service.write(folder)
    finally:
        service.close()
    assert service.writes == 2
    programs = sorted(folder.glob("wasm.*.pagefind"))
    assert programs and all(gzip.decompress(p.read_bytes()) for p in programs)
