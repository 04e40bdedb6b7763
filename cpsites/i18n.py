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
    # neighbourhood officers, TV programme, events, groups, brochures, complaints (cpsites/web/*.py)
    "officers": {"az": "Sahə polis inspektorları", "ru": "Участковые инспекторы полиции", "en": "Neighbourhood police officers"},
    "officers_intro": {"az": "Hər məhəllənin öz sahə polis inspektoru var: o, sakinləri qəbul edir və məhəllənin qayğılarını bilir. Küçənizi yazın və inspektorunuzu tapın.",
                       "ru": "У каждого квартала есть свой участковый инспектор: он принимает жителей и знает заботы квартала. Введите свою улицу и найдите своего участкового.",
                       "en": "Every neighbourhood has its own police officer, who meets residents and knows the area's concerns. Type your street to find yours."},
    "find_officer": {"az": "Sahə inspektorunuzu tapın", "ru": "Найдите своего участкового", "en": "Find your neighbourhood officer"},
    "street_label": {"az": "Küçənin adı (və istəsəniz ev nömrəsi)", "ru": "Название улицы (и, если хотите, номер дома)", "en": "Street name (and house number, if you like)"},
    "street_placeholder": {"az": "məsələn, Nizami 12", "ru": "например, Низами 12", "en": "for example, Nizami 12"},
    "street_none": {"az": "Bu adda küçə tapılmadı. Adın bir hissəsini yazın və ya növbətçi hissəyə zəng edin:",
                    "ru": "Такая улица не найдена. Введите часть названия или позвоните в дежурную часть:",
                    "en": "No street found with that name. Type part of the name, or call the duty desk:"},
    "street_found": {"az": "Tapıldı", "ru": "Найдено", "en": "Found"},
    "finder_no_js": {"az": "Axtarış JavaScript tələb edir. Küçələr aşağıda sahələr üzrə sıralanıb.",
                     "ru": "Для поиска нужен JavaScript. Улицы перечислены ниже по участкам.",
                     "en": "The search needs JavaScript. The streets are listed below, area by area."},
    "area_n": {"az": "{n} saylı sahə", "ru": "Участок № {n}", "en": "Area {n}"},
    "areas": {"az": "Sahələr", "ru": "Участки", "en": "Areas"},
    "streets": {"az": "Küçələr", "ru": "Улицы", "en": "Streets"},
    "houses": {"az": "ev {range}", "ru": "дома {range}", "en": "houses {range}"},
    "covers_areas": {"az": "Xidmət etdiyi sahələr", "ru": "Обслуживаемые участки", "en": "Areas covered"},
    "reception": {"az": "Vətəndaşların qəbulu", "ru": "Приём граждан", "en": "Office hours"},
    "reception_place": {"az": "Qəbul yeri", "ru": "Место приёма", "en": "Where"},
    "phone": {"az": "Telefon", "ru": "Телефон", "en": "Phone"},
    "mobile": {"az": "Mobil telefon", "ru": "Мобильный", "en": "Mobile"},
    "call": {"az": "Zəng edin", "ru": "Позвонить", "en": "Call"},
    "write_email": {"az": "Məktub yazın", "ru": "Написать письмо", "en": "Send an email"},
    "save_contact": {"az": "Kontaktı yadda saxla (vCard)", "ru": "Сохранить контакт (vCard)", "en": "Save contact (vCard)"},
    "all_officers": {"az": "Bütün sahə inspektorları", "ru": "Все участковые инспекторы", "en": "All neighbourhood officers"},
    "on_map": {"az": "Xəritədə aç", "ru": "Открыть на карте", "en": "Open in a map app"},
    "tv": {"az": "TV verilişi", "ru": "Телепередача", "en": "TV programme"},
    "tv_intro": {"az": "\"{programme}\" verilişi {channel} kanalında. Burada növbəti buraxılışların vaxtını və əvvəlki buraxılışların videolarını tapa bilərsiniz.",
                 "ru": "Передача «{programme}» на канале {channel}. Здесь — время ближайших выпусков и видео прошедших.",
                 "en": "\"{programme}\" on {channel}: when the next episodes air, and videos of past ones."},
    "coming_broadcasts": {"az": "Növbəti buraxılışlar", "ru": "Ближайшие выпуски", "en": "Coming up"},
    "aired_episodes": {"az": "Efirə getmiş buraxılışlar", "ru": "Вышедшие выпуски", "en": "Past episodes"},
    "no_episodes": {"az": "Hələ buraxılış yoxdur.", "ru": "Выпусков пока нет.", "en": "No episodes yet."},
    "episode_n": {"az": "Buraxılış № {n}", "ru": "Выпуск № {n}", "en": "Episode {n}"},
    "on_air": {"az": "Efir", "ru": "Эфир", "en": "On air"},
    "channel": {"az": "Kanal", "ru": "Канал", "en": "Channel"},
    "duration": {"az": "Davamiyyət", "ru": "Продолжительность", "en": "Length"},
    "minutes": {"az": "{n} dəq.", "ru": "{n} мин", "en": "{n} min"},
    "play_video": {"az": "Videonu izlə", "ru": "Смотреть видео", "en": "Play the video"},
    "video_external_notice": {"az": "Video {provider} saytından ({host}) yüklənəcək. Düyməni basana qədər həmin sayta heç bir sorğu göndərilmir.",
                              "ru": "Видео загрузится с сайта {provider} ({host}). Пока вы не нажмёте кнопку, к этому сайту не отправляется ни одного запроса.",
                              "en": "The video loads from {provider} ({host}). Nothing is requested from that site until you press the button."},
    "video_watch_at": {"az": "Videonu {provider} saytında izləyə bilərsiniz:", "ru": "Видео можно посмотреть на сайте {provider}:", "en": "You can watch the video on {provider}:"},
    "video_later": {"az": "Video efirdən sonra burada olacaq.", "ru": "Видео появится здесь после эфира.", "en": "The video will be here after the broadcast."},
    "video_download": {"az": "Videonu yüklə", "ru": "Скачать видео", "en": "Download the video"},
    "all_episodes": {"az": "Bütün buraxılışlar", "ru": "Все выпуски", "en": "All episodes"},
    "events": {"az": "Tədbirlər", "ru": "Мероприятия", "en": "Events"},
    "events_intro": {"az": "{dept} polisinin açıq qapı günləri, İctimai Məsləhət Qrupunun iclasları, məktəb görüşləri və müsabiqələr.",
                     "ru": "Дни открытых дверей, заседания общественных групп, встречи в школах и конкурсы полиции: {dept}.",
                     "en": "Open days, advisory group meetings, school visits and competitions of the {dept} police."},
    "upcoming_events": {"az": "Qarşıdakı tədbirlər", "ru": "Предстоящие мероприятия", "en": "Upcoming events"},
    "past_events": {"az": "Keçmiş tədbirlər", "ru": "Прошедшие мероприятия", "en": "Past events"},
    "next_events": {"az": "Yaxın tədbirlər", "ru": "Ближайшие мероприятия", "en": "Coming events"},
    "no_upcoming_events": {"az": "Hələlik yeni tədbir elan olunmayıb.", "ru": "Новых мероприятий пока не объявлено.", "en": "No new events announced yet."},
    "all_events": {"az": "Bütün tədbirlər", "ru": "Все мероприятия", "en": "All events"},
    "when": {"az": "Vaxt", "ru": "Когда", "en": "When"},
    "where": {"az": "Yer", "ru": "Где", "en": "Where"},
    "add_to_calendar": {"az": "Təqvimə əlavə et (.ics)", "ru": "Добавить в календарь (.ics)", "en": "Add to calendar (.ics)"},
    "subscribe_calendar": {"az": "Tədbirlər təqviminə abunə ol", "ru": "Подписаться на календарь мероприятий", "en": "Subscribe to the events calendar"},
    "download_calendar": {"az": "Təqvim faylı (.ics)", "ru": "Файл календаря (.ics)", "en": "Calendar file (.ics)"},
    "calendar_help": {"az": "Abunə olsanız, telefonunuzun təqvimi yeni tədbirləri özü göstərəcək.",
                      "ru": "После подписки календарь телефона сам покажет новые мероприятия.",
                      "en": "Once subscribed, your phone's calendar shows new events by itself."},
    "event_over": {"az": "Bu tədbir artıq keçirilib.", "ru": "Это мероприятие уже прошло.", "en": "This event has taken place."},
    "group": {"az": "Qrup", "ru": "Группа", "en": "Group"},
    "groups": {"az": "İcma qrupları", "ru": "Общественные группы", "en": "Community groups"},
    "priorities": {"az": "Yerli prioritetlər", "ru": "Местные приоритеты", "en": "Local priorities"},
    "priorities_intro": {"az": "Sakinlərin İctimai Məsləhət Qrupunun iclaslarında, şikayət qutularında, sorğularda və məktublarda qaldırdığı məsələlər və polisin gördüyü işlər: siz dediniz, biz etdik.",
                         "ru": "Проблемы, которые жители подняли на заседаниях Общественной консультативной группы, в ящиках для жалоб, опросах и письмах, и что сделала полиция: вы сказали — мы сделали.",
                         "en": "What residents raised at Community Advisory Group meetings, in complaint boxes, polls and letters, and what the police did about it: you said, we did."},
    "working_on": {"az": "Üzərində işlədiyimiz məsələlər", "ru": "Над чем мы работаем", "en": "What we are working on"},
    "all_priorities": {"az": "Bütün prioritetlər", "ru": "Все приоритеты", "en": "All priorities"},
    "current_priorities": {"az": "Cari prioritetlər", "ru": "Текущие приоритеты", "en": "Current priorities"},
    "done_priorities": {"az": "Həll olunmuş məsələlər", "ru": "Решённые вопросы", "en": "Resolved"},
    "no_current_priorities": {"az": "Hazırda açıq məsələ yoxdur.", "ru": "Открытых вопросов сейчас нет.", "en": "No open priorities at the moment."},
    "area_priorities": {"az": "Bu sahədə üzərində işlədiyimiz məsələlər", "ru": "Над чем мы работаем на этом участке", "en": "What we are working on in this area"},
    "whole_city": {"az": "Bütün şəhər", "ru": "Весь город", "en": "Whole city"},
    "area_n": {"az": "Sahə", "ru": "Участок", "en": "Area"},
    "status": {"az": "Vəziyyət", "ru": "Статус", "en": "Status"},
    "raised": {"az": "Qaldırılıb", "ru": "Поднят", "en": "Raised"},
    "reviewed": {"az": "Son baxış", "ru": "Последний пересмотр", "en": "Last reviewed"},
    "actions_taken": {"az": "Görülən işlər", "ru": "Что сделано", "en": "What we did"},
    "polls": {"az": "Rəy sorğuları", "ru": "Опросы", "en": "Opinion polls"},
    "polls_intro": {"az": "Sakinlərin polisə etimadı və təhlükəsizlik hissi barədə sorğuların nəticələri. Faizlər cavabların sayından hesablanır.",
                    "ru": "Результаты опросов о доверии жителей к полиции и чувстве безопасности. Проценты вычислены по числу ответов.",
                    "en": "Results of the polls on residents' trust in the police and how safe they feel. Percentages are computed from the counts."},
    "poll": {"az": "Sorğu", "ru": "Опрос", "en": "Poll"},
    "fieldwork": {"az": "Sorğunun aparıldığı vaxt", "ru": "Сроки проведения", "en": "Fieldwork"},
    "method": {"az": "Üsul", "ru": "Метод", "en": "Method"},
    "sample": {"az": "Sorğuda iştirak edənlər", "ru": "Опрошено", "en": "People asked"},
    "answer": {"az": "Cavab", "ru": "Ответ", "en": "Answer"},
    "count": {"az": "Say", "ru": "Число", "en": "Count"},
    "percent": {"az": "Faiz", "ru": "Процент", "en": "Percent"},
    "download_csv": {"az": "Rəqəmlər cədvəl kimi (CSV)", "ru": "Цифры таблицей (CSV)", "en": "The numbers as a table (CSV)"},
    "trend": {"az": "Sorğular üzrə dəyişmə", "ru": "Изменение от опроса к опросу", "en": "Change across polls"},
    "groups_intro": {"az": "İcma Polisi üzrə İşçi Qrup və İctimai Məsləhət Qrupları polis ilə sakinləri bir masa arxasında toplayır. İclaslar açıqdır.",
                     "ru": "Рабочая группа по общественной полиции и общественные консультативные группы собирают полицию и жителей за одним столом. Заседания открытые.",
                     "en": "The CP Working Group and the Community Advisory Groups bring police and residents to one table. Meetings are open to all."},
    "purpose": {"az": "Məqsəd", "ru": "Задачи", "en": "Purpose"},
    "members": {"az": "Üzvlər", "ru": "Состав", "en": "Members"},
    "role": {"az": "Vəzifə", "ru": "Роль", "en": "Role"},
    "name": {"az": "Ad", "ru": "Имя", "en": "Name"},
    "meets": {"az": "Nə vaxt toplanır", "ru": "Когда собирается", "en": "When it meets"},
    "serves": {"az": "Xidmət ərazisi", "ru": "Территория", "en": "Area served"},
    "next_meetings": {"az": "Növbəti iclaslar", "ru": "Ближайшие заседания", "en": "Next meetings"},
    "next_meeting": {"az": "Növbəti iclas", "ru": "Ближайшее заседание", "en": "Next meeting"},
    "past_meetings": {"az": "Keçmiş iclaslar", "ru": "Прошедшие заседания", "en": "Past meetings"},
    "no_meetings_planned": {"az": "Növbəti iclasın vaxtı hələ elan olunmayıb.", "ru": "Дата следующего заседания ещё не объявлена.", "en": "The next meeting has not been announced yet."},
    "brochures": {"az": "Broşürlər", "ru": "Брошюры", "en": "Brochures"},
    "brochures_intro": {"az": "Oxuyun, çap edin və qonşularınızla paylaşın: hər broşür A4 vərəqində çap olunur.",
                        "ru": "Читайте, распечатывайте и делитесь с соседями: каждая брошюра печатается на листе A4.",
                        "en": "Read them, print them, share them with your neighbours: each brochure prints on A4 paper."},
    "print": {"az": "Çap et", "ru": "Распечатать", "en": "Print"},
    "all_brochures": {"az": "Bütün broşürlər", "ru": "Все брошюры", "en": "All brochures"},
    "complaints": {"az": "Şikayət və əlaqə", "ru": "Жалобы и контакты", "en": "Complaints and contact"},
    "complaints_intro": {"az": "Şikayət qutuları harada yerləşir, şikayətə necə baxılır, növbətçi və təcili nömrələr.",
                         "ru": "Где стоят ящики для жалоб, как рассматривается жалоба, дежурные и экстренные номера.",
                         "en": "Where the complaint boxes are, how a complaint is handled, duty and emergency numbers."},
    "complaint_boxes": {"az": "Şikayət qutuları", "ru": "Ящики для жалоб", "en": "Complaint boxes"},
    "how_handled": {"az": "Şikayətə necə baxılır", "ru": "Как рассматривается жалоба", "en": "How a complaint is handled"},
    "complaint_officer_hint": {"az": "Məhəllə problemi üçün sahə polis inspektorunuzla da danışa bilərsiniz:",
                               "ru": "С проблемой квартала можно обратиться и к своему участковому:",
                               "en": "For a neighbourhood problem you can also talk to your neighbourhood officer:"},
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
    # print products (cards, posters, tri-folds) and the print/ page listing them
    "card_scan": {"az": "Səhifəm saytda", "ru": "Моя страница на сайте", "en": "My page on the website"},
    "card_emergency": {"az": "Təcili hallarda", "ru": "В экстренных случаях", "en": "In an emergency"},
    "print_page": {"az": "Çap materialları", "ru": "Материалы для печати", "en": "Print materials"},
    "print_intro": {"az": "Vizit kartları, plakatlar və bukletlər: mətbəə üçün PDF (PDF/X-4, 3 mm kəsim payı ilə) və ofis printeri üçün vərəqlər.",
                    "ru": "Визитки, плакаты и буклеты: PDF для типографии (PDF/X-4, с вылетами 3 мм) и листы для офисного принтера.",
                    "en": "Business cards, posters and brochures: PDFs for the print shop (PDF/X-4 with 3 mm bleed) and sheets for the office printer."},
    "print_cards": {"az": "Vizit kartları", "ru": "Визитные карточки", "en": "Business cards"},
    "print_posters": {"az": "Plakatlar", "ru": "Плакаты", "en": "Posters"},
    "print_brochures": {"az": "Broşürlər (üç qatlı buklet)", "ru": "Брошюры (буклет в три сложения)", "en": "Brochures (tri-fold)"},
    "print_card_pdf": {"az": "Mətbəə üçün bir kart", "ru": "Одна визитка для типографии", "en": "One card for the print shop"},
    "print_sheet": {"az": "{format} vərəq, {n} kart", "ru": "Лист {format}, {n} шт.", "en": "{format} sheet, {n} cards"},
    "print_cover": {"az": "{title}: ön üz", "ru": "{title}: лицевая сторона", "en": "{title}: front"},
    "print_pdf": {"az": "Çap üçün PDF", "ru": "PDF для печати", "en": "PDF to print"},
    "print_trifold": {"az": "Çap üçün yüklə (üç qatlı buklet)", "ru": "Скачать для печати (буклет)", "en": "Download to print (tri-fold)"},
    "print_trifold_screen": {"az": "Ekran üçün PDF", "ru": "PDF для экрана", "en": "PDF for screens"},
    "print_none": {"az": "Hələ çap materialı yoxdur.", "ru": "Материалов для печати пока нет.", "en": "Nothing to print yet."},
}


def t(key: str, lang: str, **kwargs: object) -> str:
    """Our UI string for `key` in `lang` (az when a translation is missing)."""
    entry = UI[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**kwargs) if kwargs else text
