"""Rules that span fields of one record (the model checks each field on its own)."""
from __future__ import annotations

from pydantic import BaseModel

from .model import Event

SUMMARY_LIMIT = 500


def record_rules(collection: str, record: BaseModel, languages: list[str]):
    """Yield (loc, field, message) for each broken rule."""
    yield from _translations(record, (), languages)
    if isinstance(record, Event):
        yield from _event(record)


def _translations(value, loc: tuple, languages: list[str]):
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _translations(getattr(value, name), loc + (name,), languages)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _translations(item, loc + (i,), languages)
    elif isinstance(value, dict):
        for lang in value:
            if lang not in languages:
                field = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in loc).replace(".[", "[")
                yield loc + (lang,), f"{field}.{lang}", (f"'{lang}' is not one of the site's languages "
                                                        f"({', '.join(languages)}); did you mean one of those?")


def _event(event: Event):
    if event.end <= event.start:
        yield ("end",), "end", (f"the event must end after it starts ({event.start:%Y-%m-%dT%H:%M}), "
                                f"got {event.end:%Y-%m-%dT%H:%M}")
    if not event.online and event.location is None:
        yield (), "location", "required unless the event is online: add `location: {city: ..., country: ...}` or `online: true`"
    summaries = event.summary.items() if isinstance(event.summary, dict) else [("", event.summary)]
    for lang, text in summaries:
        if len(text) > SUMMARY_LIMIT:
            field = f"summary.{lang}" if lang else "summary"
            yield ("summary", lang) if lang else ("summary",), field, \
                f"at most {SUMMARY_LIMIT} characters, got {len(text)}: move the rest into description"
    for i, item in enumerate(event.agenda):
        if item.start and item.end and item.end <= item.start:
            yield ("agenda", i, "end"), f"agenda[{i}].end", f"must be after the item's start {item.start}, got {item.end!r}"
