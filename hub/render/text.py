"""Texts in the reader's language: record fields with English fallback, and the UI strings."""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

import yaml

LOCALES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "locales")
DEFAULT = "en"


@dataclass(frozen=True)
class Localised:
    """A text as shown in one language: `lang` is the language it is actually in."""

    text: str
    lang: str
    fallback: bool  # True when the reader's language was missing and English is shown

    def __str__(self) -> str:
        return self.text


def pick(value, lang: str) -> Localised | None:
    """The text of a text-or-translations field in `lang`, else English, marked as fallback."""
    if value is None:
        return None
    if isinstance(value, str):
        return Localised(value, DEFAULT, lang != DEFAULT)
    if lang in value:
        return Localised(value[lang], lang, False)
    return Localised(value[DEFAULT], DEFAULT, True)


def translated_in(value, lang: str) -> bool:
    return value is None or lang == DEFAULT or (isinstance(value, dict) and lang in value)


@lru_cache(maxsize=None)
def ui_strings(lang: str) -> dict[str, str]:
    """UI strings of one language, English filling any gap (a test keeps the gaps at zero)."""
    strings = dict(_read(DEFAULT))
    if lang != DEFAULT:
        strings.update(_read(lang))
    return strings


@lru_cache(maxsize=None)
def _read(lang: str) -> dict[str, str]:
    path = os.path.join(LOCALES, f"{lang}.yml")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def missing_ui_strings(lang: str) -> list[str]:
    return sorted(set(_read(DEFAULT)) - set(_read(lang)))
