"""Opinion polls for one language: a page per poll with a chart and a table per question, trends
across polls for questions asked again, and each poll's numbers as CSV."""

from __future__ import annotations

import csv
import io
from typing import Any

from cpsites import charts
from cpsites.content import Site
from cpsites.content.polls import Poll, trends
from cpsites.i18n import UI, format_date, prefix, t
from cpsites.web.generated import Generator
from cpsites.web.section import Section, Settings
from cpsites.web.texts import e, loc, md, plain

NAV = [("polls", "polls/index.md", UI["nav_polls"])]
DECIMAL = {"az": ",", "ru": ",", "en": "."}


def _pct(value: float, lang: str) -> str:
    return charts.percent_number(value, DECIMAL[lang])


def question_card(poll: Poll, index: int, lang: str, trend: list | None) -> dict[str, Any]:
    q = poll.data.questions[index]
    shares = poll.shares(q)
    title = plain(q.text, lang)
    rows = [charts.Bar(plain(s.label, lang), s.percent, s.count) for s in shares]
    out = {
        "id": q.id,
        "anchor": f"q-{q.id}",
        "text": loc(q.text, lang),
        "chart": charts.bars(f"chart-{poll.id}-{q.id}", title, rows, DECIMAL[lang]),
        "rows": [{"label": loc(s.label, lang), "count": s.count, "percent": _pct(s.percent, lang)} for s in shares],
        "total": sum(s.count for s in shares),
        "trend": None,
    }
    if trend:
        dates = [format_date(point.poll.date, lang, "MM.y") for point in trend]
        series = [(plain(label, lang), [point.shares[i].percent for point in trend])
                  for i, label in enumerate(s.label for s in trend[-1].shares)]
        out["trend"] = {
            "chart": charts.lines(f"trend-{poll.id}-{q.id}", title, dates, series, DECIMAL[lang]),
            "polls": [{"title": loc(point.poll.data.title, lang), "url": prefix(lang) + point.poll.url(),
                       "date": e(format_date(point.poll.date, lang))} for point in trend],
            "rows": [{"label": label, "shares": [_pct(v, lang) for v in values]} for label, values in series],
        }
    return out


def card(poll: Poll, lang: str, series: dict | None = None) -> dict[str, Any]:
    d = poll.data
    return {
        "id": poll.id,
        "url": prefix(lang) + poll.url(),
        "csv": prefix(lang) + f"polls/{poll.id}.csv",
        "title": loc(d.title, lang),
        "period": e(f"{format_date(d.fieldwork.start, lang)} – {format_date(d.fieldwork.end, lang)}"),
        "end_iso": d.fieldwork.end.isoformat(),
        "method": loc(d.method, lang),
        "sample": d.sample,
        "summary": md(d.summary, lang) if d.summary else None,
        "questions": [question_card(poll, i, lang, (series or {}).get(q.id)) for i, q in enumerate(d.questions)],
        "fallback": not d.title.has(lang),
    }


def table_csv(poll: Poll, lang: str) -> str:
    """The poll's numbers, one row per answer (percentages as computed for the charts)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["question_id", "question", "answer", "count", "percent", "sample", "fieldwork_start", "fieldwork_end"])
    for q in poll.data.questions:
        for s in poll.shares(q):
            w.writerow([q.id, plain(q.text, lang), plain(s.label, lang), s.count, f"{s.percent:.1f}",
                        poll.data.sample, poll.data.fieldwork.start.isoformat(), poll.data.fieldwork.end.isoformat()])
    return out.getvalue()


def generate(gen: Generator, site: Site, settings: Settings) -> None:
    lang = gen.lang
    if not site.polls:
        return
    series = trends(site.polls)
    cards = [card(p, lang, series) for p in site.polls]
    gen.page("polls/index.md", t("polls", lang), "cpsites/polls.html", {"polls": cards, "heading": e(t("polls", lang))},
             description=t("polls_intro", lang))
    for poll, c in zip(site.polls, cards):
        gen.asset(f"polls/{poll.id}.csv", "\ufeff" + table_csv(poll, lang))  # BOM: Excel reads UTF-8
        words = [plain(poll.data.title, lang)] + [plain(q.text, lang) for q in poll.data.questions]
        gen.page(f"polls/{poll.id}.md", plain(poll.data.title, lang), "cpsites/poll.html", {"poll": c, "fallback": c["fallback"]},
                 body=str(e("\n\n".join(words))), searchable=not c["fallback"],
                 description=f"{t('poll', lang)}: {plain(poll.data.method, lang)}, n = {poll.data.sample}")


SECTION = Section("polls", generate, nav=NAV)
