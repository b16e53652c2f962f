"""Tags for a page's <head>: title, description, hreflang alternates, link previews, feed and
calendar links, structured data.

Material writes `<link rel="canonical">`; overrides/main.html replaces its `<title>`, its
description (English `site_description` on every page) and its relative hreflang links with the
ones made here: the site's name once in the title, descriptions cut at a word, alternates
absolute with `x-default`, as in the sitemap (tests/test_head.py compares them page by page).
"""
from __future__ import annotations

import os
from functools import lru_cache

from babel.core import get_global
from markupsafe import escape

from hub.render.dates import babel_locale
from hub.render.jsonld import script, structured_data
from hub.render.text import pick, ui_strings

# Descriptions longer than this are cut at a word: what search results and previews show in full.
DESCRIPTION_LIMIT = 200

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
    description = shortened(description or (tagline.text if tagline else title))
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


def page_meta(build, lang: str, url: str, title: str | None, description: str | None) -> dict[str, str]:
    """What overrides/main.html puts in place of Material's own: <title>, description, hreflang links (HTML)."""
    site = pick(build.content.site.name, lang).text
    tagline = pick(build.content.site.tagline, lang)
    description = shortened(description or (tagline.text if tagline else site))
    # The one 404.html answers for every address: it is no page of the site in any language.
    links = "" if url.endswith("404.html") else alternate_links(build.config, url)
    return {"title": str(escape(page_title(title, site))), "description": str(escape(description)), "alternates": links}


def page_title(title: str | None, site: str) -> str:
    """The <title>: the page's title, then the site's name, which is never said twice."""
    title = " ".join((title or "").split())
    if not title or title.casefold() == site.casefold() or title.casefold().endswith(f" - {site}".casefold()):
        return title or site
    return f"{title} - {site}"


def shortened(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """`text` on one line; past `limit` characters, cut after the last whole word, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]  # room for the ellipsis
    if text[limit - 1] != " " and " " in cut:  # the cut falls inside a word: leave that word out
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–—-") + "…"


def alternates(config, url: str) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of the page at site path `url` in every language, and `x-default`:
    the default language's page, for readers of any other language."""
    first, _, rest = (url or "").lstrip("/").partition("/")
    path = rest if first in config.languages[1:] else (url or "").lstrip("/")
    links = [(lang, config.page_url(lang, path)) for lang in config.languages]
    return links + [("x-default", config.page_url(config.languages[0], path))]


def alternate_links(config, url: str) -> str:
    return "\n".join(f'<link rel="alternate" hreflang="{lang}" href="{escape(href)}">' for lang, href in alternates(config, url))


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
