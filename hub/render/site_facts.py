"""The hub's own facts (data/site.yml) as one page in one language shows them: footer, statements, 404.

Theme templates and the accessibility and privacy pages read these; they never see the model.
Text fields come as `Localised`, so a template can mark an English fallback with `lang="en"`;
addresses as `WebAddress` or `EmailAddress`, so `as_html` knows how to make each one inert.
Everything here is what a contributor wrote: theme templates escape it (`| e`), pages take it
through `as_html`, which leaves neither HTML nor Markdown in it.
"""
from __future__ import annotations

import re
from urllib.parse import quote

from markupsafe import Markup

from hub.render import dates
from hub.render.text import Localised, markdown_text, pick, ui_strings

# Characters an address may keep as they are: RFC 3986's, less those that end a Markdown link
# or an HTML attribute, or start Markdown syntax (`(`, `)`, `'`, `*`, `[`, `]`): they are %-encoded.
_ADDRESS_SAFE = "-._~:/?#@!$&+,;=%"
_WEB = re.compile(r"^https?://", re.IGNORECASE)


class WebAddress(str):
    """An http(s) address from data/site.yml."""


class EmailAddress(str):
    """An e-mail address from data/site.yml (a page writes `mailto:` before it)."""


def _web(value: str | None) -> WebAddress | None:
    return WebAddress(value) if value else None


def _email(value: str | None) -> EmailAddress | None:
    return EmailAddress(value) if value else None


def site_facts(build, lang: str) -> dict:
    """Localised name, tagline, contact, funding, privacy text and accessibility facts.

    A fact marked as a placeholder in data/site.yml is None here, so no page shows it.
    """
    site = build.renderer.site
    access = site.accessibility
    enforcement = access.enforcement if access else None
    return {
        "lang": lang,
        "prefix": build.config.path_prefix(lang),  # '' or 'sv/': where this language's pages live
        "languages": list(build.config.languages),
        "locale": dates.babel_locale(lang).replace("_", "-"),  # for the browser's Intl: en-GB, as the pages
        "name": pick(site.name, lang),
        "tagline": pick(site.tagline, lang),
        "contact": _email(site.contact),
        "funding": pick(site.funding, lang),
        "privacy": pick(site.privacy, lang),
        "repository": _web(site.repository),
        "accessibility": {
            "contact": _email((access.contact if access else None) or site.contact),
            "enforcement": {"name": pick(enforcement.name, lang) if enforcement else None,
                            "url": _web(enforcement.url) if enforcement else None},
            "reviewed": dates.long_date(access.reviewed, lang) if access and access.reviewed else None,
            "reviewed_iso": access.reviewed.isoformat() if access and access.reviewed else None,
        },
        "ui": ui_strings(lang),
    }


def site_fact(facts: dict, path: str):
    """One value by dotted path ('accessibility.contact'); a contributor-facing error if unknown."""
    value = facts
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            raise KeyError(f"site_fact: data/site.yml has no '{path}' (known: name, tagline, contact, funding, "
                           "privacy, repository, accessibility.contact, accessibility.enforcement.name, "
                           "accessibility.enforcement.url, accessibility.reviewed)")
        value = value[part]
    return value


def as_html(value) -> str:
    """A fact for a Markdown page, as text and nothing else: no HTML, no Markdown syntax, no
    other scheme than http(s) in a web address. A fallback text is marked with its language;
    a missing fact is empty."""
    if value is None:
        return ""
    if isinstance(value, WebAddress):
        return address(value) if _WEB.match(value) else ""
    if isinstance(value, EmailAddress):
        # No `:` either: whatever the address holds, it stays in the mailto: the page puts before it.
        return quote(str(value), safe=_ADDRESS_SAFE.replace(":", ""))
    if isinstance(value, Localised):
        text = markdown_text(value.text)
        if not value.fallback:
            return text
        # One span per paragraph: a span cannot hold Markdown's paragraph break.
        return Markup("\n\n".join(f'<span lang="{value.lang}">{p}</span>' for p in text.split("\n\n")))
    return markdown_text(str(value))


def address(value: str) -> str:
    """An address that can stand in a Markdown link or an HTML attribute as it is."""
    return quote(value, safe=_ADDRESS_SAFE)
