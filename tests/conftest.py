"""Shared fixtures: the real sources, the fictional Testmark sources, and sites built from them
with the real ``arkiv build`` (MkDocs + Material)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from generator.model import Meeting, Organisation
from generator.problems import Problems
from generator.readers.markdown import MarkdownReader
from generator.readers.organisation import read_organisation
from tests.helpers import serve_directory

ROOT = Path(__file__).resolve().parent.parent
PROTOCOLS = ROOT / "protocols"
SEED = PROTOCOLS / "direktionen" / "2023-10-26.md"
TESTMARK = Path(__file__).resolve().parent / "fixtures" / "testmark"
ARKIV = [sys.executable, "-m", "generator"]


BUILD_DAY = "2022-05-20"  # the anslagstavla of the Testmark site is built for this day


def arkiv(*args: str | Path, cwd: Path = ROOT, today: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the ``arkiv`` command as a user would, capturing its output."""
    env = {**os.environ, "ARKIV_IDAG": today} if today else None
    return subprocess.run([*ARKIV, *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


def copy_project(target: Path, names: tuple[str, ...] = ("mkdocs.yml", "docs", "site_overrides", "protocols")) -> Path:
    """A copy of the project's build inputs, for tests that run MkDocs on changed sources."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name)
        else:
            shutil.copy(ROOT / name, target / name)
    return target


def build_site(protocols: Path, site: Path, *options: str, today: str | None = None) -> Path:
    result = arkiv("build", "--protocols", protocols, "--site", site, *options, today=today)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def organisation() -> Organisation:
    problems = Problems()
    org = read_organisation(PROTOCOLS, problems)
    assert org is not None, problems.report()
    return org


@pytest.fixture(scope="session")
def seed_problems() -> Problems:
    return Problems()


@pytest.fixture(scope="session")
def seed(organisation: Organisation, seed_problems: Problems) -> Meeting:
    body = organisation.body("direktionen")
    assert body is not None
    reader = MarkdownReader(organisation, body, "direktionen/2023-10-26.md", seed_problems)
    meeting = reader.read(SEED.read_text(encoding="utf-8"), date(2023, 10, 26))
    assert meeting is not None, seed_problems.report()
    return meeting


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(PROTOCOLS, tmp_path_factory.mktemp("seed") / "site")


@pytest.fixture(scope="session")
def testmark_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(TESTMARK, tmp_path_factory.mktemp("testmark") / "site", today=BUILD_DAY)


SYNTH_URL = "https://arkiv.sagoskogen.example/"


@pytest.fixture(scope="session")
def synth_small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The small synthetic archive written by ``arkiv synth`` and built by ``arkiv build``, with a
    site address (its organisation has a number), so that every output is written."""
    base = tmp_path_factory.mktemp("synth")
    result = arkiv("synth", "--size", "small", base / "protocols")
    assert result.returncode == 0, result.stderr
    return base / "protocols", build_site(base / "protocols", base / "site", "--site-url", SYNTH_URL)


# -- the browser: Debian's Chromium driven by Playwright, on a site served from localhost -----

CHROMIUM = "/usr/bin/chromium"
# Chromium as root in a closed network: no sandbox, no background connections (see the env notes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def served(seed_site: Path) -> Iterator[str]:
    with serve_directory(seed_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="sv-SE")
    opened = context.new_page()
    yield opened
    context.close()
