"""Drop search entries that repeat the default language's, in linear time.

mkdocs-static-i18n can do this itself (`reconfigure_search: true`), but it compares every
default-language entry with every translated one: 30 s of a 2,800-page build and quadratic
beyond. mkdocs.yml turns that off and the plugin calls this instead, with the same rule: a
translated entry goes when a default-language entry has the same title and text and its
location ends the translated one's ('sv/events/x/#about' and 'events/x/#about'). (i18n's own
pass removes from a list while filtering it, so it misses some; this one does not.)
"""
from __future__ import annotations


def drop_duplicate_translations(entries: list[dict], languages) -> None:
    """Remove, in place, the entries under '<lang>/' that repeat a default-language entry."""
    prefixes = tuple(f"{lang}/" for lang in languages)
    default: dict[tuple, set[str]] = {}
    for entry in entries:
        if not entry["location"].startswith(prefixes):
            default.setdefault((entry["title"], entry["text"]), set()).add(entry["location"])

    def repeats(entry) -> bool:
        location = entry["location"]
        if not location.startswith(prefixes):
            return False
        same = default.get((entry["title"], entry["text"]))
        return bool(same) and any(location[i:] in same for i in range(len(location) + 1))

    entries[:] = [entry for entry in entries if not repeats(entry)]
