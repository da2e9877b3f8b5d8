"""The ``arkiv`` command: validate, build and convert protocol sources.

Every problem in a source is printed as ``file:line: error|warning: message``; the exit code is 1
when there is an error, and no traceback reaches the user for anything a source can contain.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

from generator import messages
from generator.build import CACHE_FOLDER, BuildFailed, BuildOptions, build, build_preview
from generator.problems import Problems
from generator.readers.cache import SourceCache
from generator.readers.markdown import MarkdownReader
from generator.readers.organisation import read_organisation
from generator.readers.sources import read_sources, read_text
from generator.readers.yaml_format import dump
from generator.site import urls


def run() -> None:
    """The ``arkiv`` command. It leaves without taking the heap apart object by object: after a
    build of the full archive that took a second more, with the site already in place."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="arkiv", description="Protokollarkiv")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="kontrollera källfilerna")
    validate.add_argument("paths", nargs="*", type=Path, help="filer (standard: alla i protocols/)")
    validate.add_argument("--protocols", type=Path, default=Path("protocols"))
    validate.add_argument("--format", choices=("text", "json"), default="text")

    build = commands.add_parser("build", help="bygg webbplatsen")
    build.add_argument("--protocols", type=Path, default=Path("protocols"))
    build.add_argument("--site", type=Path, default=Path("site"))
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("--verbose", action="store_true")
    build.add_argument("--timings", type=Path, help="skriv tider och minne som JSON (för mätningar)")
    build.add_argument("--site-url", help="webbplatsens adress, för absoluta länkar i flöden och kalender")
    build.add_argument("--no-cache", action="store_true", help="läs alla källfiler (standard: bara de ändrade)")

    explain = commands.add_parser("explain", help="visa rad för rad vad läsaren gjorde av ett Markdown-protokoll")
    explain.add_argument("file", type=Path)
    explain.add_argument("--protocols", type=Path, help="standard: mappen ovanför organets mapp")

    preview = commands.add_parser("preview", help="bygg en liten webbplats för att granska ett protokoll")
    preview.add_argument("file", type=Path)
    preview.add_argument("--protocols", type=Path, help="standard: mappen ovanför organets mapp")
    preview.add_argument("--site", type=Path, default=Path(".forhandsvisning"))
    preview.add_argument("--config", type=Path, default=Path("mkdocs.yml"))

    convert = commands.add_parser("convert", help="skriv ett Markdown-protokoll som YAML")
    convert.add_argument("file", type=Path)
    convert.add_argument("--protocols", type=Path, help="standard: mappen ovanför organets mapp")

    importer = commands.add_parser("import", help="importera signerade protokoll-PDF:er till protocols/")
    importer.add_argument("path", type=Path, help="en PDF-fil eller en mapp med PDF-filer")
    importer.add_argument("--body", help="organets slug (standard: läses ur PDF-filen)")
    importer.add_argument("--date", help="sammanträdets datum ÅÅÅÅ-MM-DD (standard: läses ur PDF-filen)")
    importer.add_argument("--protocols", type=Path, default=Path("protocols"))
    importer.add_argument(
        "--tillat-ogiltig-signatur",
        dest="allow_invalid_signature",
        action="store_true",
        help="importera även om PDF-filens signatur är ogiltig (sidan visar det)",
    )

    portal = commands.add_parser("portal", help="skriv en söksida över flera organisationers arkiv")
    portal.add_argument("config", type=Path, help="portal.yaml: organisationer med namn och webbplats")
    portal.add_argument("--out", type=Path, default=Path("portal"))

    synth = commands.add_parser("synth", help="skriv ett syntetiskt arkiv (för tester och mätningar)")
    synth.add_argument("--size", choices=("small", "medium", "full"), default="small")
    synth.add_argument("--seed", type=int, default=1)
    synth.add_argument("directory", type=Path)

    new = commands.add_parser("new", help="skapa en YAML-fil för ett nytt sammanträde")
    new.add_argument("--body", required=True, help="organets slug, t.ex. direktionen")
    new.add_argument("--date", required=True, help="sammanträdesdag ÅÅÅÅ-MM-DD")
    new.add_argument("--protocols", type=Path, default=Path("protocols"))

    hooks = commands.add_parser("hooks", help="publicering med git push till ett eget git-arkiv")
    hook_commands = hooks.add_subparsers(dest="hook", required=True)
    for name in ("install", "pre-receive", "post-receive", "rebuild"):
        hook = hook_commands.add_parser(name)
        if name in ("install", "rebuild"):
            hook.add_argument("repo", type=Path, help="det bara git-arkivet, t.ex. /srv/git/protokoll.git")
        hook.add_argument("--web-root", type=Path, required=True, help="sökvägen som webbservern visar")
        hook.add_argument("--branch", default="main")
        hook.add_argument("--keep", type=int, default=5, help="antal byggen som sparas för återställning")
        hook.add_argument("--site-url", default=None)
        hook.add_argument(
            "--allow",
            action="append",
            default=[],
            help="fil eller mapp utanför protocols/ som en push får ändra (servern bygger ändå med sin egen)",
        )
        hook.add_argument(
            "--time-limit", type=float, default=1800.0, help="sekunder en kontroll eller ett bygge får ta"
        )
        if name == "install":
            hook.add_argument(
                "--project",
                type=Path,
                default=Path("."),
                help="projektmappen vars mkdocs.yml, site_overrides/ och docs/ servern bygger med (standard: .)",
            )

    rollback = commands.add_parser("rollback", help="visa ett tidigare bygge igen")
    rollback.add_argument("--web-root", type=Path, required=True)
    rollback.add_argument("--to", default=None, help="bygget att visa (standard: det före det nuvarande)")

    check = commands.add_parser(
        "check-published", help="vägra att ett publicerat protokoll tas bort eller ändras utan rättelse (CI)"
    )
    check.add_argument("--protocols", type=Path, default=Path("protocols"))
    against = check.add_mutually_exclusive_group(required=True)
    against.add_argument("--site-url", help="den publicerade webbplatsens adress; den anger vilken version den visar")
    against.add_argument("--since", help="den publicerade versionen (en commit)")

    args = parser.parse_args(argv)
    if args.command == "new":
        return run_new(args.protocols, args.body, args.date)
    if args.command in ("hooks", "rollback", "check-published"):
        return run_publish(args)
    if args.command == "portal":
        from generator.tools.portal import PortalError, write_portal

        try:
            print(messages.PORTAL_DONE.format(page=write_portal(args.config, args.out)))
        except PortalError as exc:
            print(exc, file=sys.stderr)
            return 1
        return 0
    if args.command == "synth":
        from generator.tools.synth import write

        _, meetings = write(args.directory, args.size, args.seed)
        print(messages.SYNTH_DONE.format(meetings=len(meetings), directory=args.directory), file=sys.stderr)
        return 0
    if args.command == "import":
        return run_import(args.path, args.protocols, args.body, args.date, args.allow_invalid_signature)
    if args.command == "validate":
        return run_validate(args.protocols, args.paths, args.format)
    if args.command == "preview":
        return run_preview(args.file, args.protocols, args.site, args.config)
    if args.command == "explain":
        return run_explain(args.file, args.protocols)
    if args.command == "build":
        cache = None if args.no_cache else args.config.resolve().parent / CACHE_FOLDER
        options = BuildOptions(args.protocols, args.site, args.config, site_url=args.site_url, cache=cache)
        return run_build(options, args.verbose, args.timings)
    return run_convert(args.file, args.protocols)


def run_import(path: Path, protocols: Path, body: str | None, day: str | None, allow_invalid_signature: bool) -> int:
    """``arkiv import``: each PDF imported, refused or written for review; a summary at the end."""
    from generator.tools.pdf_import import Outcome, import_pdfs, pdfs_in, print_progress

    try:
        meeting_day = date.fromisoformat(day) if day else None
    except ValueError:
        print(messages.DATE_INVALID.format(field="--date", value=day), file=sys.stderr)
        return 1
    paths = pdfs_in(path)
    if not paths:
        print(messages.IMPORT_NOT_PDF + f": {path}", file=sys.stderr)
        return 1
    try:
        results = import_pdfs(
            paths,
            protocols,
            body,
            allow_invalid_signature,
            workers=os.cpu_count() or 1,
            progress=print_progress,
            day=meeting_day,
        )
    except BuildFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    for result in results:
        target = f" -> {result.source}" if result.source else ""
        print(messages.IMPORT_LINE.format(outcome=result.outcome.value, pdf=result.pdf, target=target))
        for reason in result.reasons:
            print(f"  {reason}")
        for line in result.unplaced:
            print("  " + messages.IMPORT_UNPLACED.format(line=line))
    count = {outcome: sum(r.outcome is outcome for r in results) for outcome in Outcome}
    print(
        messages.IMPORT_SUMMARY.format(
            imported=count[Outcome.IMPORTED], review=count[Outcome.REVIEW], refused=count[Outcome.REFUSED]
        )
    )
    return 0 if count[Outcome.IMPORTED] == len(results) else 1


def run_preview(file: Path, protocols: Path | None, site: Path, config: Path) -> int:
    """``arkiv preview``: one protocol and the pages that show it, as a small site."""
    protocols = protocols or file.resolve().parent.parent
    cache = config.resolve().parent / CACHE_FOLDER
    try:
        result = build_preview(BuildOptions(protocols, site, config, cache=cache), file)
    except BuildFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    for warning in result.warnings.warnings:
        print(warning, file=sys.stderr)
    page = result.site / file.parent.name / file.stem / "index.html"
    print(messages.PREVIEW_DONE.format(site=result.site, page=page))
    return 0


def run_new(protocols: Path, body: str, day: str) -> int:
    from generator.tools.scaffold import ScaffoldError, scaffold

    try:
        meeting_day = date.fromisoformat(day)
    except ValueError:
        print(messages.DATE_INVALID.format(field="--date", value=day), file=sys.stderr)
        return 1
    try:
        path = scaffold(protocols, body, meeting_day)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(messages.SCAFFOLD_DONE.format(path=path), file=sys.stderr)
    return 0


def run_publish(args: argparse.Namespace) -> int:
    from generator.publish import deploy, hooks

    try:
        if args.command == "check-published":
            return run_check_published(args.protocols, args.since, args.site_url)
        if args.command == "rollback":
            print(deploy.rollback(args.web_root, args.to), file=sys.stderr)
            return 0
        if args.hook == "install":
            installed = hooks.install(
                args.repo,
                args.web_root,
                args.branch,
                args.keep,
                args.site_url,
                args.project,
                tuple(args.allow),
                args.time_limit,
            )
            print(installed, file=sys.stderr)
            return 0
        if args.hook == "rebuild":
            return hooks.rebuild(args.repo, args.branch, args.web_root, args.keep, args.site_url, args.time_limit)
        stdin = sys.stdin.read()
        if args.hook == "pre-receive":
            return hooks.pre_receive(stdin, args.branch, args.web_root, tuple(args.allow))
        return hooks.post_receive(stdin, args.branch, args.web_root, args.keep, args.site_url, args.time_limit)
    except deploy.PublishError as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:  # a full disk or an unreadable file on the server: one message
        print(messages.PUBLISH_IO_ERROR.format(reason=exc.strerror or exc), file=sys.stderr)
        return 1


def run_check_published(protocols: Path, since: str | None, site_url: str | None) -> int:
    """``arkiv check-published``: the hosted CI's check of the checkout against what is live."""
    from generator.publish import published

    commit = since or published.live_site_commit(site_url or "")
    problems = Problems()
    sources = read_sources(protocols, problems, reserved=urls.RESERVED_SLUGS)
    refused = [problems.report()] if sources is None else published.check(commit, "HEAD", sources)
    if refused:
        print("\n".join(refused), file=sys.stderr)
        print(messages.PUBLISHED_CHECK_FAILED, file=sys.stderr)
        return 1
    print(messages.PUBLISHED_CHECK_DONE.format(commit=commit[:7]), file=sys.stderr)
    return 0


def _print_problems(problems: Problems) -> None:
    if problems.items:
        print(problems.report(), file=sys.stderr)


def run_validate(protocols: Path, paths: list[Path], output: str) -> int:
    problems = Problems()
    only = [p.resolve() for p in paths] if paths else None
    if only is not None:
        root = protocols.resolve()
        only = [p for p in only if p.is_relative_to(root)]
        for path in paths:
            if not path.resolve().is_relative_to(root):
                problems.error(str(path), 1, messages.FILE_NAME.format(name=path))
        protocols = root
    # The builds' cache (beside mkdocs.yml): what was read, and the original PDFs scanned, before.
    cache = SourceCache.for_archive(CACHE_FOLDER.resolve(), protocols)
    read_sources(protocols, problems, only=only, workers=os.cpu_count() or 1, reserved=urls.RESERVED_SLUGS, cache=cache)
    if output == "json":
        print(
            json.dumps(
                [{**vars(p), "severity": p.severity.value} for p in sorted(problems.items)],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        _print_problems(problems)
    return 1 if problems.errors else 0


def run_build(options: BuildOptions, verbose: bool = False, timings: Path | None = None) -> int:
    """``arkiv build``: the build use case, with its problems and report printed for staff."""
    logging.basicConfig(format="%(levelname)s - %(message)s", level=logging.INFO if verbose else logging.WARNING)
    try:
        result = build(options)
    except BuildFailed as exc:
        if exc.problems is not None:
            _print_problems(exc.problems)
        else:
            print(exc, file=sys.stderr)
        print(messages.BUILD_STOPPED, file=sys.stderr)
        return 1
    if timings is not None:
        timings.write_text(json.dumps(asdict(result.timings)), encoding="utf-8")
    unresolved = result.unresolved
    if unresolved:
        print(messages.REPORT_UNRESOLVED.format(count=len(unresolved)), file=sys.stderr)
        for entry in unresolved if verbose else unresolved[:10]:
            print("  " + messages.UNRESOLVED_REFERENCE.format(**vars(entry)), file=sys.stderr)
    print(messages.BUILD_DONE.format(pages=result.pages, site=result.site), file=sys.stderr)
    return 0


def _markdown_reader(file: Path, protocols: Path | None) -> tuple[MarkdownReader, str, date] | Problems:
    """The reader for one Markdown source and its text, or the problems that stop reading it."""
    protocols = protocols or file.resolve().parent.parent
    problems = Problems()
    organisation = read_organisation(protocols, problems, urls.RESERVED_SLUGS)
    body = organisation.body(file.resolve().parent.name) if organisation else None
    relative = str(file)
    try:
        file_date: date | None = date.fromisoformat(file.stem)
    except ValueError:
        problems.error(relative, 1, messages.FILE_NAME.format(name=file.name))
        file_date = None
    if organisation and body is None:
        problems.error(relative, 1, messages.UNKNOWN_BODY.format(body=file.resolve().parent.name))
    if organisation is None or body is None or file_date is None:
        return problems
    text = read_text(file, relative, problems)
    if text is None:
        return problems
    return MarkdownReader(organisation, body, relative, problems), text, file_date


def run_explain(file: Path, protocols: Path | None) -> int:
    """``arkiv explain``: line by line, what the reader made of a Markdown protocol."""
    found = _markdown_reader(file, protocols)
    if isinstance(found, Problems):
        _print_problems(found)
        return 1
    reader, text, file_date = found
    reader.read(text, file_date)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        region, what = reader.trace.get(number, (messages.EXPLAIN_UNPLACED, ""))
        print(f"{number:>5}  {region:<12} {what[:64]:<64} | {line.strip()[:80]}")
    _print_problems(reader.ctx.problems)
    return 1 if reader.ctx.problems.errors else 0


def run_convert(file: Path, protocols: Path | None) -> int:
    found = _markdown_reader(file, protocols)
    if isinstance(found, Problems):
        _print_problems(found)
        return 1
    reader, text, file_date = found
    problems = reader.ctx.problems
    meeting = reader.read(text, file_date)
    _print_problems(problems)
    if meeting is None or problems.errors:
        return 1
    sys.stdout.write(dump(meeting))
    return 0
