"""The three languages: codes, babel formatting, Azerbaijani casing and our own UI strings."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.dates import format_time as _babel_time

LANGS: tuple[str, ...] = ("az", "ru", "en")
DEFAULT_LANG = "az"
LANG_NAMES = {"az": "Azərbaycanca", "ru": "Русский", "en": "English"}
TZ = ZoneInfo("Asia/Baku")
# en_GB writes "20 November 2026", the form the glossary asks for; en (US) would put the month first.
BABEL_LOCALE = {"az": "az", "ru": "ru", "en": "en_GB"}


def prefix(lang: str) -> str:
    """URL prefix of a language inside a site: '' for az (the root), 'ru/' and 'en/' otherwise."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def format_date(value: dt.date, lang: str, fmt: str = "long") -> str:
    """'20 noyabr 2026', '20 ноября 2026 г.', '20 November 2026'."""
    return _babel_date(value, format=fmt, locale=BABEL_LOCALE[lang])


def format_time(value: dt.datetime | dt.time, lang: str) -> str:
    return _babel_time(value, format="HH:mm", locale=BABEL_LOCALE[lang])


def format_datetime(value: dt.datetime, lang: str) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=TZ)
    value = value.astimezone(TZ)
    return f"{format_date(value.date(), lang)}, {_babel_datetime(value, 'HH:mm', locale=BABEL_LOCALE[lang])}"


# Azerbaijani (like Turkish) pairs I with ı and İ with i; str.lower()/upper() get this wrong.
def az_lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


def az_upper(text: str) -> str:
    return text.replace("i", "İ").replace("ı", "I").upper()


def search_fold(text: str, lang: str) -> str:
    """Text as the search index and the query side both see it (az casing rules, no stray dots)."""
    if lang == "az":
        return az_lower(text)
    return text.lower()


# UI strings of our own templates, side by side so a translator sees all three at once.
UI: dict[str, dict[str, str]] = {
    "news": {"az": "Xəbərlər", "ru": "Новости", "en": "News"},
    "latest_news": {"az": "Son xəbərlər", "ru": "Последние новости", "en": "Latest news"},
    "all_news": {"az": "Bütün xəbərlər", "ru": "Все новости", "en": "All news"},
    "archive": {"az": "Arxiv", "ru": "Архив", "en": "Archive"},
    "news_archive_year": {"az": "{year}-ci ilin xəbərləri", "ru": "Новости за {year} год", "en": "News of {year}"},
    "tags": {"az": "Mövzular", "ru": "Темы", "en": "Topics"},
    "tag_title": {"az": "Mövzu: {tag}", "ru": "Тема: {tag}", "en": "Topic: {tag}"},
    "page_n": {"az": "səhifə {n}", "ru": "страница {n}", "en": "page {n}"},
    "newer": {"az": "Daha yeni", "ru": "Новее", "en": "Newer"},
    "older": {"az": "Daha köhnə", "ru": "Старее", "en": "Older"},
    "pagination": {"az": "Səhifələr", "ru": "Страницы", "en": "Pages"},
    "read_more": {"az": "Ətraflı", "ru": "Подробнее", "en": "Read more"},
    "feed": {"az": "Xəbər lenti (RSS)", "ru": "Лента новостей (RSS)", "en": "News feed (RSS)"},
    "emergency": {"az": "Təcili nömrələr", "ru": "Экстренные номера", "en": "Emergency numbers"},
    "police": {"az": "Polis", "ru": "Полиция", "en": "Police"},
    "single_emergency": {"az": "Vahid təcili xidmət", "ru": "Единая служба спасения", "en": "Single emergency number"},
    "ambulance": {"az": "Təcili tibbi yardım", "ru": "Скорая помощь", "en": "Ambulance"},
    "fire": {"az": "Yanğın xidməti", "ru": "Пожарная служба", "en": "Fire service"},
    "duty": {"az": "Növbətçi hissə", "ru": "Дежурная часть", "en": "Duty desk"},
    "trust": {"az": "Etimad telefonu", "ru": "Телефон доверия", "en": "Helpline"},
    "contact": {"az": "Əlaqə", "ru": "Контакты", "en": "Contact"},
    "address": {"az": "Ünvan", "ru": "Адрес", "en": "Address"},
    "email": {"az": "E-poçt", "ru": "Эл. почта", "en": "Email"},
    "opening_hours": {"az": "İş vaxtı", "ru": "Часы работы", "en": "Opening hours"},
    "chief": {"az": "Rəis", "ru": "Начальник", "en": "Chief"},
    "fallback_notice": {
        "az": "Bu səhifə hələ Azərbaycan dilinə tərcümə olunmayıb.",
        "ru": "Эта страница ещё не переведена на русский язык. Ниже — текст на азербайджанском.",
        "en": "This page has not been translated into English yet. The Azerbaijani text is shown below.",
    },
    "fallback_in_list": {"az": "", "ru": "на азерб.", "en": "in Azerbaijani"},
    "departments": {"az": "Polis idarələri", "ru": "Управления полиции", "en": "Police departments"},
    "visit_site": {"az": "Sayta keçid", "ru": "Перейти на сайт", "en": "Visit the site"},
    "portal": {"az": "Bütün idarələr", "ru": "Все управления", "en": "All departments"},
    "no_news": {"az": "Hələ xəbər yoxdur.", "ru": "Новостей пока нет.", "en": "No news yet."},
    "skip": {"az": "Məzmuna keç", "ru": "Перейти к содержанию", "en": "Skip to content"},
    "site_of": {"az": "İcma polisi", "ru": "Общественная полиция", "en": "Community policing"},
    "photo": {"az": "Foto", "ru": "Фото", "en": "Photo"},
}


def t(key: str, lang: str, **kwargs: object) -> str:
    """Our UI string for `key` in `lang` (az when a translation is missing)."""
    entry = UI[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**kwargs) if kwargs else text
