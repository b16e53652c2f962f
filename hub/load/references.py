"""References between records: every id named must name a record; former ids lead to one record.

Runs after every file is read. An id whose file exists but is invalid counts as present:
its own error is reported once, not again at every record that names it. The references of an
invalid record are checked too (as written), so that every problem is listed in one run.
"""
from __future__ import annotations

import difflib
import re

from hub.model.errors import Problem, field_name
from hub.model.fields import ID_PATTERN
from hub.model.records import COLLECTIONS, VOCABULARIES, singular
from hub.model.shapes import references
from hub.load.problems import suggestion

_ID = re.compile(ID_PATTERN)


def reference_problems(content, docs: dict, present: dict[str, set[str]], invalid=()) -> list[Problem]:
    """Problems with ids named in `content`'s records and in the `invalid` ones ((collection, Document)).

    `docs` maps (collection, id) of every valid record to its Document.
    """
    known = {name: set(records) | present.get(name, set()) for name, records in content.records.items()}
    known["topics"] = set(content.topics) | present.get("topics", set())
    known["series"] = set(content.series) | present.get("series", set())
    problems = []
    written = [(collection, docs[(collection, record_id)], record)
               for collection, records in content.records.items() for record_id, record in records.items()]
    written += [(collection, doc, doc.data) for collection, doc in invalid]
    for collection, doc, record in written:
        for path, ref in references(COLLECTIONS[collection]).items():
            name_or_id, target = ref.or_name, ref.collection
            for loc, value in _values_at(record, path.split(".")):
                # A value that is not an id at all has its own error already (from the model).
                if not isinstance(value, str) or value in known[target] or not _ID.fullmatch(value) \
                        or name_or_id and not _looks_like_id(value, known[target]):
                    continue
                where = f"data/{target}.yml" if target in VOCABULARIES else f"data/{target}/"
                hint = suggestion(value, sorted(known[target]), listing=False) or f"; add it to {where} first"
                problems.append(Problem(doc.path, doc.line_of(loc), field_name(loc),
                                        f"unknown {singular(target)} '{value}'{hint}"))
    for collection, records in content.records.items():
        problems.extend(_alias_problems(content, docs, collection, records))
    return problems


def _alias_problems(content, docs: dict, collection: str, records: dict):
    claimed: dict[str, str] = {}  # former id -> the record that names it first
    for record_id, record in records.items():
        doc = docs[(collection, record_id)]
        for i, alias in enumerate(record.aliases):
            line, field = doc.line_of(("aliases", i)), f"aliases[{i}]"
            first = claimed.setdefault(alias, record_id)
            if first != record_id:
                yield Problem(doc.path, line, field, f"'{alias}' is also a former id of "
                                                     f"{content.sources[(collection, first)]}: an old address can lead to one record only")
            if alias in records:
                whose = "this record's own id" if alias == record_id else f"the id of another record in {collection}"
                yield Problem(doc.path, line, field, f"'{alias}' is {whose}: an alias must be a former id")


def _looks_like_id(value: str, known: set[str]) -> bool:
    """A speaker's organisation `city-of-malmoe` is a misspelt id; `Swedwatch` or `tco` a name."""
    if not value or not re.fullmatch(ID_PATTERN, value):
        return False
    return bool(difflib.get_close_matches(value, list(known), n=1, cutoff=0.8))


def _values_at(record, parts: list[str], loc: tuple = ()):
    """Yield (loc, value) for a dotted path where `*` walks a list; `record` is a model or, as read, a dict."""
    if not parts:
        if isinstance(record, list):
            for i, item in enumerate(record):
                yield loc + (i,), item
        elif record is not None:
            yield loc, record
        return
    head, rest = parts[0], parts[1:]
    if head == "*":
        for i, item in enumerate(record if isinstance(record, list) else []):
            yield from _values_at(item, rest, loc + (i,))
    else:
        value = record.get(head) if isinstance(record, dict) else getattr(record, head, None)
        if value is not None:
            yield from _values_at(value, rest, loc + (head,))
