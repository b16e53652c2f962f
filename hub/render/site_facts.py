"""The hub's own facts (data/site.yml) as one page in one language shows them: footer, statements, 404.

Theme templates and the accessibility and privacy pages read these; they never see the model.
Text fields come as `Localised`, so a template can mark an English fallback with `lang="en"`.
"""
from __future__ import annotations

from markupsafe import escape

from hub.render import dates
from hub.render.text import Localised, pick, ui_strings


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
        "contact": site.contact,
        "funding": pick(site.funding, lang),
        "privacy": pick(site.privacy, lang),
        "repository": site.repository,
        "accessibility": {
            "contact": (access.contact if access else None) or site.contact,
            "enforcement": {"name": pick(enforcement.name, lang) if enforcement else None,
                            "url": enforcement.url if enforcement else None},
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
    """A fact for a Markdown page: fallback text marked with its language, missing as empty."""
    if value is None:
        return ""
    if isinstance(value, Localised):
        return f'<span lang="{value.lang}">{escape(value.text)}</span>' if value.fallback else str(escape(value.text))
    return str(escape(value))
