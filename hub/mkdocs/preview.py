"""A preview of some languages only, for a fast edit loop (`LANGS=en,sv make serve`).

HUB_LANGS=en,sv (what `make serve` sets from LANGS; `all` for every language) narrows the hub
to those languages: the pages, listings, language switcher, calendars, feeds and checks know only
them, and mkdocs-static-i18n builds only them. The default language is always built (the i18n
plugin builds it first, and the other languages fall back to it). Unset, nothing changes.
"""
from __future__ import annotations

import dataclasses
import os

from hub.load.siteconfig import SiteConfig
from hub.render.build import HubBuild
from hub.render.pages import Renderer

ENV = "HUB_LANGS"


def wanted(languages: tuple[str, ...], value: str | None) -> tuple[str, ...]:
    """The languages of `value` ('en,sv', 'all' or unset: every one), default first, in site order."""
    if not value or not value.strip() or value.strip() == "all":
        return languages
    asked = [part.strip() for part in value.replace(" ", ",").split(",") if part.strip()]
    unknown = [lang for lang in asked if lang not in languages]
    if unknown:
        raise ValueError(f"{ENV}/LANGS: {', '.join(unknown)} is not a language of this site "
                         f"(mkdocs.yml has {', '.join(languages)}; or 'all')")
    return tuple(lang for lang in languages if lang == languages[0] or lang in asked)


_cache: dict[tuple, HubBuild] = {}


def narrow(build: HubBuild, value: str | None = None) -> HubBuild:
    """`build` with only the previewed languages (itself when all are); one per load and choice."""
    value = os.environ.get(ENV) if value is None else value
    languages = wanted(build.config.languages, value)
    if languages == build.config.languages:
        return build
    key = (id(build), languages)
    if key not in _cache:
        config = SiteConfig(build.config.root, languages, build.config.site_url)
        _cache.clear()
        _cache[key] = dataclasses.replace(build, config=config, renderer=Renderer(build.index, config))
        _cache[key]._source = build  # keeps id(build) from being reused while cached
    return _cache[key]


def narrow_i18n(i18n, languages: tuple[str, ...]) -> None:
    """Tell mkdocs-static-i18n to build only `languages` (its per-language `build` option)."""
    for language in i18n.config.languages:
        language.build = bool(language.default) or language.locale in languages
