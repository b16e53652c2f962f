"""How the emitters name things: an event's place, a country, the site and its host."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from babel import Locale

from hub.render.dates import babel_locale
from hub.render.text import pick, ui_strings


def event_place(event, lang: str) -> str:
    """'City Hall, Malmö, Sweden', 'Online', or both for a hybrid event."""
    parts = []
    if event.location:
        loc = event.location
        country = country_name(loc.country, lang) if loc.country else None
        parts = [p for p in (_plain(loc.venue, lang), _plain(loc.city, lang), country) if p]
    if event.online or not parts:
        parts.append(ui_strings(lang)["online"])
    return ", ".join(parts)


def site_name(content, lang: str) -> str:
    return pick(content.site.name, lang).text


def host(site_url: str) -> str:
    return urlsplit(site_url).hostname or "localhost"


def _plain(value, lang: str) -> str | None:
    shown = pick(value, lang)
    return shown.text if shown else None


def country_name(code: str, lang: str) -> str:
    """'SE' as readers of `lang` name it: Sweden, Sverige, Schweden."""
    return _territories(lang).get(code, code)


@lru_cache(maxsize=None)
def _territories(lang: str):
    return Locale.parse(babel_locale(lang)).territories
