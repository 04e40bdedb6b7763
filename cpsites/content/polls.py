"""Opinion polls: sites/<slug>/polls/<id>.yml, with the counts of every answer.

Percentages are computed, never typed: a press officer copies the counts from the fieldwork
report and cpsites does the arithmetic (largest-remainder rounding to one decimal, so a question's
percentages add up to exactly 100.0). Each answer is one item with its label in three languages,
so the answers cannot differ between languages. A question asked again in a later poll (the same
`id`, the same answers) makes a trend across polls.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field

from cpsites.content.fields import Date, load_folder, load_model
from cpsites.content.schema import Strict, Text
from cpsites.content.source import line_of
from cpsites.errors import ContentError, Problem, display_path

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Answer(Strict):
    label: Text
    count: int = Field(ge=0)


class Question(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")  # the same id in several polls makes a trend
    text: Text
    answers: list[Answer] = Field(min_length=2)


class Fieldwork(Strict):
    start: Date
    end: Date


class PollFile(Strict):
    title: Text
    fieldwork: Fieldwork
    method: Text      # "face-to-face interviews at home", "questionnaires at the Open Day", ...
    sample: int = Field(ge=1)
    questions: list[Question] = Field(min_length=1)
    summary: Text | None = None  # Markdown: what the department takes from it


@dataclass(frozen=True)
class Share:
    label: Text
    count: int
    percent: float  # one decimal; a question's shares add up to 100.0


@dataclass
class Poll:
    id: str
    data: PollFile
    path: Path
    text: str

    def __getattr__(self, name: str) -> Any:
        if name != "data" and name in PollFile.model_fields:
            return getattr(self.data, name)
        raise AttributeError(name)

    def url(self) -> str:
        return f"polls/{self.id}/"

    @property
    def date(self) -> dt.date:
        return self.data.fieldwork.end

    def shares(self, question: Question) -> list[Share]:
        return [Share(a.label, a.count, p) for a, p in zip(question.answers, percentages([a.count for a in question.answers]))]


def percentages(counts: list[int]) -> list[float]:
    """Shares in percent with one decimal that add up to exactly 100.0 (largest remainder)."""
    total = sum(counts)
    if total == 0:
        return [0.0 for _ in counts]
    tenths = [c * 1000 / total for c in counts]
    floors = [int(t) for t in tenths]
    left = 1000 - sum(floors)
    for i in sorted(range(len(counts)), key=lambda i: (tenths[i] - floors[i], counts[i]), reverse=True)[:left]:
        floors[i] += 1
    return [f / 10 for f in floors]


def load_poll(path: Path) -> Poll:
    if not ID.match(path.stem):
        raise ContentError.at(path, f'the file name "{path.name}" should use only small Latin letters, digits and '
                              "dashes (for example 2026-10-trust.yml)")
    data, text = load_model(PollFile, path)
    where = display_path(path)
    problems = []
    if data.fieldwork.end < data.fieldwork.start:
        problems.append(Problem(where, line_of(text, ["fieldwork", "end"]),
                                f"`fieldwork.end` {data.fieldwork.end} is before `fieldwork.start` {data.fieldwork.start}"))
    seen: set[str] = set()
    for i, q in enumerate(data.questions):
        if q.id in seen:
            problems.append(Problem(where, line_of(text, ["questions", str(i), "id"]),
                                    f'two questions have the id "{q.id}"; give each question its own id'))
        seen.add(q.id)
        total = sum(a.count for a in q.answers)
        if total == 0:
            problems.append(Problem(where, line_of(text, ["questions", str(i)]),
                                    f'question "{q.id}" has no answers counted (all counts are 0); write the counts '
                                    "from the fieldwork report"))
        elif total > data.sample:
            problems.append(Problem(where, line_of(text, ["questions", str(i)]),
                                    f'question "{q.id}": its counts add up to {total}, more than the sample '
                                    f"({data.sample}); check the counts or `sample`"))
    if problems:
        raise ContentError(problems)
    return Poll(path.stem, data, path, text)


def load_polls(site_dir: Path) -> list[Poll]:
    """Newest fieldwork first."""
    return sorted(load_folder(Path(site_dir) / "polls", load_poll), key=lambda p: (p.date, p.id), reverse=True)


@dataclass(frozen=True)
class TrendPoint:
    poll: Poll
    shares: list[Share]


def trends(polls: list[Poll]) -> dict[str, list[TrendPoint]]:
    """Question id -> its results in every poll that asked it with the same answers, oldest first.
    Only questions asked in two polls or more."""
    series: dict[str, list[TrendPoint]] = {}
    for poll in sorted(polls, key=lambda p: p.date):
        for q in poll.data.questions:
            series.setdefault(q.id, []).append(TrendPoint(poll, poll.shares(q)))
    out = {}
    for qid, points in series.items():
        labels = {tuple(s.label.az for s in p.shares) for p in points}
        if len(points) > 1 and len(labels) == 1:
            out[qid] = points
    return out


def trend_problems(polls: list[Poll]) -> list[Problem]:
    """A question asked again with other answers cannot make a trend: say so (warning)."""
    by_id: dict[str, list[tuple[Poll, Question]]] = {}
    for poll in polls:
        for q in poll.data.questions:
            by_id.setdefault(q.id, []).append((poll, q))
    out = []
    for qid, found in by_id.items():
        labels = {tuple(a.label.az for a in q.answers) for _, q in found}
        if len(found) > 1 and len(labels) > 1:
            poll, q = found[-1]
            i = poll.data.questions.index(q)
            out.append(Problem(display_path(poll.path), line_of(poll.text, ["questions", str(i), "id"]),
                               f'question "{qid}" was asked in {len(found)} polls with different answers, so no trend '
                               "is drawn; use the same answers in the same order, or another id",
                               severity="warning"))
    return out


__all__ = ["Poll", "PollFile", "Question", "Share", "load_polls", "percentages", "trends", "trend_problems"]
