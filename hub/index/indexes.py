"""Indexes built once per build: what is upcoming, what names what, what is newest."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from hub.model.instants import utc
from hub.load.content import Content
from hub.model.records import COLLECTIONS, Event
from hub.model.shapes import references

# Pages that list what names them; series have no page of their own.
_LINKED = ("organisations", "topics", "events")


@dataclass
class Index:
    content: Content
    now: datetime
    upcoming: list[str] = field(default_factory=list)  # event ids, soonest first
    past: list[str] = field(default_factory=list)  # event ids, most recent first
    # (collection of the target, target id) -> {collection: [ids that name it]}
    backlinks: dict[tuple[str, str], dict[str, list[str]]] = field(default_factory=dict)

    def names(self, target_collection: str, target_id: str) -> dict[str, list[str]]:
        return self.backlinks.get((target_collection, target_id), {})

    def newest(self, collection: str, limit: int | None = None) -> list[str]:
        records = self.content[collection]
        ids = sorted(records, key=lambda i: (records[i].added, i), reverse=True)
        return ids[:limit] if limit else ids

    def is_past(self, event: Event) -> bool:
        return utc(event.end, event.timezone) <= self.now

    def registration_closed(self, event: Event) -> bool:
        reg = event.registration
        if reg is None or reg.deadline is None:
            return self.is_past(event)
        local_today = self.now.astimezone(ZoneInfo(event.timezone)).date()
        return local_today > reg.deadline or self.is_past(event)

    def listing(self, collection: str, by_name=None) -> list[str]:
        """A listing's order: newest first (organisations by name); `by_name(id)`, a sort key of the
        record's name in the reader's language, orders records of the same year (render decides it)."""
        records = self.content[collection]
        if by_name is None:
            return sorted(records, key=lambda i: _listing_key(collection, records[i], i))
        dated = collection in ("cases", "statements", "resources")
        return sorted(records, key=lambda i: (_listing_key(collection, records[i], i)[0] if dated else (), by_name(i), i))

    def open_statements(self) -> list[str]:
        return [i for i in self.listing("statements") if self.content["statements"][i].open]

    def past_by_year(self) -> list[tuple[int, list[str]]]:
        """Past events grouped by the year they started, most recent year first."""
        groups: dict[int, list[str]] = {}
        for event_id in self.past:
            groups.setdefault(self.content["events"][event_id].start.year, []).append(event_id)
        return list(groups.items())


def build_index(content: Content, now: datetime) -> Index:
    index = Index(content, now)
    events = content["events"]
    starts = {i: utc(e.start, e.timezone) for i, e in events.items()}
    index.upcoming = sorted((i for i, e in events.items() if not index.is_past(e)), key=lambda i: (starts[i], i))
    index.past = sorted((i for i, e in events.items() if index.is_past(e)), key=lambda i: (starts[i], i), reverse=True)
    links: dict = defaultdict(lambda: defaultdict(list))
    for collection, model in COLLECTIONS.items():
        paths_by_target: dict[str, list[str]] = defaultdict(list)
        for path, ref in references(model).items():
            if ref.collection in _LINKED:
                paths_by_target[ref.collection].append(path)
        for target, paths in paths_by_target.items():
            known = content.topics if target == "topics" else content.records.get(target, {})
            for record_id, record in content[collection].items():
                named = set()
                for path in paths:
                    named.update(_values(record, path.split(".")))
                # A name that is not an id (a speaker's organisation written out) links nowhere.
                for value in named & known.keys():
                    links[(target, value)][collection].append(record_id)
    # Each collection's order is worked out once, not once per record it is listed on (that grew quadratically).
    positions: dict[str, dict[str, int]] = {}
    for series_links in links.values():
        for collection, ids in series_links.items():
            if collection not in positions:
                order = index.upcoming + index.past if collection == "events" else index.newest(collection)
                positions[collection] = {i: n for n, i in enumerate(order)}
            position = positions[collection]
            ids.sort(key=lambda i: position.get(i, 0))
    index.backlinks = {k: dict(v) for k, v in links.items()}
    return index


def _values(record, parts):
    if parts[0] == "*":  # the list items themselves: `_values` walks lists already
        return _values(record, parts[1:])
    value = getattr(record, parts[0], None)
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    if len(parts) == 1:
        return [v for v in items if isinstance(v, str)]
    out = []
    for item in items:
        out.extend(_values(item, parts[1:]))
    return out


def _listing_key(collection: str, record, record_id: str):
    """Listing order: newest first (cases by year, statements by date, resources by publication)."""
    if collection == "cases":
        return (-record.year, record_id)
    if collection == "statements":
        return (-record.date.toordinal(), record_id)
    if collection == "resources":
        return (_negated(record.published), record_id)
    return (_sort_name(record), record_id)


def _negated(published: str) -> tuple:
    return tuple(-int(p) for p in published.split("-"))


def _sort_name(record) -> str:
    name = record.name if isinstance(record.name, str) else record.name["en"]
    return name.casefold()

