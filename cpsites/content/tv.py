"""The department's local TV programme: sites/<slug>/tv/<date>-<n>.yml, one file per episode.

An episode airs on a date at a time (Asia/Baku) and has a video: a local MP4 file with a poster
image, or a YouTube/Vimeo link that the site shows only after the visitor clicks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from pydantic import Field, field_validator, model_validator

from cpsites.content.fields import Clock, Date, check_date_prefix, check_file, load_folder, load_model
from cpsites.content.schema import Strict, Text
from cpsites.content.source import line_of
from cpsites.errors import ContentError, Problem, display_path
from cpsites.i18n import TZ

LOCAL_VIDEO = (".mp4", ".webm")


class Video(Strict):
    file: str | None = None    # a local video under docs/, e.g. video/tv/2026-11-20.mp4
    url: str | None = None     # or a YouTube / Vimeo address
    poster: str | None = None  # a still image under docs/ shown before playing

    @model_validator(mode="after")
    def _one_source(self) -> "Video":
        if bool(self.file) == bool(self.url):
            raise ValueError("give either `file:` (a video in docs/) or `url:` (a YouTube or Vimeo "
                             "address), not both and not neither")
        if self.file and not self.file.lower().endswith(LOCAL_VIDEO):
            raise ValueError(f'`file` "{self.file}" should be an .mp4 or .webm video')
        if self.url and external_video(self.url) is None:
            raise ValueError(f'`url` "{self.url}" is not a YouTube or Vimeo video address; copy the '
                             "address from the video's page (for example https://www.youtube.com/watch?v=...)")
        return self


class EpisodeFile(Strict):
    number: int = Field(ge=1)
    date: Date
    time: Clock
    duration: int = Field(ge=1, le=600)  # minutes
    channel: Text | None = None  # the department's TV channel when not given
    title: Text
    summary: Text
    video: Video | None = None

    @field_validator("title", "summary")
    @classmethod
    def _not_empty(cls, value: Text) -> Text:
        if not value.az.strip():
            raise ValueError("must not be empty")
        return value


@dataclass
class ExternalVideo:
    provider: str      # "YouTube" / "Vimeo"
    host: str          # the host the visitor's browser will contact after the click
    video_id: str
    watch_url: str
    embed_url: str


def external_video(url: str) -> ExternalVideo | None:
    """YouTube or Vimeo address -> where to watch and what to embed (privacy-friendly hosts)."""
    u = urlparse(url.strip())
    host = (u.hostname or "").removeprefix("www.").removeprefix("m.")
    if u.scheme not in ("http", "https"):
        return None
    vid = None
    if host == "youtu.be":
        vid = u.path.strip("/").split("/")[0]
    elif host in ("youtube.com", "youtube-nocookie.com"):
        if u.path == "/watch":
            vid = parse_qs(u.query).get("v", [None])[0]
        else:
            m = re.match(r"^/(embed|shorts|live)/([^/?#]+)", u.path)
            vid = m.group(2) if m else None
    if vid and re.fullmatch(r"[A-Za-z0-9_-]{6,20}", vid):
        return ExternalVideo("YouTube", "www.youtube-nocookie.com", vid,
                             f"https://www.youtube.com/watch?v={vid}",
                             f"https://www.youtube-nocookie.com/embed/{vid}?autoplay=1&rel=0")
    if host in ("vimeo.com", "player.vimeo.com"):
        m = re.search(r"/(\d{5,12})(?:/|$)", u.path + "/")
        if m:
            vid = m.group(1)
            return ExternalVideo("Vimeo", "player.vimeo.com", vid, f"https://vimeo.com/{vid}",
                                 f"https://player.vimeo.com/video/{vid}?autoplay=1&dnt=1")
    return None


@dataclass
class Episode:
    """One broadcast; `id` is the file name without .yml (2026-11-20-1) and names its page."""

    id: str
    data: EpisodeFile
    path: Path

    def __getattr__(self, name: str) -> Any:
        if name != "data" and name in EpisodeFile.model_fields:
            return getattr(self.data, name)
        raise AttributeError(name)

    @property
    def air(self) -> dt.datetime:
        """Start of the broadcast in Baku time."""
        return dt.datetime.combine(self.data.date, self.data.time, TZ)

    @property
    def end(self) -> dt.datetime:
        return self.air + dt.timedelta(minutes=self.data.duration)

    @property
    def external(self) -> ExternalVideo | None:
        v = self.data.video
        return external_video(v.url) if v and v.url else None

    def url(self) -> str:
        return f"tv/{self.id}/"


def load_episode(path: Path, docs_dir: Path) -> Episode:
    data, text = load_model(EpisodeFile, path)
    check_date_prefix(path, text, "date", data.date)
    if data.video:
        if data.video.file:
            check_file(docs_dir, data.video.file, path, text, ["video", "file"], "video")
        if data.video.poster:
            check_file(docs_dir, data.video.poster, path, text, ["video", "poster"], "poster image")
    return Episode(path.stem, data, path)


def load_episodes(site_dir: Path) -> list[Episode]:
    """Every episode, newest first; two files with the same episode number are an error."""
    docs_dir = site_dir / "docs"
    episodes = load_folder(site_dir / "tv", lambda p: load_episode(p, docs_dir))
    by_number: dict[int, Episode] = {}
    problems = []
    for ep in sorted(episodes, key=lambda e: e.path.name):
        if ep.number in by_number:
            problems.append(Problem(display_path(ep.path), line_of(ep.path.read_text("utf-8"), "number"),
                f"`number`: episode {ep.number} is also {display_path(by_number[ep.number].path)}; "
                "give each episode its own number"))
        by_number.setdefault(ep.number, ep)
    if problems:
        raise ContentError(problems)
    return sorted(episodes, key=lambda e: (e.air, e.number), reverse=True)


def split_by_time(episodes: list[Episode], now: dt.datetime) -> tuple[list[Episode], list[Episode]]:
    """(coming broadcasts, soonest first; aired episodes, newest first)."""
    coming = sorted((e for e in episodes if e.end > now), key=lambda e: e.air)
    aired = sorted((e for e in episodes if e.end <= now), key=lambda e: e.air, reverse=True)
    return coming, aired


__all__ = ["Episode", "EpisodeFile", "Video", "ExternalVideo", "external_video", "load_episodes", "split_by_time"]
