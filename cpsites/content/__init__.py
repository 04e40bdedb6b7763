"""The content model: a department folder read into typed objects. Knows nothing of MkDocs or print."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cpsites.content.department import Department, load_department
from cpsites.content.news import NewsPost, load_news
from cpsites.content.pages import PageFile, load_pages, scan_data_files
from cpsites.content.brochures import Brochure, load_brochures
from cpsites.content.complaints import Complaints, load_complaints
from cpsites.content.events import Event, load_events
from cpsites.content.groups import Group, check_event_groups, load_groups
from cpsites.content.officers import Officer, load_officers
from cpsites.content.posters import Poster, check_poster_events, load_posters
from cpsites.content.tv import Episode, load_episodes
from cpsites.errors import ContentError, Problem


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
    posters: list[Poster] = field(default_factory=list)  # posters/<name>.<lang>.md (print only)

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def slug(self) -> str:
        return self.department.slug


def load_site(root: Path) -> Site:
    """Load a department folder (sites/<slug>); raises ContentError listing every problem found."""
    root = Path(root)
    problems: list[Problem] = []
    department = None
    try:
        department = load_department(root)
    except ContentError as exc:
        problems.extend(exc.problems)
    news: list[NewsPost] = []
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
    community: dict = {}  # officers, TV, events, brochures, complaint boxes, groups
    for name, loader in (("officers", load_officers), ("episodes", load_episodes), ("events", load_events),
                         ("brochures", lambda r: load_brochures(r / "docs")), ("complaints", load_complaints),
                         ("groups", load_groups), ("posters", load_posters)):
        try:
            community[name] = loader(root)
        except ContentError as exc:
            problems.extend(exc.problems)
    problems.extend(check_event_groups(community.get("events", []), community.get("groups", [])))
    if "events" in community:  # events that failed to load are reported once, not again by posters
        problems.extend(check_poster_events(community.get("posters", []), community["events"]))
    if problems:
        raise ContentError(unique(problems))
    return Site(root=root, department=department, news=news, pages=pages, **community)


def unique(problems: list[Problem]) -> list[Problem]:
    """Problems without repeats (two loaders reading one unreadable file report it once)."""
    seen: dict[tuple, Problem] = {}
    for p in problems:
        seen.setdefault((p.file, p.line, p.message, p.severity), p)
    return list(seen.values())


def site_dirs(repo: Path) -> list[Path]:
    """Every department folder under sites/, sorted by slug."""
    return sorted(p for p in (repo / "sites").iterdir() if (p / "department.yml").is_file())
