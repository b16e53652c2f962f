"""Dates and times as readers expect them in their language (Babel), zones handled here."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
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
    """'25 November 2020, 09:00–16:30 CET'; across days both dates, across a clock change both zones."""
    locale = babel_locale(lang)
    a, b = aware(start, zone), aware(end, zone)
    t = lambda d: format_time(d, "HH:mm", locale=locale)  # noqa: E731
    start_zone, end_zone = zone_name(a, lang), zone_name(b, lang)
    if a.date() == b.date():
        if start_zone == end_zone:
            return f"{long_date(a.date(), lang)}, {t(a)}–{t(b)} {end_zone}"
        return f"{long_date(a.date(), lang)}, {t(a)} {start_zone} – {t(b)} {end_zone}"
    first = f"{t(a)} {start_zone}" if start_zone != end_zone else t(a)
    return f"{long_date(a.date(), lang)}, {first} – {long_date(b.date(), lang)}, {t(b)} {end_zone}"


# An abbreviation is a few capitals (CET, MESZ, BST); anything else Babel offers for a zone is
# either an offset written three ways ('+0200', 'GMT+02:00') or a long name ('Eastern Standard Time').
_ABBREVIATION = re.compile(r"^[A-Z]{2,5}$")


def zone_name(moment: datetime, lang: str) -> str:
    """The zone of an aware moment in one notation per language: its abbreviation where the
    language has one (CET, CEST; MEZ in German), else the offset as 'UTC+2' (hub.js does the same)."""
    # Cached by wall clock and zone: aware datetimes compare (and hash) as instants, across zones.
    return _zone_name(moment.replace(tzinfo=None), moment.tzinfo, lang)


@lru_cache(maxsize=4096)
def _zone_name(wall: datetime, zone, lang: str) -> str:
    moment = wall.replace(tzinfo=zone)
    name = format_datetime(moment, "z", locale=babel_locale(lang))
    return name if _ABBREVIATION.match(name) else utc_offset(moment.utcoffset())


def utc_offset(offset: timedelta) -> str:
    """'UTC+2', 'UTC+5:30', 'UTC-3', and 'UTC' itself for no offset."""
    minutes = int(offset.total_seconds() // 60)
    if not minutes:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    hours, rest = divmod(minutes, 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
