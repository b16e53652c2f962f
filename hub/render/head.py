"""Tags for a page's <head>: link previews, feed and calendar links, structured data.

Material already writes `<link rel="canonical">` and the `hreflang` alternates (from
mkdocs-static-i18n), so they are not repeated here; tests/test_head.py checks there is one of each.
"""
from __future__ import annotations

import os
from functools import lru_cache

from babel.core import get_global
from markupsafe import escape

from hub.render.dates import babel_locale
from hub.render.jsonld import script, structured_data
from hub.render.text import pick, ui_strings

# The default link-preview card, shipped in docs/ (tools/make_card.py draws it from card.svg).
CARD = "assets/images/card.png"
CARD_SIZE = (1200, 630)


def page_head(build, lang: str, url: str, record: str | None, title: str, description: str | None) -> str:
    """HTML for the page's <head>; `url` is the page's site path, `record` 'events/<id>' or None."""
    config, content = build.config, build.content
    ui = ui_strings(lang)
    site = pick(content.site.name, lang).text
    tagline = pick(content.site.tagline, lang)
    title = title or site
    description = description or (tagline.text if tagline else title)
    image = config.site_url + CARD
    tags = [
        _meta("og:type", "article" if record else "website"),
        _meta("og:site_name", site),
        _meta("og:title", title),
        _meta("og:description", description),
        _meta("og:url", config.site_url + (url or "").lstrip("/")),
        _meta("og:locale", og_locale(lang)),
        *[_meta("og:locale:alternate", og_locale(other)) for other in config.languages if other != lang],
        _meta("og:image", image),
        _meta("og:image:type", "image/png"),
        _meta("og:image:width", str(CARD_SIZE[0])),
        _meta("og:image:height", str(CARD_SIZE[1])),
        _meta("og:image:alt", site),
        _meta("twitter:card", "summary_large_image", attribute="name"),
        _meta("twitter:title", title, attribute="name"),
        _meta("twitter:description", description, attribute="name"),
        _meta("twitter:image", image, attribute="name"),
        _meta("twitter:image:alt", site, attribute="name"),
        _link("application/atom+xml", f"{site} – {ui['feed']}", config.page_url(lang, "feed.xml")),
        _link("text/calendar", f"{site} – {ui['events']}", config.page_url(lang, "calendar.ics")),
    ]
    collection, _, record_id = (record or "").partition("/")
    if collection == "topics" and record_id in content.topics:
        topic = f"{site} – {pick(content.topics[record_id], lang).text}"
        tags.append(_link("application/atom+xml", topic, config.page_url(lang, f"topics/{record_id}.xml")))
        tags.append(_link("text/calendar", topic, config.page_url(lang, f"topics/{record_id}.ics")))
    elif collection == "events" and record_id in content["events"]:
        tags.append(_link("text/calendar", title, config.page_url(lang, f"events/{record_id}.ics")))
    if record_id and collection in content.records and record_id in content[collection]:
        data = structured_data(build, lang, collection, record_id, image)
        if data:
            tags.append(script(data))
    return "\n".join(tags)


@lru_cache(maxsize=None)
def og_locale(lang: str) -> str:
    """OpenGraph wants language_TERRITORY: en_GB for the British English pages, sv_SE, nb_NO ..."""
    locale = babel_locale(lang)
    if "_" in locale:
        return locale
    parts = get_global("likely_subtags").get(lang, lang).split("_")
    return f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else lang


def check(build, site_dir: str) -> list[str]:
    """Every page names the card image as og:image: it must be in the built site."""
    if os.path.exists(os.path.join(site_dir, CARD)):
        return []
    return [f"{CARD} is missing from the site: link previews point to it (it lives in docs/{CARD})"]


def _meta(key: str, value: str, attribute: str = "property") -> str:
    return f'<meta {attribute}="{key}" content="{escape(value)}">'


def _link(kind: str, title: str, href: str) -> str:
    return f'<link rel="alternate" type="{kind}" title="{escape(title)}" href="{escape(href)}">'
