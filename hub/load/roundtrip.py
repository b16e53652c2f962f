"""Translations written into a record file with ruamel.yaml's round trip.

Each file keeps its other content, order, quoting and comments (data/ reads back byte for byte);
a text written as one English string becomes `{en: ..., <lang>: ...}`, languages in the site's order.
"""
from __future__ import annotations

import textwrap

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

DEFAULT = "en"


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the contributor wrote
    yaml.indent(mapping=2, sequence=4, offset=2)  # the house style of data/: `  - item` under its key
    return yaml


def read_round_trip(path: str):
    with open(path, encoding="utf-8") as handle:
        return _yaml().load(handle)


def write_translations(full: str, changes: list[tuple[tuple, str]], lang: str, languages: list[str]) -> None:
    """Set each (place in the file's data, text) of `lang` in the file at `full`."""
    yaml = _yaml()
    with open(full, encoding="utf-8") as handle:
        data = yaml.load(handle)
    for loc, text in changes:
        parent = data
        for part in loc[:-1]:
            parent = parent[part]
        _set_translation(parent, loc[-1], lang, text, languages)
    with open(full, "w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


def _set_translation(parent, key, lang: str, text: str, languages: list[str]) -> None:
    current = parent[key]
    if isinstance(current, dict):
        old = current.get(lang)
        value = _styled(text, old if old is not None else current.get(DEFAULT))
        if lang in current:
            current[lang] = value
            return
        order = {code: n for n, code in enumerate(languages)}
        keys = list(current)
        position = next((n for n, k in enumerate(keys) if order.get(k, -1) > order.get(lang, len(order))), len(keys))
        if position == len(keys) and keys:
            # Comment lines after the last translation belong to what follows: keep them below the new one.
            _move_comment(current, keys[-1], current, lang)
        current.insert(position, lang, value)
        return
    mapping = CommentedMap()
    mapping[DEFAULT] = current
    mapping[lang] = _styled(text, current)
    if getattr(parent, "fa", None) is not None and parent.fa.flow_style():
        mapping.fa.set_flow_style()
    else:
        _move_comment(parent, key, mapping, lang)
    parent[key] = mapping


def _move_comment(source, source_key, target, target_key) -> None:
    """Comments that ruamel attaches to the value before them follow the text that now ends the block."""
    items = getattr(source, "ca", None) and source.ca.items
    if not items or source_key not in items:
        return
    token = items[source_key]
    if len(token) > 2 and token[2] is not None and token[2].value.startswith("\n"):
        target.ca.items[target_key] = [None, None, token[2], None]
        token[2] = None


def _styled(text: str, like) -> str:
    """The new text in the style of the one it sits beside: folded blocks stay folded, at the same width."""
    if "\n" in text.rstrip("\n"):
        return LiteralScalarString(text)
    if isinstance(like, FoldedScalarString) and "  " not in text:
        width = max((len(line) for line in str(like).split("\n")), default=0)
        folded = FoldedScalarString(text)
        folded.fold_pos = _fold_positions(text, max(60, min(width, 100)) if width else 96)
        return folded
    return text


def _fold_positions(text: str, width: int) -> list[int]:
    """Where ruamel folds a `>` block: the index of each space that ends a line of at most `width`."""
    positions, start = [], 0
    for line in textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)[:-1]:
        start = text.index(line, start) + len(line)
        positions.append(start)
        start += 1
    return positions
