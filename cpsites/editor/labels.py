"""Field labels and hints of the editor in az/ru/en: one table, keyed by the content model's field names.

A field missing here is shown with its own name, so a new field reaches the editor at once.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "title": {"az": "Başlıq", "ru": "Заголовок", "en": "Title"},
    "date": {"az": "Tarix", "ru": "Дата", "en": "Date"},
    "summary": {"az": "Qısa məzmun", "ru": "Краткое содержание", "en": "Summary"},
    "body": {"az": "Mətn", "ru": "Текст", "en": "Text"},
    "image": {"az": "Şəkil", "ru": "Фотография", "en": "Picture"},
    "image_alt": {"az": "Şəklin təsviri", "ru": "Описание фотографии", "en": "Picture description"},
    "caption": {"az": "Şəklin altındakı yazı", "ru": "Подпись к фото", "en": "Caption"},
    "author": {"az": "Müəllif", "ru": "Автор", "en": "Author"},
    "tags": {"az": "Mövzular", "ru": "Темы", "en": "Topics"},
    "name": {"az": "Ad", "ru": "Имя", "en": "Name"},
    "rank": {"az": "Rütbə", "ru": "Звание", "en": "Rank"},
    "role": {"az": "Vəzifə", "ru": "Должность", "en": "Role"},
    "photo": {"az": "Foto", "ru": "Фото", "en": "Photo"},
    "phone": {"az": "Telefon", "ru": "Телефон", "en": "Phone"},
    "mobile": {"az": "Mobil telefon", "ru": "Мобильный телефон", "en": "Mobile phone"},
    "email": {"az": "E-poçt", "ru": "Эл. почта", "en": "E-mail"},
    "areas": {"az": "Sahələr", "ru": "Участки", "en": "Areas"},
    "number": {"az": "Nömrə", "ru": "Номер", "en": "Number"},
    "streets": {"az": "Küçələr", "ru": "Улицы", "en": "Streets"},
    "houses": {"az": "Evlər", "ru": "Дома", "en": "Houses"},
    "reception": {"az": "Qəbul", "ru": "Приём", "en": "Reception"},
    "hours": {"az": "Qəbul saatları", "ru": "Часы приёма", "en": "Hours"},
    "place": {"az": "Yer", "ru": "Место", "en": "Place"},
    "address": {"az": "Ünvan", "ru": "Адрес", "en": "Address"},
    "about": {"az": "Haqqında", "ru": "О себе", "en": "About"},
    "order": {"az": "Sıra", "ru": "Порядок", "en": "Order"},
    "kind": {"az": "Növ", "ru": "Вид", "en": "Kind"},
    "start": {"az": "Başlanğıc", "ru": "Начало", "en": "Start"},
    "end": {"az": "Son", "ru": "Конец", "en": "End"},
    "description": {"az": "Təsvir", "ru": "Описание", "en": "Description"},
    "time": {"az": "Vaxt", "ru": "Время", "en": "Time"},
    "duration": {"az": "Müddət (dəqiqə)", "ru": "Длительность (мин)", "en": "Duration (minutes)"},
    "channel": {"az": "Kanal", "ru": "Канал", "en": "Channel"},
    "video": {"az": "Video", "ru": "Видео", "en": "Video"},
    "az": {"az": "Azərbaycanca", "ru": "По-азербайджански", "en": "Azerbaijani"},
    "ru": {"az": "Rusca", "ru": "По-русски", "en": "Russian"},
    "en": {"az": "İngiliscə", "ru": "По-английски", "en": "English"},
    # collections
    "news": {"az": "Xəbərlər", "ru": "Новости", "en": "News"},
    "officers": {"az": "Sahə polis inspektorları", "ru": "Участковые инспекторы", "en": "Neighbourhood officers"},
    "events": {"az": "Tədbirlər", "ru": "Мероприятия", "en": "Events"},
    "tv": {"az": "Televiziya verilişləri", "ru": "Телепередачи", "en": "TV episodes"},
    "groups": {"az": "Qruplar", "ru": "Группы", "en": "Groups"},
    "brochures": {"az": "Bukletlər", "ru": "Буклеты", "en": "Brochures"},
    "department": {"az": "İdarə haqqında", "ru": "Об отделе", "en": "Department"},
    "complaints": {"az": "Şikayət qutuları", "ru": "Ящики для жалоб", "en": "Complaint boxes"},
    "boxes": {"az": "Qutular", "ru": "Ящики", "en": "Boxes"},
}

HINTS: dict[str, dict[str, str]] = {
    "image_alt": {"az": "Şəkildə nə görünür: görmə qabiliyyəti zəif oxucular üçün (vacibdir)",
                  "ru": "Что видно на фото: для незрячих читателей (обязательно)",
                  "en": "What the picture shows, for blind readers (required)"},
    "summary": {"az": "Bir-iki cümlə: xəbərlər siyahısında görünür",
                "ru": "Одно-два предложения: видно в списке новостей",
                "en": "One or two sentences: shown in the news list"},
    "phone": {"az": "Məsələn: +994 24 275 03 21", "ru": "Например: +994 24 275 03 21",
              "en": "For example: +994 24 275 03 21"},
    "date": {"az": "İl-ay-gün, məsələn 2026-11-20", "ru": "Год-месяц-день, например 2026-11-20",
             "en": "Year-month-day, for example 2026-11-20"},
}


def label(key: str, lang: str) -> str:
    entry = LABELS.get(key)
    return entry.get(lang, entry["az"]) if entry else key


def hint(key: str, lang: str) -> str | None:
    entry = HINTS.get(key)
    return entry.get(lang, entry["az"]) if entry else None
