"""The TV programme for one language: coming broadcasts on top, aired episodes newest first, and a
page per episode with its video and schema.org TVEpisode JSON-LD.

An external video (YouTube, Vimeo) is a click-to-load placeholder: the page names the host but
makes no request to it until the visitor presses play (overrides/assets/javascripts/cp-video.js).
"""

from __future__ import annotations

from typing import Any

from cpsites import clock
from cpsites.content import Site
from cpsites.content.tv import Episode, split_by_time
from cpsites.i18n import UI, format_date, format_time, prefix, t
from cpsites.web.generated import Generator
from cpsites.web.section import Section, Settings
from cpsites.web.texts import e, jsonld, loc, md, plain

NAV = [("tv", "tv/index.md", UI["nav_tv"])]


def video(ep: Episode, lang: str) -> dict[str, Any] | None:
    v = ep.video
    if v is None:
        return None
    out: dict[str, Any] = {"poster": v.poster, "title": e(ep.title.get(lang))}
    if v.file:
        out.update(kind="local", src=v.file, type="video/webm" if v.file.lower().endswith(".webm") else "video/mp4")
    else:
        x = ep.external
        out.update(kind="external", provider=e(x.provider), host=e(x.host), embed=e(x.embed_url), watch=e(x.watch_url),
                   notice=e(t("video_external_notice", lang, provider=x.provider, host=x.host)))
    return out


def card(ep: Episode, site: Site, lang: str) -> dict[str, Any]:
    channel = ep.channel or site.department.tv_channel
    return {
        "id": ep.id,
        "url": prefix(lang) + ep.url(),
        "number": ep.number,
        "label": e(t("episode_n", lang, n=ep.number)),
        "title": loc(ep.title, lang),
        "summary": md(ep.summary, lang),
        "air": e(f"{format_date(ep.date, lang)}, {format_time(ep.air, lang)}"),
        "air_iso": ep.air.isoformat(),
        "end_iso": ep.end.isoformat(),
        "weekday": e(format_date(ep.date, lang, "EEEE")),
        "duration": e(t("minutes", lang, n=ep.duration)),
        "channel": loc(channel, lang),
        "poster": ep.video.poster if ep.video else None,
        "video": video(ep, lang),
        "fallback": not (ep.title.has(lang) and ep.summary.has(lang)),
    }


def schema(ep: Episode, site: Site, lang: str, site_url: str) -> dict[str, Any]:
    """schema.org TVEpisode with its broadcast (BroadcastEvent) and, where there is one, the video."""
    d = site.department
    channel = (ep.channel or d.tv_channel).get(lang)
    page_url = site_url + prefix(lang) + ep.url()
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "TVEpisode",
        "name": plain(ep.title, lang),
        "episodeNumber": ep.number,
        "description": plain(ep.summary, lang),
        "partOfSeries": {"@type": "TVSeries", "name": d.tv_programme.get(lang)},
        "inLanguage": "az",  # the programme is broadcast in Azerbaijani
        "timeRequired": f"PT{ep.duration}M",
        "url": page_url,
        "publication": {
            "@type": "BroadcastEvent",
            "startDate": ep.air.isoformat(),
            "endDate": ep.end.isoformat(),
            "isLiveBroadcast": False,
            "publishedOn": {"@type": "BroadcastService", "name": channel, "broadcastTimezone": "Asia/Baku"},
        },
        "productionCompany": {"@type": "GovernmentOrganization", "name": d.name.get(lang)},
    }
    v = ep.video
    if v:
        obj: dict[str, Any] = {"@type": "VideoObject", "name": plain(ep.title, lang),
                               "description": plain(ep.summary, lang), "uploadDate": ep.air.isoformat(),
                               "duration": f"PT{ep.duration}M"}
        if v.poster:
            obj["thumbnailUrl"] = site_url + v.poster
        if v.file:
            obj["contentUrl"] = site_url + v.file
        else:
            obj["embedUrl"] = ep.external.embed_url
        data["video"] = obj
    return data


def generate(gen: Generator, site: Site, settings: Settings) -> None:
    site_url = settings.site_url
    lang = gen.lang
    if not site.episodes:
        return
    d = site.department
    coming, aired = split_by_time(site.episodes, clock.now())
    gen.page("tv/index.md", f"{t('tv', lang)}: {d.tv_programme.get(lang)}", "cpsites/tv.html", {
        "heading": e(f"{t('tv', lang)}: {d.tv_programme.get(lang)}"),
        "programme": loc(d.tv_programme, lang),
        "channel": loc(d.tv_channel, lang),
        "intro": e(t("tv_intro", lang, programme=d.tv_programme.get(lang), channel=d.tv_channel.get(lang))),
        "coming": [card(ep, site, lang) for ep in coming],
        "aired": [card(ep, site, lang) for ep in aired],
    }, description=t("tv_intro", lang, programme=d.tv_programme.get(lang), channel=d.tv_channel.get(lang)))
    for ep in site.episodes:
        c = card(ep, site, lang)
        gen.page(f"tv/{ep.id}.md", f"{plain(ep.title, lang)} ({t('episode_n', lang, n=ep.number)})",
                 "cpsites/tv-episode.html", {
                     "episode": c,
                     "programme": loc(d.tv_programme, lang),
                     "jsonld": jsonld(schema(ep, site, lang, site_url)),
                     "fallback": c["fallback"],
                 }, body=str(e(f"{plain(ep.title, lang)}\n\n{plain(ep.summary, lang)}")),
                 searchable=not c["fallback"],
                 description=f"{d.tv_programme.get(lang)}, {t('episode_n', lang, n=ep.number)}: {plain(ep.title, lang)}")


SECTION = Section("tv", generate, nav=NAV)
