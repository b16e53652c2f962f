"""Texts in the reader's language: record fields with English fallback, and the UI strings."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

import yaml
from markupsafe import Markup

from hub.load.yamlfile import SafeLoader

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


# What Python-Markdown and its extensions read as syntax inside a line: code, emphasis, links and
# images, attr_list's `{: ...}`, a heading's closing `#`s, backslash escapes. As character
# references they are the same text to readers, and no syntax to Markdown.
_INERT = {**{c: f"&#{ord(c)};" for c in "\\`*_{}[]()#!|~"},
          "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
# What Markdown reads as syntax at the start of a paragraph: list items, numbered lists, setext rules.
_PARAGRAPH_START = re.compile(r"^(\d+(?=[.)])|[-+=])")


def markdown_text(text: str) -> Markup:
    """Plain text to put into Markdown (a heading, a paragraph): HTML-escaped and no Markdown syntax.

    Paragraphs (blank lines) are kept; line breaks within one become spaces (no hard breaks, no code blocks).
    """
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        words = " ".join(paragraph.split())
        inert = "".join(_INERT.get(c, c) for c in words)
        inert = _PARAGRAPH_START.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(0)), inert)
        paragraphs.append(inert)
    return Markup("\n\n".join(p for p in paragraphs if p))


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
        # Read by every language pass of the parallel build, which is a process of its own.
        return yaml.load(handle, Loader=SafeLoader) or {}


def missing_ui_strings(lang: str) -> list[str]:
    return sorted(set(_read(DEFAULT)) - set(_read(lang)))
