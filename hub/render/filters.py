"""The filters of a listing: which facets can narrow it, and their values in the reader's order.

Python decides here what `_parts.md`'s `filters` macro lays out: a facet is offered when choosing
one of its values would narrow the list; topics, kinds and countries are in the alphabetical order
of the reader's language (ICU), years newest first.
"""
from __future__ import annotations

from collections import Counter

from hub.render.collation import collated

FACETS = ("topic", "kind", "year", "country", "language")


def _values(collection: str, record) -> list[tuple[str, str]]:
    values = [("topic", t) for t in record.topics]
    if collection == "events":
        country = "online" if record.online else (record.location.country if record.location and record.location.country else "")
        values += [("kind", record.kind), ("year", str(record.start.year)), ("country", country)]
    elif collection == "cases":
        values += [("year", str(record.year)), ("country", record.country)]
    elif collection == "resources":
        values += [("kind", record.kind), ("year", record.published[:4])]
        values += [("language", code) for code in record.language]
    return [pair for pair in values if pair[1]]


def filter_facets(view, collection: str, ids: list[str]) -> dict:
    """{"seen": facet -> values, "offered": facet -> bool, "options": facet -> values in order}."""
    count: Counter = Counter()
    for record_id in ids:
        count.update(set(_values(collection, view.content[collection][record_id])))
    seen = {facet: [value for (f, value) in count if f == facet] for facet in FACETS}
    offered = {facet: any(count[(facet, value)] < len(ids) for value in seen[facet]) for facet in FACETS}
    kind_prefix = "kind_" if collection == "events" else "resource_"
    lang = view.lang
    options = {
        "topic": collated(seen["topic"], lang, lambda t: view.plain(view.content.topics[t])),
        "kind": collated(seen["kind"], lang, lambda k: view.t(kind_prefix + k)),
        "year": sorted(seen["year"], reverse=True),
        # "Online" first, then the countries by their names in the reader's language.
        "country": (["online"] if "online" in seen["country"] else [])
        + collated([c for c in seen["country"] if c != "online"], lang, view.country),
        "language": collated(seen["language"], lang, view.language),
    }
    return {"seen": seen, "offered": offered, "options": options, "kind_prefix": kind_prefix}
