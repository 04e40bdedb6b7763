"""The `cpsites` command: build, check, serve, new, paper. Thin: the work lives in the modules."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from cpsites.i18n import LANGS
from cpsites.project import Project
from cpsites.errors import ContentError

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

EXIT_CONTENT = 2


def current_project() -> Project:
    """The project this command works on (the nearest folder up holding mkdocs.yml and sites/)."""
    project = Project.find()
    if project is not None:
        return project
    raise click.UsageError("run cpsites inside the project folder (where mkdocs.yml and sites/ are)")


def fail(problems_text: str) -> None:
    click.echo(problems_text, err=True)
    click.echo("\nThe site was not changed. Fix the problems above and run the command again.", err=True)
    sys.exit(EXIT_CONTENT)


def print_lines(command) -> None:
    """Run a print-road command: its lines, or its problems and exit status 2 (no PDF written)."""
    try:
        lines = command()
    except ContentError as exc:
        click.echo(str(exc), err=True)
        click.echo("\nNo PDF was written. Fix the problems above and run the command again.", err=True)
        sys.exit(EXIT_CONTENT)
    click.echo("\n".join(lines))


@click.group()
@click.version_option(package_name="cpsites")
def cli() -> None:
    """Community-policing sites and newspapers for Azerbaijani police departments."""


@cli.command()
@click.option("--dept", "depts", multiple=True, help="Build only this department (repeatable).")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Output folder (default: site/).")
@click.option("--quiet", is_flag=True, help="Print only problems and the summary line.")
@click.option("--jobs", type=int, default=None, help="Parallel processes (default: number of cores).")
@click.option("--full", is_flag=True, help="Build every site again, also those unchanged since the last build.")
def build(depts: tuple[str, ...], out: Path | None, quiet: bool, jobs: int | None, full: bool) -> None:
    """Build the portal and department sites into site/ (atomically; unchanged sites are reused)."""
    from cpsites.build import build_all, early_worker, plan_build, stop_worker, warm_pool
    from cpsites.check import errors_before_build, ordered
    from cpsites.content import unique
    from cpsites.progress import BuildProgress

    project = current_project()
    repo = project.root
    out = out or repo / "site"
    pool = None
    try:
        # a build worker gets ready from the start; after a small edit it builds, while this
        # process works out what changed and checks the content
        # (one per core when the whole site is to be built: nothing published yet, or --full)
        whole = full or not (out / "index.html").is_file()
        pool = early_worker(repo, (jobs or os.cpu_count() or 1) if whole else 1)
        plan = plan_build(project, out, list(depts) or None, full=full)
        pool = warm_pool(plan, jobs, pool)
        # the same checks as `cpsites check`, so both commands give the same messages; what is
        # unchanged since the last (successful) build passed them then. Several departments to
        # build (a first build, a shared template changed): each is checked in the process that
        # builds it, which loads it once for both (build_all's `check`)
        in_build = len(plan.changed_depts) > 1
        if plan.portal_changed or plan.changed_depts:
            problems = errors_before_build(project, plan.changed_depts, jobs=jobs or os.cpu_count() or 1,
                                           in_build=in_build)
            if problems:
                fail("\n".join(str(p) for p in problems))
        from cpsites.print.build import plan_jobs

        # the editions' number is known beforehand only where the print road runs first
        editions = len(plan_jobs(repo, plan.changed_depts)) if plan.changed_depts and not in_build else None
        with BuildProgress(len(plan.targets), editions, quiet) as progress:
            results = build_all(project, out, list(depts) or None, jobs=jobs, progress=progress.site,
                                paper_progress=progress.edition, products_progress=progress.products, plan=plan,
                                pool=pool, check=in_build)
    except ContentError as exc:
        fail(str(exc))
        return
    finally:
        stop_worker(pool)
    # the checks' errors as `cpsites check` gives them, then what stopped a build; the same problem
    # can stop several builds (the portal reads every department.yml)
    found = [str(p) for p in ordered(unique([p for r in results for p in r.problems]))] \
        + list(dict.fromkeys(m for r in results if not r.ok for m in r.messages))
    if found:
        fail("\n".join(dict.fromkeys(found)))
    if any(not r.ok for r in results):  # not expected: a failure always says why
        fail("The build failed: " + ", ".join(r.name for r in results if not r.ok))
    click.echo(progress.summary(out))


@cli.command()
@click.option("--dept", "depts", multiple=True, help="Check only this department (repeatable).")
@click.option("--quiet", is_flag=True, help="Print only errors and warnings, no translation report.")
@click.option("--paper", is_flag=True, help="Also lay out every newspaper issue to find pages that do not fit "
                                            "(about 3 s per issue and language).")
def check(depts: tuple[str, ...], quiet: bool, paper: bool) -> None:
    """Check all content in seconds, without building: exit 2 when there are errors."""
    from cpsites.check import check_all, ordered, translation_report

    project = current_project()
    repo = project.root
    start = time.perf_counter()
    reports = check_all(project, list(depts) or None, jobs=os.cpu_count() or 1)
    problems = ordered([p for r in reports for p in r.problems])
    if paper and not any(p.severity == "error" for p in problems):
        from cpsites.print.build import fit_all

        try:
            problems = ordered(problems + fit_all(repo, list(depts) or None))
        except ContentError as exc:
            problems = ordered(problems + exc.problems)
    if not quiet:
        lines = [line for r in reports for line in translation_report(r)]
        if lines:
            click.echo("Translations (pages that lack ru or en show the Azerbaijani text there):")
            click.echo("\n".join(lines) + "\n")
    for p in problems:
        click.echo(str(p))
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    names = reports[0].name if len(reports) == 1 else f"{len(reports)} sites"
    click.echo(f"{'' if not problems else chr(10)}Checked {names} in {time.perf_counter() - start:.1f} s: "
               f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}.")
    if errors:
        sys.exit(EXIT_CONTENT)


@cli.command()
@click.option("--dept", required=True, help="The department (folder name under sites/).")
@click.option("--issue", "issue_id", required=True, help="The issue: its file name in newspaper/ without .yml.")
@click.option("--lang", "langs", multiple=True, help="Only this language edition (repeatable; default: all).")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Folder for the PDFs (default: paper/).")
@click.option("--grayscale", is_flag=True, default=None, help="Print edition in black and white.")
def paper(dept: str, issue_id: str, langs: tuple[str, ...], out: Path | None, grayscale: bool | None) -> None:
    """Render a newspaper issue: a print PDF (PDF/X-4) and a screen PDF (PDF/UA-1) per language."""
    from cpsites.print.cli import paper_command

    project = current_project()
    repo = project.root
    print_lines(lambda: paper_command(project, dept, issue_id, list(langs), out or repo / "paper", grayscale or None))


@cli.command()
@click.option("--dept", required=True, help="The department (folder name under sites/).")
@click.option("--officer", default=None, help="Only this officer (file name in officers/ without .yml).")
@click.option("--lang", "langs", multiple=True, type=click.Choice(LANGS),
              help="Only this language (repeatable; default: all three).")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Folder for the PDFs (default: cards/).")
def cards(dept: str, officer: str | None, langs: tuple[str, ...], out: Path | None) -> None:
    """Officers' business cards: one PDF/X-4 per card and A4 / SRA3 sheets for duplex printing."""
    from cpsites.print.cli import cards_command

    project = current_project()
    repo = project.root
    print_lines(lambda: cards_command(project, dept, officer, list(langs), out or repo / "cards"))


@cli.command()
@click.argument("kind", type=click.Choice(["news", "officer", "event", "episode", "issue", "priority", "poll"]))
@click.option("--dept", required=True, help="The department (its folder name under sites/).")
@click.option("--title", default="", help="Title in Azerbaijani (an officer: the name).")
@click.option("--title-ru", default=None, help="Title in Russian (default: the Azerbaijani one, to translate).")
@click.option("--title-en", default=None, help="Title in English (default: the Azerbaijani one, to translate).")
@click.option("--date", "date_", default=None, help="YYYY-MM-DD (default: today in Baku).")
@click.option("--slug", default=None, help="File name without language and extension (default: from the title).")
def new(kind: str, dept: str, title: str, title_ru: str | None, title_en: str | None, date_: str | None,
        slug: str | None) -> None:
    """Start a news post, officer, event, TV episode or newspaper issue with valid files."""
    import datetime as dt

    from cpsites.scaffold import Request, create, describe, today

    project = current_project()
    repo = project.root
    site_dir = repo / "sites" / dept
    if not (site_dir / "department.yml").is_file():
        known = ", ".join(sorted(p.parent.name for p in (repo / "sites").glob("*/department.yml")))
        click.echo(f'sites/{dept}: there is no department "{dept}"; known: {known}', err=True)
        sys.exit(EXIT_CONTENT)
    try:
        day = dt.date.fromisoformat(date_) if date_ else today()
    except ValueError:
        click.echo(f'--date "{date_}" is not a valid date; write it as YYYY-MM-DD', err=True)
        sys.exit(EXIT_CONTENT)
    titles = {lang: t for lang, t in (("ru", title_ru), ("en", title_en)) if t}
    try:
        paths = create(Request(kind, site_dir, title, titles, day, slug))
    except ContentError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_CONTENT)
    click.echo(f"Created:\n{describe(paths)}\n\nNext: write the texts marked \"cpsites: replace this text\", then "
               f"run `cpsites check --dept {dept}` and look at it with `cpsites serve --dept {dept}`.")


@cli.command()
@click.option("--dept", default=None, help="The department to preview (default: the portal and handbook).")
@click.option("--port", type=int, default=8000, help="Port on 127.0.0.1 (default: 8000).")
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in the browser.")
def serve(dept: str | None, port: int, open_browser: bool) -> None:
    """Live preview on 127.0.0.1: save a file and the open page reloads by itself."""
    from cpsites.check import check_all, check_portal, ordered
    from cpsites.serve import preview_url, serve as run_server, watch_paths

    project = current_project()
    repo = project.root
    def content_errors() -> list:
        reports = check_all(project, [dept], images=False) if dept else [check_portal(project)]
        return ordered([p for r in reports for p in r.errors])

    errors = content_errors()
    if errors:
        click.echo("\n".join(str(p) for p in errors), err=True)
        click.echo("\nFix the problems above, then start the preview again.", err=True)
        sys.exit(EXIT_CONTENT)
    if dept:
        config, watch = repo / "sites" / dept / "mkdocs.yml", watch_paths(repo / "sites" / dept)
    else:
        config, watch = repo / "mkdocs.yml", [repo / "sites"]
    click.echo(f"Preview of {dept or 'the portal'}: {preview_url(config, '127.0.0.1', port)}\n"
               "Save a file and the page in the browser reloads by itself. Stop with Ctrl+C.")
    def editions() -> None:  # print before web: the preview's newspaper page only reads them
        from cpsites.print.build import build_all_editions

        build_all_editions(repo, [dept], jobs=1)

    run_server(config, watch, content_errors, port=port, open_browser=open_browser,
               prepare=editions if dept else None)


@cli.command()
@click.argument("parts", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Output folder (default: site/).")
def merge(parts: tuple[Path, ...], out: Path | None) -> None:
    """Merge sites built one department each (`build --dept X --out parts/X`) into one, atomically."""
    from cpsites.content import site_dirs
    from cpsites.merge import merge_sites

    project = current_project()
    repo = project.root
    out = out or repo / "site"
    try:
        found = merge_sites(list(parts), out, {d.name for d in site_dirs(repo)})
    except ContentError as exc:
        fail(str(exc))
        return
    click.echo(f"Merged the portal and {len(found)} departments ({', '.join(sorted(found))}) into {out}")


@cli.command()
@click.option("--dept", default="mingachevir", help="The department to edit (default: mingachevir).")
@click.option("--port", type=int, default=8080, help="Editor on 127.0.0.1:PORT, preview on PORT+1, saving on PORT+2 and PORT+3.")
def edit(dept: str, port: int) -> None:
    """Edit a department in the browser (Decap CMS) on 127.0.0.1; every save is a git commit."""
    from cpsites.editor.run import MissingInstall, run

    project = current_project()
    repo = project.root
    if not (repo / "sites" / dept / "department.yml").is_file():
        raise click.UsageError(f'there is no department "{dept}" (no sites/{dept}/department.yml)')
    try:
        run(repo, dept, port)
    except MissingInstall as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)

def main() -> None:
    try:
        cli(prog_name="cpsites", standalone_mode=True)
    except ContentError as exc:  # content problems found deep inside a step: plain words, exit 2
        fail(str(exc))
    except Exception as exc:  # a bug of ours: no traceback for press officers unless asked for
        if os.environ.get("CPSITES_DEBUG"):
            raise
        click.echo(f"cpsites: internal error: {type(exc).__name__}: {exc}\n(this is a bug in cpsites, not in "
                   "your content; run again with CPSITES_DEBUG=1 and send the output to the developers)", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
