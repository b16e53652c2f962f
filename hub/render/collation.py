"""Alphabetical order as each language's readers expect it (ICU collation, CLDR's rules).

Swedish and Finnish put å, ä, ö after z, Danish and Norwegian æ, ø, å; German files ä with a.
Lists of names are sorted by what the reader sees, in the reader's language.
"""
from __future__ import annotations

from functools import lru_cache

import icu

from hub.render.dates import babel_locale


@lru_cache(maxsize=None)
def _collator(lang: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(babel_locale(lang)))


def sort_key(text: str, lang: str) -> bytes:
    return _collator(lang).getSortKey(text)


def collated(items, lang: str, name=lambda item: item) -> list:
    """`items` in the alphabetical order of `name(item)` in `lang`; equal names keep their order."""
    return sorted(items, key=lambda item: sort_key(name(item), lang))
