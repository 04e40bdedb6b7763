"""What `cpsites build` shows while it works: a line per newspaper edition and per site, a bar for
each in a terminal (rich), and a summary at the end. `--quiet` (CI) shows only the summary line."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


@dataclass
class Totals:
    sites: int = 0
    pages: int = 0
    pages_drawn: int = 0   # pages of rebuilt sites drawn anew (the others linked: web/page_reuse.py)
    pages_linked: int = 0
    pdfs: int = 0
    pdfs_cached: int = 0
    images_processed: int = 0
    images_cached: int = 0
    failed: list[str] = field(default_factory=list)
    reused: int = 0  # sites unchanged since the last build (linked, not built)
    products: int = 0  # cards, posters, tri-folds (cpsites/print/catalogue.py)
    products_cached: int = 0


class BuildProgress:
    """Callbacks for cpsites.build: `edition(e)` after each newspaper edition, `site(r)` after each site."""

    def __init__(self, sites: int, editions: int | None, quiet: bool = False):
        """`editions`: how many newspaper editions the build makes, None when it learns that as
        it goes (each department's worker makes its own: build.build_all's `check`)."""
        self.quiet = quiet
        self.start = time.perf_counter()
        self.totals = Totals()
        self.console = Console(stderr=True, highlight=False)
        self.bars = Progress(TextColumn("{task.description:<11}"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), console=self.console, transient=True,
                             disable=quiet or not self.console.is_terminal)
        self.paper_task = self.bars.add_task("newspapers", total=editions, visible=bool(editions))
        self.site_task = self.bars.add_task("sites", total=sites)

    def __enter__(self) -> "BuildProgress":
        self.bars.start()
        return self

    def __exit__(self, *exc) -> None:
        self.bars.stop()

    def _line(self, text: str) -> None:
        if not self.quiet:
            self.console.print(text)

    def edition(self, e) -> None:
        t = self.totals
        t.pdfs += 2  # the print and the screen edition
        t.pdfs_cached += 2 if e.cached else 0
        how = "from the cache" if e.cached else f"{e.seconds:4.1f} s"
        self._line(f"  [green]ok[/]     paper {e.slug} {e.issue_id} ({e.lang})  {how}")
        self.bars.update(self.paper_task, advance=1, visible=True)

    def products(self, made) -> None:
        self.totals.products += len(made)
        self.totals.products_cached += sum(1 for p in made if p.cached)

    def site(self, r) -> None:
        t = self.totals
        t.sites += 1
        t.pages += r.pages
        if not getattr(r, "reused", False):
            t.pages_linked += getattr(r, "pages_linked", 0)
            t.pages_drawn += r.pages - getattr(r, "pages_linked", 0)
        t.images_processed += getattr(r, "images_processed", 0)
        t.images_cached += getattr(r, "images_cached", 0)
        if not r.ok:
            t.failed.append(r.name)
        t.reused += 1 if getattr(r, "reused", False) else 0
        mark = "[green]ok[/]    " if r.ok else "[red]FAILED[/]"
        how = "unchanged" if getattr(r, "reused", False) else f"{r.seconds:5.1f} s"
        if getattr(r, "skipped", False):  # another department's errors stopped the build first
            mark, how = "[yellow]skip[/]  ", "not built"
        elif getattr(r, "problems", None):
            how = "errors: see below"
        self._line(f"  {mark} {r.name:<12} {r.pages:>5} pages  {how}")
        self.bars.advance(self.site_task)

    def summary(self, out) -> str:
        t = self.totals
        pdfs = f"{t.pdfs} PDFs ({t.pdfs_cached} from the cache)" if t.pdfs else "no PDFs"
        if t.products:
            pdfs += f", {t.products} print products ({t.products_cached} from the cache)"
        sites = f"{t.sites} sites ({t.reused} unchanged)" if t.reused else f"{t.sites} sites"
        kept = f" ({t.pages_drawn} drawn, the others as they were)" if t.pages_linked else ""
        return (f"Built {sites}: {t.pages} pages{kept}, {pdfs}, images {t.images_processed} processed "
                f"and {t.images_cached} from the cache, in {time.perf_counter() - self.start:.1f} s into {out}")
