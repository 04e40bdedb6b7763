"""The content model: a department folder read into typed objects. Knows nothing of MkDocs or print."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cpsites.content.containment import outside_links
from cpsites.content.department import Department, load_department
from cpsites.content.news import NewsPost, load_news
from cpsites.content.newspaper import Issue, load_issues
from cpsites.content.pages import PageFile, load_pages, scan_data_files
from cpsites.content.brochures import Brochure, load_brochures
from cpsites.content.complaints import Complaints, load_complaints
from cpsites.content.events import Event, load_events
from cpsites.content.groups import Group, check_event_groups, load_groups
from cpsites.content.officers import Officer, load_officers
from cpsites.content.polls import Poll, load_polls, trend_problems
from cpsites.content.priorities import Priority, check_references, load_priorities, stale
from cpsites.content.posters import Poster, check_poster_events, load_posters
from cpsites.content.tv import Episode, load_episodes
from cpsites.errors import ContentError, Problem
from cpsites.project import Project


@dataclass
class Site:
    """Everything a department publishes, loaded and validated."""

    root: Path
    department: Department
    news: list[NewsPost] = field(default_factory=list)
    pages: list[PageFile] = field(default_factory=list)  # every Markdown file, every language
    officers: list[Officer] = field(default_factory=list)
    episodes: list[Episode] = field(default_factory=list)  # TV programme, newest first
    events: list[Event] = field(default_factory=list)  # soonest first
    brochures: list[Brochure] = field(default_factory=list)
    complaints: Complaints | None = None
    groups: list[Group] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)  # residents' local priorities, current first
    polls: list[Poll] = field(default_factory=list)  # opinion polls, newest first
    issues: list[Issue] = field(default_factory=list)  # newspaper issues, newest first

    @property
    def areas(self) -> dict[int, Any]:
        """Neighbourhood area number -> its name (Text), from the officer files."""
        return {a.number: a.name for o in self.officers for a in o.data.areas}
    posters: list[Poster] = field(default_factory=list)  # posters/<name>.<lang>.md (print only)

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def slug(self) -> str:
        return self.department.slug


# Sites loaded in this process, by folder, with the stat of every file they were read from: the
# check, the newspapers and the web road of one build ask for the same department several times
# (and forked build workers inherit the parent's). A changed, added or removed file loads again.
_LOADED: dict[str, tuple[tuple, "Site"]] = {}


def _signature(root: Path) -> tuple:
    out = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            try:
                st = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            # the folder relative to root: the same department named by a relative or an absolute
            # path has the same signature
            out.append((os.path.relpath(folder, root), name, st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(out)


def load_site(root: Path) -> Site:
    """Load a department folder (sites/<slug>); raises ContentError listing every problem found.

    Loaded once per process while its files stay the same (see _LOADED); treat it as read-only."""
    key = os.path.realpath(root)
    signature = _signature(Path(root))
    hit = _LOADED.get(key)
    if hit is not None and hit[0] == signature:
        return hit[1]
    from cpsites.content.containment import resolving_once
    from cpsites.content.source import reading_once

    with resolving_once(), reading_once():
        site = _load_site(Path(root))
    _LOADED[key] = (signature, site)
    return site


def weight(root: Path) -> int:
    """Roughly how long a department takes to check and build: its Markdown and YAML files."""
    return sum(1 for p in Path(root).rglob("*") if p.suffix in (".md", ".yml"))


def _load_site(root: Path) -> Site:
    root = Path(root)
    problems: list[Problem] = []
    department = None
    try:
        department = load_department(root)
    except ContentError as exc:
        problems.extend(exc.problems)
    news: list[NewsPost] | None = None
    try:
        news = load_news(root / "docs")
    except ContentError as exc:
        problems.extend(exc.problems)
    pages: list[PageFile] = []
    try:  # what every file shares: language suffix, UTF-8, front matter keys, content policy
        pages = load_pages(root / "docs")
    except ContentError as exc:
        problems.extend(exc.problems)
    problems.extend(scan_data_files(root))
    problems.extend(outside_links(root))
    community: dict = {}  # officers, TV, events, brochures, complaint boxes, groups
    for name, loader in (("officers", load_officers), ("episodes", load_episodes), ("events", load_events),
                         ("brochures", lambda r: load_brochures(r / "docs")), ("complaints", load_complaints),
                         ("groups", load_groups), ("priorities", load_priorities), ("polls", load_polls),
                         ("posters", load_posters)):
        try:
            community[name] = loader(root)
        except ContentError as exc:
            problems.extend(exc.problems)
    problems.extend(check_event_groups(community.get("events", []), community.get("groups", [])))
    # what failed to load is reported once, not again by every priority that names it (None: skip)
    officers = community.get("officers")
    problems.extend(check_references(
        community.get("priorities", []),
        {a.number for o in officers for a in o.data.areas} if officers is not None else None,
        {o.id for o in officers} if officers is not None else None,
        {g.id for g in community["groups"]} if "groups" in community else None,
        {e.id for e in community["events"]} if "events" in community else None))
    if "events" in community:  # events that failed to load are reported once, not again by posters
        problems.extend(check_poster_events(community.get("posters", []), community["events"]))
    issues: list[Issue] = []
    if news is not None:  # issues name news posts: when the news has problems, those come first
        try:
            issues = load_issues(root, news)
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(unique(problems))
    return Site(root=root, department=department, news=news, pages=pages, issues=issues, **community)


def site_warnings(site: Site, today) -> list[Problem]:
    """What may be published but should be looked at: stale priorities, polls that cannot trend."""
    return stale(site.priorities, today) + trend_problems(site.polls)


def unique(problems: list[Problem]) -> list[Problem]:
    """Problems without repeats (two loaders reading one unreadable file report it once)."""
    seen: dict[tuple, Problem] = {}
    for p in problems:
        seen.setdefault((p.file, p.line, p.message, p.severity), p)
    return list(seen.values())


def site_dirs(repo: Path) -> list[Path]:
    """Every department folder under sites/, sorted by slug."""
    return Project(Path(repo)).department_dirs()
