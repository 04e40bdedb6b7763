"""The shared vocabulary of news topics: language-independent keys with az/ru/en labels.

Keys keep tag pages the same across languages, so the language switcher works on them.
"""

TAGS: dict[str, dict[str, str]] = {
    "community-policing": {"az": "İcma polisi", "ru": "Общественная полиция", "en": "Community policing"},
    "open-day": {"az": "Açıq Qapı Günü", "ru": "День открытых дверей", "en": "Open Day"},
    "advisory-group": {"az": "İctimai Məsləhət Qrupu", "ru": "Общественная консультативная группа", "en": "Community Advisory Group"},
    "working-group": {"az": "İşçi Qrup", "ru": "Рабочая группа", "en": "Working Group"},
    "schools": {"az": "Məktəblər", "ru": "Школы", "en": "Schools"},
    "competition": {"az": "Müsabiqə", "ru": "Конкурс", "en": "Competition"},
    "road-safety": {"az": "Yol hərəkəti təhlükəsizliyi", "ru": "Безопасность дорожного движения", "en": "Road safety"},
    "clean-internet": {"az": "Təhlükəsiz internet", "ru": "Безопасный интернет", "en": "Clean internet"},
    "crime-prevention": {"az": "Profilaktika", "ru": "Профилактика", "en": "Crime prevention"},
    "domestic-violence": {"az": "Məişət zorakılığı", "ru": "Бытовое насилие", "en": "Domestic violence"},
    "tv": {"az": "Televiziya", "ru": "Телевидение", "en": "Television"},
    "press": {"az": "Mətbuat", "ru": "Пресса", "en": "Press"},
    "sport": {"az": "İdman", "ru": "Спорт", "en": "Sport"},
    "youth": {"az": "Gənclər", "ru": "Молодёжь", "en": "Youth"},
    "study-tour": {"az": "Təcrübə səfəri", "ru": "Ознакомительная поездка", "en": "Study tour"},
    "neighbourhood-officers": {"az": "Sahə polis inspektorları", "ru": "Участковые инспекторы", "en": "Neighbourhood officers"},
    "complaints": {"az": "Şikayətlər", "ru": "Жалобы", "en": "Complaints"},
    "police-day": {"az": "Polis günü", "ru": "День полиции", "en": "Police Day"},
}


def tag_label(key: str, lang: str) -> str:
    return TAGS[key].get(lang) or TAGS[key]["az"]
