"""Value types of the content model, each with a message for the contributor who gets it wrong.

Every check raises `PydanticCustomError("hub", ...)` whose text becomes the error line
`path:line: field: <text>`, so the wording here is what contributors read.
"""
from __future__ import annotations

import difflib
import math
import re
import zoneinfo
from datetime import date, datetime
from functools import lru_cache
from typing import Annotated, Any

from babel import Locale
from babel.numbers import list_currencies
from pydantic import AfterValidator, BeforeValidator, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from hub.model.errors import shown
from hub.model.markers import Hint

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID = re.compile(ID_PATTERN)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# An address as it is written in the file, checked strictly: whatever passes is safe in an
# attribute, a calendar or a feed without any further quoting.
_SCHEME = re.compile(r"(https?)://|(mailto):", re.IGNORECASE)
_URL_UNSAFE = re.compile(r"[\s\"'<>\\`{}|^\x00-\x1f\x7f]")
_HOST = re.compile(r"(?:(?:[^\W_]|-)+\.)*(?:[^\W_]|-)+(?::\d{1,5})?|\[[0-9a-fA-F:.]+\](?::\d{1,5})?")
_EMAIL = re.compile(r"[\w.%+-]+@(?:(?:[^\W_]|-)+\.)+(?:[^\W_]|-){2,}")
# Years a record can mean; beyond them, dates are typing mistakes (and 1 or 9999 break time zones).
YEARS = (1900, 2200)
_NUMBER = re.compile(r"^-?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d{1,3})?$")
# Zone abbreviations people copy from invitations, and the IANA zone the contract maps them to.
_ZONE_ABBREVIATIONS = {"CET": "Europe/Brussels", "CEST": "Europe/Brussels", "MET": "Europe/Brussels",
                       "MEZ": "Europe/Brussels", "EET": "Europe/Helsinki", "EEST": "Europe/Helsinki",
                       "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon", "GMT": "Europe/London",
                       "BST": "Europe/London"}


_NOT_GIVEN = object()


def fail(message: str, found: Any = _NOT_GIVEN) -> PydanticCustomError:
    """An error the contributor reads; `found` is quoted after 'got' (an empty value is 'nothing')."""
    if found is not _NOT_GIVEN:
        message = f"{message}, got {'nothing' if found is None else shown(found)}"
    return PydanticCustomError("hub", message.replace("{", "{{").replace("}", "}}"))


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None or not isinstance(value, (str, int, float)):
        raise fail("expected text", value)
    # An empty title is a feed entry without a title and a link without words: leave the field out instead.
    if not str(value).strip():
        raise fail("expected text (to say nothing, leave the field out)", value)
    return str(value)


def _in_years(value: date | datetime, found: Any):
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise fail(f"expected a year from {YEARS[0]} to {YEARS[1]}", found)
    return value


def _date(value: Any) -> date:
    if isinstance(value, date):
        return _in_years(value, value)
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise fail("expected a date like 2021-06-14", value)
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise fail("no such day in the calendar", value) from None
    return _in_years(day, value)


def _datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return _in_years(value, value)
    if not isinstance(value, str) or not _DATETIME.fullmatch(value):
        raise fail("expected a datetime like 2021-06-14T16:00", value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise fail("no such day or time", value) from None
    return _in_years(moment, value)


def _partial_date(value: Any) -> str:
    value = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(value, str) or not _PARTIAL_DATE.fullmatch(value):
        raise fail("expected a date like 2021-06-14, 2021-06 or 2021", value)
    parts = [int(p) for p in value.split("-")]
    try:
        day = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise fail("no such month or day", value) from None
    _in_years(day, value)
    return value


def _clock(value: Any) -> str:
    if not isinstance(value, str) or not _CLOCK.fullmatch(value):
        raise fail('expected a time like "09:00" (24-hour clock, quoted)', value)
    return value


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise fail("expected true or false", value)
    return value


def _integer(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    # Fifteen digits is more than any count or year needs, and keeps int() cheap.
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,15}", value.strip()):
        return int(value)
    raise fail("expected a whole number like 12", value)


def _number(value: Any) -> float | int:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return value
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        text = value.strip().replace("_", "")
        number = float(text)
        # `inf`, `nan` and 1e999 are not amounts, and they break JSON.
        if math.isfinite(number):
            return int(number) if number.is_integer() and not re.search(r"[.eE]", text) else number
    raise fail("expected a number like 1500 or 12.5", value)


def _year(value: Any) -> int:
    year = _integer(value)
    if not YEARS[0] <= year <= YEARS[1]:
        raise fail(f"expected a year from {YEARS[0]} to {YEARS[1]}", value)
    return year


def _within(parse, low: float, high: float, what: str):
    """`parse`, then a check that the number means something for its field: no negative counts, no 1e308."""
    def check(value: Any):
        number = parse(value)
        if not low <= number <= high:
            raise fail(f"expected {what} from {low:,} to {high:,}", value)
        return number
    return PlainValidator(check)


def count(maximum: int):
    """A whole number from 0 to `maximum` (devices, minutes, months)."""
    return Annotated[int, _within(_integer, 0, maximum, "a whole number"), Hint(f"a whole number from 0 to {maximum:,}"),
                     _schema(type="integer", minimum=0, maximum=maximum)]


def amount(maximum: int):
    """A number from 0 to `maximum` (a contract's value)."""
    return Annotated[float, _within(_number, 0, maximum, "a number"), Hint("a number like 1500 or 12.5"),
                     _schema(type="number", minimum=0, maximum=maximum)]


def _url(value: Any) -> str:
    expected = "expected a web address starting with https:// (or http://, mailto:)"
    if not isinstance(value, str):
        raise fail(expected, value)
    scheme = _SCHEME.match(value)
    if not scheme:
        raise fail(expected, value)
    if _URL_UNSAFE.search(value):
        raise fail("expected a web address without spaces, quotes, angle brackets or backslashes "
                   "(write a space as %20)", value)
    if scheme[2]:  # mailto:
        if "?" in value or "&" in value:
            raise fail("expected a mailto: address without ?subject= or other parameters", value)
        if not _EMAIL.fullmatch(value[scheme.end():]):
            raise fail("expected an e-mail address after mailto:, like mailto:name@example.org", value)
        return value
    host = re.split(r"[/?#]", value[scheme.end():], maxsplit=1)[0]
    if "@" in host:
        raise fail("expected a web address without a user name or password before the host", value)
    if not _HOST.fullmatch(host) or host.startswith(("-", ".")):
        raise fail("expected a web address with a host name, like https://example.org/", value)
    return value


def _email(value: Any) -> str:
    if not isinstance(value, str) or not _EMAIL.fullmatch(value):
        raise fail("expected an e-mail address like name@example.org", value)
    return value


def _identifier(value: Any) -> str:
    # fullmatch: `$` in re.match also accepts a trailing newline ("laptops\n").
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise fail("expected an id of lower-case letters, digits and hyphens like city-of-malmo", value)
    return value


@lru_cache(maxsize=None)
def _countries() -> frozenset[str]:
    return frozenset(code for code in Locale("en").territories if len(code) == 2 and code.isalpha())


@lru_cache(maxsize=None)
def _languages() -> frozenset[str]:
    return frozenset(code for code in Locale("en").languages if code.isalpha() and len(code) in (2, 3))


@lru_cache(maxsize=None)
def _zones() -> frozenset[str]:
    """Area/Location names (and UTC): legacy names such as CET or EST5EDT are not places."""
    return frozenset(z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/"))) | {"UTC"}


def _country(value: Any) -> str:
    if not isinstance(value, str) or value.upper() not in _countries():
        raise fail("expected a two-letter country code (ISO 3166-1) like SE, NO or NL", value)
    return value.upper()


def _currency(value: Any) -> str:
    if not isinstance(value, str) or value not in list_currencies():
        raise fail("expected a three-letter currency code (ISO 4217) like EUR or SEK", value)
    return value


def _language(value: Any) -> str:
    if not isinstance(value, str) or value not in _languages():
        raise fail("expected a language code (ISO 639-1) like en, sv or nl", value)
    return value


def _timezone(value: Any) -> str:
    if isinstance(value, str) and value in _zones():
        return value
    expected = "expected a time zone name like Europe/Stockholm or Europe/Brussels"
    if isinstance(value, str) and value.strip().upper() in _ZONE_ABBREVIATIONS:
        zone = _ZONE_ABBREVIATIONS[value.strip().upper()]
        raise fail(f"expected a place-based time zone, got the abbreviation {value!r}: use {zone} "
                   "(summer time is then handled for you)")
    if isinstance(value, str):
        by_case = {z.lower(): z for z in _zones()}
        close = by_case.get(value.strip().lower()) or next(iter(difflib.get_close_matches(value, _zones(), 1, 0.9)), None)
        if close:
            raise fail(f"unknown time zone {value!r}; did you mean {close!r}?")
    raise fail(expected, value)


def _text_or_translations(value: Any) -> str | dict[str, str]:
    # Which languages are allowed is the site's choice: rules.language_problems checks the
    # keys against mkdocs.yml, with the line of each, whether or not the rest is valid.
    if isinstance(value, dict):
        if "en" not in value:
            raise fail("a text with translations must include 'en', the English text")
        return {str(lang): _text(text) for lang, text in value.items()}
    return _text(value)


def _schema(**schema) -> WithJsonSchema:
    return WithJsonSchema(schema)


_TEXT_SCHEMA = {"anyOf": [{"type": "string"}, {"type": "object", "required": ["en"],
                "additionalProperties": {"type": "string"}, "propertyNames": {"pattern": "^[a-z]{2,3}$"}}],
                "description": "Text, or translations as {en: ..., sv: ...}"}

PlainText = Annotated[str, PlainValidator(_text), Hint("text", many="a list of names or short texts, like [First, Second]"), _schema(type="string")]
Text = Annotated[Any, PlainValidator(_text_or_translations), Hint("text, or translations {en: ..., sv: ...}", many="a list of texts (each may have translations)"), WithJsonSchema(_TEXT_SCHEMA)]
Date = Annotated[date, PlainValidator(_date), Hint("a date like 2021-06-14"), _schema(type="string", pattern=_DATE.pattern, examples=["2021-06-14"])]
DateTime = Annotated[datetime, PlainValidator(_datetime), Hint("date and time like 2021-06-14T16:00, the local time in `timezone`"), _schema(type="string", pattern=_DATETIME.pattern, examples=["2021-06-14T16:00"])]
# `published: 2019` is a number to an editor reading YAML 1.2, and fine here.
PartialDate = Annotated[str, PlainValidator(_partial_date), Hint("a date like 2021-06-14, or 2021-06 or 2021 when that is all that is known"), _schema(
    anyOf=[{"type": "string", "pattern": _PARTIAL_DATE.pattern}, {"type": "integer", "minimum": 1000, "maximum": 9999}],
    examples=["2021-06-14", "2021-06", "2021"])]
Clock = Annotated[str, PlainValidator(_clock), Hint('a time like "09:00" (in quotes)'), _schema(type="string", pattern=_CLOCK.pattern, examples=["09:00"])]
Bool = Annotated[bool, PlainValidator(_boolean), Hint("true or false"), _schema(type="boolean")]
Int = Annotated[int, PlainValidator(_integer), Hint("a whole number"), _schema(type="integer")]
Number = Annotated[float, PlainValidator(_number), Hint("a number like 1500 or 12.5"), _schema(type="number")]
Year = Annotated[int, PlainValidator(_year), Hint(f"a year from {YEARS[0]} to {YEARS[1]}, like 2021"),
                 _schema(type="integer", minimum=YEARS[0], maximum=YEARS[1], examples=[2021])]
Url = Annotated[str, PlainValidator(_url), Hint("an https:// address"), _schema(type="string", pattern=r"^(https?://|mailto:)")]
Email = Annotated[str, PlainValidator(_email), Hint("an e-mail address"), _schema(type="string", format="email")]
Id = Annotated[str, PlainValidator(_identifier), Hint("an id", many="ids, like [old-id]"), _schema(type="string", pattern=ID_PATTERN)]
Country = Annotated[str, PlainValidator(_country), Hint("a two-letter country code like SE"), _schema(type="string", pattern="^[A-Z]{2}$", examples=["SE"])]
Currency = Annotated[str, PlainValidator(_currency), Hint("a three-letter currency code like EUR"), _schema(type="string", pattern="^[A-Z]{3}$", examples=["EUR"])]
Language = Annotated[str, PlainValidator(_language), Hint("a language code like en", many="language codes, like [en, sv]"), _schema(type="string", pattern="^[a-z]{2,3}$", examples=["en"])]
TimeZone = Annotated[str, PlainValidator(_timezone), Hint("a time zone like Europe/Stockholm (Europe/Brussels for 'CET')"), _schema(type="string", examples=["Europe/Stockholm"])]


# A result such as "1.2 million tonnes" is text; a number larger than this is a typing mistake.
RESULT_LIMIT = 10**15


def number_or_text(value: Any) -> float | int | str:
    try:
        number = _number(value)
    except PydanticCustomError:
        return _text(value)
    if abs(number) > RESULT_LIMIT:
        raise fail(f"expected a number from -{RESULT_LIMIT:,} to {RESULT_LIMIT:,}, or text", value)
    return number


NumberOrText = Annotated[Any, PlainValidator(number_or_text), Hint("a number, or text"), _schema(type=["number", "string"])]


def ids(min_length: int = 0):
    """A list of record ids; the loader checks that each names a record."""
    def check(values: list) -> list:
        if len(values) < min_length:
            raise fail(f"expected at least {min_length} id{'s' if min_length > 1 else ''}")
        return values
    return Annotated[list[Id], AfterValidator(check)]


def as_list(value: Any) -> Any:
    """Let a single value stand for a list of one (`topics: smartphones`)."""
    return [value] if isinstance(value, (str, dict)) else value
