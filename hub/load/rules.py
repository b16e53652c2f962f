"""Rules beyond one field's type: cross-field rules, and the languages of translated texts."""
from __future__ import annotations

from pydantic import BaseModel

from hub.model.errors import field_name
from hub.model.records import Event
from hub.model.shapes import Shape, plain_limits, texts

# Codes people write for the site's languages; `no` is Norwegian in general, the site's is `nb`.
_LANGUAGE_MIX_UPS = {"no": "nb", "nn": "nb", "nor": "nb", "nob": "nb", "se": "sv", "swe": "sv", "dk": "da",
                     "dan": "da", "fin": "fi", "nld": "nl", "dut": "nl", "ger": "de", "deu": "de", "gb": "en",
                     "uk": "en", "eng": "en"}


def record_rules(collection: str, record: BaseModel, languages: list[str]):
    """Yield (loc, field, message) for each broken rule of a valid record."""
    if isinstance(record, Event):
        yield from _event(record)
    for name, limit in plain_limits(type(record)).items():
        yield from _limit(record, name, limit)


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
    if event.end <= event.start:
        yield ("end",), "end", (f"the event must end after it starts ({event.start:%Y-%m-%dT%H:%M}), "
                                f"got {event.end:%Y-%m-%dT%H:%M}")
    if not event.online and event.location is None:
        yield (), "location", "required unless the event is online: add `location: {city: ..., country: ...}` or `online: true`"
    for i, item in enumerate(event.agenda):
        if item.start and item.end and item.end <= item.start:
            yield ("agenda", i, "end"), f"agenda[{i}].end", f"must be after the item's start {item.start}, got {item.end!r}"


def _limit(record: BaseModel, name: str, limit: int):
    value = getattr(record, name)
    for lang, text in (value.items() if isinstance(value, dict) else [("", value)] if value else []):
        if len(text) > limit:
            yield (name, lang) if lang else (name,), f"{name}.{lang}" if lang else name, \
                f"at most {limit} characters, got {len(text)}: move the rest into description"
