"""`cpsites paper`: one issue's editions, rendered (or taken from the cache) and copied to --out."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from cpsites.errors import ContentError, Problem
from cpsites.project import Project


def department_dir(project: Project, dept: str) -> Path:
    """sites/<dept>/ of the project, or a plain error naming the departments there are."""
    site_dir = project.root / "sites" / dept
    if not (site_dir / "department.yml").is_file():
        known = [d.name for d in project.department_dirs()]
        raise ContentError(Problem(f"sites/{dept}", 0, f'there is no department "{dept}"; known: {", ".join(known)}'))
    return site_dir


def paper_command(project: Project, dept: str, issue_id: str, langs: list[str], out: Path,
                  grayscale: bool | None) -> list[str]:
    from cpsites.content import load_site
    from cpsites.editions import write_manifest
    from cpsites.errors import display_path
    from cpsites.print.build import ensure_edition

    repo = project.root
    site_dir = department_dir(project, dept)
    site = load_site(site_dir)
    issues = {i.id: i for i in site.issues}
    if issue_id not in issues:
        raise ContentError(Problem(display_path(site_dir / "newspaper"), 0,
                                   f'there is no issue "{issue_id}" ({issue_id}.yml); known: '
                                   f'{", ".join(sorted(issues)) or "none yet"}'))
    issue = issues[issue_id]
    chosen = langs or issue.languages
    wrong = [lg for lg in chosen if lg not in issue.languages]
    if wrong:
        raise ContentError(Problem(display_path(issue.path), 0,
                                   f'the issue has no {", ".join(wrong)} edition; its languages are '
                                   f'{", ".join(issue.languages)} (see `languages:`)'))
    lines = []
    out.mkdir(parents=True, exist_ok=True)
    for lang in chosen:
        # a press officer waits: the screen and print layouts side by side
        edition = ensure_edition(site, issue, lang, repo, grayscale, split=True)
        for kind in ("print", "screen"):
            src = edition.files[kind]
            target = out / src.name
            part = target.with_name(target.name + ".part")
            shutil.copyfile(src, part)
            os.replace(part, target)
            lines.append(f"{display_path(target)}  ({target.stat().st_size / 1e6:.1f} MB, {kind} edition, {lang})")
        lines += [f"warning: {w}" for w in edition.warnings]
        if grayscale is None:  # what the site publishes: the next build finds it in the manifest
            write_manifest(site_dir, [(issue.id, lang, edition.key)], keep_others=True)
    return lines


def cards_command(project: Project, dept: str, officer: str | None, langs: list[str], out: Path) -> list[str]:
    """`cpsites cards`: each officer's card (one PDF/X-4 per language) and its A4 and SRA3 sheets."""
    from cpsites.content import load_site
    from cpsites.errors import display_path
    from cpsites.print.catalogue import make_all

    repo = project.root
    site_dir = department_dir(project, dept)
    site = load_site(site_dir)
    if officer and officer not in {o.id for o in site.officers}:
        raise ContentError(Problem(display_path(site_dir / "officers"), 0,
                                   f'there is no officer "{officer}" ({officer}.yml); known: '
                                   f'{", ".join(o.id for o in site.officers) or "none yet"}'))
    products = make_all(repo, [dept], jobs=1, officer=officer, langs=langs or None, write_manifest=False,
                        kinds=("card",))
    out.mkdir(parents=True, exist_ok=True)
    lines = []
    for p in products:
        for role in ("print", "A4", "SRA3"):
            src = Path(p.files[role])
            target = out / src.name
            part = target.with_name(target.name + ".part")
            shutil.copyfile(src, part)
            os.replace(part, target)
            what = "single card, PDF/X-4" if role == "print" else f"{role} sheet, {p.sheets[role]} cards, fronts then backs"
            lines.append(f"{display_path(target)}  ({what})")
    return lines
