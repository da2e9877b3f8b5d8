"""Pages kept from the build before: a warm build renders again only the pages whose makings
changed (a source they show, the build day), and what it publishes equals a build from nothing."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.build import Generated, generate
from generator.build.rendered import RenderedPages
from generator.readers.cache import SourceCache
from tests.conftest import arkiv, copy_project

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"
DAY = date(2026, 11, 27)
EDITED = "direktionen/2016-11-24.md"


@pytest.fixture
def protocols(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return Path(shutil.copytree(LAYOUTS, tmp_path / "protocols"))


def plan(protocols: Path, cache: SourceCache, today: date = DAY) -> Generated:
    return generate(protocols, today, cache=cache)


def kept(generated: Generated, today: date = DAY) -> RenderedPages:
    return RenderedPages(generated.rendered_store, generated.source_keys, today, "")


def first_build(protocols: Path, folder: Path) -> Generated:
    """Plan and render every page once, keeping them as a build does."""
    first = plan(protocols, SourceCache(folder))
    store = kept(first)
    for page in first.pages:
        store.html(page)
    store.save()
    assert store.rendered == len(first.pages)
    return first


def edit(protocols: Path) -> None:
    source = protocols / EDITED
    source.write_text(source.read_text(encoding="utf-8").replace("4 200 tkr", "4 300 tkr"), encoding="utf-8")


def test_only_pages_that_show_a_changed_source_are_rendered_again(protocols: Path, tmp_path: Path) -> None:
    first_build(protocols, tmp_path / "cache")
    edit(protocols)
    second = plan(protocols, SourceCache(tmp_path / "cache"))
    warm = kept(second)
    for page in second.pages:
        assert warm.html(page) == page.render(), page.src_uri  # what is kept is what would be made
    expected = [p for p in second.pages if p.depends is None or EDITED in p.depends]
    assert warm.rendered == len(expected)
    assert 0 < warm.rendered < len(second.pages)


def test_another_build_day_renders_every_page_again(protocols: Path, tmp_path: Path) -> None:
    first_build(protocols, tmp_path / "cache")
    later = date(2027, 3, 1)
    again = plan(protocols, SourceCache(tmp_path / "cache"), later)
    warm = kept(again, later)
    for page in again.pages:
        assert warm.html(page) == page.render(), page.src_uri
    assert warm.rendered == len(again.pages)


def test_a_store_signed_by_someone_else_is_not_used(protocols: Path, tmp_path: Path) -> None:
    assert first_build(protocols, tmp_path / "cache").rendered_store is not None
    (tmp_path / "config" / "arkiv" / "cache-key").write_bytes(b"another user's key, 32 bytes....")
    warm = kept(plan(protocols, SourceCache(tmp_path / "cache")))
    assert warm.earlier == {}


def site_pages(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in site.rglob("*.html")
        if path.relative_to(site).parts[0] != "pagefind"
    }


def test_a_warm_build_after_edits_publishes_what_a_build_from_nothing_does(protocols: Path, tmp_path: Path) -> None:
    """Through ``arkiv build``: a protocol edited, one removed, one added between two builds."""
    project = copy_project(tmp_path / "project", ("mkdocs.yml", "docs", "site_overrides"))
    config = project / "mkdocs.yml"

    def build(site: str, *options: str) -> Path:
        result = arkiv("build", "--protocols", protocols, "--site", tmp_path / site, "--config", config, *options)
        assert result.returncode == 0, result.stderr
        return tmp_path / site

    held_back = protocols / "direktionen" / "2019-03-14.md"  # added after the first build
    text = held_back.read_text(encoding="utf-8")
    held_back.unlink()
    build("site")
    assert list((project / ".cache" / "arkiv").glob("sidor-*.pickle"))
    edit(protocols)
    (protocols / "direktionen" / "2022-02-03.md").unlink()
    held_back.write_text(text, encoding="utf-8")
    warm = site_pages(build("site"))
    assert "4 300 tkr" in warm["direktionen/2016-11-24/index.html"]
    assert warm == site_pages(build("fresh", "--no-cache"))


def test_the_generator_version_covers_the_page_templates() -> None:
    """Kept pages are dropped when the generator changes; a template is part of it."""
    from generator.readers.cache import PACKAGE, code_files

    templates = set((PACKAGE / "site" / "templates").glob("*.html"))
    assert templates and templates <= set(code_files())
