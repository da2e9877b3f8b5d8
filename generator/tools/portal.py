"""``arkiv portal``: one search page over several organisations' archives.

Each organisation builds and publishes its own site on its own CI; a portal needs none of their
sources. It is one static page that loads the first site's Pagefind index and merges the others'
(Pagefind's ``mergeIndex``), so a query searches them all at once, each hit named by its
organisation, and it lists each organisation's site, OParl system and DCAT-AP-SE catalogue.
Nothing is copied: the indexes are read from where the sites publish them (a site on another
host must let the portal's origin read its ``pagefind/`` folder, see ARCHITECTURE.md).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import escape

from generator import messages
from generator.problems import SourceError
from generator.readers.yaml_source import decode, load
from generator.site import labels, urls

FILES = Path(__file__).resolve().parent / "portal_files"


@dataclass(frozen=True)
class Member:
    name: str
    site: str  # the site's root, ending in "/": an http(s) address, or a path on the portal's host


class PortalError(Exception):
    """A portal file that cannot be used; the message names its file and line."""


def read_members(config: Path) -> list[Member]:
    """The organisations of ``portal.yaml``: ``organisationer: [{namn: …, webbplats: …}, …]``."""
    name = config.name
    try:
        doc = load(decode(config.read_bytes(), name), name)
    except SourceError as exc:
        raise PortalError(str(exc.problem)) from None
    except OSError:
        raise PortalError(f"{name}:1:1: error: {messages.PORTAL_MISSING}") from None
    listed = doc.data.get("organisationer") if isinstance(doc.data, dict) else None
    if not isinstance(listed, list) or not listed:
        raise PortalError(f"{name}:1:1: error: {messages.PORTAL_NO_MEMBERS}")
    members = []
    for i, entry in enumerate(listed):
        line = doc.line(("organisationer", i))
        if not isinstance(entry, dict) or not isinstance(entry.get("namn"), str) or not entry["namn"].strip():
            raise PortalError(f"{name}:{line}:1: error: {messages.PORTAL_MEMBER}")
        site = entry.get("webbplats")
        if not isinstance(site, str) or not _is_web_root(site):
            raise PortalError(f"{name}:{line}:1: error: {messages.PORTAL_SITE.format(value=str(site)[:80])}")
        members.append(Member(entry["namn"].strip(), site if site.endswith("/") else site + "/"))
    return members


def _is_web_root(site: str) -> bool:
    """A web address or a path on the portal's host: never "javascript:" or the like."""
    parts = urlsplit(site)
    return (parts.scheme in ("http", "https") and bool(parts.netloc)) or (not parts.scheme and site.startswith("/"))


def write_portal(config: Path, out: Path) -> Path:
    """Write the portal's page and script into ``out``; its page is returned."""
    members = read_members(config)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FILES / "portal.js", out / "portal.js")
    shutil.copyfile(FILES / "portal.css", out / "portal.css")
    page = out / "index.html"
    page.write_text(_page(members), encoding="utf-8")
    return page


def _page(members: list[Member]) -> str:
    sites = json.dumps([{"name": m.name, "url": m.site} for m in members], ensure_ascii=False)
    texts = json.dumps(labels.PORTAL_SCRIPT_TEXTS, ensure_ascii=False)
    rows = "\n".join(
        f'<li><a href="{escape(m.site)}">{escape(m.name)}</a>: '
        f'<a href="{escape(m.site + urls.OPARL_SYSTEM)}">{escape(labels.PORTAL_OPARL)}</a>, '
        f'<a href="{escape(m.site + urls.DCAT_CATALOGUE)}">{escape(labels.PORTAL_DCAT)}</a></li>'
        for m in members
    )
    return f"""<!doctype html>
<html lang="{labels.SITE_LANGUAGE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(labels.PORTAL_TITLE)}</title>
<link rel="stylesheet" href="portal.css">
<script type="module" src="portal.js"></script>
</head>
<body>
<main data-arkiv-portal data-sites="{escape(sites)}" data-texts="{escape(texts)}">
<h1>{escape(labels.PORTAL_TITLE)}</h1>
<p>{escape(labels.PORTAL_INTRO)}</p>
<form role="search">
<label for="portal-q">{escape(labels.PORTAL_LABEL)}</label>
<input id="portal-q" name="q" type="search" autocomplete="off">
<button type="submit">{escape(labels.PORTAL_BUTTON)}</button>
</form>
<p id="portal-status" role="status" aria-live="polite"></p>
<ol id="portal-hits"></ol>
<h2>{escape(labels.PORTAL_MEMBERS)}</h2>
<ul>
{rows}
</ul>
</main>
</body>
</html>
"""
