"""Facts in data/site.yml marked as placeholders: left out of every page, listed as warnings.

A fact is marked by a comment that starts with `placeholder` on the lines just above its key
(`# placeholder: the seeds give no contact address`) or after its value on the same line. A
marked group (`enforcement:`) marks everything inside it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from hub.load.yamlfile import YamlProblem, read_yaml

SITE_FILE = "data/site.yml"
_MARK = re.compile(r"#\s*placeholder\b", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Placeholder:
    line: int
    field: str  # dotted: 'accessibility.contact'
    note: str  # the marking comment, without '#'

    def warning(self) -> str:
        why = re.sub(r"^placeholder\b[:,]?\s*", "", self.note, flags=re.IGNORECASE)
        return f"{SITE_FILE}:{self.line}: {self.field}: a placeholder, left out of every page" + (f" ({why})" if why else "")


def placeholders(root: str) -> tuple[Placeholder, ...]:
    """The marked facts of `<root>/data/site.yml` (none when it is missing or unreadable)."""
    path = os.path.join(root, SITE_FILE)
    try:
        stat = os.stat(path)
    except OSError:
        return ()
    return _read(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _read(path: str, _mtime: int, _size: int) -> tuple[Placeholder, ...]:
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        doc = read_yaml(SITE_FILE, raw)
    except YamlProblem:
        return ()  # `check` reports the file itself
    return marked(raw.decode("utf-8"), doc.lines)


def marked(text: str, key_lines: dict[tuple, int]) -> tuple[Placeholder, ...]:
    """Keys (loc -> line, as the strict reader gives them) marked by a placeholder comment."""
    lines = text.split("\n")
    keys = sorted((line, loc) for loc, line in key_lines.items() if loc and all(isinstance(p, str) for p in loc))
    found = []
    for line, loc in keys:
        note = _comment_above(lines, line) or _comment_after(lines[line - 1])
        if note and not any(loc[: len(p)] == p for _, p, _ in found):
            found.append((line, loc, note))
    return tuple(Placeholder(line, ".".join(loc), note) for line, loc, note in found)


def _comment_above(lines: list[str], line: int) -> str:
    """The placeholder comment in the block of comment lines just above `line` (1-based)."""
    at = line - 2
    block = []
    while at >= 0 and lines[at].strip().startswith("#"):
        block.insert(0, lines[at].strip().lstrip("#").strip())
        at -= 1
    for n, comment in enumerate(block):
        if _MARK.match("# " + comment):
            return " ".join(block[n:])
    return ""


def _comment_after(line: str) -> str:
    match = _MARK.search(line)
    # `#` starts a comment only after a space (or at the start); `a#placeholder` is text.
    if match and (match.start() == 0 or line[match.start() - 1] in " \t"):
        return line[match.start():].lstrip("#").strip()
    return ""


def without_placeholders(site, found: tuple[Placeholder, ...]):
    """`site` (the model) with every marked fact set to None, as pages show it."""
    for placeholder in found:
        site = _drop(site, placeholder.field.split("."))
    return site


def _drop(model, path: list[str]):
    if model is None or path[0] not in type(model).model_fields:
        return model
    if len(path) == 1:
        return model.model_copy(update={path[0]: None})
    return model.model_copy(update={path[0]: _drop(getattr(model, path[0]), path[1:])})
