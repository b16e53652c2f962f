"""Dates and times as readers expect them in their language (Babel), zones handled here."""
from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from babel.dates import format_date, format_datetime, format_time

from hub.model.instants import aware, now_from_env, utc  # noqa: F401

# English pages follow British conventions: "25 November 2020, 09:00–16:30 CET".
_LOCALES = {"en": "en_GB", "nb": "nb_NO"}


def babel_locale(lang: str) -> str:
    return _LOCALES.get(lang, lang)


def long_date(day: date, lang: str) -> str:
    return _format_date(day, lang)


@lru_cache(maxsize=65536)
def _format_date(day: date, lang: str) -> str:
    return format_date(day, "long", locale=babel_locale(lang))


def year_month(value: str, lang: str) -> str:
    """A `published` value that may be YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return long_date(date(*parts), lang)
    if len(parts) == 2:
        return format_date(date(parts[0], parts[1], 1), "LLLL y", locale=babel_locale(lang))
    return str(parts[0])


def event_when(start: datetime, end: datetime, zone: str, lang: str) -> str:
    """'25 November 2020, 09:00–16:30 CET'; across days both dates are given."""
    locale = babel_locale(lang)
    a, b = aware(start, zone), aware(end, zone)
    t = lambda d: format_time(d, "HH:mm", locale=locale)  # noqa: E731
    zone_name = lambda d: format_datetime(d, "z", locale=locale)  # noqa: E731
    if a.date() == b.date():
        return f"{long_date(a.date(), lang)}, {t(a)}–{t(b)} {zone_name(a)}"
    end_zone = zone_name(b)
    return f"{long_date(a.date(), lang)}, {t(a)} {zone_name(a) if end_zone != zone_name(a) else ''}".rstrip() + \
        f" – {long_date(b.date(), lang)}, {t(b)} {end_zone}"
