"""Rules beyond one field's type: cross-field rules, and the languages of translated texts."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from hub.model.errors import field_name
from hub.model.records import Event, Statement
from hub.model.shapes import Shape, fields_of, plain_limits, texts, title_field

TITLE_LIMIT = 200  # a title is a line in a listing, a calendar and a feed
# Ids the site uses for its own pages (`/events/index/` would replace the listing of events).
RESERVED_IDS = frozenset({"index"})
# Codes people write for the site's languages; `no` is Norwegian in general, the site's is `nb`.
_LANGUAGE_MIX_UPS = {"no": "nb", "nn": "nb", "nor": "nb", "nob": "nb", "se": "sv", "swe": "sv", "dk": "da",
                     "dan": "da", "fin": "fi", "nld": "nl", "dut": "nl", "ger": "de", "deu": "de", "gb": "en",
                     "uk": "en", "eng": "en"}


def record_rules(collection: str, record: BaseModel, languages: list[str]):
    """Yield (loc, field, message) for each broken rule of a valid record."""
    yield from _titles(record)
    yield from _repeated_ids(record)
    for i, alias in enumerate(getattr(record, "aliases", [])):
        if alias in RESERVED_IDS:
            yield ("aliases", i), f"aliases[{i}]", reserved(alias)
    if isinstance(record, Event):
        yield from _event(record)
    for name, limit in plain_limits(type(record)).items():
        yield from _limit(record, name, limit)


def record_warnings(collection: str, record: BaseModel):
    """Yield (loc, field, message) for what is probably meant but worth a look; the build goes on."""
    if isinstance(record, Event):
        for name in ("start", "end"):
            wall = getattr(record, name)
            if _ambiguous(wall, record.timezone):
                first = wall.replace(tzinfo=ZoneInfo(record.timezone))
                yield (name,), name, (f"{wall:%Y-%m-%dT%H:%M} happens twice in {record.timezone} (the clocks go back "
                                      f"that night): read as the first, at UTC{_offset(first)}; check the time with the organiser")


def reserved(name: str) -> str:
    return f"'{name}' is a name the site uses for its own pages (the listing): choose another id"


def _titles(record: BaseModel):
    # The record's own title only (an agenda item's may be a sentence: a seed has 202 characters).
    name = title_field(type(record))
    value = getattr(record, name)
    for lang, text in (value.items() if isinstance(value, dict) else [(None, value)]):
        if len(text) > TITLE_LIMIT:
            where = (name, lang) if lang else (name,)
            yield where, field_name(where), f"at most {TITLE_LIMIT} characters, got {len(text)}: put the rest in the summary"


def _repeated_ids(record: BaseModel):
    """The same organiser, topic or language twice is a slip, and would be shown twice."""
    lists = [(name, list(getattr(record, name) or [])) for name, shape in fields_of(type(record))
             if shape.kind == "list" and shape.item.validator in ("_identifier", "_language")]
    if isinstance(record, Statement):
        lists.append(("signatories", [s.organisation for s in record.signatories]))
    for name, values in lists:
        first: dict[str, int] = {}
        for i, value in enumerate(values):
            if value in first:
                loc = (name, i, "organisation") if name == "signatories" else (name, i)
                yield loc, field_name(loc), f"'{value}' is already named at {name}[{first[value]}]: name it once"
            first.setdefault(value, i)


def language_problems(shape: Shape, data, languages: list[str], loc: tuple = ()):
    """Yield (loc, field, message) for each translation in a language the site does not have.

    Works on the data as read, guided by the model's shape, so it reports even when other
    fields are invalid.
    """
    for where, value in texts(shape, data, loc):
        if isinstance(value, dict):
            for lang in value:
                if lang not in languages:
                    yield where + (lang,), field_name(where + (lang,)), unknown_language(lang, languages)


def unknown_language(lang: str, languages: list[str]) -> str:
    near = _LANGUAGE_MIX_UPS.get(lang.lower(), lang.lower())
    hint = f"; did you mean '{near}'?" if near in languages and near != lang else ""
    return f"expected one of the site's languages ({', '.join(languages)}), got '{lang}'{hint}"


def _event(event: Event):
    skipped = False
    for name in ("start", "end"):
        gap = _skipped(getattr(event, name), event.timezone)
        if gap:
            skipped = True
            before, after = gap
            yield (name,), name, (f"{getattr(event, name):%Y-%m-%dT%H:%M} does not exist in {event.timezone}: the clocks "
                                  f"go forward from {before:%H:%M} to {after:%H:%M} that night "
                                  f"(summer time starts); the valid times around it are {before - timedelta(minutes=1):%H:%M} "
                                  f"and {after:%H:%M}")
    if not skipped and _instant(event.end, event.timezone) <= _instant(event.start, event.timezone):
        yield ("end",), "end", (f"the event must end after it starts ({event.start:%Y-%m-%dT%H:%M}), "
                                f"got {event.end:%Y-%m-%dT%H:%M}")
    if not event.online and event.location is None:
        yield (), "location", "required unless the event is online: add `location: {city: ..., country: ...}` or `online: true`"
    elif not event.online and not (event.location.city or event.location.venue):
        yield ("location",), "location", ("expected at least a city or a venue for an event that is not online, "
                                          "like `location: {city: Lund, country: SE}` (or `online: true`)")
    deadline = event.registration.deadline if event.registration else None
    if deadline and deadline > event.end.date():
        yield ("registration", "deadline"), "registration.deadline", \
            f"must not be after the event ends ({event.end:%Y-%m-%d}), got {deadline:%Y-%m-%d}"
    for i, item in enumerate(event.agenda):
        if item.start and item.end and item.end <= item.start:
            yield ("agenda", i, "end"), f"agenda[{i}].end", f"must be after the item's start {item.start}, got {item.end!r}"


def _limit(record: BaseModel, name: str, limit: int):
    value = getattr(record, name)
    for lang, text in (value.items() if isinstance(value, dict) else [("", value)] if value else []):
        if len(text) > limit:
            yield (name, lang) if lang else (name,), f"{name}.{lang}" if lang else name, \
                f"at most {limit} characters, got {len(text)}: move the rest into description"


def _instant(wall: datetime, zone: str) -> datetime:
    return wall.replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)


def _exists(wall: datetime, zone: str) -> bool:
    """A wall-clock time that survives the round trip through UTC is one the zone has."""
    return _instant(wall, zone).astimezone(ZoneInfo(zone)).replace(tzinfo=None) == wall


def _skipped(wall: datetime, zone: str) -> tuple[datetime, datetime] | None:
    """For a time in the hour skipped when summer time starts: (first skipped minute, first valid after)."""
    if _exists(wall, zone):
        return None
    before, after = wall, wall
    while not _exists(before - timedelta(minutes=1), zone):  # gaps are an hour or two: a few steps
        before -= timedelta(minutes=1)
    while not _exists(after, zone):
        after += timedelta(minutes=1)
    return before, after


def _ambiguous(wall: datetime, zone: str) -> bool:
    tz = ZoneInfo(zone)
    return wall.replace(tzinfo=tz, fold=0).utcoffset() != wall.replace(tzinfo=tz, fold=1).utcoffset() \
        and _exists(wall, zone)


def _offset(moment: datetime) -> str:
    minutes = int(moment.utcoffset().total_seconds() // 60)
    return f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
