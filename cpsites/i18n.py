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
    # the newspaper (cpsites/print) and its archive page (cpsites/web/newspaper.py)
    "paper": {"az": "Qəzet", "ru": "Газета", "en": "Newspaper"},
    "paper_description": {"az": "{title}, № {number}, {date}", "ru": "{title}, № {number}, {date}",
                          "en": "{title}, No. {number}, {date}"},
    "paper_pages": {"az": "{n} səhifə", "ru": "{n} полос", "en": "{n} pages"},
    "paper_free": {"az": "Pulsuz", "ru": "Бесплатно", "en": "Free"},
    "paper_free_note": {"az": "Pulsuz paylanır.", "ru": "Распространяется бесплатно.", "en": "Distributed free of charge."},
    "paper_in_this_issue": {"az": "Bu nömrədə", "ru": "В этом номере", "en": "In this issue"},
    "paper_publisher": {"az": "Təsisçi", "ru": "Учредитель", "en": "Publisher"},
    "paper_editor": {"az": "Redaktor", "ru": "Редактор", "en": "Editor"},
    "paper_print_run": {"az": "Tiraj: {n} nüsxə", "ru": "Тираж: {n} экз.", "en": "Print run: {n} copies"},
    "paper_partnership": {"az": "İcma ilə tərəfdaşlıq", "ru": "Партнёрство с обществом", "en": "Partnership with the community"},
    "paper_partnership_text": {
        "az": "Təhlükəsizlik hamımızın işidir. Məhəllənizdə narahat edən bir şey görsəniz, sahə polis inspektorunuza deyin.",
        "ru": "Безопасность — общее дело. Если вас что-то тревожит в вашем квартале, сообщите участковому инспектору.",
        "en": "Safety is everyone's business. If something in your neighbourhood worries you, tell your neighbourhood officer.",
    },
    "paper_officers": {"az": "Sahə polis inspektorlarınız", "ru": "Ваши участковые инспекторы", "en": "Your neighbourhood officers"},
    "paper_tv": {"az": "Televiziya verilişi", "ru": "Телепередача", "en": "TV programme"},
    "paper_events": {"az": "Qarşıdakı tədbirlər", "ru": "Ближайшие мероприятия", "en": "Coming up"},
    "paper_ad_call": {"az": "Təhlükə görsəniz, zəng edin. Polis gecə-gündüz xidmətinizdədir.",
                      "ru": "Видите опасность — звоните. Полиция на связи круглосуточно.",
                      "en": "If you see danger, call. The police are there day and night."},
    "paper_ad_site": {"az": "Xəbərlər, sahə inspektorları və tədbirlər saytımızda:",
                      "ru": "Новости, участковые и мероприятия на нашем сайте:",
                      "en": "News, neighbourhood officers and events on our website:"},
    "paper_ad_write": {"az": "Fikir və təklifləriniz bizim üçün dəyərlidir. Yazın:",
                       "ru": "Ваши мнения и предложения важны для нас. Пишите:",
                       "en": "Your views and suggestions matter to us. Write to"},
    "paper_archive_intro": {"az": "İdarənin pulsuz qəzetinin bütün nömrələri. Hər nömrə iki variantdadır: ekranda oxumaq üçün yüngül PDF və mətbəə üçün PDF.",
                            "ru": "Все номера бесплатной газеты управления. Каждый номер — в двух вариантах: лёгкий PDF для чтения с экрана и PDF для типографии.",
                            "en": "Every issue of the department's free newspaper, in two versions: a light PDF to read on screen and a PDF for the printing house."},
    "paper_issue": {"az": "№ {number}, {date}", "ru": "№ {number}, {date}", "en": "No. {number}, {date}"},
    "paper_screen_pdf": {"az": "Oxumaq üçün PDF", "ru": "PDF для чтения", "en": "PDF to read"},
    "paper_print_pdf": {"az": "Mətbəə üçün PDF", "ru": "PDF для типографии", "en": "PDF for printing"},
    "paper_cover": {"az": "{title}, № {number} qəzetinin birinci səhifəsi", "ru": "Первая полоса газеты «{title}», № {number}",
                    "en": "Front page of {title}, No. {number}"},
    "paper_edition_lang": {"az": "Azərbaycan dilində", "ru": "на русском языке", "en": "in English"},
    "paper_no_issues": {"az": "Hələ qəzet nömrəsi yoxdur.", "ru": "Номеров газеты пока нет.", "en": "No issues yet."},
}


def t(key: str, lang: str, **kwargs: object) -> str:
    """Our UI string for `key` in `lang` (az when a translation is missing)."""
    entry = UI[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**kwargs) if kwargs else text
