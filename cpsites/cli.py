"""The `cpsites` command: build, check, serve, new, paper. Thin: the work lives in the modules."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from cpsites.errors import ContentError

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

EXIT_CONTENT = 2


def repo_root() -> Path:
    """The project folder: the nearest parent holding mkdocs.yml and sites/."""
    here = Path.cwd().resolve()
    for p in (here, *here.parents):
        if (p / "mkdocs.yml").is_file() and (p / "sites").is_dir():
            return p
    raise click.UsageError("run cpsites inside the project folder (where mkdocs.yml and sites/ are)")


def fail(problems_text: str) -> None:
    click.echo(problems_text, err=True)
    click.echo("\nThe site was not changed. Fix the problems above and run the command again.", err=True)
    sys.exit(EXIT_CONTENT)


@click.group()
@click.version_option(package_name="cpsites")
def cli() -> None:
    """Community-policing sites and newspapers for Azerbaijani police departments."""


@cli.command()
@click.option("--dept", "depts", multiple=True, help="Build only this department (repeatable).")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Output folder (default: site/).")
@click.option("--quiet", is_flag=True, help="Print only problems and the summary line.")
@click.option("--jobs", type=int, default=None, help="Parallel processes (default: number of cores).")
def build(depts: tuple[str, ...], out: Path | None, quiet: bool, jobs: int | None) -> None:
    """Build the portal and department sites into site/ (atomically)."""
    from cpsites.build import build_all

    repo = repo_root()
    out = out or repo / "site"
    start = time.perf_counter()

    def progress(result) -> None:
        if not quiet:
            mark = "ok " if result.ok else "FAILED"
            click.echo(f"  {mark} {result.name:<12} {result.pages:>4} pages  {result.seconds:5.1f} s")

    try:
        os.chdir(repo)
        results = build_all(repo, out, list(depts) or None, jobs=jobs, progress=progress)
    except ContentError as exc:
        fail(str(exc))
        return
    failed = [r for r in results if not r.ok]
    if failed:
        # the same problem can stop several builds (the portal reads every department.yml)
        fail("\n".join(dict.fromkeys(m for r in failed for m in r.messages)))
    pages = sum(r.pages for r in results)
    click.echo(f"Built {len(results)} sites, {pages} pages in {time.perf_counter() - start:.1f} s into {out}")
    processed = sum(r.images_processed for r in results)
    cached = sum(r.images_cached for r in results)
    click.echo(f"Images: {processed} processed, {cached} taken from the cache")


def main() -> None:
    cli(prog_name="cpsites")


if __name__ == "__main__":
    main()
