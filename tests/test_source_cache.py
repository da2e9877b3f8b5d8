"""The cache of read sources: a warm read equals a cold one, only changed files are read again,
and a cache that is damaged, foreign, made by other code or crafted is never used."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from generator.model import Meeting
from generator.problems import Problems
from generator.readers import cache as cache_module
from generator.readers.cache import SourceCache
from generator.readers.sources import read_sources
from tests.conftest import TESTMARK, arkiv

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"


@pytest.fixture
def protocols(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    target = tmp_path / "protocols"
    shutil.copytree(LAYOUTS, target)
    return target


def read(protocols: Path, cache: SourceCache | None) -> list[Meeting]:
    problems = Problems()
    sources = read_sources(protocols, problems, cache=cache)
    assert sources is not None and problems.errors == [], problems.report()
    return sources.meetings


def all_sources(protocols: Path) -> set[str]:
    return {p.relative_to(protocols).as_posix() for p in protocols.glob("*/*.md")}


def test_a_warm_read_equals_a_cold_one_and_reads_only_what_changed(protocols: Path, tmp_path: Path) -> None:
    cold = SourceCache(tmp_path / "cache")
    first = read(protocols, cold)
    assert cold.changed == all_sources(protocols)
    assert first == read(protocols, None)

    warm = SourceCache(tmp_path / "cache")  # a new process: from the disk copy
    assert read(protocols, warm) == first
    assert warm.changed == set()

    edited = protocols / "direktionen" / "2016-11-24.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("4 200 tkr", "4 300 tkr"), encoding="utf-8")
    (protocols / "direktionen" / "2022-02-03.md").unlink()
    again = read(protocols, warm)
    assert warm.changed == {"direktionen/2016-11-24.md", "direktionen/2022-02-03.md"}
    assert again == read(protocols, None)
    assert "4 300 tkr" in next(m for m in again if m.source == "direktionen/2016-11-24.md").items[1].decision


def test_a_changed_organisation_reads_everything_again(protocols: Path, tmp_path: Path) -> None:
    cache = SourceCache(tmp_path / "cache")
    read(protocols, cache)
    organisation = protocols / "organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    read(protocols, cache)
    assert cache.changed == all_sources(protocols)


@pytest.mark.parametrize("damage", ["one byte", "another user's key", "other generator code", "truncated"])
def test_a_cache_that_is_not_ours_or_not_intact_is_dropped(
    protocols: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    cache = SourceCache(tmp_path / "cache")
    expected = read(protocols, cache)
    if damage == "one byte":
        data = bytearray(cache.file.read_bytes())
        data[-100] ^= 1
        cache.file.write_bytes(bytes(data))
    elif damage == "another user's key":
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "someone-else"))
    elif damage == "other generator code":
        monkeypatch.setattr(cache_module, "generator_version", lambda: "annan version")
        cache.save()
        monkeypatch.undo()
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    else:
        cache.file.write_bytes(cache.file.read_bytes()[:40])
    fresh = SourceCache(tmp_path / "cache")
    assert read(protocols, fresh) == expected
    assert fresh.changed == all_sources(protocols)  # nothing was taken from the cache


class _Payload:
    """What a crafted cache would run when unpickled: it writes a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_crafted_cache_is_never_unpickled(protocols: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    folder = tmp_path / "cache"
    folder.mkdir()
    payload = pickle.dumps(_Payload(marker))
    (folder / cache_module.CACHE_FILE).write_bytes(b"arkiv-cache-1\n" + b"\0" * 32 + payload)
    read(protocols, SourceCache(folder))
    assert not marker.exists()


def test_a_build_with_a_warm_cache_shows_the_edit(tmp_path: Path) -> None:
    """Through the real build: the second build reads the edited file again and publishes it."""
    protocols = tmp_path / "protocols"
    shutil.copytree(TESTMARK, protocols)
    config = tmp_path / "mkdocs.yml"
    root = Path(__file__).resolve().parent.parent
    shutil.copy(root / "mkdocs.yml", config)
    for folder in ("docs", "site_overrides"):
        shutil.copytree(root / folder, tmp_path / folder)
    assert arkiv("build", "--protocols", protocols, "--site", tmp_path / "site", "--config", config).returncode == 0
    assert list((tmp_path / ".cache" / "arkiv").glob("kallor-*.pickle"))
    source = next(protocols.glob("*/*.md"))
    text = source.read_text(encoding="utf-8")
    decision = next(line for line in text.splitlines() if line.startswith("Direktionen ") and len(line) > 20)
    source.write_text(text.replace(decision, decision + " Ändrad efter första bygget.", 1), encoding="utf-8")
    assert arkiv("build", "--protocols", protocols, "--site", tmp_path / "site", "--config", config).returncode == 0
    page = tmp_path / "site" / source.parent.name / source.stem / "index.html"
    assert "Ändrad efter första bygget." in page.read_text(encoding="utf-8")
